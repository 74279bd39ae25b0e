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

__all__ = [
    "score_overview",
    "driver_chart",
    "theme_map",
    "map_labels",
    "sentiment_per_theme",
    "theme_trends",
    "sentiment_by_language",
    "driver_rows",
]

NEG, NEU, POS = "#c0392b", "#95a5a6", "#27ae60"


def _go() -> Any:
    return import_optional("plotly.graph_objects")


def score_overview(score: Any, raw: Any = None) -> Any:
    """The score in its kind's own form, its 95% CI in the title: NPS as promoters / passives / detractors;
    CSAT, CES and stars as the share of each answer (``raw``: the score column); other scores as a histogram."""
    import numpy as np
    import pandas as pd

    go = _go()
    fig = go.Figure()
    kind = score.kind
    if kind == "nps" and score.promoters is not None and score.n:
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
        fig.update_layout(barmode="stack", xaxis_title="% of respondents", height=220)
    elif raw is not None:
        x = pd.to_numeric(pd.Series(list(raw), dtype=object), errors="coerce").dropna()
        whole = len(x) > 0 and bool(np.all(np.floor(x) == x)) and x.nunique() <= 11
        if whole:
            counts = x.value_counts().sort_index()
            from ..drivers.scores import low_scores

            # red: unhappy by the kind's own scale (the same rule as the act-now list); green: the top answers
            unhappy = set(x[low_scores(x.tolist(), kind)])
            high = {"csat": 4}.get(kind, counts.index.max() - (0 if counts.index.max() <= 5 else 1))
            colours = [NEG if v in unhappy else POS if v >= high else NEU for v in counts.index]
            share = 100 * counts / counts.sum()
            fig.add_bar(
                x=[f"{v:g}" for v in counts.index],
                y=share,
                marker_color=colours,
                text=[f"{v:.0f}%" for v in share],
                textposition="outside",
                name="answers",
            )
            fig.update_layout(xaxis_title=f"{kind} answer", yaxis_title="% of respondents", height=300)
        else:
            fig.add_histogram(x=x, nbinsx=30, marker_color=NEU, name="scores")
            fig.update_layout(xaxis_title="score", yaxis_title="respondents", height=300)
    from ..drivers.scores import NAMES

    digits = 1 if kind in ("nps", "csat") else 2
    unit = " % satisfied (4-5)" if kind == "csat" else ""
    title = (
        f"{NAMES.get(kind, kind)} {score.value:.{digits}f}{unit} (95% CI {score.ci_low:.{digits}f} to "
        f"{score.ci_high:.{digits}f}; n = {score.n:,})"
    )
    fig.update_layout(title=title, margin={"l": 40, "r": 20, "t": 60, "b": 40}, showlegend=kind == "nps")
    return fig


def driver_rows(table: pd.DataFrame, *, top: int = 15) -> pd.DataFrame:
    """The rows a driver chart shows, in reading order: the ``top`` entries by |impact| where a parent
    theme comes first and its themes follow it, indented (column ``display``)."""
    import pandas as pd

    if "level" not in table.columns:
        t = table.head(top).copy()
        t["display"] = t["theme"].astype(str)
        return t
    parents = table[table["level"] == "parent"]
    themes = table[table["level"] != "parent"]
    rows, used = [], 0
    order = table[(table["level"] == "parent") | ~table["parent"].isin(set(parents["theme"]))]
    for _, r in order.iterrows():
        if used >= top:
            break
        if r["level"] == "parent":
            rows.append({**r.to_dict(), "display": f"<b>{r['theme']}</b>"})
            kids = themes[themes["parent"] == r["theme"]]
            rows += [{**k.to_dict(), "display": f"  · {k['theme']}"} for _, k in kids.head(4).iterrows()]
            used += 1 + min(len(kids), 4)
        else:
            rows.append({**r.to_dict(), "display": str(r["theme"])})
            used += 1
    return pd.DataFrame(rows)


