"""Exports of a theatre: the state on a day (CSV, GeoJSON), histories, the full change log.

Downloaded files name the data version and the licence: in the file name, and inside a
GeoJSON as top-level members (a CSV keeps exactly the columns of ``geo state``). A CSV's text
cells that a spreadsheet would run as a formula are neutralised (:func:`spreadsheet_cell`).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import TextIO

import numpy as np
import pandas as pd
import shapely
import shapely.geometry

from geo.adjacency import MetricProjection
from geo.compare import COMPARE_COLUMNS, Comparison
from geo.theatre import HISTORY_COLUMNS, STATE_COLUMNS, Theatre

CHANGE_LOG_COLUMNS = [
    "date",
    "district_id",
    "name_en",
    "status",
    "date_precision",
    "confidence",
    "note",
    "sources",
    "source_url",
]


#: How a text cell a spreadsheet would read as a formula begins (OWASP's advice on CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(value: object) -> object:
    """A text cell as a CSV download writes it: one beginning like a formula gets a leading ``'``,
    which spreadsheets show as text; other values are unchanged. The static site's downloads do
    the same (``spreadsheetCell`` in site_data.js; both read ``tests/csv_cell_cases.json``)."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def _write_csv(frame: pd.DataFrame, out: TextIO) -> None:
    safe = frame.copy()
    for column in safe.columns:
        if safe[column].dtype == object or pd.api.types.is_string_dtype(safe[column]):
            safe[column] = safe[column].map(spreadsheet_cell)
    safe.to_csv(out, index=False, lineterminator="\n")


def write_state_csv(theatre: Theatre, date: dt.date | str, out: TextIO) -> None:
    """Every district's status on ``date``, columns ``STATE_COLUMNS``."""
    _write_csv(theatre.state_at(date)[STATE_COLUMNS], out)


def write_history_csv(theatre: Theatre, district_id: str, out: TextIO) -> None:
    """One district's changes in date order, columns ``HISTORY_COLUMNS``."""
    _write_csv(theatre.history(district_id)[HISTORY_COLUMNS], out)


SIMPLIFY_ABOVE_VERTICES = 200_000


def districts_geojson(theatre: Theatre, *, decimals: int = 5, simplify_tolerance: float | None = None) -> dict:
    """The districts as a GeoJSON FeatureCollection for the map, in ``district_ids`` order.

    Coordinates are rounded to ``decimals`` places (5 is about a metre). Theatres
    with more than ``SIMPLIFY_ABOVE_VERTICES`` vertices are simplified first with
    ``shapely.coverage_simplify``, which keeps shared borders shared (no gaps or
    overlaps appear); ``simplify_tolerance`` (degrees) overrides the default of
    about 5 m, and 0 turns simplification off.
    Properties: ``id``, ``name_en``, ``name_ar`` (what the map's tooltips show), ``label``
    (``[lon, lat]``, the centre of the largest circle inside the shape, where its name goes),
    ``label_r`` (that circle's radius in metres) and ``approx`` (true where the shape is
    approximate, drawn with a dotted outline).
    """
    shapes = theatre.districts.geometry.to_numpy()
    centres, radii = label_points(shapes)
    if simplify_tolerance is None:
        simplify_tolerance = 5e-5 if shapely.get_num_coordinates(shapes).sum() > SIMPLIFY_ABOVE_VERTICES else 0.0
    if simplify_tolerance > 0:
        shapes = shapely.coverage_simplify(shapes, simplify_tolerance)
    rounded = shapely.set_precision(shapes, 10.0**-decimals)
    features = []
    rows = zip(theatre.districts.itertuples(index=False), rounded, centres, radii, strict=True)
    for record, geometry, centre, radius in rows:
        properties = {
            "id": record.district_id,
            "name_en": record.name_en,
            "name_ar": record.name_ar,
            "label": [round(float(centre[0]), decimals), round(float(centre[1]), decimals)],
            "label_r": round(float(radius), 1),
        }
        if record.geometry_source == "approximate":
            properties["approx"] = True
        features.append({"type": "Feature", "properties": properties, "geometry": shapely.geometry.mapping(geometry)})
    return {"type": "FeatureCollection", "features": features}


