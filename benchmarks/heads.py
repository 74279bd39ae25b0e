"""What the heads cost inside the pipeline: the same pipeline with and without them, in one run.

Data: 1,000 real NPS verbatims (../shared/data/nps_verbatims_en; 30% have more than one clause).
Configurations, each run on the same texts, interleaved, median of --repeats runs:
  A  langid + encoder pass, no heads (a stage that only touches the embeddings)
  B  A + sentiment head (whole comment) + intent head
  C  the default pipeline: B + clause-level sentiment (clauses embedded in the same encoder call)
Reports seconds, texts/s and the ratios B/A (what the heads add) and C/A (what clauses add), plus the
heads' own matrix work timed alone.
Run: python benchmarks/heads.py [--n 1000] [--repeats 3]
"""

from __future__ import annotations

import argparse
import csv
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
from _common import SHARED_DATA, md_table, write_section  # noqa: E402


class _EmbeddingsOnly:
    """Forces the shared encoder pass without any head."""

    name = "embeddings_only"
    needs_clauses = False
    output_columns = ("dim",)

    def columns(self, batch):  # type: ignore[no-untyped-def]
        return {"dim": [batch.embeddings.shape[1]] * len(batch)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args()

    from vocnlp.heads import IntentStage, SentimentStage
    from vocnlp.pipeline import Pipeline

    rows = [r["text"] for r in csv.DictReader((SHARED_DATA / "nps_verbatims_en" / "nps_verbatims.csv").open(encoding="utf-8"))]
    texts = [t for t in rows if t and t.strip()][: args.n]
    configs = {
        "A: langid + encoder, no heads": Pipeline(stages=[_EmbeddingsOnly()]),
        "B: A + sentiment (whole comment) + intent": Pipeline(stages=[SentimentStage(clause_level=False), IntentStage()]),
        "C: default (B + clause-level sentiment)": Pipeline.default(),
    }
    for nlp in configs.values():  # load models and warm up
        nlp.run(texts[:64])
    times: dict[str, list[float]] = {k: [] for k in configs}
    for _ in range(args.repeats):
        for name, nlp in configs.items():
            t0 = time.perf_counter()
            nlp.run(texts)
            times[name].append(time.perf_counter() - t0)
            print(name, f"{times[name][-1]:.2f}s", flush=True)
    med = {k: statistics.median(v) for k, v in times.items()}
    base = med["A: langid + encoder, no heads"]
    table = [[k, f"{v:.2f}", f"{len(texts) / v:.1f}", f"{v / base:.3f}"] for k, v in med.items()]

    import numpy as np

    from vocnlp import embed, load_head

    emb = embed(texts)
    heads = [load_head("sentiment"), load_head("intent")]
    t0 = time.perf_counter()
    for _ in range(20):
        for h in heads:
            h.predict_proba(emb)
    head_s = (time.perf_counter() - t0) / 20
    from vocnlp.clauses import split_clauses

    t0 = time.perf_counter()
    n_clauses = [len(split_clauses(t)) for t in texts]
    split_s = time.perf_counter() - t0
    body = (f"{len(texts)} NPS verbatims; median of {args.repeats} interleaved runs per configuration; torch backend, CPU.\n\n"
            + md_table(["configuration", "seconds", "texts/s", "time vs A"], table)
            + f"\n\nThe two heads' matrix work alone: {head_s * 1000:.1f} ms for {len(texts)} comments"
            f" ({head_s / base:.2%} of A). Clause splitting alone: {split_s:.2f} s"
            f" ({np.mean([k > 1 for k in n_clauses]):.0%} of comments have more than one clause,"
            f" {sum(k for k in n_clauses if k > 1)} clause texts are embedded besides the {len(texts)} comments)."
            " C's extra time is those clause embeddings: switch it off with `Pipeline.default(clause_sentiment=False)`"
            " when throughput matters more than `sentiment_mixed` and clause-level scores.")
    print(body)
    if not args.no_write:
        write_section("Heads: cost in the pipeline (benchmarks/heads.py)", body)


if __name__ == "__main__":
    main()
