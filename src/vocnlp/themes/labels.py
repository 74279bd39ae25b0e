"""Theme labels a reader understands: a short phrase that occurs in the theme's own clauses.

Candidates are the word sequences of 2-5 words (Chinese / Japanese: segmented words, up to 12 characters) that occur in at
least two of a theme's clauses in the theme's dominant language, start and end with a content word
and hold no number or masked token. Each is scored on three things:
- **distinctiveness**: how much more often it occurs in the theme than in the corpus (log lift, the
  c-TF-IDF idea for phrases);
- **closeness**: centred cosine between the phrase, embedded with the same encoder, and the theme centre;
- **coverage**: the share of the theme's clauses that contain it or a close variant. A clause is a
  close variant when it contains all the phrase's content words (any order, same stem; a phrase needs two
  of them for this) or is at least as similar to the phrase as three in four of the clauses that contain
  it word for word.
A word alone is a candidate only where it names or describes something (a noun or an adjective as a
tagger reads it: "think", "said", "far" are not labels; English and Chinese, see
:func:`~vocnlp.words.names_something`). The label is the best-scoring candidate, or the best phrase when that covers at least half of what a
better-scoring single word covers (a phrase reads better, but not at any price; four fifths where the word is
close to the theme centre, so means what the theme means); ``phrases`` lists up
to five, picked by maximal marginal relevance so they are not the same phrase twice. A word in nearly every theme's
clauses (under :data:`LABEL_LIFT` times as frequent in its theme as in the corpus: 不错, not bad) names no theme
alone while a more distinctive candidate can. A theme with no
repeated phrase falls back to its top keywords. A mixed theme (its label in under 15% of its comments) is
named by two candidates, "A / B", when together they cover 1.5x what its best label does; its coverage then
counts a comment holding either. So is a theme whose label speaks for under 75% of its comments when a second
candidate about the theme speaks for 10% more of them ("fast service / quick", "sarapan / breakfast").

Negation is kept (:mod:`vocnlp.negation`): a negated word's candidates come with its negation as well ("never
arrived", "não recebi", "tidak ada air panas", 没有收到); a negated phrase covers only the clauses that say it
negated, and a plain phrase that a theme's clauses mostly say negated is no label of it ("received my bill"
for comments saying they were not received). A plain phrase covers its negated clauses too (a theme on
the topic "internet" holds "no internet": its share of negative comments says how it is spoken of).

Example:
    >>> candidates("the parcel never arrived at my house", "en")[:4]
    ['parcel', 'parcel never arrived', 'never arrived', 'arrived']
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from itertools import islice
from typing import TYPE_CHECKING

from ..words import names_something
from .phrases import _CJK, _negated, _negated_share, _words, candidates, covers, incomplete, restates

if TYPE_CHECKING:
    import numpy as np

__all__ = ["MIXED_COVERAGE", "LabelChoice", "candidates", "choose_labels", "covered", "covers", "restates"]

PER_THEME = 16  # candidates embedded per theme
CHECKED = PER_THEME + 8  # the best candidates of a theme, read by a tagger; the pool comes from these
#: how a candidate's three scores (and being a phrase rather than one word) add up
WEIGHTS = {"closeness": 1.0, "coverage": 2.0, "distinctiveness": 0.5, "phrase": 0.25}
#: a phrase is the label instead of a better-scoring single word when it covers at least this share of
#: what the word covers
PHRASE_COVERAGE = 0.5
#: ... and, when the word is at least WORD_CLOSE similar to the theme centre (it means what the theme means:
#: "easy", "harga", "쓰레기"; not "work" of "time off work" at 0.15, "order" of "order was placed" at 0.31),
#: at least this share
PHRASE_KEEPS = 0.8
WORD_CLOSE = 0.5
#: a candidate names a theme alone only where it is at least this many times as frequent in the theme's clauses
#: as in the corpus, while one is: 不错 (not bad; 1.7x, in nearly every theme's clauses) named the largest ASAP
#: theme, where every other label of the five real sets is 4.6x (영화, film) or more
LABEL_LIFT = 3.0
#: a plain phrase is no label of a theme whose clauses holding it say it negated in over this share of them
NEGATED_SHARE = 0.5
#: a theme whose label covers under this share of its comments is "mixed": its clauses share a form (short
#: replies, "no ..." sentences, long stories of several problems) more than a subject, and the report says so
MIXED_COVERAGE = 0.15
#: a mixed theme is named by two candidates when together they cover at least this many times what its
#: best label alone covers
MIXED_GAIN = 1.5
#: a theme whose label covers under this share of its comments (but is not mixed) is named "A / B" by a
#: second candidate, unlike the label, that covers at least WIDEN_GAIN more of them ("fast service /
#: quick", "sarapan / breakfast"), and is about the theme: WIDEN_LIFT times as frequent in it as in the
#: corpus and its phrase vector at least WIDEN_CLOSE similar to the theme centre (not "time off work /
#: complete": "complete" is at -0.2)
WIDEN_BELOW = 0.75
WIDEN_GAIN = 0.1
WIDEN_LIFT = 3.0
WIDEN_CLOSE = 0.25
#: ... and its best label stays the first of the two unless it is in under this share of the theme's
#: clauses (then a rare phrase only won on closeness: "나도 남자", me too a man, in 1.6% of its comments)
MIXED_KEEP = 0.05
#: a clause is a close variant of a phrase when at least as similar to it as this quantile of the
#: clauses that contain the phrase word for word
VARIANT_QUANTILE = 0.25
#: ... and only when the phrase itself is in at least this share of the theme's clauses (and 3 of them):
#: below that, the few clauses holding it say little about what a variant looks like, and the bar they
#: set let a word in 2% of its comments claim 85% (NSMC "나중", later)
VARIANT_MIN_SHARE = 0.1
#: ... and only when it is more similar to the phrase than this quantile of the clauses outside the theme: in a
#: theme that its language made rather than its topic (a mixed set's Buginese reviews, which the encoder reads
#: little of), every clause is as close to any phrase as those that say it, and "anre-anre" (food) claimed 91%
#: of a theme whose comments said it in 14%; None: no such bar (benchmarks/probes/variant_bar.py)
VARIANT_OUTSIDE_QUANTILE: float | None = 0.99
#: clauses outside a theme read for that bar, at most (evenly spaced, so the same ones every run)
VARIANT_OUTSIDE_SAMPLE = 4000


class LabelChoice:
    """The chosen label of one theme, its top phrases and its coverage of the theme's comments."""

    def __init__(self, label: str, phrases: list[str], coverage: float) -> None:
        self.label, self.phrases, self.coverage = label, phrases, coverage

    def __repr__(self) -> str:
        return f"LabelChoice({self.label!r}, coverage={self.coverage:.2f})"


