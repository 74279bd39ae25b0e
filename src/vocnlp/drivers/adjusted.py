"""The adjusted view: all themes in one model, and a Shapley decomposition of the explained variance.

The per-theme table answers "how much does the score move because of comments with this theme";
themes co-occur, so this module answers "what is a theme's association with the score holding the
other themes (and segments) fixed": OLS on the per-respondent score value with robust (HC3) standard
errors, a logistic model of being a detractor (NPS) with odds ratios, and Shapley values that split
the model's R^2 among themes (exact up to 12 themes, sampled permutations with a CI beyond).
All are associations among people who chose to comment, not causes.

Example:
    >>> import numpy as np
    >>> rng = np.random.default_rng(0)
    >>> x = rng.random((500, 3)) < 0.3
    >>> y = 10 * x[:, 0] + rng.normal(size=500)
    >>> sh = shapley_r2(y, x.astype(float), ["a", "b", "c"])
    >>> sh.iloc[0]["theme"], round(float(sh["shapley_r2"].sum()), 3) == round(float(r2(y, x.astype(float))), 3)
    ('a', True)
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

__all__ = ["ols_table", "logit_table", "shapley_r2", "r2", "EXACT_SHAPLEY_MAX"]

EXACT_SHAPLEY_MAX = 12


def _design(x: np.ndarray, controls: pd.DataFrame | None) -> tuple[np.ndarray, list[str]]:
    import numpy as np
    import pandas as pd

    cols = [np.ones((len(x), 1)), x.astype(np.float64)]
    extra: list[str] = []
    if controls is not None and controls.shape[1]:
        dummies = pd.get_dummies(controls.astype(str), drop_first=True, dtype=float)
        cols.append(dummies.to_numpy())
        extra = [f"[control] {c}" for c in dummies.columns]
    return np.hstack(cols), extra


def ols_table(
    values: np.ndarray, x: np.ndarray, names: Sequence[str], *, controls: pd.DataFrame | None = None
) -> pd.DataFrame:
    """OLS of the score value on all theme indicators (+ control dummies), HC3 standard errors."""
    import pandas as pd
    from statsmodels.regression.linear_model import OLS  # not statsmodels.api: ~0.8 s more to import

    design, extra = _design(x, controls)
    res = OLS(values, design).fit(cov_type="HC3")
    ci = res.conf_int()
    rows = [
        {
            "term": n,
            "coef": res.params[j + 1],
            "ci_low": ci[j + 1, 0],
            "ci_high": ci[j + 1, 1],
            "p_value": res.pvalues[j + 1],
        }
        for j, n in enumerate([*names, *extra])
    ]
    out = pd.DataFrame(rows)
    out.attrs["r2"] = float(res.rsquared)
    return out


def logit_table(
    is_low: np.ndarray, x: np.ndarray, names: Sequence[str], *, controls: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Logistic regression of being a detractor on the themes: odds ratios with 95% CIs."""
    import numpy as np
    import pandas as pd
    from statsmodels.discrete.discrete_model import Logit

    design, extra = _design(x, controls)
    keep = design[:, 1:].std(axis=0) > 0  # a theme on every or no row cannot be estimated
    cols = np.r_[True, keep]
    terms = [n for n, k in zip([*names, *extra], keep) if k]
    try:
        res = Logit(is_low.astype(float), design[:, cols]).fit(disp=0, method="lbfgs", maxiter=500)
    except Exception:  # noqa: BLE001 - perfect separation and friends: report nothing rather than nonsense
        return pd.DataFrame(columns=["term", "odds_ratio", "ci_low", "ci_high", "p_value"])
    with np.errstate(over="ignore"):  # a theme (nearly) separating detractors: an unbounded CI is the truth
        ci = np.exp(res.conf_int())
    return pd.DataFrame(
        [
            {
                "term": n,
                "odds_ratio": float(np.exp(res.params[j + 1])),
                "ci_low": ci[j + 1, 0],
                "ci_high": ci[j + 1, 1],
                "p_value": float(res.pvalues[j + 1]),
            }
            for j, n in enumerate(terms)
        ]
    )


def r2(y: np.ndarray, x: np.ndarray) -> float:
    """R^2 of OLS of y on x with an intercept."""
    import numpy as np

    yc = y - y.mean()
    xc = x - x.mean(axis=0)
    beta, *_ = np.linalg.lstsq(xc, yc, rcond=None)
    return float(1 - ((yc - xc @ beta) ** 2).sum() / (yc**2).sum())


