"""Closing the loop: the comments to act on now, with the reason, the theme and who owns it.

A comment is flagged when its author is a detractor (NPS 0-6) and the comment announces churn
(``churn_risk`` among its intents) or is strongly negative (sentiment score <= -0.6); newest first.

Example:
    >>> vocnlp.alerts(out, score_col="nps", owners={"Billing": "billing-team"}, date_col="date")  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ..errors import InputError

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["alerts", "STRONGLY_NEGATIVE"]

STRONGLY_NEGATIVE = -0.6


def alerts(out: Any, *, score_col: str = "nps", text_col: str | None = None, owners: Mapping[str, str] | None = None,
           date_col: str | None = None, default_owner: str = "cx-team") -> pd.DataFrame:
    """Detractors who threaten to leave or are strongly negative: ``reason``, ``theme``, ``owner``; newest first."""
    import pandas as pd

    df = out.to_pandas() if type(out).__module__.split(".")[0] == "polars" else out
    need = [score_col, "sentiment_score", "intents"]
    missing = [c for c in need if c not in df.columns]
    if missing:
        raise InputError(f"alerts needs the columns {missing} (run the Pipeline on the comments first); "
                         f"available: {list(df.columns)}")
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
        if date_col not in res.columns:
            raise InputError(f"date_col={date_col!r} not in the frame; available: {list(df.columns)}")
        from .._dates import parse_dates

        res = res.assign(_d=parse_dates(res[date_col])).sort_values("_d", ascending=False).drop(columns="_d")
    keep = [c for c in ("reason", "owner", date_col, score_col, "theme", "themes", text_col, "sentiment_score", "intents")
            if c and c in res.columns]
    rest = [c for c in res.columns if c not in keep and c not in ("embedding", "clause_embeddings", "clauses")]
    return res[keep + rest]
