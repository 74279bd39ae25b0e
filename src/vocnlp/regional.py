"""Languages that language ID reads as another, told apart by their function words: ten regional languages of
Indonesia (read as Indonesian); Nigeria's Pidgin, Hausa, Igbo and Yoruba, and Kinyarwanda, Oromo, Twi and Tsonga
(read as English, Swahili, Finnish and a dozen others).

Indonesians write reviews in Javanese, Sundanese, Minangkabau, Balinese, Banjarese, Acehnese, Buginese,
Madurese, Ngaju and Toba Batak, or mix them into Indonesian. spaCy and stopwords-iso have no list for any
of them, and fastText's model knows three (``jv``, ``su``, ``min``) and reads the others, and most of
those three, as Indonesian: 894 of NusaX's 1,000 Javanese reviews came out ``id``. Their function words
then named themes: on the Javanese reviews "karo / iki" (with / this), "lan ora" (and not), "sing apik"
(which good), "nanging ora" (but not) (benchmarks/probes/regional_words.py).

The lists (:mod:`vocnlp.regional_lists`) were written here, each word checked against its Indonesian translation
in NusaX's parallel reviews (the same 1,000 reviews in every language: "lan" stands where the Indonesian has
"dan", and, "ora" where it has "tidak", not). A language's own list holds its words and Indonesian's; Indonesian's
list takes in all of them but :data:`ID_HOMOGRAPHS`, words that are Indonesian content words too ("tiang",
Balinese I, is a pole; "lawan", Banjarese with, an opponent; "teh", a Sundanese particle, is tea).

Nigerian Pidgin (``pcm``) is read as English: 1,947 of 2,000 AfriSenti Pidgin tweets came out ``en``, and
"wetin dem" (what they), "una dey" (you are), "don dey", "na money" named their themes. Its list holds English's
and its own particles ("dey", "una", "wetin", "wey", "abeg"); English's list takes in none of them, as English
is read everywhere. Hausa and Igbo, which fastText does not know, and Yoruba, which it reads as English in a
fifth of the AfriSenti tweets, are told the same way (Igbo had no stop list at all); so are Kinyarwanda, Oromo,
Twi and Tsonga, which no detector names either (their function words had named AfriSenti themes: "kandi", and,
"cyane", very; "akka", as; "wena", you). Each language falls back on its base language (:data:`BASE`) for what
it lacks.

Example:
    >>> "lan" in FUNCTION_WORDS["jv"], "enak" in FUNCTION_WORDS["jv"]
    (True, False)
    >>> "tiang" in indonesian_extra(), "lan" in indonesian_extra()
    (False, True)
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import lru_cache

from .regional_lists import (
    BASE,
    CONTRAST_WORDS,
    FUNCTION_WORDS,
    ID_HOMOGRAPHS,
    LANGUAGES,
    MIXED_INTO_INDONESIAN,
    NEGATION_WORDS,
    NOT_EVIDENCE,
    NOT_EVIDENCE_OF,
    READ_AS,
)

__all__ = [
    "CONTRAST_WORDS",
    "FUNCTION_WORDS",
    "ID_HOMOGRAPHS",
    "LANGUAGES",
    "NEGATION_WORDS",
    "ENABLED",
    "indonesian_contrasts",
    "indonesian_extra",
    "indonesian_negations",
    "HELD_MAJORITY",
    "HELD_SHARE",
    "MIXED_INTO_INDONESIAN",
    "NOT_EVIDENCE",
    "NOT_EVIDENCE_OF",
    "RARE_SHARE",
    "READ_AS",
    "UNSURE_OTHER",
    "UNNAMED",
    "UNSURE_SHARED",
    "evidence",
    "family",
    "BASE",
    "held_language",
    "held_words",
    "regional_language",
    "relabel",
]

#: the switch: off, the stop words, negations and contrast words are as before this module (a probe's "before";
#: set it before any text is read, as those lists are cached)
ENABLED = True


@lru_cache(maxsize=1)
def indonesian_extra() -> frozenset[str]:
    """Every language's function words but :data:`ID_HOMOGRAPHS`: what Indonesian's stop list takes in, as
    text in any of these languages is mostly detected as Indonesian."""
    return _not_homographs(frozenset().union(*(FUNCTION_WORDS[lang] for lang in LANGUAGES)))


def _not_homographs(words: Iterable[str]) -> frozenset[str]:
    """``words`` but :data:`ID_HOMOGRAPHS`, spelt with or without accents (Sundanese "téh" is "teh", tea)."""
    from .words import fold

    return frozenset(w for w in words if w not in ID_HOMOGRAPHS and fold(w) not in ID_HOMOGRAPHS)


@lru_cache(maxsize=1)
def indonesian_negations() -> tuple[str, ...]:
    """The negation words Indonesian's list takes in: each language's, but homographs and Balinese "sing"
    (Javanese "which")."""
    words = _not_homographs(w for lang in LANGUAGES for w in NEGATION_WORDS[lang]) - {"sing"}
    return tuple(sorted(words))


@lru_cache(maxsize=1)
def indonesian_contrasts() -> tuple[str, ...]:
    """The contrast words Indonesian's list takes in: each language's but homographs (Madurese "tape", but,
    is fermented cassava)."""
    words = _not_homographs(w for lang in LANGUAGES for w in CONTRAST_WORDS[lang]) - {"tape", "tapi"}
    return tuple(sorted(words))


#: a text that language ID read as another language (not the base) with less confidence than this takes the held
#: language on one of its words: fastText read 14% of 2,000 Hausa tweets as Swahili, 8% as Indonesian
UNSURE_OTHER = 0.9
#: ... or on two of its function words, its short particles that other languages share included ("Allah ya
#: kwace mu": ya, mu), and more of them than of the function words of the language it was read as that the held
#: language lacks, where the data set is mostly in it (:data:`HELD_MAJORITY`): fastText read a fifth of 2,000
#: Hausa tweets as Swahili, Indonesian, Malay, Tagalog and a dozen others, most of them unsure and holding none
#: of Hausa's telling words (benchmarks/probes/afrisenti_labels.py)
UNSURE_SHARED = 2
#: ... or on none, where the held language holds this share of the whole data set and the language it was read
#: as under :data:`RARE_SHARE`: a tweet of a data set 80% Hausa read as Turkish (0.43) or Esperanto (0.73) is
#: Hausa, which fastText cannot name, more likely than a language that data set barely holds; as is one that
#: holds no function word of the language it was read as (but those it shares with the held language) where
#: no detector names the held language (:data:`UNNAMED`: Oromo read as Finnish)
HELD_MAJORITY = 0.5
RARE_SHARE = 0.03
#: the languages that language ID cannot name (fastText's model and Lingua have none of them): a text of one is
#: read as some language they know, often sure of it ("Ife dị mma", Igbo, as Vietnamese 0.99), so where a data set
#: is mostly in one of them (:data:`HELD_MAJORITY`) a sure reading is no sign against it
#: (Tsonga: Lingua knows it, but `auto` asks Lingua only among fastText's guesses, which never name it)
UNNAMED = frozenset({"ha", "ig", "pcm", "rw", "om", "tw", "ts", "ban", "bjn", "ace", "bug", "mad", "nij", "bbc"})
#: a data set where a language holds this share of the texts read as its base's family: one word of it will do
#: (2,000 AfriSenti Hausa tweets: 0.197 of those read as English or Hausa by the first pass, whose prior this is)
HELD_SHARE = 0.15
#: a word with its combining marks (Yoruba's tones, NFC-composed first) and apostrophes ("don't" is one word, not
#: Pidgin "don")
_TOKEN = re.compile(r"[^\W\d_](?:[^\W\d_]|[\u0300-\u036f])*(?:['\u2019][^\W\d_]+)*")


@lru_cache(maxsize=4096)
def _tokens(text: str) -> tuple[str, ...]:
    """The words of ``text``, lower-cased and NFC-composed (:data:`_TOKEN`); cached, as :func:`relabel` asks
    :func:`regional_language`, :func:`held_words` and :func:`_signs_of` of one text in a row."""
    return tuple(_TOKEN.findall(unicodedata.normalize("NFC", text.lower())))


@lru_cache(maxsize=1)
def evidence() -> dict[str, frozenset[str]]:
    """Per language, the function words that tell it from its base language: its own, less its base's and English's
    stop words, :data:`NOT_EVIDENCE` and its own :data:`NOT_EVIDENCE_OF` (and for Indonesia's, :data:`ID_HOMOGRAPHS` and
    :data:`MIXED_INTO_INDONESIAN`)."""
    from .words import listed_stop_words

    drop = NOT_EVIDENCE | listed_stop_words("en")
    indonesian = ID_HOMOGRAPHS | MIXED_INTO_INDONESIAN  # Indonesian's words: no sign against Indonesian only
    return {
        lang: words
        - drop
        - NOT_EVIDENCE_OF.get(lang, frozenset())
        - listed_stop_words(BASE[lang])
        - (indonesian if BASE[lang] == "id" else frozenset())
        for lang, words in FUNCTION_WORDS.items()
    }


def regional_language(text: str, held: str | None = None, *, base: str = "id", fallback: bool = True) -> str | None:
    """The language of ``base`` (:data:`BASE`) that ``text`` read as ``base`` is in, or None (``base`` itself,
    or nothing tells): the language of most :func:`evidence` words when it has two or more and no other as many;
    where the data set is mostly in ``held`` (:func:`held_language`), one of its words will do, as will none
    when the text holds no word of the base's own either (a text of content words only, "Panganane enak, regane
    murah"; ``fallback=False``: not so).

    On NusaX's reviews (benchmarks/probes/regional_words.py), as the language detector uses it (with the data
    set's share of each language), 87-96% of each language's 1,000 reviews are read as that language (Javanese
    95%; by two words alone 57-81%) and none of the 1,000 Indonesian ones; of 8,468 other Indonesian reviews
    (IndoNLU, SmSA) 2 by two words. AfriSenti, 2,000 tweets each: Pidgin 94% (by two words alone 76%), Hausa
    76%, Igbo 80%, Yoruba 93% (fastText knows Yoruba); none of 35,000 English texts (NPS verbatims, UCI
    sentences, banking77, CLINC150, Bitext) by two words.

    Example:
        >>> regional_language("Panganane enak, regane ora larang, uga pas kanggo keluarga"), regional_language("Makanannya enak")
        ('jv', None)
        >>> regional_language("Panganane enak", held="jv"), regional_language("Makanannya enak sekali", held="jv")
        ('jv', None)
        >>> regional_language("abeg wetin dey happen for dis country", base="en")
        'pcm'
    """
    tokens = _tokens(text)
    index = _evidence_index(base)
    counts = Counter(lang for t in tokens for lang in index.get(t, ()))
    ranked = [*counts.most_common(2), ("", 0), ("", 0)]
    (best, n), (_, runner_up) = ranked[0], ranked[1]
    if n > runner_up and n >= 2:
        return best
    if n >= 1 and held is not None and counts.get(held, 0) == n:  # a word the held language shares ("na") will do
        return held
    if held is None or n > 0 or BASE.get(held) != base or not fallback:
        return None
    return None if any(t in _base_only(base) for t in tokens) else held


@lru_cache(maxsize=4)
def _evidence_index(base: str) -> dict[str, tuple[str, ...]]:
    """:func:`evidence` of the languages of ``base`` by word: the languages each word is a sign of (one lookup a
    word, as the detector reads every text of a data set)."""
    index: dict[str, list[str]] = {}
    for lang, words in evidence().items():
        if BASE[lang] == base:
            for w in words:
                index.setdefault(w, []).append(lang)
    return {w: tuple(langs) for w, langs in index.items()}


@lru_cache(maxsize=4)
def _base_only(base: str) -> frozenset[str]:
    """The base language's function words that none of its languages shares (its list, less theirs)."""
    from .words import listed_stop_words

    theirs = [words for lang, words in FUNCTION_WORDS.items() if BASE[lang] == base]
    return listed_stop_words(base) - frozenset().union(*theirs)


