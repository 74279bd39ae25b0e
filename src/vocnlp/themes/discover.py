"""The second step of ``ThemeModel.fit``: which theme each fitted clause belongs to, the centres and the
assignment threshold.

Themes are anchored on phrases (:mod:`.anchors`) or, with ``discovery="clusters"`` (and where ``"auto"``
finds one language does not dominate), found by BERTopic's UMAP + HDBSCAN (:func:`.cluster.discover`) and
repaired (outliers joined, centres refined, near-duplicates merged). Seed themes take the discovered themes
that match them; themes over ``max_theme_share`` are split; ids are then numbered (seed themes first, the
rest by size) and every fitted clause is assigned as ``transform`` will assign it.

Example:
    >>> import numpy as np
    >>> z = np.array([[1.0, 0.0], [0.9, 0.44], [0.0, 1.0], [0.44, 0.9], [0.95, 0.31]])
    >>> done = order(z, np.array([1, 1, 0, 0, 1]), 0.5, [])
    >>> done.ids, done.labels.tolist()   # the larger theme is 0; each clause goes to its nearest centre
    ([0, 1], [0, 0, 1, 1, 0])
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING, Any

from ..errors import InputError
from ..regional import family
from . import anchors, cluster
from .anchors import AnchorText
from .prepare import MIN_FIT_WORDS, FitData, distinct_units
from .state import UNASSIGNED
from .terms import theme_tokens

if TYPE_CHECKING:
    import numpy as np

__all__ = [
    "AUTO_MIN_ASSIGNED",
    "AUTO_ONE_LANGUAGE",
    "DISCOVERY",
    "ANCHOR_LIFTS",
    "MAX_UNASSIGNED_COMMENTS",
    "OUTLIER_QUANTILE",
    "STRICTEST_QUANTILE",
    "Discovered",
    "Ordered",
    "SeedThemes",
    "Settings",
    "discover_themes",
    "order",
    "seed_themes",
]

logger = logging.getLogger(__name__)
#: how themes are found: from anchor phrases (:mod:`.anchors`), by BERTopic's UMAP + HDBSCAN steps, or
#: ``"auto"``: anchors where one language holds :data:`AUTO_ONE_LANGUAGE` of the clauses and the anchored
#: themes take in :data:`AUTO_MIN_ASSIGNED` of them, else clusters
DISCOVERY = ("auto", "phrases", "clusters")
#: anchors are phrases of one language; where over 5% of the clauses are in others, density clusters of the
#: language-centred vectors keep one taxonomy across languages (parallel translations in a corpus 88% English:
#: 0.92 in one theme clustered, 0.73 anchored)
AUTO_ONE_LANGUAGE = 0.95
#: a corpus with little repeated phrasing (453 short comments in 15 languages: 3 anchored themes, 73% of the
#: comments unassigned) is clustered instead
AUTO_MIN_ASSIGNED = 0.75
#: ``outlier_quantile=None``: per discovery. Anchored themes take their centres from clauses that hold
#: the anchor phrase, whose similarities to the centre spread wider than a density cluster's members do
OUTLIER_QUANTILE = {"phrases": 0.01, "clusters": 0.05}
#: ``outlier_quantile=None`` with phrases: the highest quantile from ``OUTLIER_QUANTILE["phrases"]`` up to
#: this that leaves at most :data:`MAX_UNASSIGNED_COMMENTS` of the fitted comments without a theme. A long
#: review's filler clauses ("总的来说", all in all) then stay out of the themes, which its other clauses give it
#: (benchmarks/RESULTS.md, "Themes on real data": label coverage and refit agreement on the long Chinese and
#: Japanese reviews); short comments, whose one clause is their only way into a theme, keep the low quantile
STRICTEST_QUANTILE = 0.05
MAX_UNASSIGNED_COMMENTS = 0.05
#: ... and with it, the most of these a clause that does not hold its theme's anchor phrase must be above the
#: threshold (:func:`.cluster.bars`) that still leaves :data:`MAX_UNASSIGNED_COMMENTS` of the fitted comments a
#: theme: a theme then grows less far beyond its anchor by vectors alone. Label coverage followed that reach
#: on the five real sets (benchmarks/probes/anchor_reach.py); on the long ASAP and Japanese reviews, whose
#: other clauses keep every comment in some theme, coverage and refit agreement rose (RESULTS.md, "Themes on
#: real data"); short comments (NSMC) keep 0
ANCHOR_LIFTS = (0.1, 0.075, 0.05, 0.025, 0.0)
#: a clause of one content word ("Livid.", "Yes") that does not hold its theme's anchor needs
#: :data:`.cluster.SHORT_LIFT` above the threshold (the fit's lift where higher): by its vector alone it had joined
#: whichever theme was nearest ("Livid." in "good service"); False turns the rule off (benchmarks/probes/short_clauses.py)
SHORT_NEEDS_LIFT = True


@dataclass(frozen=True)
class Settings:
    """The ``ThemeModel`` parameters discovery reads (see its docstring; its defaults are the only ones)."""

    discovery: str
    min_theme_size: int | str
    max_theme_share: float
    outlier_quantile: float | None
    seed: int
    n_neighbors: int
    n_components: int
    merge_similarity: float | None
    anchor_separation: float | None
    seed_similarity: float

    @classmethod
    def of(cls, params: Mapping[str, Any]) -> Settings:
        """These settings out of a model's ``get_params()``."""
        return cls(**{f.name: params[f.name] for f in fields(cls)})

    def quantile(self, discovery: str) -> float:
        """``outlier_quantile``, or the default of ``discovery`` where it is None."""
        return self.outlier_quantile if self.outlier_quantile is not None else OUTLIER_QUANTILE[discovery]


