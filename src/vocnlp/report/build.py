"""Assembling the report: figures, the theme table with examples and sentiment mix, alerts, and the caveats.

Example:
    >>> build(out, tm, rep, "report.html")                    # doctest: +SKIP
"""

from __future__ import annotations

import datetime as _dt
import html
import math
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .._version import __version__
from . import figures

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["build"]

CSS = """body{font-family:system-ui,-apple-system,Segoe UI,sans-serif;margin:0;color:#222;background:#fafafa}
main{max-width:1100px;margin:auto;padding:24px}h1{margin-top:0}section{background:#fff;border:1px solid #e3e3e3;
border-radius:8px;padding:16px 20px;margin:16px 0}table{border-collapse:collapse;width:100%;font-size:14px}
td,th{border-bottom:1px solid #eee;padding:6px 8px;text-align:left;vertical-align:top}th{background:#f4f4f4}
.neg{color:#c0392b}.pos{color:#27ae60}.muted{color:#777;font-size:13px}"""

CAVEATS = """<ul class="muted">
<li><b>Impact</b> = score of all respondents minus the score without the comments that carry the theme (= share x gap),
in score points: how much the overall score moves with those comments. 95% CIs resample respondents (bootstrap);
p-values permute scores (null: theme unrelated to the score); q-values control the false discovery rate
(Benjamini-Hochberg). A comment with several themes counts in each.</li>
<li>The <b>adjusted view</b> (all themes in one regression, Shapley share of R&sup2;) answers which themes matter
holding the others fixed; the impact table answers how much each theme's comments move the score as they are.</li>
<li>These are associations among people who chose to comment, not causes: themes co-occur, commenters self-select,
and a theme can be a symptom of another.</li></ul>"""


def _fig_html(fig: Any, first: bool) -> str:
    return fig.to_html(
        full_html=False,
        include_plotlyjs="inline" if first else False,
        config={"displaylogo": False, "responsive": True},
    )


def _table(df: pd.DataFrame, cols: list[str], fmt: dict[str, str] | None = None) -> str:
    fmt = fmt or {}
    head = "".join(f"<th>{html.escape(c)}</th>" for c in cols)
    rows = []
    for _, r in df.iterrows():
        cells = []
        for c in cols:
            v = r[c]
            if isinstance(v, list):
                text = "<br>".join(html.escape(str(x)) for x in v)
            elif isinstance(v, float):
                text = "" if math.isnan(v) else format(v, fmt.get(c, ".2f"))
            else:
                text = html.escape(str(v)) if v is not None else ""
            cls = ' class="neg"' if c == "impact" and isinstance(v, float) and v < 0 else ""
            cells.append(f"<td{cls}>{text}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return f"<table><tr>{head}</tr>{''.join(rows)}</table>"


def build(
    out: pd.DataFrame,
    themes: Any,
    drivers: Any,
    path: str | Path | None = None,
    *,
    date_col: str | None = None,
    text_col: str | None = None,
    title: str = "Voice of the Customer report",
    owners: dict[str, str] | None = None,
) -> str:
    """Write (and return) the report: score, drivers, themes, sentiment by language, trends, alerts."""
    from ..drivers.alerts import alerts

    parts = [f"<section><h2>Score</h2>{_fig_html(figures.score_overview(drivers.score), True)}</section>"]
    parts.append(
        f"<section><h2>Drivers</h2>{_fig_html(figures.driver_chart(drivers.table), False)}"
        + _table(
            drivers.table.head(25),
            [
                "theme",
                "n",
                "share",
                "score_with",
                "score_without",
                "gap",
                "impact",
                "impact_ci_low",
                "impact_ci_high",
                "q_value",
            ],
            {
                "share": ".1%",
                "q_value": ".3f",
                "score_with": ".1f",
                "score_without": ".1f",
                "gap": ".1f",
                "impact": ".1f",
                "impact_ci_low": ".1f",
                "impact_ci_high": ".1f",
            },
        )
        + CAVEATS
        + "</section>"
    )
    if drivers.shapley is not None and len(drivers.shapley):
        parts.append(
            "<section><h2>Adjusted view</h2><p class='muted'>Share of the explained variance (R&sup2; = "
            f"{drivers.adjusted.attrs.get('r2', float('nan')):.3f}) per theme, "
            f"{html.escape(str(drivers.shapley.attrs.get('method', '')))} Shapley values.</p>"
            + _table(
                drivers.shapley.head(15),
                ["theme", "shapley_r2", "share_of_r2"],
                {"shapley_r2": ".4f", "share_of_r2": ".1%"},
            )
            + "</section>"
        )
    if themes is not None:
        tt = themes.themes_.sort_values("size", ascending=False).head(30)
        parts.append(
            "<section><h2>Themes</h2>"
            + _table(
                tt,
                ["theme_id", "label", "size", "share", "negative", "positive", "mean_sentiment", "examples"],
                {"share": ".1%", "negative": ".0%", "positive": ".0%", "mean_sentiment": ".2f"},
            )
            + "</section>"
        )
    if themes is not None and themes.themes_["first_seen"].notna().any():
        em = themes.themes_[themes.themes_["first_seen"].notna()]
        parts.append(
            "<section><h2>Emerging themes</h2><p class='muted'>Found by ThemeModel.update among comments far"
            " from every known theme.</p>"
            + _table(em, ["theme_id", "label", "size", "first_seen", "examples"])
            + "</section>"
        )
    if "sentiment" in out.columns and "language" in out.columns:
        parts.append(
            f"<section><h2>Sentiment by language</h2>{_fig_html(figures.sentiment_by_language(out), False)}</section>"
        )
    if themes is not None and date_col and date_col in out.columns and "themes" in out.columns:
        parts.append(
            f"<section><h2>Trends</h2>{_fig_html(figures.theme_trends(themes.over_time(out, date_col=date_col)), False)}"
            "</section>"
        )
    score_col = drivers._options.get("score_col")
    if score_col and {"sentiment_score", "intents"} <= set(out.columns):
        al = alerts(out, score_col=score_col, owners=owners, date_col=date_col, text_col=text_col).head(20)
        cols = [c for c in ("reason", "owner", date_col, score_col, "theme", text_col) if c and c in al.columns]
        parts.append(f"<section><h2>Act now ({len(al)} shown)</h2>" + _table(al, cols) + "</section>")
    stamp = _dt.datetime.now().strftime("%Y-%m-%d %H:%M")
    doc = (
        f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{html.escape(title)}</title>"
        f"<meta name='viewport' content='width=device-width,initial-scale=1'><style>{CSS}</style></head><body><main>"
        f"<h1>{html.escape(title)}</h1><p class='muted'>{len(out):,} comments; made by vocnlp {__version__} on {stamp}."
        "</p>" + "".join(parts) + "</main></body></html>"
    )
    if path is not None:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        Path(path).write_text(doc, encoding="utf-8")
    return doc
