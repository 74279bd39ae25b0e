"""The demo job: tag the bundled sample feedback and summarise it per language.

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

__all__ = ["run_demo", "language_summary"]

logger = logging.getLogger(__name__)


def language_summary(out: pd.DataFrame) -> pd.DataFrame:
    """Per language: comments, mean and min language confidence, flagged rows (status != ok)."""
    g = out.assign(flagged=out["status"] != "ok").groupby("language", dropna=False)
    summary = g.agg(comments=("language", "size"), mean_confidence=("language_score", "mean"),
                    min_confidence=("language_score", "min"), flagged=("flagged", "sum"))
    return summary.sort_values("comments", ascending=False).round(3)


def run_demo(out_dir: str | os.PathLike[str] = "vocnlp-demo", *, device: str = "auto") -> pd.DataFrame:
    """Run the default pipeline on the sample data, write ``tagged.parquet``, return the language summary."""
    from .io import load_sample, write_table
    from .pipeline import Pipeline

    df = load_sample()
    nlp = Pipeline.default(device=device)
    t0 = time.perf_counter()
    out = nlp.run(df, text_col="comment")
    elapsed = time.perf_counter() - t0
    path = write_table(out, Path(out_dir) / "tagged.parquet")
    summary = language_summary(out)
    print(f"vocnlp demo: {len(out)} comments tagged in {elapsed:.1f}s -> {path}")
    print(summary.to_string())
    flagged = out[out["status"] != "ok"][["id", "comment", "status", "error"]]
    print(f"\nflagged rows ({len(flagged)}):")
    print(flagged.to_string(index=False, max_colwidth=60))
    return summary
