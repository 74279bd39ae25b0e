"""Read and write CSV, Parquet and JSONL tables, whole or in chunks.

Example:
    >>> for chunk in read_batches("exports/*.parquet", columns=["id", "comment"], rows=50_000):   # doctest: +SKIP
    ...     writer.write(nlp.run(chunk, text_col="comment"))
"""

from __future__ import annotations

import codecs
import glob
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._lazy import import_optional
from .errors import InputError

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "check_writable",
    "expand_paths",
    "read_owners",
    "read_table",
    "read_batches",
    "write_table",
    "sample_data_path",
    "load_sample",
    "sniff_csv",
    "CsvDialect",
]

_FORMATS = {
    ".csv": "csv",
    ".tsv": "tsv",
    ".parquet": "parquet",
    ".pq": "parquet",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}


def _format(path: str | os.PathLike[str]) -> str:
    suffix = Path(path).suffix.lower()
    if suffix not in _FORMATS:
        raise InputError(f"{path}: unknown table format {suffix!r}; use one of {sorted(_FORMATS)}")
    return _FORMATS[suffix]


def expand_paths(inputs: str | os.PathLike[str] | Sequence[str | os.PathLike[str]]) -> list[Path]:
    """The files of a path, a glob (sorted) or a list of them; raises :class:`InputError` when none is found
    or a named file is missing.

    Example:
        >>> expand_paths("exports/*.parquet")      # doctest: +SKIP
        [PosixPath('exports/2026-01.parquet'), PosixPath('exports/2026-02.parquet')]
    """
    items = [inputs] if isinstance(inputs, (str, os.PathLike)) else list(inputs)
    paths: list[Path] = []
    for item in items:
        s = os.fspath(item)
        found = sorted(glob.glob(s)) if any(ch in s for ch in "*?[") else [s]
        paths += [Path(p) for p in found]
    missing = [str(p) for p in paths if not p.is_file()]
    if not paths or missing:
        raise InputError(
            f"no input files for {os.fspath(inputs) if isinstance(inputs, (str, os.PathLike)) else inputs!r}"
            + (f" (missing: {missing})" if missing else "")
        )
    return paths


_BOMS = [
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
]
_DELIMITERS = ",;\t|"
_SNIFF_BYTES = 256 * 1024


@dataclass(frozen=True)
class CsvDialect:
    """What :func:`sniff_csv` found: the text encoding and the field delimiter."""

    encoding: str
    delimiter: str


def _encoding(head: bytes) -> str:
    for bom, name in _BOMS:
        if head.startswith(bom):
            return name
    try:
        # the sample may end inside a multi-byte character: an incremental decoder keeps a cut-off sequence
        # at the end pending instead of failing (cutting a fixed 3 bytes could split the character before it)
        codecs.getincrementaldecoder("utf-8")().decode(head, final=len(head) < _SNIFF_BYTES)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    # repetitive exports look "chaotic" to the detector at its default threshold: retry more tolerantly
    best = from_bytes(head).best() or from_bytes(head, threshold=0.5).best()
    # Excel on Windows writes cp1252; detectors cannot tell it from the other Latin code pages on short
    # text (French comes back as cp852 or cp1250), so a guess that decodes to Latin letters only reads as cp1252
    if best is None or not any(ch.isalpha() and ord(ch) > 0x24F for ch in str(best)):
        try:
            head.decode("cp1252")
            return "cp1252"
        except UnicodeDecodeError:
            return best.encoding if best is not None else "latin-1"
    return best.encoding


