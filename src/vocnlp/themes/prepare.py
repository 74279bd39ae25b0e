"""The first step of ``ThemeModel.fit``: the clauses themes are found on, as :class:`FitData`.

Clauses with a content word, a language-stratified sample above ``max_fit_units``, their centred embeddings
(corpus mean removed, and the directions along which languages differ), redacted texts, keyword tokens and
dates. :func:`distinct_units` then picks the clauses discovery runs on: one of each wording, with two or more
content words.

Example:
    >>> import numpy as np
    >>> picked = stratified(np.arange(10), np.array(["en"] * 8 + ["de"] * 2), 5, np.random.default_rng(0))
    >>> len(picked), int((picked >= 8).sum())   # 5 rows, the German ones in proportion (one of two)
    (5, 1)
"""

from __future__ import annotations

import logging
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from ..errors import InputError
from . import cluster
from .phrases import candidates
from .state import UNASSIGNED
from .terms import theme_tokens
from .units import Units

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

__all__ = [
    "LANGUAGE_CENTERING",
    "MIN_FIT_WORDS",
    "FitData",
    "Prepared",
    "content_counts",
    "distinct_units",
    "language_basis",
    "missing_offsets",
    "prepare",
    "stratified",
    "word_counts",
]

logger = logging.getLogger(__name__)
#: clauses with fewer content words ("de alguns dias.", "Yes it was") never form themes of their own
MIN_FIT_WORDS = 2
#: ``ThemeModel(language_centering=...)``: the language directions removed before themes are found
LANGUAGE_CENTERING = ("reference", "corpus", None)
#: with ``"reference"``: a language the reference set lacks that holds at least this share of the clauses (and 30)
#: adds its own direction, measured on the corpus (its mean minus the mean of those languages' means), when two or
#: more languages hold that much. NusaX's 3,300 reviews in Indonesian and ten regional languages, none of them in
#: the reference, had their themes by language (benchmarks/themes_parallel.py); a language detected now and then
#: (96 IndoNLU clauses read as Malay, 1.6%) adds none, and a corpus in one language is left as it is
CORPUS_LANGUAGE_SHARE = 0.05


@dataclass
class FitData:
    """The clauses a model was fitted on (kept in memory for split / merge; not saved)."""

    units: Units
    z: np.ndarray
    labels: np.ndarray
    tokens: list[str]
    dates: list[Any] | None = None
    n_words: np.ndarray | None = None
    #: share of the comments whose clauses hold no content word (no theme for them, whatever the threshold)
    empty_share: float = 0.0
    _phrases: list[list[str]] | None = None

    def phrases(self) -> list[list[str]]:
        """Each clause's label candidates (:func:`.phrases.candidates`), found once for the anchors and labels."""
        if self._phrases is None:
            self._phrases = [candidates(t, lang) for t, lang in zip(self.units.texts, self.units.language)]
        return self._phrases


@dataclass
class Prepared:
    """What :func:`prepare` returns: the fit's clauses, every clause with its content-word count, and the
    centring (corpus mean, language directions) that ``transform`` applies too."""

    fit: FitData
    units: Units
    n_words: np.ndarray
    mean: np.ndarray
    basis: np.ndarray


def content_counts(units: Units) -> np.ndarray:
    """Content words in each clause of ``units`` (:func:`word_counts`)."""
    return word_counts(units.texts, units.language)


def word_counts(texts: Sequence[str], languages: Sequence[str | None]) -> np.ndarray:
    """Content words in each text (Korean words analysed in one batch first).

    Example:
        >>> word_counts(["Livid.", "Engineer missed the appointment"], ["en", "en"]).tolist()
        [1, 3]
    """
    import numpy as np

    from ..words import analyse_korean, content_words

    analyse_korean(t for t, lang in zip(texts, languages) if lang == "ko")
    return np.array([len(content_words(t, lang)) for t, lang in zip(texts, languages)], dtype=np.int64)


def stratified(idx: np.ndarray, strata: np.ndarray, k: int, rng: np.random.Generator) -> np.ndarray:
    """``k`` of ``idx``, each stratum (language) in proportion to its size (at least one row each), sorted."""
    import numpy as np

    out = []
    for s in sorted(set(strata.tolist())):
        members = idx[strata == s]
        take = min(len(members), max(1, round(k * len(members) / len(idx))))
        out.append(rng.choice(members, take, replace=False))
    picked = np.concatenate(out) if out else idx[:0]
    if len(picked) > k:  # rounding up every stratum can overshoot by a few: drop those at random
        picked = rng.choice(picked, k, replace=False)
    return np.sort(picked)


