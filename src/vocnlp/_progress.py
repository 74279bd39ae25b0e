"""Progress bars: tqdm's (text in a terminal, a widget in a notebook), built only when one may show.

A disabled bar is a no-op object, so nothing imports tqdm.auto where nobody watches; where one is built,
tqdm's "IProgress not found" warning (a notebook without ipywidgets: it falls back to a text bar) is
silenced for that import only.

Example:
    >>> with progress_bar(total=3, show=False, desc="x", unit="rows") as bar:
    ...     bar.update(3)
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable
from typing import Any, Self

__all__ = ["progress_bar", "quiet_tqdm_import"]


class _Off:
    """What a disabled bar does: nothing."""

    def __init__(self, iterable: Iterable[Any] | None) -> None:
        self._iterable = iterable if iterable is not None else ()

    def __iter__(self) -> Any:
        return iter(self._iterable)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def update(self, n: int = 1) -> None:
        return None

    def set_postfix_str(self, s: str = "") -> None:
        return None

    def close(self) -> None:
        return None


def progress_bar(
    iterable: Iterable[Any] | None = None,
    *,
    show: bool | None,
    desc: str,
    unit: str,
    total: int | None = None,
    leave: bool = True,
    **kwargs: Any,
) -> Any:
    """A tqdm bar: ``show`` True always, None where stderr is a terminal (tqdm's check; a notebook's is
    not: pass True there), False never."""
    if show is False:
        return _Off(iterable)
    tqdm = quiet_tqdm_import()
    return tqdm(
        iterable, total=total, desc=desc, unit=unit, leave=leave, disable=None if show is None else False, **kwargs
    )


def quiet_tqdm_import() -> Any:
    """``tqdm.auto.tqdm``, imported without its notebook warning; call it before a library that imports
    tqdm.auto itself (transformers through huggingface_hub) so that import finds it done."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="IProgress not found")
        from tqdm.auto import tqdm
    return tqdm
