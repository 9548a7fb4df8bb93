"""What the record already shows for a proposed change: already recorded, new, or contradicts."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np

from geo.dates import day_number
from geo.theatre import Theatre

ALREADY = "already recorded"
NEW = "new"
CONTRADICTS = "contradicts"
UNDATED = "no date"
OUTSIDE = "outside the theatre's dates"
#: How many days either side of a proposal's date a recorded change counts as the same event
#: (reports date a capture to the day it was announced, the record to the day it was complete).
WINDOW_DAYS = {"day": 3, "days": 7, "month": 31, "year": 366}


@dataclass(frozen=True)
class RecordView:
    """The record for one district around one date.

    ``verdict`` is ``already recorded`` (the record has the district with this status on
    this date, or reaching it within the window), ``contradicts`` (the record has a change of
    the district to another status within the window), ``new`` (it shows another status and no
    change near the date), or ``no date`` / ``outside the theatre's dates``. ``status`` and
    ``since`` are the record's status on the date and the date of the change that set it.
    """

    verdict: str
    status: str = ""
    since: str = ""
    detail: str = ""

    def as_dict(self) -> dict[str, str]:
        return {"verdict": self.verdict, "status": self.status, "since": self.since, "detail": self.detail}


def compare(theatre: Theatre, district_id: str, date: dt.date | None, precision: str, status: str) -> RecordView:
    """How the record reads for ``district_id`` near ``date`` against the proposed ``status``."""
    if date is None:
        return RecordView(UNDATED, detail="the date could not be placed, so the record was not compared")
    if not theatre.meta.start_date <= date <= theatre.meta.end_date:
        return RecordView(OUTSIDE, detail=f"{date} is outside {theatre.meta.start_date} to {theatre.meta.end_date}")
    current = theatre.district_at(district_id, date)
    window = WINDOW_DAYS.get(precision, 3)
    positions = theatre.change_positions(district_id)
    days = theatre.changes["day"].to_numpy()[positions]
    statuses = theatre.changes["status"].to_numpy()[positions]
    dates = theatre.changes["date"].to_numpy()[positions]
    near = np.abs(days - day_number(date)) <= window
    if current["status"] == status:
        return RecordView(
            ALREADY, current["status"], current["since"], f"the record has {status} since {current['since']}"
        )
    same = near & (statuses == status)
    if same.any():
        when = dates[np.flatnonzero(same)[0]]
        return RecordView(ALREADY, current["status"], current["since"], f"the record has {status} from {when}")
    if near.any():
        at = np.flatnonzero(near)[0]
        return RecordView(
            CONTRADICTS,
            current["status"],
            current["since"],
            f"the record has {statuses[at]} from {dates[at]}, not {status}",
        )
    return RecordView(
        NEW, current["status"], current["since"], f"the record has {current['status']} since {current['since']}"
    )
