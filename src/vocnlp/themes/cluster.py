"""The clustering behind ThemeModel.fit: themes from anchor phrases (:mod:`.anchors`, the default) or
BERTopic (UMAP + HDBSCAN, ``discovery="clusters"``) on centred embeddings, then repairs.

What BERTopic's defaults do badly on survey comments, and what this module does about each:
- e5 embeddings are anisotropic (unrelated comments have cosine ~0.7): embeddings are centred on the
  corpus mean and re-normalised before UMAP, so distances reflect what comments are about;
- HDBSCAN's "eom" selection lets one cluster swallow most of the corpus: "leaf" selection, a minimum
  theme size that grows with the corpus, and a cap (``max_share``) above which a theme is split with
  k-means;
- a third or more of the comments end up as outliers: each outlier joins its nearest theme when its
  similarity reaches a threshold calibrated on the themes' own members (a low quantile of member-to-
  centroid similarity); the rest stay unassigned.

Example:
    >>> auto_min_size(3700)
    25
"""

from __future__ import annotations

import logging
import math
import warnings
from collections import Counter
from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np

__all__ = [
    "auto_min_size",
    "calibrate_threshold",
    "strictest_threshold",
    "center",
    "centroids",
    "cohesion",
    "comments_missed",
    "corpus_offsets",
    "discover",
    "knn",
    "language_basis",
    "manual_bertopic",
    "merge_close",
    "bars",
    "nearest",
    "pick",
    "reassign",
    "refine",
    "split_large",
    "tight_groups",
]

logger = logging.getLogger(__name__)
#: how much above the threshold a clause of one content word must be to join a theme whose anchor it does not
#: hold (:func:`bars`). On the NPS verbatims, of 45 such clauses read in order of similarity, 12 of the 17 under
#: 0.1 above the threshold were in a theme they do not speak of ("Yes" in "good service", "Shall I go on?" in
#: "score"), 4 of the 28 above it ("Very straightforward" in "easy" is one that does)
SHORT_LIFT = 0.1


def center(x: np.ndarray, mean: np.ndarray, *, basis: np.ndarray | None = None) -> np.ndarray:
    """Subtract the corpus mean, remove the language directions in ``basis`` (rows), L2-normalise rows.

    Cosine on the result is the centred cosine. Without the directions along which languages differ,
    a German and a Polish complaint about the same thing land together.
    """
    import numpy as np

    z = np.asarray(x, dtype=np.float32) - mean
    if basis is not None and len(basis):
        z = z - (z @ basis.T) @ basis
    norm = np.linalg.norm(z, axis=1, keepdims=True)
    return z / np.maximum(norm, 1e-12)


def auto_min_size(n_units: int) -> int:
    """Minimum theme size that grows with the corpus: n/150, between 10 and 200."""
    return int(min(200, max(10, round(n_units / 150))))


