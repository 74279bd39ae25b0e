"""ThemeModel: one multilingual theme taxonomy over customer comments, with BERTopic underneath.

``fit`` runs in three steps: **prepare** (clauses with two or more content words, a language-stratified
sample above ``max_fit_units``, centred embeddings with the language directions removed, redaction,
keyword tokens), **cluster** (themes anchored on frequent, one-sense phrases, :mod:`vocnlp.themes.anchors`,
or with ``discovery="clusters"`` BERTopic's UMAP + HDBSCAN with outliers joined, centroid refinement and
near-duplicates merged, :mod:`vocnlp.themes.cluster`; over-large themes are split) and
**describe** (phrase labels in each theme's language, keywords, examples, sentiment mix and a parent
level grouping related themes). The result is a :class:`~vocnlp.themes.state.ThemeState`: a
:class:`~vocnlp.themes.state.Theme` record per id. ``transform`` assigns each clause to the most similar
theme centre when the similarity reaches the calibrated threshold, so ids never shift on new data.

Example:
    >>> nlp = vocnlp.Pipeline.default(keep_embeddings=True)                 # doctest: +SKIP
    >>> out = nlp.run(df, text_col="comment")                               # doctest: +SKIP
    >>> tm = vocnlp.ThemeModel(seed=0).fit(out, text_col="comment")         # doctest: +SKIP
    >>> tm.transform(out)[["comment", "theme_id", "theme", "theme_parent", "themes"]]   # doctest: +SKIP
"""

from __future__ import annotations

import logging
import os
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..encoders.identity import check_encoder
from ..errors import ConfigError, InputError, NotFittedError
from ..frames import require_columns
from . import anchors, cluster, edits
from .describe import describe_themes, parent_groups, parent_labels, restated_pairs
from .labels import MIXED_COVERAGE, candidates
from .state import UNASSIGNED, UNASSIGNED_LABEL, ThemeState
from .terms import theme_tokens
from .units import Units, units_from_frame

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

    from .state import Theme

__all__ = ["DISCOVERY", "MIN_FIT_WORDS", "OUTLIER_QUANTILE", "UNASSIGNED", "UNASSIGNED_LABEL", "ThemeModel"]

logger = logging.getLogger(__name__)
#: clauses with fewer content words ("de alguns dias.", "Yes it was") never form themes of their own
MIN_FIT_WORDS = 2
#: ``assign`` centres and scores this many rows at a time, so its memory does not grow with the corpus
ASSIGN_BLOCK = 50_000
#: how themes are found: from anchor phrases (:mod:`.anchors`), by BERTopic's UMAP + HDBSCAN steps, or
#: ``"auto"``: anchors where one language holds :data:`AUTO_ONE_LANGUAGE` of the clauses and the anchored
#: themes take in :data:`AUTO_MIN_ASSIGNED` of them, else clusters
DISCOVERY = ("auto", "phrases", "clusters")
#: anchors are phrases of one language; where over 5% of the clauses are in others, density clusters of the
#: language-centred vectors keep one taxonomy across languages (parallel translations in a corpus 88% English:
#: 0.92 in one theme clustered, 0.73 anchored)
AUTO_ONE_LANGUAGE = 0.95
#: a corpus with little repeated phrasing (453 short comments in 15 languages: 3 anchored themes, 73% of the
#: comments unassigned) is clustered instead
AUTO_MIN_ASSIGNED = 0.75
#: ``outlier_quantile=None``: per discovery. Anchored themes take their centres from clauses that hold
#: the anchor phrase, whose similarities to the centre spread wider than a density cluster's members do
OUTLIER_QUANTILE = {"phrases": 0.01, "clusters": 0.05}
#: ``outlier_quantile=None`` with phrases: the highest quantile from ``OUTLIER_QUANTILE["phrases"]`` up to
#: this that leaves at most :data:`MAX_UNASSIGNED_COMMENTS` of the fitted comments without a theme. A long
#: review's filler clauses ("总的来说", all in all) then stay out of the themes, which its other clauses give it
#: (benchmarks/RESULTS.md, "Themes on real data": label coverage and refit agreement on the long Chinese and
#: Japanese reviews); short comments, whose one clause is their only way into a theme, keep the low quantile
STRICTEST_QUANTILE = 0.05
MAX_UNASSIGNED_COMMENTS = 0.05
_PARAMS = (
    "discovery",
    "min_theme_size",
    "max_theme_share",
    "outlier_quantile",
    "seed",
    "seed_themes",
    "seed_similarity",
    "n_neighbors",
    "n_components",
    "max_fit_units",
    "top_n_terms",
    "language_centering",
    "backend",
    "encoder_model",
    "redact",
    "merge_similarity",
    "parent_similarity",
)


def _pandas(data: Any, text_col: str | None) -> pd.DataFrame:
    from ..frames import as_frame, to_pandas

    frame = as_frame(data, text_col=text_col)  # the text column's checks and messages
    return to_pandas(frame.data, text_col=frame.text_col)


def _content_counts(units: Units) -> np.ndarray:
    """Content words in each clause (Korean words analysed in one batch first)."""
    import numpy as np

    from ..words import analyse_korean, content_words

    analyse_korean(t for t, lang in zip(units.texts, units.language) if lang == "ko")
    return np.array([len(content_words(t, lang)) for t, lang in zip(units.texts, units.language)])


def _stratified(idx: np.ndarray, strata: np.ndarray, k: int, rng: np.random.Generator) -> np.ndarray:
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
        """Each clause's label candidates (:func:`.labels.candidates`), found once for the anchors and labels."""
        if self._phrases is None:
            self._phrases = [candidates(t, lang) for t, lang in zip(self.units.texts, self.units.language)]
        return self._phrases


def _distinct_units(fit: FitData) -> tuple[list[str], np.ndarray]:
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


