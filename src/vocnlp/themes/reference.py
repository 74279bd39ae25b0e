"""Language offsets measured on vocnlp's own multilingual set (the same kinds of comments in 15 languages).

The multilingual encoder places a German and a Polish complaint about late delivery close, but each
language also shifts its comments a little in its own direction. The offset of a language is the mean
of its comments minus the mean over languages, measured on a set whose languages cover the same topics
(``models/training/voc_multilingual.csv``), so an offset holds the language and not a topic mix.
ThemeModel removes the 14 directions these 15 offsets span (``language_centering="reference"``), which
also removes most of what tells other languages apart. ``tools/make_language_offsets.py`` writes
``models/themes/language_offsets.safetensors``.

Example:
    >>> sorted(reference_offsets())[:3]
    ['ar', 'de', 'en']
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from .._resources import packaged_models_dir

if TYPE_CHECKING:
    import numpy as np

__all__ = ["OFFSETS_FILE", "reference_offsets"]

OFFSETS_FILE = "themes/language_offsets.safetensors"


@lru_cache(maxsize=1)
def reference_offsets() -> dict[str, np.ndarray]:
    """``{language: offset}`` for the languages of the reference set (empty if the file is missing)."""
    from safetensors.numpy import load_file

    path = packaged_models_dir() / OFFSETS_FILE
    if not path.is_file():
        return {}
    return dict(load_file(str(path)))
