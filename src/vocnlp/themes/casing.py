"""How a theme's label is written: its words as the customers write them, not lower-cased.

Label phrases are found among lower-cased words, so "tv", "ost", "ac", "i" and German nouns ("lieferung") came out
in lower case. Each word of a label takes the form its theme's clauses give it most often away from the start of a
sentence (where case says nothing), when that form is at least half of those uses and three or more of them:
"TV", "OST", "AC", "person I spoke", "Lieferung"; a word written in capitals now and then for emphasis
("NEVER") keeps its lower case. Scripts without case (Chinese, Korean, Thai...) are unchanged.

Example:
    >>> texts = ["my TV broke", "the TV box", "no TV signal", "Tv is fine", "tv remote"]
    >>> written_form("tv box", texts)
    'TV box'
    >>> written_form("person i spoke", ["The person I spoke to", "a person I spoke with", "the one I spoke to"])
    'person I spoke'
    >>> written_form("ost", ["이 영화 OST가 좋다", "역시 OST는 최고", "음악 OST가", "ost"])   # particles written onto it
    'OST'
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

__all__ = ["MIN_USES", "written_form"]

#: a word's written form is taken from at least this many of its uses (away from a sentence start)
MIN_USES = 3
#: ... holding at least this share of them
MIN_SHARE = 0.5
_LATIN_WORD = re.compile(r"[0-9A-Za-z\u00c0-\u024f'\u2019-]+")
_LATIN_EDGE = r"[0-9A-Za-z\u00c0-\u024f]"
#: what may stand between a sentence's end and its first word (spaces, opening quotes and brackets)
_OPENERS = " \t\"'“‘([-"
_SENTENCE_END = ".!?。！？\n"


def written_form(label: str, texts: Sequence[str]) -> str:
    """``label`` (lower-case words, parts joined by " / ") with each word as ``texts`` most often write it (see
    the module's docstring); the label as it is where no word has case or the texts do not say."""
    words = label.split(" ")
    cased = [w for w in dict.fromkeys(words) if w != "/" and w.lower() != w.upper()]
    if not cased or not texts:
        return label
    forms: dict[str, str] = {}
    for word in cased:
        found: Counter[str] = Counter()
        # a Latin word ends where Latin letters do: Korean and Japanese write particles onto it ("TV가", "OSTが")
        edge = _LATIN_EDGE if _LATIN_WORD.fullmatch(word) else r"[^\W_]"
        pattern = re.compile(rf"(?<!{edge}){re.escape(word)}(?!{edge})", re.IGNORECASE)
        for text in texts:
            for m in pattern.finditer(text):
                if not _starts_sentence(text, m.start()):
                    found[m.group()] += 1
        if not found:
            continue
        form, n = found.most_common(1)[0]
        if n >= MIN_USES and n >= MIN_SHARE * sum(found.values()) and form.lower() == word.lower():
            forms[word] = form
    return " ".join(forms.get(w, w) for w in words)


def _starts_sentence(text: str, at: int) -> bool:
    """The word at ``at`` begins the text or a sentence (only spaces, quotes or brackets after the end before it)."""
    head = text[:at].rstrip(_OPENERS)
    return not head or head[-1] in _SENTENCE_END
