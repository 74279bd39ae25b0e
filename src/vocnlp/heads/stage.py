"""The Pipeline stage that runs any head (shipped or your own) on the shared comment embeddings.

Example:
    >>> nlp = vocnlp.Pipeline.default(heads={"effort": "path/to/effort_head"})   # doctest: +SKIP
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..errors import ConfigError
from .base import Head
from .registry import load_head

if TYPE_CHECKING:
    from ..stages import StageBatch

__all__ = ["HeadStage"]


class HeadStage:
    """Runs any head on the comment embeddings and writes ``<name>``, ``<name>_score`` (and ``<name>_labels``).

    ``<name>`` is the top label and ``<name>_score`` its probability; a multi-label head also writes
    ``<name>_labels``, the labels at or above their thresholds.

    Example:
        >>> from vocnlp.heads import load_head
        >>> HeadStage(load_head("intent"), name="goal").output_columns
        ('goal', 'goal_score', 'goal_labels')
    """

    needs_clauses = False

    def __init__(self, head: str | Head, *, name: str | None = None, list_column: str | None = None) -> None:
        self.head = load_head(head)
        self.name = name or self.head.name
        if not self.name.isidentifier():
            raise ConfigError(f"head name {self.name!r} must be a valid column name (letters, digits, _)")
        self.list_column = list_column or f"{self.name}_labels"
        cols = (self.name, f"{self.name}_score")
        self.output_columns = (*cols, self.list_column) if self.head.multi_label else cols

    def columns(self, batch: StageBatch) -> dict[str, list[Any]]:
        proba = self.head.predict_proba(batch.embeddings)
        top = proba.argmax(axis=1)
        out: dict[str, list[Any]] = {
            self.name: [self.head.labels[j] for j in top],
            f"{self.name}_score": [round(float(proba[i, j]), 4) for i, j in enumerate(top)],
        }
        if self.head.multi_label:
            out[self.list_column] = [self.head.active_labels(row) for row in proba]
        return out
