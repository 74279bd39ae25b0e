"""Phrases in clauses: the candidate phrases of a clause and whether a clause says a phrase.

:func:`candidates` gives a clause's single content words and word sequences of 2-5 words that start and end
with a content word (Chinese / Japanese: segmented words, up to :data:`MAX_CJK`); :func:`covers` says whether a
clause holds a phrase (word for word at a word start, or all its content words by stem; Korean spaced as the
writer likes), :func:`said_negated` whether it holds it only negated, :func:`restates` whether one phrase says
what another says. Theme labels (:mod:`.labels`) and anchors (:mod:`.anchors`) read phrases through these.

Example:
    >>> candidates("the parcel never arrived at my house", "en")[:4]
    ['parcel', 'parcel never arrived', 'never arrived', 'arrived']
    >>> covers("engineer came", "the engineer finally came", "en"), restates("good service", "poor service", "en")
    (True, False)
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import lru_cache

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
    normalize_thai,
    segment,
    stop_words,
    typed_letters,
)

__all__ = ["MAX_WORDS", "candidates", "covers", "said_negated", "restates"]

_TOKEN = re.compile(rf"{LETTERS}(?:['\u2019-]{LETTERS})*|\d+|[^\w\s]", re.UNICODE)
_CJK = UNSPACED_RUN
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
MAX_WORDS = 5
#: a phrase holds at most this many function words between its first and last word: "spoke to was very
#: helpful" (of "the person I spoke to was very helpful", three) ran across a relative clause and named an NPS
#: theme; "waiting for my order", "service has been poor" keep theirs
MAX_INNER_STOPS = 2
MAX_CJK = 6
#: a phrase's last word is matched at a word start with endings after it ("house" in "houses", "harga" in "harganya")
#: when it has this many letters; a shorter one only as a whole word: held-out SmSA reviews had a theme named "ku"
#: (my) "in 92% of its comments", as it started "kurang" (less), "kue" (cake), "kuliner" (cuisine)
ENDINGS_AFTER = 3
# Chinese / Japanese have no spaces: a candidate must start and end on an ideograph or katakana (not on
# hiragana particles and endings) and not on a Chinese function character, so it does not cut words
_CJK_EDGE = re.compile(r"[\u30a0-\u30ff\u3400-\u9fff]")
_ZH_FUNCTION = set("的了是也很都就还在有个不和我你他她它们这那吧呢吗啊哦么着过给把被让比而且又再才只会要能可以")


#: Indonesian, Malay and Banjarese write "the" onto a word: "hotelnya" (the hotel),
#: "tidurnya" (the sleep). Read without it only where the two parts of one "A / B" label are compared: IndoNLU
#: themes read "kamar hotel / hotelnya", "nyaman tidur / tidurnya" (everywhere it was tried on 2026-12-05 and not
#: kept: RESULTS.md, "Themes on real data")
ENCLITIC = re.compile(r"(?<=\w{3})nya\b")
ENCLITIC_LANGUAGES = frozenset({"id", "ms", "bjn"})  # Banjarese writes it so too; Javanese -e, Sundanese -na


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
                tail = [end(v), *_stranded(toks, j, lang)]
                out.extend(" ".join([*toks[s:j], *tail]) for s in starts if j - s < MAX_WORDS)
    return list(dict.fromkeys(out))


#: English prepositions a relative clause leaves at its end ("the person I spoke to was helpful", "the lady I
#: dealt with", "what I paid for"), and the words after which such a clause has ended
_EN_STRANDED = frozenset({"to", "with", "for", "about", "from", "on"})
_SENTENCE_MARKS = frozenset(".!?;:)")
_EN_CLAUSE_GOES_ON = frozenset(
    "was were is are has had have did does could would will should can seemed said told".split()  # noqa: SIM905
)
#: phrases end on the preposition a relative clause leaves at its end: NPS themes were named "person I spoke"
#: and "lady I spoke"; False turns it off (benchmarks/probes/stranded_prepositions.py)
KEEP_STRANDED = True


def incomplete(counts: Mapping[str, int]) -> set[str]:
    """The phrases of ``counts`` (a theme's candidates and their clause counts) that stop short of the
    preposition their relative clause ends on in at least half as many clauses: "person i spoke" where "person
    i spoke to" is said, so the theme is named by the phrase as said.

    Example:
        >>> incomplete({"person i spoke": 9, "person i spoke to": 6, "engineer came": 5, "engineer came to": 1})
        {'person i spoke'}
    """
    out = set()
    for p, c in counts.items():
        head, _, last = p.rpartition(" ")
        if last in _EN_STRANDED and head in counts and 2 * c >= counts[head]:
            out.add(head)
    return out


def _stranded(toks: Sequence[str], j: int, lang: str | None) -> list[str]:
    """The stranded preposition after ``toks[j]``, as a list of 0 or 1 word: English, a phrase of two words or
    more (the caller's), the preposition followed by the clause's end, a sentence mark, or a verb that goes on
    ("spoke to was", "spoke to."; not "spoke to the manager").

    Example:
        >>> _stranded("the person i spoke to was great".split(), 3, "en"), _stranded("i spoke to the boss".split(), 1, "en")
        (['to'], [])
    """
    if not KEEP_STRANDED or lang not in (None, "en") or j + 1 >= len(toks) or toks[j + 1] not in _EN_STRANDED:
        return []
    after = toks[j + 2] if j + 2 < len(toks) else None
    # not before a comma: numbers and masked tokens are read as one ("waiting for 3 weeks")
    return [toks[j + 1]] if after is None or after in _SENTENCE_MARKS or after in _EN_CLAUSE_GOES_ON else []


def _words(phrase: str) -> int:
    return 1 if _CJK.fullmatch(phrase.replace(" ", "")) and " " not in phrase else len(phrase.split())


def covers(phrase: str, clause: str, lang: str | None) -> bool:
    """The clause contains the phrase (at a word start: "cause" is not in "because"; endings may follow; a
    Korean phrase anywhere, as compounds are written as one word, and spaced as the writer likes: "이영화" is
    in "이 영화를 봤다"), or all its content words (same stem, any order). Endings may follow a last word of
    :data:`ENDINGS_AFTER` letters or more: Indonesian "ku" (my) is no part of "kurang" (less), nor "ac" of
    "acara". A word alone may be matched by its stem; a phrase of one content word and function words only
    word for word, or "때문에 본 영화" (the film I saw because of) would cover every clause with 영화 (film).

    Example:
        >>> covers("cause", "because it broke", "en"), covers("engineer came", "the engineer finally came", "en")
        (False, True)
        >>> covers("to my house", "my house was cold", "en"), covers("house", "the houses were cold", "en")
        (False, True)
        >>> covers("ku", "rasanya kurang enak", "id"), covers("ku", "tas ku buatan lokal", "id")
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
    if _starts_word(phrase, low, whole=len(phrase.rsplit(" ", 1)[-1]) < ENDINGS_AFTER):
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


def _starts_word(phrase: str, text: str, *, whole: bool = False) -> bool:
    """``phrase`` is in ``text`` at a word start; ``whole``: and at a word end too."""
    at = text.find(phrase)
    while at >= 0:
        end = at + len(phrase)
        if (at == 0 or not text[at - 1].isalnum()) and not (whole and end < len(text) and text[end].isalnum()):
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


def restates(a: str, b: str, lang: str | None, *, polarity: bool = True, enclitics: bool = False) -> bool:
    """One label says what the other says: its content words (same stem; Chinese / Japanese: segmented
    words, so 服务 is not within 服务员) are all in the other's, said the same way ("helpful" and "not
    helpful" are two labels; ``polarity=False``: one label, when two themes' labels are compared, and not
    when the parts of one "A / B" label are). ``enclitics``: an Indonesian word is read without the "-nya"
    written onto it ("hotelnya", the hotel), as when the two parts of one label are compared (:data:`ENCLITIC`).

    Example:
        >>> restates("ac tidak dingin", "ac nya tidak dingin", "id"), restates("good service", "poor service", "en")
        (True, False)
        >>> restates("helpful", "not helpful", "en")
        False
        >>> restates("hotelnya", "kamar hotel", "id"), restates("hotelnya", "kamar hotel", "id", enclitics=True)
        (False, True)
    """
    a, b = a.lower().strip(), b.lower().strip()
    if enclitics and lang in ENCLITIC_LANGUAGES:
        a, b = ENCLITIC.sub("", a), ENCLITIC.sub("", b)
    sa, sb = _stems(a, lang), _stems(b, lang)
    if not polarity:
        sa, sb = (frozenset(w.lstrip(NEGATED) for w in x) for x in (sa, sb))
    return bool(sa) and bool(sb) and (sa <= sb or sb <= sa)