def label_points(shapes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per shape, the centre (lon, lat) and radius in metres of the largest circle inside it
    (found to within 2% of the shape's size): where its name fits best."""
    projection = MetricProjection.around(shapes)
    metric = projection.to_metres(shapes)
    radii_lines = shapely.maximum_inscribed_circle(metric, np.sqrt(shapely.area(metric)) / 50)
    centres = projection.to_degrees(shapely.get_point(radii_lines, 0))
    return shapely.get_coordinates(centres), shapely.length(radii_lines)


def write_comparison_csv(comparison: Comparison, out: TextIO) -> None:
    """The districts whose status differs between two dates (:func:`geo.compare.compare_dates`):
    ``from_date`` and ``to_date``, then the columns ``COMPARE_COLUMNS``."""
    frame = comparison.changed[COMPARE_COLUMNS].copy()
    frame.insert(0, "to_date", comparison.end.isoformat())
    frame.insert(0, "from_date", comparison.start.isoformat())
    frame["area_km2"] = frame["area_km2"].round(4)
    _write_csv(frame, out)


def state_geojson(theatre: Theatre, date: dt.date | str) -> dict:
    """Every district on ``date`` as a GeoJSON FeatureCollection: the map's shapes with the
    columns of ``geo state`` as properties, and the theatre, date, data version, licence and
    attribution as top-level members."""
    shapes = districts_geojson(theatre)
    state = theatre.state_at(date)[STATE_COLUMNS]
    for feature, row in zip(shapes["features"], state.to_dict("records"), strict=True):
        feature["properties"] = row
    return {
        "type": "FeatureCollection",
        "title": theatre.meta.title,
        "date": str(date),
        "data_version": theatre.version,
        "licence": theatre.meta.licence,
        "attribution": theatre.meta.attribution,
        "features": shapes["features"],
    }


def write_state_geojson(theatre: Theatre, date: dt.date | str, out: TextIO) -> None:
    """:func:`state_geojson` as JSON text."""
    json.dump(state_geojson(theatre, date), out, ensure_ascii=False, separators=(",", ":"))


def change_log(theatre: Theatre):
    """Every change in date order (file order within a day) with its district's name and
    its sources, columns ``CHANGE_LOG_COLUMNS``."""
    names = dict(zip(theatre.district_ids, theatre.districts["name_en"], strict=True))
    frame = theatre.changes.copy()
    frame["name_en"] = frame["district_id"].map(names)
    if "sources" not in frame:
        frame["sources"] = ""
    return frame[CHANGE_LOG_COLUMNS].reset_index(drop=True)


def write_change_log_csv(theatre: Theatre, out: TextIO) -> None:
    """:func:`change_log` as CSV."""
    _write_csv(change_log(theatre), out)


#: The most characters each part of a download's file name keeps (names stay well under 255 bytes).
NAME_PART_CHARACTERS = 48


def download_name(theatre: Theatre, what: str, suffix: str) -> str:
    """A file name that names the theatre, what it holds, the data version and the licence,
    e.g. ``aleppo_2016-10-07_data-1a2b3c4d_CC-BY-4.0.csv``."""
    parts = [theatre.directory.name if theatre.directory is not None else "theatre", what]
    if theatre.version:
        parts.append(f"data-{theatre.version}")
    if theatre.meta.licence:
        parts.append(theatre.meta.licence)
    # each part cut: a long licence or folder name must not make a name no file system takes
    return "_".join(re.sub(r"[^A-Za-z0-9.-]+", "-", p).strip("-")[:NAME_PART_CHARACTERS] for p in parts) + suffix
