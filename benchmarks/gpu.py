"""GPU throughput: texts/s of the encoder on CUDA (bf16, token-budget batches, pinned host memory, the next
batch padded while the current one runs) and its share of the GPU's measured bf16 GEMM ceiling.

Skips (exit 0) without CUDA. Run: python benchmarks/gpu.py [--n 20000] [--budget 32768]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import md_table, write_section  # noqa: E402
from encode import FLOP_PER_TOKEN, load_texts  # noqa: E402


def bf16_ceiling() -> float:
    import torch

    a = torch.randn(8192, 8192, device="cuda", dtype=torch.bfloat16)
    b = torch.randn(8192, 8192, device="cuda", dtype=torch.bfloat16)
    for _ in range(3):
        a @ b
    torch.cuda.synchronize()
    t = time.perf_counter()
    for _ in range(20):
        a @ b
    torch.cuda.synchronize()
    return 2 * 8192**3 * 20 / (time.perf_counter() - t) / 1e9


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--n", type=int, default=20000)
    ap.add_argument("--budget", type=int, nargs="*", default=[16384, 32768, 65536])
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args()
    import numpy as np
    import torch

    if not torch.cuda.is_available():
        print("no CUDA device: benchmarks/gpu.py skipped")
        return
    from vocnlp.config import RuntimeConfig
    from vocnlp.encoders.torch_backend import TorchEncoder

    base = load_texts(2000)
    texts = (base * (args.n // len(base) + 1))[: args.n]
    # distinct strings, so deduplication does not skip the repeats
    texts = [f"{t} ({i})" for i, t in enumerate(texts)]
    ceiling = bf16_ceiling()
    rows = []
    ref = TorchEncoder(config=RuntimeConfig(device="cpu", dtype="float32")).encode(texts[:500]).embeddings
    for budget in args.budget:
        enc = TorchEncoder(config=RuntimeConfig(device="cuda", max_batch_tokens=budget, max_batch_size=4096))
        mean_tokens = float(np.mean(enc.token_counts(texts)))
        enc.encode(texts[:2000])
        torch.cuda.synchronize()
        t0 = time.perf_counter()
        out = enc.encode(texts)
        torch.cuda.synchronize()
        rate = len(texts) / (time.perf_counter() - t0)
        cos = (out.embeddings[:500] * ref).sum(1)
        share = rate * mean_tokens * FLOP_PER_TOKEN / (ceiling * 1e9)
        rows.append([budget, f"{rate:.0f}", f"{share:.1%}", f"{cos.mean():.5f}",
                     f"{torch.cuda.max_memory_allocated() / 2**20:.0f}"])
        print(rows[-1], flush=True)
    body = (f"{torch.cuda.get_device_name()}; {len(texts)} comments, {mean_tokens:.1f} tokens each on average; "
            f"bf16 GEMM ceiling measured {ceiling:.0f} GFLOP/s (8192^3).\n\n"
            + md_table(["token budget", "texts/s", "share of bf16 ceiling", "cosine to CPU fp32", "peak GPU MB"], rows))
    print(body)
    if not args.no_write:
        write_section("GPU encoder (benchmarks/gpu.py)", body)


if __name__ == "__main__":
    main()
