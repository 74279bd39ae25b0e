"""Tag a Ray Dataset on a pool of actors, one pipeline (one model load) per actor.

``tag_dataset`` adds the pipeline's columns (``language``, ``sentiment``, ``intent``... and, with
``themes``, ``theme_id``/``theme``/``themes``; see DESIGN.md) to every row of a Ray Dataset with
``Dataset.map_batches`` over an actor pool. It returns a lazy Ray Dataset: write it with
``write_parquet`` or read it with ``to_pandas``/``iter_batches``. Rows keep their order by default.

Leave the cluster at least one CPU beyond ``num_workers * num_cpus_per_worker``: Ray Data's read, split and
write tasks need one, and wait forever when the actors hold them all.

The output equals a single-process run row for row. In bf16 (the CPU default where the CPU has bf16
instructions, and on GPUs) scores can differ in the 4th decimal, because a comment's numbers depend slightly
on the batch it is computed in; ``config=RuntimeConfig(dtype="float32")`` makes them identical.

A theme model travels to the actors as its saved files (bytes), so actors on other nodes rebuild it
without a shared disk. Each CPU actor runs torch on ``num_cpus_per_worker`` threads; with
``num_gpus_per_worker > 0`` the actors are placed on GPUs and run there (bf16, token budget of the GPU).

Example:
    >>> import ray                                                                      # doctest: +SKIP
    >>> from vocnlp.integrations.ray import tag_dataset                                 # doctest: +SKIP
    >>> ds = ray.data.read_parquet("s3://bucket/exports/")                              # doctest: +SKIP
    >>> tagged = tag_dataset(ds, text_col="comment", themes="themes/", num_workers=8)   # doctest: +SKIP
    >>> tagged.write_parquet("s3://bucket/tagged/")                                     # doctest: +SKIP
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

from .._lazy import import_optional
from .._version import __version__
from ..config import RuntimeConfig
from ..errors import ConfigError, InputError

__all__ = ["tag_dataset", "batch_rows_for"]

#: rows per Ray batch = this many token-budget forward batches of comments of typical length
_FORWARD_BATCHES_PER_RAY_BATCH = 16
_TYPICAL_TOKENS = 48


def batch_rows_for(config: RuntimeConfig, device_type: str) -> int:
    """Rows per Ray batch: enough token-budget forward batches to keep an actor busy between hand-offs.

    >>> batch_rows_for(RuntimeConfig(), "cpu"), batch_rows_for(RuntimeConfig(), "cuda")
    (682, 10922)
    """
    return max(64, _FORWARD_BATCHES_PER_RAY_BATCH * config.batch_tokens_for(device_type) // _TYPICAL_TOKENS)


def _theme_files(themes: Any) -> dict[str, bytes] | None:
    """A theme model (object or saved folder) as {relative path: bytes}, to be rebuilt on any node."""
    if themes is None:
        return None
    from ..themes import ThemeModel

    if isinstance(themes, ThemeModel):
        with tempfile.TemporaryDirectory() as tmp:
            themes.save(tmp)
            return _read_folder(Path(tmp))
    folder = Path(os.fspath(themes))
    if not (folder / "themes.json").is_file():
        raise InputError(f"themes={themes!r} is neither a ThemeModel nor a saved ThemeModel folder (no themes.json)")
    return _read_folder(folder)


def _read_folder(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


class _Tagger:
    """The actor: builds one pipeline in ``__init__`` and tags pandas batches in ``__call__``."""

    def __init__(
        self, text_col: str, theme_files: dict[str, bytes] | None, config: RuntimeConfig, options: dict[str, Any]
    ) -> None:
        from ..pipeline import Pipeline

        themes = None
        if theme_files is not None:
            self._tmp = tempfile.TemporaryDirectory(prefix="vocnlp-themes-")
            for rel, data in theme_files.items():
                target = Path(self._tmp.name) / rel
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data)
            themes = self._tmp.name
        self.text_col = text_col
        self.nlp = Pipeline.default(config=config, themes=themes, **options)

    def __call__(self, batch: Any) -> Any:
        from ..pipeline import run_quietly

        out = run_quietly(self.nlp, batch.reset_index(drop=True), text_col=self.text_col)
        out["vocnlp_version"] = __version__
        return out


def _dataset_prior(ds: Any, text_col: str, languages: Any) -> dict[str, float] | bool:
    """The data set's language shares from its first 20,000 rows (False: too few confident comments)."""
    from ..langid import LanguageDetector

    texts = [t for t in ds.select_columns([text_col]).limit(20_000).to_pandas()[text_col] if isinstance(t, str)]
    prior = LanguageDetector("auto", languages=languages).estimate_prior(texts)
    return prior if prior else False


