"""Probe (2026-12-06, Intel Xeon with AVX-512 BF16 and AMX, 2 cores): does a comment's bf16 vector depend on its
batch-mates, and what does `vocnlp.encoders.bert.RowsApartLinear` (the feed-forward's 1,536 -> 384 projection in
calls of CPU_BF16_ROWS rows) cost? On this CPU tests/integration/test_encoders.py::
test_a_vector_does_not_depend_on_its_batch_mates and test_pipeline.py::test_results_do_not_depend_on_the_chunk_size
[bfloat16] failed: with two threads oneDNN splits that product's inner sum differently for different row counts.

Run: python benchmarks/probes/bf16_rows.py [rows ...]   (2,000 real Wisesight posts; each setting twice, alternating)

Result (2026-12-06, this machine; python benchmarks/probes/bf16_rows.py 512, then 128 256 1024): plain nn.Linear:
39 of the 80 sample comments' vectors differ between encoding them whole and in batches of 7, by up to 0.00092;
with RowsApartLinear, none, at every row count. Encoding the 2,000 posts, rows apart / plain: 512 rows 6.5 / 5.1 s,
128 6.4 / 5.2, 256 5.4 / 4.7, 1,024 5.5 / 4.7: 1.15-1.27x slower. Kept at 512 (a single short comment pads one call
of 512 rows per layer): vectors that do not depend on batch-mates, for about a fifth of the CPU bf16 encoder's
speed; CPUs without bf16 (float32, int8) and GPUs run as before.
The alternatives, on that product alone (2,048 x 1,536 -> 384, five times; same day, `... bf16_rows.py 512`): oneDNN's
deterministic flag (torch.backends.mkldnn.flags(deterministic=True)) leaves rows moving (up to 0.0156 between 64-256
and 2,048 rows) at the same 0.006 s; oneDNN off moves none but takes 0.343 s, 57x as long.
"""
import contextlib
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))
import numpy as np
import pandas as pd
import torch

import vocnlp
from vocnlp.config import RuntimeConfig
from vocnlp.encoders import bert, get_encoder


def swap(model, cls) -> None:  # type: ignore[no-untyped-def]
    for m in model.modules():
        if isinstance(m, torch.nn.Linear) and m.in_features > 1024:
            m.__class__ = cls


texts = pd.read_csv(ROOT.parent / "shared" / "data" / "sentiment_wisesight_sentiment" / "data.csv")["text"]
texts = texts.dropna().astype(str).sample(2000, random_state=11).tolist()
sample = vocnlp.io.load_sample()["comment"].tolist()[:80]
enc = get_encoder("torch", config=RuntimeConfig(device="cpu"))
print(enc.describe()["dtype"])
for rows in [int(r) for r in sys.argv[1:]] or [bert.CPU_BF16_ROWS]:
    bert.CPU_BF16_ROWS = rows
    secs = {}
    for cls in (bert.RowsApartLinear, torch.nn.Linear):
        swap(enc.model, cls)
        whole = enc.encode(sample).embeddings
        parts = np.concatenate([enc.encode(sample[k : k + 7]).embeddings for k in range(0, len(sample), 7)])
        d = np.abs(parts - whole).max(axis=1)
        t = time.perf_counter()
        enc.encode(texts)
        secs[cls.__name__] = time.perf_counter() - t
        print(f"{rows} rows, {cls.__name__}: {(d > 1e-6).sum()} of {len(d)} vectors differ (max {d.max():.5f}); "
              f"2,000 posts {secs[cls.__name__]:.1f} s", flush=True)

# the alternative tried: oneDNN's deterministic mode (or oneDNN off) for that product alone, 2,048 x 1,536 x 384,
# against the default (five products each)
w = (torch.randn(384, 1536) * 0.02).bfloat16()
x = torch.randn(2048, 1536).bfloat16()
modes = (("default", None), ("deterministic", {"enabled": True, "deterministic": True}), ("oneDNN off", {"enabled": False}))
for name, flags in modes:
    with torch.backends.mkldnn.flags(**flags) if flags else contextlib.nullcontext(), torch.no_grad():
        full = torch.nn.functional.linear(x, w)
        moved = max((torch.nn.functional.linear(x[:m], w) - full[:m]).abs().max().item() for m in (64, 128, 256))
        t = time.perf_counter()
        for _ in range(5):
            torch.nn.functional.linear(x, w)
        print(f"{name}: rows moved by up to {moved:.4f}; {time.perf_counter() - t:.3f} s", flush=True)