def discover(
    z: np.ndarray,
    *,
    min_size: int,
    seed: int,
    n_neighbors: int = 15,
    n_components: int = 5,
) -> np.ndarray:
    """Density clusters of centred embeddings, the steps BERTopic's ``fit_transform`` runs on precomputed
    embeddings: UMAP, then HDBSCAN, then cluster ids renumbered by size (-1 = outlier).

    BERTopic itself is not imported (~1-4 s: its plotting and representation modules): the ThemeModel writes
    its own c-TF-IDF, and ``ThemeModel.bertopic_`` builds a BERTopic model of the final themes when first read.
    """
    import numpy as np
    import pandas as pd

    from .._lazy import import_optional

    umap = import_optional("umap")
    hdbscan = import_optional("hdbscan")

    from ._jit import cache_umap_kernels

    cache_umap_kernels()
    n = len(z)
    k = min(n_neighbors, max(2, n - 1))
    # exact neighbours from one matrix product on the unit vectors: UMAP's own exact path (under 4,096
    # points) calls a Python metric per pair, and its approximate one is slower than this up to ~50k
    reducer = umap.UMAP(
        n_neighbors=k,
        n_components=min(n_components, max(2, n - 2)),
        min_dist=0.0,
        metric="cosine",
        random_state=seed,
        n_jobs=1,
        low_memory=True,
        precomputed_knn=knn(z, k),
    )
    clusterer = hdbscan.HDBSCAN(
        min_cluster_size=min_size,
        min_samples=max(2, min(5, min_size // 2)),
        cluster_selection_method="leaf",
        prediction_data=False,
    )
    with (
        warnings.catch_warnings()
    ):  # UMAP warns that precomputed neighbours cannot transform new data: we never ask it to
        warnings.filterwarnings("ignore", message=r"precomputed_knn\[2\]", category=UserWarning)
        reduced = np.nan_to_num(reducer.fit_transform(z))
    labels = np.asarray(clusterer.fit(reduced).labels_, dtype=np.int64)
    # ids by size as BERTopic numbers its topics (the same pandas sort, so ties fall the same way)
    sizes = pd.DataFrame(Counter(labels.tolist()).items(), columns=["old", "size"]).sort_values("size", ascending=False)
    order = {int(old): new for new, old in enumerate(sizes["old"][sizes["old"] != -1])}
    return np.array([order.get(int(v), -1) for v in labels], dtype=np.int64)


def manual_bertopic(z: np.ndarray, tokens: list[str], labels: np.ndarray, *, top_n_words: int = 10) -> Any:
    """A BERTopic model of themes found elsewhere (BERTopic's "manual topic modeling": no reduction, no
    clustering, ``labels`` as given, -1 = outlier), so ``ThemeModel.bertopic_`` and its tools still work."""
    from .._lazy import import_bertopic

    bertopic = import_bertopic()
    from bertopic.cluster import BaseCluster
    from bertopic.dimensionality import BaseDimensionalityReduction

    model = _bertopic(bertopic, BaseDimensionalityReduction(), BaseCluster(), top_n_words)
    model.fit([t if t.strip() else "_" for t in tokens], embeddings=z, y=[int(v) for v in labels])
    return model


def _bertopic(bertopic: Any, reducer: Any, clusterer: Any, top_n_words: int) -> Any:
    from bertopic.vectorizers import ClassTfidfTransformer
    from sklearn.feature_extraction.text import CountVectorizer

    return bertopic.BERTopic(
        umap_model=reducer,
        hdbscan_model=clusterer,
        vectorizer_model=CountVectorizer(token_pattern=r"\S+", lowercase=False, ngram_range=(1, 2)),
        ctfidf_model=ClassTfidfTransformer(reduce_frequent_words=True),
        top_n_words=top_n_words,
        calculate_probabilities=False,
        verbose=False,
    )


def knn(z: np.ndarray, k: int, *, block: int = 2048) -> tuple[np.ndarray, np.ndarray]:
    """Exact ``k`` nearest neighbours (self first) and cosine distances of unit rows, in blocks."""
    import numpy as np

    n = len(z)
    idx = np.empty((n, k), dtype=np.int64)
    dist = np.empty((n, k), dtype=np.float32)
    zf = np.ascontiguousarray(z, dtype=np.float32)
    for s in range(0, n, block):
        sims = zf[s : s + block] @ zf.T
        rows = np.arange(len(sims))
        sims[rows, s + rows] = np.inf  # self first, whatever duplicates exist
        part = np.argpartition(-sims, k - 1, axis=1)[:, :k]
        order = np.argsort(-np.take_along_axis(sims, part, axis=1), axis=1, kind="stable")
        idx[s : s + block] = np.take_along_axis(part, order, axis=1)
        d = 1.0 - np.take_along_axis(sims, idx[s : s + block], axis=1)
        d[:, 0] = 0.0
        dist[s : s + block] = np.maximum(d, 0.0)
    return idx, dist


def refine(z: np.ndarray, labels: np.ndarray, threshold: float, *, max_iter: int = 10) -> np.ndarray:
    """Spherical k-means steps from the current themes: every row to its nearest centre (or -1 below
    ``threshold``), centres of the members, until nothing moves; empty themes are dropped."""
    import numpy as np

    for _ in range(max_iter):
        ids = sorted(set(labels[labels >= 0].tolist()))
        if not ids:
            return labels
        new = nearest(z, centroids(z, labels, ids), ids, threshold)
        if np.array_equal(new, labels):
            break
        labels = new
    return labels


def merge_close(
    z: np.ndarray,
    labels: np.ndarray,
    threshold: float,
    *,
    min_similarity: float,
    max_share: float,
    keep: Collection[int] = frozenset(),
) -> tuple[np.ndarray, int]:
    """Merge the two most similar themes while their centres reach ``min_similarity`` (one problem, one
    theme), unless the result would hold more than ``max_share`` of the rows; ``keep`` ids absorb but are
    never absorbed. Returns the labels and the number of merges."""
    import numpy as np

    labels = labels.copy()
    merged = 0
    n = len(labels)
    while True:
        ids = sorted(set(labels[labels >= 0].tolist()))
        if len(ids) < 2:
            break
        cents = centroids(z, labels, ids)
        sims = cents @ cents.T
        np.fill_diagonal(sims, -1.0)
        sizes = {i: int((labels == i).sum()) for i in ids}
        best = None
        for a, b in zip(*np.nonzero(np.triu(sims >= min_similarity))):
            i, j = ids[a], ids[b]
            if (i in keep and j in keep) or (sizes[i] + sizes[j]) > max_share * n:
                continue
            if best is None or sims[a, b] > best[0]:
                best = (sims[a, b], i, j)
        if best is None:
            break
        _, i, j = best
        big, small = (i, j) if (i in keep or (j not in keep and sizes[i] >= sizes[j])) else (j, i)
        labels[labels == small] = big
        merged += 1
    if merged:
        labels = refine(z, labels, threshold, max_iter=3)
        logger.info("merged %d near-duplicate themes", merged)
    return labels, merged


def split_large(z: np.ndarray, labels: np.ndarray, *, max_share: float, seed: int) -> np.ndarray:
    """Split every theme holding more than ``max_share`` of the units with k-means, until none does."""
    import numpy as np
    from sklearn.cluster import KMeans

    labels = labels.copy()
    n = len(labels)
    for _ in range(20):
        ids, counts = np.unique(labels[labels >= 0], return_counts=True)
        big = [i for i, c in zip(ids, counts) if c > max_share * n]
        if not big:
            break
        for i in big:
            members = np.nonzero(labels == i)[0]
            k = max(2, math.ceil(len(members) / (max_share * n / 2)))
            sub = KMeans(k, n_init=4, random_state=seed).fit_predict(z[members])
            nxt = labels.max() + 1
            for s in range(1, k):
                labels[members[sub == s]] = nxt + s - 1
            logger.info("split a theme of %d units (%.0f%%) into %d", len(members), 100 * len(members) / n, k)
    return labels


def centroids(z: np.ndarray, labels: np.ndarray, ids: list[int]) -> np.ndarray:
    """Unit-length mean of each theme's members, rows in ``ids`` order."""
    import numpy as np

    c = np.stack([z[labels == i].mean(axis=0) for i in ids])
    return c / np.maximum(np.linalg.norm(c, axis=1, keepdims=True), 1e-12)


def calibrate_threshold(
    z: np.ndarray, labels: np.ndarray, cents: np.ndarray, ids: list[int], *, quantile: float
) -> float:
    """The ``quantile`` of members' similarity to their own centroid: below it a unit is not a member."""
    import numpy as np

    return float(np.quantile(_own_similarity(z, labels, cents, ids), quantile))


def _own_similarity(z: np.ndarray, labels: np.ndarray, cents: np.ndarray, ids: list[int]) -> np.ndarray:
    """Each member's (``labels >= 0``) similarity to its own theme's centroid, in row order."""
    pos = {int(t): k for k, t in enumerate(ids)}
    member = labels >= 0
    return (z[member] * cents[[pos[int(t)] for t in labels[member]]]).sum(axis=1)


def strictest_threshold(
    z: np.ndarray,
    labels: np.ndarray,
    cents: np.ndarray,
    ids: list[int],
    rows: np.ndarray,
    *,
    quantiles: Sequence[float],
    max_unassigned: float,
    outside: float = 0.0,
) -> float:
    """The threshold of the highest of ``quantiles`` (as :func:`calibrate_threshold`) that leaves at most
    ``max_unassigned`` of the comments without a theme (``rows``: each unit's comment; a comment has a theme
    when one of its units is as similar as the threshold to a centre); the lowest quantile's where none does.
    ``outside``: the share of the comments that have no unit here (and so no theme) on top of these.

    Example:
        >>> import numpy as np
        >>> z = np.array([[1.0, 0.0], [0.8, 0.6], [0.0, 1.0], [0.6, 0.8]])
        >>> labels, rows = np.array([0, 0, 1, 1]), np.array([0, 0, 1, 1])
        >>> round(strictest_threshold(z, labels, z[[0, 2]], [0, 1], rows, quantiles=[0.0, 1.0], max_unassigned=0.0), 2)
        1.0
    """
    import numpy as np

    own = _own_similarity(z, labels, cents, ids)
    best = (z @ cents.T).max(axis=1) if len(ids) else np.full(len(z), -np.inf)
    for q in sorted(quantiles, reverse=True):
        threshold = float(np.quantile(own, q))
        if comments_missed(rows, best >= threshold, outside=outside) <= max_unassigned:
            return threshold
    return float(np.quantile(own, min(quantiles)))


def comments_missed(rows: np.ndarray, kept: np.ndarray, *, outside: float = 0.0) -> float:
    """Share of the comments left without a theme when only the units ``kept`` get one (``rows``: each unit's
    comment; ``outside``: the share of the comments with no unit here, which never get one).

    Example:
        >>> import numpy as np
        >>> round(comments_missed(np.array([0, 0, 1, 2]), np.array([True, False, False, True])), 3)   # comment 1
        0.333
    """
    import numpy as np

    comments = len(np.unique(rows))
    missed = 1 - len(np.unique(rows[kept])) / max(comments, 1)
    return outside + (1 - outside) * missed


def reassign(z: np.ndarray, labels: np.ndarray, cents: np.ndarray, ids: list[int], threshold: float) -> np.ndarray:
    """Outliers (-1) join their most similar theme when similarity >= threshold; members stay where they are."""
    import numpy as np

    out = labels.copy()
    idx = np.nonzero(labels < 0)[0]
    if len(idx) and ids:
        out[idx] = nearest(z[idx], cents, ids, threshold)
    return out


def nearest(
    z: np.ndarray,
    cents: np.ndarray,
    ids: list[int],
    threshold: float,
    *,
    holds: np.ndarray | None = None,
    margin: float = 0.0,
) -> np.ndarray:
    """Each row's theme (:func:`pick`), or -1 when its similarity is below ``threshold``."""
    import numpy as np

    sims = z @ cents.T
    best = pick(sims, threshold, holds=holds, margin=margin)
    ok = sims[np.arange(len(z)), best] >= threshold
    return np.where(ok, np.asarray(ids)[best], -1).astype(np.int64)


def bars(
    best: np.ndarray, threshold: float, *, holds: np.ndarray | None, lift: float, short: np.ndarray | None = None
) -> np.ndarray:
    """The similarity each row needs to join its theme (column ``best``): ``threshold`` where it holds the
    theme's anchor phrase (``holds``, rows x themes; or where no anchors are known), ``threshold + lift`` where
    it does not: such a clause is in the theme only by its vector. A ``short`` row (a clause of one content
    word: "Livid.", "Yes") that does not hold the anchor needs ``threshold + max(lift, SHORT_LIFT)``: one word
    seldom says a subject its vector could place, and such clauses had joined the nearest theme whatever it was.

    Example:
        >>> import numpy as np
        >>> holds = np.array([[True, False], [False, False], [False, False]])
        >>> bars(np.array([0, 0, 0]), 0.2, holds=holds, lift=0.0, short=np.array([True, False, True])).round(2).tolist()
        [0.2, 0.2, 0.3]
    """
    import numpy as np

    if holds is None:
        return np.full(len(best), threshold)
    held = holds[np.arange(len(best)), best]
    bar = np.where(held, threshold, threshold + lift)
    if short is not None:
        bar = np.where(np.asarray(short, dtype=bool) & ~held, threshold + max(lift, SHORT_LIFT), bar)
    return bar


def pick(sims: np.ndarray, threshold: float, *, holds: np.ndarray | None = None, margin: float = 0.0) -> np.ndarray:
    """Column of each row's theme: the most similar centre, unless the row ``holds`` (rows x themes booleans)
    a theme's anchor phrase and not its nearest one's; then the most similar theme it holds, where that one is
    at most ``margin`` less similar and above ``threshold``.

    Example:
        >>> import numpy as np
        >>> sims = np.array([[0.6, 0.5], [0.6, 0.3]])
        >>> holds = np.array([[False, True], [False, True]])
        >>> pick(sims, 0.2, holds=holds, margin=0.2).tolist()   # the second row's anchor theme is too far
        [1, 0]
    """
    import numpy as np

    rows = np.arange(len(sims))
    best = sims.argmax(axis=1)
    if holds is None or not holds.any():
        return best
    held = np.where(holds, sims, -np.inf)
    alt = held.argmax(axis=1)
    top = held[rows, alt]
    move = ~holds[rows, best] & (top >= sims[rows, best] - margin) & (top >= threshold)
    return np.where(move, alt, best)


def language_basis(offsets: np.ndarray, *, tol: float = 1e-4) -> np.ndarray:
    """Orthonormal rows spanning the language offsets (each language's mean minus the centre)."""
    import numpy as np

    if len(offsets) < 2:
        return np.zeros((0, offsets.shape[1] if offsets.ndim == 2 else 0), np.float32)
    _, s, vt = np.linalg.svd(np.asarray(offsets, dtype=np.float64), full_matrices=False)
    return vt[s > tol * s.max()].astype(np.float32)


def corpus_offsets(
    x: np.ndarray, languages: Sequence[str], *, min_count: float = 30, skip: Collection[str] = ()
) -> np.ndarray:
    """Per language with at least ``min_count`` rows: its mean minus the mean of those language means (none
    unless two languages have that many); the languages in ``skip`` count for that mean but get no row."""
    import numpy as np

    langs = np.asarray(languages)
    large = [lang for lang in sorted(set(langs.tolist())) if lang != "und" and (langs == lang).sum() >= min_count]
    if len(large) < 2:
        return np.zeros((0, x.shape[1]), np.float32)
    m = np.stack([x[langs == lang].mean(axis=0) for lang in large])
    keep = [k for k, lang in enumerate(large) if lang not in skip]
    return (m - m.mean(axis=0))[keep]


def cohesion(z: np.ndarray, labels: np.ndarray, cents: np.ndarray, ids: list[int]) -> float:
    """Mean similarity of assigned rows to their theme's centroid (a purity proxy: higher is tighter)."""
    if not (labels >= 0).any():
        return float("nan")
    return float(_own_similarity(z, labels, cents, ids).mean())


def tight_groups(z: np.ndarray, *, min_size: int, min_similarity: float) -> np.ndarray:
    """Groups of at least ``min_size`` rows whose members have at least ``min_similarity`` to their centre.

    Average-linkage agglomerative clustering cut where groups stop being that tight; smaller groups
    are -1. Deterministic; meant for a few thousand rows (emerging themes among the candidates).
    """
    import numpy as np
    from sklearn.cluster import AgglomerativeClustering

    if len(z) < max(2, min_size):
        return np.full(len(z), -1, dtype=np.int64)
    # cosine distance between members of a group with centre similarity s is about 1 - s^2
    cut = 1.0 - min(max(min_similarity, 0.0), 0.99) ** 2
    labels = AgglomerativeClustering(
        n_clusters=None, metric="cosine", linkage="average", distance_threshold=cut
    ).fit_predict(z)
    out = np.full(len(z), -1, dtype=np.int64)
    k = 0
    for g in sorted(set(labels.tolist()), key=lambda g: (-(labels == g).sum(), g)):
        if (labels == g).sum() >= min_size:
            out[labels == g] = k
            k += 1
    return out
