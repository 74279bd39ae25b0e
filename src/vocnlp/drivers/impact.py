"""Leave-theme-out impact of each theme on a score, with bootstrap CIs, permutation p-values and BH q-values.

Definitions (score = mean of per-respondent values, see :mod:`vocnlp.drivers.scores`):
- ``score_with``: the score of respondents whose comment carries the theme;
- ``score_without``: the score of everyone else;
- ``gap`` = score_with - score_without;
- ``impact`` = score_all - score_without: how much the overall score moves because of the comments
  with this theme, in score units (NPS points for NPS). It equals ``share x gap``.
A comment with several themes counts in each of them. The 95% CI resamples respondents (bootstrap,
seeded); the p-value permutes scores over respondents (null: the theme is unrelated to the score);
q-values control the false discovery rate over all themes (Benjamini-Hochberg).

Example:
    >>> import numpy as np
    >>> values = np.array([100, 100, -100, -100, 0, 100.0])
    >>> X = np.array([[0], [0], [1], [1], [0], [0]], dtype=bool)
    >>> t = theme_table(values, X, ["Billing"], n_boot=200, n_perm=200, seed=0)
    >>> float(t.loc[0, "impact"]), float(t.loc[0, "share"] * t.loc[0, "gap"])
    (-58.33333333333333, -58.33333333333333)
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..errors import InputError

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

__all__ = ["theme_matrix", "theme_table", "bh_qvalues", "TABLE_COLUMNS"]

TABLE_COLUMNS = [
    "theme",
    "n",
    "share",
    "score_with",
    "score_without",
    "gap",
    "impact",
    "impact_ci_low",
    "impact_ci_high",
    "p_value",
    "q_value",
]


def theme_matrix(themes: Sequence[Any], *, min_count: int = 1) -> tuple[np.ndarray, list[str]]:
    """``(n_rows, n_themes)`` indicator matrix from per-row theme lists (a label or None also works)."""
    import numpy as np

    rows: list[set[str]] = []
    for i, t in enumerate(themes):
        if t is None or (isinstance(t, float) and math.isnan(t)):
            rows.append(set())
        elif isinstance(t, str):
            rows.append({t})
        elif hasattr(t, "__iter__"):
            rows.append({str(x) for x in t if x is not None})
        else:
            raise InputError(f"themes[{i}] = {t!r}: expected a list of theme labels per row (the `themes` column)")
    counts: dict[str, int] = {}
    for r in rows:
        for t in r:
            counts[t] = counts.get(t, 0) + 1
    names = sorted(
        (t for t, c in counts.items() if c >= min_count and t != "unassigned"), key=lambda t: (-counts[t], t)
    )
    col = {t: j for j, t in enumerate(names)}
    x = np.zeros((len(rows), len(names)), dtype=bool)
    for i, r in enumerate(rows):
        for t in r:
            if t in col:
                x[i, col[t]] = True
    return x, names


def bh_qvalues(p: np.ndarray) -> np.ndarray:
    """Benjamini-Hochberg adjusted p-values (q-values), NaN kept as NaN."""
    import numpy as np
    from scipy.stats import false_discovery_control

    p = np.asarray(p, dtype=np.float64)
    q = np.full(p.shape, np.nan)
    ok = np.isfinite(p)
    if ok.any():
        q[ok] = false_discovery_control(p[ok], method="bh")
    return q


def _impacts(w: np.ndarray, v: np.ndarray, x: np.ndarray) -> np.ndarray:
    """Impact per theme for each row of weights ``w`` (B, n): mean_w(v) - mean_w(v | not theme)."""
    import numpy as np

    total = w @ v / np.maximum(w.sum(axis=1), 1e-12)
    notx = (~x).astype(np.float64)
    cnt = w @ notx
    with np.errstate(invalid="ignore", divide="ignore"):
        without = (w @ (v[:, None] * notx)) / cnt
    return total[:, None] - without


def theme_table(
    values: np.ndarray,
    x: np.ndarray,
    names: Sequence[str],
    *,
    n_boot: int = 2000,
    n_perm: int = 2000,
    seed: int = 0,
    block: int = 250,
) -> pd.DataFrame:
    """The per-theme table (``TABLE_COLUMNS``), sorted by |impact|. ``values``: valid rows only."""
    import numpy as np
    import pandas as pd

    v = np.asarray(values, dtype=np.float64)
    x = np.asarray(x, dtype=bool)
    n, k = x.shape
    if n == 0:
        return pd.DataFrame(columns=TABLE_COLUMNS)
    cnt = x.sum(axis=0)
    total = v.mean()
    with np.errstate(invalid="ignore", divide="ignore"):
        with_ = (v @ x) / cnt
        without = (v @ ~x) / (n - cnt)
    impact = total - without
    rng = np.random.default_rng(seed)
    boot = np.empty((n_boot, k))
    for s in range(0, n_boot, block):  # resampling respondents = multinomial weights, in blocks (bounded memory)
        b = min(block, n_boot - s)
        w = rng.multinomial(n, np.full(n, 1.0 / n), size=b).astype(np.float64)
        boot[s : s + b] = _impacts(w, v, x)
    lo, hi = np.nanpercentile(boot, [2.5, 97.5], axis=0)
    extreme = np.zeros(k)
    notx = (~x).astype(np.float64)
    for s in range(0, n_perm, block):  # permutation null: scores shuffled over respondents
        b = min(block, n_perm - s)
        perm = np.argsort(rng.random((b, n)), axis=1)
        with np.errstate(invalid="ignore", divide="ignore"):  # a shuffle keeps the mean: one product per block
            null = total - (v[perm] @ notx) / (n - cnt)
        extreme += (np.abs(null) >= np.abs(impact) - 1e-12).sum(axis=0)
    p = (extreme + 1) / (n_perm + 1)
    p[cnt == 0] = np.nan
    table = pd.DataFrame(
        {
            "theme": list(names),
            "n": cnt.astype(int),
            "share": cnt / n,
            "score_with": with_,
            "score_without": without,
            "gap": with_ - without,
            "impact": impact,
            "impact_ci_low": lo,
            "impact_ci_high": hi,
            "p_value": p,
            "q_value": bh_qvalues(p),
        }
    )
    return table.reindex(table["impact"].abs().sort_values(ascending=False).index).reset_index(drop=True)
