"""Intent: what the customer wants: complaint, praise, suggestion, question, churn_risk, other (multi-label).

``intent`` is the most probable intent and ``intent_score`` its calibrated probability; ``intents``
lists every intent at or above its threshold (chosen for precision >= 0.8 on held-out data), most
probable first, and may be empty when nothing is clear.

Example:
    >>> IntentStage().output_columns
    ('intent', 'intent_score', 'intents')
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import ConfigError
from .stage import HeadStage

if TYPE_CHECKING:
    from .base import Head

__all__ = ["IntentStage", "INTENT_LABELS"]

INTENT_LABELS = ("complaint", "praise", "suggestion", "question", "churn_risk", "other")


class IntentStage(HeadStage):
    """The shipped multi-label VoC intent head, writing ``intent``, ``intent_score``, ``intents``."""

    def __init__(self, head: str | Head = "intent") -> None:
        super().__init__(head, name="intent", list_column="intents")
        if not self.head.multi_label:
            raise ConfigError(
                f"the intent stage needs a multi-label head; {self.head.name!r} is single-label (use HeadStage for it)"
            )
