"""New themes after a fit (``ThemeModel.update``): clauses far from every theme that group together.

:func:`candidates` picks the clauses no theme took (two or more content words, one of each wording);
:func:`group` finds groups among them (UMAP + HDBSCAN where there are many, else groups as tight as a
theme's members are to its centre) and adds each group to the state as a new theme id with its centre.
Existing ids and centres never change.

Example:
    >>> texts = ["points never came", "ok", "points never came", "lost my points"]
    >>> candidates(texts, ["en"] * 4, [-1, -1, -1, 0]).tolist()   # unassigned, 2+ content words, once
    [0]
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from . import cluster
from .prepare import MIN_FIT_WORDS
from .state import UNASSIGNED, ThemeState

if TYPE_CHECKING:
    import numpy as np

__all__ = ["MANY", "candidates", "group"]

#: above this many candidate clauses, groups are found with UMAP + HDBSCAN
MANY = 5000


def candidates(texts: Sequence[str], languages: Sequence[str], ids: Sequence[int] | np.ndarray) -> np.ndarray:
    """Positions of the clauses without a theme (``ids`` -1) that could start one: two or more content
    words, the first of each text."""
    import numpy as np

    from ..words import content_words

    keep, seen = [], set()
    for k, (text, lang) in enumerate(zip(texts, languages)):
        if ids[k] == UNASSIGNED and len(content_words(text, lang)) >= MIN_FIT_WORDS and text not in seen:
            seen.add(text)
            keep.append(k)
    return np.array(keep, dtype=np.int64)


def group(
    state: ThemeState, z: np.ndarray, *, min_size: int, seed: int, n_neighbors: int, n_components: int
) -> tuple[np.ndarray, list[int]]:
    """New theme id per candidate clause (``z``: their centred vectors; -1 where none) and the new ids,
    which are added to ``state`` (ids and centres) in order."""
    import numpy as np

    if len(z) > MANY:
        found = cluster.discover(z, min_size=min_size, seed=seed, n_neighbors=n_neighbors, n_components=n_components)
    else:  # few candidates: groups whose members are as close as a theme's members are to its centre
        found = cluster.tight_groups(z, min_size=min_size, min_similarity=state.threshold)
    labels = np.full(len(z), UNASSIGNED, dtype=np.int64)
    new_ids = []
    for f in sorted(set(found[found >= 0].tolist())):
        members = found == f
        c = z[members].mean(axis=0)
        nid = max(state.ids) + 1
        state.ids.append(nid)
        state.centroids = np.vstack([state.centroids, (c / np.linalg.norm(c))[None]]).astype(np.float32)
        labels[members] = nid
        new_ids.append(nid)
    return labels, new_ids