def sniff_csv(path: str | os.PathLike[str]) -> CsvDialect:
    r"""The encoding (BOM, else UTF-8, else detected) and delimiter (``, ; tab |``) of a CSV/TSV file.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "x.csv"
    >>> _ = p.write_bytes("\ufeffid;comment\n1;Très bien, merci\n2;Trop cher\n".encode("utf-8"))
    >>> sniff_csv(p)
    CsvDialect(encoding='utf-8-sig', delimiter=';')
    """
    import csv

    with open(path, "rb") as fh:
        head = fh.read(_SNIFF_BYTES)
    encoding = _encoding(head)
    if Path(path).suffix.lower() == ".tsv":
        return CsvDialect(encoding, "\t")
    text = head.decode(encoding, errors="ignore")
    if len(head) == _SNIFF_BYTES and "\n" in text:
        text = text[: text.rindex("\n")]
    # the header line decides when exactly one candidate appears in it (comments full of ";" or "," cannot
    # then mislead the guess); otherwise csv.Sniffer looks at the rows, and a one-column file gets ","
    first = text.split("\n", 1)[0]
    in_header = [d for d in _DELIMITERS if d in first]
    if len(in_header) == 1:
        return CsvDialect(encoding, in_header[0])
    try:
        delimiter = csv.Sniffer().sniff(text, delimiters=_DELIMITERS).delimiter
    except csv.Error:
        counts = {d: first.count(d) for d in _DELIMITERS}
        delimiter = max(counts, key=counts.get) if max(counts.values()) > 0 else ","  # type: ignore[arg-type]
    return CsvDialect(encoding, delimiter)


def _read_csv(
    path: str, *, columns: Sequence[str] | None, chunksize: int | None = None, text_cols: Sequence[str] = ()
) -> Any:
    pd = import_optional("pandas")
    dialect = sniff_csv(path)
    try:
        return pd.read_csv(
            path,
            sep=dialect.delimiter,
            encoding=dialect.encoding,
            chunksize=chunksize,
            usecols=list(columns) if columns else None,
            keep_default_na=False,
            na_values=[],
            dtype={c: str for c in text_cols} or None,
        )
    except ValueError as exc:
        if columns and "Usecols" in str(exc):
            raise InputError(f"{path}: {exc}; the file's delimiter looks like {dialect.delimiter!r}") from exc
        raise


#: what the pandas/pyarrow parsers raise on a file they cannot read; turned into an InputError naming it
_PARSE_ERRORS = (ValueError, TypeError, OSError, UnicodeError, EOFError, KeyError, IndexError)


def _unreadable(path: str | os.PathLike[str], exc: BaseException) -> InputError:
    fmt = _FORMATS.get(Path(path).suffix.lower(), "table")
    return InputError(
        f"cannot read {os.fspath(path)} as {fmt}: {type(exc).__name__}: {exc} "
        "(is the file complete, and in the format its suffix says?)"
    )


def read_table(
    path: str | os.PathLike[str], *, columns: Sequence[str] | None = None, text_cols: Sequence[str] = ()
) -> pd.DataFrame:
    """Read a whole CSV / TSV / Parquet / JSONL file into pandas (text columns stay strings).

    CSV encoding (BOM, UTF-8, else detected: cp1252, Shift-JIS...) and delimiter (``, ; tab |``) are sniffed.
    ``text_cols`` are read as strings as written (a comment "01" stays "01", not the number 1).
    A file that cannot be parsed raises :class:`InputError` naming it.
    """
    fmt = _format(path)
    try:
        return _read_table(path, fmt, columns, text_cols)
    except InputError:
        raise
    except _PARSE_ERRORS as exc:
        raise _unreadable(path, exc) from exc


def _read_table(
    path: str | os.PathLike[str], fmt: str, columns: Sequence[str] | None, text_cols: Sequence[str]
) -> pd.DataFrame:
    pd = import_optional("pandas")
    if fmt == "parquet":
        return pd.read_parquet(path, columns=list(columns) if columns else None)
    if fmt == "jsonl":
        df = pd.read_json(path, lines=True, dtype=False)
        return df[list(columns)] if columns else df
    return _read_csv(os.fspath(path), columns=columns, text_cols=text_cols)


