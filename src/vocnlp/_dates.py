"""Parsing the date columns of survey exports, which come as ISO, mm/dd/yyyy or dd/mm/yyyy.

Example:
    >>> import pandas as pd
    >>> parse_dates(pd.Series(["14/03/2025 10:00", "02/04/2025 09:30"])).dt.month.tolist()
    [3, 4]
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["parse_dates"]


def parse_dates(values: pd.Series) -> pd.Series:
    """Datetimes (NaT where unparseable). Day-first is used when it parses more values than the
    default month-first reading (so "14/03/2025" is March 14); on a tie the default wins."""
    import warnings

    import pandas as pd

    with warnings.catch_warnings():  # pandas warns when it cannot infer one format: both readings are tried
        warnings.simplefilter("ignore", UserWarning)
        default = pd.to_datetime(values, errors="coerce")
        if default.notna().all():
            return default
        dayfirst = pd.to_datetime(values, errors="coerce", dayfirst=True)
        if dayfirst.notna().sum() > default.notna().sum():
            return dayfirst
        mixed = pd.to_datetime(values, errors="coerce", format="mixed", dayfirst=True)
        return mixed if mixed.notna().sum() > default.notna().sum() else default
