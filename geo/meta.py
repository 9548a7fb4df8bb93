"""A theatre's metadata file (``theatre.json``)."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from pathlib import Path

from geo.dates import EARLIEST_DATE, LATEST_DATE, parse_date
from geo.errors import DateError, Problem, shown
from geo.jsonfile import read_json
from geo.statuses import SIDES, STATUSES
from geo.text_rules import (
    MAX_ID_CHARACTERS,
    MAX_LICENCE_CHARACTERS,
    MAX_TEXT_CHARACTERS,
    MAX_TITLE_CHARACTERS,
    length_problem,
)

META_FILE = "theatre.json"
REQUIRED_KEYS = ("title", "start_date", "end_date", "initial_status", "center", "zoom", "attribution")
TEXT_KEYS = ("title", "attribution")  # non-empty text
OPTIONAL_TEXT_KEYS = ("geometry_note",)  # text, may be absent
#: The most characters each text key (or each text of a list key) may hold.
META_TEXT_LIMITS = {
    "title": MAX_TITLE_CHARACTERS,
    "licence": MAX_LICENCE_CHARACTERS,
    "attribution": MAX_TEXT_CHARACTERS,
    "geometry_note": MAX_TEXT_CHARACTERS,
    "known_uncertainties": MAX_TEXT_CHARACTERS,
    "initial_sources": MAX_ID_CHARACTERS,
    "reviewed_gaps": MAX_TEXT_CHARACTERS,
}
LIST_KEYS = ("initial_sources", "known_uncertainties", "reviewed_gaps")  # lists of text, may be absent


@dataclass(frozen=True)
class EndEvent:
    """The event that ends the fighting the theatre records (``theatre.json`` key ``end_event``).

    After ``date`` no district should still be held by a side in ``ends`` or be contested
    (unless its ``sides`` name only sides that remain).
    """

    date: dt.date
    ends: tuple[str, ...]
    title: str = ""
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class TheatreMeta:
    """What a theatre says about itself: title, date range, starting status, map view."""

    title: str
    start_date: dt.date
    end_date: dt.date
    initial_status: str
    center: tuple[float, float]
    zoom: int
    attribution: str
    geometry_note: str = ""
    initial_sources: tuple[str, ...] = ()
    known_uncertainties: tuple[str, ...] = ()
    end_event: EndEvent | None = None
    reviewed_gaps: tuple[str, ...] = ()
    licence: str = ""
    #: the day a link with no date opens on (None: the last day, ``end_date``)
    opening_date: dt.date | None = None

    @property
    def first_shown_date(self) -> dt.date:
        """The day a link with no date opens on: ``opening_date``, else ``end_date``."""
        return self.opening_date or self.end_date


def _number(value: object) -> bool:
    """A finite JSON number (``true``/``false`` are not numbers, though Python counts them as ints)."""
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def read_meta(directory: Path, problems: list[Problem]) -> TheatreMeta | None:
    """Read and check ``theatre.json``; append every problem to ``problems``."""
    ok, raw = read_json(directory / META_FILE, META_FILE, problems)
    if not ok:
        return None
    if not isinstance(raw, dict):
        problems.append(Problem(META_FILE, "", f"is expected to hold a JSON object, not {type(raw).__name__}"))
        return None

    before = len(problems)

    def bad(key: str, message: str) -> None:
        problems.append(Problem(META_FILE, f"key {key!r}", message))

    for key in REQUIRED_KEYS:
        if key not in raw:
            bad(key, "is missing")
    if len(problems) > before:
        return None

    for key in TEXT_KEYS:
        if not isinstance(raw[key], str) or not raw[key].strip():
            bad(key, f"was {shown(raw[key])} but is expected to be text (not empty)")
    for key in OPTIONAL_TEXT_KEYS:
        if key in raw and not isinstance(raw[key], str):
            bad(key, f"was {shown(raw[key])} but is expected to be text")
    for key, limit in META_TEXT_LIMITS.items():
        value = raw.get(key)
        texts = value if isinstance(value, list) else [value]
        too_long = next((length_problem(t, limit) for t in texts if isinstance(t, str) and len(t) > limit), None)
        if too_long:
            bad(key, too_long)
    dates = {}
    for key in ("start_date", "end_date", "opening_date"):
        if key not in raw:  # only opening_date may be absent (the required keys were checked)
            continue
        if not isinstance(raw[key], str):
            bad(key, f"{key} was {shown(raw[key])} but is expected to be a date as YYYY-MM-DD")
            continue
        try:
            dates[key] = parse_date(raw[key], field=key)
        except DateError as exc:
            bad(key, str(exc))
            continue
        if not EARLIEST_DATE <= dates[key] <= LATEST_DATE:
            bad(key, f"{dates[key]} is outside the dates the dashboard can show ({EARLIEST_DATE} to {LATEST_DATE})")
    if len(dates) == 2 and dates["start_date"] >= dates["end_date"]:
        bad("end_date", f"{dates['end_date']} is expected to be after start_date {dates['start_date']}")
    if (
        "opening_date" in dates
        and {"start_date", "end_date"} <= dates.keys()
        and not dates["start_date"] <= dates["opening_date"] <= dates["end_date"]
    ):
        bad(
            "opening_date",
            f"{dates['opening_date']} is expected to be from start_date {dates['start_date']}"
            f" to end_date {dates['end_date']}",
        )
    if not isinstance(raw["initial_status"], str) or raw["initial_status"] not in STATUSES:
        bad("initial_status", f"was {shown(raw['initial_status'])} but is expected to be one of {list(STATUSES)}")
    center = raw["center"]
    if not (
        isinstance(center, list)
        and len(center) == 2
        and all(_number(c) for c in center)
        and -90 <= center[0] <= 90
        and -180 <= center[1] <= 180
    ):
        bad("center", f"was {shown(center)} but is expected to be [lat, lon] in degrees")
    for key in LIST_KEYS:
        if key in raw and not (isinstance(raw[key], list) and all(isinstance(x, str) for x in raw[key])):
            bad(key, f"was {shown(raw[key])} but is expected to be a list of strings")
    zoom = raw["zoom"]
    if not (isinstance(zoom, int) and not isinstance(zoom, bool) and 0 <= zoom <= 22):
        bad("zoom", f"was {shown(zoom)} but is expected to be a whole number from 0 to 22")
    end_event = _end_event(raw["end_event"], problems) if "end_event" in raw else None
    if len(problems) > before:
        return None
    return TheatreMeta(
        title=raw["title"].strip(),
        start_date=dates["start_date"],
        end_date=dates["end_date"],
        initial_status=raw["initial_status"],
        center=(float(center[0]), float(center[1])),
        zoom=zoom,
        attribution=raw["attribution"].strip(),
        geometry_note=raw.get("geometry_note", "").strip(),
        initial_sources=tuple(raw.get("initial_sources", [])),
        known_uncertainties=tuple(raw.get("known_uncertainties", [])),
        end_event=end_event,
        reviewed_gaps=tuple(raw.get("reviewed_gaps", [])),
        licence=str(raw.get("licence", "")),
        opening_date=dates.get("opening_date"),
    )


def _end_event(raw: object, problems: list[Problem]) -> EndEvent | None:
    """Check the optional ``end_event`` object: ``date``, ``ends`` (sides), ``title``, ``sources``."""
    where = "key 'end_event'"
    expected = 'an object such as {"date": "2016-12-22", "ends": ["opposition"], "title": "...", "sources": [...]}'
    if not isinstance(raw, dict) or not isinstance(raw.get("date"), str):
        problems.append(Problem(META_FILE, where, f"was {shown(raw)} but is expected to be {expected}"))
        return None
    try:
        day = parse_date(raw["date"], field="end_event date")
    except DateError as exc:
        problems.append(Problem(META_FILE, where, str(exc)))
        return None
    ends, sources, title = raw.get("ends", []), raw.get("sources", []), raw.get("title", "")
    if not (isinstance(ends, list) and all(isinstance(x, str) and x in SIDES for x in ends)):
        problems.append(
            Problem(META_FILE, where, f"ends was {shown(ends)} but is expected to be a list of {list(SIDES)}")
        )
        return None
    if not (isinstance(sources, list) and all(isinstance(x, str) for x in sources)):
        problems.append(Problem(META_FILE, where, f"sources was {shown(sources)} but is expected to be a list of ids"))
        return None
    if not isinstance(title, str):
        problems.append(Problem(META_FILE, where, f"title was {shown(title)} but is expected to be text"))
        return None
    return EndEvent(date=day, ends=tuple(ends), title=title, sources=tuple(sources))
