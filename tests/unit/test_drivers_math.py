"""Driver maths on small fixtures computed by hand, and planted effects in synthetic data."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from vocnlp.drivers import analyze_drivers, bh_qvalues, score_values, summarize, theme_matrix, theme_table
from vocnlp.drivers.adjusted import r2, shapley_r2
from vocnlp.errors import ConfigError, InputError


def test_nps_by_hand() -> None:
    s = summarize([10, 9, 9, 8, 7, 6, 3, 0, 10, 10], kind="nps")
    # 5 promoters, 2 passives, 3 detractors of 10: NPS = 50 - 30 = 20
    assert (s.value, s.promoters, s.passives, s.detractors, s.n) == (20.0, 5, 2, 3, 10)
    se = 100 * math.sqrt((0.5 + 0.3 - 0.2**2) / 10)
    assert s.se == pytest.approx(se) and s.ci_low == pytest.approx(20 - 1.959964 * se, abs=1e-4)


def test_invalid_scores_are_flagged_not_guessed() -> None:
    values, valid = score_values([10, 11, -1, 7.5, "abc", None, float("nan"), "9", 0], kind="nps")
    assert list(valid) == [True, False, False, False, False, False, False, True, True]
    assert list(values[valid]) == [100.0, 100.0, -100.0]
    assert summarize([10, 11, None], kind="nps").invalid == 2


def test_other_score_kinds() -> None:
    assert summarize([5, 4, 3, 1], kind="csat").value == 50.0
    s = summarize([2.0, 4.0, 6.0], kind="mean")
    assert s.value == 4.0 and s.se == pytest.approx(2.0 / math.sqrt(3))
    assert summarize([1, 7, 8], kind="ces").invalid == 1
    with pytest.raises(ConfigError, match="not one of"):
        summarize([1], kind="nss")


def test_theme_matrix() -> None:
    x, names = theme_matrix([["a", "b"], [], None, "b", ["b", "unassigned"]])
    assert names == ["b", "a"] and x.tolist() == [[True, True], [False, False], [False, False], [True, False], [True, False]]
    with pytest.raises(InputError, match="list of theme labels"):
        theme_matrix([3])


def test_impact_by_hand_and_identity() -> None:
    v = np.array([100, 100, -100, -100, 0, 100.0])
    x = np.array([[0, 1], [0, 0], [1, 1], [1, 0], [0, 0], [0, 0]], dtype=bool)
    t = theme_table(v, x, ["Billing", "Staff"], n_boot=100, n_perm=100).set_index("theme")
    # Billing: with = -100, without = 75 (4 rows: 100, 100, 0, 100), all = 16.67
    assert t.loc["Billing", "score_with"] == -100 and t.loc["Billing", "score_without"] == 75
    assert t.loc["Billing", "impact"] == pytest.approx(100 / 6 - 75)
    rng = np.random.default_rng(0)
    v = rng.choice([-100.0, 0.0, 100.0], 500)
    x = rng.random((500, 4)) < 0.2
    t = theme_table(v, x, list("abcd"), n_boot=50, n_perm=50)
    np.testing.assert_allclose(t["impact"], t["share"] * t["gap"])


def _planted(n: int = 2000, seed: int = 1) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    a = rng.random(n) < 0.2          # planted driver: 40 NPS points lower
    b = rng.random(n) < 0.2          # no effect
    p_pro = np.where(a, 0.25, 0.45)
    p_det = np.where(a, 0.45, 0.25)
    u = rng.random(n)
    score = np.where(u < p_pro, 10, np.where(u < p_pro + p_det, 3, 8))
    themes = [[t for t, on in (("Delays", ai), ("Colour", bi)) if on] for ai, bi in zip(a, b)]
    return pd.DataFrame({"nps": score, "themes": themes, "sentiment": np.where(a, "negative", "positive"),
                         "date": np.where(np.arange(n) < n // 2, "2026-01-15", "2026-04-15"),
                         "channel": rng.choice(["web", "app"], n)})


def test_planted_driver_found_and_null_theme_not() -> None:
    rep = analyze_drivers(_planted(), score_col="nps", n_boot=1000, n_perm=1000, segment_cols=["channel"])
    t = rep.table.set_index("theme")
    assert t.loc["Delays", "impact_ci_high"] < 0 and t.loc["Delays", "q_value"] < 0.01
    assert t.loc["Delays", "gap"] == pytest.approx(-40, abs=8)
    assert t.loc["Colour", "q_value"] > 0.05 and t.loc["Colour", "impact_ci_low"] < 0 < t.loc["Colour", "impact_ci_high"]
    assert list(rep.table.columns) == ["theme", "n", "share", "score_with", "score_without", "gap", "impact",
                                       "impact_ci_low", "impact_ci_high", "p_value", "q_value"]
    adj = rep.adjusted.set_index("term")
    assert adj.loc["Delays", "ci_high"] < 0 and adj.loc["Colour", "ci_low"] < 0 < adj.loc["Colour", "ci_high"]
    assert rep.detractor_odds.set_index("term").loc["Delays", "ci_low"] > 1
    assert rep.shapley.iloc[0]["theme"] == "Delays"
    assert rep.nps is rep.score and "<table" in rep.to_html()


def test_bootstrap_is_seeded() -> None:
    df = _planted(500)
    a = analyze_drivers(df, score_col="nps", n_boot=200, n_perm=200, seed=3).table
    b = analyze_drivers(df, score_col="nps", n_boot=200, n_perm=200, seed=3).table
    pd.testing.assert_frame_equal(a, b)


def test_by_period_marks_a_planted_change() -> None:
    df = _planted(3000, seed=2)
    late = (df["date"] == "2026-04-15") & df["themes"].map(lambda t: "Colour" in t)
    df.loc[late, "nps"] = 0                        # in Q2 the Colour comments turn into detractors
    rep = analyze_drivers(df, score_col="nps", date_col="date", n_boot=500, n_perm=500)
    per = rep.by_period("Q")
    q2 = per[per["period"] == pd.Period("2026Q2")].set_index("theme")
    assert bool(q2.loc["Colour", "changed"]) and q2.loc["Colour", "impact_change"] < 0
    assert not bool(q2.loc["Delays", "changed"])
    seg = rep.by_segment("channel")
    assert set(seg["channel"]) == {"web", "app"}


def test_theme_sentiment_split() -> None:
    rep = analyze_drivers(_planted(), score_col="nps", n_boot=200, n_perm=200)
    st = rep.sentiment_table
    assert set(st["mentions"]) <= {"negative", "positive"} and "Delays" in set(st["theme"])


def test_caller_mistakes() -> None:
    df = _planted(50)
    with pytest.raises(InputError, match="ThemeModel.transform"):
        analyze_drivers(df.drop(columns=["themes"]), score_col="nps")
    with pytest.raises(InputError, match="'score'"):
        analyze_drivers(df, score_col="score")
    with pytest.raises(InputError, match="date column"):
        analyze_drivers(df, score_col="nps", n_boot=10, n_perm=10).by_period()


def test_bh_qvalues() -> None:
    q = bh_qvalues(np.array([0.01, 0.04, 0.03, 0.2, np.nan]))
    np.testing.assert_allclose(q[:4], [0.04, 0.16 / 3, 0.16 / 3, 0.2])   # sorted p x 4 / rank, then running min
    assert np.isnan(q[4])


def test_shapley_exact_and_sampled() -> None:
    rng = np.random.default_rng(4)
    x = (rng.random((800, 6)) < 0.3).astype(float)
    y = 5 * x[:, 0] + 2 * x[:, 1] + x[:, 0] * x[:, 2] + rng.normal(size=800)
    exact = shapley_r2(y, x, list("abcdef")).set_index("theme")["shapley_r2"]
    assert exact.sum() == pytest.approx(r2(y, x))
    sampled = shapley_r2(y, x, list("abcdef"), exact_max=0, n_perm=400).set_index("theme")
    np.testing.assert_allclose(sampled.loc[exact.index, "shapley_r2"], exact, atol=0.01)
    assert (sampled["ci_low"] <= sampled["shapley_r2"]).all()
    big = shapley_r2(np.r_[y, y], np.hstack([x, x[:, ::-1]] * 5)[:800].repeat(2, axis=0)[:1600], [f"t{i}" for i in range(60)],
                     n_perm=50)
    assert len(big) == 60 and big.attrs["method"].startswith("sampled")


def test_sampled_shapley_from_one_factorisation_per_order_equals_the_subset_solves(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Sampled orders take R^2 of all leading subsets from one Cholesky factor (issue 21: 12,600 least-squares
    solves for 42 themes took 1.4 s of `vocnlp analyze`); same numbers as solving each subset, and a
    theme that repeats another (a singular Gram matrix) falls back to those solves."""
    from vocnlp.drivers import adjusted

    rng = np.random.default_rng(5)
    x = (rng.random((1500, 12)) < 0.15).astype(float)
    y = x @ rng.normal(size=12) + rng.normal(size=1500)
    names = [f"t{i}" for i in range(12)]
    twin = x.copy()
    twin[:, 3] = twin[:, 2]
    fast = [shapley_r2(y, m, names, exact_max=0, n_perm=60) for m in (x, twin)]
    monkeypatch.setattr(adjusted._R2, "nested", lambda self, order: None)
    slow = [shapley_r2(y, m, names, exact_max=0, n_perm=60) for m in (x, twin)]
    for a, b in zip(fast, slow):
        pd.testing.assert_frame_equal(a, b, rtol=0, atol=1e-12)
    assert fast[0]["shapley_r2"].sum() == pytest.approx(r2(y, x))


