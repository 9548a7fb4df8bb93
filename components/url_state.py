"""The view in the URL: ``?from=…&date=…&district=…&map=…&layers=…&mode=embed&lang=ar&v=…``.

:func:`parse_view` is the Python twin of ``parse`` in ``mapui/map/view_url.js`` (the
static site and the map script use that one); ``tests/url_view_cases.json`` holds the two
equal. The dashboard owns ``from`` (compare mode), ``date``, ``district``, ``mode``, ``lang`` (the
interface language, absent for the default) and ``v``; the map script owns
``map`` and ``layers`` (it rewrites them in the browser without a rerun), so the dashboard
passes them through as it read them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import streamlit as st

from components import upstream
from geo.errors import GeoError
from mapui.i18n import LANGUAGES, t

VIEW_KEYS = ("from", "date", "district", "map", "layers", "mode", "lang", "v")
APP_KEYS = (
    "from",
    "date",
    "district",
    "mode",
    "lang",
    "v",
)  # written by the dashboard; map and layers by the map script
_SLUG = re.compile(
    r"^[a-z0-9]+(?:-[a-z0-9]+)*\Z"
)  # \Z: "$" would let a trailing line break through, as JavaScript's does not
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}\Z")
_NUMBER = re.compile(r"^-?\d{1,3}(?:\.\d{1,8})?\Z")
_VERSION = re.compile(r"^[0-9a-f]{8}\Z")
_MAX_SLUG = 100
_MAX_LAYERS = 12
_WRITTEN = "_url_written"  # session key: the app's part of the URL as last written


@dataclass(frozen=True)
class MapView:
    zoom: float
    lat: float
    lon: float


@dataclass(frozen=True)
class View:
    """A link's view; ``None`` where the link has no valid value."""

    date: str | None = None
    district: str | None = None
    from_: str | None = None  # compare mode's "from" date
    map: MapView | None = None
    layers: tuple[str, ...] | None = None
    mode: str | None = None
    lang: str | None = None
    v: str | None = None
    problems: tuple[tuple[str, str], ...] = field(default=())


def _slug(value: str) -> bool:
    return len(value) <= _MAX_SLUG and bool(_SLUG.match(value))


def _map(value: str) -> MapView | None:
    parts = value.split("/")
    if len(parts) != 3 or not all(_NUMBER.match(p) for p in parts):
        return None
    zoom, lat, lon = (float(p) for p in parts)
    if not (0 <= zoom <= 22 and -90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    return MapView(zoom, lat, lon)


def _layers(value: str) -> tuple[str, ...] | None:
    names = value.split(",") if value else []
    return tuple(names) if len(names) <= _MAX_LAYERS and all(_slug(n) for n in names) else None


_PARSERS: dict[str, Callable[[str], object]] = {
    "from": lambda v: v if _DATE.match(v) else None,
    "date": lambda v: v if _DATE.match(v) else None,
    "district": lambda v: v if _slug(v) else None,
    "map": _map,
    "layers": _layers,
    "mode": lambda v: v if v == "embed" else None,
    "lang": lambda v: v if v in LANGUAGES else None,
    "v": lambda v: v if _VERSION.match(v) else None,
}


def first_value(key: str) -> str:
    """A link's first value of ``key``: a parameter given twice counts once, as the browser's
    URLSearchParams.get (the map's parser, and the static site's) reads it."""
    return st.query_params.get_all(key)[0]


def parse_view(params: Mapping[str, str]) -> View:
    """The view of a link's query parameters; each value that is ignored is in ``problems``
    as ``(key, value)``. An empty value counts as absent, except ``layers=`` (no layers)."""
    values: dict[str, object] = {}
    problems = []
    for key in VIEW_KEYS:
        if key not in params or (params[key] == "" and key != "layers"):
            continue
        field_name = "from_" if key == "from" else key
        values[field_name] = _PARSERS[key](params[key])
        if values[field_name] is None:
            problems.append((key, params[key]))
    return View(**values, problems=tuple(problems))  # type: ignore[arg-type]


def problem_notice(key: str, value: str, lang: str) -> str:
    """A readable notice, in ``lang``, for a value a link's ``key`` had that was ignored."""
    shown = value if len(value) <= 60 else value[:57] + "…"
    return t("url.value_ignored", lang, key=key, value=repr(shown), expected=t(f"url.expected.{key}", lang))


def read_view_from_url(
    *, parse_date: Callable[[str], dt.date], check_district: Callable[[str], object], lang: str
) -> tuple[dt.date | None, str | None, View, list[str]]:
    """The date and district a link asks for (``None`` when absent or invalid), the whole
    parsed view, and readable notices (in ``lang``) for every value ignored.

    ``parse_date`` and ``check_district`` check what needs the data (a date in range, a
    district that exists) and raise :class:`geo.errors.GeoError` otherwise.
    """
    params = {key: first_value(key) for key in VIEW_KEYS if key in st.query_params}
    view = parse_view(params)
    notices = [
        problem_notice(key, value, lang) for key, value in view.problems if key not in ("from", "date", "district")
    ]
    date = district = None
    if "date" in params:
        try:
            date = parse_date(params["date"])
        except GeoError as exc:
            notices.append(t("url.date_ignored", lang, reason=exc))
    if params.get("district"):
        try:
            check_district(params["district"])
            district = params["district"]
        except GeoError as exc:
            notices.append(t("url.district_ignored", lang, reason=exc))
    return date, district, view, notices


def url_changed_elsewhere() -> bool:
    """Whether this run comes from the reader going Back or Forward to another view.

    Streamlit flags such a rerun (its address is that history entry's). Comparing addresses
    alone is not enough: a rerun can carry the address from before the app's last write,
    when the reader scrubs faster than the browser applies the writes.
    """
    if not upstream.is_history_navigation():
        return False
    written = st.session_state.get(_WRITTEN)
    if written is None:
        return False
    now = {key: st.query_params[key] for key in APP_KEYS if st.query_params.get(key)}
    return {k: v for k, v in now.items() if k != "v"} != {k: v for k, v in written.items() if k != "v"}


def write_view_to_url(view: dict[str, str | None]) -> None:
    """Put the app's part of the view in the address bar, dropping empty values and keeping
    the map script's ``map`` and ``layers`` as they were; no-op when unchanged."""
    wanted = {k: v for k, v in view.items() if v}
    st.session_state[_WRITTEN] = wanted
    passed = {key: st.query_params[key] for key in VIEW_KEYS if key not in APP_KEYS and key in st.query_params}
    ordered = {key: value for key in VIEW_KEYS if (value := {**wanted, **passed}.get(key)) is not None}
    if st.query_params.to_dict() != ordered:
        st.query_params.from_dict(ordered)


# ---- compare mode: ?from=YYYY-MM-DD beside date (kept apart from the view above, for easy merging) ----
COMPARE_PARAM = "from"


def read_compare_from_url(*, parse_date: Callable[[str], dt.date], lang: str) -> tuple[dt.date | None, list[str]]:
    """The compare mode's "from" date a link asks for (``?from=``), ``None`` when absent or invalid."""
    value = first_value(COMPARE_PARAM) if COMPARE_PARAM in st.query_params else None
    if not value:
        return None, []
    try:
        return parse_date(value), []
    except GeoError as exc:
        return None, [t("url.from_ignored", lang, reason=exc)]
