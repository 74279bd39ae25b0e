"""Closing the loop: the comments to act on now, with the reason, the theme and who owns it.

A comment is flagged when its author is a detractor (NPS 0-6) and the comment announces churn
(``churn_risk`` among its intents) or is strongly negative (sentiment score <= -0.6); newest first.

Example:
    >>> vocnlp.alerts(out, score_col="nps", owners={"Billing": "billing-team"}, date_col="date")  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ..frames import require_columns, to_pandas

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["alerts", "STRONGLY_NEGATIVE"]

STRONGLY_NEGATIVE = -0.6


def alerts(
    out: Any,
    *,
    score_col: str = "nps",
    text_col: str | None = None,
    owners: Mapping[str, str] | None = None,
    date_col: str | None = None,
    default_owner: str = "cx-team",
) -> pd.DataFrame:
    """Detractors who threaten to leave or are strongly negative: ``reason``, ``theme``, ``owner``; newest first."""
    import pandas as pd

    df = to_pandas(out, what="alerts")
    require_columns(df.columns, {"score_col": score_col})
    require_columns(df.columns, {"columns": "sentiment_score"}, hint=" (run the Pipeline on the comments first)")
    require_columns(df.columns, {"columns": "intents"}, hint=" (run the Pipeline on the comments first)")
    score = pd.to_numeric(df[score_col], errors="coerce")
    churn = df["intents"].map(lambda v: isinstance(v, list) and "churn_risk" in v)
    negative = pd.to_numeric(df["sentiment_score"], errors="coerce") <= STRONGLY_NEGATIVE
    flagged = (score <= 6) & (churn | negative)
    reasons = []
    for c, n in zip(churn[flagged], negative[flagged]):
        reasons.append(" + ".join(r for r, on in (("churn risk", c), ("strongly negative", n)) if on))
    res = df.loc[flagged].copy()
    res.insert(0, "reason", reasons)
    theme = res["theme"] if "theme" in res.columns else pd.Series(None, index=res.index, dtype=object)
    res["owner"] = [(owners or {}).get(t, default_owner) if isinstance(t, str) else default_owner for t in theme]
    if date_col:
        require_columns(df.columns, {"date_col": date_col})
        from .._dates import parse_dates

        res = res.assign(_d=parse_dates(res[date_col])).sort_values("_d", ascending=False).drop(columns="_d")
    keep = [
        c
        for c in ("reason", "owner", date_col, score_col, "theme", "themes", text_col, "sentiment_score", "intents")
        if c and c in res.columns
    ]
    rest = [c for c in res.columns if c not in keep and c not in ("embedding", "clause_embeddings", "clauses")]
    return res[keep + rest]
