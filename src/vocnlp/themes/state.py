"""A fitted theme taxonomy as plain data: a :class:`Theme` record per id, parents, centres and edits.

ThemeModel, its edits and its files all read and write this one state; nothing else keeps per-theme
data. ``ThemeState.to_json`` / ``from_json`` (with the arrays beside it in safetensors) is the format
on disk.

Example:
    >>> t = Theme(id=0, label="late delivery", size=12, share=0.1)
    >>> ThemeState.theme_from_json(ThemeState.theme_to_json(t)) == t
    True
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field, fields
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

__all__ = ["TABLE_COLUMNS", "UNASSIGNED", "UNASSIGNED_LABEL", "Theme", "ThemeState"]

UNASSIGNED = -1
UNASSIGNED_LABEL = "unassigned"
#: the columns of ``ThemeModel.themes_``, in order
TABLE_COLUMNS = (
    "theme_id",
    "label",
    "size",
    "share",
    "top_terms",
    "terms_by_language",
    "labels_by_language",
    "phrases",
    "label_coverage",
    "examples",
    "parent_id",
    "parent_label",
    "language",
    "negative",
    "neutral",
    "positive",
    "mean_sentiment",
    "first_seen",
)


@dataclass
class Theme:
    """One theme: its label and what describes it; ``size`` is comments, ``clauses`` clauses."""

    id: int
    label: str = ""
    size: int = 0
    share: float = 0.0
    clauses: int = 0
    language: str | None = None
    terms: list[str] = field(default_factory=list)
    terms_by_language: dict[str, list[str]] = field(default_factory=dict)
    labels_by_language: dict[str, str] = field(default_factory=dict)
    phrases: list[str] = field(default_factory=list)
    label_coverage: float = math.nan
    examples: list[str] = field(default_factory=list)
    parent_id: int | None = None
    #: shares of the theme's comments that read negative / neutral / positive, each comment read from its
    #: clauses of the theme (:func:`.describe.comment_sentiment`); ``mean_sentiment``: their clauses' mean score
    negative: float = math.nan
    neutral: float = math.nan
    positive: float = math.nan
    mean_sentiment: float = math.nan
    first_seen: str | None = None
    user_label: bool = False
    #: the phrases that anchored it (:mod:`.anchors`): a clause holding one joins it when nearly as close
    #: to it as to its nearest theme; empty for themes found otherwise
    anchors: list[str] = field(default_factory=list)
    #: the share of its anchor clauses that say the anchor negated ("no internet"; :func:`.anchors.holding`)
    anchors_negated_share: float = 0.0


@dataclass
class ThemeState:
    """Everything a fitted ThemeModel knows; arrays are float32, ``centroids`` rows in ``ids`` order."""

    mean: np.ndarray
    language_basis: np.ndarray
    centroids: np.ndarray
    ids: list[int]
    threshold: float
    themes: dict[int, Theme]
    parent_labels: dict[int, str] = field(default_factory=dict)
    edits: list[dict[str, Any]] = field(default_factory=list)
    fit_stats: dict[str, Any] = field(default_factory=dict)
    #: the encoder the centroids were made with (:func:`vocnlp.encoders.identity.identity`); None when unknown
    encoder: dict[str, str] | None = None
    #: how much more than ``threshold`` a clause needs to join a theme whose anchor phrase it does not hold
    #: (:func:`vocnlp.themes.cluster.bars`); 0 for clustered themes and models saved before 2026-12-05
    lift: float = 0.0

    def row_of(self, theme_id: int) -> int:
        return self.ids.index(theme_id)

    def parent_of(self, theme_id: int) -> int:
        p = self.themes[theme_id].parent_id
        return theme_id if p is None else p

    def parent_label(self, theme_id: int) -> str:
        p = self.parent_of(theme_id)
        return self.parent_labels.get(p) or self.themes[theme_id].label

    def theme_anchors(self) -> list[list[str]]:
        """Each theme's anchor phrases, in ``ids`` order (the columns of :func:`.anchors.holding`)."""
        return [self.themes[i].anchors if i in self.themes else [] for i in self.ids]

    def anchors_negated_shares(self) -> list[float]:
        """Each theme's share of anchor clauses saying it negated, in ``ids`` order (:func:`.anchors.negated_shares`)."""
        return [self.themes[i].anchors_negated_share if i in self.themes else 0.0 for i in self.ids]

    def table(self) -> pd.DataFrame:
        """``themes_``: one row per theme, in id order."""
        import pandas as pd

        rows = []
        for i in self.ids:
            t = self.themes[i]
            rows.append(
                {
                    "theme_id": i,
                    "label": t.label,
                    "size": t.size,
                    "share": t.share,
                    "top_terms": t.terms,
                    "terms_by_language": t.terms_by_language,
                    "labels_by_language": t.labels_by_language,
                    "phrases": t.phrases,
                    "label_coverage": t.label_coverage,
                    "examples": t.examples,
                    "parent_id": self.parent_of(i),
                    "parent_label": self.parent_label(i),
                    "language": t.language,
                    "negative": t.negative,
                    "neutral": t.neutral,
                    "positive": t.positive,
                    "mean_sentiment": t.mean_sentiment,
                    "first_seen": t.first_seen,
                }
            )
        return pd.DataFrame(rows, columns=list(TABLE_COLUMNS))

    # ---- JSON (arrays travel separately, in safetensors) -------------------------------------
    @staticmethod
    def theme_to_json(t: Theme) -> dict[str, Any]:
        return asdict(t)

    @staticmethod
    def theme_from_json(d: dict[str, Any]) -> Theme:
        known = {f.name for f in fields(Theme)}
        return Theme(**{k: v for k, v in d.items() if k in known})

    def to_json(self) -> dict[str, Any]:
        return {
            "ids": self.ids,
            "threshold": self.threshold,
            "lift": self.lift,
            "themes": [self.theme_to_json(self.themes[i]) for i in self.ids],
            "parent_labels": {str(k): v for k, v in self.parent_labels.items()},
            "edits": self.edits,
            "fit_stats": self.fit_stats,
            "encoder": self.encoder,
        }

    def arrays(self) -> dict[str, np.ndarray]:
        import numpy as np

        return {
            "mean": np.ascontiguousarray(self.mean),
            "centroids": np.ascontiguousarray(self.centroids),
            "language_basis": np.ascontiguousarray(self.language_basis),
        }

    @classmethod
    def from_json(cls, d: dict[str, Any], arrays: dict[str, np.ndarray]) -> ThemeState:
        themes = {int(t["id"]): cls.theme_from_json(t) for t in d["themes"]}
        return cls(
            mean=arrays["mean"],
            language_basis=arrays["language_basis"],
            centroids=arrays["centroids"],
            ids=[int(i) for i in d["ids"]],
            threshold=float(d["threshold"]),
            themes=themes,
            parent_labels={int(k): v for k, v in d.get("parent_labels", {}).items()},
            edits=list(d.get("edits", [])),
            fit_stats=dict(d.get("fit_stats", {})),
            encoder=d.get("encoder"),
            lift=float(d.get("lift", 0.0)),
        )
