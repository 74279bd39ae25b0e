"""The HTML report: one self-contained file (figures embedded, no network) a CX team can open and share.

Example:
    >>> vocnlp.report.build(out, tm, rep, "report.html")      # doctest: +SKIP
"""

from __future__ import annotations

from .build import build
from .figures import driver_chart, score_overview, sentiment_by_language, theme_trends

__all__ = ["build", "score_overview", "driver_chart", "sentiment_by_language", "theme_trends"]
