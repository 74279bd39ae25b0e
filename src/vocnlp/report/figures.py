"""One function per report figure; each returns a plotly Figure (show it in a notebook, or embed it).

Example:
    >>> fig = driver_chart(rep.table)          # doctest: +SKIP
    >>> fig.show()                             # doctest: +SKIP
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .._lazy import import_optional

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["score_overview", "driver_chart", "sentiment_by_language", "theme_trends"]

NEG, NEU, POS = "#c0392b", "#95a5a6", "#27ae60"


def _go() -> Any:
    return import_optional("plotly.graph_objects")


def score_overview(score: Any) -> Any:
    """NPS: promoters / passives / detractors as one stacked bar, the score and its 95% CI in the title."""
    go = _go()
    fig = go.Figure()
    if score.promoters is not None and score.n:
        for name, count, colour in (
            ("detractors (0-6)", score.detractors, NEG),
            ("passives (7-8)", score.passives, NEU),
            ("promoters (9-10)", score.promoters, POS),
        ):
            fig.add_bar(
                y=["respondents"],
                x=[100 * count / score.n],
                name=name,
                orientation="h",
                marker_color=colour,
                text=[f"{100 * count / score.n:.0f}%"],
                textposition="inside",
            )
        fig.update_layout(barmode="stack", xaxis_title="% of respondents")
    title = (
        f"{score.kind.upper()} {score.value:.1f} (95% CI {score.ci_low:.1f} to {score.ci_high:.1f}; n = {score.n:,})"
    )
    fig.update_layout(title=title, height=220, margin={"l": 40, "r": 20, "t": 60, "b": 40})
    return fig


def driver_chart(table: pd.DataFrame, *, top: int = 15, unit: str = "NPS points") -> Any:
    """Impact of each theme with its 95% CI, largest |impact| first; red pulls the score down."""
    go = _go()
    t = table.head(top).iloc[::-1]
    colours = [NEG if v < 0 else POS for v in t["impact"]]
    err_plus = (t["impact_ci_high"] - t["impact"]).clip(lower=0)
    err_minus = (t["impact"] - t["impact_ci_low"]).clip(lower=0)
    labels = [f"{th}{' *' if q < 0.05 else ''}" for th, q in zip(t["theme"], t["q_value"].fillna(1))]
    fig = go.Figure(
        go.Bar(
            x=t["impact"],
            y=labels,
            orientation="h",
            marker_color=colours,
            error_x={"type": "data", "symmetric": False, "array": err_plus, "arrayminus": err_minus},
            customdata=t[["n", "share", "gap", "q_value"]].to_numpy(),
            hovertemplate="%{y}<br>impact %{x:.1f}<br>n %{customdata[0]}<br>share %{customdata[1]:.1%}"
            "<br>gap %{customdata[2]:.1f}<br>q %{customdata[3]:.3f}<extra></extra>",
        )
    )
    fig.update_layout(
        title=f"What moves the score: impact in {unit} (95% CI; * q < 0.05)",
        xaxis_title=f"impact ({unit}) = score of all - score without the theme",
        height=max(300, 28 * len(t) + 120),
        margin={"l": 220, "r": 20, "t": 60, "b": 50},
    )
    return fig


def sentiment_by_language(out: pd.DataFrame) -> Any:
    """Share of negative / neutral / positive comments per language (languages with 5+ comments)."""
    go = _go()
    df = out[out["sentiment"].notna()]
    counts = df.groupby("language")["sentiment"].value_counts().unstack(fill_value=0)
    counts = counts[counts.sum(axis=1) >= 5]
    shares = counts.div(counts.sum(axis=1), axis=0).sort_values(
        "negative" if "negative" in counts else counts.columns[0]
    )
    fig = go.Figure()
    for name, colour in (("negative", NEG), ("neutral", NEU), ("positive", POS)):
        if name in shares:
            fig.add_bar(x=shares.index, y=100 * shares[name], name=name, marker_color=colour)
    fig.update_layout(barmode="stack", title="Sentiment by language (% of comments)", yaxis_title="%", height=360)
    return fig


def theme_trends(per_period: pd.DataFrame, *, top: int = 8) -> Any:
    """Share of comments per period for the largest themes (from ``ThemeModel.over_time``)."""
    go = _go()
    fig = go.Figure()
    if len(per_period):
        biggest = per_period.groupby("theme")["n"].sum().nlargest(top).index
        for theme in biggest:
            d = per_period[per_period["theme"] == theme].sort_values("period")
            fig.add_scatter(x=d["period"].astype(str), y=100 * d["share"], mode="lines+markers", name=theme)
    fig.update_layout(title="Themes over time (% of the period's comments)", yaxis_title="%", height=380)
    return fig
