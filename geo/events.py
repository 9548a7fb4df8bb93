"""Reading and checking ``events.csv``: context events that change no district's control
(a siege closing, a ceasefire, an evacuation)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pandas as pd

from geo.dates import day_number, parse_date_column
from geo.errors import Problem

EVENTS_FILE = "events.csv"
COLUMNS = ("date", "end_date", "title", "note", "sources")
# Optional: ids of the districts the event's reports describe; the audit counts such an
# event as a report confirming those districts' status (see geo/audit.py).
DISTRICTS_COLUMN = "districts"
EMPTY = pd.DataFrame(columns=[*COLUMNS, DISTRICTS_COLUMN, "source_url", "day", "end_day", "row"])


def read_events(
    directory: Path,
    problems: list[Problem],
    *,
    sources: pd.DataFrame | None,
    start: dt.date | None,
    end: dt.date | None,
    district_ids: list[str] | None = None,
) -> pd.DataFrame:
    """The events sorted by date, with ``day``/``end_day`` numbers and ``source_url`` resolved.

    A theatre without ``events.csv`` has no events. Rows with problems are reported and left out.
    """
    path = directory / EVENTS_FILE
    if not path.is_file():
        return EMPTY.copy()
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except (pd.errors.ParserError, UnicodeDecodeError, pd.errors.EmptyDataError) as exc:
        problems.append(Problem(EVENTS_FILE, "", f"is not a readable CSV file ({exc})"))
        return EMPTY.copy()
    frame.columns = [c.strip() for c in frame.columns]
    missing = [c for c in COLUMNS if c not in frame.columns]
    if missing:
        problems.append(Problem(EVENTS_FILE, "header", f"is missing column(s) {missing} (expected {list(COLUMNS)})"))
        return EMPTY.copy()
    if DISTRICTS_COLUMN not in frame.columns:
        frame[DISTRICTS_COLUMN] = ""
    frame = frame.apply(lambda column: column.str.strip())
    frame["row"] = np.arange(2, 2 + len(frame))
    known_districts = set(district_ids) if district_ids is not None else None
    frame["end_date"] = frame["end_date"].where(frame["end_date"] != "", frame["date"])
    days, days_ok = parse_date_column(frame["date"])
    end_days, end_ok = parse_date_column(frame["end_date"])
    urls = sources["url"].to_dict() if sources is not None else {}
    bad = np.zeros(len(frame), dtype=bool)
    lo = day_number(start) if start else None
    hi = day_number(end) if end else None
    for i, row in enumerate(frame.itertuples(index=False)):
        where = f"row {row.row}"
        found = []
        if not days_ok[i]:
            found.append(f"date was {row.date!r} but is expected to be a real date as YYYY-MM-DD")
        if not end_ok[i]:
            found.append(f"end_date was {row.end_date!r} but is expected to be a real date as YYYY-MM-DD or empty")
        if days_ok[i] and end_ok[i] and end_days[i] < days[i]:
            found.append(f"end_date {row.end_date} is before date {row.date}")
        if days_ok[i] and lo is not None and not lo <= days[i] <= hi:
            found.append(f"date {row.date} is outside the theatre's range {start} to {end}")
        if not row.title:
            found.append("title is empty (expected a short headline)")
        ids = row.sources.split()
        if not ids:
            found.append("sources is empty (every event needs at least one source id from sources.csv)")
        unknown = [x for x in ids if x not in urls]
        if unknown:
            found.append(f"sources has {unknown!r}, not ids in sources.csv")
        strangers = [x for x in row.districts.split() if known_districts is not None and x not in known_districts]
        if strangers:
            found.append(f"districts has {strangers!r}, not ids in districts.geojson")
        for message in found:
            problems.append(Problem(EVENTS_FILE, where, message))
        bad[i] = bool(found)
    frame["day"], frame["end_day"] = days, end_days
    frame["source_url"] = [" ".join(urls[x] for x in cell.split() if x in urls) for cell in frame["sources"]]
    return frame.loc[~bad].sort_values("day", kind="stable").reset_index(drop=True)
