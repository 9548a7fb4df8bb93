"""Strict ISO dates and the integer day numbers used for fast look-ups."""

from __future__ import annotations

import datetime as dt
import re

import numpy as np
import pandas as pd

from geo.errors import DateError, shown

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}\Z")
_EPOCH = dt.date(1970, 1, 1)
# The dates a theatre may span: what the dashboard's date slider can represent
# (Streamlit counts microseconds from 1970 in a double: 1684-07-29 to 2255-06-04), in whole years.
EARLIEST_DATE = dt.date(1685, 1, 1)
LATEST_DATE = dt.date(2254, 12, 31)


def parse_date(value: str | dt.date, *, field: str = "date") -> dt.date:
    """Parse ``YYYY-MM-DD`` strictly.

    Raises
    ------
    DateError
        Naming ``field``, the value given and the expected form.
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    if not _ISO_DATE.match(text):
        raise DateError(f"{field} was {shown(value)} but is expected to be a date as YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise DateError(f"{field} was {shown(value)}, which is not a real date ({exc})") from None


def day_number(day: dt.date) -> int:
    """Days since 1970-01-01."""
    return (day - _EPOCH).days


def from_day_number(number: int) -> dt.date:
    """The date ``number`` days after 1970-01-01."""
    return _EPOCH + dt.timedelta(days=int(number))


def parse_date_column(values: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Parse a column of ``YYYY-MM-DD`` strings at once.

    Returns
    -------
    days : numpy.ndarray of int64
        Day numbers; undefined where ``ok`` is False.
    ok : numpy.ndarray of bool
        Whether each value was a well-formed, real date.
    """
    text = values.astype(str).str.strip()
    well_formed = text.str.match(_ISO_DATE.pattern).to_numpy()
    parsed = pd.to_datetime(text.where(well_formed), format="%Y-%m-%d", errors="coerce")
    ok = well_formed & parsed.notna().to_numpy()
    days = np.zeros(len(values), dtype=np.int64)
    days[ok] = parsed[ok].to_numpy().astype("datetime64[D]").astype(np.int64)
    return days, ok
