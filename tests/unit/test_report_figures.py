"""Report figures built from small frames: what a reader sees on the axes."""

from __future__ import annotations

import pandas as pd

from vocnlp.report import theme_trends


def test_theme_trends_keeps_periods_in_time_order() -> None:
    # bug (seen on the NSMC reviews): the largest theme started in 2004Q2 and a smaller one in 2003Q4, so
    # the category axis put 2003Q4 after 2015Q3 and drew lines back across the chart
    rows = [("movie", p, 10, 0.2) for p in ["2004Q2", "2004Q3", "2015Q3"]] + [("acting", "2003Q4", 2, 0.5)]
    per_period = pd.DataFrame(rows, columns=["theme", "period", "n", "share"])
    per_period["period"] = pd.PeriodIndex(per_period["period"], freq="Q")
    fig = theme_trends(per_period)
    assert list(fig.layout.xaxis.categoryarray) == ["2003Q4", "2004Q2", "2004Q3", "2015Q3"]
    assert fig.layout.xaxis.categoryorder == "array"


def test_theme_trends_leaves_out_periods_with_few_comments() -> None:
    # seen on the NSMC report: 2004Q2 held 3 comments, so one theme jumped to 67% there and the real
    # movement of 2009-2015 (hundreds of comments a quarter) was flattened under the spikes
    rows = [("movie", "2004Q2", 2, 3), ("movie", "2014Q1", 40, 200), ("movie", "2014Q2", 50, 210),
            ("acting", "2004Q2", 1, 3), ("acting", "2014Q2", 21, 210)]
    per_period = pd.DataFrame(rows, columns=["theme", "period", "n", "comments"])
    per_period["share"] = per_period["n"] / per_period["comments"]
    per_period["period"] = pd.PeriodIndex(per_period["period"], freq="Q")
    fig = theme_trends(per_period)
    assert [list(t.x) for t in fig.data] == [["2014Q1", "2014Q2"], ["2014Q2"]]
    assert list(fig.layout.xaxis.categoryarray) == ["2014Q1", "2014Q2"]
    assert "1 period with under 30 comments left out" in fig.layout.title.text
    # when every period is small the lines stay (an empty chart says less), and the title warns
    fig = theme_trends(per_period, min_comments=1000)
    assert len(fig.data[0].x) == 3 and "every period has under 1000 comments" in fig.layout.title.text


def test_theme_map_draws_only_labels_that_do_not_overlap() -> None:
    # seen on the NSMC and NPS reports: 30 labels drawn over each other in the middle of the map
    import numpy as np

    from vocnlp.report.figures import MAP_FONT_PX, map_labels

    rng = np.random.default_rng(0)
    xy = rng.normal(size=(40, 2)) * 0.1
    xy[0] = [0.6, 0.6]  # one theme away from the crowd
    labels = [f"theme label {i}" for i in range(39)] + ["配送 / 服务员"]
    where = map_labels(xy, labels, np.full(40, 20.0))
    assert where[0] == "top center"  # the largest theme keeps its label, above its marker
    assert 3 <= sum(p is not None for p in where) < 40  # the crowd's other labels move to hover
    assert map_labels(np.array([[0.0, 0.0], [1.0, 0.0]]), ["a", "b"], [20, 20]) == ["top center"] * 2
    # a wide (CJK) label takes about twice the room of as many Latin letters
    pts = np.array([[0.0, 0.0], [0.04, 0.0], [1.0, 1.0]])
    assert map_labels(pts, ["服务员服务员", "x", "y"], [20, 20, 20])[1] == "bottom center"  # not above: taken
    assert map_labels(pts, ["ab", "x", "y"], [20, 20, 20])[1] == "top center" and MAP_FONT_PX > 0
    # a label that would cover another theme's marker goes below, right or left of its own
    assert map_labels(np.array([[0.0, 0.0], [0.0, 0.06], [1.0, 1.0]]), ["a", "b", "c"], [20, 20, 20])[0] == (
        "bottom center"
    )


def test_examples_of_a_two_part_label_mark_each_part() -> None:
    # found reading an NSMC report: the theme "이영화 / 이런영화" (this film / such a film) had its label unmarked
    # in every example (the text holds one part, never "A / B") while another theme's word, 영화, was marked
    from vocnlp.report.build import _highlight

    got = _highlight("이영화는 정말 좋다, 이런영화 또 없다", ["이영화 / 이런영화"])
    assert got == "<mark>이영화</mark>는 정말 좋다, <mark>이런영화</mark> 또 없다"
    assert _highlight("a <b> late", ["late"]) == "a &lt;b&gt; <mark>late</mark>"


def test_examples_mark_the_label_and_underline_the_other_phrases() -> None:
    # found reading the ASAP report: the header said "label phrase marked", but every phrase of the theme was
    # marked alike (服务员态度 as much as the label 服务), so a reader could not tell which words named it
    from vocnlp.report.build import _highlight, _theme_table

    got = _highlight("服务员态度很好，上菜快", ["服务"], ["服务员态度", "上菜"])
    assert got == "<mark>服务</mark>员态度很好，<u>上菜</u>快"
    table = pd.DataFrame({"label": ["服务"], "phrases": [["服务员态度", "上菜"]], "examples": [["服务员态度很好，上菜快"]],
                          "size": [3], "share": [0.5], "negative": [0.1], "neutral": [0.2], "positive": [0.7],
                          "label_coverage": [0.8], "parent_label": ["服务"]})
    html = _theme_table(table)
    assert "<mark>服务</mark>员态度很好，<u>上菜</u>快" in html and "label phrase marked" not in html


def test_overview_without_a_score_names_big_and_one_sided_themes() -> None:
    from vocnlp.report.narrative import theme_overview

    t = pd.DataFrame({"label": ["delivery", "staff", "price", "tiny"], "size": [50, 30, 25, 5],
                      "share": [0.5, 0.3, 0.25, 0.05], "negative": [0.6, 0.1, 0.3, 1.0],
                      "positive": [0.2, 0.8, 0.4, 0.0]})
    got = theme_overview(t, n_comments=100, n_themed=90)
    assert got[0] == "100 comments; 4 themes; 90% of the comments carry one or more."
    assert got[2].startswith("Most negative: “delivery” (60% of its 50 comments negative), “price”")
    assert "tiny" not in got[2]  # 5 comments: too few to be named as the most negative
    assert got[3].startswith("Most positive: “staff” (80% of its 30 comments positive)")
    assert "--score-col" in got[-1]
    assert theme_overview(t.head(0), n_comments=10, n_themed=0) == ["10 comments; 0 themes; 0% of the comments carry one or more."]
    calm = t.assign(negative=0.0)  # no negative comment anywhere: no "most negative" at 0%
    assert not any(s.startswith("Most negative") for s in theme_overview(calm, n_comments=100, n_themed=90))
