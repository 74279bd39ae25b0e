"""The shared batching engine: length-sorted batches bounded by a token budget.

Pure Python maths, no model: the torch backends (the encoder, later the heads) feed it lengths and
get back batches of indices whose padded size (rows x longest row) stays within the budget.

Example:
    >>> plan_batches([5, 100, 7, 98], max_tokens=200, max_batch_size=8)
    [[1, 3], [2, 0]]
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["CPU_LENGTH_BLOCK", "block_width", "plan_batches", "split_windows", "dedupe"]

#: On CPU, torch's bf16 encoder gave a row other numbers depending on the width it was padded to: past the
#: next multiple of 16 tokens up to 0.004 per coordinate of its vector (a sentiment score moved by 0.033
#: between chunk sizes), and for some lengths unpadded against padded by 2e-4; neither its batch-mates nor
#: the batch size changed anything at one width (benchmarks/probes/bf16_widths.py). So on CPU the encoder
#: batches only rows of one block of 4 lengths together and pads them to the block's last length
#: (:func:`block_width`, never past a multiple of 16): a row's width, and so its vector, depends on its own
#: length only. Blocks of 4 pad as much as padding to each batch's longest row did (1.054 against 1.059 x
#: the real tokens on the 2,000 benchmark comments; blocks of 8: 1.123), in 57 batches instead of 30.
CPU_LENGTH_BLOCK = 4


def block_width(n: int, block: int = CPU_LENGTH_BLOCK) -> int:
    """The last length of ``n``'s block of ``block`` lengths: the width rows of that block are padded to.

    Example:
        >>> block_width(5), block_width(8), block_width(22)
        (7, 11, 23)
    """
    return (n // block) * block + block - 1


def plan_batches(lengths: Sequence[int], *, max_tokens: int, max_batch_size: int, align: int = 1) -> list[list[int]]:
    """Group item indices into batches, longest first, so ``len(batch) * max_len <= max_tokens``.

    Sorting by length keeps padding small (dynamic padding pads to the longest row of a batch,
    not to the model limit). An item longer than the budget gets a batch of its own. Ties keep
    input order, so the plan is deterministic. ``align``: items whose lengths differ in
    ``length // align`` never share a batch, so an item is padded to a width of its own block of
    ``align`` lengths whatever else is batched (the torch encoder's reason: :data:`CPU_LENGTH_BLOCK`).

    Example:
        >>> plan_batches([9, 7, 8, 15], max_tokens=100, max_batch_size=8, align=8)
        [[3, 0, 2], [1]]
    """
    if max_tokens < 1 or max_batch_size < 1 or align < 1:
        raise ValueError("max_tokens, max_batch_size and align must be >= 1")
    order = sorted(range(len(lengths)), key=lambda i: (-lengths[i], i))
    batches: list[list[int]] = []
    current: list[int] = []
    current_max = 0
    for i in order:
        n = max(1, int(lengths[i]))
        new_max = max(current_max, n)
        full = len(current) + 1 > max_batch_size or (len(current) + 1) * new_max > max_tokens
        if current and (full or (align > 1 and n // align != current_max // align)):
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
