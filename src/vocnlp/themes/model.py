"""ThemeModel: one multilingual theme taxonomy over customer comments, with BERTopic underneath.

``fit`` runs in three steps, each a module: **prepare** (:mod:`.prepare`: clauses with content words, a
language-stratified sample above ``max_fit_units``, centred embeddings with the language directions removed,
redaction, keyword tokens), **discover** (:mod:`.discover`: themes anchored on frequent, one-sense phrases,
:mod:`.anchors`, or with ``discovery="clusters"`` BERTopic's UMAP + HDBSCAN with outliers joined, centroid
refinement and near-duplicates merged, :mod:`.cluster`; seed themes matched, over-large themes split) and
**describe** (:mod:`.describe`: phrase labels in each theme's language, keywords, examples, sentiment mix and
a parent level grouping related themes). The result is a :class:`~vocnlp.themes.state.ThemeState`: a
:class:`~vocnlp.themes.state.Theme` record per id, which edits (:mod:`.edits`), ``update`` (:mod:`.emerging`)
and the files (:mod:`.persist`) read and write. ``transform`` assigns each clause to the most similar theme
centre when the similarity reaches the calibrated threshold (:mod:`.assign`, the rule the Pipeline's theme stage
and the fit's statistics share), so ids never shift on new data.

Example:
    >>> nlp = vocnlp.Pipeline.default(keep_embeddings=True)                 # doctest: +SKIP
    >>> out = nlp.run(df, text_col="comment")                               # doctest: +SKIP
    >>> tm = vocnlp.ThemeModel(seed=0).fit(out, text_col="comment")         # doctest: +SKIP
    >>> tm.transform(out)[["comment", "theme_id", "theme", "theme_parent", "themes"]]   # doctest: +SKIP
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..encoders.identity import check_encoder
from ..errors import ConfigError, InputError, NotFittedError
from ..frames import require_columns
from . import assign as assigning
from . import cluster, edits
from .discover import DISCOVERY, OUTLIER_QUANTILE, Settings, discover_themes, seed_themes
from .params import PARAMS, check_params, estimator_tags
from .prepare import MIN_FIT_WORDS, FitData, prepare
from .redescribe import redescribe
from .restate import merge_restated
from .shares import share_by
from .state import UNASSIGNED, UNASSIGNED_LABEL, ThemeState
from .units import Units, units_from_frame

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

    from .state import Theme

__all__ = ["DISCOVERY", "MIN_FIT_WORDS", "OUTLIER_QUANTILE", "UNASSIGNED", "UNASSIGNED_LABEL", "ThemeModel"]

logger = logging.getLogger(__name__)


def _pandas(data: Any, text_col: str | None) -> pd.DataFrame:
    from ..frames import as_frame, to_pandas

    frame = as_frame(data, text_col=text_col)  # the text column's checks and messages
    return to_pandas(frame.data, text_col=frame.text_col)


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
            theme (:data:`OUTLIER_QUANTILE`, :data:`STRICTEST_QUANTILE`), and a clause that does not hold its
            theme's anchor phrase needs up to 0.1 more within that budget (``fit_stats_["anchor_lift"]``,
            :data:`.discover.ANCHOR_LIFTS`); one of a single content word ("Yes", "Livid.") at least 0.1 more
            whatever the budget (:data:`.cluster.SHORT_LIFT`; ``fit_stats_["comments_without_topic"]``: the
            comments with no clause of two content words; ``fit_stats_["topical_comments_unassigned"]``: the
            share of the other comments that no theme took).
        seed: seeds UMAP and k-means; the same data and seed give the same themes.
        seed_themes: known themes, ``{name: [seed phrases]}``; discovered themes that match one join it
            (ids 0, 1, ... in the order given) and the rest stay new themes.
        seed_similarity: centred cosine between a discovered theme's centroid and a seed theme's phrases
            at which they match (a seed word among the theme's keywords also matches).
        max_fit_units: above this many clauses, fit on a seeded sample and assign the rest.
        language_centering: remove the directions along which languages differ before clustering and
            assigning, so one theme holds the same complaint in every language: ``"reference"`` (the
            directions measured on vocnlp's multilingual set, 15 languages, and those of this corpus's
            languages outside it that hold 5% of the clauses: :data:`.prepare.CORPUS_LANGUAGE_SHARE`),
            ``"corpus"`` (this corpus's language means; languages with 30+ clauses) or None.
        merge_similarity: two density clusters whose centres are at least this similar (centred cosine)
            say the same thing and are merged (one problem, one theme); None keeps them apart.
        anchor_separation: with phrases, a phrase used at least this similarly to an anchor (centred
            cosine of the mean vectors of the clauses holding each) says what it says and never anchors a
            theme of its own (one problem, one theme); None keeps phrases apart. ``merge_similarity``
            (0.65) did this until 2026-12-05; 0.75 is measured in benchmarks/RESULTS.md ("Themes on real
            data", notes of that night).
        parent_similarity: themes whose centres are this similar on average share a parent theme.
        backend, encoder_model: encoder for frames that do not carry the Pipeline's embeddings (and for
            label phrases); it must be the Pipeline's encoder.
    """

    state_: ThemeState  # set by fit / load; absent before (NotFittedError)
    _fit_data: FitData | None = None  # the fit's clauses (not after load)
    _bertopic: Any = None
    _bertopic_path: Path | None = None
    _bertopic_docs: tuple[list[str], list[int]] | None = None  # a loaded model's, for bertopic_

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
        anchor_separation: float | None = 0.75,
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
        self.anchor_separation = anchor_separation
        self.parent_similarity = parent_similarity

    # ---- helpers -------------------------------------------------------------------------------
    def get_params(self, deep: bool = True) -> dict[str, Any]:
        """The constructor's parameters as set (scikit-learn's contract; ``deep`` changes nothing here).

        Example:
            >>> ThemeModel(seed=3).get_params()["seed"]
            3
        """
        return {k: getattr(self, k) for k in PARAMS}

    def set_params(self, **params: Any) -> ThemeModel:
        """Set constructor parameters (a refit uses them); unknown names raise :class:`ConfigError`."""
        unknown = sorted(set(params) - set(PARAMS))
        if unknown:
            raise ConfigError(f"ThemeModel has no parameters {unknown}; it has {sorted(PARAMS)}")
        for k, v in params.items():
            setattr(self, k, v)
        return self

    def __repr__(self) -> str:
        """Like scikit-learn's: the parameters that differ from their defaults."""
        import inspect

        defaults = {k: p.default for k, p in inspect.signature(type(self).__init__).parameters.items() if k in PARAMS}
        changed = [f"{k}={v!r}" for k, v in self.get_params().items() if defaults.get(k, object()) != v]
        return f"ThemeModel({', '.join(changed)})"

    def _check_params(self) -> None:
        check_params(self.get_params())

    def __sklearn_is_fitted__(self) -> bool:
        """scikit-learn's ``check_is_fitted(model)`` asks this (and raises its own NotFittedError)."""
        return getattr(self, "state_", None) is not None

    def __sklearn_tags__(self) -> Any:
        """scikit-learn's estimator tags (:func:`.params.estimator_tags`)."""
        return estimator_tags()

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
        from ..encoders.identity import identity

        self._check_params()
        self.__dict__.pop("state_", None)  # a refit starts afresh (centring uses the new corpus mean)
        self._bertopic, self._bertopic_path, self._bertopic_docs = None, None, None  # a loaded model's
        df = _pandas(data, text_col)
        self.text_col_ = text_col or ("text" if isinstance(data, list) else None)
        text_col = self.text_col_ or "text"
        require_columns(df.columns, {"date_col": date_col})
        with progress_bar(total=3, show=progress, desc="themes", unit="phase") as bar:
            bar.set_postfix_str("clauses")
            units, made_with = self._units(df, text_col)
            # label phrases are embedded here and compared with the comments' vectors: one encoder for both
            check_encoder(made_with, identity(self._encoder().describe()), what="the comments' vectors")
            dates = None
            if date_col is not None:
                from .._dates import parse_dates

                dates = parse_dates(df[date_col])
            ready = prepare(
                units,
                seed=self.seed,
                max_fit_units=self.max_fit_units,
                centering=self.language_centering,
                redact=self.redact,
                dates=dates,
            )
            fit = ready.fit
            bar.update(1)
            bar.set_postfix_str("clustering")
            seeds = None
            if self.seed_themes:
                seeds = seed_themes(
                    self.seed_themes,
                    lambda p: cluster.center(self._encoder().encode(p).embeddings, ready.mean, basis=ready.basis),
                )
            found = discover_themes(fit, Settings.of(self.get_params()), seeds)
            bar.update(1)
            bar.set_postfix_str("labels")
            fit.labels = found.labels
            self._fit_data = fit
            self.state_ = ThemeState(
                mean=ready.mean,
                language_basis=ready.basis,
                centroids=found.centroids,
                ids=found.ids,
                threshold=found.threshold,
                themes={},
                encoder=made_with,
                lift=found.lift,
            )
            self._redescribe(found.labels, found.seed_names)
            for i, phrases in found.anchors.items():
                self.state_.themes[i].anchors = list(phrases)
                self.state_.themes[i].anchors_negated_share = found.anchors_negated_share.get(i, 0.0)
            stats = dict(found.stats)
            stats["themes_merged"] += merge_restated(
                self.state_,
                fit,
                found,
                merge_similarity=self.merge_similarity,
                parent_similarity=self.parent_similarity,
                max_theme_share=self.max_theme_share,
                redescribe=self._redescribe,
            )
            self.state_.fit_stats = {**self._fit_stats(ready.units, fit, ready.n_words), **stats}
            bar.update(1)
        logger.info("themes: %s", self.state_.fit_stats)
        return self

    def _center(self, embeddings: np.ndarray) -> np.ndarray:
        return assigning.center(self.state_, embeddings)

    # ---- describing ------------------------------------------------------------------------------
    def _redescribe(self, labels: np.ndarray | None, seed_names: Mapping[int, str] | None = None) -> None:
        """Describe every theme again from the fit's clauses (``labels``), or only regroup parents after load
        (:func:`.redescribe.redescribe`)."""
        redescribe(
            self.state_,
            self._fit_data,
            labels,
            top_n=self.top_n_terms,
            redact=self.redact,
            embed=self._embed_phrases,
            parent_similarity=self.parent_similarity,
            seed_names=seed_names,
        )

    def _fit_stats(self, units: Units, fit: FitData, n_words: np.ndarray) -> dict[str, Any]:
        """Shares over all comments as ``transform`` assigns them (short clauses included)."""
        from .stats import fit_stats

        assigned, _ = self._assign_units(units, n_words=n_words)
        return fit_stats(self.state_, units.row, assigned, n_words, fit.labels)

    # ---- assigning (:mod:`.assign`) -------------------------------------------------------------
    def assign(
        self,
        embeddings: np.ndarray,
        *,
        texts: Sequence[str] | None = None,
        languages: Sequence[str | None] | None = None,
        n_words: np.ndarray | None = None,
    ) -> tuple[np.ndarray, np.ndarray]:
        """Theme id (-1 below the threshold) and similarity of each embedding row (a clause's vector); with the
        clauses' ``texts`` (and ``languages``, ``n_words``) by their anchor phrases too, as ``transform`` and the
        fit assign them (:func:`.assign.assign`)."""
        self._require_fitted()
        return assigning.assign(self.state_, embeddings, texts=texts, languages=languages, n_words=n_words)

    def comment_themes(self, row_units: Sequence[tuple[int, float]]) -> tuple[int, list[int]]:
        """Main theme and all themes of one comment from its clauses' ``(theme_id, similarity)``
        (:func:`.assign.comment_themes`)."""
        return assigning.comment_themes(row_units)

    def comment_columns(self, per_row: Sequence[Sequence[tuple[int, float]] | None]) -> dict[str, list[Any]]:
        """``theme_id``, ``theme``, ``themes``, ``theme_parent_id``, ``theme_parent``, ``theme_parents`` per
        comment from its clauses' ``(theme_id, similarity)`` (None: a row without clauses)."""
        self._require_fitted()
        return assigning.comment_columns(self.state_, per_row)

    def _assign_units(self, units: Units, *, n_words: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        """Theme and similarity of each clause; clauses without a content word get none."""
        return assigning.assign_clauses(self.state_, units.embeddings, units.texts, units.language, n_words=n_words)

    def _read(self, data: Any, text_col: str | None) -> tuple[pd.DataFrame, Units, np.ndarray, np.ndarray]:
        """``data`` as a pandas frame, its clauses (vectors made with this model's encoder, else an error) and each
        clause's theme and similarity."""
        df = _pandas(data, text_col)
        units, used = self._units(df, text_col or "text")
        check_encoder(self.state_.encoder, used, what="this ThemeModel")
        ids, sims = self._assign_units(units)
        return df, units, ids, sims

    def transform(self, data: Any, *, text_col: str | None = None, date_col: str | None = None) -> Any:
        """Add ``theme_id``, ``theme``, ``themes`` (labels of all the comment's themes) and the parent level
        (``theme_parent_id``, ``theme_parent``, ``theme_parents``); same frame type back. The model is not changed."""
        from ..frames import as_frame

        self._require_fitted()
        text_col = text_col or getattr(self, "text_col_", None)
        frame = as_frame(data, text_col=text_col or ("text" if isinstance(data, list) else None))
        df, units, ids, sims = self._read(data, frame.text_col)
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
        from . import emerging

        self._require_fitted()
        state = self.state_
        if data is not None:
            text_col = text_col or getattr(self, "text_col_", None)
            df, units, ids, _ = self._read(data, text_col or ("text" if isinstance(data, list) else None))
            from .._dates import parse_dates

            dates = parse_dates(df[date_col]).tolist() if date_col and date_col in df.columns else None
        elif self._fit_data is not None:
            units, ids, dates = self._fit_data.units, self._fit_data.labels, self._fit_data.dates
        else:
            raise InputError("update() after load needs new data: tm.update(out, text_col=...)")
        new_ids = emerging.emerge(
            state,
            units,
            ids,
            dates,
            dates_per_row=data is not None,
            min_size=min_size,
            min_theme_size=self.min_theme_size,
            seed=self.seed,
            n_neighbors=self.n_neighbors,
            n_components=self.n_components,
            top_n=self.top_n_terms,
            redact=self.redact,
            embed=self._embed_phrases,
            fitted_labels=self._fit_data.labels if data is None and self._fit_data is not None else None,
        )
        if not new_ids:
            return self.themes_.iloc[0:0]
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
        return share_by(df, period.rename("period"), themes_col, self.labels_)

    def by_segment(self, out: Any, segment_col: str, *, themes_col: str = "themes") -> pd.DataFrame:
        """Per segment and theme: comments mentioning it and their share of the segment's comments."""
        df = _pandas(out, None if isinstance(out, list) else themes_col)
        require_columns(df.columns, {"segment_col": segment_col})
        return share_by(df, df[segment_col].rename(segment_col), themes_col, self.labels_)

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
        tm = cls(**{k: v for k, v in params.items() if k in PARAMS})
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
        from .bertopic_view import bertopic_model

        self._require_fitted()
        if getattr(self, "_bertopic", None) is None:
            self._bertopic = bertopic_model(self.state_, self._fit_data, self._bertopic_path, self._bertopic_docs)
        return self._bertopic

    def _docs_for_bertopic(self) -> tuple[list[str], list[int]] | None:
        """The fitted clauses' words and themes, from the fit in memory or the saved folder."""
        from .bertopic_view import fit_docs

        return fit_docs(self._fit_data) if self._fit_data is not None else self._bertopic_docs
