"""Batch jobs: rows/s of a 200k-row job, single process (`vocnlp.jobs.tag`) and on a local Ray cluster.

The 200k rows are every distinct comment of ../shared/data (NPS verbatims, UCI sentences, Bitext, Banking77,
CLINC150, Lingua sentences in 13 languages: about 47k texts), repeated in a fixed shuffled order until 200k
rows, each with its own id. Repeats are ~4x apart, far more than a chunk: no chunk holds the same text twice
more often than the data itself does, so the job does the full work per row.

Single process: `jobs.tag` over a Parquet file, default pipeline (language, sentiment with clauses, intent),
torch on both cores. Ray: `ray start --head` on 127.0.0.1 with 2 CPUs, `tag_dataset` with 2 actors of 1 CPU
(torch on 1 thread each), read and written as Parquet. Both include model loading.

    python benchmarks/jobs.py [--rows 200000] [--skip-ray] [--skip-single]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import ROOT, SHARED_DATA, md_table, write_section  # noqa: E402

WORK = ROOT / "build" / "bench_jobs"


def corpus() -> list[str]:
    files = {
        "nps_verbatims_en/nps_verbatims.csv": "text",
        "sentiment_uci_labelled_sentences_en/uci_sentiment_labelled_sentences.csv": "text",
        "intent_bitext_customer_support_en/bitext_customer_support_20k.csv": "text",
        "intent_banking77_en/banking77_test.csv": "text",
        "intent_clinc150_en/clinc150_test.csv": "text",
        "langid_lingua_sentences/lingua_sentences_target13.csv": "text",
    }
    texts: list[str] = []
    for rel, col in files.items():
        df = pd.read_csv(SHARED_DATA / rel, keep_default_na=False)
        texts += [t for t in df[col].astype(str) if t.strip()]
    return list(dict.fromkeys(texts))


def build_input(rows: int) -> Path:
    WORK.mkdir(parents=True, exist_ok=True)
    path = WORK / f"input-{rows}.parquet"
    if not path.exists():
        texts = corpus()
        order = np.random.default_rng(0).permutation(len(texts))
        picks = [texts[order[i % len(texts)]] for i in range(rows)]
        pd.DataFrame({"response_id": [f"r{i:07d}" for i in range(rows)], "comment": picks}).to_parquet(path, index=False,
                                                                                                    row_group_size=5000)
    return path


def run_single(path: Path) -> dict[str, float]:
    from vocnlp import jobs

    out = WORK / "out-single"
    shutil.rmtree(out, ignore_errors=True)
    t0 = time.perf_counter()
    summary = jobs.tag(str(path), out=out, text_col="comment", id_col="response_id", progress=False)
    wall = time.perf_counter() - t0
    return {"rows": summary.rows, "seconds": wall, "rows_per_s": summary.rows / wall}


def run_ray(path: Path, workers: int) -> dict[str, float]:
    import ray

    from vocnlp.config import RuntimeConfig
    from vocnlp.integrations.ray import tag_dataset

    ray_bin = shutil.which("ray", path=str(Path(sys.executable).parent)) or "ray"
    env = {**os.environ, "RAY_USAGE_STATS_ENABLED": "0"}
    subprocess.run([ray_bin, "stop", "--force"], env=env, capture_output=True)
    # one logical CPU more than the actors hold, for Ray Data's read and write tasks
    subprocess.run([ray_bin, "start", "--head", "--node-ip-address=127.0.0.1", "--port=6391",
                    f"--num-cpus={workers + 1}", "--include-dashboard=false", "--disable-usage-stats"],
                   env=env, check=True, capture_output=True)
    out = WORK / "out-ray"
    shutil.rmtree(out, ignore_errors=True)
    try:
        ray.init(address="127.0.0.1:6391", log_to_driver=False)
        t0 = time.perf_counter()
        ds = ray.data.read_parquet(str(path))
        tagged = tag_dataset(ds, text_col="comment", num_workers=workers, num_cpus_per_worker=1,
                             config=RuntimeConfig(device="cpu", num_threads=1))
        tagged.write_parquet(str(out))
        wall = time.perf_counter() - t0
        rows = sum(pd.read_parquet(p, columns=["status"]).shape[0] for p in out.glob("*.parquet"))
    finally:
        ray.shutdown()
        subprocess.run([ray_bin, "stop", "--force"], env=env, capture_output=True)
    return {"rows": rows, "seconds": wall, "rows_per_s": rows / wall}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=200_000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--skip-ray", action="store_true")
    ap.add_argument("--skip-single", action="store_true")
    args = ap.parse_args()
    path = build_input(args.rows)
    unique = pd.read_parquet(path, columns=["comment"])["comment"].nunique()
    results: list[list[object]] = []
    if not args.skip_single:
        r = run_single(path)
        print("single", r, flush=True)
        results.append(["single process (`jobs.tag`, torch 2 threads)", r["rows"], f"{r['seconds']:.0f}", f"{r['rows_per_s']:.1f}"])
    if not args.skip_ray:
        r = run_ray(path, args.workers)
        print("ray", r, flush=True)
        results.append([f"local Ray cluster, {args.workers} actors x 1 CPU (`tag_dataset`)", r["rows"],
                        f"{r['seconds']:.0f}", f"{r['rows_per_s']:.1f}"])
    if args.rows == 200_000 and not (args.skip_ray or args.skip_single):
        body = (f"{args.rows} rows ({unique} distinct comments of ../shared/data, repeated in a shuffled order), "
                "default pipeline (language, sentiment with clauses, intent), Parquet in and out, model loading "
                "included.\n\n" + md_table(["job", "rows", "seconds", "rows/s"], results))
        write_section("Batch jobs: 200k rows (benchmarks/jobs.py)", body)


if __name__ == "__main__":
    main()
