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
    window = theatre.changes_between(min(lo + dt.timedelta(days=1), hi), hi)
    if lo == hi:
        window = window[:0]
    described = _describe_changes(window, pd.Index(theatre.district_ids), mask)
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
    for column, values in described.items():
        changed[column] = [values.get(int(p), "" if column != "changes" else 0) for p in positions]
    changed["_order"] = changed["to_status"].map(STATUSES.index)
    changed = changed.sort_values(["_order", "name_en"], kind="stable").drop(columns="_order").reset_index(drop=True)
    gains = (
        changed.groupby("to_status", sort=False)
        .agg(districts=("district_id", "size"), area_km2=("area_km2", "sum"))
        .reset_index()
        .rename(columns={"to_status": "status"})
    )
    return Comparison(first, last, changed[COMPARE_COLUMNS], gains[GAIN_COLUMNS], mask)


def _describe_changes(window: pd.DataFrame, ids: pd.Index, mask: np.ndarray) -> dict[str, dict[int, object]]:
    """Per changed district (by position): how many changes ``window`` holds, their distinct
    dates, the last note and the distinct source URLs, in date order."""
    position = ids.get_indexer(window["district_id"])
    keep = mask[position]
    position = position[keep]
    order = np.argsort(position, kind="stable")  # the window is in date order: keep it within a district
    position = position[order]
    dates, notes, urls = (window[c].to_numpy()[keep][order] for c in ("date", "note", "source_url"))
    described: dict[str, dict[int, object]] = {"changes": {}, "dates": {}, "note": {}, "source_url": {}}
    if not len(position):
        return described
    starts = np.flatnonzero(np.r_[True, position[1:] != position[:-1]])
    ends = np.r_[starts[1:], len(position)]
    for start, end in zip(starts.tolist(), ends.tolist(), strict=True):
        district = int(position[start])
        described["changes"][district] = end - start
        described["dates"][district] = " ".join(dict.fromkeys(dates[start:end]))
        described["note"][district] = notes[end - 1]
        described["source_url"][district] = " ".join(dict.fromkeys(" ".join(urls[start:end]).split()))
    return described
