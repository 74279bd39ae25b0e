"""How often each theme is mentioned per period or per segment (``ThemeModel.over_time`` / ``by_segment``):
a comment counts once for every theme it carries (its ``themes`` list), and the share is of the group's comments.

Example:
    >>> import pandas as pd
    >>> df = pd.DataFrame({"themes": [["billing"], ["billing", "delivery"], []], "channel": ["web", "app", "app"]})
    >>> share_by(df, df["channel"], "themes", {0: "billing", 1: "delivery"})[["channel", "theme", "n", "share"]]
      channel     theme  n  share
    0     app   billing  1    0.5
    1     app  delivery  1    0.5
    2     web   billing  1    1.0
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from ..errors import InputError

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["share_by"]


def share_by(df: pd.DataFrame, key: pd.Series, themes_col: str, labels: Mapping[int, str]) -> pd.DataFrame:
    """Per value of ``key`` (named) and theme: comments mentioning it (``n``), the group's comments and the share;
    ``labels``: theme id -> label, for the ``theme_id`` column."""
    import pandas as pd

    if themes_col not in df.columns:
        raise InputError(f"no {themes_col!r} column: run transform(out) first")
    base = pd.DataFrame({key.name: key.array, "theme": df[themes_col].to_numpy()})
    total = base.groupby(key.name, observed=True).size().rename("comments")
    long = base.explode("theme").dropna(subset=["theme"])
    n = long.groupby([key.name, "theme"], observed=True).size().rename("n").reset_index()
    n = n.merge(total.reset_index(), on=key.name)
    n["share"] = (n["n"] / n["comments"]).round(4)
    ids = {v: k for k, v in labels.items()}
    n.insert(1, "theme_id", n["theme"].map(ids))
    return n.sort_values([key.name, "n"], ascending=[True, False]).reset_index(drop=True)
