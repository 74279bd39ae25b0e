"""Keyword tokens for c-TF-IDF: a comment's content words joined by spaces (see :mod:`vocnlp.words`).

Theme *assignment* uses embeddings; these tokens only decide which words describe a theme.

Example:
    >>> theme_tokens("The engineer never came on the 14th, called @acme_help 3 times!", "en")
    'engineer came called times'
    >>> theme_tokens("快递太慢了", "zh")
    '快递 太慢'
"""

from __future__ import annotations

from ..words import content_words, mask, stop_words

__all__ = ["mask", "stop_words", "theme_tokens"]


def theme_tokens(text: str, lang: str | None = None) -> str:
    """Space-joined content words of ``text`` (masked, lower-cased, stop words dropped)."""
    return " ".join(content_words(text, lang))