def choose_labels(
    texts: Sequence[str],
    languages: Sequence[str],
    rows: np.ndarray,
    z: np.ndarray,
    labels: np.ndarray,
    centroids: np.ndarray,
    ids: Sequence[int],
    *,
    embed: Callable[[list[str]], np.ndarray],
    fallback: dict[int, list[str]],
    taken: set[str],
    fixed: dict[int, str],
    language_of: dict[int, str | None],
    clause_phrases: Sequence[Sequence[str]] | None = None,
) -> dict[int, LabelChoice]:
    """Labels of the themes ``ids`` from their member clauses (``labels == id``).

    ``embed`` maps phrases to centred, unit-length vectors comparable with ``z`` and ``centroids``;
    ``fallback`` holds keywords for themes without a repeated phrase; ``taken`` labels are avoided, and the
    larger themes choose first. ``clause_phrases``: each text's :func:`candidates`, where the caller has them already.
    """
    import numpy as np

    n_all = len(texts)
    cand = clause_phrases if clause_phrases is not None else [candidates(t, lang) for t, lang in zip(texts, languages)]
    df_all: Counter[str] = Counter(p for c in cand for p in c)
    ranked: dict[int, list[str]] = {}
    own_of: dict[int, list[int]] = {}
    lifts: dict[int, dict[str, float]] = {}  # distinctiveness: log lift of each candidate in its theme
    for i in ids:
        member = np.nonzero(labels == i)[0].tolist()
        lang = language_of.get(i)
        own = [m for m in member if languages[m] == lang] or list(member)
        df = Counter(p for m in own for p in cand[m])
        n = max(len(own), 1)
        scored, lifts[i] = [], {}
        short = incomplete(df)  # "person i spoke" where "person i spoke to" is said
        for p, c in df.items():
            if (c < 2 and len(own) >= 5) or p in short:
                continue
            lifts[i][p] = math.log1p((c / n) / (df_all[p] / n_all))
            phrase = _words(p) >= 2 or bool(_CJK.fullmatch(p))
            scored.append((c / n * lifts[i][p] * (1.0 if phrase else 0.6), p))
        scored.sort(key=lambda s: (-s[0], s[1]))
        ranked[i], own_of[i] = [p for _, p in scored], own
    naming = _naming_words(ranked, own_of, texts, language_of)
    pool: dict[int, list[str]] = {}
    shares: dict[int, dict[str, float]] = {}  # per theme, the share of a plain candidate's clauses saying it negated
    for i in ids:
        # only what was checked: a lower word, unchecked, must not move up when better ones are dropped; and
        # not a plain phrase the theme mostly says negated ("received my bill" where they were not received)
        checked = ranked[i][:CHECKED]
        lang = language_of.get(i)
        shares[i] = {
            p: _negated_share(p, [texts[m] for m in own_of[i] if p in cand[m]], lang)
            for p in checked
            if not _negated(p, lang)
        }
        flipped = {p for p, share in shares[i].items() if share > NEGATED_SHARE}
        ps = [p for p in checked if (" " in p or naming.get(p, True)) and p not in flipped]
        pool[i] = (ps or ranked[i])[:PER_THEME]  # a theme with nothing but verbs keeps them
    flat = sorted({p for ps in pool.values() for p in ps})
    vec = dict(zip(flat, embed(flat))) if flat else {}
    out: dict[int, LabelChoice] = {}
    # the larger themes choose first: a word two themes both want ("영화", film) names the larger one
    sizes = {i: int((labels == i).sum()) for i in ids}
    for k, i in sorted(enumerate(ids), key=lambda ki: (-sizes[ki[1]], ki[0])):
        member = np.nonzero(labels == i)[0].tolist()
        lang = language_of.get(i)
        ps = pool[i]
        if not ps:
            words = fallback.get(i) or ["theme"]
            out[i] = LabelChoice(_unique(fixed.get(i) or " ".join(words[:2]), taken), words[:5], math.nan)
            taken.add(out[i].label)
            continue
        pv = np.stack([vec[p] for p in ps])
        close = pv @ centroids[k]
        sims = z[member] @ pv.T  # (members, phrases)
        lexical = [np.array([covers(p, texts[m], lang) for m in member]) for p in ps]
        # how representative a candidate is (its score) counts every clause as close to it as those saying it;
        # how much of the theme a label speaks for (its coverage, mixed or not) only the clauses that stand out
        # from the rest of the corpus as close to it
        hits = [covered(lex, sims[:, j]) for j, lex in enumerate(lexical)]
        outside = _outside(labels, i)
        out_sims = z[outside] @ pv.T if len(outside) else None
        said = [covered(lex, sims[:, j], None if out_sims is None else out_sims[:, j]) for j, lex in enumerate(lexical)]
        cov = np.array([h.mean() for h in hits])
        dist = np.array([lifts[i][p] for p in ps])
        dist = dist / max(dist.max(), 1e-9)
        multi = np.array([_words(p) >= 2 or bool(_CJK.fullmatch(p)) for p in ps], dtype=float)
        score = WEIGHTS["closeness"] * close + WEIGHTS["coverage"] * cov + WEIGHTS["distinctiveness"] * dist
        score = score + WEIGHTS["phrase"] * multi
        # maximal marginal relevance: each next phrase is good and unlike the ones already picked
        picked: list[int] = []
        while len(picked) < min(5, len(ps)):
            red = (pv @ pv[picked].T).max(axis=1) if picked else np.zeros(len(ps))
            mmr = 0.7 * score - 0.3 * red * score.max()
            mmr[picked] = -np.inf
            picked.append(int(mmr.argmax()))
        order = [ps[j] for j in picked]
        ratio = np.array([math.expm1(lifts[i][p]) for p in ps])
        # a word in every theme's clauses (不错, not bad) names none alone while a distinctive candidate can;
        # it may still be half of an "A / B" name, below
        common = ratio < LABEL_LIFT if (ratio >= LABEL_LIFT).any() else np.zeros(len(ps), dtype=bool)
        barred = _barred(ps, score, multi, shares[i], lang) | common
        best = _best(np.where(common, -np.inf, score), cov, multi, close, barred)
        others = [j for j in picked if j != best]
        alternatives = [ps[j] for j in others if not common[j]] + [ps[j] for j in others if common[j]]
        label = fixed.get(i) or _unique(ps[best], taken, alternatives=alternatives)
        jl = ps.index(label) if label in ps else best
        label_hits = np.asarray(said[jl], dtype=bool)
        coverage = _row_share(label_hits, rows[member])
        mixed = coverage < MIXED_COVERAGE
        if not fixed.get(i) and (mixed or (coverage < WIDEN_BELOW and label in ps)):
            # named by two: a mixed theme, which no phrase speaks for, by the two words or phrases that between
            # them speak for most of it ("predictable / cliched" rather than a phrase in 2% of its comments);
            # a theme its label half speaks for, by its label and a second candidate about the theme
            free = np.array([p not in taken and not any(restates(p, t, lang) for t in taken) for p in ps])
            first: int | None = jl
            if mixed:
                allowed = free
                if label_hits.mean() < MIXED_KEEP:  # then the best-scoring candidate used that much, if any
                    used = free & (cov >= MIXED_KEEP)
                    first = int(np.argmax(np.where(used, score, -np.inf))) if used.any() else None
            else:  # the second part: near the theme's centre and far more frequent in it than elsewhere
                allowed = free & (ratio >= WIDEN_LIFT) & (close >= WIDEN_CLOSE)
            pair = _mixed_pair(np.asarray(said, dtype=bool), dist, pv, ps, lang, first=first, allowed=allowed)
            if pair is not None:
                wider = _row_share(said[pair[0]] | said[pair[1]], rows[member])
                if wider >= (MIXED_GAIN * coverage if mixed else coverage + WIDEN_GAIN):
                    label = _unique(f"{ps[pair[0]]} / {ps[pair[1]]}", taken, alternatives=[label])
                    coverage = wider if " / " in label else coverage
        out[i] = LabelChoice(label, order, coverage)
        taken.add(label)
    return out


