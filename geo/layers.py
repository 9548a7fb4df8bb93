"""Evidence layers: optional point data shown over the control map (damage, heritage sites).

A theatre may bring any number in ``layers/``: ``<id>.geojson`` (Point or MultiPoint
features; a MultiPoint's properties apply to each of its points) and ``<id>.json``, its
metadata. They are evidence of what happened to places, never of who controlled them;
the metadata must say what each layer is and is not. Format: data/README.md.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import numpy as np
import pandas as pd
import shapely

from geo import theatre_files
from geo.dates import day_number, parse_date
from geo.errors import Problem, shown
from geo.jsonfile import read_json
from geo.urls import is_http_url

LAYERS_DIR = "layers"
KINDS = ("points", "density")
REQUIRED_META = ("title", "kind", "about", "caveat", "credit")
COLOUR = re.compile(r"^#[0-9a-fA-F]{6}\Z")
#: A point this close to a district (in degrees, about 25 m) counts as in it: published
#: neighbourhood layers leave the streets between neighbourhoods out.
NEAREST_DISTRICT_DEG = 0.00025


@dataclass(frozen=True)
class EvidenceLayer:
    """One evidence layer, read and checked.

    Attributes
    ----------
    id : str
        The file name without extension (``layers/<id>.geojson``).
    meta : dict
        The metadata file as read (see data/README.md for its keys).
    points : pandas.DataFrame
        One row per point: ``lon``, ``lat``, ``category`` (index into ``meta["categories"]``,
        or -1), ``day`` (day number of its date, or -1 for an undated layer), ``label``
        and ``district`` (position of the district it lies in, or -1). Sorted by day.
    """

    id: str
    meta: dict
    points: pd.DataFrame = field(repr=False)

    @property
    def categories(self) -> list[dict]:
        return list(self.meta.get("categories") or [])

    @property
    def dated(self) -> bool:
        return bool(self.meta.get("date_property"))

    def district_counts(self, position: int, value: str | dt.date | None = None) -> dict[str, int]:
        """How many points lie in one district (up to a date, for a dated layer), by category
        label (all under ``""`` for a layer without categories), categories in their order."""
        districts, days, categories = self._by_district
        lo, hi = (int(i) for i in np.searchsorted(districts, [position, position + 1]))
        if self.dated and value is not None:
            hi = lo + int(np.searchsorted(days[lo:hi], day_number(parse_date(value)), side="right"))
        counts = np.bincount(categories[lo:hi] + 1, minlength=len(self.categories) + 1)
        if not self.categories:
            return {"": int(counts.sum())}
        return {c["label"]: int(n) for c, n in zip(self.categories, counts[1:], strict=True)}

    @cached_property
    def _by_district(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The points' districts, days and categories, sorted by district then day (once: a
        district's counts are then two binary searches, not a pass over every point)."""
        districts = self.points["district"].to_numpy()
        days = self.points["day"].to_numpy() if self.dated else np.zeros(len(districts), dtype=np.int64)
        order = np.lexsort((days, districts))
        return districts[order], days[order], self.points["category"].to_numpy()[order]

    def payload(self, district_areas_km2: np.ndarray | None = None) -> dict:
        """What the map needs, as plain JSON: the metadata, and for ``points`` layers the
        points (``lon``, ``lat``, ``cat``, ``day``, ``label``); for ``density`` layers the count
        per district and category, and the districts' areas."""
        out = {"id": self.id, **{k: v for k, v in self.meta.items() if k != "categories"}}
        out["categories"] = [{"label": c["label"], "color": c["color"]} for c in self.categories]
        p = self.points
        if self.meta["kind"] == "density":
            if district_areas_km2 is None:
                raise ValueError("a density layer's payload needs the districts' areas")
            inside = p[p["district"] >= 0]
            width = max(len(self.categories), 1)
            table = np.zeros((len(district_areas_km2), width), dtype=np.int64)
            np.add.at(table, (inside["district"].to_numpy(), np.clip(inside["category"].to_numpy(), 0, None)), 1)
            out["counts"] = table.tolist()
            out["area_km2"] = [round(float(a), 4) for a in district_areas_km2]
            return out
        out["lon"] = p["lon"].round(5).tolist()
        out["lat"] = p["lat"].round(5).tolist()
        out["cat"] = p["category"].tolist()
        out["day"] = p["day"].tolist() if self.dated else None
        out["label"] = p["label"].tolist() if self.meta.get("label_property") else None
        return out


#: The types a category's value, and a feature's category property, may have (JSON scalars).
SCALARS = (str, int, float, bool, type(None))
#: Metadata keys that name a feature property, when given.
PROPERTY_KEYS = ("category_property", "date_property", "label_property")


