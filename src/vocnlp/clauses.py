"""Splitting comments into sentences and clauses, so each part gets its own sentiment (and theme).

Sentences end at a sentence terminator of any script (``.``, ``!``, ``?``, ``。``, ``।``, ``።``, ``؟``...)
that ends a word, at a full-width ``。！？`` wherever it stands, and at a full stop that joins two words
when the second starts a sentence ("broken.The", "있다.처음부터"); an ellipsis ("..", "...") and
initials ("U.S.", "Dylan T.") do not end one. Plain rules rather than a tokenizer: no spaCy import on
the way to the first row (~1.8 s of every cold start). Clauses then split
at the contrast words of the comment's **own language** (``but``, ``aber``, ``mais``, ``pero``, ``ale``,
``но``, ``men``, ``但是``, ``اما``; Thai ``แต่`` read as a word, so ``แต่ละ``, each, is none...), where a
comment typically turns from praise to complaint. A word
that is a contrast word in one language is often an ordinary word in another (Hungarian ``de`` is
Portuguese "of", French ``mais`` is Portuguese "more", Swedish ``men`` is English "men", Danish ``dog``
is English "dog"), so without a language only the words that mean "but" in every language they occur
in are used. Chinese joins several statements into one comma-run sentence, so a Chinese sentence of
more than :data:`ZH_LONG_SENTENCE` characters is cut at its commas too, into pieces of at least
:data:`ZH_MIN_PIECE` letters. A cut is made only where both sides keep a content word (:mod:`vocnlp.words`), and a
sentence without content words ("Yes.", "Why?") is glued to its neighbour. Offsets index the text as given.

Example:
    >>> [c.text for c in split_clauses("The staff were lovely but the app keeps crashing.", language="en")]
    ['The staff were lovely', 'but the app keeps crashing.']
    >>> [c.text for c in split_clauses("Le service de livraison est top mais trop cher.", language="fr")]
    ['Le service de livraison est top', 'mais trop cher.']
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from .words import MARKS

__all__ = ["Clause", "split_clauses", "CONTRAST_WORDS", "AMBIGUOUS_CONTRAST_WORDS"]

#: Contrast words that start a new clause (whole words, case-insensitive), by language.
CONTRAST_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("but", "however", "although", "though", "whereas", "except that"),
    "de": ("aber", "jedoch", "allerdings", "trotzdem", "obwohl", "leider"),
    "fr": ("mais", "cependant", "pourtant", "toutefois", "malheureusement", "bien que"),
    "es": ("pero", "sin embargo", "aunque", "lamentablemente"),
    "it": ("ma", "però", "tuttavia", "purtroppo", "anche se"),
    "pt": ("mas", "porém", "contudo", "entretanto", "no entanto", "infelizmente"),
    "nl": ("maar", "echter", "helaas", "hoewel"),
    "pl": ("ale", "jednak", "lecz", "niestety", "chociaż"),
    "ru": ("но", "однако", "зато", "хотя", "к сожалению"),
    "uk": ("але", "однак", "проте", "на жаль"),
    "sv": ("men", "dock", "tyvärr"),
    "da": ("men", "dog", "desværre"),
    "no": ("men", "dessverre"),
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
    "mr": ("पण", "परंतु"),
    "bn": ("কিন্তু", "তবুও"),
    "pa": ("ਲੇਕਿਨ", "ਪਰੰਤੂ"),
    "gu": ("પરંતુ", "છતાં"),
    "ta": ("ஆனால்",),
    "te": ("కానీ", "అయినా"),
    "kn": ("ಆದರೆ",),
    "ml": ("പക്ഷേ", "എന്നാൽ"),
    "ur": ("لیکن", "مگر", "بدقسمتی سے"),
    "sw": ("lakini", "ingawa", "kwa bahati mbaya"),
    "ha": ("amma", "sai dai"),
    "tl": ("pero", "ngunit", "subalit"),
    "id": ("tapi", "tetapi", "namun", "sayangnya"),
    "vi": ("nhưng", "tuy nhiên"),
}
#: Contrast words that are ordinary words in another language ("de", "mais", "men", "dog"...): used only
#: when the comment's language is the one they mean "but" in.
AMBIGUOUS_CONTRAST_WORDS = frozenset(
    {"de", "mais", "men", "dog", "dar", "ma", "mas", "ama", "ale", "dock", "echter", "hoewel", "leider"}
)
_LANGUAGE_ALIASES = {"nb": "no", "nn": "no", "iw": "he", "in": "id", "ms": "id"}
# Scripts without spaces: split before these words wherever they occur.
_CJK_BEFORE = ("但是", "可是", "不过", "不過", "然而", "但", "しかし", "でも", "하지만", "그런데", "그러나")
# Japanese and Korean contrast endings: split after them.
_CJK_AFTER = ("けれども", "けれど", "けど", "지만")
# Japanese "が、" is "but" after a predicate (でしたが、 ますが、 だが、 高いが、 ありませんが、) and the subject
# particle after a noun (写真が、 スナネコが、 気づいたのが、): split only after the first
_JA_BUT = ("(?<=[ただすいるうくつぬむぶぐ]が、)", "(?<=せんが、)")
_CJK_SENTENCE_END = "。！？；!?;"
#: Thai "but" and "however", read as words (PyThaiNLP): Thai writes no space between words, and แต่ละ (each),
#: แต่ง (dress), แต่ก่อน (formerly), ตั้งแต่ (since) hold the same letters
_TH_CONTRAST = frozenset({"แต่", "แต่ว่า", "ทว่า", "แต่ทว่า", "อย่างไรก็ตาม"})
#: words that make แต่ part of another phrase: เว้นแต่ (except), ตั้งแต่ (since), ไม่ใช่แต่ / ไม่เพียงแต่ (not only)
_TH_NOT_AFTER = frozenset({"เว้น", "ตั้ง", "ไม่ใช่", "ไม่เพียง", "มิใช่"})
_TH_HINT = re.compile("แต่|ทว่า|อย่างไรก็ตาม")
_RUN = re.compile(r"\S+")

_MIN_LETTERS = 2  # a piece with fewer letters is glued to its neighbour


@dataclass(frozen=True)
class Clause:
    """A span of a comment: ``text == comment[start:end]``."""

    text: str
    start: int
    end: int


def _words_of(language: str | None) -> tuple[str, ...]:
    from . import regional

    lang = _LANGUAGE_ALIASES.get(language or "", language or "")
    if regional.ENABLED and lang in regional.CONTRAST_WORDS:  # a regional language: its own and its base's
        return (*CONTRAST_WORDS[regional.BASE[lang]], *regional.CONTRAST_WORDS[lang])
    if regional.ENABLED and lang == "id":
        return (*CONTRAST_WORDS["id"], *regional.indonesian_contrasts())
    if lang in CONTRAST_WORDS:
        return CONTRAST_WORDS[lang]
    return tuple(sorted({w for ws in CONTRAST_WORDS.values() for w in ws} - AMBIGUOUS_CONTRAST_WORDS))


@lru_cache(maxsize=64)
def _word_pattern(language: str | None) -> re.Pattern[str]:
    words = sorted(_words_of(language), key=len, reverse=True)
    alt = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    # a contrast word after a space or punctuation, followed by a space (not inside another word)
    return re.compile(rf"(?<=[\s,;:(\-–—])(?:{alt})(?=[\s,])", re.IGNORECASE)


@lru_cache(maxsize=64)
def _contrast_set(language: str | None) -> frozenset[str]:
    return frozenset(w for p in _words_of(language) for w in p.lower().split()) | frozenset(_CJK_BEFORE)


_CJK_SPLIT = re.compile(
    "|".join(
        [
            *(f"(?={re.escape(w)})" for w in _CJK_BEFORE),
            *(f"(?<={re.escape(w)})" for w in _CJK_AFTER),
            *_JA_BUT,
            f"(?<=[{re.escape(_CJK_SENTENCE_END)}])",
        ]
    )
)
_CJK_CHAR = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
#: Chinese writes several statements in one comma-joined sentence ("菜是地道的宁波菜，口味纯正，醉泥螺特棒，服务
#: 员都是小跑状..."): in a sentence of more than this many characters a comma is a cut as well
ZH_LONG_SENTENCE = 80
#: a comma cut leaves at least this many letters on each side ("中午时分，" stays with what follows)
ZH_MIN_PIECE = 12
#: languages whose long sentences are cut at commas
_COMMA_LANGUAGES = frozenset({"zh", "yue", "wuu"})
# a Chinese comma, an ASCII comma not inside a number ("3,000"), or spaces standing for one between two Han
# characters
_ZH_COMMA = re.compile(r"(?<=，)|(?<=,)(?!\d)|(?<=[\u3400-\u9fff])[ \u3000]+(?=[\u3400-\u9fff])")
_HAN = re.compile(r"[\u3400-\u9fff]")
#: Sentence terminators of every script (Unicode's sentence-final marks, as spaCy's sentencizer lists them)
_TERMINATORS = (
    "!.?։؟۔܀܁܂߹।॥၊။።፧፨᙮᜵᜶᠃᠉᥄᥅᪨᪩᪪᪫᭚᭛᭞᭟᰻᰼᱾᱿‼‽⁇⁈⁉⸮⸼꓿꘎꘏꛳꛷꡶꡷꣎꣏꤯꧈꧉꩝꩞꩟꫰꫱꯫﹒﹖﹗！．？"
    "𐩖𐩗𑁇𑁈𑂾𑂿𑃀𑃁𑅁𑅂𑅃𑇅𑇆𑇍𑇞𑇟𑈸𑈹𑈻𑈼𑊩𑑋𑑌𑗂𑗃𑗉𑗊𑗋𑗌𑗍𑗎𑗏𑗐𑗑𑗒𑗓𑗔𑗕𑗖𑗗𑙁𑙂𑜼𑜽𑜾𑩂𑩃𑪛𑪜𑱁𑱂𖩮𖩯𖫵𖬷𖬸𖭄𛲟𝪈｡。"
)
_CLOSERS = "\"'”’»)]}"
_T = re.escape(_TERMINATORS)
_C = re.escape(_CLOSERS)
_SENTENCE_END = re.compile(
    rf"[{_T}]+[{_C}]*(?=\s|$)"  # terminators (and closing quotes / brackets) that end a word
    r"|(?<!\S)[!?！？]+"  # "!" / "?" standing alone before a word ("call me !2.")
    rf"|[！？。｡]+[{_C}]*"  # full-width marks: CJK text has no space after them
)
_LINE_BREAK = re.compile(r"[ \t]*(?:\r\n|\r|\n)\s*(?=\S)")
_JOINED_STOP = re.compile(rf"(?<=[^\W\d_]|[{MARKS}])\.(?=[^\W\d_])")  # "broken.The": a stop between two words
_INITIALS = re.compile(r"(?:^|\s)(?:(?:[^\W\d_]\.){2,}|[A-Z]\.)$")  # "U.S.", "e.g.", "Dylan T."
_THAI = re.compile(r"[\u0e00-\u0e7f]")
_TRAILING_SYMBOLS = re.compile(r"\s+[^\w\s]+(?=\s|$)")  # a chunk without letters or digits after the end


def _sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence; pieces are contiguous and cover ``text`` but for trailing space."""
    cuts = set()
    for m in _SENTENCE_END.finditer(text):
        run = m.group().rstrip(_CLOSERS)
        if len(run) > 1 and set(run) == {"."}:  # an ellipsis: the sentence goes on
            continue
        if run == "." and (_INITIALS.search(text, 0, m.start() + 1) or _THAI.match(text, max(m.start() - 1, 0))):
            continue  # initials; Thai writes "." after abbreviations (กกน., นส.) and ends sentences with a space
        end = m.end()
        while (tail := _TRAILING_SYMBOLS.match(text, end)) is not None:  # "Good! :)": the smiley stays
            end = tail.end()
        cuts.add(end)
    for m in _LINE_BREAK.finditer(text):
        # a line break before a capital or a letter of a script without case ends a sentence ("Great food" /
        # "The staff were rude"); one before a lower-case letter is a wrapped line
        nxt = text[m.end()]
        if nxt.isupper() or (nxt.isalpha() and nxt.lower() == nxt.upper()):
            cuts.add(m.start())
    for m in _JOINED_STOP.finditer(text):
        nxt = text[m.end()]
        # a capital, or a letter of a script without case (Chinese, Devanagari, Arabic...; Thai writes "."
        # after abbreviations)
        if nxt.isupper() or _CJK_CHAR.match(nxt) or (nxt.lower() == nxt.upper() and not _THAI.match(nxt)):
            cuts.add(m.end())
    spans, prev = [], 0
    for c in sorted(cuts):
        if text[prev:c].strip():
            spans.append((prev, c))
            prev = c
    if text[prev:].strip():
        spans.append((prev, len(text)))
    return spans


