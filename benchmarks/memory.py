"""Peak memory of a streamed job: `vocnlp tag` over N rows of Parquet (default pipeline), in a fresh process.

The input is built by benchmarks/jobs.py's recipe (distinct comments of ../shared/data, repeated) in another
process, so the measured process holds only what the job needs. Reports the job process's peak RSS
(ru_maxrss of the child) and its RSS sampled every 10 s (flat = streaming; growing = something accumulates).

    python benchmarks/memory.py --rows 100000 1000000 [--no-write]
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import resource
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import md_table, write_section  # noqa: E402
from jobs import WORK, build_input  # noqa: E402


def run(rows: int) -> dict[str, float]:
    ctx = mp.get_context("spawn")
    with ctx.Pool(1) as pool:
        path = pool.apply(build_input, (rows,))
    out = WORK / f"out-mem-{rows}"
    shutil.rmtree(out, ignore_errors=True)
    cmd = [sys.executable, "-m", "vocnlp.cli", "tag", str(path), "--text-col", "comment", "--id-col", "response_id",
           "--out", str(out)]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    samples: list[tuple[float, float]] = []

    def sample() -> None:
        while proc.poll() is None:
            try:
                for line in Path(f"/proc/{proc.pid}/status").read_text().splitlines():
                    if line.startswith("VmRSS"):
                        samples.append((time.perf_counter() - t0, int(line.split()[1]) / 1024))
            except OSError:
                pass
            time.sleep(10)

    threading.Thread(target=sample, daemon=True).start()
    stdout, _ = proc.communicate()
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        raise SystemExit(f"job failed: {stdout[-2000:]}")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    tail = [s for t, s in samples if t > wall * 0.5]
    head = [s for t, s in samples if wall * 0.1 < t <= wall * 0.5]
    res = {"rows": rows, "seconds": wall, "peak_mb": peak, "rss_first_half": max(head or [0]),
           "rss_second_half": max(tail or [0])}
    print(res, flush=True)
    return res


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--rows", type=int, nargs="+", default=[100_000, 1_000_000])
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args()
    results = [run(n) for n in args.rows]
    rows = [[f"{r['rows']:,}", f"{r['seconds']:.0f}", f"{r['rows'] / r['seconds']:.0f}", f"{r['peak_mb']:.0f}",
             f"{r['rss_first_half']:.0f} / {r['rss_second_half']:.0f}"] for r in results]
    body = ("`vocnlp tag` over a Parquet file in a fresh process (default pipeline: language, sentiment with "
            "clauses, intent; chunks of 4,096 rows). Peak RSS is the job process's maximum; the last column is "
            "the highest RSS sampled in the first and the second half of the run.\n\n"
            + md_table(["rows", "seconds", "rows/s", "peak RSS MB", "RSS 1st half / 2nd half MB"], rows))
    print(body)
    if not args.no_write:
        write_section("Memory of a streamed job (benchmarks/memory.py)", body)


if __name__ == "__main__":
    main()
