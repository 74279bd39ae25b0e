"""One-off probe: the int8 ONNX encoder (``dtype="int8"``) with one comment per ONNX Runtime call, so that
no activation scale is shared between comments (a comment's vector then no longer depends on its
batch-mates), against the batched int8 encoder and torch fp32, on the 2,000 benchmark comments.
Run: python benchmarks/probes/int8_rows.py   (the int8 file must be built: benchmarks/encode.py --no-bf16)
"""
import sys
import time
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from encode import cpu_isa, load_texts  # noqa: E402

from vocnlp.config import RuntimeConfig  # noqa: E402
from vocnlp.encoders.onnx_int8 import _Hidden  # noqa: E402
from vocnlp.encoders.torch_backend import TorchEncoder  # noqa: E402


def rate(enc: TorchEncoder, texts: list[str]) -> tuple[float, np.ndarray]:
    enc.encode(texts[:50])
    t0 = time.perf_counter()
    emb = enc.encode(texts).embeddings
    return len(texts) / (time.perf_counter() - t0), emb


texts = load_texts(2000)
fp32, ref = rate(TorchEncoder(config=RuntimeConfig(device="cpu", dtype="float32")), texts)
enc = TorchEncoder(config=RuntimeConfig(device="cpu", dtype="int8"))
batched, a = rate(enc, texts)
session = enc.model.session


def one_per_call(*, input_ids, attention_mask):  # type: ignore[no-untyped-def]
    ids, mask = input_ids.cpu().numpy(), attention_mask.cpu().numpy()
    out = np.zeros((*ids.shape, 384), dtype=np.float32)
    for r in range(len(ids)):
        n = int(mask[r].sum())
        (h,) = session.run(["hidden"], {"input_ids": ids[r : r + 1, :n], "attention_mask": mask[r : r + 1, :n]})
        out[r, :n] = h[0]
    return _Hidden(torch.from_numpy(out))


enc.model = one_per_call
rows, b = rate(enc, texts)
c = enc.encode(texts[::-1][:500]).embeddings  # other batch-mates, other order
print(cpu_isa())
print(f"fp32 {fp32:.1f}/s; int8 batched {batched:.1f}/s ({batched / fp32:.2f}x); int8 one per call {rows:.1f}/s "
      f"({rows / fp32:.2f}x); cosine to fp32 batched {(a * ref).sum(1).mean():.5f}, one per call "
      f"{(b * ref).sum(1).mean():.5f} (min {(b * ref).sum(1).min():.4f}); one per call, other batch-mates: max "
      f"|diff| {np.abs(c - b[::-1][:500]).max():.2e}")
