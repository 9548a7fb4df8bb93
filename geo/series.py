"""Control over time: how many districts, and how much area, each side held on every day."""

from __future__ import annotations

import numpy as np
import pandas as pd

from geo.dates import day_number, from_day_number
from geo.statuses import STATUSES
from geo.theatre import Theatre

SERIES_COLUMNS = ["date", "status", "districts", "area_km2"]


def control_series(theatre: Theatre) -> pd.DataFrame:
    """Per side, the districts and area (km², see :attr:`Theatre.areas_km2`) held over time.

    The totals only move on days with a change, so rows are given for the start date,
    every day with a change and the end date (read it as a step function: a row holds
    until the next one). Statuses that no district ever has are left out.

    Returns
    -------
    pandas.DataFrame
        Columns ``SERIES_COLUMNS``: ``date`` (datetime64), ``status``, ``districts``
        (int) and ``area_km2`` (float), ordered by date, then status code.
    """
    changes = theatre.changes
    initial = STATUSES.index(theatre.meta.initial_status)
    areas = theatre.areas_km2
    order = theatre.change_positions_by_district  # by district, then date, then file order
    district, status = theatre.change_codes_by_district
    first = np.ones(len(order), dtype=bool)
    first[1:] = district[1:] != district[:-1]
    previous = np.where(first, initial, np.roll(status, 1))
    start, end = day_number(theatre.meta.start_date), day_number(theatre.meta.end_date)
    days = np.clip(changes["day"].to_numpy()[order], start, end)
    steps = np.unique(np.concatenate([[start], days, [end]]))
    row = np.searchsorted(steps, days)

    # Each change moves its district (and its area) from the status before it to its own.
    width = len(STATUSES)
    cells = len(steps) * width
    gained, lost = row * width + status, row * width + previous
    counts = (np.bincount(gained, minlength=cells) - np.bincount(lost, minlength=cells)).reshape(-1, width)
    counts = counts.astype(float)
    area = (
        np.bincount(gained, weights=areas[district], minlength=cells)
        - np.bincount(lost, weights=areas[district], minlength=cells)
    ).reshape(-1, width)
    counts[0, initial] += len(theatre.district_ids)
    area[0, initial] += areas.sum()
    counts, area = counts.cumsum(axis=0), area.cumsum(axis=0)

    held = np.flatnonzero(counts.max(axis=0) > 0)
    dates = pd.to_datetime([from_day_number(d) for d in steps])
    return pd.DataFrame(
        {
            "date": np.repeat(dates, len(held)),
            "status": np.tile(np.array(STATUSES, dtype=object)[held], len(steps)),
            "districts": counts[:, held].round().astype(int).ravel(),
            "area_km2": np.clip(area[:, held], 0, None).ravel(),
        }
    )
