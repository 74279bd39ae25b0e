"""Heads: small trained layers over the shared sentence embeddings (sentiment, intent, your own labels).

Example:
    >>> from vocnlp.heads import load_head
    >>> load_head("sentiment").labels
    ('negative', 'neutral', 'positive')
"""

from __future__ import annotations

from .base import Head
from .intent import IntentStage
from .registry import load_head, shipped_heads
from .sentiment import SentimentStage
from .stage import HeadStage
from .train import fit_head, train_head, zero_shot_head

__all__ = [
    "Head",
    "load_head",
    "shipped_heads",
    "train_head",
    "fit_head",
    "zero_shot_head",
    "SentimentStage",
    "IntentStage",
    "HeadStage",
]
