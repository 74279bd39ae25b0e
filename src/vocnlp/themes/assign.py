"""Assigning clauses to a fitted taxonomy: each clause's theme from its vector (and its words), each comment's
themes from its clauses. Functions of a :class:`~vocnlp.themes.state.ThemeState` alone, so ``ThemeModel.transform``,
the Pipeline's :class:`~vocnlp.themes.stage.ThemeStage` and the fit's own statistics assign by one rule.

Example:
    >>> comment_themes([(3, 0.41), (5, 0.52), (3, 0.38), (-1, 0.1)])   # two clauses of theme 3, one of 5
    (3, [3, 5])
    >>> comment_themes([(-1, 0.1)])
    (-1, [])
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..errors import InputError
from . import cluster, discover
from .prepare import MIN_FIT_WORDS, word_counts
from .state import UNASSIGNED, UNASSIGNED_LABEL, ThemeState

if TYPE_CHECKING:
    import numpy as np

__all__ = ["ASSIGN_BLOCK", "COMMENT_COLUMNS", "assign", "assign_clauses", "center", "comment_columns", "comment_themes"]

#: :func:`assign` centres and scores this many rows at a time, so its memory does not grow with the corpus
#: (the whole matrix at once took a 300,000-clause fit 1.5 GB higher: benchmarks/themes.py, the scale table)
ASSIGN_BLOCK = 50_000
#: the comment-level columns :func:`comment_columns` makes, in order
COMMENT_COLUMNS = ("theme_id", "theme", "themes", "theme_parent_id", "theme_parent", "theme_parents")


def center(state: ThemeState, embeddings: np.ndarray) -> np.ndarray:
    """Embeddings as the themes' centres are: the fit corpus's mean taken off, the language directions removed,
    unit length (:func:`.cluster.center`)."""
    return cluster.center(embeddings, state.mean, basis=state.language_basis)


def assign(
    state: ThemeState,
    embeddings: np.ndarray,
    *,
    texts: Sequence[str] | None = None,
    languages: Sequence[str | None] | None = None,
    n_words: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Theme id (-1 below the threshold) and similarity of each embedding row (a clause's vector).

    With the clauses' ``texts`` (and ``languages``), as the fit assigns them: a clause holding an anchored
    theme's phrase, said as the theme's clauses say it (plainly or negated), goes to that theme when nearly
    as close to it as to its nearest (:func:`.anchors.holding`, :data:`.anchors.ANCHOR_MARGIN`), and one that
    does not hold its theme's phrase needs the fit's ``lift`` above the threshold (:func:`.cluster.bars`), one
    of a single content word at least :data:`.cluster.SHORT_LIFT` (``n_words``: each text's content words,
    where the caller has them); without texts, to its nearest theme.
    """
    import numpy as np

    from .anchors import ANCHOR_MARGIN, holding

    if len(embeddings) == 0:
        return np.zeros(0, np.int64), np.zeros(0, np.float32)
    if texts is not None and len(texts) != len(embeddings):
        raise InputError(f"assign: {len(texts)} texts for {len(embeddings)} vectors; pass one text per row")
    if n_words is not None and len(n_words) != len(embeddings):
        raise InputError(f"assign: {len(n_words)} word counts for {len(embeddings)} vectors; pass one per row")
    known = np.asarray(state.ids, dtype=np.int64)
    theme_anchors = state.theme_anchors()
    negated = state.anchors_negated_shares()
    anchored = texts is not None and any(theme_anchors)
    ids, scores = [], []
    for start in range(0, len(embeddings), ASSIGN_BLOCK):
        sims = center(state, embeddings[start : start + ASSIGN_BLOCK]) @ state.centroids.T
        holds, short = None, None
        if anchored and texts is not None:
            end = start + len(sims)
            langs = list(languages[start:end]) if languages is not None else [None] * len(sims)
            holds = holding(list(texts[start:end]), langs, theme_anchors, negated_share=negated)
            if discover.SHORT_NEEDS_LIFT:
                words = n_words[start:end] if n_words is not None else word_counts(texts[start:end], langs)
                short = np.asarray(words) < MIN_FIT_WORDS
        best = cluster.pick(sims, state.threshold, holds=holds, margin=ANCHOR_MARGIN)
        top = sims[np.arange(len(best)), best]
        bar = cluster.bars(best, state.threshold, holds=holds, lift=state.lift, short=short)
        ids.append(np.where(top >= bar, known[best], UNASSIGNED))
        scores.append(top)
    return np.concatenate(ids), np.concatenate(scores)


def assign_clauses(
    state: ThemeState,
    embeddings: np.ndarray,
    texts: Sequence[str],
    languages: Sequence[str | None],
    *,
    n_words: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """:func:`assign` of clauses with their texts, and a clause without a content word ("ok.", "!!") gets no
    theme: the rule of ``transform``, the Pipeline's theme stage and the fit's statistics. ``n_words``: each
    clause's content words where the caller has them (:func:`.prepare.word_counts`)."""
    import numpy as np

    if n_words is None:
        n_words = word_counts(texts, languages)
    ids, sims = assign(state, embeddings, texts=texts, languages=languages, n_words=n_words)
    return np.where(np.asarray(n_words) >= 1, ids, UNASSIGNED), sims


def comment_themes(row_units: Sequence[tuple[int, float]]) -> tuple[int, list[int]]:
    """Main theme and all themes of one comment from its clauses' ``(theme_id, similarity)``: the main theme
    holds most of its clauses, a tie going to the theme of the best-fitting clause."""
    hits = [(t, s) for t, s in row_units if t != UNASSIGNED]
    if not hits:
        return UNASSIGNED, []
    count = Counter(t for t, _ in hits)
    best = {t: max(s for tt, s in hits if tt == t) for t in count}
    ordered = sorted(count, key=lambda t: (-count[t], -best[t], t))
    return ordered[0], ordered


def comment_columns(state: ThemeState, per_row: Sequence[Sequence[tuple[int, float]] | None]) -> dict[str, list[Any]]:
    """:data:`COMMENT_COLUMNS` per comment from its clauses' ``(theme_id, similarity)`` (None: a row without
    clauses, None in every column)."""
    cols: dict[str, list[Any]] = {k: [] for k in COMMENT_COLUMNS}
    for pairs in per_row:
        if pairs is None:
            for v in cols.values():
                v.append(None)
            continue
        main, all_ids = comment_themes(pairs)
        assigned = main != UNASSIGNED
        cols["theme_id"].append(main)
        cols["theme"].append(state.themes[main].label if assigned else UNASSIGNED_LABEL)
        cols["themes"].append([state.themes[t].label for t in all_ids])
        cols["theme_parent_id"].append(state.parent_of(main) if assigned else UNASSIGNED)
        cols["theme_parent"].append(state.parent_label(main) if assigned else UNASSIGNED_LABEL)
        cols["theme_parents"].append(list(dict.fromkeys(state.parent_label(t) for t in all_ids)))
    return cols
