"""The report's opening: a few plain sentences, generated from the numbers, that answer "what should we
fix first?": the score with its CI and its change since the previous period, the themes that pull it down
most (impact and CI), what lifts it, what changed significantly, and how many comments need a reply.

Every number in a sentence is taken from the driver table or the score summary, formatted the same way
as in the tables (a test reads the numbers back and compares them).

Example:
    >>> for sentence in narrative(rep, n_alerts=12):       # doctest: +SKIP
    ...     print(sentence)
    NPS is 12.3 (95% CI 8.1 to 16.4) from 2,385 respondents.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from ..drivers.scores import NAMES, UNITS

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["narrative", "fmt_value", "actionable_rows", "theme_overview"]


def fmt_value(v: float, kind: str, *, signed: bool = False) -> str:
    """A score-unit number as the report writes it: one decimal for NPS and CSAT, two for the others."""
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return "n/a"
    digits = 1 if kind in ("nps", "csat") else 2
    return f"{v:+.{digits}f}" if signed else f"{v:.{digits}f}"


def actionable_rows(table: pd.DataFrame) -> pd.DataFrame:
    """The rows a manager acts on: parent themes, and themes without a parent in the table."""
    if "level" not in table.columns:
        return table
    parents = set(table.loc[table["level"] == "parent", "theme"])
    return table[(table["level"] == "parent") | ~table["parent"].isin(parents)]


def _period_change(rep: Any, date_col: str | None, freq: str) -> tuple[str, float, float, bool] | None:
    """(label, previous score, change, significant at 95%) between the last two periods, or None."""
    if not date_col or rep._data is None or date_col not in rep._data.columns:
        return None
    from .._dates import parse_dates
    from ..drivers.scores import summarize

    df = rep._data
    period = parse_dates(df[date_col]).dt.to_period(freq)
    periods = sorted(period.dropna().unique())
    if len(periods) < 2:
        return None
    score_col = rep._options["score_col"]
    last = summarize(df.loc[period == periods[-1], score_col].tolist(), rep.kind)
    prev = summarize(df.loc[period == periods[-2], score_col].tolist(), rep.kind)
    if last.n < 2 or prev.n < 2:
        return None
    change = last.value - prev.value
    se = math.hypot(last.se, prev.se)
    significant = bool(se > 0 and abs(change) / se > 1.959963984540054)
    return f"{periods[-2]} to {periods[-1]}", prev.value, change, significant


def _theme(r: Any, kind: str) -> str:
    return (
        f"“{r['theme']}” ({fmt_value(r['impact'], kind, signed=True)}, 95% CI "
        f"{fmt_value(r['impact_ci_low'], kind, signed=True)} to {fmt_value(r['impact_ci_high'], kind, signed=True)})"
    )


def narrative(
    rep: Any,
    *,
    date_col: str | None = None,
    n_alerts: int | None = None,
    changes: pd.DataFrame | None = None,
    freq: str = "Q",
    top: int = 3,
) -> list[str]:
    """Three to five sentences from ``rep`` (a :class:`~vocnlp.drivers.DriverReport`): score, what pulls it
    down, what lifts it, what changed (``changes``: ``rep.by_period()``), how many comments need a reply."""
    kind, s = rep.kind, rep.score
    unit = UNITS.get(kind, "score units")
    first = (
        f"{NAMES.get(kind, kind)} is {fmt_value(s.value, kind)} (95% CI {fmt_value(s.ci_low, kind)} to "
        f"{fmt_value(s.ci_high, kind)}) from {s.n:,} respondents"
    )
    change = _period_change(rep, date_col, freq)
    if change is not None:
        label, before, delta, significant = change
        first += (
            f"; {fmt_value(delta, kind, signed=True)} {unit} from {label} (was {fmt_value(before, kind)}; "
            f"{'a significant change' if significant else 'within the noise'})"
        )
    sentences = [first + "."]
    rows = actionable_rows(rep.table)
    sig = rows[rows["q_value"].fillna(1) < 0.05]
    down = sig[sig["impact"] < 0].sort_values("impact").head(top)
    up = sig[sig["impact"] > 0].sort_values("impact", ascending=False).head(2)
    if len(down):
        sentences.append(
            f"Fix first: {', '.join(_theme(r, kind) for _, r in down.iterrows())} pull{'s' if len(down) == 1 else ''} "
            f"it down most ({unit}; q < 0.05)."
        )
    else:
        worst = rows[rows["impact"] < 0].sort_values("impact").head(1)
        if len(worst):
            sentences.append(
                "No theme pulls the score down significantly (q < 0.05); the largest negative impact is "
                f"{_theme(worst.iloc[0], kind)} {unit}."
            )
        else:
            sentences.append("No theme pulls the score down.")
    if len(up):
        sentences.append(f"What lifts it: {', '.join(_theme(r, kind) for _, r in up.iterrows())} ({unit}).")
    if changes is not None and len(changes) and "changed" in changes.columns:
        last = changes[changes.iloc[:, 0] == changes.iloc[:, 0].max()]
        moved = last[last["changed"].fillna(False).astype(bool)]
        if len(moved):
            names = ", ".join(
                f"“{r['theme']}” (impact {fmt_value(r['impact_change'], kind, signed=True)})"
                for _, r in moved.head(top).iterrows()
            )
            sentences.append(f"Changed significantly in the last period: {names}.")
        else:
            sentences.append("No theme's impact or share changed significantly in the last period.")
    if n_alerts is not None:
        sentences.append(
            f"{n_alerts:,} comment{'s need' if n_alerts != 1 else ' needs'} a reply: unhappy respondents who threaten "
            "to leave or are strongly negative (see Act now)."
        )
    return sentences


#: a theme needs this many comments to be named as the most negative / positive (a share of 5 is noise)
OVERVIEW_MIN_COMMENTS = 20


def theme_overview(themes: pd.DataFrame, *, n_comments: int, n_themed: int, top: int = 3) -> list[str]:
    """The opening sentences of a report without a score (reviews, tickets): what the comments talk about
    most, which themes are the most negative and the most positive (by the share of their comments; themes
    of at least :data:`OVERVIEW_MIN_COMMENTS` comments), and how to see drivers. ``themes``:
    ``ThemeModel.themes_``.

    Example:
        >>> import pandas as pd
        >>> t = pd.DataFrame({"label": ["delivery", "staff", "price"], "size": [50, 30, 25],
        ...                   "share": [0.5, 0.3, 0.25], "negative": [0.6, 0.1, 0.3], "positive": [0.2, 0.8, 0.4]})
        >>> theme_overview(t, n_comments=100, n_themed=90)[1]
        'Talked about most: “delivery” (50% of the comments), “staff” (30%), “price” (25%).'
    """
    sentences = [
        f"{n_comments:,} comments; {len(themes)} themes; {n_themed / max(n_comments, 1):.0%} of the comments carry one or more."
    ]
    if len(themes) == 0:
        return sentences
    big = themes.sort_values(["size", "label"], ascending=[False, True]).head(top)
    most = [
        f"“{r['label']}” ({r['share']:.0%}{' of the comments' if k == 0 else ''})"
        for k, (_, r) in enumerate(big.iterrows())
    ]
    sentences.append(f"Talked about most: {', '.join(most)}.")
    sized = themes[themes["size"] >= OVERVIEW_MIN_COMMENTS]
    for col, word in (("negative", "Most negative"), ("positive", "Most positive")):
        if col not in sized.columns:
            continue
        best = sized[sized[col] > 0].sort_values([col, "size"], ascending=[False, False]).head(top)
        if best.empty:  # no theme with any such comment: nothing to name
            continue
        named = [
            f"“{r['label']}” ({r[col]:.0%} of its {int(r['size']):,} comments{' ' + col if k == 0 else ''})"
            for k, (_, r) in enumerate(best.iterrows())
        ]
        sentences.append(f"{word}: {', '.join(named)}.")
    sentences.append(
        "No score was given, so no drivers: pass the score column (--score-col) to see which themes move it."
    )
    return sentences
