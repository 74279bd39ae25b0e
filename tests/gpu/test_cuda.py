"""CUDA path: same vectors as CPU within bf16 tolerance. Skipped cleanly without CUDA."""

from __future__ import annotations

import pytest

torch = pytest.importorskip("torch")
pytestmark = pytest.mark.skipif(not torch.cuda.is_available(), reason="needs CUDA")


def test_cuda_matches_cpu() -> None:
    from vocnlp.config import RuntimeConfig
    from vocnlp.encoders import get_encoder

    texts = ["Great support!", "Die Lieferung kam zu spät", "很好", "x " * 900]
    gpu = get_encoder("torch", config=RuntimeConfig(device="cuda"))
    assert gpu.describe()["dtype"] in ("bfloat16", "float16")
    a = gpu.encode(texts).embeddings
    b = get_encoder("torch", config=RuntimeConfig(device="cpu")).encode(texts).embeddings
    assert ((a * b).sum(1) > 0.99).all()