def _few_letters(s: str) -> bool:
    """Fewer than :data:`_MIN_LETTERS` letters (counting stops there)."""
    n = 0
    for ch in s:
        if ch.isalpha():
            n += 1
            if n >= _MIN_LETTERS:
                return False
    return True


#: pieces up to this many characters are remembered (short replies recur; a long piece is rarely asked twice,
#: and 65,536 long ones would hold hundreds of MB)
_CACHED_PIECE = 200
#: whether the rest of a sentence after a cut holds a content word is read in its first this many characters: a
#: content word comes long before, and a run of thousands of characters with a contrast word or comma in every
#: sentence stays linear (reading the whole rest at every cut took 52 s for 11,000 Chinese characters)
_LOOKAHEAD = _CACHED_PIECE
#: the piece before a cut is read from this many characters before where the last look at it stopped
_OVERLAP = 32


def _has_content(piece: str, language: str | None) -> bool:
    """A content word other than a contrast word; the first one found ends the search. Short pieces are
    cached: a comment's pieces are asked about twice (before and after a cut) and short replies recur."""
    return _has_content_cached(piece, language) if len(piece) <= _CACHED_PIECE else _content_in(piece, language)


@lru_cache(maxsize=1 << 16)
def _has_content_cached(piece: str, language: str | None) -> bool:
    return _content_in(piece, language)


