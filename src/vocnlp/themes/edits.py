"""Editing a fitted ThemeModel: rename, merge, split, reduce. Edits are recorded and survive save/load.

Example:
    >>> tm.merge([3, 7], label="Billing").rename(0, "Ease of use")          # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from ..errors import ConfigError, InputError, NotFittedError
from . import cluster

if TYPE_CHECKING:
    from .model import ThemeModel

__all__ = ["ThemeEdits"]


class ThemeEdits:
    """The editing methods of :class:`~vocnlp.ThemeModel` (a mixin: it uses the model's fitted state)."""

    def rename(self, theme_id: int, label: str) -> ThemeModel:
        """Give a theme your own label (kept through save/load and later edits)."""
        self._check_id(theme_id)
        if label in {v for k, v in self.labels_.items() if k != theme_id}:
            raise ConfigError(f"label {label!r} is already used by another theme; labels must be unique")
        self.labels_[theme_id] = label
        self.edits_.append({"op": "rename", "theme_id": theme_id, "label": label})
        self._refresh_table()
        return self

    def _check_id(self, theme_id: int) -> None:
        self._require_fitted()
        if theme_id not in self.ids_:
            raise InputError(f"no theme {theme_id}; theme ids are {self.ids_}")

    def merge(self, theme_ids: Sequence[int], *, label: str | None = None) -> ThemeModel:
        """Merge themes into the smallest of their ids; the others disappear (ids of the rest are kept)."""
        import numpy as np

        ids = sorted(set(theme_ids))
        if len(ids) < 2:
            raise InputError("merge needs at least two theme ids")
        for t in ids:
            self._check_id(t)
        keep = ids[0]
        w = np.array([max(self._unit_stats[t]["size"], 1) for t in ids], dtype=np.float64)
        rows = [self.ids_.index(t) for t in ids]
        c = (self.centroids_[rows] * w[:, None]).sum(axis=0)
        self.centroids_[self.ids_.index(keep)] = c / np.linalg.norm(c)
        drop = [t for t in ids if t != keep]
        self.centroids_ = np.delete(self.centroids_, [self.ids_.index(t) for t in drop], axis=0)
        self.ids_ = [t for t in self.ids_ if t not in drop]
        self.edits_.append({"op": "merge", "theme_ids": ids, "label": label})
        self._redescribe(merged=(keep, drop), fixed={keep: label} if label else {})
        return self

    def split(self, theme_id: int, n: int = 2) -> ThemeModel:
        """Split a theme in ``n`` with k-means on its clauses (needs the fit data: not after ``load``)."""
        import numpy as np
        from sklearn.cluster import KMeans

        self._check_id(theme_id)
        if getattr(self, "_fit", None) is None:
            raise NotFittedError("split needs the clauses the model was fitted on; refit, then split")
        units, z, labels, tokens = self._fit
        members = np.nonzero(labels == theme_id)[0]
        if len(members) < 2 * n:
            raise InputError(f"theme {theme_id} has {len(members)} clauses: too few to split in {n}")
        sub = KMeans(n, n_init=4, random_state=self.seed).fit_predict(z[members])
        new_ids = [max(self.ids_) + k for k in range(1, n)]
        labels = labels.copy()
        for k, nid in enumerate(new_ids, start=1):
            labels[members[sub == k]] = nid
        self.ids_ = self.ids_ + new_ids
        self._fit = (units, z, labels, tokens)
        self.centroids_ = cluster.centroids(z, labels, self.ids_).astype(np.float32)
        self.edits_.append({"op": "split", "theme_id": theme_id, "n": n, "new_ids": new_ids})
        self._describe(units, z, labels, tokens, fixed_labels=self._user_labels(exclude={theme_id}))
        return self

    def reduce(self, n: int) -> ThemeModel:
        """Merge the most similar themes until ``n`` are left (agglomerative, average linkage on centroids)."""
        from scipy.cluster.hierarchy import fcluster, linkage

        self._require_fitted()
        if n < 1:
            raise ConfigError("reduce(n) needs n >= 1")
        if n >= len(self.ids_):
            return self
        groups = fcluster(linkage(self.centroids_, method="average", metric="cosine"), t=n, criterion="maxclust")
        ids = list(self.ids_)  # merge() changes self.ids_: group the ids as they were
        for g in sorted(set(groups.tolist())):
            members = [t for t, gg in zip(ids, groups) if gg == g]
            if len(members) > 1:
                self.merge(members)
        return self

    def _user_labels(self, exclude: set[int] = frozenset()) -> dict[int, str]:  # type: ignore[assignment]
        """Labels set by rename/merge(label=...) or seed themes: kept when themes are described again."""
        out: dict[int, str] = {}
        for e in getattr(self, "edits_", []):
            if e["op"] == "rename":
                out[e["theme_id"]] = e["label"]
            elif e["op"] == "merge" and e.get("label"):
                out[min(e["theme_ids"])] = e["label"]
        for i, name in enumerate(self.seed_themes or {}):
            if i in self.ids_:
                out.setdefault(i, name)
        return {k: v for k, v in out.items() if k in self.ids_ and k not in exclude}

    def _redescribe(self, merged: tuple[int, list[int]], fixed: Mapping[int, str]) -> None:
        keep, drop = merged
        if getattr(self, "_fit", None) is not None:
            units, z, labels, tokens = self._fit
            labels = labels.copy()
            for t in drop:
                labels[labels == t] = keep
            self._fit = (units, z, labels, tokens)
            self._describe(units, z, labels, tokens, fixed_labels={**self._user_labels(), **fixed})
            return
        # after load: combine what is known without the clauses
        st = self._unit_stats
        total = sum(st[t]["size"] for t in [keep, *drop])
        for key in ("negative", "neutral", "positive", "mean_sentiment"):
            vals = [(st[t][key], st[t]["size"]) for t in [keep, *drop] if st[t][key] == st[t][key]]
            st[keep][key] = round(sum(v * s for v, s in vals) / max(sum(s for _, s in vals), 1), 4) if vals else float("nan")
        st[keep]["share"] = round(sum(st[t]["share"] for t in [keep, *drop]), 4)
        st[keep]["size"] = total
        self.terms_[keep] = list(dict.fromkeys(sum((self.terms_[t] for t in [keep, *drop]), [])))[: self.top_n_terms]
        self.examples_[keep] = sum((self.examples_[t] for t in [keep, *drop]), [])[:3]
        for t in drop:
            for d in (self.labels_, self.terms_, self.terms_by_language_, self.examples_, st):
                d.pop(t, None)
        if fixed.get(keep):
            self.labels_[keep] = fixed[keep]
        self._refresh_table()
