"""CSV exports of a theatre's state and histories."""

from __future__ import annotations

import datetime as dt
from typing import TextIO

import shapely
import shapely.geometry

from geo.compare import COMPARE_COLUMNS, Comparison
from geo.theatre import HISTORY_COLUMNS, STATE_COLUMNS, Theatre


def write_state_csv(theatre: Theatre, date: dt.date | str, out: TextIO) -> None:
    """Every district's status on ``date``, columns ``STATE_COLUMNS``."""
    theatre.state_at(date)[STATE_COLUMNS].to_csv(out, index=False, lineterminator="\n")


def write_history_csv(theatre: Theatre, district_id: str, out: TextIO) -> None:
    """One district's changes in date order, columns ``HISTORY_COLUMNS``."""
    theatre.history(district_id)[HISTORY_COLUMNS].to_csv(out, index=False, lineterminator="\n")


SIMPLIFY_ABOVE_VERTICES = 200_000


def districts_geojson(theatre: Theatre, *, decimals: int = 5, simplify_tolerance: float | None = None) -> dict:
    """The districts as a GeoJSON FeatureCollection for the map, in ``district_ids`` order.

    Coordinates are rounded to ``decimals`` places (5 is about a metre). Theatres
    with more than ``SIMPLIFY_ABOVE_VERTICES`` vertices are simplified first with
    ``shapely.coverage_simplify``, which keeps shared borders shared (no gaps or
    overlaps appear); ``simplify_tolerance`` (degrees) overrides the default of
    about 5 m, and 0 turns simplification off.
    Properties: ``id``, ``name_en``, ``name_ar`` (what the map's tooltips show).
    """
    shapes = theatre.districts.geometry.to_numpy()
    if simplify_tolerance is None:
        simplify_tolerance = 5e-5 if shapely.get_num_coordinates(shapes).sum() > SIMPLIFY_ABOVE_VERTICES else 0.0
    if simplify_tolerance > 0:
        shapes = shapely.coverage_simplify(shapes, simplify_tolerance)
    rounded = shapely.set_precision(shapes, 10.0**-decimals)
    features = []
    for record, geometry in zip(theatre.districts.itertuples(index=False), rounded, strict=True):
        features.append(
            {
                "type": "Feature",
                "properties": {"id": record.district_id, "name_en": record.name_en, "name_ar": record.name_ar},
                "geometry": shapely.geometry.mapping(geometry),
            }
        )
    return {"type": "FeatureCollection", "features": features}


def write_comparison_csv(comparison: Comparison, out: TextIO) -> None:
    """The districts whose status differs between two dates (:func:`geo.compare.compare_dates`):
    ``from_date`` and ``to_date``, then the columns ``COMPARE_COLUMNS``."""
    frame = comparison.changed[COMPARE_COLUMNS].copy()
    frame.insert(0, "to_date", comparison.end.isoformat())
    frame.insert(0, "from_date", comparison.start.isoformat())
    frame["area_km2"] = frame["area_km2"].round(4)
    frame.to_csv(out, index=False, lineterminator="\n")
