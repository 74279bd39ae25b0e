"""``ThemeModel.bertopic_``: a BERTopic model of the fitted themes, for BERTopic's own tools.

BERTopic's "manual topic modeling" of the words of each distinct fitted clause, with its final theme and the
theme centres as topic vectors. Built on first use, so that fits, saves and loads import no BERTopic.

Example:
    >>> fit_docs(None) is None   # nothing in memory (a loaded model reads its saved docs instead)
    True
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from . import cluster
from .prepare import FitData, distinct_units
from .state import UNASSIGNED, ThemeState

__all__ = ["as_bertopic", "bertopic_model", "fit_docs"]


def fit_docs(fit: FitData | None) -> tuple[list[str], list[int]] | None:
    """The words and theme of each distinct fitted clause with two or more content words (what the themes
    were found on); None without the fit's clauses."""
    if fit is None or fit.n_words is None:
        return None
    uniq = distinct_units(fit)[1].tolist()
    return [fit.tokens[k] for k in uniq], [int(fit.labels[k]) for k in uniq]


def as_bertopic(state: ThemeState, tokens: list[str], labels: list[int]) -> Any:
    """A BERTopic model of ``tokens`` in the themes ``labels`` (themes merged away since count as outliers);
    None with fewer than two themes."""
    import numpy as np

    known = set(state.ids)
    labels = [lab if lab in known else UNASSIGNED for lab in labels]
    if len(set(labels) - {UNASSIGNED}) < 2:
        return None
    cents = state.centroids
    pos = {t: k for k, t in enumerate(state.ids)}
    emb = np.stack([cents[pos[lab]] if lab >= 0 else np.zeros(cents.shape[1], cents.dtype) for lab in labels])
    return cluster.manual_bertopic(emb, tokens, np.asarray(labels))


def bertopic_model(
    state: ThemeState, fit: FitData | None, saved: Path | None, saved_docs: tuple[list[str], list[int]] | None
) -> Any:
    """``ThemeModel.bertopic_``: the model saved in the folder ``saved`` (folders saved before 2026-12-04 hold
    the one UMAP + HDBSCAN ran in), else one built from the fit's clauses in memory or the folder's saved
    ``saved_docs``; None when there is neither."""
    if saved is not None:
        from .._lazy import import_bertopic

        return import_bertopic().BERTopic.load(str(saved))
    docs = fit_docs(fit) if fit is not None else saved_docs
    return None if docs is None else as_bertopic(state, *docs)