def _row_share(hits: np.ndarray, rows: np.ndarray) -> float:
    """Share of the comments (``rows``, one per clause) with at least one clause hit: a comment is covered
    when one of its clauses in the theme is."""
    import numpy as np

    rows = np.asarray(rows)
    if len(rows) == 0:
        return 0.0
    _, inv = np.unique(rows, return_inverse=True)
    hit = np.zeros(inv.max() + 1, dtype=bool)
    np.logical_or.at(hit, inv, np.asarray(hits, dtype=bool))
    return float(hit.mean())


def _mixed_pair(
    hits: np.ndarray,
    dist: np.ndarray,
    pv: np.ndarray,
    phrases: Sequence[str],
    lang: str | None,
    *,
    first: int | None = None,
    allowed: np.ndarray | None = None,
) -> tuple[int, int] | None:
    """Two candidates that between them cover most of a theme: ``first`` (or the ``allowed`` candidate with
    the most coverage times distinctiveness), then the one adding most coverage times distinctiveness,
    unlike the first (not a restatement, phrase vectors under 0.8 cosine); None without two.

    Example:
        >>> import numpy as np
        >>> hits = np.array([[1, 1, 0, 0], [1, 0, 0, 0], [0, 0, 1, 1]], dtype=bool)
        >>> _mixed_pair(hits, np.ones(3), np.eye(3), ["late", "late parcel", "rude"], "en")
        (0, 2)
    """
    import numpy as np

    ok = np.ones(len(phrases), dtype=bool) if allowed is None else np.asarray(allowed, dtype=bool).copy()
    if first is None:
        value = np.where(ok, hits.mean(axis=1) * dist, -1.0)
        first = int(np.argmax(value))
        if value[first] <= 0:
            return None
    ok &= (pv @ pv[first] < 0.8) & np.array(
        [not restates(p, phrases[first], lang, polarity=False, enclitics=True) for p in phrases]
    )
    ok[first] = False
    gain = np.where(ok, (hits & ~hits[first]).mean(axis=1) * dist, -1.0)
    second = int(np.argmax(gain))
    return (first, second) if gain[second] > 0 else None