def held_words(text: str, lang: str) -> int:
    """How many of ``text``'s words are function words of ``lang`` (:data:`FUNCTION_WORDS`), short particles that
    other languages write too included ("ya", "mu", "da"), and English's left out: the weaker sign a text read,
    unsure, as another language gives where the data set is mostly in ``lang`` (:data:`UNSURE_SHARED`).

    Example:
        >>> held_words("Allah ya kwace mu", "ha"), held_words("Habari ya leo", "ha")
        (2, 1)
    """
    words = _held_words(lang)
    return sum(t in words for t in _tokens(text))


def _signs_of(text: str, lang: str, held: str) -> int:
    """How many of ``text``'s words are function words of ``lang``, the language it was read as, that ``held``
    lacks: none in 10% of 2,000 Kinyarwanda tweets read as Swahili, 9% of Oromo ones read as Finnish (names and
    content words only, "Oduu Fulbaana 10,2022 WBOn Bunnoo Baddellee bakka hedduu dhunfachuufi")."""
    words = _signs(lang, held)
    return sum(t in words for t in _tokens(text))


@lru_cache(maxsize=64)
def _signs(lang: str, held: str) -> frozenset[str]:
    from .words import listed_stop_words

    return listed_stop_words(lang) - FUNCTION_WORDS.get(held, frozenset())


