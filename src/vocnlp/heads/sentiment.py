"""Sentiment: negative / neutral / positive for each comment and each of its clauses.

``sentiment_score`` is P(positive) - P(negative), in -1..1. A comment's probabilities blend the head's
reading of the whole comment with its clauses, each clause weighted by how strongly it leans, so a
long comment with one sharp complaint among neutral sentences is not read as neutral. A comment is
``sentiment_mixed`` when one clause is clearly positive and another clearly negative.

Example:
    >>> import numpy as np
    >>> doc = np.array([0.2, 0.6, 0.2])                       # the whole comment reads neutral
    >>> parts = np.array([[0.05, 0.9, 0.05], [0.9, 0.08, 0.02]])   # ...but one clause is a complaint
    >>> p, mixed = aggregate_sentiment(doc, parts)
    >>> int(p.argmax()), mixed
    (0, False)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..errors import ConfigError
from .base import Head
from .registry import load_head

if TYPE_CHECKING:
    import numpy as np

    from ..stages import StageBatch, StageOutput

__all__ = ["SentimentStage", "aggregate_sentiment", "SENTIMENT_LABELS"]

SENTIMENT_LABELS = ("negative", "neutral", "positive")
#: How much the whole-comment reading counts against the clause readings, when the head's card does
#: not say (the shipped head's card carries the value measured by tools/train_heads.py).
DOC_WEIGHT = 0.5
#: A clause is clearly positive (negative) at a score of at least +MIXED_AT (at most -MIXED_AT).
MIXED_AT = 0.5


def aggregate_sentiment(
    doc: np.ndarray, clauses: np.ndarray, *, doc_weight: float = DOC_WEIGHT, mixed_at: float = MIXED_AT
) -> tuple[np.ndarray, bool]:
    """Comment probabilities ``[neg, neu, pos]`` from the whole-comment and per-clause probabilities."""
    import numpy as np

    if len(clauses) <= 1:
        return doc, False
    score = clauses[:, 2] - clauses[:, 0]
    weight = 0.1 + np.abs(score)
    pooled = (weight[:, None] * clauses).sum(axis=0) / weight.sum()
    p = doc_weight * doc + (1.0 - doc_weight) * pooled
    mixed = bool(score.max() >= mixed_at and score.min() <= -mixed_at)
    return p / p.sum(), mixed


class SentimentStage:
    """Adds ``sentiment``, ``sentiment_score`` and ``sentiment_mixed``; scores clauses when ``clause_level``.

    Without ``clause_level`` only whole comments are scored and ``sentiment_mixed`` is None (not known).

    Example:
        >>> stage = SentimentStage()                               # the shipped head
        >>> stage.output_columns
        ('sentiment', 'sentiment_score', 'sentiment_mixed')
    """

    name = "sentiment"
    output_columns = ("sentiment", "sentiment_score", "sentiment_mixed")

    def __init__(
        self,
        head: str | Head = "sentiment",
        *,
        clause_level: bool = True,
        doc_weight: float | None = None,
        mixed_at: float | None = None,
    ) -> None:
        self.head = load_head(head)
        missing = set(SENTIMENT_LABELS) - set(self.head.labels)
        if missing or self.head.multi_label:
            raise ConfigError(
                f"a sentiment head needs the labels {SENTIMENT_LABELS} (one per text); "
                f"{self.head.name!r} has {self.head.labels}"
            )
        self._order = [self.head.labels.index(lab) for lab in SENTIMENT_LABELS]
        self.clause_level = clause_level
        self.needs_clauses = clause_level
        # the head's card carries the blend measured for it (tools/train_heads.py); arguments override it
        self.doc_weight = float(
            doc_weight if doc_weight is not None else self.head.meta.get("clause_doc_weight", DOC_WEIGHT)
        )
        self.mixed_at = float(mixed_at if mixed_at is not None else self.head.meta.get("mixed_at", MIXED_AT))

    def proba(self, embeddings: np.ndarray) -> np.ndarray:
        """``(n, 3)`` probabilities in the order negative, neutral, positive."""
        return self.head.predict_proba(embeddings)[:, self._order]

    def columns(self, batch: StageBatch) -> StageOutput:
        import numpy as np

        from ..stages import StageOutput

        doc = self.proba(batch.embeddings)
        clause_values: dict[str, list[list[Any] | None]] = {}
        mixed: list[bool | None]
        if not self.clause_level:
            p_all, mixed = doc, [None] * len(batch)  # unknown without clause scores
        else:
            flat, offsets = batch.flat_clause_embeddings()
            parts = self.proba(flat) if len(flat) else np.zeros((0, 3), np.float32)
            p_all = np.empty_like(doc)
            mixed = []
            labels, scores = [], []
            for i in range(len(batch)):
                pc = parts[offsets[i] : offsets[i + 1]]
                p_all[i], m = aggregate_sentiment(doc[i], pc, doc_weight=self.doc_weight, mixed_at=self.mixed_at)
                mixed.append(m)
                pc_eff = doc[i : i + 1] if len(pc) <= 1 else pc  # one clause: the comment's own reading
                labels.append([SENTIMENT_LABELS[j] for j in pc_eff.argmax(axis=1)])
                scores.append([round(float(s), 4) for s in pc_eff[:, 2] - pc_eff[:, 0]])
            clause_values = {"sentiment": list(labels), "sentiment_score": list(scores)}
        return StageOutput(
            rows={
                "sentiment": [SENTIMENT_LABELS[j] for j in p_all.argmax(axis=1)],
                "sentiment_score": [round(float(s), 4) for s in p_all[:, 2] - p_all[:, 0]],
                "sentiment_mixed": list(mixed),
            },
            clauses=clause_values,
        )
