"""Score maths: NPS, CSAT (top-2-box), CES, star ratings and any numeric score, with standard errors and CIs.

Every score is the mean of a per-respondent value, which keeps the driver maths linear:
NPS = mean of +100 (promoter, 9-10), 0 (passive, 7-8), -100 (detractor, 0-6); CSAT = % of 4-5 on a
1-5 scale (mean of 100/0); CES, ``stars`` (1-5 or 1-10) and ``mean`` = the mean of the raw score.
Invalid scores (out of range, not a number, NPS not an integer) are flagged, never guessed.

:func:`resolve_kind` infers the kind from the values where that is unambiguous (a 0 among whole numbers
up to 10 is NPS), and refuses, naming the kind to pass, where it is not (1-5 could be CSAT or stars) or
where the values contradict the kind given (``kind="nps"`` and no value above 5).

Example:
    >>> s = summarize([10, 9, 8, 7, 6, 0, 10, 10], kind="nps")
    >>> s.value, s.n, s.promoters, s.detractors
    (25.0, 8, 4, 2)
"""

from __future__ import annotations

import logging
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..errors import ConfigError

if TYPE_CHECKING:
    import numpy as np

__all__ = [
    "KINDS",
    "NAMES",
    "UNITS",
    "ScoreSummary",
    "score_values",
    "summarize",
    "nps_standard_error",
    "resolve_kind",
    "kind_from_name",
    "low_scores",
]

logger = logging.getLogger(__name__)

