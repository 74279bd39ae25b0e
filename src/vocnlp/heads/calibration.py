"""Calibration of head scores: temperature scaling, expected calibration error, decision thresholds.

Temperature scaling divides the logits by one number T fitted on held-out data (minimum negative
log-likelihood), so the predicted probabilities match how often the head is right; the ranking of
labels does not change. For a multi-label head each label gets its own T.

Example:
    >>> import numpy as np
    >>> logits = np.array([[4.0, 0.0], [4.0, 0.0], [0.0, 4.0], [4.0, 0.0]])
    >>> y = np.array([0, 1, 1, 0])          # the head is over-confident: 3 of 4 right at p=0.98
    >>> round(fit_temperature(logits, y), 2) > 1
    True
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

__all__ = ["fit_temperature", "fit_label_temperatures", "expected_calibration_error", "precision_threshold"]


def _softmax_nll(logits: np.ndarray, y: np.ndarray, t: float) -> float:
    import numpy as np
    from scipy.special import logsumexp

    z = logits / t
    return float(np.mean(logsumexp(z, axis=1) - z[np.arange(len(y)), y]))


def _binary_nll(logits: np.ndarray, y: np.ndarray, t: float) -> float:
    import numpy as np

    z = logits / t
    # log(1 + exp(-z)) for positives, log(1 + exp(z)) for negatives, computed stably
    return float(np.mean(np.logaddexp(0.0, np.where(y > 0, -z, z))))


def _minimise(fn: Callable[[float], float], lo: float = 0.002, hi: float = 50.0) -> float:
    """Minimise ``fn(T)`` over ``lo <= T <= hi``, searching on log T."""
    from scipy.optimize import minimize_scalar

    res = minimize_scalar(lambda log_t: fn(math.exp(log_t)), bounds=(math.log(lo), math.log(hi)), method="bounded")
    return float(math.exp(res.x))


def fit_temperature(logits: np.ndarray, y: np.ndarray) -> float:
    """The temperature T that minimises the softmax NLL of integer labels ``y`` (searched in 0.002..50)."""
    import numpy as np

    logits = np.asarray(logits, dtype=np.float64)
    y = np.asarray(y, dtype=np.int64)
    return _minimise(lambda t: _softmax_nll(logits, y, t))


def fit_label_temperatures(logits: np.ndarray, y: np.ndarray) -> np.ndarray:
    """One temperature per column for independent sigmoid outputs; ``y`` is a 0/1 matrix like ``logits``."""
    import numpy as np

    logits = np.asarray(logits, dtype=np.float64)
    y = np.asarray(y)
    temps = []
    for j in range(logits.shape[1]):
        col, yj = logits[:, j], y[:, j]
        temps.append(_minimise(lambda t: _binary_nll(col, yj, t)))  # noqa: B023 - called before the next iteration
    return np.array(temps)


def expected_calibration_error(proba: np.ndarray, y: np.ndarray, *, bins: int = 10) -> float:
    """Top-label ECE: the gap between confidence and accuracy, averaged over equal-width confidence bins.

    ``proba`` is ``(n, k)`` with rows summing to 1 and ``y`` the integer labels; for one binary
    probability per row pass ``proba`` as ``(n,)`` and ``y`` as 0/1 (reliability of P(y=1)).

    Example:
        >>> import numpy as np
        >>> expected_calibration_error(np.array([[0.9, 0.1]] * 10), np.array([0] * 9 + [1]))
        0.0
    """
    import numpy as np

    proba = np.asarray(proba, dtype=np.float64)
    y = np.asarray(y)
    if proba.ndim == 1:
        conf, correct = proba, y.astype(np.float64)
    else:
        conf = proba.max(axis=1)
        correct = (proba.argmax(axis=1) == y).astype(np.float64)
    edges = np.linspace(0.0, 1.0, bins + 1)
    idx = np.clip(np.digitize(conf, edges[1:-1], right=True), 0, bins - 1)
    ece = 0.0
    for b in range(bins):
        mask = idx == b
        if mask.any():
            ece += mask.mean() * abs(conf[mask].mean() - correct[mask].mean())
    return round(float(ece), 6)


def precision_threshold(
    scores: np.ndarray, y: np.ndarray, *, target: float = 0.8, min_support: int = 5, floor: float = 0.5
) -> float:
    """The lowest threshold (so the highest recall) whose precision on ``(scores, y)`` is at least ``target``.

    Thresholds are never below ``floor``; when no threshold reaches the target with at least
    ``min_support`` predicted positives, the one with the best precision is used.

    Example:
        >>> import numpy as np
        >>> precision_threshold(np.array([0.95, 0.9, 0.8, 0.7, 0.6, 0.55]), np.array([1, 1, 1, 0, 1, 0]), min_support=2)
        0.6
    """
    import numpy as np

    scores = np.asarray(scores, dtype=np.float64)
    y = np.asarray(y).astype(bool)
    order = np.argsort(-scores, kind="stable")
    s, t = scores[order], y[order]
    tp = np.cumsum(t)
    k = np.arange(1, len(s) + 1)
    precision = tp / k
    # a threshold can only sit where the score changes: take the last index of each run of equal scores
    last = np.r_[s[1:] != s[:-1], True]
    ok = last & (precision >= target) & (k >= min_support) & (s >= floor)
    if ok.any():
        return round(float(s[np.nonzero(ok)[0].max()]), 4)
    eligible = last & (s >= floor)
    if not eligible.any():
        return round(float(max(floor, s.max() if len(s) else floor)), 4)
    best = np.nonzero(eligible)[0][np.argmax(precision[eligible])]
    return round(float(s[best]), 4)
