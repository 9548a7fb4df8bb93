"""Evidence layers (layers/<id>.geojson + <id>.json): read, checked, counted per district and date."""

from __future__ import annotations

import json

import numpy as np
import pytest

from geo import DataError, load_theatre
from geo.cli import main
from geo.layers import LAYER_DATA_KEYS

META = {
    "title": "Test damage",
    "kind": "points",
    "about": "Points for a test.",
    "caveat": "Evidence of damage, not of control.",
    "credit": "A test",
    "category_property": "cause",
    "categories": [
        {"value": "air", "label": "Air strike", "color": "#0072B2"},
        {"value": "shell", "label": "Shelling", "color": "#E69F00"},
    ],
    "date_property": "date",
}


def point(x: float, y: float, **properties) -> dict:
    return {"type": "Feature", "properties": properties, "geometry": {"type": "Point", "coordinates": [x, y]}}


def write_layer(folder, layer_id: str, features: list[dict], meta: dict | None = None) -> None:
    (folder / "layers").mkdir(exist_ok=True)
    (folder / "layers" / f"{layer_id}.geojson").write_text(
        json.dumps({"type": "FeatureCollection", "features": features})
    )
    if meta is not None:
        (folder / "layers" / f"{layer_id}.json").write_text(json.dumps(meta))


def test_points_are_placed_in_districts_and_counted_up_to_a_date(theatre_dir):
    features = [
        point(0.015, 0.015, cause="air", date="2020-02-01"),  # north-east
        point(0.015, 0.015, cause="shell", date="2020-05-01"),
        {
            "type": "Feature",
            "properties": {"cause": "air", "date": "2020-04-01"},
            "geometry": {"type": "MultiPoint", "coordinates": [[0.005, 0.005], [0.0151, 0.0151]]},
        },
        point(0.5, 0.5, cause="air", date="2020-03-01"),  # in no district
    ]
    write_layer(theatre_dir, "damage", features, META)
    theatre = load_theatre(theatre_dir)
    [layer] = theatre.layers
    north_east = theatre.require_district("north-east")
    assert layer.district_counts(north_east, "2020-01-31") == {"Air strike": 0, "Shelling": 0}
    assert layer.district_counts(north_east, "2020-04-01") == {"Air strike": 2, "Shelling": 0}
    assert layer.district_counts(north_east, "2020-12-31") == {"Air strike": 2, "Shelling": 1}
    assert layer.district_counts(theatre.require_district("south-west"), "2020-12-31") == {
        "Air strike": 1,
        "Shelling": 0,
    }
    payload = layer.payload()
    assert payload["day"] == sorted(payload["day"]) and len(payload["lon"]) == 5
    assert payload["categories"] == [
        {"label": "Air strike", "color": "#0072B2"},
        {"label": "Shelling", "color": "#E69F00"},
    ]
    assert set(LAYER_DATA_KEYS) >= {"lon", "lat", "cat", "day", "label"}


def test_a_density_layer_counts_per_district_and_category(theatre_dir):
    meta = {k: v for k, v in META.items() if k != "date_property"} | {"kind": "density"}
    write_layer(theatre_dir, "density", [point(0.015, 0.015, cause="air"), point(0.005, 0.015, cause="shell")], meta)
    theatre = load_theatre(theatre_dir)
    areas = theatre.areas_km2
    assert areas == pytest.approx(np.full(4, 1.1132 * 1.1056), rel=0.01)  # 0.01° squares near the equator
    payload = theatre.layers[0].payload(areas)
    assert payload["counts"] == [[1, 0], [0, 1], [0, 0], [0, 0]]
    with pytest.raises(ValueError, match="needs the districts' areas"):
        theatre.layers[0].payload()


def test_every_layer_problem_is_named_by_file_feature_and_field(theatre_dir):
    write_layer(
        theatre_dir,
        "damage",
        [
            point(0.015, 0.015, cause="napalm", date="2020-02-01"),
            point(0.015, 0.015, cause="air", date="1 May"),
            {
                "type": "Feature",
                "properties": {"cause": "air", "date": "2020-02-01"},
                "geometry": {"type": "LineString", "coordinates": [[0, 0], [1, 1]]},
            },
        ],
        META,
    )
    write_layer(theatre_dir, "nameless", [], {"title": "x", "kind": "heatmap", "about": "", "credit": "c"})
    write_layer(theatre_dir, "orphan", [])
    with pytest.raises(DataError) as caught:
        load_theatre(theatre_dir)
    text = str(caught.value)
    assert "layers/damage.geojson feature 1: cause was 'napalm', not a category in damage.json" in text
    assert "layers/damage.geojson feature 2: date was '1 May' but is expected to be YYYY-MM-DD" in text
    assert (
        "layers/damage.geojson feature 3: geometry was a LineString but is expected to be a Point or MultiPoint" in text
    )
    assert "layers/nameless.json key 'about': is missing or empty (expected text)" in text
    assert "layers/nameless.json key 'caveat': is missing or empty (expected text)" in text
    assert "layers/nameless.json key 'kind': was 'heatmap' but is expected to be one of ['points', 'density']" in text
    assert "layers/orphan.json: file is missing (each layer needs its metadata beside the GeoJSON)" in text


def test_geo_validate_checks_the_layers(theatre_dir, capsys):
    write_layer(theatre_dir, "damage", [point(0.015, 0.015, cause="air", date="2020-02-30")], META)
    assert main(["validate", str(theatre_dir)]) == 1
    assert "layers/damage.geojson feature 1: date was '2020-02-30'" in capsys.readouterr().err


def test_the_aleppo_layers_hold_what_their_sources_give(aleppo_theatre):
    aleppo = aleppo_theatre
    layers = {layer.id: layer for layer in aleppo.layers}
    assert list(layers) == ["hrw-damage-sites", "unosat-damage-2015", "cultural-sites"]
    assert len(layers["hrw-damage-sites"].points) == 3364
    assert len(layers["unosat-damage-2015"].points) == 14058
    assert len(layers["cultural-sites"].points) == 210
    for layer in layers.values():
        assert "not" in layer.meta["caveat"] and layer.meta["credit"]
    classes = [c["label"] for c in layers["unosat-damage-2015"].categories]
    assert classes[0].startswith("Destroyed") and "not documented" in classes[3]