def driver_chart(table: pd.DataFrame, *, top: int = 15, unit: str = "NPS points") -> Any:
    """Impact of each theme with its 95% CI in the score's ``unit``; a parent theme (bold) is followed by its
    themes; red pulls the score down, * marks q < 0.05."""
    go = _go()
    t = driver_rows(table, top=top).iloc[::-1]
    colours = [NEG if v < 0 else POS for v in t["impact"]]
    err_plus = (t["impact_ci_high"] - t["impact"]).clip(lower=0)
    err_minus = (t["impact"] - t["impact_ci_low"]).clip(lower=0)
    labels = [f"{d}{' *' if q < 0.05 else ''}" for d, q in zip(t["display"], t["q_value"].fillna(1))]
    fig = go.Figure(
        go.Bar(
            x=t["impact"],
            y=labels,
            orientation="h",
            marker_color=colours,
            error_x={"type": "data", "symmetric": False, "array": err_plus, "arrayminus": err_minus},
            customdata=t[["n", "share", "gap", "q_value"]].to_numpy(),
            hovertemplate="%{y}<br>impact %{x:.2f}<br>n %{customdata[0]}<br>share %{customdata[1]:.1%}"
            "<br>gap %{customdata[2]:.2f}<br>q %{customdata[3]:.3f}<extra></extra>",
        )
    )
    fig.update_layout(
        title=f"What moves the score: impact in {unit} (95% CI; * q < 0.05)",
        xaxis_title=f"impact ({unit}) = score of all - score without the theme",
        height=max(300, 28 * len(t) + 120),
        margin={"l": 260, "r": 20, "t": 60, "b": 50},
    )
    return fig


def theme_map(themes: Any) -> Any:
    """The themes on a 2-D map: their centres projected on the two main axes (PCA), each sized by its
    comments and coloured by its mean sentiment; themes close on the map say similar things."""
    import numpy as np

    go = _go()
    table = themes.themes_
    c = np.asarray(themes.centroids_, dtype=np.float64)
    fig = go.Figure()
    if len(c) >= 2:
        centred = c - c.mean(axis=0)
        _, _, vt = np.linalg.svd(centred, full_matrices=False)
        xy = centred @ vt[:2].T
        size = np.asarray(table["size"], dtype=np.float64)
        marker_px = 12 + 40 * np.sqrt(size / max(size.max(), 1))
        labels = [str(x) for x in table["label"]]
        where = map_labels(xy, labels, marker_px)
        fig.add_scatter(
            x=xy[:, 0],
            y=xy[:, 1],
            mode="markers+text",
            text=[lab if p else "" for lab, p in zip(labels, where)],
            hovertext=labels,
            textposition=[p or "top center" for p in where],
            marker={
                "size": marker_px,
                "color": table["mean_sentiment"].fillna(0),
                "colorscale": [[0, NEG], [0.5, NEU], [1, POS]],
                "cmin": -1,
                "cmax": 1,
                "colorbar": {"title": "sentiment"},
                "line": {"width": 1, "color": "#fff"},
            },
            customdata=np.stack([table["size"], table["share"]], axis=1),
            hovertemplate="%{hovertext}<br>%{customdata[0]} comments (%{customdata[1]:.1%})<extra></extra>",
        )
    fig.update_layout(
        title="Theme map (closer = more alike; size = comments; colour = mean sentiment; "
        "labels that would overlap show on hover)",
        xaxis={"visible": False},
        yaxis={"visible": False},
        height=MAP_PX[1] + 80,
        showlegend=False,
    )
    return fig


#: the theme map's plotting area in pixels (width as the report shows it, height as drawn), and its font
MAP_PX = (900, 440)
MAP_FONT_PX = 12