def covered(lexical: np.ndarray, sims: np.ndarray, outside: np.ndarray | None = None) -> np.ndarray:
    """Which clauses a phrase covers: those that contain it (``lexical``) and its close variants, the clauses
    at least as similar to it (``sims``) as the lower quartile of those that contain it and, given the
    similarities of clauses outside the theme (``outside``), more similar than nearly all of those
    (:data:`VARIANT_OUTSIDE_QUANTILE`); counted only when enough clauses contain it (:data:`VARIANT_MIN_SHARE`,
    and 3).

    Example:
        >>> import numpy as np
        >>> covered(np.array([True, False, False]), np.array([0.5, 0.9, 0.1])).tolist()   # 1 clause holds it
        [True, False, False]
        >>> said, sims = np.array([True] * 3 + [False] * 3), np.array([0.6, 0.7, 0.8, 0.65, 0.9, 0.2])
        >>> covered(said, sims).tolist()                   # as close as the clauses that say it
        [True, True, True, True, True, False]
        >>> covered(said, sims, outside=np.full(50, 0.7)).tolist()   # ...but so is everything outside
        [True, True, True, False, True, False]
    """
    import numpy as np

    lexical = np.asarray(lexical, dtype=bool)
    if lexical.sum() < max(3, VARIANT_MIN_SHARE * len(lexical)):
        return lexical
    bar = float(np.quantile(sims[lexical], VARIANT_QUANTILE))
    if outside is not None and len(outside) and VARIANT_OUTSIDE_QUANTILE is not None:
        bar = max(bar, float(np.nextafter(np.quantile(outside, VARIANT_OUTSIDE_QUANTILE), np.inf)))
    return lexical | (np.asarray(sims) >= bar)


