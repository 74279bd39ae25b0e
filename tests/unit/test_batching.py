from __future__ import annotations

import random

import pytest

from vocnlp.encoders.batching import dedupe, plan_batches, split_windows


def test_batches_respect_token_budget_and_cover_every_item() -> None:
    rng = random.Random(0)
    lengths = [rng.randint(1, 512) for _ in range(1000)]
    batches = plan_batches(lengths, max_tokens=4096, max_batch_size=64)
    flat = sorted(i for b in batches for i in b)
    assert flat == list(range(1000))
    for b in batches:
        assert len(b) <= 64
        assert len(b) * max(lengths[i] for i in b) <= 4096 or len(b) == 1


def test_batches_are_length_sorted_and_deterministic() -> None:
    lengths = [3, 9, 3, 9, 1]
    assert plan_batches(lengths, max_tokens=18, max_batch_size=8) == [[1, 3], [0, 2, 4]]
    assert plan_batches(lengths, max_tokens=18, max_batch_size=8) == plan_batches(lengths, max_tokens=18, max_batch_size=8)


def test_item_over_budget_gets_its_own_batch() -> None:
    assert plan_batches([5000, 10], max_tokens=1000, max_batch_size=8) == [[0], [1]]


def test_empty_and_bad_arguments() -> None:
    assert plan_batches([], max_tokens=10, max_batch_size=2) == []
    with pytest.raises(ValueError):
        plan_batches([1], max_tokens=0, max_batch_size=2)


def test_split_windows() -> None:
    assert split_windows(0, 510) == [(0, 0)]
    assert split_windows(510, 510) == [(0, 510)]
    assert split_windows(1021, 510) == [(0, 510), (510, 1020), (1020, 1021)]


def test_dedupe_keeps_first_seen_order() -> None:
    uniq, inv = dedupe(["b", "a", "b", "c", "a"])
    assert uniq == ["b", "a", "c"]
    assert [uniq[i] for i in inv] == ["b", "a", "b", "c", "a"]


def test_cpu_batches_hold_one_length_block_padded_to_its_width() -> None:
    """A row's bf16 vector depended on the width its batch was padded to (the chunk-size bug): on CPU a batch
    holds rows of one block of lengths only, padded to the block's last length, never past a multiple of 16."""
    from vocnlp.encoders.batching import CPU_LENGTH_BLOCK, block_width

    lengths = [3, 5, 6, 7, 8, 9, 30, 31, 33, 500, 511]
    widths = [block_width(n) for n in lengths]
    for batch in plan_batches(widths, max_tokens=4096, max_batch_size=64, align=CPU_LENGTH_BLOCK):
        assert len({lengths[i] // CPU_LENGTH_BLOCK for i in batch}) == 1
    for n in range(1, 600):
        w = block_width(n)
        assert n <= w < (n // 16) * 16 + 16 and w == block_width(w)
    assert plan_batches([5, 100, 7, 98], max_tokens=200, max_batch_size=8) == [[1, 3], [2, 0]]  # align=1: as before
