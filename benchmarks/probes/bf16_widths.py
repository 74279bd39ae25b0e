"""One-off probe (the bf16 chunk-size bug): which padded widths give a row the same bf16 vector.

One real comment at a time, padded to widths from its own length up to 512, encoded alone in bf16 on the
CPU; widths whose vectors are bit-identical are grouped. Also a batch-size check: rows of one length,
encoded in batches of 1, 5 and 55, at the same width. Then whole encoder calls: 600 real comments encoded
in one call against in chunks of 50 (other batch-mates, other batches), the largest difference of a vector.
Run: python benchmarks/probes/bf16_widths.py
"""

import sys
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))
from encode import cpu_isa, load_texts  # noqa: E402

from vocnlp.config import RuntimeConfig  # noqa: E402
from vocnlp.encoders.torch_backend import TorchEncoder  # noqa: E402

enc = TorchEncoder(config=RuntimeConfig(device="cpu", dtype="bfloat16"))
texts = load_texts(2000)
content = enc.tokenize(texts)


def run(rows: list[int], width: int | None = None) -> np.ndarray:
    ids, mask = enc._tensors([(i, 0, len(content[i])) for i in rows], content)
    if width is not None and width > ids.shape[1]:
        pad = width - ids.shape[1]
        ids = torch.nn.functional.pad(ids, (0, pad), value=enc._pad_id)
        mask = torch.nn.functional.pad(mask, (0, pad), value=0)
    return enc._forward(ids, mask)


print(cpu_isa())
for target in (10, 20, 40, 60, 100):
    i = min(range(len(content)), key=lambda k: abs(len(content[k]) - target))
    n = len(content[i]) + 2
    widths = sorted({*range(n, n + 20), *(w for w in (64, 128, 256, 512) if w >= n)})
    outs = {w: run([i], w)[0] for w in widths}
    groups: list[list[int]] = []
    for w in widths:
        same = next((g for g in groups if np.array_equal(outs[g[0]], outs[w])), None)
        same.append(w) if same is not None else groups.append([w])
    print(f"length {n}: widths with identical vectors {[f'{g[0]}-{g[-1]}' if len(g) > 1 else str(g[0]) for g in groups]}; "
          f"largest difference between groups {max(np.abs(outs[g[0]] - outs[groups[0][0]]).max() for g in groups):.4f}")
rows = [i for i, c in enumerate(content) if len(c) == 20][:55]
full = run(rows)
print("same width, batch of 55 vs 5 vs 1:", np.abs(full[:5] - run(rows[:5])).max(),
      np.abs(full[:1] - run(rows[:1])).max())
sample = texts[:600]
whole = enc.encode(sample).embeddings
parts = np.concatenate([enc.encode(sample[k : k + 50]).embeddings for k in range(0, 600, 50)])
print(f"600 comments in one call vs in calls of 50: largest difference {np.abs(whole - parts).max():.2e}")

# the price: the 2,000 comments encoded with the batching before (rows padded to their batch's longest, any
# lengths in one batch) and now (one block of 4 lengths per batch, padded to the block's last), alternated
import time  # noqa: E402

from vocnlp.encoders import torch_backend  # noqa: E402

now_width = torch_backend.TorchEncoder._width
now_block = torch_backend.CPU_LENGTH_BLOCK
rates: dict[str, list[float]] = {"before": [], "now": []}
enc.encode(texts[:100])
for _ in range(5):
    for mode in rates:
        torch_backend.CPU_LENGTH_BLOCK = now_block if mode == "now" else 1
        torch_backend.TorchEncoder._width = now_width if mode == "now" else (lambda self, n: n)  # type: ignore[method-assign]
        t0 = time.perf_counter()
        enc.encode(texts)
        rates[mode].append(len(texts) / (time.perf_counter() - t0))
med = {k: float(np.median(v)) for k, v in rates.items()}
print(f"texts/s, 5 alternated runs each: before {[round(x) for x in rates['before']]}, now {[round(x) for x in rates['now']]}; "
      f"median now / before {med['now'] / med['before']:.3f}")