def language_basis(units: Units, centering: str | None) -> np.ndarray:
    """The directions along which languages differ, to remove (rows; none with ``centering=None``):
    ``"reference"`` measured on vocnlp's multilingual set, with those of the corpus's large languages that
    the set lacks (:data:`CORPUS_LANGUAGE_SHARE`), ``"corpus"`` on these clauses' language means."""
    import numpy as np

    empty = np.zeros((0, units.embeddings.shape[1]), np.float32)
    if centering is None:
        return empty
    if centering == "corpus":
        return cluster.language_basis(cluster.corpus_offsets(units.embeddings, units.language))
    from .reference import reference_offsets

    ref = reference_offsets()
    offsets = [*ref.values(), *missing_offsets(units.embeddings, units.language, set(ref))]
    return cluster.language_basis(np.stack(offsets)) if offsets else empty


def missing_offsets(x: np.ndarray, languages: Sequence[str], known: Collection[str]) -> np.ndarray:
    """The offsets (rows) of the corpus's large languages outside ``known`` (:data:`CORPUS_LANGUAGE_SHARE`): each
    one's mean minus the mean of the large languages' means; none unless two or more languages are large.

    Example:
        >>> import numpy as np
        >>> x = np.array([[1.0, 0.0]] * 40 + [[0.0, 1.0]] * 40 + [[5.0, 5.0]])
        >>> missing_offsets(x, ["jv"] * 40 + ["en"] * 40 + ["su"], {"en"}).tolist()
        [[0.5, -0.5]]
    """
    least = max(30, CORPUS_LANGUAGE_SHARE * len(languages))
    return cluster.corpus_offsets(x, languages, min_count=least, skip=known)


def prepare(
    units: Units,
    *,
    seed: int,
    max_fit_units: int,
    centering: str | None,
    redact: bool,
    dates: pd.Series | None = None,
) -> Prepared:
    """The clauses to fit on (with content words, sampled above ``max_fit_units``), centred, redacted and
    tokenised; ``dates``: one per row of the frame ``units`` came from (parsed)."""
    import numpy as np

    n_words = content_counts(units)
    content = n_words >= 1
    if (n_words >= MIN_FIT_WORDS).sum() < 20:
        raise InputError(
            f"only {int(content.sum())} comments/clauses with words to find themes in; "
            "a ThemeModel needs at least 20 (a few hundred make useful themes)"
        )
    fit_idx = np.nonzero(content)[0]
    rng = np.random.default_rng(seed)
    if len(fit_idx) > max_fit_units:
        fit_idx = stratified(fit_idx, np.asarray(units.language)[fit_idx], max_fit_units, rng)
        logger.info(
            "fitting on a sample of %d of %d clauses (stratified by language)", len(fit_idx), int(content.sum())
        )
    fit_units = units.take(fit_idx)
    mean = fit_units.embeddings.mean(axis=0).astype(np.float32)
    basis = language_basis(fit_units, centering)
    z = cluster.center(fit_units.embeddings, mean, basis=basis)
    if redact:
        # personal data never reaches terms, labels or examples: rules and cue-word names on every clause
        from ..pii import redact as redact_texts

        fit_units = replace(fit_units, texts=redact_texts(fit_units.texts, languages=fit_units.language, ner=False))
    tokens = [theme_tokens(t, lang) for t, lang in zip(fit_units.texts, fit_units.language)]
    fit_dates = None if dates is None else [dates.iat[int(r)] for r in fit_units.row]
    empty = 1 - len(set(units.row[content].tolist())) / max(len(set(units.row.tolist())), 1)
    labels = np.full(len(fit_units), UNASSIGNED, np.int64)
    fit = FitData(fit_units, z, labels, tokens, fit_dates, n_words[fit_idx], empty)
    return Prepared(fit, units, n_words, mean, basis)


def distinct_units(fit: FitData) -> tuple[list[str], np.ndarray]:
    """Each fitted clause's key (lower case, spaces collapsed) and the fitted clauses themes are found on:
    the first of each key with two or more content words, in order. Identical clauses ("Great service" x
    40) count once: duplicates would make dense pockets of one phrasing (and one language) instead of
    themes; shorter clauses may join a theme later."""
    import numpy as np

    keys = [" ".join(t.lower().split()) for t in fit.units.texts]
    first: dict[str, int] = {}
    for k, key in enumerate(keys):
        first.setdefault(key, k)
    assert fit.n_words is not None
    uniq = np.array(sorted(k for k in first.values() if fit.n_words[k] >= MIN_FIT_WORDS), dtype=np.int64)
    return keys, uniq
