"""Stop words per language: what :mod:`vocnlp.words` leaves out of a comment's content words.

spaCy's list for a language (read from its ``stop_words.py`` alone, without running the language package),
else stopwords-iso's, plus vocnlp's additions (:data:`_EXTRA_STOP`: words that named themes of real feedback,
each with the set that showed it), plus the function words of :mod:`vocnlp.regional` for the regional languages
language ID reads as another; every word also in its accent-free spelling (:func:`fold`: people type "cok",
"icin" for Turkish "çok", "için").

Example:
    >>> "the" in stop_words("en"), "cok" in stop_words("tr"), "delivery" in stop_words("en")
    (True, True, False)
    >>> is_stop_word("wasn't", stop_words("en"))
    True
"""

from __future__ import annotations

import importlib.util
import os
import re
import unicodedata
from functools import lru_cache

__all__ = ["fold", "stop_words", "listed_stop_words", "is_stop_word"]


def _words(text: str) -> set[str]:
    """The words of a space-separated list (one language's additions)."""
    return set(text.split())


#: vocnlp's additions to a language's list, each with the real feedback where its words named themes
_EXTRA_STOP: dict[str, set[str]] = {
    "en": _words(
        "n't nt ve ll im dont didnt doesnt wasnt isnt ive cant wont havent thats january february march april"
        " may june july august september october november december monday tuesday wednesday thursday friday"
        " saturday sunday jan feb mar apr jun jul aug sep sept oct nov dec doesn didn wasn isn haven hasn"
        " couldn wouldn shouldn aren weren til"
    ),
    # spaCy's Portuguese list lacks chat spellings of its own words ("tá", is; "pra", for; "vc", you; "q", that;
    # "tb", also; "pq", why) and "vou" (I'm going to) though it has "vai": on 2,000 real Mozambican tweets
    # (AfriSenti) "tá" named a theme of 243 and "vou" one of 103; and "hoje" (today), with yesterday and tomorrow
    "pt": _words("tá tô pra pro né vc vcs q tb tbm mt mto hj msm pq oq daí vou mim hoje ontem amanhã"),
    # spaCy's Thai list lacks the question particle (ไหม, chat มั้ย), softening endings (ป่ะ, อ่ะ, เนอะ, มั้ง)
    # and Isan บ่ ("not"); in the real Wisesight posts they became theme labels ("บ่", "มั้ย", "ปะ / หิว"); later
    # (2026-12-06, 2,000 Wisesight posts through `vocnlp analyze`) "มะ" (chat "want to?") named a theme of 35 posts:
    # with it the other chat particles and short forms (ล่ะ, ไร for อะไร "what", กะ for กับ "with", ว่ะ, งะ, ฮ่า).
    # Nor has it the personal pronouns its list lacks: ผม (I, said by men; also "hair", but none of its 189
    # uses in the Wisesight posts is), ดิฉัน, หนู, เค้า (chat เขา), ตัวเอง, พวกเรา, ท่าน; "ผม" had named a theme
    # of 155 posts ("ผมคิดว่า...", I think) in `vocnlp analyze` (benchmarks/probes/thai_pronouns.py). And as the list
    # holds วันนี้ (today) and เมื่อวาน (yesterday): พรุ่งนี้ (tomorrow; a theme of 102 of 3,000 Wisesight posts,
    # "พรุ่งนี้วันพุธนะ", tomorrow is Wednesday), ตอนนี้ (now), คืนนี้ (tonight), เมื่อกี้ (just now), เดี๋ยวนี้ (nowadays)
    "th": _words(
        "พรุ่งนี้ ตอนนี้ คืนนี้ เมื่อกี้ เดี๋ยวนี้ ผม ดิฉัน หนู เค้า ตัวเอง พวกเรา ท่าน มะ ล่ะ ไร กะ หนิ งะ"
        " ว่ะ วะ ย่ะ ป่าว เด้ ฮ่า บ่ ไหม มั้ย มั๊ย ป่ะ ปะ อ่ะ อะ อ่า งับ คับ ฮะ เนอะ หรอ เหรอ นะคะ เด้อ เน้อ"
        " สิ ดิ ซิ มั้ง อิอิ"
        # question words (why, how, when, where, which), as English's list has them: "ทำไม" named a theme of
        # 2,000 real Wisesight posts
        " ทำไม อย่างไร เมื่อไหร่ เมื่อไร ที่ไหน ไหน"
    ),
    # stopwords-iso's Swahili list (spaCy has none) lacks "or", "not", demonstratives and possessives; on real
    # Swahili tweets (AfriSenti) "au", "sio", "hii", "wetu", "wangu" named themes with it, then "ila" (but),
    # "gani" (which) and "mwenyewe" (oneself)
    "sw": _words(
        "au sio si hii hizi huu hili hiki hicho hilo hao wetu wangu wako wenu yetu yako zetu zako langu lako"
        " letu wewe sisi ninyi nyinyi mwenyewe ila gani sa"
        # later (2026-12-06, 2,000 Swahili tweets through `vocnlp analyze`) "leo" (today), "ndo" (it is), "kesho"
        # (tomorrow), "ina" / "ana" (has), "kuliko" (than), "mengi" / "wengi" (many), "kwanza" (first), "tatu"
        # (three), "sijui" (I don't know) named themes: with them the days, "there is", "yes", "who", "still",
        # "here", "truly" and the numbers to ten, as English's list has them; then "maana" (because), "dhidi"
        # (against), "hivi" (these, so), and the titles before a name, "mhe" (Hon.) and "dkt" (Dr.)
        " leo jana kesho ndo ndio ndiyo ana ina kuna kuliko wengi mengi kwanza sijui hapa huyo nani bado kweli"
        " maana dhidi hivi mhe dkt"
        " moja mbili tatu nne tano sita saba nane tisa kumi"
    ),
    # spaCy's Amharic list lacks "and" (እና), the personal pronouns, the question words, "very" (በጣም) and the
    # copulas and their negations (ነህ, you are; አይደለም, is not; የለም, there is no): on real Amharic tweets
    # (AfriSenti) they named 9 of the 15 largest themes; without them, "or" (ወይስ), "this" (ይሄ), "no" (አይ),
    # "would it be" (ይሆን) and "I said" (ብዬ) named 5 more
    "am": _words(
        "እና እኔ እሱ እሷ እኛ እነሱ ምን ምንድን ምንድነው ለምን እንዴት የት መቼ ነህ ነሽ ነኝ አይደለም የለም ምንም በጣም ያ እዚህ እዚያ እንዴ ደግሞ ይሆን ብዬ ወይስ ይሄ አይ"
    ),
    # stopwords-iso's Hausa list (39 words) lacks particles and pronouns that named themes of 2,000 real Hausa
    # tweets (AfriSenti) declared as Hausa: "dai", "kenan", "wai", "kawai" (only); then, through `vocnlp analyze
    # --languages ha` on 2,000 others, "toh" (well), "akwai" (there is), "idan" (if), "har" (until), "zai"
    # (will), "ai" (indeed)
    "ha": _words(
        "dai kenan wai kawai wanda wadanda yanzu mu ku kai ke mana nan haka fa idan har zai muna suna kowa"
        " toh akwai babu wlh wallahi ai"
    ),
    # spaCy's Yoruba list lacks "tó" / "t'ó" (that, which), "kíni" (what), "wípé" (that), "má" (don't) and
    # pronouns: they named themes of 2,000 real Yoruba tweets (AfriSenti) declared as Yoruba
    "yo": _words("tó t'ó kíni kínni wípé èmi ìwọ àwa kìí mí yín má"),
    # spaCy's Tigrinya list has ኣብ (in), not its common spelling አብ, nor ጥራሕ (only), ብሓቂ (truly): they named
    # themes of 2,400 real Tigrinya tweets (AfriSenti)
    "ti": _words("አብ አሎ ጥራሕ ብሓቂ"),
    # spaCy's Indonesian list lacks the chat spellings of its own words
    "id": _words(
        "yg dg dgn utk tdk gak ga gk nya aja sih"
        # the article before a name or nickname ("si mbak"): on held-out SmSA it named a theme and
        # matched every word it starts ("sini", "sifat"), so it "covered" 85% of it
        " si"
        " deh kok dah udah kalo jg tp ya lg bgt banget sy dr krn trs trus cuman cuma sdh blm bs bisa jd jadi"
        " kl klo pd sm aj nih tuh dll ok oke gue gw aku ane lu loe"
        # fillers that became IndoNLU theme labels ("kayak", "gara", "gitu", "segitu")
        " kayak kaya gara gitu segitu emang pokoknya soalnya sampe gimana"
        # pronouns written apart ("tas ku", my bag; "ku mohon", I beg) and the titles before a name ("bu susi",
        # "pak jokowi"): they named themes of 2,000 real SmSA reviews ("ku", "bu")
        " ku mu kau engkau bu pak"
    ),
    # words that say how a reviewer feels or talks, never what about: spaCy's lists lack them, and they
    # became theme labels on real reviews (ASAP zh: 感觉, 一股, 可惜; Japanese hotel reviews: わけ, 本当,
    # 充分; NSMC ko: 위해, 봤는데, 나오는)
    "zh": _words(
        "全程 关注 一点多 位于 沒有 没有 旁边 地方 感觉 一股 可惜 哈哈 哈哈哈 呵呵 想想 下次 真的 去过 吃完"
        " 有点 一点 时候 还是 特别 一下 一次 第一次 以后 之前 这次 知道 打算"
        " 只能 好像 应该 其实 一直 已经 总体 总之 整体 感觉很 不过 然后 而且 因为 所以 还有 这样 那么 挺 超级"
        " 确实 简直 估计 几次 每次 当时 后来 最后 终于 一般般 总的来说 个人"
        " 本人 朋友 大家"
    ),
    "ja": _words(
        "通り 利用 ほう 今度 場合 最高 わけ 本当 充分 十分 感じ 今回 次回 色々 いろいろ 結構 普通 特に 是非"
        " ぜひ 少し ちょっと 一度 何度 とても 非常 思う 思い 行く 行っ 来る 来"
        " する し 出来 できる ある いる なる 事 物 方 所 よう"
    ),
    "ko": _words(
        "있다 않았다 않다 않고 본건 보세요 근데 하는데 했는데 같다 같은데 없다 것 수 거 때 등 점 중 듯 뿐 데 줄"
        " 분 이건 그냥 수도 이렇게 것이 것은 충분히 있지만 봤다 수가 하고"
        " 해서 한다 했다 된다 그래서 위해 정말 진짜 너무 봤는데 나오는 하는 있는 없는 같은 보고 보는 이런 그런"
        " 어떻게 것도 그리고 하지만 그래도 완전 약간 좀 많이 다시 계속 역시"
        " 아주 매우 정도 이거 그거 저거 뭐 왜 ㅋㅋ ㅋㅋㅋ ㅎㅎ ㅠㅠ ㅜㅜ"
    ),
}

#: what follows the apostrophe of a contraction ("i'd", "we'll", "wasn't")
_CLITICS = frozenset({"d", "s", "m", "ll", "ve", "re", "t"})


def fold(word: str) -> str:
    """``word`` without diacritics (``"não"`` -> ``"nao"``, ``"için"`` -> ``"icin"``)."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", word) if not unicodedata.combining(ch))


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