@dataclass
class SeedThemes:
    """Known themes: their names, one centred unit vector per theme (the mean of its phrases) and the words
    (4+ letters) of its phrases."""

    names: list[str]
    vectors: np.ndarray
    words: list[set[str]]


@dataclass
class Ordered:
    """Themes numbered 0.. (seed themes first, then by size): each fitted clause's theme as ``transform``
    assigns it, the ids, their centres, the threshold, the seed theme names by id, the anchor phrases
    by id (anchored themes; :func:`.anchors.holding`) and how much more than the threshold a clause that does
    not hold its theme's anchor needs (:func:`.cluster.bars`)."""

    labels: np.ndarray
    ids: list[int]
    centroids: np.ndarray
    threshold: float
    seed_names: dict[int, str]
    anchors: dict[int, list[str]] = field(default_factory=dict)
    anchors_negated_share: dict[int, float] = field(default_factory=dict)
    lift: float = 0.0


@dataclass
class Discovered(Ordered):
    """:class:`Ordered`, with how the themes were found (``"phrases"`` or ``"clusters"``) and fit statistics."""

    discovery: str = "clusters"
    stats: dict[str, Any] = field(default_factory=dict)


def seed_themes(given: Mapping[str, Sequence[str]], encode: Callable[[list[str]], np.ndarray]) -> SeedThemes:
    """Check ``{name: [seed phrases]}`` and embed the phrases (``encode`` returns centred vectors)."""
    import numpy as np

    for name, phrases in given.items():
        if isinstance(phrases, str) or not phrases or not all(isinstance(p, str) and p.strip() for p in phrases):
            raise InputError(f"seed_themes[{name!r}] must be a list of seed phrases, e.g. ['late delivery', 'courier']")
    names, vecs, words = list(given), [], []
    for name in names:
        e = encode(list(given[name])).mean(axis=0)
        vecs.append(e / np.linalg.norm(e))
        words.append({w for p in given[name] for w in theme_tokens(p, None).split() if len(w) >= 4})
    return SeedThemes(names, np.stack(vecs), words)