def _content_in(piece: str, language: str | None) -> bool:
    from .words import iter_content_words

    contrast = _contrast_set(language)
    return any(w not in contrast for w in iter_content_words(piece, language))


def _cut(text: str, start: int, end: int, language: str | None) -> list[tuple[int, int]]:
    """Split one sentence at contrast words and CJK boundaries where both sides keep a content word."""
    # finditer(text, start, end) gives positions in ``text``; the CJK pass below runs on the slice
    cuts = {m.start() for m in _word_pattern(language).finditer(text, start, end)}
    if _CJK_CHAR.search(text, start, end):
        cuts |= {m.start() + start for m in _CJK_SPLIT.finditer(text[start:end])}
    if language == "th" and _TH_HINT.search(text, start, end):
        cuts |= _thai_contrast(text, start, end)
    spans = _keep_content(text, start, end, sorted(cuts), language)
    if language in _COMMA_LANGUAGES:
        spans = [p for s, e in spans for p in _comma_cut(text, s, e, language)]
    return spans


def _thai_contrast(text: str, start: int, end: int) -> set[int]:
    """Where a Thai contrast word (:data:`_TH_CONTRAST`) starts, as the segmenter reads the words; none
    without PyThaiNLP."""
    from .words import thai_words

    cuts = set()
    for m in _RUN.finditer(text, start, end):
        if not _TH_HINT.search(m.group()):
            continue
        pos, before = m.start(), ""
        for w in thai_words(m.group()) or []:
            if w in _TH_CONTRAST and before not in _TH_NOT_AFTER:
                cuts.add(pos)
            pos, before = pos + len(w), w
    return cuts


