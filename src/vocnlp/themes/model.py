"""ThemeModel: one multilingual theme taxonomy over customer comments, with BERTopic underneath.

``fit`` finds themes among the clauses of the comments (see :mod:`vocnlp.themes.cluster` for how it
avoids mega-themes and outliers), describes each with distinctive words (per language too), a label,
examples, a parent theme and its sentiment mix. ``transform`` assigns each clause to the most similar
theme centroid when the similarity reaches the calibrated threshold, so ids never shift on new data;
clauses far from every theme become candidates that ``update`` turns into emerging themes.

Example:
    >>> nlp = vocnlp.Pipeline.default(keep_embeddings=True)                 # doctest: +SKIP
    >>> out = nlp.run(df, text_col="comment")                               # doctest: +SKIP
    >>> tm = vocnlp.ThemeModel(seed=0).fit(out, text_col="comment")         # doctest: +SKIP
    >>> tm.transform(out)[["comment", "theme_id", "theme", "themes"]]       # doctest: +SKIP
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import ConfigError, InputError, NotFittedError
from . import cluster
from .describe import describe_themes, parent_groups
from .edits import ThemeEdits
from .terms import theme_tokens
from .units import Units, units_from_frame

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

__all__ = ["ThemeModel", "UNASSIGNED", "UNASSIGNED_LABEL"]

logger = logging.getLogger(__name__)
UNASSIGNED = -1
UNASSIGNED_LABEL = "unassigned"


def _pandas(data: Any, text_col: str | None) -> pd.DataFrame:
    from ..frames import as_frame

    frame = as_frame(data, text_col=text_col)
    if frame.kind == "polars":
        return frame.data.to_pandas()
    if frame.kind == "list":
        import pandas as pd

        return pd.DataFrame({frame.text_col: frame.data})
    return frame.data.reset_index(drop=True)


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


class ThemeModel(ThemeEdits):
    """Themes of customer comments (scikit-learn style: ``fit`` returns self, state in ``*_`` attributes).

    Args:
        min_theme_size: smallest theme, in clauses; ``"auto"`` grows with the corpus (n/150, 10..200).
        max_theme_share: a theme holding more of the clauses than this is split.
        outlier_quantile: outliers join their nearest theme when at least as similar as this quantile of
            the theme members' own similarities; lower keeps fewer unassigned.
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
        backend, encoder_model: encoder for frames that do not carry the Pipeline's embeddings; it must be
            the Pipeline's encoder.
    """

    def __init__(self, *, min_theme_size: int | str = "auto", max_theme_share: float = 0.25,
                 outlier_quantile: float = 0.05, seed: int = 0, seed_themes: Mapping[str, Sequence[str]] | None = None,
                 seed_similarity: float = 0.35, n_neighbors: int = 15, n_components: int = 5,
                 max_fit_units: int = 50_000, top_n_terms: int = 8, language_centering: str | None = "reference",
                 backend: str = "auto", encoder_model: str | None = None, redact: bool = True) -> None:
        self.redact = bool(redact)
        self.min_theme_size = min_theme_size
        self.max_theme_share = max_theme_share
        self.outlier_quantile = outlier_quantile
        self.seed = seed
        self.seed_themes = dict(seed_themes) if seed_themes else None
        self.seed_similarity = seed_similarity
        self.n_neighbors = n_neighbors
        self.n_components = n_components
        self.max_fit_units = max_fit_units
        self.top_n_terms = top_n_terms
        self.language_centering = language_centering
        self.backend = backend
        self.encoder_model = encoder_model

    # ---- helpers -------------------------------------------------------------------------------
    def _check_params(self) -> None:
        if not (self.min_theme_size == "auto" or (isinstance(self.min_theme_size, int) and self.min_theme_size >= 2)):
            raise ConfigError(f"min_theme_size={self.min_theme_size!r}: use 'auto' or an integer >= 2")
        if not 0 < self.max_theme_share <= 1:
            raise ConfigError(f"max_theme_share={self.max_theme_share!r} must be in (0, 1]")
        if self.language_centering not in ("reference", "corpus", None):
            raise ConfigError(f"language_centering={self.language_centering!r}: use 'reference', 'corpus' or None")
        if not 0 <= self.outlier_quantile < 1:
            raise ConfigError(f"outlier_quantile={self.outlier_quantile!r} must be in [0, 1)")

    def _require_fitted(self) -> None:
        if not hasattr(self, "centroids_"):
            raise NotFittedError("this ThemeModel is not fitted yet: call fit(out, text_col=...) or ThemeModel.load(dir)")

    def _encoder(self) -> Any:
        from ..encoders import get_encoder

        return get_encoder(self.backend, self.encoder_model)

    @property
    def n_themes(self) -> int:
        self._require_fitted()
        return len(self.ids_)

    def label_of(self, theme_id: int) -> str:
        """The label of a theme id (``unassigned`` for -1)."""
        return UNASSIGNED_LABEL if theme_id == UNASSIGNED else self.labels_[theme_id]

    # ---- fitting -------------------------------------------------------------------------------
    def fit(self, data: Any, *, text_col: str | None = None, date_col: str | None = None) -> ThemeModel:
        """Find the themes of ``data`` (a Pipeline output, or any frame / list of comments)."""
        import numpy as np

        self._check_params()
        df = _pandas(data, text_col)
        text_col = text_col or "text"
        units = units_from_frame(df, text_col, encoder=None if "clause_embeddings" in df else self._encoder())
        content = units.contentful()
        if content.sum() < 20:
            raise InputError(f"only {int(content.sum())} comments/clauses with words to find themes in; "
                             "a ThemeModel needs at least 20 (a few hundred make useful themes)")
        fit_idx = np.nonzero(content)[0]
        rng = np.random.default_rng(self.seed)
        if len(fit_idx) > self.max_fit_units:
            fit_idx = _stratified(fit_idx, np.asarray(units.language)[fit_idx], self.max_fit_units, rng)
            logger.info("fitting on a sample of %d of %d clauses (stratified by language)", len(fit_idx), int(content.sum()))
        fit_units = units.take(fit_idx)
        self.mean_ = fit_units.embeddings.mean(axis=0).astype(np.float32)
        self.language_basis_ = self._basis(fit_units)
        z = self._center(fit_units.embeddings)
        labels = np.full(len(fit_units), UNASSIGNED, dtype=np.int64)
        seed_names: list[str] = list(self.seed_themes or {})
        if self.redact:
            # personal data never reaches terms, labels or examples: rules and cue-word names on every clause
            from dataclasses import replace

            from ..pii import redact

            fit_units = replace(fit_units, texts=redact(fit_units.texts, languages=fit_units.language, ner=False))
        tokens = [theme_tokens(t, lang) for t, lang in zip(fit_units.texts, fit_units.language)]
        # identical clauses ("Great service" x 40) are clustered once: duplicates would make dense
        # pockets of one phrasing (and one language) instead of themes
        free_idx = np.nonzero(labels == UNASSIGNED)[0]
        keys = [" ".join(fit_units.texts[i].lower().split()) for i in free_idx]
        first: dict[str, int] = {}
        for k, key in enumerate(keys):
            first.setdefault(key, k)
        uniq = np.array(sorted(first.values()), dtype=np.int64)
        min_size = cluster.auto_min_size(len(uniq)) if self.min_theme_size == "auto" else int(self.min_theme_size)
        offset = len(seed_names)
        if len(uniq) >= max(2 * min_size, 10):
            sel = free_idx[uniq]
            self._bertopic, found = cluster.discover(z[sel], [tokens[i] for i in sel], min_size=min_size,
                                                     seed=self.seed, n_neighbors=self.n_neighbors,
                                                     n_components=self.n_components)
            by_key = {keys[u]: (f + offset if f >= 0 else UNASSIGNED) for u, f in zip(uniq, found.tolist())}
            labels[free_idx] = [by_key[key] for key in keys]
        else:
            self._bertopic = None
        if self.seed_themes:
            labels = self._seed(z, labels, tokens)
        labels = cluster.split_large(z, labels, max_share=self.max_theme_share, seed=self.seed)
        ids = sorted(set(labels[labels >= 0].tolist()))
        if not ids:
            raise InputError("no themes found: the comments are too few or too alike; lower min_theme_size")
        cents = cluster.centroids(z, labels, ids)
        before = {"clustered": float(np.mean(labels >= 0)), "cohesion": cluster.cohesion(z, labels, cents, ids)}
        self.threshold_ = cluster.calibrate_threshold(z, labels, cents, ids, quantile=self.outlier_quantile)
        labels = cluster.reassign(z, labels, cents, ids, self.threshold_)
        # one refinement step: every clause to its nearest centroid (the rule transform uses), then
        # centroids of the final members; themes left empty are dropped
        cents = cluster.centroids(z, labels, ids)
        labels = cluster.nearest(z, cents, ids, self.threshold_)
        ids = sorted(set(labels[labels >= 0].tolist()))
        # ids: seed themes first (in the order given), then discovered themes by size
        sizes = Counter(labels[labels >= 0].tolist())
        order = [i for i in range(offset) if i in sizes] + sorted((i for i in ids if i >= offset),
                                                                  key=lambda i: (-sizes[i], i))
        remap = {old: new for new, old in enumerate(order)}
        labels = np.array([remap.get(int(v), UNASSIGNED) for v in labels], dtype=np.int64)
        self.ids_ = list(range(len(order)))
        self.centroids_ = cluster.centroids(z, labels, self.ids_).astype(np.float32)
        labels = cluster.nearest(z, self.centroids_, self.ids_, self.threshold_)  # exactly what transform gives
        names = {remap[i]: seed_names[i] for i in range(offset) if i in remap}
        self._fit = (fit_units, z, labels, tokens)
        self._describe(fit_units, z, labels, tokens, fixed_labels=names)
        self.edits_: list[dict[str, Any]] = []
        self.candidates_: list[dict[str, Any]] = []
        self.first_seen_: dict[int, Any] = {}
        self.fit_stats_ = {**self._fit_stats(units, fit_idx, labels),
                           "clauses_clustered_before_reassignment": round(before["clustered"], 4),
                           "cohesion_before_reassignment": round(before["cohesion"], 4),
                           "cohesion": round(cluster.cohesion(z, labels, self.centroids_, self.ids_), 4)}
        logger.info("themes: %s", self.fit_stats_)
        return self

    def _basis(self, units: Units) -> np.ndarray:
        import numpy as np

        if self.language_centering is None:
            return np.zeros((0, units.embeddings.shape[1]), np.float32)
        if self.language_centering == "corpus":
            return cluster.language_basis(cluster.corpus_offsets(units.embeddings, units.language))
        from .reference import reference_offsets

        ref = reference_offsets()
        return cluster.language_basis(np.stack(list(ref.values()))) if ref else np.zeros((0, units.embeddings.shape[1]), np.float32)

    def _center(self, embeddings: np.ndarray) -> np.ndarray:
        return cluster.center(embeddings, self.mean_, basis=getattr(self, "language_basis_", None))

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
                raise InputError(f"seed_themes[{name!r}] must be a list of seed phrases, e.g. ['late delivery', 'courier']")
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
            lexical = np.array([sum(c for w, c in member_tokens.items() if any(w.startswith(s) or s.startswith(w)
                                                                               for s in ws)) / n for ws in words])
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

    def _describe(self, units: Units, z: np.ndarray, labels: np.ndarray, tokens: list[str],
                  fixed_labels: Mapping[int, str] | None = None) -> None:
        desc = describe_themes(units, z, labels, tokens, self.centroids_, self.ids_, top_n=self.top_n_terms,
                               fixed_labels=dict(fixed_labels or {}), previous=getattr(self, "labels_", None))
        if self.redact:
            from ..pii import redact

            # the few examples shown per theme also lose person names (NER on English, cue words elsewhere)
            desc["examples"] = {k: redact(list(v)) for k, v in desc["examples"].items()}
        self.labels_ = desc["labels"]
        self.terms_ = desc["terms"]
        self.terms_by_language_ = desc["terms_by_language"]
        self.examples_ = desc["examples"]
        self._unit_stats = desc["stats"]
        self._refresh_table()

    def _refresh_table(self) -> None:
        import pandas as pd

        parents = parent_groups(self.centroids_, self.ids_, [self._unit_stats[i]["size"] for i in self.ids_])
        rows = []
        for i in self.ids_:
            st = self._unit_stats[i]
            rows.append({"theme_id": i, "label": self.labels_[i], "size": st["size"], "share": st["share"],
                         "top_terms": self.terms_[i], "terms_by_language": self.terms_by_language_[i],
                         "examples": self.examples_[i], "parent_id": parents[i],
                         "negative": st["negative"], "neutral": st["neutral"], "positive": st["positive"],
                         "mean_sentiment": st["mean_sentiment"], "first_seen": getattr(self, "first_seen_", {}).get(i)})
        self.themes_ = pd.DataFrame(rows)

    def _fit_stats(self, units: Units, fit_idx: np.ndarray, labels: np.ndarray) -> dict[str, Any]:
        import numpy as np

        rows = units.row[fit_idx]
        has_units = len(set(units.row.tolist()))
        assigned = len(set(rows[labels >= 0].tolist()))
        top = Counter()
        for r, lab in set(zip(rows.tolist(), labels.tolist())):
            if lab >= 0:
                top[lab] += 1
        return {"themes": len(self.ids_), "clauses": int(len(labels)),
                "clauses_unassigned": round(float(np.mean(labels < 0)), 4),
                "comments_unassigned": round(1 - assigned / max(has_units, 1), 4),
                "largest_theme_share": round(max(top.values()) / max(has_units, 1), 4) if top else 0.0,
                "threshold": round(self.threshold_, 4)}

    # ---- assigning -----------------------------------------------------------------------------
    def assign(self, embeddings: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Theme id (-1 below the threshold) and similarity of each embedding row."""
        import numpy as np

        self._require_fitted()
        if len(embeddings) == 0:
            return np.zeros(0, np.int64), np.zeros(0, np.float32)
        sims = self._center(embeddings) @ self.centroids_.T
        best = sims.argmax(axis=1)
        score = sims[np.arange(len(best)), best]
        ids = np.asarray(self.ids_)[best]
        return np.where(score >= self.threshold_, ids, UNASSIGNED), score

    def comment_themes(self, row_units: Sequence[tuple[int, float]]) -> tuple[int, list[int]]:
        """Main theme and all themes of one comment from its clauses' ``(theme_id, similarity)``."""
        hits = [(t, s) for t, s in row_units if t != UNASSIGNED]
        if not hits:
            return UNASSIGNED, []
        count = Counter(t for t, _ in hits)
        best = {t: max(s for tt, s in hits if tt == t) for t in count}
        ordered = sorted(count, key=lambda t: (-count[t], -best[t], t))
        return ordered[0], ordered

    def transform(self, data: Any, *, text_col: str | None = None, date_col: str | None = None) -> Any:
        """Add ``theme_id``, ``theme`` and ``themes`` (labels of all the comment's themes); same frame type back."""
        import numpy as np

        from ..frames import as_frame

        self._require_fitted()
        frame = as_frame(data, text_col=text_col or ("text" if isinstance(data, list) else None))
        df = _pandas(data, frame.text_col)
        units = units_from_frame(df, frame.text_col, encoder=None if "clause_embeddings" in df else self._encoder())
        ids, sims = self.assign(units.embeddings)
        content = units.contentful()
        ids = np.where(content, ids, UNASSIGNED)
        per_row: dict[int, list[tuple[int, float]]] = {}
        per_clause: dict[int, dict[int, int]] = {}
        for r, c, t, s in zip(units.row.tolist(), units.clause.tolist(), ids.tolist(), sims.tolist()):
            per_row.setdefault(r, []).append((t, s))
            per_clause.setdefault(r, {})[c] = t
        self._collect_candidates(units, ids, content, df, date_col)
        theme_id, theme, themes = [], [], []
        for r in range(len(df)):
            if r not in per_row:
                theme_id.append(None)
                theme.append(None)
                themes.append(None)
                continue
            main, all_ids = self.comment_themes(per_row[r])
            theme_id.append(main)
            theme.append(self.label_of(main))
            themes.append([self.labels_[t] for t in all_ids])
        cols: dict[str, list[Any]] = {"theme_id": theme_id, "theme": theme, "themes": themes}
        if "clauses" in df.columns:
            cols["clauses"] = [None if not isinstance(cl, list) else
                               [{**c, "theme_id": per_clause.get(r, {}).get(j, UNASSIGNED)} for j, c in enumerate(cl)]
                               for r, cl in enumerate(df["clauses"])]
        return frame.with_columns(cols)

    def fit_transform(self, data: Any, *, text_col: str | None = None, date_col: str | None = None) -> Any:
        return self.fit(data, text_col=text_col, date_col=date_col).transform(data, text_col=text_col, date_col=date_col)

    def _collect_candidates(self, units: Units, ids: np.ndarray, content: np.ndarray, df: pd.DataFrame,
                            date_col: str | None, limit: int = 50_000) -> None:
        dates = df[date_col].tolist() if date_col and date_col in df.columns else None
        seen = {c["text"] for c in self.candidates_}
        for k in range(len(units)):
            if ids[k] == UNASSIGNED and content[k] and len(self.candidates_) < limit and units.texts[k] not in seen:
                seen.add(units.texts[k])
                self.candidates_.append({"text": units.texts[k], "language": units.language[k],
                                         "embedding": units.embeddings[k],
                                         "date": None if dates is None else dates[units.row[k]]})

    # ---- new themes over time ------------------------------------------------------------------
    def update(self, data: Any = None, *, text_col: str | None = None, date_col: str | None = None,
               min_size: int | None = None) -> pd.DataFrame:
        """Turn clauses far from every theme into emerging themes; existing ids never change.

        Candidates come from earlier ``transform`` calls and from ``data`` (if given). Returns the rows
        of ``themes_`` that are new (empty when nothing emerged), with ``first_seen`` when dates are known.
        """
        import numpy as np

        self._require_fitted()
        if data is not None:
            self.transform(data, text_col=text_col, date_col=date_col)
        cands = self.candidates_
        size = min_size or (cluster.auto_min_size(len(cands)) if self.min_theme_size == "auto" else int(self.min_theme_size))
        if len(cands) < max(2 * size, 10):
            return self.themes_.iloc[0:0]
        emb = np.stack([c["embedding"] for c in cands])
        z = self._center(emb)
        if self.redact:
            from ..pii import redact

            for c in cands:
                c["text"] = redact(c["text"], languages=[c["language"]], ner=False)
        tokens = [theme_tokens(c["text"], c["language"]) for c in cands]
        if len(cands) > 5000:
            _, found = cluster.discover(z, tokens, min_size=size, seed=self.seed, n_neighbors=self.n_neighbors,
                                        n_components=self.n_components)
        else:  # few candidates: groups whose members are as close as a theme's members are to its centre
            found = cluster.tight_groups(z, min_size=size, min_similarity=self.threshold_)
        new_ids = []
        for f in sorted(set(found[found >= 0].tolist())):
            members = found == f
            c = z[members].mean(axis=0)
            nid = max(self.ids_) + 1
            self.ids_.append(nid)
            self.centroids_ = np.vstack([self.centroids_, (c / np.linalg.norm(c))[None]]).astype(np.float32)
            dates = [cands[k]["date"] for k in np.nonzero(members)[0] if cands[k]["date"] is not None]
            self.first_seen_[nid] = str(min(dates)) if dates else None
            new_ids.append((nid, np.nonzero(members)[0]))
        if not new_ids:
            return self.themes_.iloc[0:0]
        units = Units([c["text"] for c in cands], np.arange(len(cands)), np.zeros(len(cands), np.int64),
                      [c["language"] for c in cands], [None] * len(cands), np.full(len(cands), np.nan), emb,
                      len(cands))
        labels = np.full(len(cands), UNASSIGNED, dtype=np.int64)
        for nid, idx in new_ids:
            labels[idx] = nid
        desc = describe_themes(units, z, labels, tokens, self.centroids_, [nid for nid, _ in new_ids],
                               top_n=self.top_n_terms, fixed_labels={}, previous=self.labels_)
        for key, target in (("labels", self.labels_), ("terms", self.terms_),
                            ("terms_by_language", self.terms_by_language_), ("examples", self.examples_),
                            ("stats", self._unit_stats)):
            target.update(desc[key])
        keep = [k for k in range(len(cands)) if labels[k] == UNASSIGNED]
        self.candidates_ = [cands[k] for k in keep]
        self.edits_.append({"op": "update", "new_ids": [nid for nid, _ in new_ids]})
        self._refresh_table()
        return self.themes_[self.themes_["theme_id"].isin([nid for nid, _ in new_ids])]

    # ---- reading results -----------------------------------------------------------------------
    def over_time(self, out: Any, *, date_col: str, freq: str = "Q", themes_col: str = "themes") -> pd.DataFrame:
        """Per period and theme: comments mentioning it (``n``) and their share of the period's comments."""

        df = _pandas(out, None if isinstance(out, list) else themes_col)
        if date_col not in df.columns:
            raise InputError(f"date_col={date_col!r} not in the frame; available: {list(df.columns)}")
        from .._dates import parse_dates

        period = parse_dates(df[date_col]).dt.to_period(freq)
        return self._share_by(df, period.rename("period"), themes_col)

    def by_segment(self, out: Any, segment_col: str, *, themes_col: str = "themes") -> pd.DataFrame:
        """Per segment and theme: comments mentioning it and their share of the segment's comments."""
        df = _pandas(out, None if isinstance(out, list) else themes_col)
        if segment_col not in df.columns:
            raise InputError(f"segment_col={segment_col!r} not in the frame; available: {list(df.columns)}")
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
    def save(self, path: str | Path) -> Path:
        """A folder: ``themes.json`` (ids, labels, edits, threshold, versions), ``themes.safetensors``
        (centres, language directions), ``themes.csv`` (the table) and ``bertopic/`` (safetensors, no pickles)."""
        from .persist import save_model

        return save_model(self, path)

    @classmethod
    def load(cls, path: str | Path) -> ThemeModel:
        """Read a folder written by :meth:`save`; assignments are the same as before saving."""
        from .persist import load_model

        return load_model(cls, path)

    @property
    def bertopic_(self) -> Any:
        """The underlying BERTopic model (loaded from the saved folder on first use)."""
        self._require_fitted()
        if getattr(self, "_bertopic", None) is None and getattr(self, "_bertopic_path", None) is not None:
            from .._lazy import import_optional

            self._bertopic = import_optional("bertopic").BERTopic.load(str(self._bertopic_path))
        return self._bertopic
