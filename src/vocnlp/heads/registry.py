"""Finding heads by name: the ones vocnlp ships (``sentiment``, ``intent``) or a saved folder.

Example:
    >>> shipped_heads()
    ['intent', 'sentiment']
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from .._resources import packaged_models_dir
from ..errors import ModelNotFoundError
from .base import Head

__all__ = ["load_head", "shipped_heads"]


def shipped_heads() -> list[str]:
    """Names of the heads that ship with vocnlp."""
    root = packaged_models_dir() / "heads"
    return sorted(p.name for p in root.iterdir() if (p / "head.json").is_file()) if root.is_dir() else []


@lru_cache(maxsize=16)
def _load_shipped(name: str) -> Head:
    return Head.load(packaged_models_dir() / "heads" / name)


def load_head(name_or_path: str | Path | Head) -> Head:
    """A shipped head by name, or a head saved with :meth:`Head.save` by its folder."""
    if isinstance(name_or_path, Head):
        return name_or_path
    if isinstance(name_or_path, str) and name_or_path in shipped_heads():
        return _load_shipped(name_or_path)
    path = Path(name_or_path)
    if (path / "head.json").is_file():
        return Head.load(path)
    raise ModelNotFoundError(
        f"no head {str(name_or_path)!r}: shipped heads are {shipped_heads()}, "
        "or pass the folder of a head saved with Head.save"
    )