def discover_themes(fit: FitData, settings: Settings, seeds: SeedThemes | None = None) -> Discovered:
    """Theme id per fitted clause (ids 0.. by size, seed themes first), centres and threshold."""
    import numpy as np

    z = fit.z
    labels = np.full(len(z), UNASSIGNED, dtype=np.int64)
    seed_names = [] if seeds is None else list(seeds.names)
    keys, uniq = distinct_units(fit)
    size = settings.min_theme_size
    min_size = cluster.auto_min_size(len(uniq)) if size == "auto" else int(size)
    offset = len(seed_names)
    discovery = "clusters" if settings.discovery == "clusters" else "phrases"
    anchor_of: dict[int, str] = {}  # anchored themes' phrases, by id until ids are ordered
    if len(uniq) >= max(2 * min_size, 10):
        found = None
        if discovery == "phrases":
            anchored_themes = _anchored(fit, uniq, min_size, settings)
            if anchored_themes is None:
                discovery = "clusters"
            else:
                found = anchored_themes.labels
                anchor_of = {k + offset: p for k, p in enumerate(anchored_themes.phrases)}
        if found is None:
            # (a BERTopic model of the final themes is built when ThemeModel.bertopic_ is first read)
            found = cluster.discover(
                z[uniq],
                min_size=min_size,
                seed=settings.seed,
                n_neighbors=settings.n_neighbors,
                n_components=settings.n_components,
            )
        by_key = {keys[u]: (f + offset if f >= 0 else UNASSIGNED) for u, f in zip(uniq, found.tolist())}
        labels = np.array([by_key.get(key, UNASSIGNED) for key in keys], dtype=np.int64)
    anchored = discovery == "phrases"
    if seeds is not None:
        labels = _match_seeds(z, labels, fit.tokens, seeds, settings.seed_similarity)
    whole = labels
    labels = cluster.split_large(z, labels, max_share=settings.max_theme_share, seed=settings.seed)
    for part in set(labels[labels >= 0].tolist()) - set(whole[whole >= 0].tolist()):  # split parts keep the anchor
        anchor_of[part] = anchor_of.get(int(Counter(whole[labels == part].tolist()).most_common(1)[0][0]), "")
    ids = sorted(set(labels[labels >= 0].tolist()))
    if not ids:
        raise InputError("no themes found: the comments are too few or too alike; lower min_theme_size")
    cents = cluster.centroids(z, labels, ids)
    before = {"clustered": float(np.mean(labels >= 0)), "cohesion": cluster.cohesion(z, labels, cents, ids)}
    if anchored and settings.outlier_quantile is None:
        low = OUTLIER_QUANTILE["phrases"]
        threshold = cluster.strictest_threshold(
            z,
            labels,
            cents,
            ids,
            fit.units.row,
            quantiles=np.linspace(low, STRICTEST_QUANTILE, 9).tolist(),
            max_unassigned=MAX_UNASSIGNED_COMMENTS,
            outside=fit.empty_share,
        )
    else:
        threshold = cluster.calibrate_threshold(z, labels, cents, ids, quantile=settings.quantile(discovery))
    merged = 0
    if not anchored:
        # density clusters: outliers join, then k-means steps and merges settle the centres. Anchored
        # themes keep the centres of their anchor clauses (with these three steps the first prototype's
        # refit ARI on the NPS verbatims was 0.61, without them 0.82) and were kept apart by
        # merge_similarity already
        labels = cluster.reassign(z, labels, cents, ids, threshold)
        labels = cluster.refine(z, labels, threshold)
        if settings.merge_similarity is not None:
            labels, merged = cluster.merge_close(
                z,
                labels,
                threshold,
                min_similarity=settings.merge_similarity,
                max_share=settings.max_theme_share,
                keep=set(range(offset)),
            )
    done = order(
        z,
        labels,
        threshold,
        seed_names,
        anchors={i: [p] for i, p in anchor_of.items() if p},
        text=anchors.AnchorText(fit.units.texts, fit.units.language, fit.phrases()),
        lifts=ANCHOR_LIFTS if anchored and settings.outlier_quantile is None else (0.0,),
        rows=fit.units.row,
        outside=fit.empty_share,
        short=(fit.n_words < MIN_FIT_WORDS) if SHORT_NEEDS_LIFT and fit.n_words is not None else None,
    )
    stats = {
        "clauses_clustered_before_reassignment": round(before["clustered"], 4),
        "cohesion_before_reassignment": round(before["cohesion"], 4),
        "cohesion": round(cluster.cohesion(z, done.labels, done.centroids, done.ids), 4),
        "themes_merged": merged,
        "discovery": discovery,
    }
    return Discovered(
        labels=done.labels,
        ids=done.ids,
        centroids=done.centroids,
        threshold=done.threshold,
        seed_names=done.seed_names,
        anchors=done.anchors,
        anchors_negated_share=done.anchors_negated_share,
        lift=done.lift,
        discovery=discovery,
        stats={**stats, "anchor_lift": done.lift},
    )


def order(
    z: np.ndarray,
    labels: np.ndarray,
    threshold: float,
    seed_names: Sequence[str],
    *,
    anchors: Mapping[int, list[str]] | None = None,
    text: AnchorText | None = None,
    lifts: Sequence[float] = (0.0,),
    rows: np.ndarray | None = None,
    outside: float = 0.0,
    short: np.ndarray | None = None,
) -> Ordered:
    """Renumber themes (seed themes first, in the order given, then discovered themes by size), take their
    centroids, and assign every fitted clause exactly as ``transform`` will: with the themes' ``anchors``
    (phrases by id in ``labels``) and the clauses' ``text``, a clause that holds a theme's anchor, said as the
    theme's clauses say it (:func:`.anchors.negated_shares`), goes to that theme within :data:`.anchors.ANCHOR_MARGIN`;
    one that does not needs the threshold plus the highest of ``lifts`` that leaves at most
    :data:`MAX_UNASSIGNED_COMMENTS` of the comments (``rows``: each clause's; ``outside``: the share of comments
    with no clause here) without a theme, or the lowest."""
    import numpy as np

    from .anchors import ANCHOR_MARGIN

    offset = len(seed_names)
    sizes = Counter(labels[labels >= 0].tolist())
    ranked = [i for i in range(offset) if i in sizes] + sorted(
        (i for i in sizes if i >= offset), key=lambda i: (-sizes[i], i)
    )
    remap = {old: new for new, old in enumerate(ranked)}
    labels = np.array([remap.get(int(v), UNASSIGNED) for v in labels], dtype=np.int64)
    ids = list(range(len(ranked)))
    cents = cluster.centroids(z, labels, ids).astype(np.float32)
    names = {remap[i]: seed_names[i] for i in range(offset) if i in remap}
    by_id = {remap[i]: list(p) for i, p in (anchors or {}).items() if i in remap and p}
    holds, negated = None, {}
    if by_id and text is not None:
        theme_anchors = [by_id.get(i, []) for i in ids]
        shares = text.negated_shares(labels, theme_anchors)
        negated = {i: shares[i] for i in by_id}
        holds = text.holding(theme_anchors, shares)
    # each clause's theme and similarity once; only the bar a clause must clear moves with the lift
    sims = z @ cents.T
    best = cluster.pick(sims, threshold, holds=holds, margin=ANCHOR_MARGIN)
    top = sims[np.arange(len(z)), best]
    lift = 0.0
    if holds is not None and rows is not None:
        lift = next(
            (
                x
                for x in sorted(lifts, reverse=True)
                if cluster.comments_missed(
                    rows, top >= cluster.bars(best, threshold, holds=holds, lift=x, short=short), outside=outside
                )
                <= MAX_UNASSIGNED_COMMENTS
            ),
            min(lifts),
        )
    kept = top >= cluster.bars(best, threshold, holds=holds, lift=lift, short=short)
    assigned = np.where(kept, np.asarray(ids)[best], UNASSIGNED).astype(np.int64)
    return Ordered(assigned, ids, cents, threshold, names, by_id, negated, lift)