def _read_meta(directory: Path, path: Path, problems: list[Problem]) -> dict | None:
    name = f"{LAYERS_DIR}/{path.name}"
    if not theatre_files.exists(path):
        problems.append(Problem(name, "", "file is missing (each layer needs its metadata beside the GeoJSON)"))
        return None
    readable, meta = read_json(path, name, problems, folder=directory)
    if not readable:
        return None
    if not isinstance(meta, dict):
        problems.append(Problem(name, "", f"is expected to hold a JSON object, not {type(meta).__name__}"))
        return None
    before = len(problems)
    order = meta.get("order", 0)
    if isinstance(order, bool) or not isinstance(order, int | float):
        problems.append(Problem(name, "key 'order'", f"was {shown(order)} but is expected to be a number"))
    for key in PROPERTY_KEYS:
        if meta.get(key) is not None and not (isinstance(meta[key], str) and meta[key].strip()):
            problems.append(
                Problem(name, f"key {key!r}", f"was {shown(meta[key])} but is expected to be a property's name")
            )
    if meta.get("credit_url") is not None and not (
        isinstance(meta["credit_url"], str) and is_http_url(meta["credit_url"])
    ):
        problems.append(
            Problem(name, "key 'credit_url'", f"was {shown(meta['credit_url'])} but is expected to be an http(s) URL")
        )
    for key in REQUIRED_META:
        if not isinstance(meta.get(key), str) or not meta[key].strip():
            problems.append(Problem(name, f"key {key!r}", "is missing or empty (expected text)"))
    if meta.get("kind") not in KINDS:
        problems.append(
            Problem(name, "key 'kind'", f"was {meta.get('kind')!r} but is expected to be one of {list(KINDS)}")
        )
    categories = meta.get("categories")
    if meta.get("category_property") is not None:
        if not isinstance(categories, list) or not categories:
            problems.append(
                Problem(name, "key 'categories'", "is expected to list the categories (value, label, color)")
            )
        else:
            for number, category in enumerate(categories, start=1):
                if not (
                    isinstance(category, dict)
                    and isinstance(category.get("label"), str)
                    and "value" in category
                    and isinstance(category["value"], SCALARS)
                    and isinstance(category.get("color"), str)
                    and COLOUR.match(category["color"])
                ):
                    problems.append(
                        Problem(
                            name,
                            f"category {number}",
                            "is expected to be {value, label, color}: value a text or a number, color as #rrggbb",
                        )
                    )
    if meta.get("kind") == "density" and meta.get("date_property"):
        problems.append(Problem(name, "key 'date_property'", "is not supported for a density layer"))
    return meta if len(problems) == before else None


def _iso_day(value) -> int | None:
    try:
        return day_number(dt.date.fromisoformat(str(value)))
    except ValueError:
        return None


def read_layer(directory: Path, layer_id: str, districts, problems: list[Problem]) -> EvidenceLayer | None:
    """Read and check one layer; ``districts`` is the theatre's GeoDataFrame (for the
    district each point lies in). Every problem is appended to ``problems``."""
    meta = _read_meta(directory, directory / LAYERS_DIR / f"{layer_id}.json", problems)
    name = f"{LAYERS_DIR}/{layer_id}.geojson"
    readable, raw = read_json(directory / LAYERS_DIR / f"{layer_id}.geojson", name, problems, folder=directory)
    if not readable:
        return None
    features = raw.get("features") if isinstance(raw, dict) else None
    if not isinstance(features, list):
        problems.append(Problem(name, "", "is expected to be a GeoJSON FeatureCollection"))
        return None
    if meta is None:
        return None
    values = {c["value"]: i for i, c in enumerate(meta.get("categories") or [])}
    category_key, date_key, label_key = (
        meta.get("category_property"),
        meta.get("date_property"),
        meta.get("label_property"),
    )
    rows: list[tuple] = []
    for number, feature in enumerate(features, start=1):
        where = f"feature {number}"
        if not isinstance(feature, dict):
            problems.append(
                Problem(name, where, f"was {shown(feature)} but is expected to be a GeoJSON Feature object")
            )
            continue
        props = feature.get("properties")
        if props is None:
            props = {}
        elif not isinstance(props, dict):
            problems.append(Problem(name, where, f"properties was {shown(props)} but is expected to be an object"))
            continue
        coordinates = _point_coordinates(feature.get("geometry"))
        if isinstance(coordinates, str):
            problems.append(Problem(name, where, coordinates))
            continue
        category = -1
        if category_key is not None:
            value = props.get(category_key)
            if not isinstance(value, SCALARS) or value not in values:
                problems.append(
                    Problem(name, where, f"{category_key} was {shown(value)}, not a category in {layer_id}.json")
                )
                continue
            category = values[props[category_key]]
        day = -1
        if date_key:
            found = _iso_day(props.get(date_key))
            if found is None:
                problems.append(
                    Problem(name, where, f"{date_key} was {props.get(date_key)!r} but is expected to be YYYY-MM-DD")
                )
                continue
            day = found
        label = str(props.get(label_key) or "") if label_key else ""
        rows.extend((x, y, category, day, label) for x, y in coordinates)
    points = pd.DataFrame(rows, columns=["lon", "lat", "category", "day", "label"])
    points = points.astype({"category": np.int64, "day": np.int64})
    if len(points):
        outside = ~((points["lon"].abs() <= 180) & (points["lat"].abs() <= 90))
        if outside.any():
            problems.append(
                Problem(name, "", f"{int(outside.sum())} point(s) lie outside longitude -180..180 / latitude -90..90")
            )
            return None
    points = points.sort_values("day", kind="stable").reset_index(drop=True)
    points["district"] = _district_of(points, districts)
    return EvidenceLayer(layer_id, meta, points)


