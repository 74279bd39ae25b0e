"""The whole chain in one call: pipeline -> themes -> drivers -> files (``vocnlp analyze``).

Writes ``tagged.parquet`` (every input row and column, plus vocnlp's), ``themes.csv``, ``themes/``
(the ThemeModel), ``drivers.csv`` and the self-contained ``report.html``. Comments without a score (reviews,
tickets: ``score_col=None``) get everything but the drivers: the report opens with what they talk about.

Example:
    >>> res = run_analysis(df, text_col="comment", score_col="nps", date_col="date", out_dir="out/")  # doctest: +SKIP
    >>> res.drivers.table.head()                                                                       # doctest: +SKIP
"""

from __future__ import annotations

import logging
import os
import sys
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .themes import ThemeModel

__all__ = ["Analysis", "run_analysis"]

logger = logging.getLogger(__name__)


@dataclass
class Analysis:
    """What :func:`run_analysis` made: the tagged frame, the theme model, the driver report (None without a
    score), files, timings."""

    out: Any
    themes: Any
    drivers: Any
    files: dict[str, Path]
    seconds: dict[str, float] = field(default_factory=dict)
    #: lines for the user about the run (an unsure language detection: :func:`~vocnlp.langid.unsure_hint`)
    notes: list[str] = field(default_factory=list)


