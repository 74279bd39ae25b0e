"""Score kinds that cannot be confused (issue 18): inference, refusals that name the kind, units, the narrative."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest

from vocnlp.drivers import analyze_drivers
from vocnlp.drivers.scores import low_scores, resolve_kind, summarize
from vocnlp.errors import ConfigError


def _stars(n: int = 600, seed: int = 0) -> pd.DataFrame:
    """1-5 star reviews where 'Broken' comments score low and 'Fast' ones high."""
    rng = np.random.default_rng(seed)
    rows = []
    for i in range(n):
        themes = [t for t, p in (("Broken", 0.2), ("Fast", 0.3), ("Colour", 0.2)) if rng.random() < p]
        base = 4.2 - 2.5 * ("Broken" in themes) + 0.5 * ("Fast" in themes) + rng.normal(0, 0.6)
        rows.append({"review_score": int(np.clip(round(base), 1, 5)), "themes": themes,
                     "date": "2026-01-15" if i < n / 2 else "2026-04-15"})
    return pd.DataFrame(rows)


@pytest.mark.parametrize("values, kind", [([0, 3, 9, 10], "nps"), ([1, 6, 7, 2], "ces"), ([1.5, 2.25, 9.75], "mean"),
                                          ([-3, 12, 40], "mean")])
def test_kind_is_inferred_where_unambiguous(values: list[float], kind: str) -> None:
    assert resolve_kind(values) == kind


@pytest.mark.parametrize("values, names", [([1, 2, 5, 4], "kind='csat'.*kind='stars'"),
                                           ([1, 10, 8, 3], "kind='nps'.*kind='stars'")])
def test_ambiguous_values_name_the_kinds_to_pass(values: list[int], names: str) -> None:
    with pytest.raises(ConfigError, match=names):
        resolve_kind(values)


def test_star_ratings_are_never_read_as_nps() -> None:
    # the bug: 1-5 stars without kind gave "NPS -100.0 (95% CI -100 to -100)" and every impact +0.0, silently
    df = _stars()
    with pytest.raises(ConfigError, match="kind='stars'"):
        analyze_drivers(df, score_col="review_score", n_boot=50, n_perm=50)
    with pytest.raises(ConfigError, match="no score is above 5"):
        analyze_drivers(df, score_col="review_score", kind="nps", n_boot=50, n_perm=50)
    rep = analyze_drivers(df, score_col="review_score", kind="stars", n_boot=300, n_perm=300)
    t = rep.table.set_index("theme")
    assert rep.kind == "stars" and 3 < rep.score.value < 4.5
    assert t.loc["Broken", "impact"] < -0.3 and t.loc["Broken", "q_value"] < 0.01     # in stars, not NPS points
    csat = analyze_drivers(df, score_col="review_score", kind="csat", n_boot=300, n_perm=300)
    assert 0 < csat.score.value < 100 and csat.table.set_index("theme").loc["Broken", "impact"] < -3


def test_low_scores_follow_the_kind() -> None:
    assert low_scores([6, 7, 0], "nps").tolist() == [True, False, True]
    assert low_scores([5, 2, 1, 4], "stars").tolist() == [False, True, True, False]
    assert low_scores([9, 4, 5], "stars").tolist() == [False, True, False]       # a 1-10 scale: bottom four
    assert low_scores([2, 3], "csat").tolist() == [True, False]


def test_stars_summary_keeps_its_scale() -> None:
    s = summarize([1, 2, 3, 4, 5], kind="stars")
    assert s.value == 3.0 and s.ci_low < 3 < s.ci_high and s.n == 5


def test_narrative_numbers_agree_with_the_table() -> None:
    from vocnlp.report.narrative import fmt_value, narrative

    df = _stars(1200, seed=1)
    rep = analyze_drivers(df, score_col="review_score", kind="stars", date_col="date", n_boot=300, n_perm=300)
    sentences = narrative(rep, date_col="date", n_alerts=7, freq="Q")
    text = " ".join(sentences)
    # "STARS is 7.62" read like a shout about stars; the report names the score as a reader would
    assert sentences[0].startswith(f"Mean rating is {fmt_value(rep.score.value, 'stars')} (95% CI")
    assert "2026Q1 to 2026Q2" in sentences[0]
    fix = next(s for s in sentences if s.startswith("Fix first"))
    table = rep.table.set_index("theme")
    for name, impact, lo, hi in re.findall(r"“([^”]+)” \(([-+][\d.]+), 95% CI ([-+][\d.]+) to ([-+][\d.]+)\)", fix):
        row = table.loc[name]
        assert (impact, lo, hi) == tuple(fmt_value(row[c], "stars", signed=True)
                                         for c in ("impact", "impact_ci_low", "impact_ci_high"))
        assert row["impact"] < 0 and row["q_value"] < 0.05
    assert "“Broken”" in fix and "7 comments need a reply" in text


def test_a_column_named_for_its_kind_is_read_as_it_when_the_values_fit() -> None:
    assert resolve_kind([3, 8, 10], column="nps_score") == "nps"
    assert resolve_kind([1, 4, 5], column="stars") == "stars"
    with pytest.raises(ConfigError, match="kind='csat'"):
        resolve_kind([1, 4, 5], column="NPS")              # named NPS, but 1-5 values cannot be NPS


def test_figures_are_plotly_figures_for_notebooks() -> None:
    from types import SimpleNamespace

    pytest.importorskip("plotly")
    import plotly.graph_objects as go

    from vocnlp.report import figures

    df = _stars(400)
    df["language"] = ["pt"] * 395 + ["eo"] * 2 + ["eu"] * 3            # stray guesses: grouped as "other (5)"
    df["sentiment"] = np.where(df["review_score"] <= 2, "negative", "positive")
    rep = analyze_drivers(df, score_col="review_score", kind="stars", n_boot=100, n_perm=100)
    table = pd.DataFrame({"label": ["a", "b", "c"], "size": [10, 5, 2], "share": [0.5, 0.25, 0.1],
                          "mean_sentiment": [-0.5, 0.2, 0.9], "negative": [0.6, 0.2, 0.0],
                          "neutral": [0.2, 0.3, 0.1], "positive": [0.2, 0.5, 0.9]})
    tm = SimpleNamespace(themes_=table, centroids_=np.random.default_rng(0).normal(size=(3, 8)))
    figs = [figures.score_overview(rep.score, df["review_score"]), figures.driver_chart(rep.table, unit="stars"),
            figures.theme_map(tm), figures.sentiment_per_theme(table), figures.sentiment_by_language(df)]
    assert all(isinstance(f, go.Figure) for f in figs)
    assert "stars" in figs[1].layout.title.text and "NPS" not in figs[1].layout.title.text
    assert len(figs[0].data) == 1 and len(figs[0].data[0].x) == 5                      # one bar per star
    assert "other (5)" in list(figs[4].data[0].x) and not any(x.startswith("eo") for x in figs[4].data[0].x)
