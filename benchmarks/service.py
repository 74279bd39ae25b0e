"""HTTP service under load: throughput and p50/p99 latency at concurrency 1, 8, 32, with and without
request micro-batching. The server runs in its own process (`vocnlp serve` on 127.0.0.1); the load
generator sends a bounded number of one-comment requests (real NPS verbatims) and stops by itself.
Run: python benchmarks/service.py [--requests 128]
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import os
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
from _common import SHARED_DATA, md_table, write_section  # noqa: E402


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(batching: bool) -> tuple[subprocess.Popen, str]:
    import httpx

    port = free_port()
    cmd = [sys.executable, "-m", "vocnlp.cli", "serve", "--port", str(port)] + ([] if batching else ["--no-micro-batching"])
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ, "HF_HUB_OFFLINE": "1"})
    url = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            if httpx.get(url + "/readyz", timeout=1).status_code == 200:
                return proc, url
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    proc.kill()
    raise RuntimeError("server did not start")


async def load(url: str, texts: list[str], concurrency: int) -> tuple[float, list[float]]:
    import httpx

    queue: asyncio.Queue[str] = asyncio.Queue()
    for t in texts:
        queue.put_nowait(t)
    latencies: list[float] = []

    async def worker(client: httpx.AsyncClient) -> None:
        while not queue.empty():
            text = queue.get_nowait()
            t0 = time.perf_counter()
            r = await client.post("/v1/analyze", json={"comments": [{"text": text}]})
            r.raise_for_status()
            latencies.append(time.perf_counter() - t0)

    async with httpx.AsyncClient(base_url=url, timeout=120) as client:
        t0 = time.perf_counter()
        await asyncio.gather(*(worker(client) for _ in range(concurrency)))
        return time.perf_counter() - t0, latencies


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--requests", type=int, default=128)
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args()
    rows_in = [r["text"] for r in csv.DictReader((SHARED_DATA / "nps_verbatims_en" / "nps_verbatims.csv").open(encoding="utf-8"))]
    texts = [t for t in rows_in if t and t.strip()][: args.requests]
    results = {}
    rows = []
    for batching in (False, True):
        proc, url = start(batching)
        try:
            asyncio.run(load(url, texts[:16], 4))  # warm-up
            for conc in (1, 8, 32):
                secs, lat = asyncio.run(load(url, texts, conc))
                lat.sort()
                p99 = lat[min(len(lat) - 1, int(0.99 * len(lat)))]
                results[(batching, conc)] = len(texts) / secs
                rows.append(["on" if batching else "off", conc, f"{len(texts) / secs:.1f}",
                             f"{1000 * statistics.median(lat):.0f}", f"{1000 * p99:.0f}"])
                print(rows[-1], flush=True)
        finally:
            proc.terminate()
            proc.wait(timeout=30)
    gain = results[(True, 32)] / results[(False, 32)]
    body = (f"{len(texts)} one-comment requests (NPS verbatims) per row, over loopback, server in its own process"
            " (default pipeline: langid, encoder, sentiment with clauses, intent); max wait 5 ms.\n\n"
            + md_table(["micro-batching", "concurrency", "requests/s", "p50 ms", "p99 ms"], rows)
            + f"\n\nAt concurrency 32, micro-batching serves {gain:.2f}x the requests per second.")
    print(body)
    if not args.no_write:
        write_section("HTTP service under load (benchmarks/service.py)", body)


if __name__ == "__main__":
    main()
