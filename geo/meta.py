"""A theatre's metadata file (``theatre.json``)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from geo.dates import parse_date
from geo.errors import DateError, Problem
from geo.statuses import SIDES, STATUSES

META_FILE = "theatre.json"
REQUIRED_KEYS = ("title", "start_date", "end_date", "initial_status", "center", "zoom", "attribution")


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
    licence: str = ""


def read_meta(directory: Path, problems: list[Problem]) -> TheatreMeta | None:
    """Read and check ``theatre.json``; append every problem to ``problems``."""
    path = directory / META_FILE
    if not path.is_file():
        problems.append(Problem(META_FILE, "", f"file is missing (expected it in {directory})"))
        return None
    try:
        raw = json.loads(path.read_text(encoding="utf-8-sig"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        problems.append(Problem(META_FILE, "", f"is not valid JSON ({exc})"))
        return None
    if not isinstance(raw, dict):
        problems.append(Problem(META_FILE, "", "is expected to hold a JSON object"))
        return None

    before = len(problems)
    for key in REQUIRED_KEYS:
        if key not in raw:
            problems.append(Problem(META_FILE, f"key {key!r}", "is missing"))
    if len(problems) > before:
        return None

    dates = {}
    for key in ("start_date", "end_date"):
        try:
            dates[key] = parse_date(raw[key], field=key)
        except DateError as exc:
            problems.append(Problem(META_FILE, f"key {key!r}", str(exc)))
    if len(dates) == 2 and dates["start_date"] > dates["end_date"]:
        problems.append(Problem(META_FILE, "key 'end_date'", "is expected to be on or after start_date"))
    if raw["initial_status"] not in STATUSES:
        problems.append(
            Problem(
                META_FILE,
                "key 'initial_status'",
                f"was {raw['initial_status']!r} but is expected to be one of {list(STATUSES)}",
            )
        )
    center = raw["center"]
    if not (
        isinstance(center, list)
        and len(center) == 2
        and all(isinstance(c, (int, float)) for c in center)
        and -90 <= center[0] <= 90
        and -180 <= center[1] <= 180
    ):
        problems.append(
            Problem(META_FILE, "key 'center'", f"was {center!r} but is expected to be [lat, lon] in degrees")
        )
    for key in ("initial_sources", "known_uncertainties"):
        if key in raw and not (isinstance(raw[key], list) and all(isinstance(x, str) for x in raw[key])):
            problems.append(
                Problem(META_FILE, f"key {key!r}", f"was {raw[key]!r} but is expected to be a list of strings")
            )
    if not (isinstance(raw["zoom"], int) and 0 <= raw["zoom"] <= 22):
        problems.append(
            Problem(META_FILE, "key 'zoom'", f"was {raw['zoom']!r} but is expected to be a whole number from 0 to 22")
        )
    end_event = _end_event(raw.get("end_event"), problems) if "end_event" in raw else None
    if len(problems) > before:
        return None
    return TheatreMeta(
        title=str(raw["title"]),
        start_date=dates["start_date"],
        end_date=dates["end_date"],
        initial_status=raw["initial_status"],
        center=(float(center[0]), float(center[1])),
        zoom=raw["zoom"],
        attribution=str(raw["attribution"]),
        geometry_note=str(raw.get("geometry_note", "")),
        initial_sources=tuple(str(x) for x in raw.get("initial_sources", [])),
        known_uncertainties=tuple(str(x) for x in raw.get("known_uncertainties", [])),
        end_event=end_event,
        licence=str(raw.get("licence", "")),
    )


def _end_event(raw: object, problems: list[Problem]) -> EndEvent | None:
    """Check the optional ``end_event`` object: ``date``, ``ends`` (sides), ``title``, ``sources``."""
    where = "key 'end_event'"
    expected = 'an object such as {"date": "2016-12-22", "ends": ["opposition"], "title": "...", "sources": [...]}'
    if not isinstance(raw, dict) or "date" not in raw:
        problems.append(Problem(META_FILE, where, f"was {raw!r} but is expected to be {expected}"))
        return None
    try:
        day = parse_date(raw["date"], field="end_event date")
    except DateError as exc:
        problems.append(Problem(META_FILE, where, str(exc)))
        return None
    ends, sources = raw.get("ends", []), raw.get("sources", [])
    if not (isinstance(ends, list) and all(x in SIDES for x in ends)):
        problems.append(Problem(META_FILE, where, f"ends was {ends!r} but is expected to be a list of {list(SIDES)}"))
        return None
    if not (isinstance(sources, list) and all(isinstance(x, str) for x in sources)):
        problems.append(Problem(META_FILE, where, f"sources was {sources!r} but is expected to be a list of ids"))
        return None
    return EndEvent(date=day, ends=tuple(ends), title=str(raw.get("title", "")), sources=tuple(sources))
