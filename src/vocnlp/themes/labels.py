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
from functools import lru_cache
from itertools import islice
from typing import TYPE_CHECKING

from ..negation import UNSPACED_NEGATIONS, negated_after, negation_lead, negation_words
from ..words import (
    LETTERS,
    NEGATED,
    UNSPACED_RUN,
    fold,
    is_function_word,
    is_jamo_only,
    is_stop_word,
    iter_content_words,
    ko_base,
    ko_has_noun,
    ko_stem,
    mask,
    names_something,
    normalize_thai,
    segment,
    stop_words,
    typed_letters,
)

if TYPE_CHECKING:
    import numpy as np

__all__ = ["MIXED_COVERAGE", "LabelChoice", "candidates", "choose_labels", "covered", "covers", "restates"]

_TOKEN = re.compile(rf"{LETTERS}(?:['\u2019-]{LETTERS})*|\d+|[^\w\s]", re.UNICODE)
_CJK = UNSPACED_RUN
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
MAX_WORDS = 5
#: a phrase holds at most this many function words between its first and last word: "spoke to was very
#: helpful" (of "the person I spoke to was very helpful", three) ran across a relative clause and named an NPS
#: theme; "waiting for my order", "service has been poor" keep theirs
MAX_INNER_STOPS = 2
MAX_CJK = 6
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
# Chinese / Japanese have no spaces: a candidate must start and end on an ideograph or katakana (not on
# hiragana particles and endings) and not on a Chinese function character, so it does not cut words
_CJK_EDGE = re.compile(r"[\u30a0-\u30ff\u3400-\u9fff]")
_ZH_FUNCTION = set("的了是也很都就还在有个不和我你他她它们这那吧呢吗啊哦么着过给把被让比而且又再才只会要能可以")


def _stem(w: str) -> str:
    if _HANGUL.search(w):  # Korean: the root, by morphemes (매력 and 매력적 are one idea)
        return ko_stem(w)
    w = fold(w.lower())
    return w[: max(4, len(w) - 2)] if len(w) > 4 else w


def candidates(text: str, lang: str | None) -> list[str]:
    """Distinct phrase candidates of one clause: single content words and 2-5 word sequences."""
    low = mask(typed_letters(text, lang), " , ").lower()  # "took 3 months" gives "took", "months", never "took months"
    stops = stop_words(lang or "en") | stop_words("en")
    out: list[str] = []
    runs = _CJK.findall(low)
    for run in runs:
        words = segment(run, lang)
        if words is not None:  # word sequences that start and end on a content word
            for i, t in enumerate(words):
                if not t.content:
                    continue
                # 没有收到 (not received): with its negation too
                neg = negated_after(words[i - 1].text) or "" if i else ""
                acc = t.text
                if len(t.text) >= 2 and t.can_end:
                    out.extend([neg + acc, acc] if neg else [acc])
                for u in words[i + 1 : i + MAX_WORDS]:
                    acc += u.text
                    if len(acc) > 2 * MAX_CJK:
                        break
                    if u.content and u.can_end:
                        out.extend([neg + acc, acc] if neg else [acc])
            continue
        for n in range(2, min(MAX_CJK, len(run)) + 1):
            out.extend(
                g
                for g in (run[i : i + n] for i in range(len(run) - n + 1))
                if _CJK_EDGE.match(g[0])
                and _CJK_EDGE.match(g[-1])
                and g[0] not in _ZH_FUNCTION
                and g[-1] not in _ZH_FUNCTION
            )
    rest = _CJK.sub(" , ", low) if runs else low
    toks = _TOKEN.findall(rest)
    # Korean: a phrase ends on a word without its particle (배우들의 연기가 -> "배우들의 연기"), so it still
    # occurs in the text and 연기가 / 연기는 give one candidate
    end = ko_base if lang == "ko" else str
    negations = negation_words(lang)

    def stop(x: str) -> bool:
        return is_function_word(x, stops, lang)

    for i, w in enumerate(toks):
        if not w[0].isalpha() or stop(w) or len(w) < 2 or is_jamo_only(w) or w in negations:
            continue
        # a negated word's candidates also come with the negation: "never arrived" as well as "arrived"
        lead = negation_lead(toks, i, negations, stop)
        starts = (i,) if lead is None else (lead, i)
        # a Korean word alone is a candidate only when it names something (not 보면서), and by its root:
        # 지루해서 / 지루하고 / 지루한 (boring) are one candidate, 지루, as are 배우 / 배우들 (actor, actors)
        b = ko_stem(w) if lang == "ko" else w
        if len(b) >= 2 and not is_stop_word(b, stops) and (lang != "ko" or ko_has_noun(b)):
            out.extend(" ".join([*toks[s:i], b]) for s in starts)
        inner = 0  # function words between w and v
        for j in range(i + 1, min(i + MAX_WORDS, len(toks))):
            v = toks[j]
            if not v[0].isalpha() or is_jamo_only(v):  # a phrase stops at punctuation and emoticons (ㅋㅋ)
                break
            inner += j > i + 1 and stop(toks[j - 1])
            if inner > MAX_INNER_STOPS:
                break
            if not stop(v) and len(v) >= 2 and v not in toks[i:j] and not is_stop_word(end(v), stops):
                out.extend(" ".join([*toks[s:j], end(v)]) for s in starts if j - s < MAX_WORDS)
    return list(dict.fromkeys(out))


