"""Reading and checking ``districts.geojson``."""

from __future__ import annotations

import difflib
import math
import re
from pathlib import Path

import geopandas as gpd
import numpy as np
import shapely
from pyproj import CRS
from pyproj.exceptions import CRSError
from shapely.geometry import shape
from shapely.geometry.base import BaseGeometry

from geo.errors import Problem, Severity, shown
from geo.jsonfile import read_json
from geo.text_rules import MAX_ID_CHARACTERS, MAX_NAME_CHARACTERS, MAX_TEXT_CHARACTERS, length_problem

DISTRICTS_FILE = "districts.geojson"
WGS84 = CRS.from_epsg(4326)
#: Web maps (Web Mercator) draw latitudes up to about 85°; a theatre is a city, a few km across.
MAX_LATITUDE = 85.0
MAX_SPAN_DEGREES = 5.0
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*\Z")
COLUMNS = [
    "district_id",
    "name_en",
    "name_ar",
    "alt_names",
    "area_km2",
    "location_source",
    "name_sources",
    "name_note",
    "place_source_url",
    "geometry_source",
    "geometry_source_id",
    "geometry",
]
#: Values of the optional ``geometry_source`` property: how a district's shape was made.
GEOMETRY_SOURCES = ("published", "approximate")


_GEOMETRY_TYPES = (
    "Point",
    "MultiPoint",
    "LineString",
    "MultiLineString",
    "Polygon",
    "MultiPolygon",
    "GeometryCollection",
)


def _declared_crs(raw: dict, problems: list[Problem]) -> CRS | None:
    """The CRS the file declares (WGS84 when it declares none), or ``None`` (reported) if it names none known."""
    member = raw.get("crs")
    if member is None:
        return WGS84
    properties = member.get("properties") if isinstance(member, dict) else None
    name = properties.get("name") if isinstance(properties, dict) else member
    try:
        crs = CRS.from_user_input(name)
    except (CRSError, TypeError, ValueError):
        problems.append(
            Problem(
                DISTRICTS_FILE,
                "key 'crs'",
                f"was {shown(member)}, which names no known CRS (expected WGS84, EPSG:4326)",
            )
        )
        return None
    # OGC:CRS84 is WGS84 with longitude first, the order GeoJSON uses anyway: the same thing here.
    return WGS84 if crs.equals(WGS84, ignore_axis_order=True) else crs


def _text_list(value: object) -> list[str] | None:
    """A list of strings from a string, a list of strings or nothing; ``None`` if it is none of these."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    return None


def _coordinates_problem(geometry: dict) -> str | None:
    """What is wrong with a Polygon's or MultiPolygon's coordinates, before shapely reads them."""
    coordinates = geometry.get("coordinates")
    polygons = [coordinates] if geometry["type"] == "Polygon" else coordinates
    if not isinstance(polygons, list) or not all(isinstance(rings, list) for rings in polygons):
        return f"coordinates of a {geometry['type']} are expected to be {'lists of ' * 4}numbers"
    for p, rings in enumerate(polygons, start=1):
        for r, ring in enumerate(rings, start=1):
            try:
                positions = np.asarray(ring)
            except ValueError:  # ragged: positions of different lengths, or lists at different depths
                positions = np.asarray([], dtype=object)
            part = f"polygon {p} ring {r}" if geometry["type"] == "MultiPolygon" else f"ring {r}"
            if not (
                positions.ndim == 2
                and positions.shape[1] in (2, 3)
                and positions.dtype.kind in "iuf"
                and np.isfinite(positions).all()
            ):
                return f"{part} is expected to be a list of [longitude, latitude] number pairs"
            if len(positions) < 4 or not np.array_equal(positions[0], positions[-1]):
                return f"{part} is not closed (expected at least 4 positions, the last equal to the first)"
    return None


def _read_geometry(value: object) -> tuple[BaseGeometry | None, str | None]:
    """The feature's geometry as a shapely Polygon or MultiPolygon, or the problem with it."""
    if value is None:
        return None, "geometry is missing or empty (expected a Polygon or MultiPolygon)"
    if not isinstance(value, dict) or not isinstance(value.get("type"), str):
        return None, f"geometry was {shown(value)} but is expected to be a GeoJSON geometry object"
    kind = value["type"]
    if kind in _GEOMETRY_TYPES and kind not in ("Polygon", "MultiPolygon"):
        return None, f"geometry was a {kind} but is expected to be a Polygon or MultiPolygon"
    if kind not in _GEOMETRY_TYPES:
        return None, f"geometry type was {shown(kind)} but is expected to be Polygon or MultiPolygon"
    wrong = _coordinates_problem(value)
    if wrong:
        return None, f"geometry could not be read: {wrong}"
    try:
        geometry = shape(value)
    except (ValueError, shapely.errors.GEOSException) as exc:
        return None, f"geometry could not be read ({exc})"
    if geometry.is_empty:
        return None, "geometry is missing or empty (expected a Polygon or MultiPolygon)"
    if not geometry.is_valid:
        return None, f"geometry is invalid ({shapely.is_valid_reason(geometry)})"
    return geometry, None


