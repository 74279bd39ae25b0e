"""Intent: what the customer wants: complaint, praise, suggestion, question, churn_risk, other (multi-label).

``intent`` is the most probable intent and ``intent_score`` its calibrated probability; ``intents``
lists every intent at or above its threshold (chosen for precision >= 0.8 on held-out data), most
probable first, and may be empty when nothing is clear.

Example:
    >>> IntentStage().output_columns
    ('intent', 'intent_score', 'intents')
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..errors import ConfigError
from .base import Head
from .registry import load_head

if TYPE_CHECKING:
    from ..stages import StageBatch

__all__ = ["IntentStage", "HeadStage", "INTENT_LABELS"]

INTENT_LABELS = ("complaint", "praise", "suggestion", "question", "churn_risk", "other")


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


class IntentStage(HeadStage):
    """The shipped multi-label VoC intent head, writing ``intent``, ``intent_score``, ``intents``."""

    def __init__(self, head: str | Head = "intent") -> None:
        super().__init__(head, name="intent", list_column="intents")
        if not self.head.multi_label:
            raise ConfigError(f"the intent stage needs a multi-label head; {self.head.name!r} is single-label "
                              "(use HeadStage for it)")
