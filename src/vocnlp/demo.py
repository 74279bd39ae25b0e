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
    summary = g.agg(
        comments=("language", "size"),
        mean_confidence=("language_score", "mean"),
        min_confidence=("language_score", "min"),
        flagged=("flagged", "sum"),
    )
    return summary.sort_values("comments", ascending=False).round(3)


def theme_summary(themes: pd.DataFrame, n: int = 10) -> pd.DataFrame:
    """The ``n`` largest themes with their share of comments and sentiment mix (shares of their clauses)."""
    cols = ["theme_id", "label", "size", "share", "negative", "neutral", "positive", "mean_sentiment"]
    return themes.sort_values("size", ascending=False)[cols].head(n).round(3)


def run_demo(out_dir: str | os.PathLike[str] = "vocnlp-demo", *, device: str = "auto") -> pd.DataFrame:
    """The whole chain on the sample data (``vocnlp analyze``): tagged.parquet, themes, drivers, report.html.

    Prints the per-language summary, sentiment by language, the top themes with their sentiment mix and
    the top NPS drivers; returns the language summary. Without the ``themes`` extra it only tags.
    """
    import importlib.util

    from .io import load_sample, write_table

    df = load_sample()
    if importlib.util.find_spec("bertopic") is None:
        from .pipeline import Pipeline

        t0 = time.perf_counter()
        out = Pipeline.default(device=device).run(df, text_col="comment")
        path = write_table(out, Path(out_dir) / "tagged.parquet")
        print(f"vocnlp demo: {len(out)} comments tagged in {time.perf_counter() - t0:.1f}s -> {path}")
        print("(themes, drivers and the report skipped: pip install 'vocnlp[themes]')")
        summary = language_summary(out)
        print(summary.to_string())
        return summary
    from .analyze import run_analysis

    res = run_analysis(
        df,
        text_col="comment",
        score_col="nps",
        date_col="date",
        segment_cols=["channel"],
        out_dir=out_dir,
        device=device,
    )
    out = res.out
    summary = language_summary(out)
    times = ", ".join(f"{k} {v:.1f}s" for k, v in res.seconds.items())
    print(f"vocnlp demo: {len(out)} comments ({times}) -> {Path(out_dir).resolve()}")
    print(summary.to_string())
    sent = out.groupby("language")["sentiment"].value_counts(normalize=True).unstack(fill_value=0).round(2)
    print("\nsentiment by language (share of comments):")
    print(sent.to_string())
    print(f"\ntop themes ({res.themes.n_themes} found; sentiment mix = shares of their clauses):")
    print(theme_summary(res.themes.themes_).to_string(index=False))
    print(f"\n{res.drivers.score}; top drivers (impact in NPS points, 95% CI, q):")
    for _, r in res.drivers.table.head(8).iterrows():
        print(
            f"  {r['theme']:<32} {r['impact']:+6.1f}  [{r['impact_ci_low']:+.1f}, {r['impact_ci_high']:+.1f}]  q={r['q_value']:.3f}"
        )
    flagged = out[out["status"] != "ok"][["id", "comment", "status", "error"]]
    print(f"\nflagged rows ({len(flagged)}):")
    print(flagged.to_string(index=False, max_colwidth=60))
    print(f"\nreport: {res.files['report']}")
    return summary