def map_labels(xy: Any, labels: list[str], marker_px: Any) -> list[str | None]:
    """Where the theme map draws each label (a plotly ``textposition``), or None (shown on hover only): the
    themes in order (largest first), each label above, below, right or left of its marker, the first of
    these where it overlaps no label already drawn and no other theme's marker. Widths are estimated from
    the characters (wide East Asian characters count double).

    Example:
        >>> import numpy as np
        >>> map_labels(np.array([[0.0, 0.0], [0.001, 0.0], [1.0, 1.0]]), ["late parcel", "parcel late", "rude"], [20, 20, 20])
        ['top center', 'bottom center', 'top center']
    """
    import unicodedata

    import numpy as np

    xy = np.asarray(xy, dtype=np.float64)
    span = np.maximum(xy.max(axis=0) - xy.min(axis=0), 1e-12)
    w_px, h_px = MAP_PX
    # where the markers land: plotly pads the data range by the markers and leaves room for the title and the
    # colour bar (measured on report screenshots at 1200 px: the data spans ~80% / ~56% of these sizes)
    px = (xy - xy.min(axis=0)) / span * np.array([w_px * 0.78, h_px * 0.55])
    sizes = np.asarray(marker_px, dtype=np.float64)
    markers = [(x - m / 2, y - m / 2, x + m / 2, y + m / 2) for (x, y), m in zip(px, sizes)]

    def clear(box: tuple[float, float, float, float], others: list[tuple[float, float, float, float]]) -> bool:
        return all(box[2] < b[0] or box[0] > b[2] or box[3] < b[1] or box[1] > b[3] for b in others)

    boxes: list[tuple[float, float, float, float]] = []
    out: list[str | None] = []
    h = MAP_FONT_PX * 1.2
    for k, ((x, y), label, m) in enumerate(zip(px, labels, sizes)):
        w = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in label) * MAP_FONT_PX * 0.6
        r = m / 2 + 2
        places = {
            "top center": (x - w / 2, y + r, x + w / 2, y + r + h),
            "bottom center": (x - w / 2, y - r - h, x + w / 2, y - r),
            "middle right": (x + r, y - h / 2, x + r + w, y + h / 2),
            "middle left": (x - r - w, y - h / 2, x - r, y + h / 2),
        }
        others = markers[:k] + markers[k + 1 :]
        where = next((p for p, box in places.items() if clear(box, boxes) and clear(box, others)), None)
        out.append(where)
        if where is not None:
            boxes.append(places[where])
    return out


def sentiment_per_theme(table: pd.DataFrame, *, top: int = 15) -> Any:
    """Negative / neutral / positive share of each of the ``top`` largest themes (``ThemeModel.themes_``)."""
    go = _go()
    t = table.sort_values("size", ascending=False).head(top).iloc[::-1]
    fig = go.Figure()
    for name, colour in (("negative", NEG), ("neutral", NEU), ("positive", POS)):
        fig.add_bar(
            y=[f"{lab} ({n:,})" for lab, n in zip(t["label"], t["size"])],
            x=100 * t[name].fillna(0),
            name=name,
            orientation="h",
            marker_color=colour,
        )
    fig.update_layout(
        barmode="stack",
        title="Sentiment per theme (% of the theme's comments)",
        xaxis_title="%",
        height=max(300, 26 * len(t) + 120),
        margin={"l": 260, "r": 20, "t": 60, "b": 40},
    )
    return fig


def sentiment_by_language(out: pd.DataFrame, *, min_share: float = 0.01) -> Any:
    """Share of negative / neutral / positive comments per language, with each language's count; languages
    under ``min_share`` of the comments are grouped as "other (n)", so a stray guess is not read as a finding."""
    go = _go()
    df = out[out["sentiment"].notna() & out["language"].notna()]
    lang = df["language"].astype(str)
    share = lang.value_counts(normalize=True)
    small = set(share[share < min_share].index)
    lang = lang.where(~lang.isin(small), "other")
    counts = df.assign(lang=lang).groupby("lang")["sentiment"].value_counts().unstack(fill_value=0)
    total = counts.sum(axis=1)
    shares = counts.div(total, axis=0)
    order = [x for x in total.sort_values(ascending=False).index if x != "other"] + (
        ["other"] if "other" in total else []
    )
    shares, total = shares.loc[order], total.loc[order]
    names = [f"{x} ({n:,})" for x, n in zip(shares.index, total)]
    fig = go.Figure()
    for name, colour in (("negative", NEG), ("neutral", NEU), ("positive", POS)):
        if name in shares:
            fig.add_bar(x=names, y=100 * shares[name], name=name, marker_color=colour)
    fig.update_layout(
        barmode="stack",
        title=f"Sentiment by language (% of comments; languages under {min_share:.0%} grouped as other)",
        yaxis_title="%",
        height=360,
    )
    return fig