def _keep_content(
    text: str,
    start: int,
    end: int,
    cuts: list[int],
    language: str | None,
    allowed: Callable[[int, int], bool] | None = None,
) -> list[tuple[int, int]]:
    """The pieces of ``text[start:end]`` at those of the sorted ``cuts`` where both sides keep a content word
    (and ``allowed(prev, cut)``). Each character is read a bounded number of times: the piece before a cut is
    read from just before where the last look stopped (:data:`_OVERLAP`), the rest after it only in its next
    :data:`_LOOKAHEAD` characters."""
    spans, prev = [], start
    left_ok, read_to = False, start
    for c in cuts:
        if not start < c < end or (allowed is not None and not allowed(prev, c)):
            continue
        if not left_ok:  # a word may span the last look's end ("뻔|하지만"): read a little before it again
            left_ok, read_to = _has_content(text[max(prev, read_to - _OVERLAP) : c], language), c
        if left_ok and _has_content(text[c : min(end, c + _LOOKAHEAD)], language):
            spans.append((prev, c))
            prev, left_ok, read_to = c, False, c
    spans.append((prev, end))
    return spans


def _comma_cut(text: str, start: int, end: int, language: str) -> list[tuple[int, int]]:
    """Cut a Chinese piece of more than :data:`ZH_LONG_SENTENCE` characters at its commas, where each side
    keeps :data:`ZH_MIN_PIECE` letters and a content word; a short piece is left whole."""
    if end - start <= ZH_LONG_SENTENCE or not _HAN.search(text, start, end):
        return [(start, end)]
    letters = [0]  # letters before each position of the piece: one pass, however many commas
    for ch in text[start:end]:
        letters.append(letters[-1] + ch.isalpha())

    def long_enough(prev: int, c: int) -> bool:
        before = letters[c - start]
        return before - letters[prev - start] >= ZH_MIN_PIECE and letters[-1] - before >= ZH_MIN_PIECE

    cuts = [m.end() for m in _ZH_COMMA.finditer(text, start, end)]
    return _keep_content(text, start, end, cuts, language, long_enough)


