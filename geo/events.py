"""Reading and checking ``events.csv``: context events that change no district's control
(a siege closing, a ceasefire, an evacuation)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pandas as pd

from geo.dates import day_number, parse_date_column
from geo.errors import Problem, shown
from geo.tables import EVENTS_FILE, empty_table, read_table


def no_events() -> pd.DataFrame:
    """The events table of a theatre without ``events.csv``."""
    return _with_days(empty_table(EVENTS_FILE), np.array([], dtype=np.int64), np.array([], dtype=np.int64), {})


def read_events(
    directory: Path,
    problems: list[Problem],
    *,
    sources: pd.DataFrame,
    start: dt.date | None,
    end: dt.date | None,
    district_ids: list[str] | None = None,
) -> pd.DataFrame:
    """The events sorted by date, with ``day``/``end_day`` numbers and ``source_url`` resolved.

    A theatre without ``events.csv`` has no events. Rows with problems are reported and left out.
    """
    frame = read_table(directory, EVENTS_FILE, problems, optional=True)
    if frame is None:
        return no_events()
    frame["end_date"] = frame["end_date"].where(frame["end_date"] != "", frame["date"])
    days, days_ok = parse_date_column(frame["date"])
    end_days, end_ok = parse_date_column(frame["end_date"])
    urls = sources["url"].to_dict()
    known_districts = set(district_ids) if district_ids is not None else None
    bad = np.zeros(len(frame), dtype=bool)
    lo = day_number(start) if start else None
    hi = day_number(end) if end else None
    for i, row in enumerate(frame.itertuples(index=False)):
        found = []
        if not days_ok[i]:
            found.append(f"date was {shown(row.date)} but is expected to be a real date as YYYY-MM-DD")
        if not end_ok[i]:
            found.append(f"end_date was {shown(row.end_date)} but is expected to be a real date as YYYY-MM-DD or empty")
        if days_ok[i] and end_ok[i] and end_days[i] < days[i]:
            found.append(f"end_date {row.end_date} is before date {row.date}")
        if days_ok[i] and lo is not None and hi is not None and not lo <= days[i] <= hi:
            found.append(f"date {row.date} is outside the theatre's range {start} to {end}")
        if not row.title:
            found.append("title is empty (expected a short headline)")
        ids = row.sources.split()
        if not ids:
            found.append("sources is empty (every event needs at least one source id from sources.csv)")
        unknown = [x for x in ids if x not in urls]
        if unknown:
            found.append(f"sources has {shown(unknown)}, not ids in sources.csv")
        strangers = [x for x in row.districts.split() if known_districts is not None and x not in known_districts]
        if strangers:
            found.append(f"districts has {shown(strangers)}, not ids in districts.geojson")
        problems.extend(Problem.in_row(EVENTS_FILE, row.row, message) for message in found)
        bad[i] = bool(found)
    frame = _with_days(frame, days, end_days, urls)
    return frame.loc[~bad].sort_values("day", kind="stable").reset_index(drop=True)


def _with_days(frame: pd.DataFrame, days: np.ndarray, end_days: np.ndarray, urls: dict[str, str]) -> pd.DataFrame:
    frame["day"], frame["end_day"] = days, end_days
    frame["source_url"] = [" ".join(urls[x] for x in cell.split() if x in urls) for cell in frame["sources"]]
    return frame
