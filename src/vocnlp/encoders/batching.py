"""The shared batching engine: length-sorted batches bounded by a token budget.

Pure Python maths, no model: the torch backends (the encoder, later the heads) feed it lengths and
get back batches of indices whose padded size (rows x longest row) stays within the budget.

Example:
    >>> plan_batches([5, 100, 7, 98], max_tokens=200, max_batch_size=8)
    [[1, 3], [2, 0]]
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["plan_batches", "split_windows", "dedupe"]


def plan_batches(lengths: Sequence[int], *, max_tokens: int, max_batch_size: int) -> list[list[int]]:
    """Group item indices into batches, longest first, so ``len(batch) * max_len <= max_tokens``.

    Sorting by length keeps padding small (dynamic padding pads to the longest row of a batch,
    not to the model limit). An item longer than the budget gets a batch of its own. Ties keep
    input order, so the plan is deterministic.
    """
    if max_tokens < 1 or max_batch_size < 1:
        raise ValueError("max_tokens and max_batch_size must be >= 1")
    order = sorted(range(len(lengths)), key=lambda i: (-lengths[i], i))
    batches: list[list[int]] = []
    current: list[int] = []
    current_max = 0
    for i in order:
        n = max(1, int(lengths[i]))
        new_max = max(current_max, n)
        if current and (len(current) + 1 > max_batch_size or (len(current) + 1) * new_max > max_tokens):
            batches.append(current)
            current, new_max = [], n
        current.append(i)
        current_max = new_max
    if current:
        batches.append(current)
    return batches


def split_windows(n_content: int, window: int) -> list[tuple[int, int]]:
    """Split ``n_content`` content tokens into consecutive ``[start, end)`` windows of at most ``window``.

    Example:
        >>> split_windows(5, 2)
        [(0, 2), (2, 4), (4, 5)]
    """
    if window < 1:
        raise ValueError("window must be >= 1")
    if n_content <= 0:
        return [(0, 0)]
    return [(a, min(a + window, n_content)) for a in range(0, n_content, window)]


def dedupe(texts: Sequence[str]) -> tuple[list[str], list[int]]:
    """Unique texts (first-seen order) and, for every input, the index of its unique text.

    Example:
        >>> dedupe(["a", "b", "a"])
        (['a', 'b'], [0, 1, 0])
    """
    seen: dict[str, int] = {}
    inverse = [seen.setdefault(t, len(seen)) for t in texts]
    return list(seen), inverse
