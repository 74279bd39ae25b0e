"""Editing a fitted taxonomy: rename, merge, split, reduce, written against :class:`ThemeState`.

Each edit changes the state, is recorded in ``state.edits`` (so it survives save/load) and, when the
clauses of the fit are at hand, has the themes described again by the ``redescribe`` callback.

Example:
    >>> tm.merge([3, 7], label="Billing").rename(0, "Ease of use")          # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from ..errors import ConfigError, InputError
from . import cluster

if TYPE_CHECKING:
    import numpy as np

    from .state import ThemeState

__all__ = ["check_id", "merge", "reduce_to", "rename", "split"]

Redescribe = Callable[["np.ndarray | None"], None]


def check_id(state: ThemeState, theme_id: int) -> None:
    if theme_id not in state.ids:
        raise InputError(f"no theme {theme_id}; theme ids are {state.ids}")


def rename(state: ThemeState, theme_id: int, label: str) -> None:
    """Give a theme your own label (kept through save/load and later edits)."""
    check_id(state, theme_id)
    if label in {state.themes[k].label for k in state.ids if k != theme_id}:
        raise ConfigError(f"label {label!r} is already used by another theme; labels must be unique")
    state.themes[theme_id].label = label
    state.themes[theme_id].user_label = True
    state.edits.append({"op": "rename", "theme_id": theme_id, "label": label})


def merge(
    state: ThemeState,
    theme_ids: Sequence[int],
    label: str | None,
    fit_labels: np.ndarray | None,
    redescribe: Redescribe,
) -> None:
    """Merge themes into the smallest of their ids; the others disappear (ids of the rest are kept)."""
    import numpy as np

    ids = sorted(set(theme_ids))
    if len(ids) < 2:
        raise InputError("merge needs at least two theme ids")
    for t in ids:
        check_id(state, t)
    keep, drop = ids[0], ids[1:]
    w = np.array([max(state.themes[t].size, 1) for t in ids], dtype=np.float64)
    c = (state.centroids[[state.row_of(t) for t in ids]] * w[:, None]).sum(axis=0)
    state.centroids[state.row_of(keep)] = c / np.linalg.norm(c)
    state.centroids = np.delete(state.centroids, [state.row_of(t) for t in drop], axis=0)
    state.ids = [t for t in state.ids if t not in drop]
    state.edits.append({"op": "merge", "theme_ids": ids, "label": label})
    kept = state.themes[keep]
    # all their anchor phrases (said as the kept theme says its own: its negated share stays)
    kept.anchors = list(dict.fromkeys(a for t in ids for a in state.themes[t].anchors))
    if fit_labels is not None and np.isin(fit_labels, ids).any():
        fit_labels = fit_labels.copy()
        fit_labels[np.isin(fit_labels, drop)] = keep
        for t in drop:
            state.themes.pop(t)
        if label:
            kept.label, kept.user_label = label, True
        redescribe(fit_labels)
        return
    # after load (or themes that emerged from new data): combine what is known without the clauses
    olds = [kept, *(state.themes.pop(t) for t in drop)]
    total = sum(t.size for t in olds)
    for key in ("negative", "neutral", "positive", "mean_sentiment"):
        vals = [(getattr(t, key), t.size) for t in olds if getattr(t, key) == getattr(t, key)]
        setattr(
            kept, key, round(sum(v * s for v, s in vals) / max(sum(s for _, s in vals), 1), 4) if vals else float("nan")
        )
    kept.share = round(sum(t.share for t in olds), 4)
    kept.size = total
    kept.terms = list(dict.fromkeys(w for t in olds for w in t.terms))[: max(len(kept.terms), 1)]
    kept.phrases = list(dict.fromkeys(p for t in olds for p in t.phrases))[:5]
    kept.examples = [e for t in olds for e in t.examples][:3]
    if label:
        kept.label, kept.user_label = label, True
    for theme in state.themes.values():
        if theme.parent_id in drop:
            theme.parent_id = keep
    redescribe(None)


def split(
    state: ThemeState,
    theme_id: int,
    n: int,
    z: np.ndarray,
    fit_labels: np.ndarray,
    *,
    seed: int,
    redescribe: Redescribe,
) -> None:
    """Split a theme in ``n`` with k-means on its clauses."""
    import numpy as np
    from sklearn.cluster import KMeans

    check_id(state, theme_id)
    members = np.nonzero(fit_labels == theme_id)[0]
    if len(members) < 2 * n:
        raise InputError(f"theme {theme_id} has {len(members)} clauses: too few to split in {n}")
    sub = KMeans(n, n_init=4, random_state=seed).fit_predict(z[members])
    new_ids = [max(state.ids) + k for k in range(1, n)]
    fit_labels = fit_labels.copy()
    for k, nid in enumerate(new_ids, start=1):
        fit_labels[members[sub == k]] = nid
    # only the split theme's centre moves: the others' (a merge's weighted centre, a theme that emerged from
    # new data with no fitted clause) stay as they are
    parts = cluster.centroids(z, fit_labels, [theme_id, *new_ids]).astype(np.float32)
    state.centroids[state.row_of(theme_id)] = parts[0]
    state.centroids = np.vstack([state.centroids, parts[1:]])
    state.ids = state.ids + new_ids
    state.edits.append({"op": "split", "theme_id": theme_id, "n": n, "new_ids": new_ids})
    state.themes[theme_id].user_label = False  # a split theme is described afresh
    redescribe(fit_labels)
    for nid in new_ids:  # the parts share the theme's anchor phrases: a clause holding one joins the closer part
        state.themes[nid].anchors = list(state.themes[theme_id].anchors)
        state.themes[nid].anchors_negated_share = state.themes[theme_id].anchors_negated_share


def reduce_to(state: ThemeState, n: int, merge_group: Callable[[list[int]], object]) -> None:
    """Merge the most similar themes until ``n`` are left (agglomerative, average linkage on centroids)."""
    from scipy.cluster.hierarchy import fcluster, linkage

    if n < 1:
        raise ConfigError("reduce(n) needs n >= 1")
    if n >= len(state.ids):
        return
    groups = fcluster(linkage(state.centroids, method="average", metric="cosine"), t=n, criterion="maxclust")
    ids = list(state.ids)  # merging changes state.ids: group the ids as they were
    for g in sorted(set(groups.tolist())):
        members = [t for t, gg in zip(ids, groups) if gg == g]
        if len(members) > 1:
            merge_group(members)
