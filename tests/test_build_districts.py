"""scripts/build_aleppo_districts.py: the published boundaries, every old id kept, deterministic."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
import shapely
from shapely.geometry import shape

from geo.adjacency import neighbours

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "data" / "aleppo" / "districts.geojson"

#: Every district id shipped before the published boundaries replaced the Voronoi cells
#: (share links carry them, so none may disappear).
IDS_BEFORE = (ROOT / "tests" / "aleppo_ids_before_boundaries.txt").read_text(encoding="utf-8").split()


def _script():
    spec = importlib.util.spec_from_file_location(
        "build_aleppo_districts", ROOT / "scripts" / "build_aleppo_districts.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict:
    out = tmp_path_factory.mktemp("built")
    _script().build(out)
    return json.loads((out / "districts.geojson").read_text(encoding="utf-8"))


def test_the_build_keeps_every_id_and_is_what_ships(built):
    ids = [f["properties"]["id"] for f in built["features"]]
    assert len(IDS_BEFORE) == 127
    assert set(IDS_BEFORE) <= set(ids)
    assert len(ids) == len(set(ids))
    assert built == json.loads(SHIPPED.read_text(encoding="utf-8"))  # rerunning the script changes nothing


def test_names_with_several_polygons_are_one_district_with_the_published_shape(built):
    facts = json.loads((ROOT / "scripts" / "facts" / "aleppo_neighbourhoods.geojson").read_text(encoding="utf-8"))
    tishreen = [shape(f["geometry"]) for f in facts["features"] if f["properties"]["NAME"] == "Tishreen"]
    assert len(tishreen) == 3
    ours = [f for f in built["features"] if f["properties"]["name_en"] == "Tishreen"]
    assert len(ours) == 1
    published = shapely.union_all(tishreen)
    mine = shape(ours[0]["geometry"])
    assert shapely.area(shapely.intersection(mine, published)) / shapely.area(shapely.union(mine, published)) > 0.99
    assert ours[0]["properties"]["geometry_source"] == "published"


def test_handarat_camp_is_approximate_with_its_location_source_and_outside_the_city(built):
    shapes = {f["properties"]["id"]: f for f in built["features"]}
    camp = shapes.pop("handarat-camp")
    assert camp["properties"]["geometry_source"] == "approximate"
    assert camp["properties"]["geometry_source_id"] == "wikipedia-bn-ein-el-tal"
    assert shape(camp["geometry"]).contains(shapely.Point(37.18194, 36.27722))
    assert {f["properties"]["geometry_source"] for f in shapes.values()} == {"published"}
    city = shapely.union_all([shape(f["geometry"]) for f in shapes.values()])
    assert shapely.area(shapely.intersection(shape(camp["geometry"]), city)) < 1e-9


def test_neighbourhoods_separated_by_streets_are_neighbours(aleppo_theatre):
    touching = neighbours(aleppo_theatre)
    assert {"bustan-al-qaser", "al-fardos"} <= touching["al-kallaseh"]
    assert {"al-midan", "ash-sheikh-maqsoud", "al-suleimaniyeh"} <= touching["bustan-al-basha"]
    alone = sorted(d for d, n in touching.items() if not n)
    assert alone == ["handarat-camp", "sheikh-najjar"]  # outlying places