#: score kind -> (valid range, description)
KINDS: dict[str, tuple[tuple[float, float] | None, str]] = {
    "nps": ((0, 10), "Net Promoter Score: % promoters (9-10) minus % detractors (0-6), -100..100"),
    "csat": ((1, 5), "CSAT: % of 4 and 5 answers on a 1-5 scale"),
    "ces": ((1, 7), "Customer Effort Score: mean of a 1-7 answer"),
    "stars": ((1, 10), "star rating (1-5 or 1-10): the mean"),
    "mean": (None, "mean of any numeric score"),
}
#: how a reader names each kind's score ("NPS is 12.3", "Mean rating is 7.62")
NAMES = {
    "nps": "NPS",
    "csat": "CSAT",
    "ces": "CES",
    "stars": "Mean rating",
    "mean": "Mean score",
}
#: the units impacts, gaps and CIs are in, per kind
UNITS = {
    "nps": "NPS points",
    "csat": "CSAT points (% satisfied)",
    "ces": "CES points",
    "stars": "stars",
    "mean": "score units",
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
        name = NAMES.get(self.kind, self.kind)
        return f"{name} {self.value:.1f} (95% CI {self.ci_low:.1f} to {self.ci_high:.1f}, n={self.n})"


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


def _numbers(scores: Sequence[Any]) -> np.ndarray:
    import numpy as np
    import pandas as pd

    raw = pd.to_numeric(pd.Series(list(scores), dtype=object), errors="coerce").to_numpy(dtype=np.float64)
    return raw[np.isfinite(raw)]


def kind_from_name(column: str | None) -> str | None:
    """The kind a score column's name announces (``nps_score`` -> ``nps``, ``CSAT`` -> ``csat``), or None.

    Example:
        >>> kind_from_name("nps_score"), kind_from_name("Stars"), kind_from_name("rating")
        ('nps', 'stars', None)
    """
    import re

    words = set(re.split(r"[^a-z]+", str(column or "").lower()))
    for kind in ("nps", "csat", "ces"):
        if kind in words:
            return kind
    return "stars" if words & {"star", "stars"} else None


def resolve_kind(scores: Sequence[Any], kind: str | None = None, *, column: str | None = None) -> str:
    """The score kind to use: ``kind`` when the values agree with it, else inferred where unambiguous.

    Without ``kind``, a column named for its kind (``nps``, ``nps_score``, ``csat``, ``ces``, ``stars``)
    is read as that kind when its values fit it; the values alone decide otherwise.

    Raises :class:`ConfigError` naming the kind to pass when the values fit several kinds, or contradict
    the one given (e.g. ``kind="nps"`` and no value above 5: those are 1-5 ratings, not NPS).

    Example:
        >>> resolve_kind([0, 7, 10, 9]), resolve_kind([1.5, 3.25]), resolve_kind([1, 3, 4], "stars")
        ('nps', 'mean', 'stars')
        >>> resolve_kind([1, 5, 4, 2])
        Traceback (most recent call last):
        ...
        vocnlp.errors.ConfigError: the scores are whole numbers 1 to 5: pass kind='csat' (% of 4-5 answers) or kind='stars' (the mean rating)
    """
    import numpy as np

    if kind is not None and kind not in KINDS:
        raise ConfigError(f"kind={kind!r}; choose one of {sorted(KINDS)}")
    x = _numbers(scores)
    named = kind_from_name(column) if kind is None else None
    if len(x) == 0:
        if kind is None and named is None:
            raise ConfigError("the score column holds no numbers: check score_col")
        return kind or named  # type: ignore[return-value]  # one of them is set
    whole = bool(np.all(np.floor(x) == x))
    lo, hi = float(x.min()), float(x.max())
    if named is not None:
        share = float(score_values(x.tolist(), named)[1].mean())
        if named == "nps" and hi <= 5:
            pass  # the 1-5 contradiction below names the kinds to pass
        elif share >= 0.5:
            # the values fit the kind the name announces; the few that do not are flagged invalid, not guessed
            logger.info("score kind from the column's name %r (values %g to %g): %s", column, lo, hi, named)
            return named
        else:
            raise ConfigError(
                f"the column {column!r} is named like a {named} score, but {100 * (1 - share):.0f}% of its values are "
                f"outside its range {KINDS[named][0]} (they run {lo:g} to {hi:g}): pass kind= explicitly "
                "(e.g. kind='mean')"
            )
    if kind is None and named == "nps":
        kind = "nps"  # named NPS with nothing above 5: the contradiction check below explains
    if kind is None:
        if whole and lo >= 0 and hi <= 10 and lo == 0:
            kind = "nps"  # only NPS among these scales has a 0
        elif whole and lo >= 1 and 7 < hi <= 10:
            raise ConfigError(
                f"the scores are whole numbers {lo:g} to {hi:g}: pass kind='nps' (0-10 likelihood to "
                "recommend) or kind='stars' (a 1-10 rating, its mean)"
            )
        elif whole and lo >= 1 and hi in (6, 7):
            kind = "ces"
        elif whole and lo >= 1 and hi <= 5:
            raise ConfigError(
                f"the scores are whole numbers {lo:g} to {hi:g}: pass kind='csat' (% of 4-5 answers) "
                "or kind='stars' (the mean rating)"
            )
        else:
            kind = "mean"
        logger.info("score kind inferred from the values (%g to %g): %s", lo, hi, kind)
        return kind
    if kind == "nps" and hi <= 5:
        raise ConfigError(
            f"kind='nps' but no score is above 5 (they run {lo:g} to {hi:g}): these look like 1-5 "
            "ratings; pass kind='csat' (% of 4-5 answers) or kind='stars' (the mean rating)"
        )
    _, valid = score_values(x.tolist(), kind)
    if valid.mean() < 0.5:
        raise ConfigError(
            f"kind={kind!r} but {100 * (1 - valid.mean()):.0f}% of the scores are outside its range "
            f"{KINDS[kind][0]} (they run {lo:g} to {hi:g}): pass the kind that fits, e.g. kind='mean'"
        )
    return kind


def low_scores(scores: Sequence[Any], kind: str) -> np.ndarray:
    """True where a respondent is unhappy by the kind's own scale: NPS detractors (0-6), CSAT 1-2, CES 1-3,
    stars in the bottom two of five (or four of ten), other scores in the bottom quarter."""
    import numpy as np
    import pandas as pd

    raw = pd.to_numeric(pd.Series(list(scores), dtype=object), errors="coerce").to_numpy(dtype=np.float64)
    if kind == "nps":
        return raw <= 6
    if kind == "csat":
        return raw <= 2
    if kind == "ces":
        return raw <= 3
    if kind == "stars":
        top = np.nanmax(raw) if np.isfinite(raw).any() else 5
        return raw <= (4 if top > 5 else 2)
    finite = raw[np.isfinite(raw)]
    return raw <= (np.quantile(finite, 0.25) if len(finite) else np.nan)
