"""analyze_drivers: which themes drive the score, by how much and how sure we are, overall, per period, per segment.

Example:
    >>> rep = vocnlp.analyze_drivers(out, score_col="nps")                      # doctest: +SKIP
    >>> rep.nps                  # NPS 12.3 (95% CI 8.1 to 16.4, n=2385)            # doctest: +SKIP
    >>> rep.table.head()         # theme, n, share, score_with, ..., impact, impact_ci_low, q_value  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..errors import ConfigError, InputError
from ..frames import require_columns, to_pandas
from .adjusted import logit_table, ols_table, shapley_r2
from .impact import TABLE_COLUMNS, bh_qvalues, theme_matrix, theme_table
from .scores import KINDS, NAMES, ScoreSummary, resolve_kind, score_values, summarize

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

__all__ = ["DriverReport", "analyze_drivers"]


@dataclass
class DriverReport:
    """The result of :func:`analyze_drivers`.

    Attributes:
        score: overall score with 95% CI (``nps`` is the same object, by the name DESIGN.md uses).
        table: one row per theme, sorted by |impact| (columns: ``TABLE_COLUMNS``).
        sentiment_table: impact of a theme's negative and of its positive mentions, separately.
        adjusted: OLS coefficients of all themes together (+ segment controls), HC3 CIs.
        detractor_odds: logistic model of being a detractor (NPS only): odds ratios.
        shapley: each theme's share of the adjusted model's R^2.
        invalid_rows: positions of rows whose score was missing or invalid (left out, not guessed).
    """

    kind: str
    score: ScoreSummary
    table: pd.DataFrame
    sentiment_table: pd.DataFrame | None
    adjusted: pd.DataFrame
    detractor_odds: pd.DataFrame | None
    shapley: pd.DataFrame
    invalid_rows: list[int]
    _data: Any = field(repr=False, default=None)
    _options: dict[str, Any] = field(repr=False, default_factory=dict)

    @property
    def nps(self) -> ScoreSummary:
        return self.score

    def by_period(self, freq: str = "Q", *, date_col: str | None = None) -> pd.DataFrame:
        """The theme table per period, with the change from the previous period tested.

        Adds ``period``, ``score`` (the period's score), ``impact_change`` and ``share_change`` (vs the
        previous period), their p-values (normal approximation from the bootstrap CI and a
        two-proportion z-test) and ``changed`` (BH q < 0.05 over all themes and periods).
        """

        date_col = date_col or self._options.get("date_col")
        if not date_col:
            raise InputError(
                "by_period needs a date column: analyze_drivers(..., date_col='date') or by_period(date_col=...)"
            )
        df = self._data
        require_columns(df.columns, {"date_col": date_col})
        from .._dates import parse_dates

        period = parse_dates(df[date_col]).dt.to_period(freq)
        return self._grouped(period.rename("period"), ordered=True)

    def by_segment(self, segment_col: str) -> pd.DataFrame:
        """The theme table per value of ``segment_col`` (no change test: segments have no order)."""
        df = self._data
        require_columns(df.columns, {"segment_col": segment_col})
        return self._grouped(df[segment_col].rename(segment_col), ordered=False)

    def _grouped(self, key: pd.Series, *, ordered: bool) -> pd.DataFrame:
        import numpy as np
        import pandas as pd
        from scipy.stats import norm

        o = self._options
        parts = []
        for value, idx in key.groupby(key, observed=True).groups.items():
            sub = self._data.loc[idx]
            values, valid = score_values(sub[o["score_col"]].tolist(), self.kind)
            x, names = theme_matrix(sub[o["theme_col"]].tolist())
            if valid.sum() < 2 or not names:
                continue
            t = theme_table(values[valid], x[valid], names, n_boot=o["n_boot"], n_perm=o["n_perm"], seed=o["seed"])
            t.insert(0, key.name, value)
            t.insert(1, "score", float(values[valid].mean()))
            t["n_rows"] = int(valid.sum())
            parts.append(t)
        if not parts:
            return pd.DataFrame(columns=[key.name, "score", *TABLE_COLUMNS])
        out = pd.concat(parts, ignore_index=True)
        if not ordered:
            return out.sort_values([key.name, "impact"]).reset_index(drop=True)
        out = out.sort_values(["theme", key.name]).reset_index(drop=True)  # so shift(1) is the previous period
        prev = out.groupby("theme")[["impact", "impact_ci_low", "impact_ci_high", "share", "n_rows"]].shift(1)
        se_now = (out["impact_ci_high"] - out["impact_ci_low"]) / 3.92
        se_prev = (prev["impact_ci_high"] - prev["impact_ci_low"]) / 3.92
        out["impact_change"] = out["impact"] - prev["impact"]
        z = out["impact_change"] / np.sqrt(se_now**2 + se_prev**2)
        out["impact_change_p"] = 2 * norm.sf(np.abs(z))
        out["share_change"] = out["share"] - prev["share"]
        pooled = (out["share"] * out["n_rows"] + prev["share"] * prev["n_rows"]) / (out["n_rows"] + prev["n_rows"])
        zs = out["share_change"] / np.sqrt(pooled * (1 - pooled) * (1 / out["n_rows"] + 1 / prev["n_rows"]))
        out["share_change_p"] = 2 * norm.sf(np.abs(zs))
        q = bh_qvalues(np.r_[out["impact_change_p"].to_numpy(), out["share_change_p"].to_numpy()])
        out["changed"] = (q[: len(out)] < 0.05) | (q[len(out) :] < 0.05)
        return out.sort_values([key.name, "impact"]).reset_index(drop=True)

    def to_html(self, path: str | None = None) -> str:
        """A small self-contained HTML page: the score and the driver table (the full report is vocnlp.report)."""
        title = f"{NAMES.get(self.kind, self.kind)} drivers"
        fmt = self.table.copy()
        for c in fmt.columns:
            if fmt[c].dtype.kind == "f":
                fmt[c] = fmt[c].map(lambda v: f"{v:.3g}" if abs(v) < 1 else f"{v:.1f}")
        html = (
            f"<!doctype html><html><head><meta charset='utf-8'><title>{title}</title>"
            "<style>body{font-family:system-ui,sans-serif;margin:2em}table{border-collapse:collapse}"
            "td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}td:first-child{text-align:left}</style>"
            f"</head><body><h1>{title}</h1><p>{self.score}</p>"
            "<p>impact = score of all respondents minus the score without the theme's comments (= share x gap), "
            "in score points; 95% bootstrap CI; p from a permutation test; q = Benjamini-Hochberg.</p>"
            + fmt.to_html(index=False, escape=True)
            + "</body></html>"
        )
        if path:
            from pathlib import Path

            Path(path).write_text(html, encoding="utf-8")
        return html


def _sentiment_table(values: Any, x: Any, names: Sequence[str], sentiment: Any, **kw: Any) -> pd.DataFrame | None:
    import numpy as np
    import pandas as pd

    if sentiment is None:
        return None
    sent = np.asarray([s if isinstance(s, str) else "" for s in sentiment])
    cols, labels = [], []
    for j, n in enumerate(names):
        for pol in ("negative", "positive"):
            cols.append(x[:, j] & (sent == pol))
            labels.append((n, pol))
    if not cols:
        return None
    t = theme_table(values, np.stack(cols, axis=1), [f"{n} ({p})" for n, p in labels], **kw)
    t.insert(1, "mentions", t["theme"].str.extract(r"\((negative|positive)\)$")[0])
    t["theme"] = t["theme"].str.replace(r" \((negative|positive)\)$", "", regex=True)
    return t.sort_values(["theme", "mentions"]).reset_index(drop=True) if len(t) else pd.DataFrame()


def parent_map(themes: Sequence[Any], parents: Sequence[Any]) -> dict[str, str]:
    """Each theme's parent, from per-row lists of themes and of their parents: the parent present in every
    row that mentions the theme (ties: the most frequent)."""
    seen: dict[str, set[str]] = {}
    freq: dict[str, dict[str, int]] = {}
    for ts, ps in zip(themes, parents):
        if not isinstance(ts, (list, tuple)) or not isinstance(ps, (list, tuple)):
            continue
        pset = {str(p) for p in ps}
        for t in ts:
            seen[t] = seen[t] & pset if t in seen else set(pset)
            for p in pset:
                freq.setdefault(t, {}).setdefault(p, 0)
                freq[t][p] += 1
    return {t: max(ps, key=lambda p: (freq[t][p], p)) for t, ps in seen.items() if ps}


def _with_parents(
    table: pd.DataFrame, v: np.ndarray, themes: list[Any], parents: list[Any], min_n: int, **kw: Any
) -> pd.DataFrame:
    """Theme rows with their parent, plus a row per parent holding two or more themes, by |impact|."""
    import pandas as pd

    mapping = parent_map(themes, parents)
    kids: dict[str, set[str]] = {}
    for t, p in mapping.items():
        kids.setdefault(p, set()).add(t)
    multi = {p for p, ks in kids.items() if len(ks) >= 2}
    table = table.copy()  # the contract's columns first; level and parent follow
    table["level"] = "theme"
    # a theme names its parent only when the parent groups two or more themes (a lone child is its own group)
    table["parent"] = table["theme"].map(lambda t: mapping.get(t) if mapping.get(t) in multi else None)
    if not multi:
        return table
    x, names = theme_matrix(
        [[p for p in ps if p in multi] if isinstance(ps, (list, tuple)) else None for ps in parents], min_count=min_n
    )
    if not names:
        return table
    top = theme_table(v, x, names, **kw)
    top["level"] = "parent"
    top["parent"] = None
    out = pd.concat([table, top], ignore_index=True)
    return out.reindex(out["impact"].abs().sort_values(ascending=False, kind="stable").index).reset_index(drop=True)


def analyze_drivers(
    out: Any,
    *,
    score_col: str,
    theme_col: str = "themes",
    kind: str | None = None,
    segment_cols: Sequence[str] = (),
    date_col: str | None = None,
    sentiment_col: str | None = "sentiment",
    min_theme_n: int = 5,
    n_boot: int = 2000,
    n_perm: int = 2000,
    seed: int = 0,
    parent_col: str | None = "theme_parents",
) -> DriverReport:
    """Link themes to a score. ``out``: a tagged frame (``themes`` from a ThemeModel) with a score column.

    ``kind``: ``nps`` (0-10), ``csat`` (1-5, % of 4-5), ``ces`` (1-7), ``stars`` (1-5 or 1-10, mean) or ``mean``;
    None infers it from the values where that is unambiguous (``rep.kind`` says which) and raises
    :class:`ConfigError` naming the kind to pass where it is not. Impacts, gaps and CIs are in the kind's
    units (``scores.UNITS``).

    Rows with a missing or invalid score are left out and listed in ``invalid_rows``; themes with
    fewer than ``min_theme_n`` comments are left out of the tables. When ``parent_col`` (the parent
    themes of each row, from ``ThemeModel.transform``) is in the frame, the table also holds a row per
    parent theme with two or more themes under it (``level="parent"``), its impact computed from the
    respondents who mention any of its themes (never a sum of its themes' impacts); each theme row names
    its ``parent``.
    """
    import numpy as np
    import pandas as pd

    if kind is not None and kind not in KINDS:
        raise ConfigError(f"kind={kind!r}; choose one of {sorted(KINDS)}")
    df = to_pandas(out, what="analyze_drivers")
    require_columns(
        df.columns,
        {"score_col": score_col, "date_col": date_col, **{f"segment_cols[{i}]": c for i, c in enumerate(segment_cols)}},
    )
    require_columns(df.columns, {"theme_col": theme_col}, hint=" (run ThemeModel.transform(out) first)")
    kind = resolve_kind(df[score_col].tolist(), kind, column=score_col)
    values, valid = score_values(df[score_col].tolist(), kind)
    x, names = theme_matrix(df[theme_col].tolist(), min_count=min_theme_n)
    v, xv = values[valid], x[valid]
    n_valid = int(valid.sum())
    if n_valid == 0:
        raise InputError(
            f"no row of {score_col!r} holds a valid {kind} score ({len(df)} rows): check the column "
            "and kind= (nps: whole numbers 0-10)"
        )
    kw = {"n_boot": n_boot, "n_perm": n_perm, "seed": seed}
    table = theme_table(v, xv, names, **kw)
    if parent_col and parent_col in df.columns:
        table = _with_parents(
            table, v, df.loc[valid, theme_col].tolist(), df.loc[valid, parent_col].tolist(), min_theme_n, **kw
        )
    sentiment = df.loc[valid, sentiment_col].tolist() if sentiment_col and sentiment_col in df.columns else None
    controls = df.loc[valid, list(segment_cols)] if segment_cols else None
    # the regressions need more rows than terms (themes + controls + intercept); with fewer they are left empty
    n_terms = len(names) + 1 + (sum(max(df[c].nunique() - 1, 0) for c in segment_cols) if segment_cols else 0)
    fit = bool(names) and n_valid > n_terms + 1 and float(np.nanstd(v)) > 0
    adjusted = ols_table(v, xv, names, controls=controls) if fit else pd.DataFrame()
    odds = None
    if kind == "nps" and fit:
        raw = pd.to_numeric(df.loc[valid, score_col], errors="coerce").to_numpy()
        odds = logit_table(raw <= 6, xv, names, controls=controls)
    shap = shapley_r2(v, xv.astype(float), names, seed=seed) if fit else pd.DataFrame()
    return DriverReport(
        kind=kind,
        score=summarize(df[score_col].tolist(), kind),
        table=table,
        sentiment_table=_sentiment_table(v, xv, names, sentiment, **kw),
        adjusted=adjusted,
        detractor_odds=odds,
        shapley=shap,
        invalid_rows=np.nonzero(~valid)[0].tolist(),
        _data=df,
        _options={"score_col": score_col, "theme_col": theme_col, "date_col": date_col, **kw},
    )
