"""Korean words read by Kiwi's morphemes (kiwipiepy, from the ``cjk`` extra): a word (eojeol) without its
particles (:func:`ko_base`), its root (:func:`ko_stem`), whether it holds a noun or is a pronoun, and what a
negation after it negates (:func:`ko_negated`). Each word is analysed once and its morphemes kept
(:data:`KO_CACHE` words); :func:`analyse` does many in one Kiwi batch. Without Kiwi every function answers
as if the word had no parts (the word itself, None, False).

Example:
    >>> ko_base("영화가"), ko_stem("지루한"), ko_negated("지루하지", "않았다")   # doctest: +SKIP
    ('영화', '지루', '지루하지')
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

logger = logging.getLogger(__name__)

__all__ = ["KO_CACHE", "analyse", "ko_base", "ko_stem", "ko_has_noun", "ko_pronoun", "ko_negated"]

_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_lock = threading.Lock()  # one Kiwi, analysing one request at a time


@lru_cache(maxsize=1)
def _kiwi() -> Any:
    try:
        from kiwipiepy import Kiwi

        # without Kiwi's multi-word dictionary (names such as "데미 무어" as one proper noun): it took 2-2.5 s
        # of every process that met Korean (load and first analysis), and on the first 2,000 NSMC reviews
        # it changed 39 of 9,354 words, all names of people and titles (benchmarks/probes/kiwi_multi_dict.py)
        return Kiwi(load_multi_dict=False)
    except (ImportError, RuntimeError, OSError) as exc:
        logger.info("kiwipiepy unusable (%s; pip install 'vocnlp[cjk]'): Korean words keep their particles", exc)
        return None


_KO_NOUNISH = ("NN", "XSN", "SL", "SH", "XR")


_KO_MORPHS: dict[str, tuple[tuple[str, int, int], ...]] = {}
#: Korean words whose morphemes are kept (then the cache starts afresh)
KO_CACHE = 200_000


def _ko_morphs(word: str) -> tuple[tuple[str, int, int], ...] | None:
    """Kiwi's morphemes of one Korean word as ``(tag, start, length)``, once per word; None without Kiwi
    or Hangul."""
    got = _KO_MORPHS.get(word)
    if got is not None:
        return got
    if not _HANGUL.search(word):
        return None
    kiwi = _kiwi()
    if kiwi is None:
        return None
    with _lock:
        got = _morphs(kiwi.tokenize(word))
    _keep({word: got})
    return got


def _morphs(tokens: Iterable[Any]) -> tuple[tuple[str, int, int], ...]:
    return tuple((t.tag, t.start, t.len) for t in tokens)


def _keep(morphs: dict[str, tuple[tuple[str, int, int], ...]]) -> None:
    if len(_KO_MORPHS) + len(morphs) > KO_CACHE:
        _KO_MORPHS.clear()
    _KO_MORPHS.update(morphs)


def analyse(words: Iterable[str]) -> int:
    """Kiwi's morphemes of many Korean words in one batch (its worker threads; 3.5x faster than word by word
    on 9,354 NSMC words), then of their bases (영화가 -> 영화: labels ask whether a base names something).
    Returns how many words were analysed; 0 without Kiwi.

    Example:
        >>> analyse(["영화가", "재미없게"])                     # doctest: +SKIP
        3
    """
    todo_words = {w for w in words if _HANGUL.search(w)}
    done = 0
    for _ in range(2):
        todo = sorted(w for w in todo_words if w not in _KO_MORPHS)
        if not todo:
            break
        kiwi = _kiwi()
        if kiwi is None:
            return 0
        with _lock:
            found = {w: _morphs(toks) for w, toks in zip(todo, kiwi.tokenize(todo))}
        _keep(found)
        done += len(found)
        todo_words = {ko_base(w) for w in todo}
    return done


def ko_base(word: str) -> str:
    """A Korean word (eojeol) without the particles or copula ending after its noun: 영화가, 영화는,
    영화네요 -> 영화; 배우들의 -> 배우들. Verbs and adjectives keep their endings (재미없게). Without the
    ``cjk`` extra (Kiwi), the word as it is.

    Example:
        >>> ko_base("연기가"), ko_base("재미없게")                      # doctest: +SKIP
        ('연기', '재미없게')
    """
    toks = _ko_morphs(word)
    if toks is None:
        return word
    keep = len(toks)
    while keep > 1 and (toks[keep - 1][0].startswith("J") or toks[keep - 1][0] in ("VCP", "EF", "EC", "EP", "ETM")):
        keep -= 1
    if keep == len(toks) or not toks[keep - 1][0].startswith(_KO_NOUNISH):
        return word  # nothing after a noun to strip (a verb's ending stays)
    end = toks[keep - 1][1] + toks[keep - 1][2]
    return word[:end] if 0 < end <= len(word) else word


def ko_stem(word: str) -> str:
    """The root of a Korean word, for telling two spellings of one idea apart: :func:`ko_base` without a
    noun's derivational suffix (매력적 -> 매력, 배우들의 -> 배우) or a 하다 adjective's ending (지루함, 지루한,
    지루해서 -> 지루; 부족한 -> 부족). Other verbs and adjectives keep their form (재미있다, 웃긴). Without the
    ``cjk`` extra (Kiwi), :func:`ko_base`'s answer (the word itself).

    Example:
        >>> ko_stem("매력적인"), ko_stem("배우들의"), ko_stem("지루한"), ko_stem("재미있다")  # doctest: +SKIP
        ('매력', '배우', '지루', '재미있다')
    """
    base = ko_base(word)
    toks = _ko_morphs(base)
    if not toks or len(toks) < 2:
        return base
    tag, start, length = toks[0]
    rest = [t for t, _, _ in toks[1:]]
    end = start + length
    noun_suffix = tag.startswith("NN") and all(t == "XSN" for t in rest)
    # the root or noun of a 하다 adjective: 지루해서 (지루/XR + 하/XSA), 부족한 (부족/NNG + 하/XSA)
    # (and particles after the ending: 지루하진, 지루하지도)
    root_ending = tag in ("XR", "NNG") and rest[0] == "XSA" and all(t.startswith(("XSA", "E", "J")) for t in rest)
    if (noun_suffix or root_ending) and 0 < end < len(base):
        return base[:end]
    if tag == "VA" and start == 0 and all(t.startswith("E") for t in rest):
        # a 하다 adjective that Kiwi reads as one adjective (지루한: 지루하/VA, but 지루해서: 지루/XR + 하/XSA;
        # 허술한, 산만한 always): its root, the two or more syllables before 하
        for k in range(2, min(length, len(base))):
            if _is_ha(base[k]):
                return base[:k]
    return base


def _ko_lacking(form: str) -> str | None:
    """The noun of a Korean adjective written as noun + 없다 in one (재미없, no fun; 필요없, needless) -> 재미, 필요;
    None for others (어이없, absurd: 어이 is no noun; 없 alone)."""
    if len(form) < 3 or not form.endswith("없"):
        return None
    toks = _ko_morphs(form[:-1])
    return form[:-1] if toks and len(toks) == 1 and toks[0][0] in ("NNG", "NNP") else None


def _is_ha(syllable: str) -> bool:
    """A Hangul syllable of the verb 하다 (하, 한, 할, 함, 해, 했 ...): initial ㅎ, vowel ㅏ or ㅐ."""
    code = ord(syllable) - 0xAC00
    return 0 <= code < 11172 and code // 588 == 18 and (code % 588) // 28 in (0, 1)


def ko_has_noun(word: str) -> bool:
    """The Korean word holds a noun (or a root, 지루 in 지루하다): 보면서, 그렇지, 봤어요 do not. True
    without Kiwi (nothing to tell by)."""
    toks = _ko_morphs(word)
    return toks is None or any(tag in ("NNG", "NNP", "SL", "XR") for tag, _, _ in toks)


def ko_pronoun(word: str) -> bool:
    """The Korean word is a pronoun with nothing but particles after it (내가, 나는, 제가, 저는, 우리가, 이게, 그게: I,
    we, this, that), a function word though no stop list holds its particle forms: "내가" was a content word
    of NSMC reviews ("내가 본 영화", the film I saw). False without Kiwi.

    Example:
        >>> ko_pronoun("내가"), ko_pronoun("우리"), ko_pronoun("영화가")   # doctest: +SKIP
        (True, True, False)
    """
    toks = _ko_morphs(word)
    if not toks:
        return False
    return toks[0][0] == "NP" and all(tag.startswith("J") for tag, _, _ in toks[1:])


#: what negates a Korean verb or adjective from after it: 지루하지 않다 (not boring), 잘하지 못했다 (did not do well)
_KO_NOT = {("VX", "않"), ("VV", "않"), ("VX", "못하"), ("MAG", "못")}
#: the ending before such a negation, 지 (진: 지 and the particle ㄴ, as Kiwi gives it)
_KO_JI = ("지", "진")
#: ... and a noun: 재미는 없다 (there is no fun), 좋은 영화는 아니다 (it is not a good film)
_KO_NO = {("VA", "없"), ("VCN", "아니")}


def ko_negated(word: str, following: str | None = None) -> str | None:
    """Korean negates after the word: the part of the Korean ``word`` that is negated (to take the stem of),
    or None. By its own ending (지루하지않다, 지루하진않았다: 지 then 않 / 못하 -> 지루하), or by the ``following``
    word, where nothing but a space stands between: a verb or adjective ending in 지 before 않다 / 못하다 / 못
    (지루하지 않았다, 지루하진 않다 -> the word), a noun before 없다 / 아니다 (재미는 없다 -> 재미는); and a noun
    with 없다 written as one word (재미없다, 재미없는 -> 재미, fun). Without Kiwi (the ``cjk`` extra), None.

    Example:
        >>> ko_negated("지루하지", "않았다"), ko_negated("지루하지않다"), ko_negated("지루했다", "정말")   # doctest: +SKIP
        ('지루하지', '지루하', None)
    """
    toks = _ko_morphs(word)
    if not toks:
        return None
    forms = [(tag.split("-")[0], word[start : start + length]) for tag, start, length in toks]
    head = forms[0]
    if head[0] == "VA" and (lacking := _ko_lacking(head[1])) is not None:
        return lacking  # 재미없습니다 (it is no fun): 재미, fun
    if head[0].startswith("NN") and len(forms) > 1 and forms[1][1] == "없" and forms[1][0] in ("VA", "VV"):
        return word[: toks[1][1]] or None  # 재미없는, read as 재미 + 없
    for k, (tag, form) in enumerate(forms):  # 지 (or 진, 지 + ㄴ), particles, then 않 / 못하, in the word
        if k and tag in ("EC", "EF") and form[:1] in _KO_JI:
            j = k + 1
            while j < len(forms) and forms[j][0].startswith("J"):
                j += 1
            if j < len(forms) and forms[j] in _KO_NOT:
                r = k - 1  # back to the root of what 지 ends (a run written without spaces holds more words)
                while r > 0 and (forms[r][0] in ("XSA", "XSV") or forms[r][0].startswith("E")):
                    r -= 1
                return word[toks[r][1] : toks[k][1]] or None
    nxt = _ko_morphs(following) if following else None
    if not nxt or following is None:
        return None
    first = (nxt[0][0].split("-")[0], following[nxt[0][1] : nxt[0][1] + nxt[0][2]])
    last = len(forms)
    while last > 1 and forms[last - 1][0].startswith("J"):
        last -= 1
    tag, form = forms[last - 1]
    if first in _KO_NOT and last > 1 and tag in ("EC", "EF") and form[:1] in _KO_JI:
        return word
    if first in _KO_NO and tag.startswith(_KO_NOUNISH):
        return word
    return None