def _read_feature(number: int, feature: object, seen: dict[str, int], problems: list[Problem]) -> dict | None:
    """One district's record from a feature, or ``None`` when it has errors (all reported)."""
    if not isinstance(feature, dict):
        problems.append(
            Problem(
                DISTRICTS_FILE,
                f"feature {number}",
                f"was {shown(feature)} but is expected to be a GeoJSON Feature object",
            )
        )
        return None
    props = feature.get("properties")
    if props is None:
        props = {}
    district_id = props.get("id") if isinstance(props, dict) else None
    where = f"feature {number}" + (f" (id {shown(district_id)})" if isinstance(district_id, str) else "")
    if not isinstance(props, dict):
        problems.append(
            Problem(DISTRICTS_FILE, where, f"properties was {shown(props)} but is expected to be an object")
        )
        return None
    found: list[tuple[str, Severity]] = []
    if not isinstance(district_id, str) or not ID_PATTERN.match(district_id) or len(district_id) > MAX_ID_CHARACTERS:
        found.append(
            (
                f"id was {shown(district_id)} but is expected to be a lowercase slug such as 'bustan-al-basha'"
                f" (at most {MAX_ID_CHARACTERS} characters)",
                "error",
            )
        )
    elif district_id in seen:
        found.append((f"id {district_id!r} is a duplicate of feature {seen[district_id]}", "error"))
    else:
        seen[district_id] = number
    name_en, name_ar, note = props.get("name_en"), props.get("name_ar"), props.get("name_note")
    if not isinstance(name_en, str) or not name_en.strip():
        found.append(("name_en is missing or empty (expected a name)", "error"))
    if not isinstance(name_ar, str):
        found.append(('name_ar is missing (expected the Arabic name, or "" where no source gives one)', "error"))
    elif not name_ar.strip() and not (isinstance(note, str) and note.strip()):
        found.append(
            (
                "name_ar is empty and no name_note says why (expected the Arabic name, "
                "or a name_note explaining that no source gives one)",
                "warning",
            )
        )
    if note is not None and not isinstance(note, str):
        found.append((f"name_note was {shown(note)} but is expected to be text", "error"))
    for key, value, limit in (
        ("name_en", name_en, MAX_NAME_CHARACTERS),
        ("name_ar", name_ar, MAX_NAME_CHARACTERS),
        ("name_note", note, MAX_TEXT_CHARACTERS),
    ):
        too_long = length_problem(value, limit) if isinstance(value, str) else None
        if too_long:
            found.append((f"{key} {too_long}", "error"))
    area = props.get("area_km2")
    if area is not None and not (
        isinstance(area, (int, float)) and not isinstance(area, bool) and math.isfinite(area) and area >= 0
    ):
        found.append((f"area_km2 was {shown(area)} but is expected to be a number >= 0 or absent", "error"))
    lists = {}
    geometry_source = props.get("geometry_source")
    if geometry_source is not None and geometry_source not in GEOMETRY_SOURCES:
        found.append(
            (
                f"geometry_source was {shown(geometry_source)} but is expected to be one of "
                f"{list(GEOMETRY_SOURCES)} or absent",
                "error",
            )
        )
    for key in ("alt_names", "location_source", "name_sources", "geometry_source_id"):
        lists[key] = _text_list(props.get(key))
        if lists[key] is None:
            found.append((f"{key} was {shown(props.get(key))} but is expected to be text or a list of text", "error"))
        elif any(len(item) > MAX_TEXT_CHARACTERS for item in lists[key] or []):
            found.append((f"{key} holds a text over {MAX_TEXT_CHARACTERS:,} characters long", "error"))
    geometry, wrong = _read_geometry(feature.get("geometry"))
    if wrong:
        found.append((wrong, "error"))
    problems.extend(Problem(DISTRICTS_FILE, where, message, severity) for message, severity in found)
    if any(severity == "error" for _, severity in found):
        return None
    texts = {key: value or [] for key, value in lists.items()}
    return {
        "district_id": district_id,
        "name_en": str(name_en).strip(),
        "name_ar": str(name_ar).strip(),
        "alt_names": "; ".join(p.strip() for v in texts["alt_names"] for p in v.split(";") if p.strip()),
        "area_km2": float(area) if area is not None else float("nan"),
        "location_source": " ".join(" ".join(texts["location_source"]).split()),
        "name_sources": " ".join(" ".join(texts["name_sources"]).split()),
        "name_note": (note or "").strip(),
        "place_source_url": "",  # resolved from sources.csv by the loader
        "geometry_source": geometry_source or "",
        "geometry_source_id": " ".join(" ".join(texts["geometry_source_id"]).split()),
        "geometry": geometry,
    }


