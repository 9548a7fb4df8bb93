"""The dates a time-lapse shows, and how long each is held."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from geo.dates import from_day_number
from geo.errors import DateError
from geo.theatre import Theatre
from mapmedia.options import STEPS, check_choice

#: With ``--step changes``, how long each change of control stays on screen (seconds).
CHANGE_HOLD_SECONDS = 0.5


@dataclass(frozen=True)
class Frame:
    """One date of a time-lapse, shown for ``hold`` video frames."""

    date: dt.date
    hold: int = 1


def date_range(theatre: Theatre, start: str | dt.date | None, end: str | dt.date | None) -> tuple[dt.date, dt.date]:
    """``start`` and ``end`` (default: the whole record) checked against the theatre's range.

    Raises
    ------
    DateError
        If either is not a date, lies outside the record, or ``start`` is after ``end``.
    """
    first = theatre.meta.start_date if start is None else date_in_record(theatre, start, "--from")
    last = theatre.meta.end_date if end is None else date_in_record(theatre, end, "--to")
    if first > last:
        raise DateError(f"--from {first} is after --to {last}")
    return first, last


def date_in_record(theatre: Theatre, value: str | dt.date, name: str) -> dt.date:
    """``value`` as a date within the record; a DateError names the option ``name``."""
    try:
        return theatre.require_date(value)
    except DateError as exc:
        raise DateError(f"{name}: {exc}") from None


def frames_of(theatre: Theatre, start: dt.date, end: dt.date, *, step: str, fps: int) -> list[Frame]:
    """The frames from ``start`` to ``end`` (both shown) at ``step``.

    ``day``, ``week`` and ``month`` show one date per frame (weeks counted from ``start``, months
    on the first of each month); ``changes`` shows ``start``, each date in the range on which any
    district changed, and ``end``, each for :data:`CHANGE_HOLD_SECONDS` rather than spending frames
    on quiet months.
    """
    check_choice("--step", step, STEPS)
    if step == "changes":
        hold = max(1, round(CHANGE_HOLD_SECONDS * fps))
        days = [from_day_number(int(d)) for d in theatre.change_days]
        dates = [start, *(d for d in days if start < d < end), end]
        return [Frame(d, hold) for d in dict.fromkeys(dates)]
    dates = []
    day = start
    while day <= end:
        dates.append(day)
        day = _after(day, step)
    if dates[-1] != end:
        dates.append(end)
    return [Frame(d) for d in dates]


def _after(day: dt.date, step: str) -> dt.date:
    if step == "day":
        return day + dt.timedelta(days=1)
    if step == "week":
        return day + dt.timedelta(days=7)
    return dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