def _point_coordinates(geometry) -> list[tuple[float, float]] | str:
    """The (lon, lat) pairs of a GeoJSON Point or MultiPoint, or what is wrong with it."""
    kind = geometry.get("type") if isinstance(geometry, dict) else None
    if kind not in ("Point", "MultiPoint"):
        return f"geometry was a {kind or 'missing geometry'} but is expected to be a Point or MultiPoint"
    raw = geometry.get("coordinates")
    pairs = [raw] if kind == "Point" else raw
    try:
        found = [(float(xy[0]), float(xy[1])) for xy in pairs]
    except (TypeError, ValueError, IndexError):
        return f"coordinates were {shown(raw)} but are expected to be [lon, lat] pairs of numbers"
    return found or "geometry is empty (expected at least one point)"


def _district_of(points: pd.DataFrame, districts) -> np.ndarray:
    """Position of the district each point lies in, or of the nearest within NEAREST_DISTRICT_DEG; -1 if none."""
    if districts is None or not len(points):
        return np.full(len(points), -1, dtype=np.int64)
    tree = shapely.STRtree(districts.geometry.to_numpy())
    geometries = shapely.points(points["lon"].to_numpy(), points["lat"].to_numpy())
    found = np.full(len(points), -1, dtype=np.int64)
    point_index, district_index = tree.query(geometries, predicate="intersects")
    found[point_index[::-1]] = district_index[::-1]  # the first match wins where districts overlap
    outside = np.flatnonzero(found < 0)
    if len(outside):
        near_point, near_district = tree.query_nearest(
            geometries[outside], max_distance=NEAREST_DISTRICT_DEG, all_matches=False
        )
        found[outside[near_point]] = near_district
    return found


def read_layers(directory: Path, districts, problems: list[Problem]) -> list[EvidenceLayer]:
    """Every layer in ``directory/layers/``, ordered by their ``order`` key, then id."""
    folder = directory / LAYERS_DIR
    if not folder.is_dir():
        return []
    try:
        if not folder.resolve(strict=True).is_relative_to(directory.resolve(strict=True)):
            problems.append(
                Problem(LAYERS_DIR, "", "resolves to a folder outside the theatre folder, which is not read")
            )
            return []
    except (OSError, RuntimeError):
        problems.append(Problem(LAYERS_DIR, "", "could not be opened"))
        return []
    layers = []
    for path in sorted(folder.glob("*.geojson")):
        layer = read_layer(directory, path.stem, districts, problems)
        if layer is not None:
            layers.append(layer)
    for path in sorted(folder.glob("*.json")):
        if not (folder / f"{path.stem}.geojson").is_file():
            problems.append(Problem(f"{LAYERS_DIR}/{path.name}", "", f"has no {path.stem}.geojson beside it"))
    return sorted(layers, key=lambda layer: (float(layer.meta.get("order", 0)), layer.id))


#: Keys of :meth:`EvidenceLayer.payload` that hold data (the rest is metadata for the legend).
LAYER_DATA_KEYS = ("lon", "lat", "cat", "day", "label", "counts", "area_km2")


def layer_payloads(layers: list[EvidenceLayer], district_areas_km2: np.ndarray) -> list[dict]:
    """Every layer's :meth:`EvidenceLayer.payload` (density layers with the districts' areas)."""
    return [layer.payload(district_areas_km2 if layer.meta["kind"] == "density" else None) for layer in layers]


def layer_spec(payload: dict) -> dict:
    """A payload without its data (``LAYER_DATA_KEYS``): what the map needs before fetching it."""
    return {k: v for k, v in payload.items() if k not in LAYER_DATA_KEYS}
