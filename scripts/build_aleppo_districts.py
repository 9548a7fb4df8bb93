"""Rebuild data/aleppo/districts.geojson from the published neighbourhood boundaries.

Inputs, all in the repository so that this runs from a clone:

- scripts/facts/aleppo_neighbourhoods.geojson: the Columbia University Center for Spatial
  Research (CSR) neighbourhood layer, after UN-Habitat's 2013 listing (MIT licence,
  scripts/facts/LICENSE-csr-aleppo.txt), copied unchanged. Names with several polygons are
  dissolved into one district.
- scripts/facts/aleppo_neighbourhoods.csv: the same layer's names, Arabic names, other
  spellings, a point inside each neighbourhood and its area.
- scripts/aleppo_extra_places.csv: places the layer does not have, each with a sources.csv id
  for its location. They get an approximate shape: a circle of their stated area around the
  sourced point, less any published neighbourhood.
- scripts/aleppo_name_facts.csv: other names and notes on names, with their sources.csv ids.

District ids are slugs of the English names, as they always were, so that links keep
working. The output is deterministic. Rerun after any input changes:

    python scripts/build_aleppo_districts.py [--out data/aleppo]
"""

from __future__ import annotations

import argparse
import json
import math
import re
import unicodedata
from pathlib import Path

import pandas as pd
import shapely
from shapely.geometry import mapping, shape

from geo.adjacency import MetricProjection

HERE = Path(__file__).resolve().parent
FACTS = HERE / "facts"
EXTRA_PLACES = HERE / "aleppo_extra_places.csv"
NAME_FACTS = HERE / "aleppo_name_facts.csv"
#: sources.csv id of the published boundaries
BOUNDARY_SOURCE = "csr-aleppo-neighbourhoods"
DECIMALS = 5  # about a metre
DEFAULT_EXTRA_AREA_KM2 = 0.07  # a circle of about 150 m radius where a place's area is not known


def slugify(name: str) -> str:
    """'Bustan al-Basha' -> 'bustan-al-basha'; apostrophes and accents dropped."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    text = re.sub(r"['’‘`]", "", text.lower())
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def split_names(cell: str) -> list[str]:
    """'a; b;' -> ['a', 'b']."""
    return [name.strip() for name in cell.split(";") if name.strip()]


def published_shapes(path: Path) -> dict[str, shapely.Geometry]:
    """One geometry per neighbourhood name, the polygons of a name dissolved into one."""
    parts: dict[str, list] = {}
    for feature in json.loads(path.read_text(encoding="utf-8"))["features"]:
        parts.setdefault(feature["properties"]["NAME"].strip(), []).append(shape(feature["geometry"]))
    return {name: shapely.make_valid(shapely.union_all(polygons)) for name, polygons in parts.items()}


def approximate_shape(lon: float, lat: float, area_km2: float, taken, projection: MetricProjection, name: str):
    """A circle of ``area_km2`` around the point, less the area ``taken`` by other districts."""
    radius = math.sqrt(area_km2 * 1e6 / math.pi)
    circle = projection.to_degrees(projection.to_metres(shapely.Point(lon, lat)).buffer(radius, quad_segs=16))
    left = shapely.difference(circle, taken)
    if left.area < 0.2 * circle.area:
        raise SystemExit(
            f"{EXTRA_PLACES.name}: {name!r} lies inside a published neighbourhood; "
            "add it there as another name (aleppo_name_facts.csv) instead"
        )
    polygons = [g for g in shapely.get_parts(shapely.make_valid(left)) if g.geom_type == "Polygon"]
    return max(polygons, key=lambda g: g.area)  # the circle's main piece, not slivers between neighbourhoods


def build(out: Path, *, facts: Path = FACTS) -> int:
    """Write ``out/districts.geojson``; returns the number of districts."""
    table = pd.read_csv(facts / "aleppo_neighbourhoods.csv", dtype=str, keep_default_na=False)
    table = table.drop_duplicates("name_en").reset_index(drop=True)
    shapes = published_shapes(facts / "aleppo_neighbourhoods.geojson")
    missing = sorted(set(table["name_en"]) ^ set(shapes))
    if missing:
        raise SystemExit(f"names not in both the neighbourhood table and its boundaries: {missing}")
    extra = pd.read_csv(EXTRA_PLACES, dtype=str, keep_default_na=False)
    names = pd.read_csv(NAME_FACTS, dtype=str, keep_default_na=False).set_index("name_en")
    unknown = sorted(set(names.index) - set(table["name_en"]) - set(extra["name_en"]))
    if unknown:
        raise SystemExit(f"{NAME_FACTS.name}: no neighbourhood named {unknown}")

    projection = MetricProjection.around(list(shapes.values()))
    taken = shapely.union_all(list(shapes.values()))
    rows = []
    for row in table.to_dict("records"):
        rows.append(
            (row, shapes[row["name_en"]], {"geometry_source": "published", "geometry_source_id": BOUNDARY_SOURCE})
        )
    for row in extra.to_dict("records"):
        area = float(row["area_km2"]) if row["area_km2"] else DEFAULT_EXTRA_AREA_KM2
        geometry = approximate_shape(float(row["lon"]), float(row["lat"]), area, taken, projection, row["name_en"])
        taken = shapely.union_all([taken, geometry])
        rows.append(
            (row, geometry, {"geometry_source": "approximate", "geometry_source_id": row["source_id"],
                             "location_source": row["source_id"]})
        )  # fmt: skip

    ids = [slugify(row["name_en"]) for row, _, _ in rows]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise SystemExit(f"duplicate ids: {duplicates}")
    features = []
    for district_id, (row, geometry, origin) in zip(ids, rows, strict=True):
        alt_names = split_names(row["alt_names"])
        named = names.loc[row["name_en"]] if row["name_en"] in names.index else None
        if named is not None:
            alt_names += [name for name in split_names(named["alt_names"]) if name not in alt_names]
        properties = {
            "id": district_id,
            "name_en": row["name_en"],
            "name_ar": row["name_ar"],
            "alt_names": alt_names,
            "area_km2": float(row["area_km2"]) if row["area_km2"] else None,
            "centre": [float(row["lat"]), float(row["lon"])],
            **origin,
        }
        if named is not None and named["name_note"]:
            properties["name_note"] = named["name_note"]
        if named is not None and named["source_ids"]:
            properties["name_sources"] = named["source_ids"].split()
        rounded = shapely.set_precision(geometry, 10.0**-DECIMALS)
        features.append({"type": "Feature", "properties": properties, "geometry": _rounded(mapping(rounded))})
    collection = {"type": "FeatureCollection", "features": features}
    out.mkdir(parents=True, exist_ok=True)
    (out / "districts.geojson").write_text(
        json.dumps(collection, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8"
    )
    return len(features)


def _rounded(geometry: dict) -> dict:
    """Coordinates written with DECIMALS places (set_precision leaves float noise such as 37.160000000000004)."""

    def walk(value):
        if isinstance(value, (list, tuple)) and value and isinstance(value[0], (int, float)):
            return [round(float(v), DECIMALS) for v in value]
        return [walk(v) for v in value]

    return {"type": geometry["type"], "coordinates": walk(geometry["coordinates"])}


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE.parent / "data" / "aleppo")
    args = parser.parse_args()
    print(f"wrote {build(args.out)} districts to {args.out / 'districts.geojson'}")


if __name__ == "__main__":
    main()
