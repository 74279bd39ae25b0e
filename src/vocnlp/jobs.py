"""Batch jobs: tag files (globs of CSV / Parquet / JSONL) into Parquet part files, resumable and incremental.

A job reads its inputs in chunks and writes each tagged chunk as ``part-FFFFF-CCCCCC.parquet`` (file
number, chunk number), first to a temporary name and then renamed; only after that rename is the
chunk recorded in ``manifest.json`` (also written to a temporary file and renamed). A job killed at any
point therefore leaves whole part files and a manifest that lists only whole part files; ``resume=True``
skips the chunks the manifest lists and does the rest, so the result equals an uninterrupted run.

Every job keeps a content hash per comment (its id when ``id_col`` is given, its text, the model
versions) in ``seen/``; with ``incremental=True`` a later job over a superset of the comments only tags
the new or changed ones (without ``id_col``, identical texts count as one comment).

Example:
    >>> summary = tag("exports/*.parquet", out="tagged/", text_col="comment", id_col="response_id")  # doctest: +SKIP
    >>> summary.rows, summary.rows_per_s                                                            # doctest: +SKIP
"""

from __future__ import annotations

import glob
import hashlib
import json
import logging
import os
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._version import __version__
from .errors import InputError

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["tag", "JobSummary", "read_output", "MANIFEST"]

logger = logging.getLogger(__name__)
MANIFEST = "manifest.json"
SEEN = "seen"


@dataclass
class JobSummary:
    """What a job did: rows tagged now, rows skipped (resumed or already seen), flagged rows by code, time."""

    rows: int = 0
    skipped_resumed: int = 0
    skipped_seen: int = 0
    flagged: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    parts: int = 0

    @property
    def rows_per_s(self) -> float:
        return self.rows / self.seconds if self.seconds > 0 else 0.0

    def __str__(self) -> str:
        codes = ", ".join(f"{k} {v}" for k, v in sorted(self.flagged.items())) or "none"
        return (f"{self.rows} rows tagged in {self.seconds:.1f}s ({self.rows_per_s:.1f} rows/s); skipped "
                f"{self.skipped_resumed} already done, {self.skipped_seen} seen before; flagged: {codes}")


def _inputs(inputs: str | os.PathLike[str] | list[Any]) -> list[Path]:
    items = inputs if isinstance(inputs, list) else [inputs]
    paths: list[Path] = []
    for item in items:
        s = os.fspath(item)
        found = sorted(glob.glob(s)) if any(ch in s for ch in "*?[") else [s]
        paths += [Path(p) for p in found]
    missing = [str(p) for p in paths if not p.is_file()]
    if not paths or missing:
        raise InputError(f"no input files for {inputs!r}" + (f" (missing: {missing})" if missing else ""))
    return paths


def _fingerprint(path: Path) -> dict[str, Any]:
    try:
        st = path.stat()
    except OSError as exc:
        raise InputError(f"cannot read {path}: {type(exc).__name__}: {exc}. The chunks finished so far are kept in "
                         "the output folder; restore the file, then run again with --resume") from exc
    return {"path": str(path.resolve()), "size": st.st_size, "mtime_ns": st.st_mtime_ns}


