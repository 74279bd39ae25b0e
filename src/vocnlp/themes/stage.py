"""The Pipeline stage that assigns a fitted ThemeModel's themes inside the shared encoder pass.

Example:
    >>> nlp = vocnlp.Pipeline.default(themes=vocnlp.ThemeModel.load("themes/"))   # doctest: +SKIP
    >>> nlp.run(df, text_col="comment")[["theme_id", "theme", "themes"]]          # doctest: +SKIP
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .model import UNASSIGNED, ThemeModel
from .units import MIN_LETTERS

if TYPE_CHECKING:
    from ..stages import StageBatch

__all__ = ["ThemeStage"]


class ThemeStage:
    """Adds ``theme_id``, ``theme``, ``themes`` and each clause's ``theme_id`` from the clause embeddings."""

    name = "themes"
    needs_clauses = True
    output_columns = ("theme_id", "theme", "themes")

    def __init__(self, model: ThemeModel) -> None:
        model._require_fitted()
        self.model = model

    def columns(self, batch: StageBatch) -> dict[str, list[Any]]:
        import numpy as np

        flat, offsets = batch.flat_clause_embeddings()
        assert batch.clauses is not None
        ids, sims = self.model.assign(flat)
        texts = [c.text for cl in batch.clauses for c in cl]
        content = np.array([sum(ch.isalpha() for ch in t) >= MIN_LETTERS for t in texts], dtype=bool)
        ids = np.where(content, ids, UNASSIGNED)
        theme_id, theme, themes, per_clause = [], [], [], []
        for i in range(len(batch)):
            pairs = list(zip(ids[offsets[i] : offsets[i + 1]].tolist(), sims[offsets[i] : offsets[i + 1]].tolist()))
            main, all_ids = self.model.comment_themes(pairs)
            theme_id.append(main)
            theme.append(self.model.label_of(main))
            themes.append([self.model.labels_[t] for t in all_ids])
            per_clause.append([t for t, _ in pairs])
        batch.clause_fields["theme_id"] = per_clause
        return {"theme_id": theme_id, "theme": theme, "themes": themes}