def _outside(labels: np.ndarray, theme: int) -> np.ndarray:
    """Rows of the clauses outside ``theme`` (unassigned ones too), at most :data:`VARIANT_OUTSIDE_SAMPLE`."""
    import numpy as np

    rows = np.nonzero(labels != theme)[0]
    if len(rows) > VARIANT_OUTSIDE_SAMPLE:
        rows = rows[np.linspace(0, len(rows) - 1, VARIANT_OUTSIDE_SAMPLE).astype(int)]
    return rows


def _naming_words(
    ranked: dict[int, list[str]],
    own: dict[int, list[int]],
    texts: Sequence[str],
    language_of: dict[int, str | None],
) -> dict[str, bool]:
    """Whether each single-word candidate near the top of a theme names or describes something (a verb or an
    adverb alone, "think", "said", "far", is no label: :func:`~vocnlp.words.names_something`). English
    words are read in up to 4 clauses of the themes they are candidates of, all in one tagger pass."""
    out: dict[str, bool] = {}
    by_lang: dict[str | None, dict[str, list[str]]] = {}
    for i, ps in ranked.items():
        lang = language_of.get(i)
        words = by_lang.setdefault(lang, {})
        for p in ps[:CHECKED]:
            if " " in p:
                continue
            ctx = words.setdefault(p, [])
            if lang != "en" or len(ctx) >= 4:
                continue
            pat = re.compile(rf"(?<![\w'-]){re.escape(p)}(?![\w'-])", re.IGNORECASE)
            ctx.extend(islice((c for c in (texts[m] for m in own[i]) if pat.search(c)), 4 - len(ctx)))
    for lang, words in by_lang.items():
        keep = names_something(words, lang)
        for w in words:
            out[w] = out.get(w, False) or w in keep
    return out