@lru_cache(maxsize=16)
def _held_words(lang: str) -> frozenset[str]:
    from .words import listed_stop_words

    return frozenset(w for w in FUNCTION_WORDS.get(lang, frozenset()) if len(w) >= 2) - listed_stop_words("en")


def _held_elsewhere(texts: Sequence[str], langs: Sequence[str | None], base: str, keep: frozenset[str]) -> str | None:
    """The language of ``base`` that two of its words tell in :data:`HELD_SHARE` of all the texts with a language,
    where language ID reads it as others than its base, and more of its function words than of theirs: fastText
    read 2,000 Oromo tweets as Finnish (71%), Somali and Estonian, none as English."""
    found: Counter[str] = Counter()
    for text, lang in zip(texts, langs):
        if lang is None or lang in keep or lang in BASE or lang in READ_AS[base]:
            continue
        # and more of its words than of the function words of the language it was read as that it lacks: Swahili
        # tweets, read as Swahili, hold "na", "kwa" (Igbo's too) and "sana", "hii", "wote" (Swahili's alone)
        told = regional_language(text, base=base)
        if told is not None and held_words(text, told) > _signs_of(text, lang, told):
            found[told] += 1
    known = sum(lang is not None for lang in langs)
    top = found.most_common(1)
    return top[0][0] if top and top[0][1] >= HELD_SHARE * known else None


