"""One problem, one theme (clustered fits): themes whose labels restate each other ("ac tidak dingin", "ac nya
tidak dingin") and whose centres are close are merged after the labels are chosen, then described again.
Anchored themes never need it: phrases used alike never anchor two themes (:mod:`.anchors`).

Example:
    >>> import numpy as np
    >>> from vocnlp.themes.state import Theme
    >>> labels = ["ac tidak dingin", "ac nya tidak dingin", "wifi lambat"]
    >>> themes = {i: Theme(i, label=lab, language="id") for i, lab in enumerate(labels)}
    >>> c = np.array([[1.0, 0.0], [0.9, 0.436], [0.0, 1.0]])
    >>> [(a, b) for _, a, b in restated_pairs(themes, c, [0, 1, 2], min_similarity=0.5)]
    [(0, 1)]
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection, Mapping, Sequence
from typing import TYPE_CHECKING

from . import cluster
from .phrases import restates
from .state import Theme, ThemeState

if TYPE_CHECKING:
    import numpy as np

    from .discover import Discovered
    from .prepare import FitData

__all__ = ["restated_pairs", "merge_restated"]

logger = logging.getLogger(__name__)


def restated_pairs(
    themes: Mapping[int, Theme],
    centroids: np.ndarray,
    ids: Sequence[int],
    *,
    min_similarity: float,
    keep: Collection[int] = frozenset(),
    max_lean: float = 0.5,
) -> list[tuple[float, int, int]]:
    """Pairs of themes that say the same thing, most similar first: same language, one label restating the
    other (:func:`restates`), centres at least ``min_similarity`` alike, mean sentiments less than
    ``max_lean`` apart ("room clean" and "room not clean" stay apart). Two ``keep`` themes (seed themes)
    or two renamed themes never pair."""
    pos = {t: k for k, t in enumerate(ids)}
    out = []
    for a in ids:
        for b in ids:
            ta, tb = themes[a], themes[b]
            if a >= b or (a in keep and b in keep) or (ta.user_label and tb.user_label) or ta.language != tb.language:
                continue
            sim = float(centroids[pos[a]] @ centroids[pos[b]])
            if sim < min_similarity or abs(ta.mean_sentiment - tb.mean_sentiment) >= max_lean:  # NaN: centres decide
                continue
            if restates(ta.label, tb.label, ta.language):
                out.append((sim, a, b))
    return sorted(out, reverse=True)


def merge_restated(
    state: ThemeState,
    fit: FitData,
    found: Discovered,
    *,
    merge_similarity: float | None,
    parent_similarity: float,
    max_theme_share: float,
    redescribe: Callable[[np.ndarray, Mapping[int, str]], None],
) -> int:
    """Merge themes whose labels say the same thing (one label's content words within the other's, e.g.
    "ac tidak dingin" and "ac nya tidak dingin") when their centres are close (``parent_similarity``) and their
    clauses lean the same way (mean sentiment within 0.5): one problem, one theme. ``redescribe(labels,
    seed_names)`` then describes the themes again. Returns the number of merges."""
    from .discover import order

    if merge_similarity is None or found.discovery == "phrases":
        # anchored themes: phrases used alike never anchor two themes, and merging after the labels
        # are chosen ties the themes to label choice (refit ARI on the NPS verbatims 0.81 -> 0.68)
        return 0
    labels = fit.labels.copy()
    seeded = set(found.seed_names)
    n = len(labels)
    rows = fit.units.row
    cap = max_theme_share * len(set(rows.tolist()))  # nor of the comments
    pairs = restated_pairs(state.themes, state.centroids, state.ids, min_similarity=parent_similarity, keep=seeded)
    merged = 0
    into: dict[int, int] = {}
    for _, a, b in pairs:
        a, b = into.get(a, a), into.get(b, b)
        both = (labels == a) | (labels == b)
        if a == b or both.sum() > max_theme_share * n or len(set(rows[both].tolist())) > cap:
            continue
        keep, gone = (b, a) if b in seeded else (a, b)  # ids are by size: the smaller id is the larger theme
        labels[labels == gone] = keep
        into.update({k: keep for k, v in into.items() if v == gone} | {gone: keep})
        merged += 1
    if merged:
        names = [found.seed_names[i] for i in sorted(found.seed_names)]
        done = order(fit.z, cluster.refine(fit.z, labels, state.threshold, max_iter=3), state.threshold, names)
        state.centroids, state.ids = done.centroids, done.ids
        logger.info("merged %d themes whose labels restate each other", merged)
        redescribe(done.labels, done.seed_names)
    return merged
