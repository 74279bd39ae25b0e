"""Score maths: NPS, CSAT (top-2-box), CES and any numeric score, with standard errors and CIs.

Every score is the mean of a per-respondent value, which keeps the driver maths linear:
NPS = mean of +100 (promoter, 9-10), 0 (passive, 7-8), -100 (detractor, 0-6); CSAT = % of 4-5 on a
1-5 scale (mean of 100/0); CES and ``mean`` = the mean of the raw score. Invalid scores (out of range,
not a number, NPS not an integer) are flagged, never guessed.

Example:
    >>> s = summarize([10, 9, 8, 7, 6, 0, 10, 10], kind="nps")
    >>> s.value, s.n, s.promoters, s.detractors
    (25.0, 8, 4, 2)
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..errors import ConfigError

if TYPE_CHECKING:
    import numpy as np

__all__ = ["KINDS", "ScoreSummary", "score_values", "summarize", "nps_standard_error"]

#: score kind -> (valid range, description)
KINDS: dict[str, tuple[tuple[float, float] | None, str]] = {
    "nps": ((0, 10), "Net Promoter Score: % promoters (9-10) minus % detractors (0-6), -100..100"),
    "csat": ((1, 5), "CSAT: % of 4 and 5 answers on a 1-5 scale"),
    "ces": ((1, 7), "Customer Effort Score: mean of a 1-7 answer"),
    "mean": (None, "mean of any numeric score"),
}
Z95 = 1.959963984540054


@dataclass(frozen=True)
class ScoreSummary:
    """A score with its 95% CI; for NPS also the three groups' counts."""

    kind: str
    value: float
    se: float
    ci_low: float
    ci_high: float
    n: int
    invalid: int = 0
    promoters: int | None = None
    passives: int | None = None
    detractors: int | None = None

    def __str__(self) -> str:
        return f"{self.kind.upper()} {self.value:.1f} (95% CI {self.ci_low:.1f} to {self.ci_high:.1f}, n={self.n})"


def score_values(scores: Sequence[Any], kind: str = "nps") -> tuple[np.ndarray, np.ndarray]:
    """Per-respondent values whose mean is the score, and a mask of valid rows (invalid rows are NaN)."""
    import numpy as np
    import pandas as pd

    if kind not in KINDS:
        raise ConfigError(f"score kind {kind!r} is not one of {sorted(KINDS)}")
    raw = pd.to_numeric(pd.Series(list(scores), dtype=object), errors="coerce").to_numpy(dtype=np.float64)
    valid = np.isfinite(raw)
    rng = KINDS[kind][0]
    if rng is not None:
        valid &= (raw >= rng[0]) & (raw <= rng[1])
    if kind in ("nps", "csat"):
        valid &= np.floor(raw) == raw
    values = np.full(len(raw), np.nan)
    if kind == "nps":
        values[valid] = np.where(raw[valid] >= 9, 100.0, np.where(raw[valid] <= 6, -100.0, 0.0))
    elif kind == "csat":
        values[valid] = np.where(raw[valid] >= 4, 100.0, 0.0)
    else:
        values[valid] = raw[valid]
    return values, valid


def nps_standard_error(p_promoters: float, p_detractors: float, n: int) -> float:
    """Standard error of NPS in points: 100 * sqrt((p_pro + p_det - (p_pro - p_det)^2) / n)."""
    if n <= 0:
        return math.nan
    return 100.0 * math.sqrt(max(p_promoters + p_detractors - (p_promoters - p_detractors) ** 2, 0.0) / n)


def summarize(scores: Sequence[Any], kind: str = "nps") -> ScoreSummary:
    """The score of ``scores`` with its standard error and normal-approximation 95% CI."""

    values, valid = score_values(scores, kind)
    v = values[valid]
    n = int(valid.sum())
    invalid = int(len(values) - n)
    if n == 0:
        return ScoreSummary(kind, math.nan, math.nan, math.nan, math.nan, 0, invalid)
    value = float(v.mean())
    if kind == "nps":
        pro, det = int((v > 0).sum()), int((v < 0).sum())
        se = nps_standard_error(pro / n, det / n, n)
        lo, hi = _clip(kind, value - Z95 * se, value + Z95 * se)
        return ScoreSummary(kind, value, se, lo, hi, n, invalid, pro, n - pro - det, det)
    se = float(v.std(ddof=1) / math.sqrt(n)) if n > 1 else math.nan
    lo, hi = _clip(kind, value - Z95 * se, value + Z95 * se)
    return ScoreSummary(kind, value, se, lo, hi, n, invalid)


def _clip(kind: str, lo: float, hi: float) -> tuple[float, float]:
    """Normal-approximation limits clipped to the score's possible range (NPS -100..100, CSAT 0..100)."""
    bounds = {"nps": (-100.0, 100.0), "csat": (0.0, 100.0)}.get(kind)
    if bounds is None:
        return lo, hi
    return max(lo, bounds[0]), min(hi, bounds[1])
