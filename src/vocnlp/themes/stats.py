"""``ThemeModel.fit_stats_``: what a fit found, as shares of all comments as ``transform`` assigns them.

Example:
    >>> import numpy as np
    >>> largest_shares(np.array([0, 0, 1, 1]), np.array([0, 0, 1, -1]))   # comments / clauses
    (0.5, 0.5)
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

from .labels import MIXED_COVERAGE
from .prepare import MIN_FIT_WORDS
from .state import ThemeState

if TYPE_CHECKING:
    import numpy as np

__all__ = ["fit_stats", "largest_shares"]


def largest_shares(rows: np.ndarray, labels: np.ndarray) -> tuple[float, float]:
    """The largest theme's share of the comments (``rows``: each clause's comment) and of the clauses
    (``labels``: each clause's theme, -1 none). A long review carries many themes, so a theme's share of
    the comments can be high while it holds few of the clauses ("food" in half of all hotel reviews)."""
    import numpy as np

    n_rows = max(len(set(rows.tolist())), 1)
    top: Counter[int] = Counter(lab for _, lab in set(zip(rows.tolist(), labels.tolist())) if lab >= 0)
    by_comments = round(max(top.values()) / n_rows, 4) if top else 0.0
    assigned = labels[labels >= 0]
    by_clauses = round(float(np.bincount(assigned).max()) / len(labels), 4) if len(assigned) else 0.0
    return by_comments, by_clauses


def fit_stats(
    state: ThemeState, rows: np.ndarray, assigned: np.ndarray, n_words: np.ndarray, fit_labels: np.ndarray
) -> dict[str, Any]:
    """Themes, parents and shares: ``rows`` and ``assigned`` (the theme ``transform`` gives) per clause of
    the corpus, ``n_words`` their content words; ``fit_labels`` the fitted clauses' themes."""
    import numpy as np

    has_units = len(set(rows.tolist()))
    themed = set(rows[assigned >= 0].tolist())
    taken = len(themed)
    topical = set(rows[n_words >= MIN_FIT_WORDS].tolist())
    themes = state.themes
    sizes = np.array([themes[i].size for i in state.ids], dtype=float)
    cov = np.array([themes[i].label_coverage for i in state.ids], dtype=float)
    ok = ~np.isnan(cov)
    by_comments, by_clauses = largest_shares(rows, assigned)
    return {
        "themes": len(state.ids),
        "parents": len({t.parent_id for t in themes.values()}),
        "clauses": len(fit_labels),
        "clauses_too_short": int((n_words < MIN_FIT_WORDS).sum()),
        "clauses_unassigned": round(float(np.mean(fit_labels < 0)), 4),
        "comments_unassigned": round(1 - taken / max(has_units, 1), 4),
        # of all comments: those without a clause of MIN_FIT_WORDS content words ("Great!", "최고!!"), which hold
        # a theme only through a one-word anchor ("Expensive.")
        "comments_without_topic": round(1 - len(topical) / max(has_units, 1), 4),
        # of the comments that do say something (a clause of MIN_FIT_WORDS content words): those without a theme
        "topical_comments_unassigned": round(1 - len(topical & themed) / max(len(topical), 1), 4),
        "largest_theme_share": by_comments,
        "largest_theme_clause_share": by_clauses,
        "label_coverage": round(float((cov[ok] * sizes[ok]).sum() / max(sizes[ok].sum(), 1)), 4),
        "mixed_themes": int((cov[ok] < MIXED_COVERAGE).sum()),
        "threshold": round(state.threshold, 4),
    }