class ThemeModel:
    """Themes of customer comments (scikit-learn style: ``fit`` returns self, state in ``*_`` attributes).

    Args:
        discovery: ``"phrases"``: each theme grows from a phrase the customers wrote, frequent and used for
            one thing (:mod:`vocnlp.themes.anchors`), which refits reproduce; ``"clusters"``: UMAP + HDBSCAN
            through BERTopic (the only way before 2026-12-04); ``"auto"`` (default): phrases where one known
            language holds 95% of the clauses and its anchored themes take in 75% of them, else clusters.
            ``fit_stats_["discovery"]`` says which ran.
        min_theme_size: smallest theme, in clauses; ``"auto"`` grows with the corpus (n/150, 10..200).
        max_theme_share: a theme holding more of the clauses than this is split.
        outlier_quantile: outliers join their nearest theme when at least as similar as this quantile of
            the theme members' own similarities; lower keeps fewer unassigned. None: 0.05 with clusters;
            with phrases the highest of 0.01-0.05 that leaves at most 5% of the fitted comments without a
            theme (:data:`OUTLIER_QUANTILE`, :data:`STRICTEST_QUANTILE`).
        seed: seeds UMAP and k-means; the same data and seed give the same themes.
        seed_themes: known themes, ``{name: [seed phrases]}``; discovered themes that match one join it
            (ids 0, 1, ... in the order given) and the rest stay new themes.
        seed_similarity: centred cosine between a discovered theme's centroid and a seed theme's phrases
            at which they match (a seed word among the theme's keywords also matches).
        max_fit_units: above this many clauses, fit on a seeded sample and assign the rest.
        language_centering: remove the directions along which languages differ before clustering and
            assigning, so one theme holds the same complaint in every language: ``"reference"`` (the
            directions measured on vocnlp's multilingual set, 15 languages), ``"corpus"`` (this corpus's
            language means; languages with 30+ clauses) or None.
        merge_similarity: two themes whose centres are at least this similar (centred cosine) say the
            same thing and are merged (one problem, one theme); None keeps them apart. With phrases
            it applies to the anchors: a phrase used this similarly to an anchor
            never anchors a theme of its own.
        parent_similarity: themes whose centres are this similar on average share a parent theme.
        backend, encoder_model: encoder for frames that do not carry the Pipeline's embeddings (and for
            label phrases); it must be the Pipeline's encoder.
    """

    state_: ThemeState  # set by fit / load; absent before (NotFittedError)
    _fit_data: FitData | None = None  # the fit's clauses (not after load)
    _made_with: dict[str, str] | None = None  # the encoder of the vectors being fitted
    _bertopic: Any = None
    _bertopic_path: Path | None = None
    _bertopic_docs: tuple[list[str], list[int]] | None = None  # a loaded model's, for bertopic_
    _seed_names: dict[int, str] = {}  # noqa: RUF012 - replaced per instance by fit, never mutated
    _discovery: str = "clusters"  # what the last fit ran ("phrases" or "clusters")

    def __init__(
        self,
        *,
        discovery: str = "auto",
        min_theme_size: int | str = "auto",
        max_theme_share: float = 0.15,
        outlier_quantile: float | None = None,
        seed: int = 0,
        seed_themes: Mapping[str, Sequence[str]] | None = None,
        seed_similarity: float = 0.35,
        n_neighbors: int = 15,
        n_components: int = 5,
        max_fit_units: int = 50_000,
        top_n_terms: int = 8,
        language_centering: str | None = "reference",
        backend: str = "auto",
        encoder_model: str | None = None,
        redact: bool = True,
        merge_similarity: float | None = 0.65,
        parent_similarity: float = 0.45,
    ) -> None:
        # stored as passed (scikit-learn's contract: clone() rebuilds the model from get_params())
        self.redact = redact
        self.discovery = discovery
        self.min_theme_size = min_theme_size
        self.max_theme_share = max_theme_share
        self.outlier_quantile = outlier_quantile
        self.seed = seed
        self.seed_themes = seed_themes
        self.seed_similarity = seed_similarity
        self.n_neighbors = n_neighbors
        self.n_components = n_components
        self.max_fit_units = max_fit_units
        self.top_n_terms = top_n_terms
        self.language_centering = language_centering
        self.backend = backend
        self.encoder_model = encoder_model
        self.merge_similarity = merge_similarity
        self.parent_similarity = parent_similarity

    # ---- helpers -------------------------------------------------------------------------------
    def get_params(self, deep: bool = True) -> dict[str, Any]:
        """The constructor's parameters as set (scikit-learn's contract; ``deep`` changes nothing here).

        Example:
            >>> ThemeModel(seed=3).get_params()["seed"]
            3
        """
        return {k: getattr(self, k) for k in _PARAMS}

    def set_params(self, **params: Any) -> ThemeModel:
        """Set constructor parameters (a refit uses them); unknown names raise :class:`ConfigError`."""
        unknown = sorted(set(params) - set(_PARAMS))
        if unknown:
            raise ConfigError(f"ThemeModel has no parameters {unknown}; it has {sorted(_PARAMS)}")
        for k, v in params.items():
            setattr(self, k, v)
        return self

    def __repr__(self) -> str:
        """Like scikit-learn's: the parameters that differ from their defaults."""
        import inspect

        defaults = {k: p.default for k, p in inspect.signature(type(self).__init__).parameters.items() if k in _PARAMS}
        changed = [f"{k}={v!r}" for k, v in self.get_params().items() if defaults.get(k, object()) != v]
        return f"ThemeModel({', '.join(changed)})"

    def _check_params(self) -> None:
        if not (self.min_theme_size == "auto" or (isinstance(self.min_theme_size, int) and self.min_theme_size >= 2)):
            raise ConfigError(f"min_theme_size={self.min_theme_size!r}: use 'auto' or an integer >= 2")
        if not 0 < self.max_theme_share <= 1:
            raise ConfigError(f"max_theme_share={self.max_theme_share!r} must be in (0, 1]")
        if self.language_centering not in ("reference", "corpus", None):
            raise ConfigError(f"language_centering={self.language_centering!r}: use 'reference', 'corpus' or None")
        if self.discovery not in DISCOVERY:
            raise ConfigError(f"discovery={self.discovery!r}: use one of {DISCOVERY}")
        if self.outlier_quantile is not None and not 0 <= self.outlier_quantile < 1:
            raise ConfigError(f"outlier_quantile={self.outlier_quantile!r} must be in [0, 1) or None")
        if self.merge_similarity is not None and not 0 < self.merge_similarity <= 1:
            raise ConfigError(f"merge_similarity={self.merge_similarity!r} must be in (0, 1] or None")

    def __sklearn_is_fitted__(self) -> bool:
        """scikit-learn's ``check_is_fitted(model)`` asks this (and raises its own NotFittedError)."""
        return getattr(self, "state_", None) is not None

    def __sklearn_tags__(self) -> Any:
        """scikit-learn's estimator tags: a transformer of text (frames), fitted without a target."""
        from sklearn.utils import InputTags, Tags, TargetTags, TransformerTags

        return Tags(
            estimator_type=None,
            target_tags=TargetTags(required=False),
            transformer_tags=TransformerTags(preserves_dtype=[]),
            input_tags=InputTags(two_d_array=False, string=True),
            no_validation=True,
        )

    def _require_fitted(self) -> None:
        if getattr(self, "state_", None) is None:
            raise NotFittedError(
                "this ThemeModel is not fitted yet: call fit(out, text_col=...) or ThemeModel.load(dir)"
            )

    def _encoder(self) -> Any:
        from ..encoders import get_encoder

        return get_encoder(self.backend, self.encoder_model)

    def _units(self, df: pd.DataFrame, text_col: str) -> tuple[Units, dict[str, str] | None]:
        """The clauses of ``df`` with their vectors (the Pipeline's, else embedded here), and the identity of
        the encoder that made them (None when a frame does not say)."""
        from ..encoders.identity import frame_encoder, identity

        if "clause_embeddings" in df:
            return units_from_frame(df, text_col), frame_encoder(df)
        encoder = self._encoder()
        return units_from_frame(df, text_col, encoder=encoder), identity(encoder.describe())

    def _embed_phrases(self, phrases: list[str]) -> np.ndarray:
        return self._center(self._encoder().encode(phrases).embeddings)

    # ---- the fitted state, as attributes ---------------------------------------------------------
    @property
    def ids_(self) -> list[int]:
        self._require_fitted()
        return self.state_.ids

    @property
    def centroids_(self) -> np.ndarray:
        self._require_fitted()
        return self.state_.centroids

    @property
    def threshold_(self) -> float:
        self._require_fitted()
        return self.state_.threshold

    @property
    def mean_(self) -> np.ndarray:
        self._require_fitted()
        return self.state_.mean

    @property
    def language_basis_(self) -> np.ndarray:
        self._require_fitted()
        return self.state_.language_basis

    @property
    def themes_by_id_(self) -> dict[int, Theme]:
        """The :class:`Theme` record of each id."""
        self._require_fitted()
        return {i: self.state_.themes[i] for i in self.state_.ids}

    @property
    def labels_(self) -> dict[int, str]:
        return {i: t.label for i, t in self.themes_by_id_.items()}

    @property
    def terms_(self) -> dict[int, list[str]]:
        return {i: t.terms for i, t in self.themes_by_id_.items()}

    @property
    def examples_(self) -> dict[int, list[str]]:
        return {i: t.examples for i, t in self.themes_by_id_.items()}

    @property
    def edits_(self) -> list[dict[str, Any]]:
        self._require_fitted()
        return self.state_.edits

    @property
    def fit_stats_(self) -> dict[str, Any]:
        self._require_fitted()
        return self.state_.fit_stats

    @property
    def themes_(self) -> pd.DataFrame:
        """One row per theme: id, label, size, share, keywords, labels per language, phrases, label coverage,
        examples, parent id and label, language, sentiment mix, first seen."""
        self._require_fitted()
        return self.state_.table()

    @property
    def n_themes(self) -> int:
        return len(self.ids_)

    def label_of(self, theme_id: int) -> str:
        """The label of a theme id (``unassigned`` for -1)."""
        return UNASSIGNED_LABEL if theme_id == UNASSIGNED else self.state_.themes[theme_id].label

    # ---- fitting -------------------------------------------------------------------------------
    def fit(
        self, data: Any, *, text_col: str | None = None, date_col: str | None = None, progress: bool | None = None
    ) -> ThemeModel:
        """Find the themes of ``data`` (a Pipeline output, or any frame / list of comments: without a
        ``language`` column, each comment's language is detected as the Pipeline does).

        With ``date_col``, each theme's ``first_seen`` is the earliest date among its comments. ``progress``:
        a bar over the fit's phases (clauses, clustering, labels); None shows it in a terminal
        (in a notebook pass True).
        """
        from .._progress import progress_bar

        self._check_params()
        self.__dict__.pop("state_", None)  # a refit starts afresh (centring uses the new corpus mean)
        self._bertopic, self._bertopic_path, self._bertopic_docs = None, None, None  # a loaded model's
        df = _pandas(data, text_col)
        self.text_col_ = text_col or ("text" if isinstance(data, list) else None)
        text_col = self.text_col_ or "text"
        require_columns(df.columns, {"date_col": date_col})
        with progress_bar(total=3, show=progress, desc="themes", unit="phase") as bar:
            bar.set_postfix_str("clauses")
            fit, n_words, units = self._prepare(df, text_col, date_col)
            bar.update(1)
            bar.set_postfix_str("clustering")
            labels, stats = self._cluster(fit)
            bar.update(1)
            bar.set_postfix_str("labels")
            fit.labels = labels
            self._fit_data = fit
            self.state_ = ThemeState(
                mean=self._mean,
                language_basis=self._basis_,
                centroids=self._cents,
                ids=self._ids,
                threshold=self._threshold,
                themes={},
                encoder=self._made_with,
            )
            self._redescribe(labels)
            stats["themes_merged"] += self._merge_restated(fit)
            self._seed_names = {}  # from now on the records carry them (user_label)
            self.state_.fit_stats = {**self._fit_stats(units, fit, n_words), **stats}
            bar.update(1)
        logger.info("themes: %s", self.state_.fit_stats)
        return self

    def _prepare(self, df: pd.DataFrame, text_col: str, date_col: str | None) -> tuple[FitData, np.ndarray, Units]:
        """Clauses to fit on (with content words, sampled), their centred embeddings, redacted texts and tokens;
        also the content-word count of every clause and all the clauses."""
        import numpy as np

        units, self._made_with = self._units(df, text_col)
        from ..encoders.identity import identity

        # label phrases are embedded here and compared with the comments' vectors: one encoder for both
        check_encoder(self._made_with, identity(self._encoder().describe()), what="the comments' vectors")
        n_words = _content_counts(units)
        content = n_words >= 1
        if (n_words >= MIN_FIT_WORDS).sum() < 20:
            raise InputError(
                f"only {int(content.sum())} comments/clauses with words to find themes in; "
                "a ThemeModel needs at least 20 (a few hundred make useful themes)"
            )
        fit_idx = np.nonzero(content)[0]
        rng = np.random.default_rng(self.seed)
        if len(fit_idx) > self.max_fit_units:
            fit_idx = _stratified(fit_idx, np.asarray(units.language)[fit_idx], self.max_fit_units, rng)
            logger.info(
                "fitting on a sample of %d of %d clauses (stratified by language)", len(fit_idx), int(content.sum())
            )
        fit_units = units.take(fit_idx)
        self._mean = fit_units.embeddings.mean(axis=0).astype(np.float32)
        self._basis_ = self._basis(fit_units)
        z = cluster.center(fit_units.embeddings, self._mean, basis=self._basis_)
        if self.redact:
            # personal data never reaches terms, labels or examples: rules and cue-word names on every clause
            from ..pii import redact

            fit_units = replace(fit_units, texts=redact(fit_units.texts, languages=fit_units.language, ner=False))
        tokens = [theme_tokens(t, lang) for t, lang in zip(fit_units.texts, fit_units.language)]
        dates = None
        if date_col is not None:
            from .._dates import parse_dates

            parsed = parse_dates(df[date_col])
            dates = [parsed.iat[int(r)] for r in fit_units.row]
        empty = 1 - len(set(units.row[content].tolist())) / max(len(set(units.row.tolist())), 1)
        return (
            FitData(
                fit_units, z, np.full(len(fit_units), UNASSIGNED, np.int64), tokens, dates, n_words[fit_idx], empty
            ),
            n_words,
            units,
        )

    def _cluster(self, fit: FitData) -> tuple[np.ndarray, dict[str, Any]]:
        """Theme id per fitted clause (ids 0.. by size, seed themes first); sets centroids and threshold."""
        import numpy as np

        z, tokens = fit.z, fit.tokens
        labels = np.full(len(z), UNASSIGNED, dtype=np.int64)
        seed_names: list[str] = list(self.seed_themes or {})
        keys, uniq = _distinct_units(fit)
        min_size = cluster.auto_min_size(len(uniq)) if self.min_theme_size == "auto" else int(self.min_theme_size)
        offset = len(seed_names)
        self._bertopic = None
        self._discovery = "clusters" if self.discovery == "clusters" else "phrases"
        if len(uniq) >= max(2 * min_size, 10):
            found = None
            if self._discovery == "phrases":
                found = self._anchored(fit, uniq, min_size)
                if found is None:
                    self._discovery = "clusters"
            if found is None:
                # (a BERTopic model of the final themes is built when bertopic_ is first read)
                found = cluster.discover(
                    z[uniq],
                    min_size=min_size,
                    seed=self.seed,
                    n_neighbors=self.n_neighbors,
                    n_components=self.n_components,
                )
            by_key = {keys[u]: (f + offset if f >= 0 else UNASSIGNED) for u, f in zip(uniq, found.tolist())}
            labels = np.array([by_key.get(key, UNASSIGNED) for key in keys], dtype=np.int64)
        anchored = self._discovery == "phrases"
        if self.seed_themes:
            labels = self._seed(z, labels, tokens)
        labels = cluster.split_large(z, labels, max_share=self.max_theme_share, seed=self.seed)
        ids = sorted(set(labels[labels >= 0].tolist()))
        if not ids:
            raise InputError("no themes found: the comments are too few or too alike; lower min_theme_size")
        cents = cluster.centroids(z, labels, ids)
        before = {"clustered": float(np.mean(labels >= 0)), "cohesion": cluster.cohesion(z, labels, cents, ids)}
        if anchored and self.outlier_quantile is None:
            low = OUTLIER_QUANTILE["phrases"]
            threshold = cluster.strictest_threshold(
                z,
                labels,
                cents,
                ids,
                fit.units.row,
                quantiles=np.linspace(low, STRICTEST_QUANTILE, 9).tolist(),
                max_unassigned=MAX_UNASSIGNED_COMMENTS,
                outside=fit.empty_share,
            )
        else:
            threshold = cluster.calibrate_threshold(z, labels, cents, ids, quantile=self._quantile(self._discovery))
        merged = 0
        if not anchored:
            # density clusters: outliers join, then k-means steps and merges settle the centres. Anchored
            # themes keep the centres of their anchor clauses (with these three steps the first prototype's
            # refit ARI on the NPS verbatims was 0.61, without them 0.82) and were kept apart by
            # merge_similarity already
            labels = cluster.reassign(z, labels, cents, ids, threshold)
            labels = cluster.refine(z, labels, threshold)
            if self.merge_similarity is not None:
                labels, merged = cluster.merge_close(
                    z,
                    labels,
                    threshold,
                    min_similarity=self.merge_similarity,
                    max_share=self.max_theme_share,
                    keep=set(range(offset)),
                )
        labels = self._order(z, labels, threshold, seed_names)
        return labels, {
            "clauses_clustered_before_reassignment": round(before["clustered"], 4),
            "cohesion_before_reassignment": round(before["cohesion"], 4),
            "cohesion": round(cluster.cohesion(z, labels, self._cents, self._ids), 4),
            "themes_merged": merged,
            "discovery": self._discovery,
        }

    def _quantile(self, discovery: str) -> float:
        """``outlier_quantile``, or the default of ``discovery`` where it is None."""
        return self.outlier_quantile if self.outlier_quantile is not None else OUTLIER_QUANTILE[discovery]

    def _anchored(self, fit: FitData, uniq: np.ndarray, min_size: int) -> np.ndarray | None:
        """Anchored themes of the clauses ``uniq``; None where ``discovery="auto"`` should cluster instead."""
        import numpy as np

        # short clauses count too: they are assigned to these themes as well. Languages unknown ("und") may
        # be many: clustered (a frame without the Pipeline's language column has its languages detected)
        top, count = Counter(fit.units.language).most_common(1)[0]
        if self.discovery == "auto" and (top == "und" or count < AUTO_ONE_LANGUAGE * len(fit.units.language)):
            return None
        langs = [fit.units.language[i] for i in uniq]
        phrases = fit.phrases()
        z = fit.z[uniq]
        found = anchors.anchor_themes(
            z,
            [fit.units.texts[i] for i in uniq],
            langs,
            min_size=min_size,
            separation=self.merge_similarity if self.merge_similarity is not None else 1.0,
            clause_phrases=[phrases[i] for i in uniq],
            seed=self.seed,
        ).labels
        if self.discovery == "auto":
            ids = sorted(set(found[found >= 0].tolist()))
            if not ids:
                return None
            cents = cluster.centroids(z, found, ids)
            threshold = cluster.calibrate_threshold(z, found, cents, ids, quantile=self._quantile("phrases"))
            share = float(np.mean(cluster.nearest(z, cents, ids, threshold) >= 0))
            logger.info("anchored themes take in %.1f%% of the clauses", 100 * share)
            if share < AUTO_MIN_ASSIGNED:
                return None
        return found

    def _order(self, z: np.ndarray, labels: np.ndarray, threshold: float, seed_names: list[str]) -> np.ndarray:
        """Renumber themes (seed themes first, in the order given, then discovered themes by size), set the
        centroids, ids and threshold, and assign every fitted clause exactly as ``transform`` will."""
        import numpy as np

        offset = len(seed_names)
        sizes = Counter(labels[labels >= 0].tolist())
        order = [i for i in range(offset) if i in sizes] + sorted(
            (i for i in sizes if i >= offset), key=lambda i: (-sizes[i], i)
        )
        remap = {old: new for new, old in enumerate(order)}
        labels = np.array([remap.get(int(v), UNASSIGNED) for v in labels], dtype=np.int64)
        self._ids = list(range(len(order)))
        self._cents = cluster.centroids(z, labels, self._ids).astype(np.float32)
        self._threshold = threshold
        self._seed_names = {remap[i]: seed_names[i] for i in range(offset) if i in remap}
        return cluster.nearest(z, self._cents, self._ids, threshold)

    def _merge_restated(self, fit: FitData) -> int:
        """Merge themes whose labels say the same thing (one label's content words within the other's, e.g.
        "ac tidak dingin" and "ac nya tidak dingin") when their centres are close (``parent_similarity``)
        and their clauses lean the same way (mean sentiment within 0.5): one problem, one theme. Themes are
        then described again. Returns the number of merges."""
        state = self.state_
        if self.merge_similarity is None or self._discovery == "phrases":
            # anchored themes: phrases used alike never anchor two themes, and merging after the labels
            # are chosen ties the themes to label choice (refit ARI on the NPS verbatims 0.81 -> 0.68)
            return 0
        labels = fit.labels.copy()
        seeded = set(self._seed_names)
        n = len(labels)
        rows = fit.units.row
        cap = self.max_theme_share * len(set(rows.tolist()))  # nor of the comments
        pairs = restated_pairs(
            state.themes, state.centroids, state.ids, min_similarity=self.parent_similarity, keep=seeded
        )
        merged = 0
        into: dict[int, int] = {}
        for _, a, b in pairs:
            a, b = into.get(a, a), into.get(b, b)
            both = (labels == a) | (labels == b)
            if a == b or both.sum() > self.max_theme_share * n or len(set(rows[both].tolist())) > cap:
                continue
            keep, gone = (b, a) if b in seeded else (a, b)  # ids are by size: the smaller id is the larger theme
            labels[labels == gone] = keep
            into.update({k: keep for k, v in into.items() if v == gone} | {gone: keep})
            merged += 1
        if merged:
            names = [self._seed_names[i] for i in sorted(self._seed_names)]
            labels = self._order(
                fit.z, cluster.refine(fit.z, labels, state.threshold, max_iter=3), state.threshold, names
            )
            state.centroids, state.ids = self._cents, self._ids
            logger.info("merged %d themes whose labels restate each other", merged)
            self._redescribe(labels)
        return merged

    def _basis(self, units: Units) -> np.ndarray:
        import numpy as np

        if self.language_centering is None:
            return np.zeros((0, units.embeddings.shape[1]), np.float32)
        if self.language_centering == "corpus":
            return cluster.language_basis(cluster.corpus_offsets(units.embeddings, units.language))
        from .reference import reference_offsets

        ref = reference_offsets()
        return (
            cluster.language_basis(np.stack(list(ref.values())))
            if ref
            else np.zeros((0, units.embeddings.shape[1]), np.float32)
        )

    def _center(self, embeddings: np.ndarray) -> np.ndarray:
        state = getattr(self, "state_", None)
        mean = state.mean if state is not None else self._mean
        basis = state.language_basis if state is not None else self._basis_
        return cluster.center(embeddings, mean, basis=basis)

    def _seed(self, z: np.ndarray, labels: np.ndarray, tokens: list[str]) -> np.ndarray:
        """Guided themes: each discovered theme that matches a seed theme joins it (ids 0..s-1).

        A discovered theme matches the seed theme whose phrases are most similar to its centroid, when
        that similarity reaches ``seed_similarity`` or the theme's keywords contain a seed word. Short
        seed phrases sit far from whole clauses in embedding space, so whole themes are matched, not clauses.
        """
        import numpy as np

        assert self.seed_themes is not None
        names = list(self.seed_themes)
        for name, phrases in self.seed_themes.items():
            if isinstance(phrases, str) or not phrases or not all(isinstance(p, str) and p.strip() for p in phrases):
                raise InputError(
                    f"seed_themes[{name!r}] must be a list of seed phrases, e.g. ['late delivery', 'courier']"
                )
        enc = self._encoder()
        vecs, words = [], []
        for name in names:
            e = self._center(enc.encode(list(self.seed_themes[name])).embeddings).mean(axis=0)
            vecs.append(e / np.linalg.norm(e))
            words.append({w for p in self.seed_themes[name] for w in theme_tokens(p, None).split() if len(w) >= 4})
        seeds = np.stack(vecs)
        found = sorted(set(labels[labels >= len(names)].tolist()))
        if not found:
            return labels
        cents = cluster.centroids(z, labels, found)
        sims = cents @ seeds.T
        labels = labels.copy()
        taken = 0
        for k, theme in enumerate(found):
            member_tokens = Counter(w for i in np.nonzero(labels == theme)[0] for w in set(tokens[i].split()))
            n = max(int((labels == theme).sum()), 1)
            lexical = np.array(
                [
                    sum(c for w, c in member_tokens.items() if any(w.startswith(s) or s.startswith(w) for s in ws)) / n
                    for ws in words
                ]
            )
            score = sims[k] + lexical
            best = int(score.argmax())
            if sims[k, best] >= self.seed_similarity or lexical[best] >= 0.3:
                labels[labels == theme] = best
                taken += 1
        missing = [n for i, n in enumerate(names) if not (labels == i).any()]
        if missing:
            logger.warning("seed themes with no matching comments: %s", missing)
        logger.info("seed themes took %d discovered themes", taken)
        return labels

    # ---- describing ------------------------------------------------------------------------------
    def _fixed_labels(self) -> dict[int, str]:
        """Labels a user set (rename, merge(label=...), seed themes): kept when themes are described again."""
        out = {i: t.label for i, t in self.state_.themes.items() if t.user_label and i in self.state_.ids}
        out.update(getattr(self, "_seed_names", {}))  # during fit, before the records exist
        return out

    def _redescribe(self, labels: np.ndarray | None) -> None:
        """Describe every theme again from the fit's clauses (``labels``), or only regroup parents after load."""
        state = self.state_
        fit = self._fit_data
        if labels is not None and fit is not None:
            fit.labels = labels
            records = describe_themes(
                fit.units,
                fit.z,
                labels,
                fit.tokens,
                state.centroids,
                state.ids,
                top_n=self.top_n_terms,
                fixed_labels=self._fixed_labels(),
                taken=set(),
                embed=self._embed_phrases,
                clause_phrases=fit.phrases(),
            )
            if self.redact:
                from ..pii import redact

                # the few examples shown per theme also lose person names (NER on English, cue words
                # elsewhere): one batch, in the clauses' own languages (no language detection per theme)
                language = dict(zip(fit.units.texts, fit.units.language))
                shown = [(t, x) for t in records.values() for x in t.examples]
                clean = redact([x for _, x in shown], languages=[language.get(x) for _, x in shown])
                for t in records.values():
                    t.examples = []
                for (t, _), x in zip(shown, clean):
                    t.examples.append(x)
            for i, t in records.items():
                old = state.themes.get(i)
                t.first_seen = (
                    old.first_seen if old is not None and old.first_seen else self._first_seen(fit.dates, labels, i)
                )
            state.themes = records
        parents = parent_groups(
            state.centroids, state.ids, [state.themes[i].size for i in state.ids], min_similarity=self.parent_similarity
        )
        for i in state.ids:
            state.themes[i].parent_id = parents[i]
        state.parent_labels = parent_labels(state.themes, parents, taken={state.themes[i].label for i in state.ids})

    @staticmethod
    def _first_seen(dates: Sequence[Any] | None, labels: np.ndarray, theme: int) -> str | None:
        """The earliest date among a theme's clauses (None without dates)."""
        import pandas as pd

        ds = [d for d, lab in zip(dates or [], labels.tolist()) if lab == theme and not pd.isna(d)]
        if not ds:
            return None
        first = min(ds)
        return str(first.date() if hasattr(first, "date") else first)

    def _fit_stats(self, units: Units, fit: FitData, n_words: np.ndarray) -> dict[str, Any]:
        """Shares over all comments as ``transform`` assigns them (short clauses included)."""
        import numpy as np

        labels, _ = self._assign_units(units, n_words=n_words)
        has_units = len(set(units.row.tolist()))
        assigned = len(set(units.row[labels >= 0].tolist()))
        top: Counter[int] = Counter(lab for _, lab in set(zip(units.row.tolist(), labels.tolist())) if lab >= 0)
        themes = self.state_.themes
        sizes = np.array([themes[i].size for i in self.state_.ids], dtype=float)
        cov = np.array([themes[i].label_coverage for i in self.state_.ids], dtype=float)
        ok = ~np.isnan(cov)
        return {
            "themes": len(self.state_.ids),
            "parents": len({t.parent_id for t in themes.values()}),
            "clauses": len(fit.labels),
            "clauses_too_short": int((n_words < MIN_FIT_WORDS).sum()),
            "clauses_unassigned": round(float(np.mean(fit.labels < 0)), 4),
            "comments_unassigned": round(1 - assigned / max(has_units, 1), 4),
            "largest_theme_share": round(max(top.values()) / max(has_units, 1), 4) if top else 0.0,
            # the same by clauses: a long review carries many themes, so its share of comments can be high
            # for a theme that holds few clauses ("food" in half of all hotel reviews)
            "largest_theme_clause_share": round(float(np.bincount(labels[labels >= 0]).max()) / len(labels), 4)
            if (labels >= 0).any()
            else 0.0,
            "label_coverage": round(float((cov[ok] * sizes[ok]).sum() / max(sizes[ok].sum(), 1)), 4),
            "mixed_themes": int((cov[ok] < MIXED_COVERAGE).sum()),
            "threshold": round(self.state_.threshold, 4),
        }

    # ---- assigning -----------------------------------------------------------------------------
    def assign(self, embeddings: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Theme id (-1 below the threshold) and similarity of each embedding row."""
        import numpy as np

        self._require_fitted()
        if len(embeddings) == 0:
            return np.zeros(0, np.int64), np.zeros(0, np.float32)
        known = np.asarray(self.state_.ids, dtype=np.int64)
        ids, scores = [], []
        # in blocks: centring copies its input several times, which on 300,000 clauses at once took the
        # fit's peak memory 1.5 GB higher (benchmarks/themes.py, the scale table)
        for start in range(0, len(embeddings), ASSIGN_BLOCK):
            sims = self._center(embeddings[start : start + ASSIGN_BLOCK]) @ self.state_.centroids.T
            best = sims.argmax(axis=1)
            top = sims[np.arange(len(best)), best]
            ids.append(np.where(top >= self.state_.threshold, known[best], UNASSIGNED))
            scores.append(top)
        return np.concatenate(ids), np.concatenate(scores)

    def comment_themes(self, row_units: Sequence[tuple[int, float]]) -> tuple[int, list[int]]:
        """Main theme and all themes of one comment from its clauses' ``(theme_id, similarity)``."""
        hits = [(t, s) for t, s in row_units if t != UNASSIGNED]
        if not hits:
            return UNASSIGNED, []
        count = Counter(t for t, _ in hits)
        best = {t: max(s for tt, s in hits if tt == t) for t in count}
        ordered = sorted(count, key=lambda t: (-count[t], -best[t], t))
        return ordered[0], ordered

    def comment_columns(self, per_row: Sequence[Sequence[tuple[int, float]] | None]) -> dict[str, list[Any]]:
        """``theme_id``, ``theme``, ``themes``, ``theme_parent_id``, ``theme_parent``, ``theme_parents`` per
        comment from its clauses' ``(theme_id, similarity)`` (None: a row without clauses)."""
        state = self.state_
        cols: dict[str, list[Any]] = {
            k: [] for k in ("theme_id", "theme", "themes", "theme_parent_id", "theme_parent", "theme_parents")
        }
        for pairs in per_row:
            if pairs is None:
                for v in cols.values():
                    v.append(None)
                continue
            main, all_ids = self.comment_themes(pairs)
            cols["theme_id"].append(main)
            cols["theme"].append(self.label_of(main))
            cols["themes"].append([state.themes[t].label for t in all_ids])
            cols["theme_parent_id"].append(UNASSIGNED if main == UNASSIGNED else state.parent_of(main))
            cols["theme_parent"].append(UNASSIGNED_LABEL if main == UNASSIGNED else state.parent_label(main))
            cols["theme_parents"].append(list(dict.fromkeys(state.parent_label(t) for t in all_ids)))
        return cols

    def _assign_units(self, units: Units, *, n_words: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        """Theme and similarity of each clause; clauses without a content word get none."""
        import numpy as np

        ids, sims = self.assign(units.embeddings)
        if n_words is None:
            n_words = _content_counts(units)
        return np.where(n_words >= 1, ids, UNASSIGNED), sims

    def transform(self, data: Any, *, text_col: str | None = None, date_col: str | None = None) -> Any:
        """Add ``theme_id``, ``theme``, ``themes`` (labels of all the comment's themes) and the parent level
        (``theme_parent_id``, ``theme_parent``, ``theme_parents``); same frame type back. The model is not changed."""
        from ..frames import as_frame

        self._require_fitted()
        text_col = text_col or getattr(self, "text_col_", None)
        frame = as_frame(data, text_col=text_col or ("text" if isinstance(data, list) else None))
        df = _pandas(data, frame.text_col)
        units, used = self._units(df, frame.text_col)
        check_encoder(self.state_.encoder, used, what="this ThemeModel")
        ids, sims = self._assign_units(units)
        per_row: list[list[tuple[int, float]] | None] = [None] * len(df)
        per_clause: dict[int, dict[int, int]] = {}
        for r, c, t, s in zip(units.row.tolist(), units.clause.tolist(), ids.tolist(), sims.tolist()):
            if per_row[r] is None:
                per_row[r] = []
            per_row[r].append((t, s))
            per_clause.setdefault(r, {})[c] = t
        cols = self.comment_columns(per_row)
        if "clauses" in df.columns:
            cols["clauses"] = [
                None
                if not isinstance(cl, list)
                else [{**c, "theme_id": per_clause.get(r, {}).get(j, UNASSIGNED)} for j, c in enumerate(cl)]
                for r, cl in enumerate(df["clauses"])
            ]
        return frame.with_columns(cols)

    def fit_transform(self, data: Any, *, text_col: str | None = None, date_col: str | None = None) -> Any:
        return self.fit(data, text_col=text_col, date_col=date_col).transform(
            data, text_col=text_col, date_col=date_col
        )

    # ---- new themes over time ------------------------------------------------------------------
    def update(
        self, data: Any = None, *, text_col: str | None = None, date_col: str | None = None, min_size: int | None = None
    ) -> pd.DataFrame:
        """Turn clauses of ``data`` far from every theme into emerging themes; existing ids never change.

        Without ``data``, the unassigned clauses of the fit are the candidates. Returns the rows of
        ``themes_`` that are new (empty when nothing emerged), with ``first_seen`` when dates are known.
        """
        import numpy as np

        self._require_fitted()
        state = self.state_
        if data is not None:
            text_col = text_col or getattr(self, "text_col_", None)
            df = _pandas(data, text_col or ("text" if isinstance(data, list) else None))
            text_col = text_col or "text"
            units, used = self._units(df, text_col)
            check_encoder(self.state_.encoder, used, what="this ThemeModel")
            ids, _ = self._assign_units(units)
            from .._dates import parse_dates

            dates = parse_dates(df[date_col]).tolist() if date_col and date_col in df.columns else None
        elif self._fit_data is not None:
            units, ids, dates = self._fit_data.units, self._fit_data.labels, self._fit_data.dates
        else:
            raise InputError("update() after load needs new data: tm.update(out, text_col=...)")
        from ..words import content_words

        keep, seen = [], set()
        for k in range(len(units)):
            if (
                ids[k] == UNASSIGNED
                and len(content_words(units.texts[k], units.language[k])) >= MIN_FIT_WORDS
                and units.texts[k] not in seen
            ):
                seen.add(units.texts[k])
                keep.append(k)
        cands = units.take(np.array(keep, dtype=np.int64))
        cand_dates = (
            None
            if dates is None
            else [dates[int(r)] for r in cands.row]
            if data is not None
            else [dates[k] for k in keep]
        )
        size = min_size or (
            cluster.auto_min_size(len(cands)) if self.min_theme_size == "auto" else int(self.min_theme_size)
        )
        if len(cands) < max(2 * size, 10):
            return self.themes_.iloc[0:0]
        z = self._center(cands.embeddings)
        if self.redact:
            from ..pii import redact

            cands = replace(cands, texts=redact(cands.texts, languages=cands.language, ner=False))
        tokens = [theme_tokens(t, lang) for t, lang in zip(cands.texts, cands.language)]
        if len(cands) > 5000:
            found = cluster.discover(
                z, min_size=size, seed=self.seed, n_neighbors=self.n_neighbors, n_components=self.n_components
            )
        else:  # few candidates: groups whose members are as close as a theme's members are to its centre
            found = cluster.tight_groups(z, min_size=size, min_similarity=state.threshold)
        labels = np.full(len(cands), UNASSIGNED, dtype=np.int64)
        new_ids = []
        for f in sorted(set(found[found >= 0].tolist())):
            members = found == f
            c = z[members].mean(axis=0)
            nid = max(state.ids) + 1
            state.ids.append(nid)
            state.centroids = np.vstack([state.centroids, (c / np.linalg.norm(c))[None]]).astype(np.float32)
            labels[members] = nid
            new_ids.append(nid)
        if not new_ids:
            return self.themes_.iloc[0:0]
        taken = {state.themes[i].label for i in state.ids if i in state.themes}
        rows = [state.ids.index(i) for i in new_ids]
        records = describe_themes(
            cands,
            z,
            labels,
            tokens,
            state.centroids[rows],
            new_ids,
            top_n=self.top_n_terms,
            fixed_labels={},
            taken=taken,
            embed=self._embed_phrases,
        )
        for nid, t in records.items():
            t.first_seen = self._first_seen(cand_dates, labels, nid)
            state.themes[nid] = t
        state.edits.append({"op": "update", "new_ids": new_ids})
        self._redescribe(None)
        table = self.themes_
        return table[table["theme_id"].isin(new_ids)]

    # ---- edits ---------------------------------------------------------------------------------
    def rename(self, theme_id: int, label: str) -> ThemeModel:
        """Give a theme your own label (kept through save/load and later edits)."""
        self._require_fitted()
        edits.rename(self.state_, theme_id, label)
        return self

    def merge(self, theme_ids: Sequence[int], *, label: str | None = None) -> ThemeModel:
        """Merge themes into the smallest of their ids; the others disappear (ids of the rest are kept)."""
        self._require_fitted()
        fit = self._fit_data
        edits.merge(self.state_, theme_ids, label, None if fit is None else fit.labels, self._redescribe)
        return self

    def split(self, theme_id: int, n: int = 2) -> ThemeModel:
        """Split a theme in ``n`` with k-means on its clauses (needs the fit data: not after ``load``)."""
        self._require_fitted()
        fit = self._fit_data
        if fit is None:
            raise NotFittedError("split needs the clauses the model was fitted on; refit, then split")
        edits.split(self.state_, theme_id, n, fit.z, fit.labels, seed=self.seed, redescribe=self._redescribe)
        return self

    def reduce(self, n: int) -> ThemeModel:
        """Merge the most similar themes until ``n`` are left (agglomerative, average linkage on centroids)."""
        self._require_fitted()
        edits.reduce_to(self.state_, n, lambda members: self.merge(members))
        return self

    # ---- reading results -----------------------------------------------------------------------
    def over_time(self, out: Any, *, date_col: str, freq: str = "Q", themes_col: str = "themes") -> pd.DataFrame:
        """Per period and theme: comments mentioning it (``n``) and their share of the period's comments."""

        df = _pandas(out, None if isinstance(out, list) else themes_col)
        require_columns(df.columns, {"date_col": date_col})
        from .._dates import parse_dates

        period = parse_dates(df[date_col]).dt.to_period(freq)
        return self._share_by(df, period.rename("period"), themes_col)

    def by_segment(self, out: Any, segment_col: str, *, themes_col: str = "themes") -> pd.DataFrame:
        """Per segment and theme: comments mentioning it and their share of the segment's comments."""
        df = _pandas(out, None if isinstance(out, list) else themes_col)
        require_columns(df.columns, {"segment_col": segment_col})
        return self._share_by(df, df[segment_col].rename(segment_col), themes_col)

    def _share_by(self, df: pd.DataFrame, key: pd.Series, themes_col: str) -> pd.DataFrame:
        import pandas as pd

        if themes_col not in df.columns:
            raise InputError(f"no {themes_col!r} column: run transform(out) first")
        base = pd.DataFrame({key.name: key.array, "theme": df[themes_col].to_numpy()})
        total = base.groupby(key.name, observed=True).size().rename("comments")
        long = base.explode("theme").dropna(subset=["theme"])
        n = long.groupby([key.name, "theme"], observed=True).size().rename("n").reset_index()
        n = n.merge(total.reset_index(), on=key.name)
        n["share"] = (n["n"] / n["comments"]).round(4)
        ids = {v: k for k, v in self.labels_.items()}
        n.insert(1, "theme_id", n["theme"].map(ids))
        return n.sort_values([key.name, "n"], ascending=[True, False]).reset_index(drop=True)

    # ---- persistence ---------------------------------------------------------------------------
    def save(self, path: str | os.PathLike[str]) -> Path:
        """A folder: ``themes.json`` (parameters, theme records, edits, threshold, versions),
        ``themes.safetensors`` (centres, language directions), ``themes.csv`` (the table) and ``bertopic/``
        (safetensors, no pickles)."""
        from .persist import save_state

        self._require_fitted()
        bertopic = getattr(self, "_bertopic", None)
        if bertopic is None and getattr(self, "_bertopic_path", None) is not None:
            bertopic = self.bertopic_  # a loaded folder's BERTopic model is written again, not dropped
        return save_state(
            path,
            self.state_,
            self.get_params(),
            bertopic=bertopic,
            bertopic_docs=self._docs_for_bertopic() if bertopic is None else None,
            encoder=self.encoder_model or "multilingual-e5-small",
            text_col=getattr(self, "text_col_", None),
        )

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> ThemeModel:
        """Read a folder written by :meth:`save`; assignments are the same as before saving."""
        from .persist import load_bertopic_docs, load_state

        state, params, bertopic_path, text_col = load_state(path)
        tm = cls(**{k: v for k, v in params.items() if k in _PARAMS})
        tm.state_ = state
        tm.text_col_ = text_col
        tm._fit_data = None
        tm._bertopic = None
        tm._bertopic_path = bertopic_path
        tm._bertopic_docs = load_bertopic_docs(path)
        return tm

    @property
    def bertopic_(self) -> Any:
        """A BERTopic model of the themes, for BERTopic's own tools (its plots, ``get_topic``...): BERTopic's
        "manual topic modeling" of the fitted clauses' words, their final themes and the theme centres as topic
        vectors, built on first use so that fits, saves and loads need no BERTopic import (the density clusters
        themselves come from UMAP + HDBSCAN run as BERTopic runs them: :func:`.cluster.discover`). Loaded from
        the saved folder on first use (folders saved before 2026-12-04 hold the model UMAP + HDBSCAN ran in).
        """
        self._require_fitted()
        if getattr(self, "_bertopic", None) is None:
            if getattr(self, "_bertopic_path", None) is not None:
                from .._lazy import import_bertopic

                self._bertopic = import_bertopic().BERTopic.load(str(self._bertopic_path))
            else:
                docs = self._docs_for_bertopic()
                if docs is not None:
                    self._bertopic = self._manual_bertopic(*docs)
        return self._bertopic

    def _docs_for_bertopic(self) -> tuple[list[str], list[int]] | None:
        """The words and theme of each distinct fitted clause with two or more content words (what the
        themes were found on), from the fit in memory or the saved folder."""
        fit = self._fit_data
        if fit is None or fit.n_words is None:
            return self._bertopic_docs
        uniq = _distinct_units(fit)[1].tolist()
        return [fit.tokens[k] for k in uniq], [int(fit.labels[k]) for k in uniq]

    def _manual_bertopic(self, tokens: list[str], labels: list[int]) -> Any:
        import numpy as np

        known = set(self.ids_)
        labels = [lab if lab in known else UNASSIGNED for lab in labels]  # themes merged away since
        if len(set(labels) - {UNASSIGNED}) < 2:
            return None
        cents = self.state_.centroids
        pos = {t: k for k, t in enumerate(self.state_.ids)}
        emb = np.stack([cents[pos[lab]] if lab >= 0 else np.zeros(cents.shape[1], cents.dtype) for lab in labels])
        return cluster.manual_bertopic(emb, tokens, np.asarray(labels))
