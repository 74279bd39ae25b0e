"""The demo job: tag the bundled sample feedback, find its themes, summarise languages, sentiment and themes.

Example:
    >>> summary = run_demo("out/")          # doctest: +SKIP
"""

from __future__ import annotations

import logging
import os
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["run_demo", "language_summary", "theme_summary"]

logger = logging.getLogger(__name__)


def language_summary(out: pd.DataFrame) -> pd.DataFrame:
    """Per language: comments, mean and min language confidence, flagged rows (status != ok)."""
    g = out.assign(flagged=out["status"] != "ok").groupby("language", dropna=False)
    summary = g.agg(comments=("language", "size"), mean_confidence=("language_score", "mean"),
                    min_confidence=("language_score", "min"), flagged=("flagged", "sum"))
    return summary.sort_values("comments", ascending=False).round(3)


def theme_summary(themes: pd.DataFrame, n: int = 10) -> pd.DataFrame:
    """The ``n`` largest themes with their share of comments and sentiment mix (shares of their clauses)."""
    cols = ["theme_id", "label", "size", "share", "negative", "neutral", "positive", "mean_sentiment"]
    return themes.sort_values("size", ascending=False)[cols].head(n).round(3)


def run_demo(out_dir: str | os.PathLike[str] = "vocnlp-demo", *, device: str = "auto") -> pd.DataFrame:
    """Tag the sample data, fit themes on it, write ``tagged.parquet`` and ``themes/``; return the language summary."""
    import importlib.util

    from .io import load_sample, write_table
    from .pipeline import Pipeline

    df = load_sample()
    with_themes = importlib.util.find_spec("bertopic") is not None
    nlp = Pipeline.default(device=device, keep_embeddings=with_themes)
    t0 = time.perf_counter()
    out = nlp.run(df, text_col="comment")
    elapsed = time.perf_counter() - t0
    themes = None
    if with_themes:
        from .themes import ThemeModel

        t1 = time.perf_counter()
        tm = ThemeModel(seed=0).fit(out, text_col="comment")
        out = tm.transform(out, text_col="comment")
        tm.save(Path(out_dir) / "themes")
        themes = tm.themes_
        theme_s = time.perf_counter() - t1
    out = out.drop(columns=[c for c in ("embedding", "clause_embeddings") if c in out.columns])
    path = write_table(out, Path(out_dir) / "tagged.parquet")
    summary = language_summary(out)
    print(f"vocnlp demo: {len(out)} comments tagged in {elapsed:.1f}s -> {path}")
    print(summary.to_string())
    sent = out.groupby("language")["sentiment"].value_counts(normalize=True).unstack(fill_value=0).round(2)
    print("\nsentiment by language (share of comments):")
    print(sent.to_string())
    if themes is not None:
        print(f"\ntop themes ({len(themes)} found in {theme_s:.1f}s; sentiment mix = shares of their clauses):")
        print(theme_summary(themes).to_string(index=False))
    else:
        print("\n(themes skipped: pip install 'vocnlp[themes]')")
    flagged = out[out["status"] != "ok"][["id", "comment", "status", "error"]]
    print(f"\nflagged rows ({len(flagged)}):")
    print(flagged.to_string(index=False, max_colwidth=60))
    return summary
