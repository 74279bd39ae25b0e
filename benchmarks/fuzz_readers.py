"""Coverage-guided fuzzing (atheris) of the table readers: any bytes, as CSV / TSV / JSONL / Parquet.

A reader may reject a file only with a clear, documented error (InputError, or the parser's ValueError /
UnicodeError / OSError naming the problem); any other exception is a finding, saved under build/fuzz/.

    python benchmarks/fuzz_readers.py [--seconds 120] [--no-write]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import ROOT, write_section  # noqa: E402

SUFFIXES = [".csv", ".tsv", ".jsonl", ".parquet"]
ALLOWED = (ValueError, UnicodeError, OSError, EOFError, KeyError)
STATE = {"runs": 0, "rejected": 0, "findings": 0}
OUT = ROOT / "build" / "fuzz"


def one_input(data: bytes) -> None:
    from vocnlp.errors import VocnlpError
    from vocnlp.io import read_batches

    if not data:
        return
    suffix = SUFFIXES[data[0] % len(SUFFIXES)]
    STATE["runs"] += 1
    fd, name = tempfile.mkstemp(suffix=suffix)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data[1:])
        try:
            for chunk in read_batches(name, rows=7, text_cols=["text"]):
                assert len(chunk) <= 7
        except (VocnlpError, *ALLOWED):
            STATE["rejected"] += 1
        except Exception:  # noqa: BLE001 - this is what we look for
            STATE["findings"] += 1
            OUT.mkdir(parents=True, exist_ok=True)
            (OUT / f"finding-{STATE['findings']}{suffix}").write_bytes(data[1:])
            (OUT / f"finding-{STATE['findings']}.txt").write_text(traceback.format_exc())
    finally:
        os.unlink(name)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--seconds", type=int, default=120)
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args()
    import atheris

    with atheris.instrument_imports():
        import vocnlp.io  # noqa: F401
    corpus = Path(tempfile.mkdtemp(prefix="vocnlp-fuzz-corpus-"))
    (corpus / "a").write_bytes(b"\x00id,text\n1,hello\n2,\"a, b\"\n")
    (corpus / "b").write_bytes(b"\x02{\"text\": \"hi\"}\n{\"text\": null}\n")
    (corpus / "c").write_bytes(b"\x00\xef\xbb\xbfid;text\n1;tr\xc3\xa8s\n")
    t0 = time.time()

    def report() -> None:   # libFuzzer ends the process itself when the time is up
        body = (f"atheris, {time.time() - t0:.0f} s, CSV/TSV/JSONL/Parquet readers: {STATE['runs']} inputs, "
                f"{STATE['rejected']} rejected with a documented error, {STATE['findings']} findings "
                "(other exceptions; saved under build/fuzz/).")
        print(body, flush=True)
        if not args.no_write:
            write_section("Fuzzing the readers (benchmarks/fuzz_readers.py)", body)

    import atexit

    atexit.register(report)
    atheris.Setup([sys.argv[0], f"-max_total_time={args.seconds}", "-max_len=2048", "-print_final_stats=0",
                   str(corpus)], one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
