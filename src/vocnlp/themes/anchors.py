"""Theme discovery anchored on phrases: each theme starts from a phrase the customers wrote.

``ThemeModel(discovery="phrases")`` (the default) finds themes this way instead of UMAP + HDBSCAN:

1. every clause's phrase candidates (content words and 2-5 word sequences, in the clause's own language:
   :func:`.phrases.candidates`) are counted; phrases in more than :data:`MAX_SHARE` of the clauses are too
   general to be a theme ("service", "영화");
2. a phrase's *usage* is the centred mean vector of the clauses that contain it, and its *cohesion* the
   mean similarity of those clauses to that usage (a phrase used for one thing has high cohesion);
3. a greedy weighted set cover picks phrases: the phrase with the most clauses not yet covered by an
   anchor, weighted by cohesion squared, while that gain reaches :data:`MIN_GAIN` x the minimum theme
   size; a phrase whose usage is at least ``separation`` similar to a picked one's says the same thing and
   is never picked (one problem, one theme). The cover runs on :data:`STABLE_ROUNDS` subsamples of the
   clauses (drawn from their texts, :func:`subsamples`), and only a phrase it picks in most of them may
   anchor (stability selection: a phrase near the size limit, or picked only in the absence of a rival,
   would come and go with the sample); the anchors are these phrases in order of their votes, each while it
   still covers enough clauses of its own and says something no anchor before it says;
4. each clause that contains anchor phrases goes to the most similar of them; anchors left with under
   :data:`MIN_KEEP` x the minimum size are dropped.

The ThemeModel then takes each theme's centre from these clauses and assigns every clause to its nearest
centre (or none), as ``transform`` does, except that a clause holding a theme's anchor phrase goes to that
theme where it is nearly as close to it as to its nearest centre (:data:`ANCHOR_MARGIN`, :func:`holding`):
"the bill was wrong" belongs with "bill", wherever its vector leans. Because the anchors are facts of the text (which phrases are
frequent and used for one thing), two fits on overlapping samples pick nearly the same anchors and
centres: on the real sets of ``benchmarks/themes_real.py`` the refit agreement and label coverage are
well above UMAP + HDBSCAN's (RESULTS.md, "Themes on real data").

Example:
    >>> import numpy as np
    >>> z = np.array([[1.0, 0.0], [0.99, 0.14], [0.0, 1.0], [0.14, 0.99]])
    >>> texts = ["late delivery again", "late delivery today", "rude staff member", "rude staff again"]
    >>> found = anchor_themes(z, texts, ["en"] * 4, min_size=2, separation=0.65, max_share=0.5)
    >>> found.labels.tolist(), found.phrases
    ([0, 0, 1, 1], ['delivery', 'rude'])
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np
    import scipy.sparse as sp

__all__ = [
    "ANCHOR_MARGIN",
    "MAX_SHARE",
    "SAID_SHARE",
    "MIN_GAIN",
    "MIN_KEEP",
    "STABLE_ROUNDS",
    "STABLE_SAMPLE",
    "STABLE_VOTE",
    "AnchorText",
    "AnchoredThemes",
    "anchor_themes",
    "holding",
    "negated_shares",
    "subsamples",
]

#: a phrase in more than this share of the clauses is too general to anchor a theme
MAX_SHARE = 0.08
#: an anchor must cover at least this many x min_size clauses that no earlier anchor covers
MIN_GAIN = 0.3
#: after each clause went to its closest anchor, anchors with fewer than this x min_size clauses are dropped
MIN_KEEP = 0.5
#: a phrase needs at least this many clauses to be a candidate at all
MIN_CLAUSES = 5
#: stability selection: the greedy cover is run on this many subsamples of the clauses ...
STABLE_ROUNDS = 10
#: ... each holding about this share of them; only phrases it picks in at least STABLE_VOTE of the rounds
#: can anchor a theme, the most voted first (benchmarks/RESULTS.md, "Themes on real data": refit agreement on
#: five real sets)
STABLE_SAMPLE = 0.8
STABLE_VOTE = 0.5
#: ... a clause holding it said negated ("no internet") only where at least this share of the theme's anchor
#: clauses say it so, and said plainly only where at least this share say it plainly: on the NPS verbatims a
#: third of the clauses with "internet" say "no internet" and belong with it, none of those in the theme of
#: happy customers say "not happy"
SAID_SHARE = 1 / 3
#: a clause holding a theme's anchor phrase joins that theme (the closest such theme) when its similarity to
#: the theme's centre is at most this much below that to its nearest centre, and above the threshold. Cosine
#: of centred vectors; from 0.2 up the rule moves the same clauses on the five real sets: 7% of the NPS
#: verbatims', and label coverage and refit agreement rise on all five (RESULTS.md, "Themes on real data")
ANCHOR_MARGIN = 0.2


@dataclass
class AnchoredThemes:
    """Theme per clause (-1: no anchor phrase in it) and the anchor phrase of each theme id."""

    labels: np.ndarray
    phrases: list[str]


def anchor_themes(
    z: np.ndarray,
    texts: Sequence[str],
    languages: Sequence[str],
    *,
    min_size: int,
    separation: float,
    max_share: float = MAX_SHARE,
    clause_phrases: Sequence[Sequence[str]] | None = None,
    seed: int = 0,
) -> AnchoredThemes:
    """Themes of unit vectors ``z`` (one row per clause, centred) anchored on the clauses' own phrases.

    ``separation``: phrases whose usage vectors are at least this similar are one theme (the
    ThemeModel passes ``anchor_separation``); ``max_share``: phrases in more of the clauses are too general;
    ``clause_phrases``: each clause's :func:`.phrases.candidates`, where the caller has them already;
    ``seed``: the subsamples of the stability selection.
    Deterministic, and independent of the order of the rows: subsamples are drawn from the clause texts
    (:func:`subsamples`) and ties go to the phrase first in text order.
    """
    import numpy as np
    import scipy.sparse as sp

    from .phrases import candidates

    n = len(z)
    occurrences: dict[str, list[int]] = defaultdict(list)
    if clause_phrases is None:
        clause_phrases = [candidates(text, lang) for text, lang in zip(texts, languages)]
    for i, found in enumerate(clause_phrases):
        for phrase in found:
            occurrences[phrase].append(i)
    least, most = min(MIN_CLAUSES, min_size), max_share * n
    # in text order, so ties (phrases in the very same clauses: "late", "parcel") do not go by row order
    phrases = sorted(p for p, rows in occurrences.items() if least <= len(rows) <= most)
    if not phrases:
        return AnchoredThemes(np.full(n, -1, dtype=np.int64), [])
    usage = np.stack([z[occurrences[p]].mean(axis=0) for p in phrases])
    usage /= np.maximum(np.linalg.norm(usage, axis=1, keepdims=True), 1e-12)
    cohesion = np.array([float((z[occurrences[p]] @ u).mean()) for p, u in zip(phrases, usage)])
    weight = np.clip(cohesion, 0.0, None) ** 2
    rows = np.concatenate([occurrences[p] for p in phrases])
    cols = np.repeat(np.arange(len(phrases)), [len(occurrences[p]) for p in phrases])
    has = sp.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, len(phrases)))

    rows_of = [occurrences[p] for p in phrases]
    # stability selection: the greedy cover run on STABLE_ROUNDS subsamples; a phrase it picks in under
    # STABLE_VOTE of them (near the size limit, or picked only when a rival was not) does not anchor a theme,
    # and the others anchor in order of their votes
    votes = np.zeros(len(phrases))
    floor = STABLE_SAMPLE * MIN_GAIN * min_size  # the gain a subsample's cover asks for
    for sample in subsamples(texts, STABLE_ROUNDS, STABLE_SAMPLE, seed=seed):
        votes[_greedy(has, sample.astype(float), weight, usage, rows_of, floor, separation)] += 1
    anchors = _by_votes(has, weight, usage, rows_of, votes, MIN_GAIN * min_size, separation)
    if not anchors:
        return AnchoredThemes(np.full(n, -1, dtype=np.int64), [])

    contains = has[:, anchors].toarray() > 0
    sims = z @ usage[anchors].T
    labels = _closest(contains, sims)
    sizes = np.bincount(labels[labels >= 0], minlength=len(anchors))
    kept = sizes >= MIN_KEEP * min_size
    labels = _closest(contains & kept[None, :], sims)
    order = sorted(set(labels[labels >= 0].tolist()))
    remap = np.full(len(anchors), -1, dtype=np.int64)
    remap[order] = np.arange(len(order))
    out = np.where(labels >= 0, remap[np.maximum(labels, 0)], -1).astype(np.int64)
    return AnchoredThemes(out, [phrases[anchors[k]] for k in order])


def subsamples(texts: Sequence[str], rounds: int, share: float, *, seed: int = 0) -> np.ndarray:
    """(rounds, clauses) booleans: which clauses each round of the stability selection holds, drawn from
    the clause's text (a seeded hash of the text and which copy of it this is), not its row. A clause is in
    the same rounds whatever else the corpus holds and wherever it stands in it: two fits on overlapping
    samples vote on the same subsamples where they overlap, and a fit does not depend on the order of the
    rows (it did: the same NPS verbatims shuffled kept 79% of the comments' main themes).

    Example:
        >>> a = subsamples(["late", "rude", "cold"], 4, 0.5)
        >>> b = subsamples(["cold", "new", "late"], 4, 0.5)
        >>> bool((a[:, 0] == b[:, 2]).all() and (a[:, 2] == b[:, 0]).all())
        True
    """
    import hashlib

    import numpy as np

    key = seed.to_bytes(8, "little", signed=True)
    seen: Counter[str] = Counter()
    draws = []
    for t in texts:  # the k-th copy of a text its own draw: "좋아요" written 40 times is not in or out all at once
        seen[t] += 1
        digest = hashlib.blake2b(f"{seen[t]}\x00{t}".encode(), digest_size=8, key=key).digest()
        draws.append(int.from_bytes(digest, "little"))
    base = np.array(draws, dtype=np.uint64)
    out = np.zeros((rounds, len(texts)), dtype=bool)
    with np.errstate(over="ignore"):
        for r in range(rounds):  # splitmix64 of the text's hash and the round: one uniform draw per round
            x = base + np.uint64(r + 1) * np.uint64(0x9E3779B97F4A7C15)
            x = (x ^ (x >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
            x = (x ^ (x >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
            x = x ^ (x >> np.uint64(31))
            out[r] = (x >> np.uint64(11)).astype(np.float64) / float(1 << 53) < share
    return out


def holding(
    texts: Sequence[str],
    languages: Sequence[str | None],
    theme_anchors: Sequence[Sequence[str]],
    *,
    negated_share: Sequence[float] | None = None,
    clause_phrases: Sequence[Sequence[str]] | None = None,
) -> np.ndarray:
    """(clauses, themes) booleans: the clause holds one of the theme's anchor phrases (as one of its own
    :func:`.phrases.candidates`: "bill" is not in "billion"), said as the theme's clauses say it: negated only
    where at least :data:`SAID_SHARE` of them say it negated, plainly only where that share say it plainly
    (``negated_share``, per theme, :func:`negated_shares`; none: all plainly). So "I'm not happy at all" does
    not join the theme of happy customers (it did on the NPS verbatims, as "鱼不新鲜", the fish was not fresh,
    joined 新鲜, fresh, on the Chinese reviews), while "still no internet" joins the internet theme, a third
    of whose clauses say so. A negated anchor ("not had a bill") is held where it is a candidate.
    ``clause_phrases``: the clauses' candidates, where the caller has them; else they are computed, only for
    clauses whose text holds every word of some anchor (fit and transform agree).

    Example:
        >>> holding(["the bill was wrong", "billions of calls"], ["en", "en"], [["bill"], ["calls"]]).tolist()
        [[True, False], [False, True]]
        >>> holding(["not happy at all", "happy"], ["en"] * 2, [["happy"], ["happy"]], negated_share=[0.0, 0.4]).tolist()
        [[False, True], [True, True]]
    """
    import numpy as np

    from ..words import normalize_thai, typed_letters
    from .phrases import _negated, candidates, said_negated

    out = np.zeros((len(texts), len(theme_anchors)), dtype=bool)
    shares = list(negated_share) if negated_share is not None else [0.0] * len(theme_anchors)
    takes = {True: [x >= SAID_SHARE for x in shares], False: [1 - x >= SAID_SHARE for x in shares]}
    column: dict[str, list[int]] = defaultdict(list)
    for k, phrases in enumerate(theme_anchors):
        for p in phrases:
            column[p].append(k)
    if not column:
        return out
    needles = {p: p.split() for p in column}
    for r, (text, lang) in enumerate(zip(texts, languages)):
        # candidates are parts of the lower-cased (Thai: normalised; Twi: ɛ for 3) text
        hay = normalize_thai(typed_letters(text, lang).lower())
        maybe = [p for p, parts in needles.items() if all(w in hay for w in parts)]
        if not maybe:
            continue
        have = set(clause_phrases[r] if clause_phrases is not None else candidates(text, lang))
        for p in maybe:
            if p not in have:
                continue
            said = None if _negated(p, lang) else said_negated(p, text, lang)
            for k in column[p]:
                out[r, k] = said is None or takes[said][k]
    return out


def negated_shares(
    texts: Sequence[str],
    languages: Sequence[str | None],
    labels: np.ndarray,
    theme_anchors: Sequence[Sequence[str]],
    *,
    clause_phrases: Sequence[Sequence[str]] | None = None,
) -> list[float]:
    """Per theme (``theme_anchors``, in the order of ``labels``' theme columns, -1 none): the share of its
    clauses holding a plain anchor phrase that say it negated (0 without such clauses).

    Example:
        >>> import numpy as np
        >>> texts = ["still no internet", "no internet for weeks", "internet is fast", "staff were happy to help"]
        >>> [round(x, 2) for x in negated_shares(texts, ["en"] * 4, np.array([0, 0, 0, 1]), [["internet"], ["happy"]])]
        [0.67, 0.0]
    """
    import numpy as np

    from .phrases import _negated, candidates, said_negated

    out = []
    for k, phrases in enumerate(theme_anchors):
        said = []
        for r in np.nonzero(np.asarray(labels) == k)[0].tolist():
            lang = languages[r]
            have = set(clause_phrases[r] if clause_phrases is not None else candidates(texts[r], lang))
            plain = [p for p in phrases if p in have and not _negated(p, lang)]
            if plain:
                said.append(said_negated(plain[0], texts[r], lang))
        out.append(sum(said) / len(said) if said else 0.0)
    return out


@dataclass
class AnchorText:
    """The fitted clauses' texts, languages and phrase candidates: what the anchor rule reads of them."""

    texts: Sequence[str]
    languages: Sequence[str | None]
    phrases: Sequence[Sequence[str]] | None = None

    def negated_shares(self, labels: np.ndarray, theme_anchors: Sequence[Sequence[str]]) -> list[float]:
        return negated_shares(self.texts, self.languages, labels, theme_anchors, clause_phrases=self.phrases)

    def holding(self, theme_anchors: Sequence[Sequence[str]], negated_share: Sequence[float]) -> np.ndarray:
        return holding(
            self.texts, self.languages, theme_anchors, negated_share=negated_share, clause_phrases=self.phrases
        )


def _greedy(
    has: sp.csr_matrix,
    uncovered: np.ndarray,
    weight: np.ndarray,
    usage: np.ndarray,
    rows_of: list[list[int]],
    least: float,
    separation: float,
) -> list[int]:
    """Anchor phrases (columns of ``has``, clauses x phrases) picked as a weighted set cover of the clauses
    where ``uncovered`` is 1: each time the phrase of most such clauses x ``weight``, while that count reaches
    ``least``; phrases whose ``usage`` is ``separation`` similar to a picked one's never."""
    import numpy as np

    uncovered = uncovered.copy()
    open_ = np.ones(len(rows_of), dtype=bool)
    anchors: list[int] = []
    while open_.any():
        gain = has.T @ uncovered
        j = int(np.where(open_, gain * weight, -1.0).argmax())
        if gain[j] < least:
            break
        anchors.append(j)
        open_ &= usage @ usage[j] < separation
        open_[j] = False
        uncovered[rows_of[j]] = 0.0
    return anchors


def _by_votes(
    has: sp.csr_matrix,
    weight: np.ndarray,
    usage: np.ndarray,
    rows_of: list[list[int]],
    votes: np.ndarray,
    least: float,
    separation: float,
) -> list[int]:
    """The anchors among the phrases with :data:`STABLE_VOTE` of the subsample votes, taken in order of their
    votes (then clauses x ``weight``): each while it still covers ``least`` clauses no anchor before it covers
    and its ``usage`` is under ``separation`` similar to theirs. Of two phrases that say one thing
    ("installation", "installed") the one most covers picked anchors, not whichever covers a few more clauses
    in this sample, which a few comments more or less flipped.

    Example:
        >>> import numpy as np, scipy.sparse as sp
        >>> has = sp.csr_matrix(np.array([[1, 1, 0], [1, 1, 0], [1, 0, 0], [0, 0, 1]], dtype=float))
        >>> usage = np.array([[1.0, 0.0], [0.99, 0.14], [0.0, 1.0]])
        >>> rows = [[0, 1, 2], [0, 1], [3]]
        >>> _by_votes(has, np.ones(3), usage, rows, np.array([6, 9, 4]), 1, 0.65)   # 1 has more votes than 0
        [1]
    """
    import numpy as np

    stable = np.nonzero(votes >= STABLE_VOTE * STABLE_ROUNDS)[0].tolist()
    value = (has.T @ np.ones(has.shape[0])) * weight
    uncovered = np.ones(has.shape[0])
    anchors: list[int] = []
    for j in sorted(stable, key=lambda j: (-votes[j], -value[j], j)):
        if anchors and float((usage[anchors] @ usage[j]).max()) >= separation:
            continue
        if float(uncovered[rows_of[j]].sum()) < least:
            continue
        anchors.append(j)
        uncovered[rows_of[j]] = 0.0
    return anchors


def _closest(contains: np.ndarray, sims: np.ndarray) -> np.ndarray:
    """Per row, the most similar of the columns it contains; -1 where it contains none."""
    import numpy as np

    scored = np.where(contains, sims, -np.inf)
    best = scored.argmax(axis=1)
    return np.where(contains.any(axis=1), best, -1).astype(np.int64)
