"""The Pipeline stage that assigns a fitted ThemeModel's themes inside the shared encoder pass.

Example:
    >>> nlp = vocnlp.Pipeline.default(themes=vocnlp.ThemeModel.load("themes/"))   # doctest: +SKIP
    >>> nlp.run(df, text_col="comment")[["theme_id", "theme", "themes"]]          # doctest: +SKIP
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .model import UNASSIGNED, ThemeModel

if TYPE_CHECKING:
    from ..stages import StageBatch, StageOutput

__all__ = ["ThemeStage"]


class ThemeStage:
    """Adds ``theme_id``, ``theme``, ``themes``, the parent level and each clause's ``theme_id`` from the
    clause embeddings (the same rule as :meth:`ThemeModel.transform`)."""

    name = "themes"
    needs_clauses = True
    output_columns = ("theme_id", "theme", "themes", "theme_parent_id", "theme_parent", "theme_parents")

    def __init__(self, model: ThemeModel) -> None:
        model._require_fitted()
        self.model = model

    def columns(self, batch: StageBatch) -> StageOutput:
        import numpy as np

        from ..stages import StageOutput
        from .prepare import word_counts

        flat, offsets = batch.flat_clause_embeddings()
        assert batch.clauses is not None
        texts = [c.text for cl in batch.clauses for c in cl]
        languages = [lang for cl, lang in zip(batch.clauses, batch.languages) for _ in cl]
        n_words = word_counts(texts, languages)
        ids, sims = self.model.assign(flat, texts=texts, languages=languages, n_words=n_words)
        ids = np.where(n_words >= 1, ids, UNASSIGNED)
        per_row = [
            list(zip(ids[offsets[i] : offsets[i + 1]].tolist(), sims[offsets[i] : offsets[i + 1]].tolist()))
            for i in range(len(batch))
        ]
        return StageOutput(
            rows=self.model.comment_columns(per_row), clauses={"theme_id": [[t for t, _ in pairs] for pairs in per_row]}
        )
