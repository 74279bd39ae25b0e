"""Assembling the report: figures, the theme table with examples and sentiment mix, alerts, and the caveats.

Example:
    >>> build(out, tm, rep, "report.html")                    # doctest: +SKIP
"""

from __future__ import annotations

import datetime as _dt
import html
import math
from collections.abc import Sequence
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
.neg{color:#c0392b}.pos{color:#27ae60}.muted{color:#777;font-size:13px}.warn{color:#b9770e;font-size:13px}.lead{font-size:17px;margin:6px 0}
mark{background:#fff3b0;padding:0 1px}"""

CAVEATS = """<ul class="muted">
<li><b>Impact</b> = score of all respondents minus the score without the comments that carry the theme (= share x gap),
in score points: how much the overall score moves with those comments. 95% CIs resample respondents (bootstrap);
p-values permute scores (null: theme unrelated to the score); q-values control the false discovery rate
(Benjamini-Hochberg). A comment with several themes counts in each.</li>
<li>The <b>adjusted view</b> (all themes in one regression, Shapley share of R&sup2;) answers which themes matter
holding the others fixed; the impact table answers how much each theme's comments move the score as they are.</li>
<li>These are associations among people who chose to comment, not causes: themes co-occur, commenters self-select,
and a theme can be a symptom of another.</li></ul>"""


def _fig_html(fig: Any) -> str:
    """A figure's div; plotly.js itself is inlined once, in the page's head (:func:`build`), so every figure
    draws whichever sections the report has (a report without a score has no score chart to carry it)."""
    return fig.to_html(full_html=False, include_plotlyjs=False, config={"displaylogo": False, "responsive": True})


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


def _highlight(text: str, phrases: list[str], others: Sequence[str] = ()) -> str:
    """``text`` escaped, with the theme's label phrases marked and its ``others`` (its other key phrases)
    underlined (case-insensitive; the spaces of a phrase may be missing in the text, as in "ACnya" for "ac nya");
    a two-part label "A / B" is marked by its parts, as the text holds one or the other, never the label itself.

    Example:
        >>> _highlight("Late again & rude", ["late / rude"])
        '<mark>Late</mark> again &amp; <mark>rude</mark>'
        >>> _highlight("Late again, no refund", ["late"], ["refund", "late again"])
        '<mark>Late</mark> again, no <u>refund</u>'
        >>> _highlight("ACnya kurang dingin", ["ac nya kurang dingin"])
        '<mark>ACnya kurang dingin</mark>'
        >>> _highlight("y3n p3 wo", ["pɛ"])   # Twi's ɛ as its writers type it (`vocnlp.words.typed_letters`)
        'y3n <mark>p3</mark> wo'
    """
    import re

    out = html.escape(str(text))

    def parts(ps: Sequence[str]) -> set[str]:
        return {html.escape(q.strip()) for p in ps if isinstance(p, str) for q in p.split(" / ") if len(q.strip()) >= 2}

    label = parts(phrases)
    label_low = {w.lower() for w in label}
    # the label first: a longer other phrase holding it ("late again") would hide which words name the theme
    other = {w for w in parts(others) if not any(x in w.lower() for x in label_low)}
    words = sorted(label, key=len, reverse=True) + sorted(other - label, key=len, reverse=True)
    if not words:
        return out

    def typed(word: str) -> str:  # a label's ɛ matches a 3 (Twi writers type it so: "p3" for "pɛ")
        return re.escape(word).replace("ɛ", "[ɛ3]")

    pattern = re.compile("|".join(r"\s*".join(map(typed, w.split())) for w in words), re.IGNORECASE)
    label_flat = {"".join(w.split()) for w in label_low}

    def tagged(m: re.Match[str]) -> str:
        flat = "".join(m.group(0).lower().split())
        tag = "mark" if flat in label_flat or flat.replace("3", "ɛ") in label_flat else "u"
        return f"<{tag}>{m.group(0)}</{tag}>"

    return pattern.sub(tagged, out)


def _coverage_note(coverage: Any) -> str:
    """How much of its theme a label speaks for: "label in 64% of its comments", and a warning for a mixed
    theme (its label in under ``MIXED_COVERAGE`` of them), whose examples say more than its label.

    The share counts a comment that says the label word for word (any order, any ending) or a close variant:
    as near it in meaning as the comments that say it, and nearer than 99% of the other comments
    (:data:`~vocnlp.themes.labels.VARIANT_OUTSIDE_QUANTILE`, :func:`vocnlp.themes.labels.covered`); the note's tooltip says so.

    Example:
        >>> _coverage_note(0.64).endswith(">label in 64% of its comments</span>"), _coverage_note(float("nan"))
        (True, '')
    """
    from ..themes.labels import MIXED_COVERAGE, VARIANT_OUTSIDE_QUANTILE

    if not isinstance(coverage, (int, float)) or math.isnan(coverage):
        return ""
    tip = "the comments that say the label (any word order or ending) or a close variant: as near it in meaning as "
    tip += "those that say it" + (
        f", and nearer than {VARIANT_OUTSIDE_QUANTILE:.0%} of the other comments" if VARIANT_OUTSIDE_QUANTILE else ""
    )
    if coverage < MIXED_COVERAGE:
        return (
            f"<br><span class='warn' title='{tip}'>mixed theme: label in {coverage:.0%} of its comments; "
            "read the examples</span>"
        )
    return f"<br><span class='muted' title='{tip}'>label in {coverage:.0%} of its comments</span>"


def _theme_table(table: pd.DataFrame, *, top: int = 30) -> str:
    """Label, comments, sentiment mix and three examples, the label marked and the theme's other phrases underlined."""
    rows = []
    for _, r in table.sort_values("size", ascending=False).head(top).iterrows():
        others = r["phrases"] if isinstance(r.get("phrases"), list) else []
        examples = r["examples"] if isinstance(r["examples"], list) else []
        mix = "".join(
            f"<span class='{c}'>{100 * (r[k] if isinstance(r[k], float) and not math.isnan(r[k]) else 0):.0f}% {k}</span> "
            for k, c in (("negative", "neg"), ("neutral", "muted"), ("positive", "pos"))
        )
        pl = r.get("parent_label")
        show = isinstance(pl, str) and pl and pl != r["label"]  # a lone theme is its own group: no "in ..."
        parent = f"<br><span class='muted'>in {html.escape(str(pl))}</span>" if show else ""
        rows.append(
            f"<tr><td><b>{html.escape(str(r['label']))}</b>{parent}{_coverage_note(r.get('label_coverage'))}</td>"
            f"<td>{int(r['size']):,}<br>"
            f"<span class='muted'>{r['share']:.1%}</span></td><td>{mix}</td><td>"
            + "<br>".join(f"“{_highlight(e, [r['label']], others)}”" for e in examples[:3])
            + "</td></tr>"
        )
    return (
        "<table><tr><th>theme</th><th>comments</th><th>sentiment</th><th>examples (label <mark>marked</mark>, other phrases of the theme <u>underlined</u>)</th></tr>"
        + "".join(rows)
        + "</table>"
    )


def _overview(out: pd.DataFrame, themes: Any) -> str:
    """The opening of a report without a score: what the comments talk about (:func:`.narrative.theme_overview`)."""
    from .narrative import theme_overview

    if themes is None:
        return "<section><h2>What customers talk about</h2><p class='lead'>No themes and no score.</p></section>"
    ids = out["theme_id"] if "theme_id" in out.columns else None
    themed = 0 if ids is None else int((ids.fillna(-1).astype(int) >= 0).sum())
    sentences = theme_overview(themes.themes_, n_comments=len(out), n_themed=themed)
    return (
        "<section><h2>What customers talk about</h2>"
        + "".join(f"<p class='lead'>{html.escape(x)}</p>" for x in sentences)
        + "</section>"
    )


def _driver_sections(out: pd.DataFrame, drivers: Any, sentences: list[str]) -> list[str]:
    """What to fix first, the score, the driver chart and table, and the adjusted view."""
    from ..drivers.scores import KINDS, UNITS

    kind = drivers.kind
    unit = UNITS.get(kind, "score units")
    score_col = drivers._options.get("score_col")
    parts = [
        "<section><h2>What to fix first</h2>"
        + "".join(f"<p class='lead'>{html.escape(x)}</p>" for x in sentences)
        + f"<p class='muted'>Score: {html.escape(KINDS[kind][1] if kind in KINDS else kind)}; impacts are in "
        f"{html.escape(unit)}.</p>" + "</section>"
    ]
    raw = out[score_col] if score_col in out.columns else None
    parts.append(f"<section><h2>Score</h2>{_fig_html(figures.score_overview(drivers.score, raw))}</section>")
    table_cols = ["theme", "n", "share", "score_with", "score_without", "gap", "impact", "impact_ci_low"]
    table_cols += ["impact_ci_high", "q_value"] + (["level", "parent"] if "level" in drivers.table.columns else [])
    digits = ".1f" if kind in ("nps", "csat") else ".2f"
    parts.append(
        f"<section><h2>Drivers</h2>{_fig_html(figures.driver_chart(drivers.table, unit=unit))}"
        + _table(
            drivers.table.head(25),
            table_cols,
            {"share": ".1%", "q_value": ".3f", **{c: digits for c in table_cols[3:8]}, "impact_ci_high": digits},
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
    return parts


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
    freq: str = "Q",
) -> str:
    """Write (and return) the report for the score's kind (``drivers.kind``): what to fix first (sentences
    from the numbers), score, drivers (parent themes with their themes), themes (map, sentiment, examples),
    sentiment by language, trends, the comments to act on now. ``drivers=None`` (comments without a score):
    what the comments talk about, then themes, sentiment and trends."""
    from .._dates import parse_dates
    from ..drivers.alerts import alerts
    from .narrative import narrative

    if drivers is None:  # comments without a score (reviews, tickets): what they talk about, no drivers
        kind, score_col, al, changes = None, None, None, None
        parts = [_overview(out, themes)]
    else:
        kind = drivers.kind
        score_col = drivers._options.get("score_col")
        al = None
        if score_col and {"sentiment_score", "intents"} <= set(out.columns):
            al = alerts(out, score_col=score_col, kind=kind, owners=owners, date_col=date_col, text_col=text_col)
        changes = None
        if date_col and date_col in out.columns:
            try:
                changes = drivers.by_period(freq, date_col=date_col)
            except Exception:  # noqa: BLE001 - the report goes on without the change sentence
                changes = None
        sentences = narrative(
            drivers, date_col=date_col, n_alerts=None if al is None else len(al), changes=changes, freq=freq
        )
        parts = _driver_sections(out, drivers, sentences)
    if themes is not None:
        tt = themes.themes_
        parts.append(
            "<section><h2>Themes</h2>"
            + _fig_html(figures.theme_map(themes))
            + _fig_html(figures.sentiment_per_theme(tt))
            + _theme_table(tt)
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
            f"<section><h2>Sentiment by language</h2>{_fig_html(figures.sentiment_by_language(out))}</section>"
        )
    if themes is not None and date_col and date_col in out.columns and "themes" in out.columns:
        parts.append(
            f"<section><h2>Trends</h2>{_fig_html(figures.theme_trends(themes.over_time(out, date_col=date_col, freq=freq), changes=changes))}"
            "</section>"
        )
    if al is not None:
        shown = al.head(20).copy()
        if date_col and date_col in shown.columns:
            shown[date_col] = parse_dates(shown[date_col]).dt.strftime("%Y-%m-%d")
        cols = [c for c in ("reason", "owner", date_col, score_col, "theme", text_col) if c and c in shown.columns]
        parts.append(
            f"<section><h2>Act now ({len(shown)} of {len(al)})</h2><p class='muted'>Unhappy by the score's own scale "
            "and threatening to leave or strongly negative; owners from the mapping you gave (default cx-team).</p>"
            + _table(shown, cols)
            + "</section>"
        )
    from plotly.offline import get_plotlyjs

    stamp = _dt.datetime.now().strftime("%Y-%m-%d %H:%M")
    doc = (
        f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{html.escape(title)}</title>"
        f"<meta name='viewport' content='width=device-width,initial-scale=1'><style>{CSS}</style>"
        f"<script type='text/javascript'>{get_plotlyjs()}</script></head><body><main>"
        f"<h1>{html.escape(title)}</h1><p class='muted'>{len(out):,} comments; made by vocnlp {__version__} on {stamp}."
        "</p>" + "".join(parts) + "</main></body></html>"
    )
    if path is not None:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        Path(path).write_text(doc, encoding="utf-8")
    return doc