def split_clauses(text: str, *, language: str | None = None, max_clauses: int = 32) -> list[Clause]:
    """Sentences and contrast clauses of ``text``, trimmed of surrounding spaces, in order.

    ``language`` (ISO 639-1, e.g. the Pipeline's detected ``language``) picks the contrast words; None
    or ``"und"`` uses only the words that are unambiguous across languages. Pieces with fewer than two
    letters or without a content word are glued to the previous piece; a comment with more than
    ``max_clauses`` pieces keeps its first ``max_clauses - 1`` and one last piece with the rest.

    Example:
        >>> [c.text for c in split_clauses("服务员很热情，但是菜上得太慢了。", language="zh")]
        ['服务员很热情，', '但是菜上得太慢了。']
        >>> [c.text for c in split_clauses("My dog loved it, but the lead broke.", language="en")]
        ['My dog loved it,', 'but the lead broke.']
    """
    if not text or not text.strip():
        return []
    language = None if language in (None, "", "und") else language
    spans: list[tuple[int, int]] = []
    for s, e in _sentences(text):
        spans.extend(_cut(text, s, e, language))
    merged: list[list[int]] = []
    for s, e in spans:
        piece = text[s:e]
        weak = _few_letters(piece) or not _has_content(piece, language)
        if merged and (weak or merged[-1][2]):
            merged[-1][1] = e
            merged[-1][2] = weak and merged[-1][2]
        else:
            merged.append([s, e, weak])
    if len(merged) > max_clauses:
        merged = [*merged[: max_clauses - 1], [merged[max_clauses - 1][0], merged[-1][1], False]]
    out = []
    for s, e, _ in merged:
        piece = text[s:e]
        lead = len(piece) - len(piece.lstrip())
        trail = len(piece.rstrip())
        if trail > lead:
            out.append(Clause(text[s + lead : s + trail], s + lead, s + trail))
    return out
