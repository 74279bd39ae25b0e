"""Read and write CSV, Parquet and JSONL tables, whole or in chunks.

Example:
    >>> for chunk in read_batches("exports/*.parquet", columns=["id", "comment"], rows=50_000):   # doctest: +SKIP
    ...     writer.write(nlp.run(chunk, text_col="comment"))
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ._lazy import import_optional
from .errors import InputError

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["read_table", "read_batches", "write_table", "sample_data_path", "load_sample"]

_FORMATS = {".csv": "csv", ".tsv": "tsv", ".parquet": "parquet", ".pq": "parquet", ".jsonl": "jsonl", ".ndjson": "jsonl"}


def _format(path: str | os.PathLike[str]) -> str:
    suffix = Path(path).suffix.lower()
    if suffix not in _FORMATS:
        raise InputError(f"{path}: unknown table format {suffix!r}; use one of {sorted(_FORMATS)}")
    return _FORMATS[suffix]


def _paths(pattern: str | os.PathLike[str]) -> list[str]:
    paths = sorted(glob.glob(os.fspath(pattern))) if any(c in os.fspath(pattern) for c in "*?[") else [os.fspath(pattern)]
    missing = [p for p in paths if not os.path.exists(p)]
    if not paths or missing:
        raise InputError(f"no file matches {os.fspath(pattern)!r}")
    return paths


def read_table(path: str | os.PathLike[str], *, columns: Sequence[str] | None = None) -> pd.DataFrame:
    """Read a whole CSV / TSV / Parquet / JSONL file into pandas (text columns stay strings)."""
    pd = import_optional("pandas")
    fmt = _format(path)
    if fmt == "parquet":
        return pd.read_parquet(path, columns=list(columns) if columns else None)
    if fmt == "jsonl":
        df = pd.read_json(path, lines=True, dtype=False)
        return df[list(columns)] if columns else df
    return pd.read_csv(path, sep="\t" if fmt == "tsv" else ",", usecols=list(columns) if columns else None,
                       keep_default_na=False, na_values=[], dtype=str if fmt == "tsv" else None)


def read_batches(pattern: str | os.PathLike[str], *, columns: Sequence[str] | None = None,
                 rows: int = 50_000) -> Iterator[pd.DataFrame]:
    """Stream one or many files (a glob) as pandas chunks of at most ``rows`` rows, never all at once."""
    pd = import_optional("pandas")
    for path in _paths(pattern):
        fmt = _format(path)
        if fmt == "parquet":
            pq = import_optional("pyarrow.parquet")
            for batch in pq.ParquetFile(path).iter_batches(batch_size=rows, columns=list(columns) if columns else None):
                yield batch.to_pandas()
        elif fmt == "jsonl":
            for chunk in pd.read_json(path, lines=True, chunksize=rows, dtype=False):
                yield chunk[list(columns)] if columns else chunk
        else:
            yield from pd.read_csv(path, sep="\t" if fmt == "tsv" else ",", usecols=list(columns) if columns else None,
                                   chunksize=rows, keep_default_na=False, na_values=[])


def write_table(df: pd.DataFrame, path: str | os.PathLike[str]) -> Path:
    """Write pandas to CSV / TSV / Parquet / JSONL by the file's suffix; list columns need Parquet or JSONL."""
    fmt = _format(path)
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "parquet":
        df.to_parquet(out, index=False)
    elif fmt == "jsonl":
        df.to_json(out, orient="records", lines=True, force_ascii=False)
    else:
        df.to_csv(out, sep="\t" if fmt == "tsv" else ",", index=False)
    return out


def sample_data_path() -> Path:
    """The bundled sample feedback CSV (written for this project; see data/README.md)."""
    from importlib.resources import files

    return Path(str(files("vocnlp") / "data" / "sample_feedback.csv"))


def load_sample() -> pd.DataFrame:
    """The bundled sample feedback as pandas: id, comment, nps, date, channel, segment, ..."""
    return read_table(sample_data_path())
