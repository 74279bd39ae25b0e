"""The Pipeline stage that assigns a fitted ThemeModel's themes inside the shared encoder pass.

Example:
    >>> nlp = vocnlp.Pipeline.default(themes=vocnlp.ThemeModel.load("themes/"))   # doctest: +SKIP
    >>> nlp.run(df, text_col="comment")[["theme_id", "theme", "themes"]]          # doctest: +SKIP
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .assign import COMMENT_COLUMNS
from .model import ThemeModel

if TYPE_CHECKING:
    from ..stages import StageBatch, StageOutput

__all__ = ["ThemeStage"]


class ThemeStage:
    """Adds ``theme_id``, ``theme``, ``themes``, the parent level and each clause's ``theme_id`` from the
    clause embeddings (the same rule as :meth:`ThemeModel.transform`: :func:`.assign.assign_clauses`)."""

    name = "themes"
    needs_clauses = True
    output_columns = COMMENT_COLUMNS

    def __init__(self, model: ThemeModel) -> None:
        model._require_fitted()
        self.model = model

    def columns(self, batch: StageBatch) -> StageOutput:
        from ..stages import StageOutput
        from .assign import assign_clauses, comment_columns

        flat, offsets = batch.flat_clause_embeddings()
        assert batch.clauses is not None
        texts = [c.text for cl in batch.clauses for c in cl]
        languages = [lang for cl, lang in zip(batch.clauses, batch.languages) for _ in cl]
        state = self.model.state_
        ids, sims = assign_clauses(state, flat, texts, languages)
        per_row = [
            list(zip(ids[offsets[i] : offsets[i + 1]].tolist(), sims[offsets[i] : offsets[i + 1]].tolist()))
            for i in range(len(batch))
        ]
        return StageOutput(
            rows=comment_columns(state, per_row), clauses={"theme_id": [[t for t, _ in pairs] for pairs in per_row]}
        )