def _anchored(fit: FitData, uniq: np.ndarray, min_size: int, settings: Settings) -> anchors.AnchoredThemes | None:
    """Anchored themes of the clauses ``uniq``; None where ``discovery="auto"`` should cluster instead."""
    import numpy as np

    # short clauses count too: they are assigned to these themes as well. Languages unknown ("und") may
    # be many: clustered (a frame without the Pipeline's language column has its languages detected)
    # a language of vocnlp.regional counts with its base (Javanese with Indonesian, Pidgin with English): its text
    # of content words only is read as the base
    top, count = Counter(map(family, fit.units.language)).most_common(1)[0]
    if settings.discovery == "auto" and (top == "und" or count < AUTO_ONE_LANGUAGE * len(fit.units.language)):
        return None
    phrases = fit.phrases()
    z = fit.z[uniq]
    found = anchors.anchor_themes(
        z,
        [fit.units.texts[i] for i in uniq],
        [fit.units.language[i] for i in uniq],
        min_size=min_size,
        separation=settings.anchor_separation if settings.anchor_separation is not None else 1.0,
        clause_phrases=[phrases[i] for i in uniq],
        seed=settings.seed,
    )
    if settings.discovery == "auto":
        ids = sorted(set(found.labels[found.labels >= 0].tolist()))
        if not ids:
            return None
        cents = cluster.centroids(z, found.labels, ids)
        threshold = cluster.calibrate_threshold(z, found.labels, cents, ids, quantile=settings.quantile("phrases"))
        share = float(np.mean(cluster.nearest(z, cents, ids, threshold) >= 0))
        logger.info("anchored themes take in %.1f%% of the clauses", 100 * share)
        if share < AUTO_MIN_ASSIGNED:
            return None
    return found


def _match_seeds(
    z: np.ndarray, labels: np.ndarray, tokens: list[str], seeds: SeedThemes, min_similarity: float
) -> np.ndarray:
    """Guided themes: each discovered theme that matches a seed theme joins it (ids 0..s-1).

    A discovered theme matches the seed theme whose phrases are most similar to its centroid, when
    that similarity reaches ``min_similarity`` or the theme's keywords contain a seed word. Short
    seed phrases sit far from whole clauses in embedding space, so whole themes are matched, not clauses.
    """
    import numpy as np

    names = seeds.names
    found = sorted(set(labels[labels >= len(names)].tolist()))
    if not found:
        return labels
    cents = cluster.centroids(z, labels, found)
    sims = cents @ seeds.vectors.T
    labels = labels.copy()
    taken = 0
    for k, theme in enumerate(found):
        member_tokens = Counter(w for i in np.nonzero(labels == theme)[0] for w in set(tokens[i].split()))
        n = max(int((labels == theme).sum()), 1)
        lexical = np.array(
            [
                sum(c for w, c in member_tokens.items() if any(w.startswith(s) or s.startswith(w) for s in ws)) / n
                for ws in seeds.words
            ]
        )
        score = sims[k] + lexical
        best = int(score.argmax())
        if sims[k, best] >= min_similarity or lexical[best] >= 0.3:
            labels[labels == theme] = best
            taken += 1
    missing = [n for i, n in enumerate(names) if not (labels == i).any()]
    if missing:
        logger.warning("seed themes with no matching comments: %s", missing)
    logger.info("seed themes took %d discovered themes", taken)
    return labels
