"""Writing systems: which script a text is written in, and the languages a script decides.

Hangul is Korean, kana is Japanese, Thai script is Thai...: :data:`SCRIPT_LANG`. Ethiopic is written for Amharic
and Tigrinya, which no engine tells apart: :func:`ethiopic_language` reads their commonest words.
:mod:`vocnlp.langid` decides by script first, before any statistical engine.

Example:
    >>> script_of("한"), dominant_script("Отличный сервис!")[:2]
    ('Hangul', ('Cyrillic', 1.0))
"""

from __future__ import annotations

import re

__all__ = ["SCRIPT_LANG", "script_of", "dominant_script", "ethiopic_language"]

# (first, last, script) codepoint ranges for the scripts that decide or narrow the language
_RANGES: tuple[tuple[int, int, str], ...] = (
    (0x0370, 0x03FF, "Greek"),
    (0x1F00, 0x1FFF, "Greek"),
    (0x0400, 0x052F, "Cyrillic"),
    (0x1C80, 0x1C8F, "Cyrillic"),
    (0x2DE0, 0x2DFF, "Cyrillic"),
    (0xA640, 0xA69F, "Cyrillic"),
    (0x0530, 0x058F, "Armenian"),
    (0x0590, 0x05FF, "Hebrew"),
    (0x0600, 0x06FF, "Arabic"),
    (0x0750, 0x077F, "Arabic"),
    (0x08A0, 0x08FF, "Arabic"),
    (0xFB50, 0xFDFF, "Arabic"),
    (0xFE70, 0xFEFF, "Arabic"),
    (0x0900, 0x097F, "Devanagari"),
    (0x0980, 0x09FF, "Bengali"),
    (0x0A00, 0x0A7F, "Gurmukhi"),
    (0x0A80, 0x0AFF, "Gujarati"),
    (0x0B00, 0x0B7F, "Oriya"),
    (0x0B80, 0x0BFF, "Tamil"),
    (0x0C00, 0x0C7F, "Telugu"),
    (0x0C80, 0x0CFF, "Kannada"),
    (0x0D00, 0x0D7F, "Malayalam"),
    (0x0D80, 0x0DFF, "Sinhala"),
    (0x0E00, 0x0E7F, "Thai"),
    (0x0E80, 0x0EFF, "Lao"),
    (0x0F00, 0x0FFF, "Tibetan"),
    (0x1000, 0x109F, "Myanmar"),
    (0x10A0, 0x10FF, "Georgian"),
    (0x1100, 0x11FF, "Hangul"),
    (0x1200, 0x139F, "Ethiopic"),
    (0x1780, 0x17FF, "Khmer"),
    (0x3040, 0x309F, "Hiragana"),
    (0x30A0, 0x30FF, "Katakana"),
    (0x31F0, 0x31FF, "Katakana"),
    (0x3130, 0x318F, "Hangul"),
    (0xAC00, 0xD7AF, "Hangul"),
    (0x3400, 0x4DBF, "Han"),
    (0x4E00, 0x9FFF, "Han"),
    (0xF900, 0xFAFF, "Han"),
    (0x20000, 0x2FA1F, "Han"),
    (0xFF66, 0xFF9F, "Katakana"),
)

#: scripts that name one language outright
SCRIPT_LANG = {
    "Greek": "el",
    "Armenian": "hy",
    "Hebrew": "he",
    "Georgian": "ka",
    "Hangul": "ko",
    "Thai": "th",
    "Lao": "lo",
    "Khmer": "km",
    "Myanmar": "my",
    "Sinhala": "si",
    "Tamil": "ta",
    "Telugu": "te",
    "Kannada": "kn",
    "Malayalam": "ml",
    "Gujarati": "gu",
    "Gurmukhi": "pa",
    "Oriya": "or",
    "Tibetan": "bo",
    "Ethiopic": "am",
    "Hiragana": "ja",
    "Katakana": "ja",
}


