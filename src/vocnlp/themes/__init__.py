"""Themes: one multilingual theme taxonomy over customer comments (BERTopic underneath).

Example:
    >>> from vocnlp.themes import ThemeModel
    >>> ThemeModel(seed=0).seed
    0
"""

from __future__ import annotations

from .model import UNASSIGNED, UNASSIGNED_LABEL, ThemeModel
from .state import Theme, ThemeState

__all__ = ["UNASSIGNED", "UNASSIGNED_LABEL", "Theme", "ThemeModel", "ThemeState"]