def read_districts(directory: Path, problems: list[Problem]) -> gpd.GeoDataFrame | None:
    """Read ``districts.geojson`` into a GeoDataFrame in WGS84.

    Every problem found is appended to ``problems``; ``None`` is returned when the
    file cannot be used at all. A file in another CRS is reprojected with a warning.
    """
    ok, raw = read_json(directory / DISTRICTS_FILE, DISTRICTS_FILE, problems)
    if not ok:
        return None
    features = raw.get("features") if isinstance(raw, dict) else None
    if not isinstance(raw, dict) or raw.get("type") != "FeatureCollection" or not isinstance(features, list):
        problems.append(
            Problem(
                DISTRICTS_FILE,
                "",
                'is expected to be a GeoJSON FeatureCollection (an object with "type": "FeatureCollection" '
                'and a list of "features")',
            )
        )
        return None
    crs = _declared_crs(raw, problems)
    seen: dict[str, int] = {}
    records = [_read_feature(number, feature, seen, problems) for number, feature in enumerate(features, start=1)]
    if not features:
        problems.append(Problem(DISTRICTS_FILE, "", "holds no features (expected one per district)"))
    if crs is None:
        return None
    frame = gpd.GeoDataFrame([r for r in records if r], columns=COLUMNS, geometry="geometry", crs=crs)
    if (
        crs.is_projected
        and len(frame)
        and np.abs(frame.total_bounds[[0, 2]]).max() <= 180
        and np.abs(frame.total_bounds[[1, 3]]).max() <= 90
    ):
        problems.append(
            Problem(
                DISTRICTS_FILE,
                "key 'crs'",
                f"was {crs.to_string()}, whose coordinates are metres, but every coordinate is within"
                " -180..180 / -90..90 (degrees?): declare no CRS for WGS84 longitude and latitude",
            )
        )
        return None
    if not crs.equals(WGS84):
        problems.append(
            Problem(
                DISTRICTS_FILE,
                "key 'crs'",
                f"was {crs.to_string()}; reprojected to WGS84 (EPSG:4326), the CRS GeoJSON expects",
                "warning",
            )
        )
        frame = frame.to_crs(WGS84)
    bad_coords = ~frame.geometry.within(shapely.box(-180, -MAX_LATITUDE, 180, MAX_LATITUDE)) if len(frame) else []
    for district_id in frame.loc[bad_coords, "district_id"] if len(frame) else []:
        problems.append(
            Problem(
                DISTRICTS_FILE,
                f"id {district_id!r}",
                f"geometry lies outside longitude -180..180 / latitude -{MAX_LATITUDE:g}..{MAX_LATITUDE:g}, where"
                " a web map can draw it (is the file in WGS84?)",
            )
        )
    if len(frame) and not any(bad_coords):
        west, south, east, north = frame.total_bounds
        if east - west > MAX_SPAN_DEGREES or north - south > MAX_SPAN_DEGREES:
            problems.append(
                Problem(
                    DISTRICTS_FILE,
                    "",
                    f"the districts span {east - west:.1f}° of longitude and {north - south:.1f}° of latitude"
                    f" (expected a city's, at most {MAX_SPAN_DEGREES:g}° each way: a shape across the antimeridian,"
                    " or a district far from the others?)",
                )
            )
    return frame.reset_index(drop=True)


def suggest_id(unknown: str, known: list[str]) -> str | None:
    """The closest known id to ``unknown``, if any is close."""
    matches = difflib.get_close_matches(unknown, known, n=1, cutoff=0.75)
    return matches[0] if matches else None
