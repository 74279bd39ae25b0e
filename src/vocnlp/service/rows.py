"""What the service sends and accepts per text: JSON-safe values, the per-comment token bound, the
model description without server paths.

Example:
    >>> clean({"a": float("nan"), "b": [1, 2.5]})
    {'a': None, 'b': [1, 2.5]}
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

__all__ = ["clean", "bound_tokens", "public_models"]


def clean(v: Any) -> Any:
    """JSON-safe values: numpy scalars to Python, NaN to None, lists and dicts recursively."""
    if v is None:
        return None
    if hasattr(v, "item") and not isinstance(v, (list, dict, str)) and getattr(v, "ndim", 0) == 0:
        v = v.item()
    if isinstance(v, float):
        return None if math.isnan(v) or math.isinf(v) else v
    if isinstance(v, dict):
        return {k: clean(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)) or (hasattr(v, "tolist") and not isinstance(v, str)):
        return [clean(x) for x in (v.tolist() if hasattr(v, "tolist") else v)]
    return v


def public_models(info: Any) -> Any:
    """``Pipeline.describe()`` without where files lie on the server (``location``): clients see which
    models run, not the cache paths."""
    if isinstance(info, dict):
        return {k: public_models(v) for k, v in info.items() if k != "location"}
    if isinstance(info, list):
        return [public_models(v) for v in info]
    return info


def bound_tokens(
    texts: Sequence[Any], count: Callable[[list[str]], list[int]], limit: int
) -> list[tuple[Any, int | None]]:
    """Each text cut to at most ``limit`` tokens by ``count(texts) -> token counts``: ``(text, tokens
    before the cut or None)``. Characters are not a bound on cost (9k combining marks are 9k tokens).

    Example:
        >>> bound_tokens(["a b c d", "a"], lambda ts: [len(t.split()) for t in ts], 2)
        [('a b', 4), ('a', None)]
    """
    out: list[tuple[Any, int | None]] = [(t, None) for t in texts]
    # one character is at most a few tokens (byte fallback): shorter texts cannot be over the limit
    idx = [i for i, t in enumerate(texts) if isinstance(t, str) and len(t) * 4 > limit]
    if not idx:
        return out
    counts = count([texts[i] for i in idx])
    for i, n in zip(idx, counts):
        if n <= limit:
            continue
        t, m = texts[i], n
        for _ in range(6):  # shrink in proportion until it fits (a few rounds at most)
            t = t[: max(1, int(len(t) * limit / m * 0.95))]
            m = count([t])[0]
            if m <= limit:
                break
        out[i] = (t, n)
    return out