def _words(phrase: str) -> int:
    return 1 if _CJK.fullmatch(phrase.replace(" ", "")) and " " not in phrase else len(phrase.split())


def covers(phrase: str, clause: str, lang: str | None) -> bool:
    """The clause contains the phrase (at a word start: "cause" is not in "because"; endings may follow; a
    Korean phrase anywhere, as compounds are written as one word, and spaced as the writer likes: "이영화" is
    in "이 영화를 봤다"), or all its content words (same stem, any order). A word alone may be matched by its
    stem; a phrase of one content word and function words only word for word, or "때문에 본 영화" (the film I saw because of) would cover every clause with 영화 (film).

    Example:
        >>> covers("cause", "because it broke", "en"), covers("engineer came", "the engineer finally came", "en")
        (False, True)
        >>> covers("to my house", "my house was cold", "en"), covers("house", "the houses were cold", "en")
        (False, True)
    """
    low = typed_letters(clause, lang).lower()
    phrase = phrase.lower()  # a label as written ("TV box"), a phrase in lower case
    if _CJK.search(phrase):  # Thai words come from the normalised text: compare with it (others are unchanged)
        return phrase in normalize_thai(low)
    # Korean writes compounds without spaces (액션영화) and particles after the word: anywhere will do; and
    # spaces itself as it likes (이영화 / 이 영화, this film; 한국영화 / 한국 영화): the phrase's letters may
    # run on over other spaces from a word start
    if _HANGUL.search(phrase) and (phrase in low or _spaced_otherwise(phrase, low)):
        return True
    if _starts_word(phrase, low):
        return True
    need = _stems(phrase, lang)
    negated = any(s.startswith(NEGATED) for s in need)
    if len(need) < 2 and " " in phrase.strip() and not negated:
        return False
    have = _stems(clause, lang)
    return bool(need) and need <= (have if negated else have | {s[1:] for s in have if s.startswith(NEGATED)})


def _negated(phrase: str, lang: str | None) -> bool:
    """The phrase holds a negation (it was made from a negated clause: "never arrived", 没有收到)."""
    if _CJK.search(phrase):
        return phrase.startswith(UNSPACED_NEGATIONS)
    return any(s.startswith(NEGATED) for s in _stems(phrase, lang))


def _negated_share(phrase: str, clauses: Sequence[str], lang: str | None) -> float:
    return sum(said_negated(phrase, c, lang) for c in clauses) / len(clauses) if clauses else 0.0


def said_negated(phrase: str, clause: str, lang: str | None) -> bool:
    """The clause holds a word of the (plain) phrase only negated: "delivered" in "not delivered", 收到 in
    没有收到.

    Example:
        >>> said_negated("received my bill", "I have not received my bill", "en")
        True
        >>> said_negated("bill", "I have not received my bill", "en")
        False
    """
    low = typed_letters(clause, lang).lower()
    if _CJK.search(phrase):
        text = normalize_thai(low)
        ats = [m.start() for m in re.finditer(re.escape(phrase), text)]
        return bool(ats) and not _negated(phrase, lang) and all(negated_after(text, a) for a in ats)
    have = _stems(clause, lang)
    return any(NEGATED + s in have and s not in have for s in _stems(phrase, lang) if not s.startswith(NEGATED))


