"""Closing the loop: the comments to act on now, with the reason, the theme and who owns it.

A comment is flagged when its author is unhappy by the score's own scale (NPS detractor 0-6, CSAT 1-2,
stars in the bottom two of five: :func:`~vocnlp.drivers.scores.low_scores`) and the comment announces
churn (``churn_risk`` among its intents) or is strongly negative (sentiment score <= -0.6); newest first.
A high score with a "negative" comment is never flagged: the score and the text must agree.

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
    kind: str | None = None,
    text_col: str | None = None,
    owners: Mapping[str, str] | None = None,
    date_col: str | None = None,
    default_owner: str = "cx-team",
) -> pd.DataFrame:
    """Unhappy respondents who threaten to leave or are strongly negative: ``reason``, ``theme``, ``owner``;
    newest first. ``kind`` is the score's kind (None: inferred, see :func:`~vocnlp.drivers.scores.resolve_kind`);
    ``owners`` maps a theme (or a parent theme), in any case, to who owns it."""
    import pandas as pd

    df = to_pandas(out, what="alerts")
    require_columns(df.columns, {"score_col": score_col})
    require_columns(df.columns, {"columns": "sentiment_score"}, hint=" (run the Pipeline on the comments first)")
    require_columns(df.columns, {"columns": "intents"}, hint=" (run the Pipeline on the comments first)")
    from .scores import low_scores, resolve_kind

    kind = resolve_kind(df[score_col].tolist(), kind, column=score_col)
    unhappy = pd.Series(low_scores(df[score_col].tolist(), kind), index=df.index)
    churn = df["intents"].map(lambda v: isinstance(v, list) and "churn_risk" in v)
    negative = pd.to_numeric(df["sentiment_score"], errors="coerce") <= STRONGLY_NEGATIVE
    flagged = unhappy & (churn | negative)
    reasons = []
    for c, n in zip(churn[flagged], negative[flagged]):
        reasons.append(" + ".join(r for r, on in (("churn risk", c), ("strongly negative", n)) if on))
    res = df.loc[flagged].copy()
    res.insert(0, "reason", reasons)
    theme = res["theme"] if "theme" in res.columns else pd.Series(None, index=res.index, dtype=object)
    parent = res["theme_parent"] if "theme_parent" in res.columns else pd.Series(None, index=res.index, dtype=object)
    # the owner of the comment's theme, else of its parent theme, else the default; a theme named in any case
    # ("tv" for the label "TV": labels are written as the customers write them)
    by_name = {str(k).lower(): v for k, v in (owners or {}).items()}

    def owner_of(name: Any) -> str | None:
        return by_name.get(name.lower()) if isinstance(name, str) else None

    res["owner"] = [owner_of(t) or owner_of(p) or default_owner for t, p in zip(theme, parent)]
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