def run_analysis(
    df: Any,
    *,
    text_col: str,
    score_col: str | None = None,
    out_dir: str | os.PathLike[str],
    date_col: str | None = None,
    kind: str | None = None,
    segment_cols: Sequence[str] = (),
    device: str = "auto",
    seed: int = 0,
    owners: Mapping[str, str] | None = None,
    n_boot: int = 2000,
    redact: bool = True,
    themes: ThemeModel | str | os.PathLike[str] | None = None,
    theme_discovery: str = "auto",
    languages: Sequence[str] | None = None,
    progress: bool | None = None,
) -> Analysis:
    """Tag, find themes, analyse drivers and write the files into ``out_dir``.

    ``score_col``: the NPS / CSAT / CES / star rating / numeric score that drivers explain; None for comments
    without one (reviews, tickets): no drivers, no ``drivers.csv``, and ``kind``, ``segment_cols`` and
    ``owners`` (which act on a score) must be left out.

    ``themes``: a fitted ThemeModel or the folder of a saved one (``analysis/themes``, ``ThemeModel.save``):
    its taxonomy is applied as it is, so this period's drivers use last period's themes and ids. Without
    it, themes are found in ``df``, by ``theme_discovery`` (``ThemeModel(discovery=...)``: "auto",
    "phrases" or "clusters").

    ``languages``: ISO 639-1 codes the comments are in (``Pipeline.default(languages=...)``); one code is taken
    as given for every comment, also a language no detector knows (Hausa, ``["ha"]``), so its stop words
    and theme labels follow it.

    ``redact`` (default True): personal data is replaced by placeholders before the comments are embedded,
    so the tagged file, the themes and the report never hold it (see :mod:`vocnlp.pii`).

    ``progress``: each stage announced on stderr (``[1/4] tagging ...``) with the pipeline's bar and the
    theme fit's phases; None: when stderr is a terminal.
    """
    from .drivers import analyze_drivers
    from .drivers.scores import resolve_kind
    from .errors import ConfigError, InputError
    from .frames import require_columns
    from .io import check_writable, write_table
    from .langid import unsure_hint
    from .pipeline import Pipeline
    from .report import build
    from .themes import ThemeModel
    from .themes.model import DISCOVERY

    if theme_discovery not in DISCOVERY:
        raise ConfigError(f"theme_discovery={theme_discovery!r}: use one of {DISCOVERY}")
    if isinstance(languages, str):  # list("ha") would be ["h", "a"]
        raise InputError(f"languages={languages!r}: pass a list of ISO 639-1 codes, e.g. languages=[{languages!r}]")
    if score_col is None:
        given = [n for n, v in (("kind", kind), ("segment_cols", segment_cols), ("owners", owners)) if v]
        if given:
            raise ConfigError(
                f"{', '.join(given)} act on a score, and no score_col was given: pass score_col (the column "
                "with the NPS, CSAT, CES, star rating or other score), or leave them out"
            )
    require_columns(
        df.columns,
        {
            "score_col": score_col,
            "text_col": text_col,
            "date_col": date_col,
            **{f"segment_cols[{i}]": c for i, c in enumerate(segment_cols)},
        },
    )
    # every check before any model loads: a mistake costs a second, not the pipeline and a theme fit
    if score_col is not None:
        kind = resolve_kind(df[score_col].tolist(), kind, column=score_col)
        logger.info("score kind: %s", kind)
    if date_col is not None:
        from ._dates import parse_dates

        parsed = parse_dates(df[date_col])
        if parsed.notna().mean() < 0.5:
            bad = df[date_col][parsed.isna()].head(3).tolist()
            raise InputError(
                f"date_col={date_col!r}: {100 * parsed.isna().mean():.0f}% of its values are not dates "
                f"(e.g. {bad}); pass the date column, or leave date_col out"
            )
    saved_at = None
    if themes is not None and not isinstance(themes, ThemeModel):
        saved_at = Path(os.fspath(themes)).resolve()
        themes = ThemeModel.load(themes)  # a wrong folder fails here, before the pipeline runs
    folder = check_writable(out_dir, folder=True)
    show = sys.stderr.isatty() if progress is None else bool(progress)
    steps = 4 if score_col is not None else 3

    def stage(k: int, what: str) -> None:
        if show:
            print(f"vocnlp analyze [{k}/{steps}] {what}", file=sys.stderr, flush=True)

    seconds: dict[str, float] = {}
    t0 = time.perf_counter()
    stage(1, f"tagging {len(df):,} comments (language, sentiment, intent, clauses)")
    nlp = Pipeline.default(
        device=device,
        keep_embeddings=True,
        clauses=True,
        redact=redact,
        languages=list(languages) if languages else None,  # checked above: not one string
    )
    out = nlp.run(df, text_col=text_col, progress=show)
    seconds["pipeline"] = time.perf_counter() - t0
    notes: list[str] = []
    if not languages and "language_score" in out.columns:
        hint = unsure_hint(out["language_score"].tolist(), out["language"].tolist())
        if hint:
            logger.warning(hint)
            notes.append(hint)
    t0 = time.perf_counter()
    stage(2, "applying the saved themes" if themes is not None else "finding themes")
    tm = (
        themes
        if themes is not None
        else ThemeModel(seed=seed, discovery=theme_discovery).fit(out, text_col=text_col, progress=show)
    )
    out = tm.transform(out, text_col=text_col)
    seconds["themes"] = time.perf_counter() - t0
    out = out.drop(columns=["embedding", "clause_embeddings"])
    rep = None
    if score_col is not None:
        t0 = time.perf_counter()
        stage(3, f"drivers of {score_col!r} ({kind}; {n_boot:,} bootstrap and permutation draws)")
        rep = analyze_drivers(
            out,
            score_col=score_col,
            kind=kind,
            segment_cols=segment_cols,
            date_col=date_col,
            n_boot=n_boot,
            n_perm=n_boot,
            seed=seed,
        )
        seconds["drivers"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    stage(steps, f"writing the files and the report into {folder}")
    files = {
        "tagged": write_table(out, folder / "tagged.parquet"),
        # a taxonomy applied from this very folder stays as it was saved
        "themes_model": saved_at if saved_at == (folder / "themes").resolve() else tm.save(folder / "themes"),
        "themes": folder / "themes.csv",
    }
    tm.themes_.to_csv(files["themes"], index=False)
    if rep is not None:
        files["drivers"] = folder / "drivers.csv"
        rep.table.to_csv(files["drivers"], index=False)
    files["report"] = folder / "report.html"
    build(out, tm, rep, files["report"], date_col=date_col, text_col=text_col, owners=dict(owners or {}))
    seconds["files"] = time.perf_counter() - t0
    logger.info("analysis done: %s", {k: round(v, 1) for k, v in seconds.items()})
    return Analysis(out, tm, rep, files, seconds, notes)
