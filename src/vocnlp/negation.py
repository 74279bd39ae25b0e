"""Negation: which words of a clause are said not to be ("not received", "no internet", "tidak dingin").

Theme labels are phrases the customers wrote, and coverage counts the clauses that contain them. Without
negation a theme of "Ainda não recebi o produto" (still not received) was named "recebi o produto" (received
the product), "tidak ada air panas" (no hot water) "air panas" (hot water), and "received my bill" counted
as said by "I have not received my bill". Here a word is negated when a negation word of the clause's own
language stands before it with at most :data:`MAX_GAP` function words between ("did not receive", "don't
have any internet") and no punctuation; in Chinese and Thai, where words are not spaced, when the word
follows a negation directly (没有收到, ไม่อร่อย). Korean negates after the word (지루하지 않다, 재미는 없다), which
:func:`vocnlp.words.ko_negated` reads from Kiwi's morphemes; other languages that negate after the word (Turkish,
Japanese endings) are not covered: their words keep their plain sense.

Example:
    >>> toks = "i have not received my bill".split()
    >>> negation_lead(toks, 3, negation_words("en"), lambda w: w in {"i", "have", "my"})
    2
    >>> negation_lead(toks, 5, negation_words("en"), lambda w: w in {"i", "have", "my"}) is None
    True
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache

__all__ = ["MAX_GAP", "NEGATION_WORDS", "UNSPACED_NEGATIONS", "negation_lead", "negation_words", "negated_after"]

#: negation words (lower case) by language: each stands before what it negates
NEGATION_WORDS: dict[str, tuple[str, ...]] = {
    "en": (
        "no",
        "not",
        "never",
        "without",
        "nothing",
        "none",
        "nobody",
        "neither",
        "nor",
        "cannot",
        "don't",
        "dont",
        "didn't",
        "didnt",
        "doesn't",
        "doesnt",
        "isn't",
        "isnt",
        "wasn't",
        "wasnt",
        "aren't",
        "weren't",
        "haven't",
        "havent",
        "hasn't",
        "hasnt",
        "hadn't",
        "can't",
        "cant",
        "couldn't",
        "won't",
        "wont",
        "wouldn't",
        "shouldn't",
    ),
    "pt": ("não", "nao", "nunca", "sem", "nem", "nenhum", "nenhuma", "jamais"),
    "es": ("no", "nunca", "sin", "ni", "ningún", "ninguna", "ninguno", "jamás", "tampoco"),
    "fr": ("pas", "jamais", "sans", "aucun", "aucune", "ni"),
    "de": ("nicht", "kein", "keine", "keinen", "keinem", "keiner", "keines", "nie", "niemals", "ohne"),
    "it": ("non", "mai", "senza", "nessun", "nessuno", "nessuna", "né"),
    "nl": ("niet", "geen", "nooit", "zonder"),
    "sv": ("inte", "ej", "ingen", "inget", "inga", "aldrig", "utan"),
    "da": ("ikke", "ingen", "intet", "aldrig", "uden"),
    "no": ("ikke", "ingen", "aldri", "uten"),
    "pl": ("nie", "bez", "żaden", "żadna", "żadnego", "nigdy"),
    "cs": ("ne", "bez", "žádný", "žádná", "nikdy"),
    "ru": ("не", "нет", "без", "никогда"),
    "uk": ("не", "немає", "без", "ніколи"),
    "ro": ("nu", "fără", "niciodată", "niciun", "nicio"),
    "hu": ("nem", "nincs", "soha"),
    "el": ("δεν", "μη", "μην", "χωρίς", "ποτέ"),
    "id": (
        "tidak",
        "tak",
        "belum",
        "bukan",
        "tanpa",
        "kurang",
        "gak",
        "ga",
        "nggak",
        "enggak",
        "ngga",
        "tdk",
        "gk",
        "blm",
    ),
    "vi": ("không", "chưa", "chẳng", "chả"),
    "tl": ("hindi", "wala"),
    "sw": ("hakuna", "bila"),
    "ar": ("لا", "لم", "لن", "ليس", "بدون"),
    "fa": ("نه", "بدون"),
    "he": ("לא", "אין", "בלי", "ללא"),
    "hi": ("नहीं", "बिना", "मत"),
}
_ALIASES = {"nb": "no", "nn": "no", "ms": "id", "in": "id", "iw": "he"}
#: Chinese and Thai negations, written onto the word they negate (the longest first)
UNSPACED_NEGATIONS: tuple[str, ...] = (
    "ไม่ค่อย",
    "ไม่ได้",
    "ไม่มี",
    "ไม่",
    "没有",
    "沒有",
    "不太",
    "不够",
    "不是",
    "没",
    "沒",
    "不",
    "未",
    "无",
    "無",
)
#: at most this many function words between a negation and its word ("don't have any internet")
MAX_GAP = 2


@lru_cache(maxsize=128)
def negation_words(lang: str | None) -> frozenset[str]:
    """The negation words of ``lang`` (English for None); empty where the language negates otherwise.

    Example:
        >>> "não" in negation_words("pt"), negation_words("tr")
        (True, frozenset())
    """
    from . import regional

    key = _ALIASES.get(lang or "en", lang or "en")
    words = NEGATION_WORDS.get(key, ())
    if regional.ENABLED and key in regional.NEGATION_WORDS:  # a regional language: its own and its base's
        words = (*NEGATION_WORDS[regional.BASE[key]], *regional.NEGATION_WORDS[key])
    elif regional.ENABLED and key == "id":
        words = (*words, *regional.indonesian_negations())
    return frozenset([*words, *(w.replace("'", "\u2019") for w in words)])  # "don't" and "don’t"


def negation_lead(
    tokens: Sequence[str], i: int, negations: frozenset[str], is_function: Callable[[str], bool]
) -> int | None:
    """The index of the negation that ``tokens[i]`` falls under, or None. ``tokens`` are lower-cased words
    and punctuation (punctuation ends the reach of a negation); ``is_function`` tells the function words
    that may stand between.

    Example:
        >>> negation_lead(["no", ",", "fast"], 2, negation_words("en"), lambda w: False) is None
        True
    """
    if not negations:
        return None
    for k in range(i - 1, max(i - 2 - MAX_GAP, -1), -1):
        t = tokens[k]
        if t in negations:
            return k
        if not t[:1].isalpha() or not is_function(t):
            return None
    return None


def negated_after(text: str, at: int | None = None) -> str | None:
    """The Chinese / Thai negation written directly before ``text[at:]`` (at the end of ``text`` without
    ``at``), or None.

    Example:
        >>> negated_after("还没有收到货", 3), negated_after("收到货了", 0), negated_after("还没")
        ('没有', None, '没')
    """
    head = text if at is None else text[:at]
    return next((n for n in UNSPACED_NEGATIONS if head.endswith(n)), None)
