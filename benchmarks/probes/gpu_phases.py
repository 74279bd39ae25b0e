"""Where the time of a GPU encoder pass and of a GPU pipeline run goes (a probe for benchmarks/gpu.py).

Encoder: tokenisation, batch planning, padding, the forward passes alone (tensors built beforehand) and
the pooling sums, each timed on its own over the same 20,000 comments, against the whole ``encode``.
Pipeline: cProfile of one run over 10,000 comments, top functions by own time and by cumulative time.

Run from a folder written by ``benchmarks/gpu.py --prepare``:
    python benchmarks/probes/gpu_phases.py --bundle .gpu [--device cpu --n 600]   # cpu: dry run
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import pstats
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from gpu import _sync, _unpack  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--bundle", type=Path, required=True)
    ap.add_argument("--device", default="cuda")
    ap.add_argument("--n", type=int, default=20000)
    ap.add_argument("--pipe-n", type=int, default=10000)
    ap.add_argument("--budget", type=int, default=65536)
    args = ap.parse_args()
    _unpack(args.bundle)
    sys.path.insert(0, str(args.bundle / "pkgs"))
    import numpy as np

    import vocnlp
    from vocnlp.config import RuntimeConfig
    from vocnlp.encoders.batching import dedupe, plan_batches, split_windows
    from vocnlp.encoders.torch_backend import TorchEncoder
    from vocnlp.langid import LanguageDetector

    texts = json.loads((args.bundle / "texts.json").read_text())[: args.n]
    enc = TorchEncoder(config=RuntimeConfig(device=args.device, max_batch_tokens=args.budget, max_batch_size=4096,
                                            progress=False))
    enc.encode(texts[:2000])
    times: dict[str, float] = {}

    def clock(name: str, fn, *a):  # type: ignore[no-untyped-def]
        _sync()
        t = time.perf_counter()
        out = fn(*a)
        _sync()
        times[name] = time.perf_counter() - t
        return out

    for _ in range(2):
        clock("encode (whole)", enc.encode, texts)
    uniq, _inv = clock("dedupe", dedupe, texts)
    content = clock("tokenize", enc.tokenize, uniq)
    extra = len(enc._head_ids) + len(enc._tail_ids)
    windows = [(i, a, b) for i, ids in enumerate(content) for a, b in split_windows(len(ids), enc.max_tokens - extra)]
    lengths = [enc._width(b - a + extra) for _, a, b in windows]
    batches = clock("plan batches", lambda: plan_batches(lengths, max_tokens=args.budget, max_batch_size=4096))
    tensors = clock("pad (host tensors)", lambda: [enc._tensors([windows[j] for j in b], content) for b in batches])
    pooled = clock("forward only (all batches)", lambda: [enc._forward(*t) for t in tensors])

    def sums() -> None:
        acc = np.zeros((len(uniq), enc.dim))
        for b, p in zip(batches, pooled):
            for row, j in enumerate(b):
                acc[windows[j][0]] += p[row]

    clock("pooling sums (python loop)", sums)
    print(f"{len(texts)} texts, {len(batches)} batches at budget {args.budget}")
    for k, v in times.items():
        print(f"  {k:32s} {v:7.3f} s")

    cfg = RuntimeConfig(device=args.device, max_batch_tokens=args.budget, max_batch_size=4096, progress=False)
    nlp = vocnlp.Pipeline.default(config=cfg, themes=str(args.bundle / "themes"), clause_sentiment=True)
    nlp.language_detector = LanguageDetector("fasttext")
    nlp.run(texts[:2000])
    prof = cProfile.Profile()
    t = time.perf_counter()
    prof.enable()
    nlp.run(texts[: args.pipe_n])
    prof.disable()
    print(f"pipeline {args.pipe_n} comments: {time.perf_counter() - t:.2f} s under cProfile")
    for key in ("tottime", "cumulative"):
        s = io.StringIO()
        pstats.Stats(prof, stream=s).sort_stats(key).print_stats(28)
        lines = [ln for ln in s.getvalue().splitlines() if ln.strip()]
        start = next(i for i, ln in enumerate(lines) if "ncalls" in ln)
        print(f"-- by {key}")
        for ln in lines[start : start + 29]:
            print(ln[:170])


if __name__ == "__main__":
    main()
