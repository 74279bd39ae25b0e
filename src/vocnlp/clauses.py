"""Splitting comments into sentences and clauses, so each part gets its own sentiment (and theme).

Sentences come from spaCy's rule-based sentencizer on ``spacy.blank("xx")`` (any language), plus
full-width CJK punctuation, which the multilingual tokenizer keeps inside one token. Clauses then split
at contrast words (``but``, ``aber``, ``mais``, ``pero``, ``ale``, ``но``, ``men``, ``但是``, ``اما``...),
where a comment typically turns from praise to complaint. Offsets index the text as given.

Example:
    >>> [c.text for c in split_clauses("The staff were lovely but the app keeps crashing.")]
    ['The staff were lovely', 'but the app keeps crashing.']
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

__all__ = ["Clause", "split_clauses", "CONTRAST_WORDS"]

#: Contrast words that start a new clause (whole words, case-insensitive), by language.
CONTRAST_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("but", "however", "although", "though", "whereas", "yet", "except that"),
    "de": ("aber", "jedoch", "allerdings", "trotzdem", "obwohl", "leider"),
    "fr": ("mais", "cependant", "pourtant", "toutefois", "malheureusement", "bien que"),
    "es": ("pero", "sin embargo", "aunque", "lamentablemente"),
    "it": ("ma", "però", "tuttavia", "purtroppo", "anche se"),
    "pt": ("mas", "porém", "contudo", "entretanto", "no entanto", "infelizmente"),
    "nl": ("maar", "echter", "helaas", "hoewel"),
    "pl": ("ale", "jednak", "lecz", "niestety", "chociaż"),
    "ru": ("но", "однако", "зато", "хотя", "к сожалению"),
    "uk": ("але", "однак", "проте", "на жаль"),
    "sv": ("men", "dock", "tyvärr"), "da": ("men", "dog", "desværre"), "no": ("men", "dessverre"),
    "fi": ("mutta", "kuitenkin", "valitettavasti"),
    "tr": ("ama", "fakat", "ancak", "maalesef"),
    "cs": ("ale", "však", "bohužel"),
    "ro": ("dar", "însă", "totuși", "din păcate"),
    "hu": ("de", "viszont", "azonban", "sajnos"),
    "el": ("αλλά", "όμως", "ωστόσο", "δυστυχώς"),
    "ar": ("لكن", "ولكن", "اما", "أما", "لكنه", "لكنها", "للأسف"),
    "fa": ("اما", "ولی", "متاسفانه"),
    "he": ("אבל", "אולם", "לצערי"),
    "hi": ("लेकिन", "परंतु", "मगर"),
    "id": ("tapi", "tetapi", "namun", "sayangnya"),
    "vi": ("nhưng", "tuy nhiên"),
}
# Scripts without spaces: split before these words wherever they occur.
_CJK_BEFORE = ("但是", "可是", "不过", "不過", "然而", "但", "しかし", "でも", "하지만", "그런데", "그러나")
# Japanese and Korean contrast endings: split after them.
_CJK_AFTER = ("けれども", "けれど", "けど", "が、", "지만")
_CJK_SENTENCE_END = "。！？；!?;"

_MIN_LETTERS = 2  # a piece with fewer letters is glued to its neighbour


@dataclass(frozen=True)
class Clause:
    """A span of a comment: ``text == comment[start:end]``."""

    text: str
    start: int
    end: int


def _word_pattern() -> re.Pattern[str]:
    words = sorted({w for ws in CONTRAST_WORDS.values() for w in ws}, key=len, reverse=True)
    alt = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    # a contrast word after a space or punctuation, followed by a space (not inside another word)
    return re.compile(rf"(?<=[\s,;:(\-–—])(?:{alt})(?=[\s,])", re.IGNORECASE)


_WORDS = _word_pattern()
_CJK_SPLIT = re.compile("|".join([*(f"(?={re.escape(w)})" for w in _CJK_BEFORE),
                                  *(f"(?<={re.escape(w)})" for w in _CJK_AFTER),
                                  f"(?<=[{re.escape(_CJK_SENTENCE_END)}])"]))
_CJK_CHAR = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_lock = threading.Lock()


@lru_cache(maxsize=1)
def _sentencizer() -> Any:
    from ._lazy import import_optional

    spacy = import_optional("spacy")
    nlp = spacy.blank("xx")
    nlp.add_pipe("sentencizer")
    return nlp


def _sentences(text: str) -> list[tuple[int, int]]:
    with _lock:  # spaCy Language objects are not documented as thread-safe
        doc = _sentencizer()(text)
    return [(s.start_char, s.end_char) for s in doc.sents]


def _letters(s: str) -> int:
    return sum(ch.isalpha() for ch in s)


def _cut(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split one sentence at contrast words and CJK boundaries."""
    cuts = {m.start() + start for m in _WORDS.finditer(text, start, end)}
    if _CJK_CHAR.search(text, start, end):
        cuts |= {m.start() + start for m in _CJK_SPLIT.finditer(text[start:end])}
    bounds = sorted(c for c in cuts if start < c < end)
    spans, prev = [], start
    for c in [*bounds, end]:
        spans.append((prev, c))
        prev = c
    return spans


def split_clauses(text: str, *, max_clauses: int = 32) -> list[Clause]:
    """Sentences and contrast clauses of ``text``, trimmed of surrounding spaces, in order.

    Pieces with fewer than two letters are glued to the previous piece; a comment with more than
    ``max_clauses`` pieces keeps its first ``max_clauses - 1`` and one last piece with the rest.

    Example:
        >>> [c.text for c in split_clauses("服务员很热情，但是菜上得太慢了。")]
        ['服务员很热情，', '但是菜上得太慢了。']
    """
    if not text or not text.strip():
        return []
    spans: list[tuple[int, int]] = []
    for s, e in _sentences(text):
        spans.extend(_cut(text, s, e))
    merged: list[list[int]] = []
    for s, e in spans:
        if merged and (_letters(text[s:e]) < _MIN_LETTERS or _letters(text[merged[-1][0]:merged[-1][1]]) < _MIN_LETTERS):
            merged[-1][1] = e
        else:
            merged.append([s, e])
    if len(merged) > max_clauses:
        merged = [*merged[: max_clauses - 1], [merged[max_clauses - 1][0], merged[-1][1]]]
    out = []
    for s, e in merged:
        piece = text[s:e]
        lead = len(piece) - len(piece.lstrip())
        trail = len(piece.rstrip())
        if trail > lead:
            out.append(Clause(text[s + lead : s + trail], s + lead, s + trail))
    return out