def _atomic_write(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    with open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def _write_part(df: pd.DataFrame, path: Path) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    df.to_parquet(tmp, index=False)
    os.replace(tmp, path)


def _content_hash(text: Any, versions: str) -> str:
    raw = text if isinstance(text, str) else repr(text)
    return hashlib.sha1((versions + "\x1f" + raw).encode("utf-8", "surrogatepass")).hexdigest()


def _guarded(chunks: Any, path: Path) -> Any:
    """The chunks of one input; a file that is corrupt, or vanishes or changes while it is read, stops the
    job with an error that names it. Finished chunks stay recorded: fix the file and ``--resume``."""
    it = iter(chunks)
    while True:
        try:
            chunk = next(it)
        except StopIteration:
            return
        except Exception as exc:  # noqa: BLE001 - parser errors of every format end up here
            what = str(exc) if isinstance(exc, InputError) else f"cannot read {path}: {type(exc).__name__}: {exc}"
            raise InputError(f"{what}. The chunks finished so far are kept in the output folder; repair or replace "
                             "the file, then run again with --resume (or --incremental)") from exc
        yield chunk


def tag(inputs: str | os.PathLike[str] | list[Any], *, out: str | os.PathLike[str], text_col: str = "text",
        id_col: str | None = None, resume: bool = False, incremental: bool = False, chunk_rows: int = 4096,
        pipeline: Any = None, themes: Any = None, progress: bool | None = None) -> JobSummary:
    """Tag ``inputs`` into the folder ``out`` (Parquet part files + manifest); see the module docs."""
    import pandas as pd

    from .io import read_batches
    from .pipeline import Pipeline

    paths = _inputs(inputs)
    folder = Path(out)
    manifest_path = folder / MANIFEST
    if manifest_path.exists() and not (resume or incremental):
        raise InputError(f"{folder} already holds a job's output: pass resume=True (--resume) to finish it, "
                         "incremental=True (--incremental) to add new comments, or choose another --out")
    manifest = json.loads(manifest_path.read_text()) if manifest_path.exists() else {"chunks": {}, "inputs": {}}
    if resume and not incremental:
        # checked before any model loads: resuming over other inputs would mix two jobs in one folder
        for f, path in enumerate(paths):
            fp, prev = _fingerprint(path), manifest["inputs"].get(str(f))
            if prev is not None and (prev["path"], prev["size"], prev["mtime_ns"]) != (fp["path"], fp["size"], fp["mtime_ns"]):
                raise InputError(f"{path} changed since the job started (size or time differ): --resume needs the "
                                 "same inputs; start a new job in another --out")
    folder.mkdir(parents=True, exist_ok=True)
    nlp = pipeline or Pipeline.default(themes=themes)
    versions = json.dumps({"vocnlp": __version__, "models": nlp.describe()}, sort_keys=True, default=str)
    # files written by a job killed before it recorded them in the manifest are redone, never kept twice
    for orphan in [*folder.glob("part-*.parquet"), *(folder / SEEN).glob("seen-*.parquet")]:
        if orphan.stem.split("-", 1)[1] not in manifest["chunks"]:
            logger.info("removing %s: written by an interrupted job but not recorded", orphan.name)
            orphan.unlink()
    manifest["runs"] = manifest.get("runs", 0) + 1
    seen: set[str] = set()
    if incremental and (folder / SEEN).is_dir():
        for p in sorted((folder / SEEN).glob("*.parquet")):
            seen |= set(pd.read_parquet(p)["hash"])
    summary = JobSummary()
    flagged: Counter[str] = Counter()
    show = sys.stderr.isatty() if progress is None else progress
    from tqdm.auto import tqdm

    bar = tqdm(unit="rows", disable=not show, desc="vocnlp tag")
    run_id = manifest["runs"]
    t0 = time.perf_counter()
    for f, path in enumerate(paths):
        manifest["inputs"][str(f)] = _fingerprint(path)
        row0 = 0
        for c, chunk in enumerate(_guarded(read_batches(path, rows=chunk_rows, text_cols=[text_col]), path)):
            key = f"{f:05d}-{c:06d}-{run_id:04d}" if incremental else f"{f:05d}-{c:06d}"
            n = len(chunk)
            if text_col not in chunk.columns:
                raise InputError(f"text_col={text_col!r} not in {path}; available: {list(chunk.columns)}")
            if id_col is not None and id_col not in chunk.columns:
                raise InputError(f"id_col={id_col!r} not in {path}; available: {list(chunk.columns)}")
            if not incremental and key in manifest["chunks"]:
                summary.skipped_resumed += n
                row0 += n
                bar.update(n)
                continue
            chunk = chunk.reset_index(drop=True)
            keys = chunk[id_col].astype(str) if id_col else pd.Series([f"{path.name}:{row0 + i}" for i in range(n)])
            # a comment is its id (when there is one) and its text: a changed text is tagged again
            ids = keys.tolist() if id_col else [""] * n
            hashes = [_content_hash(f"{k}\x1e{t}", versions) for k, t in zip(ids, chunk[text_col].tolist())]
            todo = [i for i, h in enumerate(hashes) if h not in seen] if incremental else list(range(n))
            summary.skipped_seen += n - len(todo)
            row0 += n
            if todo:
                part = chunk.iloc[todo].reset_index(drop=True)
                tagged = nlp.run(part, text_col=text_col)
                tagged.insert(0, "vocnlp_row_key", keys.iloc[todo].to_numpy())
                tagged["vocnlp_version"] = __version__
                _write_part(tagged, folder / f"part-{key}.parquet")
                summary.parts += 1
                summary.rows += len(tagged)
                for err in tagged["error"].dropna():
                    for code in str(err).split("; "):
                        flagged[code.split(" ", 1)[0]] += 1
                # always kept, so a later --incremental run over a superset skips these comments
                (folder / SEEN).mkdir(exist_ok=True)
                _write_part(pd.DataFrame({"hash": [hashes[i] for i in todo]}), folder / SEEN / f"seen-{key}.parquet")
                if incremental:       # only an incremental job looks them up; others keep memory flat
                    seen |= {hashes[i] for i in todo}
            manifest["chunks"][key] = {"rows": n, "tagged": len(todo), "file": str(path)}
            manifest["versions"] = json.loads(versions)
            _atomic_write(manifest_path, json.dumps(manifest, indent=1, default=str).encode())
            bar.update(n)
            if not show:
                logger.info("chunk %s: %d rows (%d tagged)", key, n, len(todo))
    bar.close()
    summary.seconds = time.perf_counter() - t0
    summary.flagged = dict(flagged)
    logger.info("job done: %s", summary)
    return summary


def read_output(out: str | os.PathLike[str]) -> pd.DataFrame:
    """All part files of a job's folder, in input order (file, then chunk)."""
    import pandas as pd

    parts = sorted(Path(out).glob("part-*.parquet"))
    if not parts:
        raise InputError(f"{out} holds no part files: run a job into it first")
    return pd.concat([pd.read_parquet(p) for p in parts], ignore_index=True)