#: periods with fewer comments than this are left out of the trend lines (a share of 3 comments is noise)
TREND_MIN_COMMENTS = 30


def theme_trends(
    per_period: pd.DataFrame,
    *,
    top: int = 8,
    changes: pd.DataFrame | None = None,
    min_comments: int = TREND_MIN_COMMENTS,
) -> Any:
    """Share of comments per period for the largest themes (from ``ThemeModel.over_time``); with ``changes``
    (``DriverReport.by_period()``, same periods) a star marks each period where a theme's impact or share
    changed significantly from the period before. Periods with under ``min_comments`` comments are left out
    and a second title line says how many (unless every period is that small: then all are shown, and it says so).

    Example:
        >>> import pandas as pd
        >>> per = pd.DataFrame({"period": ["2024Q1", "2024Q2"], "theme": ["delivery", "delivery"],
        ...                     "n": [2, 40], "comments": [3, 100], "share": [0.67, 0.4]})
        >>> fig = theme_trends(per)
        >>> list(fig.data[0].x), "1 period with under 30 comments left out" in fig.layout.title.text
        (['2024Q2'], True)
    """
    go = _go()
    fig = go.Figure()
    note = ""
    if len(per_period) and "comments" in per_period.columns:
        sizes = per_period.groupby("period", observed=True)["comments"].first()
        small = sizes[sizes < min_comments]
        if len(small) == len(sizes):
            note = f"<br><sup>every period has under {min_comments} comments: shares are noisy</sup>"
        elif len(small):
            per_period = per_period[~per_period["period"].isin(small.index)]
            some = f"{len(small)} period{'s' if len(small) > 1 else ''}"
            note = f"<br><sup>{some} with under {min_comments} comments left out (their shares are noise)</sup>"
    if len(per_period):
        biggest = per_period.groupby("theme")["n"].sum().nlargest(top).index
        changed: set[tuple[str, str]] = set()
        if changes is not None and len(changes) and "changed" in changes.columns:
            hit = changes[changes["changed"].fillna(False).astype(bool)]
            changed = {(str(t), str(p)) for t, p in zip(hit["theme"], hit.iloc[:, 0])}
        for i, theme in enumerate(biggest):
            d = per_period[per_period["theme"] == theme].sort_values("period")
            x, y = d["period"].astype(str), 100 * d["share"]
            fig.add_scatter(x=x, y=y, mode="lines+markers", name=theme, legendgroup=str(i))
            marks = [(a, b) for a, b in zip(x, y) if (str(theme), a) in changed]
            if marks:
                fig.add_scatter(
                    x=[a for a, _ in marks],
                    y=[b for _, b in marks],
                    mode="markers",
                    marker={"symbol": "star", "size": 16, "color": "#f1c40f", "line": {"width": 1, "color": "#333"}},
                    name=f"{theme}: significant change",
                    legendgroup=str(i),
                    showlegend=False,
                    hovertemplate=f"{theme}<br>%{{x}}: impact or share changed significantly<extra></extra>",
                )
        # periods in time order: a category axis otherwise orders them as the traces first show them, and a
        # theme first seen in an early period then put that period after the last one (seen on NSMC)
        order = [str(p) for p in sorted(per_period["period"].unique())]
        fig.update_xaxes(type="category", categoryorder="array", categoryarray=order)
    fig.update_layout(
        title=f"Themes over time (% of the period's comments; ★ = significant change from the period before){note}",
        yaxis_title="%",
        height=380,
    )
    return fig
