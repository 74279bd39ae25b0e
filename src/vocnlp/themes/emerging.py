"""New themes after a fit (``ThemeModel.update``): clauses far from every theme that group together.

:func:`candidates` picks the clauses no theme took (two or more content words, one of each wording);
:func:`group` finds groups among them (UMAP + HDBSCAN where there are many, else groups as tight as a
theme's members are to its centre) and adds each group to the state as a new theme id with its centre;
:func:`emerge` does both and describes the new themes. Existing ids and centres never change.

Example:
    >>> texts = ["points never came", "ok", "points never came", "lost my points"]
    >>> candidates(texts, ["en"] * 4, [-1, -1, -1, 0]).tolist()   # unassigned, 2+ content words, once
    [0]
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from . import assign, cluster
from .describe import describe_themes, first_seen
from .prepare import MIN_FIT_WORDS
from .state import UNASSIGNED, ThemeState
from .terms import theme_tokens

if TYPE_CHECKING:
    import numpy as np

    from .units import Units

__all__ = ["MANY", "candidates", "group", "emerge"]

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


def emerge(
    state: ThemeState,
    units: Units,
    ids: np.ndarray,
    dates: Sequence[Any] | None,
    *,
    dates_per_row: bool,
    min_size: int | None,
    min_theme_size: int | str,
    seed: int,
    n_neighbors: int,
    n_components: int,
    top_n: int,
    redact: bool,
    embed: Callable[[list[str]], np.ndarray],
    fitted_labels: np.ndarray | None = None,
) -> list[int]:
    """New themes out of the clauses of ``units`` that no theme took (``ids``: each clause's theme), described and
    added to ``state``; returns their ids (none where too few clauses are left or none group).

    ``dates``: per row of the new data (``dates_per_row``) or per fitted clause; ``min_size`` (else
    ``min_theme_size``, "auto" growing with the candidates) the smallest new theme; ``fitted_labels``: the fit's
    clause themes, when ``units`` are the fitted clauses, updated in place so later edits describe them."""
    keep = candidates(units.texts, units.language, ids)
    cands = units.take(keep)
    if dates is None:
        cand_dates = None
    else:
        cand_dates = [dates[int(r)] for r in cands.row] if dates_per_row else [dates[k] for k in keep]
    size = min_size or (cluster.auto_min_size(len(cands)) if min_theme_size == "auto" else int(min_theme_size))
    if len(cands) < max(2 * size, 10):
        return []
    z = assign.center(state, cands.embeddings)
    if redact:
        from ..pii import redact as redact_texts

        cands = replace(cands, texts=redact_texts(cands.texts, languages=cands.language, ner=False))
    tokens = [theme_tokens(t, lang) for t, lang in zip(cands.texts, cands.language)]
    labels, new_ids = group(state, z, min_size=size, seed=seed, n_neighbors=n_neighbors, n_components=n_components)
    if not new_ids:
        return []
    if fitted_labels is not None:
        grouped = labels >= 0
        fitted_labels[keep[grouped]] = labels[grouped]
    taken = {state.themes[i].label for i in state.ids if i in state.themes}
    rows = [state.ids.index(i) for i in new_ids]
    records = describe_themes(
        cands, z, labels, tokens, state.centroids[rows], new_ids, top_n=top_n, fixed_labels={}, taken=taken, embed=embed
    )
    for nid, t in records.items():
        t.first_seen = first_seen(cand_dates, labels, nid)
        state.themes[nid] = t
    return new_ids