def held_language(shares: Mapping[str, float] | None, base: str = "id") -> str | None:
    """The language of ``base`` that holds :data:`HELD_SHARE` of the texts read as its family (``base``, the codes
    of :data:`READ_AS` and its languages), by the languages' ``shares`` in a data set (the language detector's
    prior), if one does.

    Example:
        >>> held_language({"jv": 0.7, "id": 0.3}), held_language({"id": 0.95, "jv": 0.05}), held_language(None)
        ('jv', None, None)
    """
    if not shares:
        return None
    family = sum(v for k, v in shares.items() if k in READ_AS[base] or BASE.get(k) == base)
    ranked = sorted(((v, k) for k, v in shares.items() if BASE.get(k) == base), reverse=True)
    if not ranked or family <= 0 or ranked[0][0] < HELD_SHARE * family:
        return None
    return ranked[0][1]


def family(lang: str | None) -> str | None:
    """The base (:data:`BASE`) of these languages, else ``lang``: where the theme layer asks whether one language
    holds a data set, a Javanese set whose short content-word comments read as Indonesian (8% of NusaX's) is one
    language, and a Pidgin one with English comments too.

    Example:
        >>> family("jv"), family("id"), family("pcm"), family("de")
        ('id', 'id', 'en', 'de')
    """
    return BASE.get(lang or "", lang) if ENABLED else lang


