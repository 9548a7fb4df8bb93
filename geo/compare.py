"""What changed between two dates: the districts whose status differs, grouped by the side that gained."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd

from geo.dates import parse_date
from geo.statuses import STATUSES
from geo.theatre import Theatre

COMPARE_COLUMNS = [
    "district_id",
    "name_en",
    "name_ar",
    "from_status",
    "to_status",
    "area_km2",
    "changes",
    "dates",
    "note",
    "source_url",
]
GAIN_COLUMNS = ["status", "districts", "area_km2"]


@dataclass(frozen=True)
class Comparison:
    """The answer of :func:`compare_dates`.

    Attributes
    ----------
    start, end : datetime.date
        The "from" and "to" dates as given (``start`` may be after ``end``).
    changed : pandas.DataFrame
        One row per district whose status on ``end`` differs from its status on
        ``start`` (columns ``COMPARE_COLUMNS``), ordered by the side that gained
        (order of ``STATUSES``), then name. ``changes``, ``dates``, ``note`` and
        ``source_url`` describe the recorded changes between the two dates (the
        ``start`` day excluded, the ``end`` day included), so every row cites its sources.
    gains : pandas.DataFrame
        Per side that gained at least one district: ``status``, ``districts``, ``area_km2``.
    mask : numpy.ndarray of bool
        True for the changed districts, in the order of ``Theatre.district_ids``.
    """

    start: dt.date
    end: dt.date
    changed: pd.DataFrame
    gains: pd.DataFrame
    mask: np.ndarray

    @property
    def area_km2(self) -> float:
        return float(self.changed["area_km2"].sum())


def compare_dates(theatre: Theatre, start: str | dt.date, end: str | dt.date) -> Comparison:
    """The districts whose status on ``end`` differs from their status on ``start``.

    Raises
    ------
    DateError
        If either date is not a date as YYYY-MM-DD.
    """
    first, last = parse_date(start, field="from"), parse_date(end, field="to")
    before, after = theatre.status_codes_at(first), theatre.status_codes_at(last)
    mask = before != after
    positions = np.flatnonzero(mask)
    lo, hi = sorted((first, last))
    window = theatre.changes_between(lo + dt.timedelta(days=1), hi) if lo < hi else theatre.changes_between(lo, lo)[:0]
    window = window[window["district_id"].isin([theatre.district_ids[p] for p in positions])]
    per_district = window.groupby("district_id", sort=False).agg(
        changes=("date", "size"),
        dates=("date", lambda dates: " ".join(dict.fromkeys(dates))),
        note=("note", "last"),
        source_url=("source_url", lambda urls: " ".join(dict.fromkeys(" ".join(urls).split()))),
    )
    districts = theatre.districts.iloc[positions]
    changed = pd.DataFrame(
        {
            "district_id": districts["district_id"].to_numpy(),
            "name_en": districts["name_en"].to_numpy(),
            "name_ar": districts["name_ar"].to_numpy(),
            "from_status": [STATUSES[c] for c in before[positions]],
            "to_status": [STATUSES[c] for c in after[positions]],
            "area_km2": theatre.areas_km2[positions],
        }
    )
    changed = changed.join(per_district, on="district_id")
    changed["changes"] = changed["changes"].fillna(0).astype(int)
    for column in ("dates", "note", "source_url"):
        changed[column] = changed[column].fillna("")
    changed["_order"] = changed["to_status"].map(STATUSES.index)
    changed = changed.sort_values(["_order", "name_en"], kind="stable").drop(columns="_order").reset_index(drop=True)
    gains = (
        changed.groupby("to_status", sort=False)
        .agg(districts=("district_id", "size"), area_km2=("area_km2", "sum"))
        .reset_index()
        .rename(columns={"to_status": "status"})
    )
    return Comparison(first, last, changed[COMPARE_COLUMNS], gains[GAIN_COLUMNS], mask)