def read_batches(
    pattern: str | os.PathLike[str],
    *,
    columns: Sequence[str] | None = None,
    rows: int = 50_000,
    text_cols: Sequence[str] = (),
) -> Iterator[pd.DataFrame]:
    """Stream one or many files (a glob) as pandas chunks of at most ``rows`` rows, never all at once.

    A file that cannot be parsed (or vanishes while it is read) raises :class:`InputError` naming it.
    """
    for path in map(os.fspath, expand_paths(pattern)):
        chunks = _read_file_batches(path, columns=columns, rows=rows, text_cols=text_cols)
        while True:
            try:
                chunk = next(chunks)
            except StopIteration:
                break
            except InputError:
                raise
            except _PARSE_ERRORS as exc:
                raise _unreadable(path, exc) from exc
            yield chunk


def _read_file_batches(
    path: str, *, columns: Sequence[str] | None, rows: int, text_cols: Sequence[str]
) -> Iterator[pd.DataFrame]:
    pd = import_optional("pandas")
    fmt = _format(path)
    if fmt == "parquet":
        pq = import_optional("pyarrow.parquet")
        for batch in pq.ParquetFile(path).iter_batches(batch_size=rows, columns=list(columns) if columns else None):
            yield batch.to_pandas()
    elif fmt == "jsonl":
        for chunk in pd.read_json(path, lines=True, chunksize=rows, dtype=False):
            yield chunk[list(columns)] if columns else chunk
    else:
        with _read_csv(path, columns=columns, chunksize=rows, text_cols=text_cols) as reader:
            yield from reader


def check_writable(path: str | os.PathLike[str], *, folder: bool = False) -> Path:
    """Fail at once, before any work, when ``path`` (a file, or a ``folder``) cannot be written: a
    read-only place or a full disk is an :class:`OutputError` with one line that says so, not a
    traceback after hours of tagging.

    Example:
        >>> check_writable("/proc/nope.parquet")   # doctest: +SKIP
        OutputError: cannot write to /proc: ...
    """
    from .errors import OutputError

    target = Path(path)
    where = target if folder else target.parent
    probe = where / f".vocnlp-write-check-{os.getpid()}"
    try:
        where.mkdir(parents=True, exist_ok=True)
        with open(probe, "wb") as fh:
            fh.write(b"x" * 4096)
            fh.flush()
            os.fsync(fh.fileno())
    except OSError as exc:
        raise OutputError(
            f"cannot write to {where}: {exc.strerror or exc}. Choose another output place (or free space) and run again"
        ) from exc
    finally:
        try:
            probe.unlink()
        except OSError:
            pass
    return target


def read_owners(path: str | os.PathLike[str]) -> dict[str, str]:
    """``{theme: owner}`` from a CSV with the columns ``theme`` and ``owner`` (any other columns are ignored).

    Example:
        >>> read_owners("owners.csv")        # doctest: +SKIP
        {'Delivery': 'logistics', 'Billing': 'finance'}
    """
    from .frames import require_columns

    df = read_table(path, text_cols=["theme", "owner"])
    require_columns(df.columns, {"theme": "theme", "owner": "owner"}, where=os.fspath(path))
    return {str(t): str(o) for t, o in zip(df["theme"], df["owner"]) if isinstance(t, str) and isinstance(o, str)}


def write_table(df: pd.DataFrame, path: str | os.PathLike[str]) -> Path:
    """Write pandas to CSV / TSV / Parquet / JSONL by the file's suffix; list columns need Parquet or JSONL."""
    from .errors import OutputError

    fmt = _format(path)
    out = Path(path)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        if fmt == "parquet":
            df.to_parquet(out, index=False)
        elif fmt == "jsonl":
            df.to_json(out, orient="records", lines=True, force_ascii=False)
        else:
            df.to_csv(out, sep="\t" if fmt == "tsv" else ",", index=False)
    except OSError as exc:
        raise OutputError(f"cannot write {out}: {exc.strerror or exc}. Choose another place (or free space)") from exc
    return out


def sample_data_path() -> Path:
    """The bundled sample feedback CSV (written for this project; see data/README.md)."""
    from importlib.resources import files

    return Path(str(files("vocnlp") / "data" / "sample_feedback.csv"))


def load_sample() -> pd.DataFrame:
    """The bundled sample feedback as pandas: id, comment, nps, date, channel, segment, ..."""
    return read_table(sample_data_path())
