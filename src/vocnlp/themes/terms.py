"""Words for theme keywords: masking, language-aware tokens and stop words, for c-TF-IDF.

Theme *assignment* uses embeddings; these tokens only decide which words describe a theme. URLs,
e-mail addresses, @handles, #tags and numbers are masked so that themes are not described by a brand
handle or an NPS score; stop words come from spaCy's per-language lists; Chinese and Japanese (no
spaces) are described by character bigrams of their ideograph / kana runs.

Example:
    >>> theme_tokens("The engineer never came on the 14th, called @acme_help 3 times!", "en")
    'engineer came called times'
    >>> theme_tokens("快递太慢了", "zh")
    '快递 递太 太慢 慢了'
"""

from __future__ import annotations

import importlib
import re
from functools import lru_cache

__all__ = ["theme_tokens", "stop_words", "mask"]

_MASK = re.compile(
    r"https?://\S+|www\.\S+|\S+@\S+\.\w+|[@#][\w.]+|\b\d[\w.,:/%-]*",
    re.UNICODE,
)
_WORD = re.compile(r"[^\W\d_]{2,}", re.UNICODE)
_CJK_RUN = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]+")
_EXTRA_STOP = {"en": {"n't", "nt", "ve", "ll", "im", "dont", "didnt", "doesnt", "wasnt", "isnt", "ive", "cant", "wont",
                      "havent", "thats", "january", "february", "march", "april", "may", "june", "july", "august",
                      "september", "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
                      "friday", "saturday", "sunday", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
                      "sept", "oct", "nov", "dec", "doesn", "didn", "wasn", "isn", "haven", "hasn", "couldn",
                      "wouldn", "shouldn", "aren", "weren", "til"}}


def mask(text: str) -> str:
    """The text with URLs, e-mails, @handles, #tags and numbers replaced by spaces."""
    return _MASK.sub(" ", text)


@lru_cache(maxsize=64)
def stop_words(lang: str) -> frozenset[str]:
    """spaCy's stop words for ``lang`` (lower-cased), empty when spaCy has none for it."""
    try:
        mod = importlib.import_module(f"spacy.lang.{lang}.stop_words")
    except (ImportError, ValueError):
        return frozenset(_EXTRA_STOP.get(lang, ()))
    return frozenset({w.lower() for w in getattr(mod, "STOP_WORDS", ())} | _EXTRA_STOP.get(lang, set()))


def theme_tokens(text: str, lang: str | None = None) -> str:
    """Space-joined keyword tokens of ``text`` (masked, lower-cased, stop words dropped)."""
    text = mask(text).lower()
    stops = stop_words(lang or "en") | stop_words("en")
    out: list[str] = []
    for m in _CJK_RUN.finditer(text):
        run = m.group()
        if len(run) == 1:
            continue
        out.extend(run[i : i + 2] for i in range(len(run) - 1) if run[i : i + 2] not in stops)
    rest = _CJK_RUN.sub(" ", text)
    out.extend(w for w in _WORD.findall(rest.replace("'", "").replace("\u2019", "")) if w not in stops)
    return " ".join(out)