def _spaced_otherwise(phrase: str, text: str) -> bool:
    """The phrase's letters, spaces left out, run on in the text from a word start whatever its spaces:
    "이영화" in "이 영화를 봤다" (this film), not in "같이 영화를" (together, the film).

    Example:
        >>> _spaced_otherwise("이영화", "이 영화를 봤다"), _spaced_otherwise("이영화", "같이 영화를 봤다")
        (True, False)
    """
    want = phrase.replace(" ", "")
    if want not in re.sub(r"\s+", "", text):
        return False
    kept = [i for i, ch in enumerate(text) if not ch.isspace()]
    flat = "".join(text[i] for i in kept)
    at = flat.find(want)
    while at >= 0:
        start = kept[at]
        if start == 0 or not text[start - 1].isalnum():
            return True
        at = flat.find(want, at + 1)
    return False


def _starts_word(phrase: str, text: str) -> bool:
    at = text.find(phrase)
    while at >= 0:
        if at == 0 or not text[at - 1].isalnum():
            return True
        at = text.find(phrase, at + 1)
    return False


@lru_cache(maxsize=65536)
def _stems(text: str, lang: str | None) -> frozenset[str]:
    """The stems of a text's content words, a negated one marked (:data:`~vocnlp.words.NEGATED`); cached,
    since label choice checks every phrase against every clause of its theme (76,000 checks on 5,000
    clauses: most of the fit's labelling time before)."""
    return frozenset(
        NEGATED + _stem(w[1:]) if w.startswith(NEGATED) else _stem(w)
        for w in iter_content_words(text, lang, polarity=True)
    )


def restates(a: str, b: str, lang: str | None, *, polarity: bool = True) -> bool:
    """One label says what the other says: its content words (same stem; Chinese / Japanese: segmented
    words, so 服务 is not within 服务员) are all in the other's, said the same way ("helpful" and "not
    helpful" are two labels; ``polarity=False``: one label, when two themes' labels are compared, and not
    when the parts of one "A / B" label are).

    Example:
        >>> restates("ac tidak dingin", "ac nya tidak dingin", "id"), restates("good service", "poor service", "en")
        (True, False)
        >>> restates("helpful", "not helpful", "en")
        False
    """
    sa, sb = _stems(a.lower().strip(), lang), _stems(b.lower().strip(), lang)
    if not polarity:
        sa, sb = (frozenset(w.lstrip(NEGATED) for w in x) for x in (sa, sb))
    return bool(sa) and bool(sb) and (sa <= sb or sb <= sa)


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
        for p, c in df.items():
            if c < 2 and len(own) >= 5:
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
        hits = [covered(np.array([covers(p, texts[m], lang) for m in member]), sims[:, j]) for j, p in enumerate(ps)]
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
        label_hits = np.asarray(hits[jl], dtype=bool)
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
            pair = _mixed_pair(np.asarray(hits, dtype=bool), dist, pv, ps, lang, first=first, allowed=allowed)
            if pair is not None:
                wider = _row_share(hits[pair[0]] | hits[pair[1]], rows[member])
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
    ok &= (pv @ pv[first] < 0.8) & np.array([not restates(p, phrases[first], lang, polarity=False) for p in phrases])
    ok[first] = False
    gain = np.where(ok, (hits & ~hits[first]).mean(axis=1) * dist, -1.0)
    second = int(np.argmax(gain))
    return (first, second) if gain[second] > 0 else None


def covered(lexical: np.ndarray, sims: np.ndarray) -> np.ndarray:
    """Which clauses a phrase covers: those that contain it (``lexical``) and its close variants, the clauses
    at least as similar to it (``sims``) as the lower quartile of those that contain it, counted only when
    enough clauses contain it (:data:`VARIANT_MIN_SHARE`, and 3).

    Example:
        >>> import numpy as np
        >>> covered(np.array([True, False, False]), np.array([0.5, 0.9, 0.1])).tolist()   # 1 clause holds it
        [True, False, False]
    """
    import numpy as np

    lexical = np.asarray(lexical, dtype=bool)
    if lexical.sum() < max(3, VARIANT_MIN_SHARE * len(lexical)):
        return lexical
    bar = float(np.quantile(sims[lexical], VARIANT_QUANTILE))
    return lexical | (np.asarray(sims) >= bar)


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
