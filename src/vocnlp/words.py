"""Content words: what in a comment says what it is about (masked, lower-cased, stop words dropped).

Used where a word count must mean something: the clause splitter never leaves a clause without content
words, ThemeModel keeps fragments with fewer than two content words out of the theme fit, and theme
keywords and labels are built from them. URLs, e-mail addresses, @handles, #tags and numbers are
masked; stop words are spaCy's per language (English ones too, since code-switching is common), with
their accent-free spellings ("cok", "icin" for Turkish "çok", "için": people type without diacritics).
Chinese and Japanese have no spaces: their runs are segmented into words (:func:`segment`: jieba-rs for
Chinese, MeCab with UniDic-lite for Japanese, from the ``cjk`` extra), and only nouns, verbs and
adjectives count; without the extra, character bigrams stand in.

Example:
    >>> content_words("The engineer never came on the 14th, called @acme_help 3 times!", "en")
    ['engineer', 'came', 'called', 'times']
    >>> content_words("快递太慢了", "zh")
    ['快递', '太慢']
"""

from __future__ import annotations

import importlib
import logging
import re
import threading
import unicodedata
from functools import lru_cache
from typing import Any, NamedTuple

logger = logging.getLogger(__name__)

__all__ = ["Token", "content_words", "fold", "mask", "segment", "stop_words"]

_MASK = re.compile(
    r"https?://\S+|www\.\S+|\S+@\S+\.\w+|[@#][\w.]+|\b\d[\w.,:/%-]*",
    re.UNICODE,
)
_WORD = re.compile(r"[^\W\d_]{2,}", re.UNICODE)
_CJK_RUN = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]+")
_EXTRA_STOP = {
    "en": {
        "n't",
        "nt",
        "ve",
        "ll",
        "im",
        "dont",
        "didnt",
        "doesnt",
        "wasnt",
        "isnt",
        "ive",
        "cant",
        "wont",
        "havent",
        "thats",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "doesn",
        "didn",
        "wasn",
        "isn",
        "haven",
        "hasn",
        "couldn",
        "wouldn",
        "shouldn",
        "aren",
        "weren",
        "til",
    },
    # spaCy's Indonesian list lacks the chat spellings of its own words
    "id": {
        "yg",
        "dg",
        "dgn",
        "utk",
        "tdk",
        "gak",
        "ga",
        "gk",
        "nya",
        "aja",
        "sih",
        "deh",
        "kok",
        "dah",
        "udah",
        "kalo",
        "jg",
        "tp",
        "ya",
        "lg",
        "bgt",
        "banget",
        "sy",
        "dr",
        "krn",
        "trs",
        "trus",
        "cuman",
        "cuma",
        "sdh",
        "blm",
        "bs",
        "bisa",
        "jd",
        "jadi",
        "kl",
        "klo",
        "pd",
        "sm",
        "aj",
        "nih",
        "tuh",
        "dll",
        "ok",
        "oke",
        "gue",
        "gw",
        "aku",
        "ane",
        "lu",
        "loe",
    },
}


def fold(word: str) -> str:
    """``word`` without diacritics (``"não"`` -> ``"nao"``, ``"için"`` -> ``"icin"``)."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", word) if not unicodedata.combining(ch))


def mask(text: str) -> str:
    """The text with URLs, e-mails, @handles, #tags and numbers replaced by spaces."""
    return _MASK.sub(" ", text)


@lru_cache(maxsize=128)
def stop_words(lang: str) -> frozenset[str]:
    """spaCy's stop words for ``lang`` (lower-cased, with accent-free spellings); empty when spaCy has none."""
    extra = _EXTRA_STOP.get(lang, set())
    try:
        mod = importlib.import_module(f"spacy.lang.{lang}.stop_words")
        words = {w.lower() for w in getattr(mod, "STOP_WORDS", ())}
    except (ImportError, ValueError):
        words = set()
    words |= extra
    return frozenset(words | {fold(w) for w in words})


@lru_cache(maxsize=128)
def _stops_for(lang: str | None) -> frozenset[str]:
    return stop_words(lang or "en") | stop_words("en")


class Token(NamedTuple):
    """A segmented word of a Chinese / Japanese run: its text and whether it is a content word."""

    text: str
    content: bool
    #: a phrase may end here (Japanese: nouns and adjectival nouns, not an inflected stem like 美味しかっ)
    can_end: bool = True


_KANA = re.compile(r"[\u3040-\u30ff]")
_HAN = re.compile(r"[\u3400-\u9fff]")
_JA_CONTENT = ("名詞", "動詞", "形容詞", "形状詞")
_tagger_lock = threading.Lock()


@lru_cache(maxsize=1)
def _jieba() -> Any:
    try:
        import rjieba
    except ImportError:
        logger.info("rjieba is not installed (pip install 'vocnlp[cjk]'): Chinese falls back to character bigrams")
        return None
    return rjieba


@lru_cache(maxsize=1)
def _mecab() -> Any:
    try:
        import fugashi

        return fugashi.Tagger()
    except (ImportError, RuntimeError) as exc:
        logger.info("fugashi/unidic-lite unusable (%s; pip install 'vocnlp[cjk]'): Japanese falls back to bigrams", exc)
        return None


def segment(run: str, lang: str | None) -> list[Token] | None:
    """Words of one Chinese / Japanese run (no spaces), or None when no segmenter is installed.

    Japanese (``lang="ja"``, or kana in the run): MeCab with UniDic-lite, content = nouns, verbs,
    adjectives and adjectival nouns. Otherwise jieba-rs, content = words with an ideograph that are not
    stop words.

    Example:
        >>> [t.text for t in segment("服务员很热情", "zh")]                # doctest: +SKIP
        ['服务员', '很', '热情']
    """
    if lang == "ja" or _KANA.search(run):
        tagger = _mecab()
        if tagger is None:
            return None
        stops = stop_words("ja")
        with _tagger_lock:  # a MeCab tagger is not documented as thread-safe
            words = [(w.surface, w.feature.pos1, getattr(w.feature, "pos2", "")) for w in tagger(run)]
        out = []
        for s, pos, pos2 in words:
            content = (
                pos in _JA_CONTENT
                and pos2 not in ("数詞", "非自立可能")
                and s not in stops
                and not (len(s) == 1 and _KANA.fullmatch(s) is not None)
            )
            out.append(Token(s, content, content and pos in ("名詞", "形状詞")))
        return out
    jieba = _jieba()
    if jieba is None:
        return None
    stops = stop_words("zh")
    return [Token(w, bool(_HAN.search(w)) and w not in stops) for w in jieba.cut(run)]


def content_words(text: str, lang: str | None = None) -> list[str]:
    """The content words of ``text`` in order (masked, lower-cased, stop words of ``lang`` and English dropped)."""
    text = mask(text).lower()
    stops = _stops_for(lang)
    out: list[str] = []
    for m in _CJK_RUN.finditer(text):
        run = m.group()
        words = segment(run, lang)
        if words is not None:
            out.extend(t.text for t in words if t.content)
            continue
        if len(run) == 1:
            continue
        out.extend(run[i : i + 2] for i in range(len(run) - 1) if run[i : i + 2] not in stops)
    rest = _CJK_RUN.sub(" ", text) if out or _CJK_RUN.search(text) else text
    out.extend(w for w in _WORD.findall(rest.replace("'", "").replace("\u2019", "")) if w not in stops)
    return out
