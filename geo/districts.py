"""Reading and checking ``districts.geojson``."""

from __future__ import annotations

import difflib
import json
import re
from pathlib import Path

import geopandas as gpd
import shapely
from pyproj import CRS
from pyproj.exceptions import CRSError
from shapely.geometry import shape

from geo.errors import Problem

DISTRICTS_FILE = "districts.geojson"
WGS84 = CRS.from_epsg(4326)
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
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
    "geometry",
]


def _declared_crs(raw: dict, problems: list[Problem]) -> CRS | None:
    member = raw.get("crs")
    if member is None:
        return WGS84
    try:
        return CRS.from_user_input(member.get("properties", {}).get("name", member))
    except (CRSError, AttributeError, TypeError):
        problems.append(
            Problem(
                DISTRICTS_FILE, "key 'crs'", f"was {member!r}, which names no known CRS (expected WGS84, EPSG:4326)"
            )
        )
        return None


def _alt_names(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(str(v).strip() for v in value if str(v).strip())
    return "; ".join(part.strip() for part in str(value).split(";") if part.strip())


def _source_ids(value) -> str:
    """Source ids as one space-separated string, from a list or a string."""
    if value is None:
        return ""
    parts = value if isinstance(value, list) else str(value).split()
    return " ".join(str(v).strip() for v in parts if str(v).strip())


def read_districts(directory: Path, problems: list[Problem]) -> gpd.GeoDataFrame | None:
    """Read ``districts.geojson`` into a GeoDataFrame in WGS84.

    Every problem found is appended to ``problems``; ``None`` is returned when the
    file cannot be used at all. A file in another CRS is reprojected with a warning.
    """
    path = directory / DISTRICTS_FILE
    if not path.is_file():
        problems.append(Problem(DISTRICTS_FILE, "", f"file is missing (expected it in {directory})"))
        return None
    try:
        raw = json.loads(path.read_text(encoding="utf-8-sig"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        problems.append(Problem(DISTRICTS_FILE, "", f"is not valid JSON ({exc})"))
        return None
    features = raw.get("features") if isinstance(raw, dict) else None
    if raw.get("type") != "FeatureCollection" or not isinstance(features, list):
        problems.append(Problem(DISTRICTS_FILE, "", "is expected to be a GeoJSON FeatureCollection"))
        return None
    crs = _declared_crs(raw, problems)

    records: list[dict] = []
    seen: dict[str, int] = {}
    for number, feature in enumerate(features, start=1):
        props = (feature or {}).get("properties") or {}
        district_id = props.get("id")
        where = f"feature {number}" + (f" (id {district_id!r})" if isinstance(district_id, str) else "")
        ok = True
        if not isinstance(district_id, str) or not ID_PATTERN.match(district_id):
            problems.append(
                Problem(
                    DISTRICTS_FILE,
                    where,
                    f"id was {district_id!r} but is expected to be a lowercase slug such as 'bustan-al-basha'",
                )
            )
            ok = False
        elif district_id in seen:
            problems.append(
                Problem(DISTRICTS_FILE, where, f"id {district_id!r} is a duplicate of feature {seen[district_id]}")
            )
            ok = False
        else:
            seen[district_id] = number
        if not isinstance(props.get("name_en"), str) or not props["name_en"].strip():
            problems.append(Problem(DISTRICTS_FILE, where, "name_en is missing or empty (expected a name)"))
            ok = False
        if not isinstance(props.get("name_ar"), str):
            problems.append(
                Problem(
                    DISTRICTS_FILE,
                    where,
                    'name_ar is missing (expected the Arabic name, or "" where no source gives one)',
                )
            )
            ok = False
        elif not props["name_ar"].strip() and not str(props.get("name_note") or "").strip():
            problems.append(
                Problem(
                    DISTRICTS_FILE,
                    where,
                    "name_ar is empty and no name_note says why (expected the Arabic name, "
                    "or a name_note explaining that no source gives one)",
                    "warning",
                )
            )
        area = props.get("area_km2")
        if area is not None and not (isinstance(area, (int, float)) and area >= 0):
            problems.append(
                Problem(DISTRICTS_FILE, where, f"area_km2 was {area!r} but is expected to be a number >= 0 or absent")
            )
            area = None
        geometry = None
        try:
            geometry = shape(feature["geometry"]) if feature.get("geometry") else None
        except (KeyError, TypeError, ValueError, AttributeError, shapely.errors.GEOSException) as exc:
            problems.append(Problem(DISTRICTS_FILE, where, f"geometry could not be read ({exc})"))
            ok = False
        else:
            if geometry is None or geometry.is_empty:
                problems.append(
                    Problem(DISTRICTS_FILE, where, "geometry is missing or empty (expected a Polygon or MultiPolygon)")
                )
                ok = False
            elif geometry.geom_type not in ("Polygon", "MultiPolygon"):
                problems.append(
                    Problem(
                        DISTRICTS_FILE,
                        where,
                        f"geometry was a {geometry.geom_type} but is expected to be a Polygon or MultiPolygon",
                    )
                )
                ok = False
            elif not geometry.is_valid:
                reason = shapely.is_valid_reason(geometry)
                problems.append(Problem(DISTRICTS_FILE, where, f"geometry is invalid ({reason})"))
                ok = False
        if ok:
            records.append(
                {
                    "district_id": district_id,
                    "name_en": props["name_en"].strip(),
                    "name_ar": props["name_ar"].strip(),
                    "alt_names": _alt_names(props.get("alt_names")),
                    "area_km2": float(area) if area is not None else float("nan"),
                    "location_source": str(props.get("location_source") or ""),
                    "name_sources": _source_ids(props.get("name_sources")),
                    "name_note": str(props.get("name_note") or "").strip(),
                    "place_source_url": "",  # resolved from sources.csv by the loader
                    "geometry": geometry,
                }
            )
    if not features:
        problems.append(Problem(DISTRICTS_FILE, "", "holds no features (expected one per district)"))
    if crs is None:
        return None
    frame = gpd.GeoDataFrame(records, columns=COLUMNS, geometry="geometry", crs=crs)
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
    bad_coords = ~frame.geometry.within(shapely.box(-180, -90, 180, 90)) if len(frame) else []
    for district_id in frame.loc[bad_coords, "district_id"] if len(frame) else []:
        problems.append(
            Problem(
                DISTRICTS_FILE,
                f"id {district_id!r}",
                "geometry lies outside longitude -180..180 / latitude -90..90 (is the file in WGS84?)",
            )
        )
    return frame.reset_index(drop=True)


def suggest_id(unknown: str, known: list[str]) -> str | None:
    """The closest known id to ``unknown``, if any is close."""
    matches = difflib.get_close_matches(unknown, known, n=1, cutoff=0.75)
    return matches[0] if matches else None
