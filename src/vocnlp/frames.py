"""DataFrame in, same DataFrame type out: pandas, polars, or a list of strings (-> pandas).

Example:
    >>> frame = as_frame(["good", "bad"], text_col="text")       # doctest: +SKIP
    >>> frame.kind, frame.texts()                                  # doctest: +SKIP
    ('list', ['good', 'bad'])
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ._lazy import import_optional
from .errors import InputError

_SURROGATE = re.compile(r"[\ud800-\udfff]")
__all__ = ["InputFrame", "as_frame", "require_columns", "to_pandas"]


@dataclass
class InputFrame:
    """The caller's data, what kind it was, and its text column."""

    kind: str  # pandas / polars / list
    data: Any
    text_col: str

    def __len__(self) -> int:
        return len(self.data)

    def texts(self) -> list[object]:
        if self.kind == "list":
            return list(self.data)
        if self.kind == "polars":
            return self.data.get_column(self.text_col).to_list()
        return self.data[self.text_col].tolist()

    def with_columns(self, columns: dict[str, list[Any]]) -> Any:
        """Input columns kept, new columns appended (or replaced), rows in the same order."""
        if self.kind == "polars":
            pl = import_optional("polars")
            series = [pl.Series(name, values, strict=False) for name, values in columns.items()]
            return self.data.with_columns(series)
        pd = import_optional("pandas")
        if self.kind == "list":
            texts = list(self.data)
            out = pd.DataFrame({self.text_col: pd.Series(texts, dtype="object" if _needs_object(texts) else None)})
        else:
            out = self.data.copy()
        for name, values in columns.items():
            out[name] = pd.Series(values, index=out.index, dtype="object" if _needs_object(values) else None)
        return out


def _needs_object(values: list[Any]) -> bool:
    """Lists and dicts, and strings with a lone surrogate (no Arrow string can hold one), stay Python objects."""
    return any(isinstance(v, (list, dict, tuple)) for v in values[:50]) or any(
        isinstance(v, str) and _SURROGATE.search(v) is not None for v in values
    )


def as_frame(data: object, *, text_col: str | None) -> InputFrame:
    """Recognise the input; raise :class:`InputError` with the fix when it cannot be used."""
    mod = type(data).__module__.split(".")[0]
    if mod == "pandas" and type(data).__name__ == "DataFrame":
        kind, columns = "pandas", [str(c) for c in data.columns]  # type: ignore[attr-defined]
    elif mod == "polars" and type(data).__name__ == "DataFrame":
        kind, columns = "polars", list(data.columns)  # type: ignore[attr-defined]
    elif mod == "polars" and type(data).__name__ == "LazyFrame":
        raise InputError("got a polars LazyFrame: call .collect() first, or stream it with vocnlp.io.read_batches")
    elif mod == "pandas" and type(data).__name__ == "Series":
        raise InputError("got a pandas Series: pass the DataFrame and text_col=..., or series.tolist()")
    elif isinstance(data, str):
        raise InputError("got a single string: pass a list of strings ([text]) or a DataFrame")
    elif isinstance(data, Sequence) or (hasattr(data, "__iter__") and not isinstance(data, dict)):
        return InputFrame("list", list(data), text_col or "text")  # type: ignore[call-overload,unused-ignore]
    else:
        raise InputError(f"run() takes a pandas or polars DataFrame or a list of strings, not {type(data).__name__}")
    if text_col is None:
        raise InputError(f"text_col is required for a DataFrame; available columns: {columns}")
    if text_col not in columns:
        raise InputError(f"text_col={text_col!r} not in the frame; available: {columns}")
    return InputFrame(kind, data, text_col)


def require_columns(columns: Any, needed: dict[str, str | None], *, where: str = "the frame", hint: str = "") -> None:
    """Raise :class:`InputError` naming the first missing column, the argument that named it and what is
    available. ``needed`` maps an argument name to its column (None: not asked for).

    Example:
        >>> require_columns(["id", "text"], {"text_col": "text", "date_col": None})
        >>> require_columns(["id", "text"], {"score_col": "nps"})
        Traceback (most recent call last):
        ...
        vocnlp.errors.InputError: score_col='nps' not in the frame; available: ['id', 'text']
    """
    have = [str(c) for c in columns]
    for arg, col in needed.items():
        if col is not None and col not in have:
            raise InputError(f"{arg}={col!r} not in {where}{hint}; available: {have}")


def to_pandas(data: Any, *, text_col: str | None = None, what: str = "this function") -> Any:
    """pandas for a pandas or polars DataFrame (a list of strings too, when ``text_col`` names its
    column); anything else raises :class:`InputError`. A pandas frame comes back with a fresh 0..n-1
    index (a view of the caller's data is never changed).

    Example:
        >>> to_pandas(["good", "bad"], text_col="comment").columns.tolist()    # doctest: +SKIP
        ['comment']
    """
    mod, name = type(data).__module__.split(".")[0], type(data).__name__
    if mod == "polars" and name == "DataFrame":
        return data.to_pandas()
    pd = import_optional("pandas")
    if isinstance(data, pd.DataFrame):
        return data.reset_index(drop=True)
    if text_col is not None:
        frame = as_frame(data, text_col=text_col)
        return pd.DataFrame({frame.text_col: frame.data}) if frame.kind == "list" else to_pandas(frame.data)
    raise InputError(f"{what} takes a pandas or polars DataFrame, not {name}")