#: Ethiopic script is written for Amharic and Tigrinya, which neither fastText's model nor lingua tells apart
#: (lingua has neither; the script alone said Amharic): their commonest function words and particles differ
#: (Tigrinya's also as often typed with አ: አብ, in).
_TIGRINYA_WORDS = frozenset(
    [
        "ናይ",
        "ኣብ",
        "አብ",
        "አሎ",
        "እዩ",
        "ኢዩ",
        "ዘሎ",
        "ምስ",
        "ኣይ",
        "እንታይ",
        "ከም",
        "ኢና",
        "ኣሎ",
        "እዮም",
        "ድማ",
        "ኩሉ",
        "ሰብ",
        "ህዝቢ",
        "እሞ",
        "ኢኻ",
        "ኢኺ",
        "ዝኾነ",
        "ካብ",
        "ከምዚ",
        "ሎሚ",
    ]
)
_AMHARIC_WORDS = frozenset(
    ["ነው", "እና", "ላይ", "የለም", "ናቸው", "ውስጥ", "ነበር", "ምን", "እኔ", "ሰው", "ህዝብ", "ብቻ", "ደግሞ", "ነህ", "አለ", "ሁሉ"]
)
_WORD = re.compile(r"\w+")


def ethiopic_language(text: str) -> str | None:
    """``ti`` or ``am`` for a text in Ethiopic script: by which language's common words it holds more of, else
    by its glottal "a" (Tigrinya writes ኣ where Amharic writes አ); None when neither tells (a name, a word or
    two). :class:`LanguageDetector` then takes the one its data set holds more of (the prior), else Amharic.
    On real tweets (AfriSenti, 5,000 Amharic and 2,398 Tigrinya; benchmarks/probes/ethiopic_langid.py) the
    script alone read all as Amharic; with this, 98.9% of the Amharic and 95.5% of the Tigrinya ones are read
    right.

    Example:
        >>> ethiopic_language("ኣብ ትግራይ ዘሎ ህዝቢ"), ethiopic_language("ይህ ነው የኢትዮጵያ ህዝብ"), ethiopic_language("ሰላም")
        ('ti', 'am', None)
    """
    words = _WORD.findall(text)
    ti = sum(w in _TIGRINYA_WORDS for w in words)
    am = sum(w in _AMHARIC_WORDS for w in words)
    if ti != am:
        return "ti" if ti > am else "am"
    glottal_ti, glottal_am = text.count("ኣ"), text.count("አ")
    if glottal_ti != glottal_am:
        return "ti" if glottal_ti > glottal_am else "am"
    return None


def script_of(ch: str) -> str:
    """The writing system of one letter: ``Latin`` for the Latin ranges, ``Other`` when not listed."""
    cp = ord(ch)
    if cp < 0x0250 or 0x1E00 <= cp <= 0x1EFF or 0xFF21 <= cp <= 0xFF5A:
        return "Latin"
    for lo, hi, name in _RANGES:
        if lo <= cp <= hi:
            return name
    return "Other"


#: a letter outside the Latin ranges of :func:`script_of` (``[^\W\d_]`` holds every ``str.isalpha`` letter)
_NON_LATIN_LETTER = re.compile(r"(?![\x00-\u024f\u1e00-\u1eff\uff21-\uff5a])[^\W\d_]")


def dominant_script(text: str) -> tuple[str | None, float, int]:
    """(script with most letters, its share of the letters, number of letters). ``None`` without letters.

    Example:
        >>> dominant_script("Entrega rápida"), dominant_script("배송 빠름!")[:2]
        (('Latin', 1.0, 13), ('Hangul', 1.0))
    """
    if not _NON_LATIN_LETTER.search(text):
        # Latin letters only (most texts): counted in C, not letter by letter (a third of language ID's time)
        n = sum(map(str.isalpha, text))
        return ("Latin", 1.0, n) if n else (None, 0.0, 0)
    counts: dict[str, int] = {}
    for ch in text:
        if ch.isalpha():
            s = script_of(ch)
            counts[s] = counts.get(s, 0) + 1
    n = sum(counts.values())
    if not n:
        return None, 0.0, 0
    if counts.get("Hiragana", 0) + counts.get("Katakana", 0) > 0 and counts.get("Han", 0):
        # Japanese mixes kanji with kana: any kana decides it
        counts["Hiragana"] = counts.pop("Hiragana", 0) + counts.pop("Katakana", 0) + counts.pop("Han", 0)
    script = max(counts, key=lambda k: counts[k])
    return script, counts[script] / n, n
