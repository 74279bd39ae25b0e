"""Batch jobs: tag files (globs of CSV / Parquet / JSONL) into Parquet part files, resumable and incremental.

A job reads its inputs in chunks and writes each tagged chunk as ``part-FFFFF-CCCCCC.parquet`` (file
number, chunk number), first to a temporary name and then renamed; only after that rename is the
chunk recorded in ``_manifest.json`` (also written to a temporary file and renamed). A job killed at any
point therefore leaves whole part files and a manifest that lists only whole part files; ``resume=True``
skips the chunks the manifest lists and does the rest, so the result equals an uninterrupted run.

A job holds a lock on its folder while it runs (a second job into the same ``out`` fails at once), and
records its plan (``chunk_rows``, ``text_col``, ``id_col``) in the manifest: ``resume=True`` re-uses it,
so the resumed job cuts the inputs into the same chunks and its output is row-exact.

Every job keeps a content hash per comment (its id when ``id_col`` is given, its text, the model
versions) in ``_seen/``; with ``incremental=True`` a later job over a superset of the comments only tags
the new or changed ones (without ``id_col``, identical texts count as one comment).

Example:
    >>> summary = tag("exports/*.parquet", out="tagged/", text_col="comment", id_col="response_id")  # doctest: +SKIP
    >>> summary.rows, summary.rows_per_s                                                            # doctest: +SKIP
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Self

from ._version import __version__
from .errors import ConfigError, InputError, OutputError
from .frames import require_columns

if TYPE_CHECKING:
    import pandas as pd

    from .pipeline import Pipeline
    from .themes import ThemeModel

__all__ = ["tag", "JobSummary", "read_output", "MANIFEST"]

logger = logging.getLogger(__name__)
# names starting with "_" (and "." for temporary files and the lock): pandas, pyarrow, polars and DuckDB
# skip them, so the folder reads as a Parquet dataset (pd.read_parquet("tagged/"))
MANIFEST = "_manifest.json"
SEEN = "_seen"
#: the names before vocnlp 0.2: read, and renamed to the new ones by the next job into the folder
LEGACY_MANIFEST, LEGACY_SEEN = "manifest.json", "seen"
LOCK = ".vocnlp.lock"
DEFAULT_CHUNK_ROWS = 4096


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
        return (
            f"{self.rows} rows tagged in {self.seconds:.1f}s ({self.rows_per_s:.1f} rows/s); skipped "
            f"{self.skipped_resumed} already done, {self.skipped_seen} seen before; flagged: {codes}"
        )


def _fingerprint(path: Path) -> dict[str, Any]:
    try:
        st = path.stat()
    except OSError as exc:
        raise InputError(
            f"cannot read {path}: {type(exc).__name__}: {exc}. The chunks finished so far are kept in "
            "the output folder; restore the file, then run again with --resume"
        ) from exc
    return {"path": str(path.resolve()), "size": st.st_size, "mtime_ns": st.st_mtime_ns}


def _write_failed(path: Path, exc: OSError) -> OutputError:
    return OutputError(
        f"cannot write {path}: {exc.strerror or exc}. The chunks finished so far are kept; free "
        "space (or fix the folder), then run again with --resume"
    )


def _atomic_write(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        raise _write_failed(path, exc) from exc


def _write_part(df: pd.DataFrame, path: Path) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        df.to_parquet(tmp, index=False)
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise _write_failed(path, exc) from exc


class _FolderLock:
    """An exclusive lock on a job's folder for as long as the job runs (``flock``: the system drops it
    when the process dies, even by ``kill -9``, so a crashed job never leaves a stale lock)."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / LOCK
        self.fh: Any = None

    def __enter__(self) -> Self:
        try:
            import fcntl
        except ImportError:  # Windows: no advisory locks; the job runs unlocked
            return self
        self.fh = open(self.path, "a+")
        try:
            fcntl.flock(self.fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            self.fh.seek(0)
            holder = self.fh.read().strip() or "another process"
            self.fh.close()
            raise OutputError(
                f"{self.path.parent} is in use by another job ({holder}): wait for it to finish, "
                "or choose another --out"
            ) from exc
        self.fh.seek(0)
        self.fh.truncate()
        self.fh.write(f"pid {os.getpid()}, started {time.strftime('%Y-%m-%d %H:%M:%S')}\n")
        self.fh.flush()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.fh is not None:
            self.fh.close()  # closing the file releases the lock


def _plan(
    manifest: dict[str, Any],
    *,
    chunk_rows: int | None,
    text_col: str,
    id_col: str | None,
    resume: bool,
    incremental: bool,
) -> int:
    """The chunk size to use; a resumed job must cut its inputs as the interrupted one did."""
    plan = manifest.get("plan")
    if resume and not incremental and manifest["chunks"]:
        if plan is None:  # written by vocnlp < 0.3: the chunk size is not known, so the chunks cannot be matched
            if chunk_rows is None:
                raise InputError(
                    "this job's manifest does not record its --chunk-rows: pass the value it was "
                    "started with, or run again with --incremental"
                )
            return chunk_rows
        if chunk_rows is not None and chunk_rows != plan["chunk_rows"]:
            raise InputError(
                f"the job was started with --chunk-rows {plan['chunk_rows']}, not {chunk_rows}: "
                "resume with the same value (or leave it out), or use --incremental"
            )
        for name, value in (("text_col", text_col), ("id_col", id_col)):
            if plan.get(name) != value:
                raise InputError(
                    f"the job was started with {name}={plan.get(name)!r}, not {value!r}: resume "
                    "with the same columns, or start a new job in another --out"
                )
        return int(plan["chunk_rows"])
    return chunk_rows or DEFAULT_CHUNK_ROWS


def _content_hash(text: Any, versions: str) -> str:
    raw = text if isinstance(text, str) else repr(text)
    return hashlib.sha1((versions + "\x1f" + raw).encode("utf-8", "surrogatepass")).hexdigest()


def _guarded(chunks: Any, path: Path) -> Any:
    """The chunks of one input. ``read_batches`` already turns a parse failure into an InputError naming
    the file; this adds what to do next (finished chunks stay recorded)."""
    it = iter(chunks)
    while True:
        try:
            chunk = next(it)
        except StopIteration:
            return
        except InputError as exc:
            raise InputError(
                f"{exc}. The chunks finished so far are kept in the output folder; put the original "
                "file back and run again with --resume, or, if you repaired or replaced it, with "
                "--incremental"
            ) from exc
        yield chunk


class _Manifest:
    """``_manifest.json``: the job's plan, its inputs' fingerprints, the chunks finished (in the order they
    were written) and the model versions. Saved atomically after every chunk."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / MANIFEST
        data = json.loads(self.path.read_text()) if self.path.exists() else {}
        self.data: dict[str, Any] = {"chunks": {}, "inputs": {}, **data}

    @property
    def chunks(self) -> dict[str, Any]:
        return self.data["chunks"]

    def check_inputs(self, paths: list[Path]) -> None:
        """A resumed job must read the same, unchanged inputs (size and time)."""
        for f, path in enumerate(paths):
            fp, prev = _fingerprint(path), self.data["inputs"].get(str(f))
            if prev is not None and (prev["path"], prev["size"], prev["mtime_ns"]) != (
                fp["path"],
                fp["size"],
                fp["mtime_ns"],
            ):
                raise InputError(
                    f"{path} changed since the job started (size or time differ): --resume needs the "
                    "same inputs. To add or re-tag changed comments, run with --incremental instead"
                )

    def new_run(self) -> int:
        self.data["runs"] = self.data.get("runs", 0) + 1
        return int(self.data["runs"])

    def record(self, key: str, entry: dict[str, Any], versions: dict[str, Any]) -> None:
        self.chunks[key] = entry
        self.data["versions"] = versions
        _atomic_write(self.path, json.dumps(self.data, indent=1, default=str).encode())


class _SeenStore:
    """Content hashes of the comments a folder has tagged (``_seen/seen-KEY.parquet``, one per chunk)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder / SEEN

    def load(self) -> set[str]:
        import pandas as pd

        seen: set[str] = set()
        for p in sorted(self.folder.glob("*.parquet")) if self.folder.is_dir() else []:
            seen |= set(pd.read_parquet(p)["hash"])
        return seen

    def add(self, key: str, hashes: list[str]) -> None:
        import pandas as pd

        self.folder.mkdir(exist_ok=True)
        _write_part(pd.DataFrame({"hash": hashes}), self.folder / f"seen-{key}.parquet")


def _manifest_path(folder: Path) -> Path:
    """The folder's manifest: the current name, else the name older versions wrote."""
    legacy = folder / LEGACY_MANIFEST
    return legacy if legacy.exists() and not (folder / MANIFEST).exists() else folder / MANIFEST


def _migrate(folder: Path) -> None:
    """Rename a folder written by an older version (``manifest.json``, ``seen/``) to the current names."""
    for old, new in ((LEGACY_SEEN, SEEN), (LEGACY_MANIFEST, MANIFEST)):  # the manifest last: it marks the folder done
        if (folder / old).exists() and not (folder / new).exists():
            os.replace(folder / old, folder / new)
            logger.info("renamed %s to %s (the folder now reads as a Parquet dataset)", old, new)


def _remove_orphans(folder: Path, recorded: dict[str, Any]) -> None:
    """Files written by a job killed before it recorded them in the manifest are redone, never kept twice."""
    for orphan in [*folder.glob("part-*.parquet"), *(folder / SEEN).glob("seen-*.parquet")]:
        if orphan.stem.split("-", 1)[1] not in recorded:
            logger.info("removing %s: written by an interrupted job but not recorded", orphan.name)
            orphan.unlink()


def _count_codes(errors: Any, into: Counter[str]) -> None:
    for err in errors.dropna():
        for code in str(err).split("; "):
            into[code.split(" ", 1)[0]] += 1


def tag(
    inputs: str | os.PathLike[str] | list[Any],
    *,
    out: str | os.PathLike[str],
    text_col: str = "text",
    id_col: str | None = None,
    resume: bool = False,
    incremental: bool = False,
    chunk_rows: int | None = None,
    pipeline: Pipeline | None = None,
    themes: ThemeModel | str | os.PathLike[str] | None = None,
    progress: bool | None = None,
) -> JobSummary:
    """Tag ``inputs`` into the folder ``out`` (Parquet part files + manifest); see the module docs.

    ``chunk_rows`` defaults to 4096 rows per chunk (a resumed job re-uses the one it was started with).
    """

    from .io import check_writable, expand_paths

    paths = expand_paths(inputs)
    if chunk_rows is not None and chunk_rows < 1:
        raise InputError(f"chunk_rows must be >= 1, not {chunk_rows}")
    folder = Path(out)
    manifest_path = _manifest_path(folder)
    if folder.exists() and not folder.is_dir():
        raise InputError(f"--out {folder} is a file: a job writes a folder (part files + manifest)")
    if manifest_path.exists() and not (resume or incremental):
        raise InputError(
            f"{folder} already holds a job's output: pass resume=True (--resume) to finish it, "
            "incremental=True (--incremental) to add new comments, or choose another --out"
        )
    # before any model loads: a read-only folder or a full disk fails now, not after the first chunk
    check_writable(folder, folder=True)
    with _FolderLock(folder):
        _migrate(folder)
        return _tag_locked(
            paths,
            folder,
            text_col=text_col,
            id_col=id_col,
            resume=resume,
            incremental=incremental,
            chunk_rows=chunk_rows,
            pipeline=pipeline,
            themes=themes,
            progress=progress,
        )


def _tag_locked(
    paths: list[Path],
    folder: Path,
    *,
    text_col: str,
    id_col: str | None,
    resume: bool,
    incremental: bool,
    chunk_rows: int | None,
    pipeline: Pipeline | None,
    themes: ThemeModel | str | os.PathLike[str] | None,
    progress: bool | None,
) -> JobSummary:
    from .pipeline import Pipeline

    manifest = _Manifest(folder)
    chunk_rows = _plan(
        manifest.data, chunk_rows=chunk_rows, text_col=text_col, id_col=id_col, resume=resume, incremental=incremental
    )
    if resume and not incremental:
        # checked before any model loads: resuming over other inputs would mix two jobs in one folder
        manifest.check_inputs(paths)
    if not manifest.chunks:
        manifest.data["plan"] = {"chunk_rows": chunk_rows, "text_col": text_col, "id_col": id_col}
    nlp = pipeline or Pipeline.default(themes=themes)
    described = nlp.describe()
    versions = json.dumps({"vocnlp": __version__, "models": described}, sort_keys=True, default=str)
    if "encoder" in described:
        from .encoders.identity import check_encoder, identity

        now = identity(described["encoder"])
        if manifest.chunks and not incremental:  # resumed chunks and new ones must come from one encoder
            check_encoder(manifest.data.get("encoder"), now, what="this job's finished chunks")
        manifest.data["encoder"] = now
    _check_comment_vectors(nlp, manifest, resumed=bool(manifest.chunks) and not incremental)
    prior = _job_prior(nlp, manifest, paths, text_col=text_col)
    _remove_orphans(folder, manifest.chunks)
    store = _SeenStore(folder)
    seen = store.load() if incremental else set()
    run = _Run(
        nlp,
        folder,
        manifest,
        store,
        seen,
        text_col=text_col,
        id_col=id_col,
        incremental=incremental,
        versions=versions,
        run_id=manifest.new_run(),
        language_prior=prior,
    )
    show = sys.stderr.isatty() if progress is None else progress
    from ._progress import progress_bar

    t0 = time.perf_counter()
    with progress_bar(unit="rows", show=bool(show), desc="vocnlp tag") as bar:
        for f, path in enumerate(paths):
            manifest.data["inputs"][str(f)] = _fingerprint(path)
            run.file(f, path, chunk_rows, bar, log_chunks=not show)
    run.summary.seconds = time.perf_counter() - t0
    run.summary.flagged = dict(run.flagged)
    logger.info("job done: %s", run.summary)
    return run.summary


def _check_comment_vectors(nlp: Pipeline, manifest: _Manifest, *, resumed: bool) -> None:
    """Finished chunks and resumed ones must give multi-clause comments their vectors the same way
    (``comment_vectors``): the manifest records the job's mode; a resumed job with another is refused.
    Manifests written before the mode was recorded are not checked (their mode is not known)."""
    mode = getattr(nlp, "comment_vectors", None)
    if mode is None:
        return
    kept = manifest.data.get("comment_vectors")
    if resumed and kept is not None and kept != mode:
        raise ConfigError(
            f"this job's finished chunks were made with comment_vectors={kept!r}, this pipeline uses {mode!r}: "
            f"resume with Pipeline.default(comment_vectors={kept!r}) (vocnlp tag --comment-vectors {kept}), "
            "or tag into a new folder"
        )
    manifest.data["comment_vectors"] = mode


def _job_prior(
    nlp: Pipeline, manifest: _Manifest, paths: list[Path], *, text_col: str
) -> bool | dict[str, float] | None:
    """The language shares of the whole job, decided once (estimated from up to 20,000 rows of the first
    input) and kept in the manifest, so every chunk, and a resumed or incremental run, uses the same ones.

    None: the pipeline decides per chunk (a pipeline without the setting); False: no prior.
    """
    from .pipeline import Pipeline

    setting = getattr(nlp, "language_prior", None)
    if not isinstance(nlp, Pipeline) or setting is None:
        return None
    if "language_prior" in manifest.data:  # a resumed or incremental run keeps the job's shares
        kept = manifest.data["language_prior"]
        return kept if kept else False
    texts: list[object] = []
    if setting is True and paths:
        from .io import read_batches

        for batch in _guarded(read_batches(paths[0], rows=20_000, text_cols=[text_col]), paths[0]):
            if text_col in batch.columns:
                texts = batch[text_col].tolist()
            break
    found = nlp.language_shares(texts)
    prior = {k: round(v, 6) for k, v in found.items()} if found else None
    manifest.data["language_prior"] = prior
    return prior if prior else False


class _Run:
    """The main loop of one job: each chunk of each input tagged, written, recorded."""

    def __init__(
        self,
        nlp: Pipeline,
        folder: Path,
        manifest: _Manifest,
        store: _SeenStore,
        seen: set[str],
        *,
        text_col: str,
        id_col: str | None,
        incremental: bool,
        versions: str,
        run_id: int,
        language_prior: bool | dict[str, float] | None = None,
    ) -> None:
        self.language_prior = language_prior
        self.nlp, self.folder, self.manifest, self.store, self.seen = nlp, folder, manifest, store, seen
        self.text_col, self.id_col, self.incremental = text_col, id_col, incremental
        self.versions, self.run_id = versions, run_id
        self.summary = JobSummary()
        self.flagged: Counter[str] = Counter()

    def file(self, f: int, path: Path, chunk_rows: int, bar: Any, *, log_chunks: bool) -> None:
        from .io import read_batches

        row0 = 0
        # the id column is read as text: "007" stays "007"
        text_cols = [self.text_col] if self.id_col is None else [self.text_col, self.id_col]
        for c, chunk in enumerate(_guarded(read_batches(path, rows=chunk_rows, text_cols=text_cols), path)):
            key = f"{f:05d}-{c:06d}-{self.run_id:04d}" if self.incremental else f"{f:05d}-{c:06d}"
            require_columns(chunk.columns, {"text_col": self.text_col, "id_col": self.id_col}, where=str(path))
            n = len(chunk)
            if not self.incremental and key in self.manifest.chunks:
                self.summary.skipped_resumed += n
            else:
                tagged = self.chunk(key, chunk.reset_index(drop=True), path, row0)
                if log_chunks:
                    logger.info("chunk %s: %d rows (%d tagged)", key, n, tagged)
            row0 += n
            bar.update(n)

    def chunk(self, key: str, chunk: pd.DataFrame, path: Path, row0: int) -> int:
        """Tag the comments of one chunk this folder has not seen; returns how many were tagged."""
        import pandas as pd

        n = len(chunk)
        id_col = self.id_col
        keys = chunk[id_col].astype(str) if id_col else pd.Series([f"{path.name}:{row0 + i}" for i in range(n)])
        # a comment is its id (when there is one) and its text: a changed text is tagged again
        ids = keys.tolist() if id_col else [""] * n
        hashes = [_content_hash(f"{k}\x1e{t}", self.versions) for k, t in zip(ids, chunk[self.text_col].tolist())]
        todo = [i for i, h in enumerate(hashes) if h not in self.seen] if self.incremental else list(range(n))
        self.summary.skipped_seen += n - len(todo)
        if todo:
            from .pipeline import run_quietly

            tagged = run_quietly(
                self.nlp,
                chunk.iloc[todo].reset_index(drop=True),
                text_col=self.text_col,
                language_prior=self.language_prior,
            )
            tagged.insert(0, "vocnlp_row_key", keys.iloc[todo].to_numpy())
            tagged["vocnlp_version"] = __version__
            _write_part(tagged, self.folder / f"part-{key}.parquet")
            self.summary.parts += 1
            self.summary.rows += len(tagged)
            _count_codes(tagged["error"], self.flagged)
            # always kept, so a later --incremental run over a superset skips these comments
            self.store.add(key, [hashes[i] for i in todo])
            if self.incremental:  # only an incremental job looks them up; others keep memory flat
                self.seen |= {hashes[i] for i in todo}
        entry: dict[str, Any] = {"rows": n, "tagged": len(todo), "file": str(path)}
        if self.incremental:  # read_output keeps a re-tagged comment's row from its latest run
            entry["run"] = self.run_id
        self.manifest.record(key, entry, json.loads(self.versions))
        return len(todo)


def read_output(out: str | os.PathLike[str]) -> pd.DataFrame:
    """All rows of a job's folder in input order: file, then chunk, then (after ``--incremental`` runs)
    the run that tagged them, as the manifest recorded them, never by file name.

    A comment tagged again by a later ``--incremental`` run (its text changed) appears once, with the
    latest run's row; rows of one run are all kept, duplicate ids included.
    """
    import pandas as pd

    folder = Path(out)
    parts = {p.stem.split("-", 1)[1]: p for p in folder.glob("part-*.parquet")}
    if not parts:
        raise InputError(f"{out} holds no part files: run a job into it first")
    manifest_path = _manifest_path(folder)
    chunks: dict[str, Any] = json.loads(manifest_path.read_text())["chunks"] if manifest_path.exists() else {}
    # the manifest's order is the order chunks were written; a part not recorded there was never finished
    keys = [k for k in chunks if k in parts] if chunks else sorted(parts)

    def position(key: str) -> tuple[int, int, int]:
        f, c, *run = key.split("-")
        return int(f), int(c), int(run[0]) if run else 0

    keys.sort(key=position)
    frames = []
    for k in keys:
        df = pd.read_parquet(parts[k])
        df["_run"] = chunks.get(k, {}).get("run", position(k)[2])
        frames.append(df)
    rows = pd.concat(frames, ignore_index=True)
    if rows["_run"].nunique() > 1 and "vocnlp_row_key" in rows.columns:
        latest = rows.groupby("vocnlp_row_key", sort=False)["_run"].transform("max")
        rows = rows[rows["_run"] == latest]
    return rows.drop(columns="_run").reset_index(drop=True)
