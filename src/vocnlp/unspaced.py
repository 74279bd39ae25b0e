"""Scripts written without spaces between words: Chinese, Japanese and Thai runs cut into words.

:func:`segment` cuts one run: jieba-rs for Chinese, MeCab with UniDic-lite for Japanese (content = nouns,
verbs, adjectives, adjectival nouns), PyThaiNLP's dictionary segmenter for Thai (typed-in-chat spellings
normalised first, :func:`normalize_thai`; spelled Latin acronyms joined back); all from the ``cjk`` extra,
None without it (:mod:`vocnlp.words` then reads Chinese and Japanese by character bigrams).

Example:
    >>> UNSPACED_RUN.findall("快递太慢了 but ok")
    ['快递太慢了']
    >>> [t.text for t in segment("服务员很热情", "zh")]                # doctest: +SKIP
    ['服务员', '很', '热情']
"""

from __future__ import annotations

import logging
import re
import threading
from functools import lru_cache
from typing import Any, NamedTuple

from .stopwords import stop_words

logger = logging.getLogger(__name__)

__all__ = ["THAI_LETTERS", "CJK_LETTERS", "UNSPACED_RUN", "Token", "segment", "thai_words", "normalize_thai"]

#: Thai letters with their vowel and tone marks (Thai digits and symbols excluded)
THAI_LETTERS = "\u0e01-\u0e4e"
#: kana and CJK ideographs: Chinese and Japanese, written without spaces between words
CJK_LETTERS = "\u3040-\u30ff\u3400-\u9fff"
#: a run of a script written without spaces between words: Chinese / Japanese, or Thai
UNSPACED_RUN = re.compile(rf"[{CJK_LETTERS}]+|[{THAI_LETTERS}]+")


class Token(NamedTuple):
    """A segmented word of a Chinese / Japanese run: its text and whether it is a content word."""

    text: str
    content: bool
    #: a phrase may end here (Japanese: nouns and adjectival nouns, not an inflected stem like 美味しかっ)
    can_end: bool = True


_KANA = re.compile(r"[\u3040-\u30ff]")
_HAN = re.compile(r"[\u3400-\u9fff]")
_THAI = re.compile(f"[{THAI_LETTERS}]")
#: Thai vowel and tone marks written above or below a letter (not letters of their own)
_THAI_MARKS = re.compile("[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")
_THAI_CONSONANT = re.compile(r"[\u0e01-\u0e2e]")
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
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
def _thai() -> Any:
    try:
        from pythainlp.tokenize import word_tokenize
    except ImportError:
        logger.info("pythainlp is not installed (pip install 'vocnlp[cjk]'): Thai has no theme words")
        return None
    return word_tokenize


@lru_cache(maxsize=1)
def _mecab() -> Any:
    try:
        import fugashi

        return fugashi.Tagger()
    except (ImportError, RuntimeError) as exc:
        logger.info("fugashi/unidic-lite unusable (%s; pip install 'vocnlp[cjk]'): Japanese falls back to bigrams", exc)
        return None


_THAI_LENGTHENED = re.compile(r"([\u0e01-\u0e4e])\1{2,}")


def thai_words(run: str) -> list[str] | None:
    """The words of one Thai run (no spaces) as written, by PyThaiNLP's dictionary segmenter (newmm); they join
    back into ``run``. None without PyThaiNLP, or where they would not join back.

    Example:
        >>> thai_words("อาหารอร่อยแต่บริการช้า")   # doctest: +SKIP
        ['อาหาร', 'อร่อย', 'แต่', 'บริการ', 'ช้า']
    """
    tokenize = _thai()
    if tokenize is None:
        return None
    words = [w for w in tokenize(run, engine="newmm", keep_whitespace=False) if w]
    return words if "".join(words) == run else None


def normalize_thai(text: str) -> str:
    """Thai as typed in chat, read as written: a letter typed three or more times is a lengthened word
    (อยากกก, งื้ออออ: once), and PyThaiNLP's normalisation (เเ typed as two Sara E is แ, doubled vowels and
    tone marks once). Without it the segmenter cut such words into the word and a fragment, and a fragment
    became a theme label on the real Wisesight posts ("กก", of อยากกก). Text without Thai is unchanged.

    Example:
        >>> normalize_thai("อยากกก เเบบนี้"), normalize_thai("same")
        ('อยาก แบบนี้', 'same')
    """
    if not _THAI.search(text):
        return text
    return _normalize_thai_cached(text) if len(text) <= 300 else _normalize_thai(text)


