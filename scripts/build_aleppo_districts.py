"""Rebuild data/aleppo/districts.geojson from the shared reference facts.

Approximate boundaries: the Voronoi cell of each neighbourhood's centre point,
clipped to the city's built-up outline. Places with no row in the facts file come
from scripts/aleppo_extra_places.csv, each citing a sources.csv id for its location;
other names and notes on names come from scripts/aleppo_name_facts.csv, with the
sources.csv ids that give them. Rerun after any of them changes:

    python scripts/build_aleppo_districts.py --facts ../shared/facts --out data/aleppo
"""

from __future__ import annotations

import argparse
import json
import re
import unicodedata
from pathlib import Path

import pandas as pd
import shapely
from shapely.geometry import mapping, shape

from geo.boundaries import voronoi_cells

EXTRA_PLACES = Path(__file__).with_name("aleppo_extra_places.csv")
NAME_FACTS = Path(__file__).with_name("aleppo_name_facts.csv")


def slugify(name: str) -> str:
    """'Bustan al-Basha' -> 'bustan-al-basha'; apostrophes and accents dropped."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    text = re.sub(r"['’‘`]", "", text.lower())
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def split_names(cell: str) -> list[str]:
    """'a; b;' -> ['a', 'b']."""
    return [name.strip() for name in cell.split(";") if name.strip()]


def build(facts: Path, out: Path) -> int:
    table = pd.read_csv(
        facts / "aleppo_neighbourhoods.csv", dtype={"name_en": str, "name_ar": str}, keep_default_na=False
    )
    # Places the facts file has no row for, each with a source for its location (see the CSV).
    extra = pd.read_csv(EXTRA_PLACES, dtype={"name_en": str, "name_ar": str}, keep_default_na=False)
    table = pd.concat([table, extra.drop(columns=["source_id"])], ignore_index=True)
    located_by = dict(zip(extra["name_en"], extra["source_id"], strict=True))
    names = pd.read_csv(NAME_FACTS, dtype=str, keep_default_na=False).set_index("name_en")
    unknown = sorted(set(names.index) - set(table["name_en"]))
    if unknown:
        raise SystemExit(f"{NAME_FACTS.name}: no neighbourhood named {unknown}")
    outline = shapely.union_all(
        [shape(f["geometry"]) for f in json.loads((facts / "aleppo_outline.geojson").read_text())["features"]]
    )
    ids = table["name_en"].map(slugify)
    if ids.duplicated().any():
        raise SystemExit(f"duplicate ids: {sorted(ids[ids.duplicated()])}")
    cells = voronoi_cells(table["lon"].to_numpy(float), table["lat"].to_numpy(float), outline)
    features = []
    for (_, row), district_id, cell in zip(table.iterrows(), ids, cells, strict=True):
        geometry = mapping(shapely.set_precision(cell, 1e-5))
        alt_names = split_names(row["alt_names"])
        named = names.loc[row["name_en"]] if row["name_en"] in names.index else None
        if named is not None:
            alt_names += [name for name in split_names(named["alt_names"]) if name not in alt_names]
        features.append(
            {
                "type": "Feature",
                "properties": {
                    "id": district_id,
                    "name_en": row["name_en"],
                    "name_ar": row["name_ar"],
                    "alt_names": alt_names,
                    "area_km2": float(row["area_km2"]) if row["area_km2"] != "" else None,
                    "centre": [float(row["lat"]), float(row["lon"])],
                    "geometry_quality": "approximate",
                    **({"location_source": located_by[row["name_en"]]} if row["name_en"] in located_by else {}),
                    **({"name_note": named["name_note"]} if named is not None and named["name_note"] else {}),
                    **(
                        {"name_sources": named["source_ids"].split()}
                        if named is not None and named["source_ids"]
                        else {}
                    ),
                },
                "geometry": geometry,
            }
        )
    collection = {"type": "FeatureCollection", "features": features}
    out.mkdir(parents=True, exist_ok=True)
    (out / "districts.geojson").write_text(
        json.dumps(collection, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8"
    )
    return len(features)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    here = Path(__file__).resolve().parents[1]
    parser.add_argument("--facts", type=Path, default=here.parent / "shared" / "facts")
    parser.add_argument("--out", type=Path, default=here / "data" / "aleppo")
    args = parser.parse_args()
    print(f"wrote {build(args.facts, args.out)} districts to {args.out / 'districts.geojson'}")


if __name__ == "__main__":
    main()
