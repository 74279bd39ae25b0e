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
