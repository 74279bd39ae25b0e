"""NPS and score driver analysis: which themes move the score, by how much, and how sure we are.

Example:
    >>> from vocnlp.drivers import summarize
    >>> str(summarize([10, 9, 0, 7]))
    'NPS 25.0 (95% CI -56.3 to 100.0, n=4)'
"""

from __future__ import annotations

from .alerts import alerts
from .analysis import DriverReport, analyze_drivers
from .impact import TABLE_COLUMNS, bh_qvalues, theme_matrix, theme_table
from .scores import KINDS, ScoreSummary, score_values, summarize

__all__ = [
    "analyze_drivers",
    "DriverReport",
    "alerts",
    "KINDS",
    "ScoreSummary",
    "score_values",
    "summarize",
    "theme_matrix",
    "theme_table",
    "bh_qvalues",
    "TABLE_COLUMNS",
]