def relabel(
    texts: Sequence[str],
    read: Sequence[tuple[str, float] | None],
    prior: Mapping[str, float] | None,
    *,
    allowed: Callable[[str], bool],
    keep: frozenset[str] = frozenset(),
) -> dict[int, str]:
    """Which of ``texts``, ``read`` by language ID as ``(language, confidence)``, are in one of these languages: a
    text read as its base's family (:data:`READ_AS`) by :func:`regional_language`, with the language the data set
    is mostly in (:func:`held_language` of the ``prior``, else of these texts' two-word readings, else of those of
    the texts read as other languages: Oromo is read as Finnish, never as English); a text read as
    another language (not one of ``keep``, which a writing system decided, nor one of these) when it holds two
    words of the held language, or, where its reading was unsure (:data:`UNSURE_OTHER`), one of them or two of its
    function words of any kind (:func:`held_words`, :data:`UNSURE_SHARED`) or none where the data set is mostly in
    the held language (:data:`HELD_MAJORITY`) and barely in the one it was read as (:data:`RARE_SHARE`); there,
    sure or not where language ID cannot name the held language (:data:`UNNAMED`). ``allowed``: the
    caller's languages. fastText read 894 of NusaX's 1,000 Javanese reviews as Indonesian and 1,947 of 2,000
    Pidgin tweets as English.

    Example:
        >>> texts = ["panganane enak, regane ora larang, uga pas kanggo keluarga", "makanannya enak"]
        >>> relabel(texts, [("id", 0.9), ("id", 0.95)], {"id": 0.9, "jv": 0.1}, allowed=lambda lang: True)
        {0: 'jv'}
        >>> relabel(texts, [("id", 0.9), ("id", 0.95)], {"id": 0.3, "jv": 0.7}, allowed=lambda lang: True)  # held
        {0: 'jv', 1: 'jv'}
    """
    langs = [r[0] if r is not None else None for r in read]
    changes: dict[int, str] = {}
    for base, read_as in READ_AS.items():
        family = [i for i, lang in enumerate(langs) if lang in read_as]
        strong = {i: regional_language(texts[i], base=base) for i in family}
        if prior is not None:
            held = held_language(prior, base)
        else:
            counts = Counter(lang for lang in strong.values() if lang)
            held = (
                held_language({k: v / len(family) for k, v in counts.items()} | {base: 1.0}, base) if family else None
            )
            if held is None:
                held = _held_elsewhere(texts, langs, base, keep)
        for i in family:
            lang = strong[i] or (regional_language(texts[i], held, base=base) if held else None)
            if lang is not None and allowed(lang):
                changes[i] = langs[i] = lang
        if held is None or not allowed(held):
            continue
        # a data set mostly in one of them: its text read as another Latin-script language (Buginese as Finnish,
        # Hausa as Swahili) when it holds two of its words, or one where that reading was unsure
        members = set(family)
        known = Counter(lang for lang in langs if lang is not None)
        shares = prior if prior is not None else {k: v / max(known.total(), 1) for k, v in known.items()}
        majority = shares.get(held, 0.0) >= HELD_MAJORITY
        for i, r in enumerate(read):
            lang = langs[i]
            if i in members or r is None or lang is None or lang in keep or lang in BASE:
                continue
            # the weaker signs only where the data set is mostly in the held language: Sundanese, held by the few
            # Hausa tweets read as it, shares "ka", "ku", "na" with Hausa and had taken 412 of 2,000 Hausa tweets
            signs = _signs_of(texts[i], lang, held) if majority else 0
            weak = majority and (
                held_words(texts[i], held) >= max(UNSURE_SHARED, signs + 1)
                or shares.get(lang, 0.0) < RARE_SHARE
                or (held in UNNAMED and not signs)
            )
            if regional_language(texts[i], base=base) == held or (
                (r[1] < UNSURE_OTHER or (majority and held in UNNAMED))
                and (weak or regional_language(texts[i], held, base=base, fallback=False) == held)
            ):
                changes[i] = langs[i] = held
    return changes