def test_day_first_dates_are_read_as_such() -> None:
    df = _planted(400)
    df["date"] = df["date"].map(lambda d: f"{d[8:10]}/{d[5:7]}/{d[:4]} 10:00")   # 15/01/2026 10:00, as exports write them
    rep = analyze_drivers(df, score_col="nps", date_col="date", n_boot=50, n_perm=50)
    assert set(rep.by_period("Q")["period"].astype(str)) == {"2026Q1", "2026Q2"}


def test_no_valid_score_is_a_caller_error_and_tiny_frames_skip_regressions() -> None:
    """Bugs found by the fuzz test: an empty or all-invalid score column crashed inside statsmodels."""
    import pandas as pd

    from vocnlp.drivers import analyze_drivers
    from vocnlp.errors import InputError

    with pytest.raises(InputError, match="no row of 'nps' holds a valid nps score"):
        analyze_drivers(pd.DataFrame({"nps": ["x", None], "themes": [[0], [1]]}), score_col="nps")
    with pytest.raises(InputError, match="valid"):
        analyze_drivers(pd.DataFrame({"nps": [], "themes": []}), score_col="nps")
    rep = analyze_drivers(pd.DataFrame({"nps": [9, 3], "themes": [[0], [1]]}), score_col="nps", min_theme_n=1,
                          n_boot=20, n_perm=20)
    assert rep.adjusted.empty and len(rep.table) == 2