class _R2:
    """R^2 of any subset of columns, from the centred Gram matrix (one small solve per subset)."""

    def __init__(self, y: np.ndarray, x: np.ndarray) -> None:
        import numpy as np

        yc = y - y.mean()
        xc = x - x.mean(axis=0)
        self.g = xc.T @ xc
        self.c = xc.T @ yc
        self.tss = float(yc @ yc)
        self.cache: dict[int, float] = {0: 0.0}
        self.np = np

    def nested(self, order: np.ndarray) -> np.ndarray | None:
        """R^2 of the first 1, 2, ..., k columns of ``order``: with the Cholesky factor L of the Gram matrix
        in that order, the explained sum of squares of the first m columns is the squared norm of the first
        m entries of L^-1 c. None when a column is (nearly) a combination of the ones before it (then the
        subsets are solved one by one, as least squares)."""
        np = self.np
        if self.tss <= 0:
            return np.zeros(len(order))
        g = self.g[np.ix_(order, order)]
        try:
            low = np.linalg.cholesky(g)
        except np.linalg.LinAlgError:
            return None
        if (np.diag(low) ** 2 < 1e-10 * np.maximum(np.diag(g), 1e-300)).any():
            return None
        from scipy.linalg import solve_triangular

        w = solve_triangular(low, self.c[order], lower=True)
        return np.cumsum(w**2) / self.tss

    def __call__(self, cols: Sequence[int], key: int) -> float:
        if key not in self.cache:
            idx = list(cols)
            sol = self.np.linalg.lstsq(self.g[self.np.ix_(idx, idx)], self.c[idx], rcond=None)[0]
            self.cache[key] = float(self.c[idx] @ sol / self.tss) if self.tss > 0 else 0.0
        return self.cache[key]


def shapley_r2(
    values: np.ndarray,
    x: np.ndarray,
    names: Sequence[str],
    *,
    n_perm: int = 300,
    seed: int = 0,
    exact_max: int = EXACT_SHAPLEY_MAX,
) -> pd.DataFrame:
    """Each theme's share of R^2 (Shapley values; they sum to the full model's R^2).

    Exact over all subsets up to ``exact_max`` themes; beyond, the mean marginal contribution
    over ``n_perm`` random orders, with a normal 95% CI from those samples.
    """
    import numpy as np
    import pandas as pd

    y = np.asarray(values, dtype=np.float64)
    x = np.asarray(x, dtype=np.float64)
    k = x.shape[1]
    f = _R2(y, x)
    phi = np.zeros(k)
    lo = hi = None
    if k <= exact_max:
        weight = [math.factorial(s) * math.factorial(k - s - 1) / math.factorial(k) for s in range(k)]
        for mask in range(1 << k):
            cols = [j for j in range(k) if mask >> j & 1]
            base = f(cols, mask)
            for j in range(k):
                if not mask >> j & 1:
                    phi[j] += weight[len(cols)] * (f([*cols, j], mask | 1 << j) - base)
        method = "exact"
    else:
        rng = np.random.default_rng(seed)
        samples = np.zeros((n_perm, k))
        for p in range(n_perm):
            order = rng.permutation(k)
            prev, key, cols = 0.0, 0, []
            nested = f.nested(order)
            if nested is not None:  # R^2 of every leading subset of this order from one factorisation
                samples[p, order] = np.diff(nested, prepend=0.0)
                continue
            for j in order:
                cols.append(int(j))
                key |= 1 << int(j)
                cur = f(cols, key)
                samples[p, j] = cur - prev
                prev = cur
            f.cache = {0: 0.0} if len(f.cache) > 200_000 else f.cache
        phi = samples.mean(axis=0)
        se = samples.std(axis=0, ddof=1) / math.sqrt(n_perm)
        lo, hi = phi - 1.96 * se, phi + 1.96 * se
        method = f"sampled ({n_perm} orders)"
    out = pd.DataFrame({"theme": list(names), "shapley_r2": phi})
    if lo is not None:
        out["ci_low"], out["ci_high"] = lo, hi
    out["share_of_r2"] = phi / phi.sum() if phi.sum() > 0 else np.nan
    out.attrs["method"] = method
    return out.sort_values("shapley_r2", ascending=False).reset_index(drop=True)