@lru_cache(maxsize=32768)
def _normalize_thai_cached(text: str) -> str:
    """:func:`normalize_thai` of a short text, cached: label choice compares each clause with many phrases."""
    return _normalize_thai(text)


def _normalize_thai(text: str) -> str:
    text = _THAI_LENGTHENED.sub(r"\1", text)
    try:
        from pythainlp.util import normalize
    except ImportError:
        return text
    return str(normalize(text))


def segment(run: str, lang: str | None) -> list[Token] | None:
    """Words of one Chinese / Japanese / Thai run (no spaces), or None when no segmenter is installed.

    Japanese (``lang="ja"``, or kana in the run): MeCab with UniDic-lite, content = nouns, verbs,
    adjectives and adjectival nouns. Thai: PyThaiNLP's dictionary segmenter (newmm), content = words of
    two or more letters that are not stop words. Otherwise jieba-rs, content = words with an ideograph
    that are not stop words.

    Example:
        >>> [t.text for t in segment("服务员很热情", "zh")]                # doctest: +SKIP
        ['服务员', '很', '热情']
    """
    if _THAI.match(run):
        thai = _thai()
        if thai is None:
            return None
        stops = stop_words("th")
        cut = _join_spelled_letters(thai(normalize_thai(run), engine="newmm", keep_whitespace=False))
        # a word needs a consonant: "ๆๆ" (the repetition mark, doubled) is not one; and two letters besides its
        # vowel and tone marks: "น่" (น and a tone mark), a fragment, had named a theme of Wisesight posts
        # saying "เลี้ยงหน่อย" (treat me), where it stands inside หน่อย
        return [
            Token(w, len(_THAI_MARKS.sub("", w)) >= 2 and w not in stops and _THAI_CONSONANT.search(w) is not None)
            for w in cut
        ]
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


#: Latin letters spelled in Thai (เอฟ F, เอ็ม M ...): PyThaiNLP cuts an acronym into its letters (เอฟเอ, FA ->
#: เอฟ + เอ; เอ็มเค, MK -> เอ็ม + เค); a run of them is one word again
_THAI_LETTER_NAMES = frozenset(
    "เอ บี ซี ดี อี เอฟ จี เอช ไอ เจ เค แอล เอ็ม เอ็น โอ พี คิว อาร์ เอส ที ยู วี ดับเบิลยู ดับบลิว เอ็กซ์ วาย แซด".split()  # noqa: SIM905
)
#: ... where one of them is no Thai word as well (ดี is "good", ที "time", ไอ "cough", พี "elder sibling")
_THAI_LETTERS_ONLY = frozenset("เอฟ เอช แอล เอ็ม เอ็น อาร์ เอส เอ็กซ์ แซด ดับเบิลยู ดับบลิว เจ เค บี ซี วี".split())  # noqa: SIM905


def _join_spelled_letters(words: list[str]) -> list[str]:
    """Thai words with each run of spelled Latin letters joined back into its acronym, where the run holds
    a letter name that is no Thai word. On real Wisesight posts "ช้าง เอฟเอ คัพ" (Chang FA Cup) gave the
    word เอฟ (F), which became a theme's label.

    Example:
        >>> _join_spelled_letters(["ช้าง", "เอฟ", "เอ", "คัพ"]), _join_spelled_letters(["ดี", "มาก"])
        (['ช้าง', 'เอฟเอ', 'คัพ'], ['ดี', 'มาก'])
    """
    out: list[str] = []
    run: list[str] = []
    for w in [*words, ""]:
        if _spelled(w):  # a letter name, or letters PyThaiNLP kept together (เอเอฟ of เอเอฟซี, AFC)
            run.append(w)
            continue
        if len(run) >= 2 and any(x in _THAI_LETTERS_ONLY for x in run):
            out.append("".join(run))
        else:
            out.extend(run)
        run = []
        if w:
            out.append(w)
    return out


@lru_cache(maxsize=4096)
def _spelled(word: str) -> bool:
    """The word is one or more Thai names of Latin letters (เอฟ, เอเอฟ)."""
    if not word:
        return False
    return any(word.startswith(n) and (n == word or _spelled(word[len(n) :])) for n in _THAI_LETTER_NAMES)