def tag_dataset(
    ds: Any,
    *,
    text_col: str = "text",
    themes: Any = None,
    num_workers: int | tuple[int, int] = 2,
    num_cpus_per_worker: float = 1,
    num_gpus_per_worker: float = 0,
    batch_size: int | None = None,
    config: RuntimeConfig | None = None,
    preserve_order: bool = True,
    **pipeline_options: Any,
) -> Any:
    """Tag every row of the Ray Dataset ``ds``; returns a lazy Ray Dataset with the pipeline's columns.

    Args:
        ds: a ``ray.data.Dataset`` with a text column.
        text_col: the column with the comments.
        themes: a fitted :class:`~vocnlp.ThemeModel` or its saved folder: adds the theme columns.
        num_workers: actors in the pool (one model load each); ``(min, max)`` lets Ray autoscale.
        num_cpus_per_worker: CPUs Ray reserves per actor; the actor's torch uses that many threads.
        num_gpus_per_worker: GPUs per actor (e.g. 1, or 0.5 to pack two actors on a GPU); 0 runs on CPUs.
        batch_size: rows per batch handed to an actor; default from the token budget (:func:`batch_rows_for`).
        config: :class:`~vocnlp.RuntimeConfig` for the actors (device, token budget, max chars...).
        preserve_order: keep the input row order (Ray's ``preserve_order``, set on the dataset's
            ``DataContext``, which Ray shares with the datasets derived from the same source); False can be
            faster on clusters, and rows then come back in block completion order.
        **pipeline_options: passed to :meth:`vocnlp.Pipeline.default` in each actor
            (``clause_sentiment``, ``intent``, ``heads``, ``clauses``, ``languages``...). With
            ``language_prior`` on (the default), the language shares are estimated once here, from the
            first 20,000 rows, and every actor uses them, so a short comment's language does not depend
            on the block it lands in.
    """
    ray = import_optional("ray")
    import_optional("ray.data")
    if not hasattr(ds, "map_batches"):
        raise InputError(
            f"tag_dataset needs a ray.data.Dataset, got {type(ds).__name__}: "
            "ray.data.from_pandas(df) or ray.data.read_parquet(path) makes one"
        )
    if isinstance(num_workers, int) and num_workers < 1:
        raise ConfigError(f"num_workers={num_workers!r} must be at least 1")
    if num_gpus_per_worker < 0 or num_cpus_per_worker <= 0:
        raise ConfigError("num_gpus_per_worker must be >= 0 and num_cpus_per_worker > 0")
    if text_col not in ds.schema().names:
        raise InputError(f"text_col={text_col!r} not in the dataset; its columns: {ds.schema().names}")
    on_gpu = num_gpus_per_worker > 0
    threads = max(1, int(num_cpus_per_worker))
    if config is None:
        config = RuntimeConfig(device="cuda" if on_gpu else "cpu", num_threads=None if on_gpu else threads)
    elif on_gpu and config.device.split(":")[0] not in ("cuda", "auto"):
        raise ConfigError(f"num_gpus_per_worker={num_gpus_per_worker} but config.device={config.device!r}")
    elif not on_gpu and config.num_threads is None:
        # otherwise every actor's torch would use all the node's cores and the actors would fight over them
        config = config.with_(num_threads=threads)
    rows = batch_size or batch_rows_for(config, "cuda" if on_gpu else "cpu")
    size = (num_workers, num_workers) if isinstance(num_workers, int) else tuple(num_workers)
    options = dict(pipeline_options)
    if options.get("language_prior", True) is True:
        options["language_prior"] = _dataset_prior(ds, text_col, options.get("languages"))
    # streaming split into blocks of one batch: a big block (one Parquet file) would otherwise go to one actor
    out = ds.repartition(target_num_rows_per_block=rows).map_batches(
        _Tagger,
        fn_constructor_kwargs={
            "text_col": text_col,
            "theme_files": _theme_files(themes),
            "config": config,
            "options": options,
        },
        batch_size=rows,
        batch_format="pandas",
        compute=ray.data.ActorPoolStrategy(min_size=size[0], max_size=size[1]),
        num_cpus=num_cpus_per_worker,
        num_gpus=num_gpus_per_worker or None,
    )
    out.context.execution_options.preserve_order = preserve_order
    return out