def _barred(
    ps: Sequence[str], score: np.ndarray, multi: np.ndarray, shares: Mapping[str, float], lang: str | None
) -> np.ndarray:
    """Phrases that may not replace the best-scoring word as a label: those that say it negated where the
    theme's clauses holding it mostly say it plainly (``shares``: per plain candidate, the share of its
    clauses that say it negated). On the NPS verbatims "not had a bill" (10% of its theme) named a theme
    where "bill" is in 66% of the clauses, 16% of them negated ("my bill was wrong")."""
    import numpy as np

    top = int(np.argmax(score))
    barred = np.zeros(len(ps), dtype=bool)
    word = ps[top]
    if multi[top] > 0 or shares.get(word, 1.0) > NEGATED_SHARE:  # a negated word has no share: never barred
        return barred
    return np.array([_negated(p, lang) and restates(word, p, lang, polarity=False) for p in ps], dtype=bool)


def _best(
    score: np.ndarray, cov: np.ndarray, multi: np.ndarray, close: np.ndarray, barred: np.ndarray | None = None
) -> int:
    """The label among the candidates: the best-scoring one, unless a phrase covers at least
    ``PHRASE_COVERAGE`` of what that one covers: a phrase reads better than a word, but not at any price
    (a word in 60% of a theme's clauses beats a phrase in 3% of them). A word as ``close`` to the theme
    centre as ``WORD_CLOSE`` gives way only to a phrase that covers ``PHRASE_KEEPS`` of what it covers: on
    the NPS verbatims "easy" (in 79% of its theme, 0.64 close) named a theme better than "easy to order" (50%).
    ``barred`` phrases never replace the word (:func:`_barred`).

    Example:
        >>> import numpy as np
        >>> multi = np.array([0.0, 1.0, 1.0])
        >>> _best(np.array([2.0, 1.0, 1.5]), np.array([0.6, 0.03, 0.4]), multi, np.array([0.3, 0.5, 0.6]))
        2
        >>> _best(np.array([2.0, 1.0, 1.5]), np.array([0.6, 0.03, 0.4]), multi, np.array([0.6, 0.5, 0.6]))
        0
    """
    import numpy as np

    top = int(np.argmax(score))
    if multi[top] > 0:
        return top
    share = PHRASE_KEEPS if close[top] >= WORD_CLOSE else PHRASE_COVERAGE
    ok = (multi > 0) & (cov >= share * cov[top])
    if barred is not None:
        ok &= ~barred
    return int(np.argmax(np.where(ok, score, -np.inf))) if ok.any() else top


def _unique(label: str, taken: set[str], alternatives: Sequence[str] = ()) -> str:
    if label not in taken:
        return label
    for alt in alternatives:
        if alt not in taken:
            return alt
    k, base = 2, label
    while label in taken:
        label = f"{base} ({k})"
        k += 1
    return label
