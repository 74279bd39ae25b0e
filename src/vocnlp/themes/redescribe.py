"""Describing a fitted state's themes again, the **describe** step of a fit and of every later change: after
``fit``, ``merge``, ``split`` and ``update`` each theme is described from the fit's clauses (:func:`.describe.
describe_themes`: label, phrases, keywords, examples with person names redacted), keeps its anchors, the labels
a user set and the date it was first seen, and the parent level is grouped again.

Example:
    >>> tm = vocnlp.ThemeModel(seed=0).fit(out, text_col="text")       # doctest: +SKIP
    >>> tm.merge([3, 7])                 # describes the merged theme again, regroups parents  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from .describe import describe_themes, first_seen, parent_groups, parent_labels

if TYPE_CHECKING:
    import numpy as np

    from .prepare import FitData
    from .state import ThemeState

__all__ = ["fixed_labels", "redescribe", "regroup_parents"]


def fixed_labels(state: ThemeState, seed_names: Mapping[int, str] | None = None) -> dict[int, str]:
    """Labels a user set (rename, merge(label=...), seed themes): kept when themes are described again.
    ``seed_names``: the seed themes' names by id, during fit (before the records carry them)."""
    out = {i: t.label for i, t in state.themes.items() if t.user_label and i in state.ids}
    out.update(seed_names or {})
    return out


def redescribe(
    state: ThemeState,
    fit: FitData | None,
    labels: np.ndarray | None,
    *,
    top_n: int,
    redact: bool,
    embed: Callable[[list[str]], np.ndarray],
    parent_similarity: float,
    seed_names: Mapping[int, str] | None = None,
) -> None:
    """Describe every theme of ``state`` again from the fit's clauses and their themes (``labels``), then
    regroup the parents; without ``labels`` or the fit's clauses (a loaded model), only regroup parents."""
    if labels is not None and fit is not None:
        fit.labels = labels
        # a theme that emerged from new data (update) has no fitted clause: it keeps its description
        present = set(labels[labels >= 0].tolist())
        emerged = {i for e in state.edits if e.get("op") == "update" for i in e.get("new_ids", [])}
        kept = {i: state.themes[i] for i in state.ids if i in emerged and i not in present and i in state.themes}
        ids = [i for i in state.ids if i not in kept]
        records = describe_themes(
            fit.units,
            fit.z,
            labels,
            fit.tokens,
            state.centroids[[state.row_of(i) for i in ids]],
            ids,
            top_n=top_n,
            fixed_labels=fixed_labels(state, seed_names),
            taken={t.label for t in kept.values()},
            embed=embed,
            clause_phrases=fit.phrases(),
        )
        if redact:
            from ..pii import redact as redact_texts

            # the few examples shown per theme also lose person names (NER on English, cue words
            # elsewhere): one batch, in the clauses' own languages (no language detection per theme)
            language = dict(zip(fit.units.texts, fit.units.language))
            shown = [(t, x) for t in records.values() for x in t.examples]
            clean = redact_texts([x for _, x in shown], languages=[language.get(x) for _, x in shown])
            for t in records.values():
                t.examples = []
            for (t, _), x in zip(shown, clean):
                t.examples.append(x)
        for i, t in records.items():
            old = state.themes.get(i)
            t.first_seen = old.first_seen if old is not None and old.first_seen else first_seen(fit.dates, labels, i)
            if old is not None:
                t.anchors, t.anchors_negated_share = list(old.anchors), old.anchors_negated_share
        state.themes = {i: records[i] if i in records else kept[i] for i in state.ids}
    regroup_parents(state, parent_similarity)


def regroup_parents(state: ThemeState, parent_similarity: float) -> None:
    """Group the themes of ``state`` under parents (:func:`.describe.parent_groups`) and name the parents."""
    parents = parent_groups(
        state.centroids, state.ids, [state.themes[i].size for i in state.ids], min_similarity=parent_similarity
    )
    for i in state.ids:
        state.themes[i].parent_id = parents[i]
    state.parent_labels = parent_labels(state.themes, parents, taken={state.themes[i].label for i in state.ids})
