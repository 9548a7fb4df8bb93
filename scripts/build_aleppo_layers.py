"""Rebuild data/aleppo/layers/ (the evidence layers) from the shared reference facts.

Inputs: the Columbia University Center for Spatial Research's "Conflict Urbanism: Aleppo"
layers (github.com/CenterForSpatialResearch/aleppo_test, commit 3f750b9, map/data/*.geojson,
MIT licence), as copied into the shared facts folder:

- aleppo_damage_sites_hrw.geojson: damage sites seen on satellite images, credited to
  Human Rights Watch;
- aleppo_damage_unosat_2015.geojson: UNITAR-UNOSAT's damage assessment of April/May 2015;
- aleppo_cultural_sites.geojson: heritage and civic sites.

The outputs keep only what the map needs, rounded to 5 decimals (about a metre), with
points of the same date and category merged into one MultiPoint to keep the files small.
The output is deterministic:

    python scripts/build_aleppo_layers.py --facts ../shared/facts [--out data/aleppo/layers]
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
CSR = "Columbia University Center for Spatial Research, Conflict Urbanism: Aleppo (MIT licence)"
CSR_URL = "https://github.com/CenterForSpatialResearch/aleppo_test"

HRW_CAUSES = [
    ("Air Strike / Missile (SSM)", "Air strike or missile", "#0072B2"),
    ("Artillery (Mortar / Howitzer)", "Artillery (mortar, howitzer)", "#56B4E9"),
    ("Ground Fire (MBT/MBRL/GRAD)", "Ground fire (tanks, rocket launchers)", "#E69F00"),
    ("Explosive charge (Other)", "Explosive charge", "#F0E442"),
    ("Arson (ZABs)", "Arson", "#D55E00"),
    ("Demolition (bulldozer, tank)", "Demolition", "#CC79A7"),
    ("Unknown / Uncertain", "Unknown or uncertain", "#999999"),
]
# Class meanings as CSR's map of the UNOSAT data labels them (red: destroyed, orange: severely,
# yellow: moderately damaged), the three classes of UNOSAT's published Aleppo maps. No source
# found documents class 6, so it is labelled by its code.
UNOSAT_CLASSES = [
    ("1", "Destroyed (class 1)", "#67000D"),
    ("2", "Severely damaged (class 2)", "#CB181D"),
    ("3", "Moderately damaged (class 3)", "#FB6A4A"),
    ("6", "Class 6 (meaning not documented in the sources found)", "#FCBBA1"),
]
CULTURAL_TYPES = [
    ("Religious", "Religious", "#7B3294"),
    ("Commercial", "Commercial", "#1B7837"),
    ("Civic", "Civic", "#2166AC"),
    ("Eductional", "Educational", "#B35806"),  # the source's spelling
    ("Residential", "Residential", "#5E5E5E"),
]

LAYERS = {
    "hrw-damage-sites": {
        "order": 1,
        "title": "Damage sites seen on satellite images (Human Rights Watch)",
        "kind": "points",
        "about": (
            "3,364 sites where Human Rights Watch saw damage on satellite images of Aleppo taken from "
            "October 2013 to September 2015, by likely cause. A site appears on the date of the image on "
            "which it was first seen; the damage happened before that, between that image and the one before."
        ),
        "caveat": (
            "Evidence of damage, not of control: it does not show who held a place or who caused the damage. "
            "Damage before October 2013 and after the last image is not in it."
        ),
        "credit": "Human Rights Watch; via " + CSR,
        "short_credit": "Human Rights Watch via CSR",
        "credit_url": CSR_URL,
        "category_property": "cause",
        "categories": [{"value": v, "label": label, "color": colour} for v, label, colour in HRW_CAUSES],
        "date_property": "date",
    },
    "unosat-damage-2015": {
        "order": 2,
        "title": "Damaged structures, April-May 2015 (UNITAR-UNOSAT)",
        "kind": "density",
        "about": (
            "UNITAR-UNOSAT's damage assessment of Pleiades satellite images of 26 April and 1 May 2015: "
            "14,058 damaged structures, shown as structures damaged per km² in each district, by damage class."
        ),
        "caveat": (
            "Evidence of damage seen from above on two days in 2015, not of control, and not of when or by "
            "whom. Class 6 is shown by its code: no source found documents its meaning."
        ),
        "credit": "UNITAR-UNOSAT; via " + CSR,
        "short_credit": "UNITAR-UNOSAT via CSR",
        "credit_url": CSR_URL,
        "category_property": "class",
        "categories": [{"value": v, "label": label, "color": colour} for v, label, colour in UNOSAT_CLASSES],
    },
    "cultural-sites": {
        "order": 3,
        "title": "Heritage and civic sites",
        "kind": "points",
        "about": "210 named heritage and civic places: mosques, churches, souqs, schools, gates, civic buildings.",
        "caveat": "Places, not events: a site on the map says nothing about damage to it or about who held it.",
        "credit": CSR,
        "short_credit": "Columbia CSR",
        "credit_url": CSR_URL,
        "category_property": "type",
        "categories": [{"value": v, "label": label, "color": colour} for v, label, colour in CULTURAL_TYPES],
        "label_property": "name",
    },
}


def _xy(feature: dict) -> list[float]:
    x, y = feature["geometry"]["coordinates"][:2]
    return [round(float(x), 5), round(float(y), 5)]


def _grouped(groups: dict[tuple, list], keys: tuple[str, ...]) -> dict:
    features = []
    for group in sorted(groups):
        points = sorted(groups[group])
        features.append(
            {
                "type": "Feature",
                "properties": dict(zip(keys, group, strict=True)),
                "geometry": {"type": "MultiPoint", "coordinates": points},
            }
        )
    return {"type": "FeatureCollection", "features": features}


def build(facts: Path, out: Path) -> dict[str, int]:
    """Write every layer into ``out``; returns the number of points per layer."""

    def read(name: str) -> list[dict]:
        return json.loads((facts / name).read_text(encoding="utf-8"))["features"]

    counts = {}
    groups: dict[tuple, list] = defaultdict(list)
    for feature in read("aleppo_damage_sites_hrw.geojson"):
        p = feature["properties"]
        groups[(p["SensorDate"].replace("/", "-"), p["Cause"])].append(_xy(feature))
    collections = {"hrw-damage-sites": _grouped(groups, ("date", "cause"))}

    groups = defaultdict(list)
    for feature in read("aleppo_damage_unosat_2015.geojson"):
        p = feature["properties"]
        groups[(str(p["Main_Dam_2"]), p["SiteID"])].append(_xy(feature))
    collections["unosat-damage-2015"] = _grouped(groups, ("class", "structure"))

    cultural = []
    for feature in sorted(read("aleppo_cultural_sites.geojson"), key=lambda f: (f["properties"]["FACILITY_N"], _xy(f))):
        p = feature["properties"]
        cultural.append(
            {
                "type": "Feature",
                "properties": {"name": p["FACILITY_N"].strip(), "type": p["Typology"]},
                "geometry": {"type": "Point", "coordinates": _xy(feature)},
            }
        )
    collections["cultural-sites"] = {"type": "FeatureCollection", "features": cultural}

    out.mkdir(parents=True, exist_ok=True)
    for layer_id, collection in collections.items():
        (out / f"{layer_id}.geojson").write_text(
            json.dumps(collection, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8"
        )
        (out / f"{layer_id}.json").write_text(
            json.dumps(LAYERS[layer_id], ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        counts[layer_id] = sum(
            len(f["geometry"]["coordinates"]) if f["geometry"]["type"] == "MultiPoint" else 1
            for f in collection["features"]
        )
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--facts", type=Path, default=HERE.parents[1] / "shared" / "facts")
    parser.add_argument("--out", type=Path, default=HERE.parent / "data" / "aleppo" / "layers")
    args = parser.parse_args()
    for layer_id, n in build(args.facts, args.out).items():
        print(f"wrote {n:,} points to {args.out / (layer_id + '.geojson')}")


if __name__ == "__main__":
    main()
