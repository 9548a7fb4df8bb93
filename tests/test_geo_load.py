"""Validation of a theatre's files: every problem named by file, place and field."""

import copy
import datetime as dt
import json

import pytest

from geo import DataError, check_theatre, load_theatre
from synthetic import CHANGES, META, district_features, square, write_theatre


def problems_of(folder):
    theatre, problems = check_theatre(folder)
    return theatre, [str(p) for p in problems]


def test_valid_theatre_loads(theatre_dir):
    theatre = load_theatre(theatre_dir)
    assert theatre.district_ids == ["north-east", "north-west", "south-west", "south-east"]
    assert len(theatre.changes) == 3
    assert theatre.warnings == []


def test_missing_directory(tmp_path):
    with pytest.raises(DataError, match="is not a directory"):
        load_theatre(tmp_path / "nowhere")


def test_missing_files_are_all_reported(tmp_path):
    (tmp_path / "empty").mkdir()
    with pytest.raises(DataError) as caught:
        load_theatre(tmp_path / "empty")
    text = str(caught.value)
    for name in ("theatre.json", "districts.geojson", "changes.csv"):
        assert f"{name}: file is missing" in text


def test_missing_columns(tmp_path):
    folder = write_theatre(tmp_path / "t")
    (folder / "changes.csv").write_text("date,district_id,status\n2020-03-01,north-east,opposition\n")
    with pytest.raises(
        DataError, match=r"changes.csv header: is missing column\(s\) \['note', 'source_url or sources'\]"
    ):
        load_theatre(folder)


def test_unknown_district_suggests_the_closest(tmp_path):
    rows = copy.deepcopy(CHANGES)
    rows[1]["district_id"] = "south-eat"
    folder = write_theatre(tmp_path / "t", changes=rows)
    with pytest.raises(
        DataError,
        match=r"changes.csv row 3: district_id 'south-eat' matches no district \(did you mean 'south-east'\?\)",
    ):
        load_theatre(folder)


def test_unknown_status_and_bad_dates_and_missing_source_are_collected(tmp_path):
    rows = copy.deepcopy(CHANGES)
    rows[0]["status"] = "rebels"
    rows[1]["date"] = "2020-02-30"
    rows[2]["date"] = "15/06/2020"
    rows.append({"date": "2021-05-01", "district_id": "north-west", "status": "isil", "note": "", "source_url": ""})
    rows.append(
        {
            "date": "2020-05-01",
            "district_id": "north-west",
            "status": "isil",
            "note": "",
            "source_url": "javascript:alert(1)",
        }
    )
    folder = write_theatre(tmp_path / "t", changes=rows)
    theatre, problems = problems_of(folder)
    assert theatre is None
    assert (
        "changes.csv row 2: status was 'rebels' but is expected to be one of ['government', 'opposition', 'kurdish', 'isil', 'contested', 'unknown']"
        in problems
    )
    assert "changes.csv row 3: date was '2020-02-30' but is expected to be a real date as YYYY-MM-DD" in problems
    assert "changes.csv row 4: date was '15/06/2020' but is expected to be a real date as YYYY-MM-DD" in problems
    assert "changes.csv row 5: date 2021-05-01 is outside the theatre's range 2020-01-01 to 2020-12-31" in problems
    assert "changes.csv row 5: source_url and sources are empty (every change needs at least one source)" in problems
    assert any(p.startswith("changes.csv row 6: source_url has ['javascript:alert(1)']") for p in problems)


def test_bad_date_precision(tmp_path):
    folder = write_theatre(tmp_path / "t")
    text = (folder / "changes.csv").read_text().splitlines()
    text[0] += ",date_precision"
    text[1] += ",week"
    text[2] += ",month"
    text[3] += ","
    (folder / "changes.csv").write_text("\n".join(text) + "\n")
    with pytest.raises(
        DataError,
        match=r"row 2: date_precision was 'week' but is expected to be one of \['day', 'days', 'month', 'year'\]",
    ):
        load_theatre(folder)


def test_malformed_csv(tmp_path):
    folder = write_theatre(tmp_path / "t")
    with open(folder / "changes.csv", "a") as handle:
        handle.write('2020-07-01,north-west,isil,"unterminated,https://x.org,extra,extra\n')
    with pytest.raises(DataError, match=r"changes\.csv row 5: is not readable CSV \(unexpected end of data; a value"):
        load_theatre(folder)


def test_duplicate_ids_and_bad_geometry(tmp_path):
    features = district_features()
    features[1]["properties"]["id"] = "north-east"
    features[2]["geometry"] = {"type": "Polygon", "coordinates": [[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]]}
    features[3]["geometry"] = None
    features.append(
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [0, 0]},
            "properties": {"id": "Bad Id", "name_en": "", "name_ar": "x"},
        }
    )
    folder = write_theatre(tmp_path / "t", features=features, changes=[])
    theatre, problems = problems_of(folder)
    assert theatre is None
    assert "districts.geojson feature 2 (id 'north-east'): id 'north-east' is a duplicate of feature 1" in problems
    assert any(
        p.startswith("districts.geojson feature 3 (id 'south-west'): geometry is invalid (Self-intersection")
        for p in problems
    )
    assert (
        "districts.geojson feature 4 (id 'south-east'): geometry is missing or empty (expected a Polygon or MultiPolygon)"
        in problems
    )
    assert any("feature 5 (id 'Bad Id'): id was 'Bad Id' but is expected to be a lowercase slug" in p for p in problems)
    assert "districts.geojson feature 5 (id 'Bad Id'): name_en is missing or empty (expected a name)" in problems
    assert (
        "districts.geojson feature 5 (id 'Bad Id'): geometry was a Point but is expected to be a Polygon or MultiPolygon"
        in problems
    )


def test_empty_polygon_is_reported(tmp_path):
    features = district_features()
    features[0]["geometry"] = {"type": "Polygon", "coordinates": []}
    folder = write_theatre(tmp_path / "t", features=features, changes=[])
    with pytest.raises(DataError, match=r"feature 1 \(id 'north-east'\): geometry is missing or empty"):
        load_theatre(folder)


def test_missing_arabic_name_key_is_an_error_but_empty_is_a_warning(tmp_path):
    features = district_features()
    del features[0]["properties"]["name_ar"]
    features[1]["properties"]["name_ar"] = ""
    _, problems = problems_of(write_theatre(tmp_path / "t", features=features, changes=[]))
    assert any("feature 1 (id 'north-east'): name_ar is missing" in p for p in problems)
    unnamed = district_features()
    unnamed[0]["properties"]["name_ar"] = ""
    theatre, problems = check_theatre(write_theatre(tmp_path / "u", features=unnamed, changes=[]))
    assert theatre is not None
    assert [str(p) for p in problems] == [
        (
            "districts.geojson feature 1 (id 'north-east'): name_ar is empty and no name_note says why "
            "(expected the Arabic name, or a name_note explaining that no source gives one)"
        )
    ]
    assert problems[0].severity == "warning"


def test_a_name_note_explains_a_missing_arabic_name(tmp_path):
    features = district_features()
    features[0]["properties"].update(name_ar="", name_note="No source gives an Arabic name")
    theatre, problems = check_theatre(write_theatre(tmp_path / "t", features=features, changes=[]))
    assert problems == []
    assert theatre.district_at("north-east", "2020-01-01")["name_note"] == "No source gives an Arabic name"


def test_other_crs_is_reprojected_with_a_warning(tmp_path):
    features = district_features()
    for feature in features:  # the same squares in Web Mercator metres
        ring = feature["geometry"]["coordinates"][0]
        feature["geometry"]["coordinates"][0] = [[x * 111319.49, y * 111325.14] for x, y in ring]
    crs = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::3857"}}
    folder = write_theatre(tmp_path / "t", features=features, collection_extra={"crs": crs})
    theatre = load_theatre(folder)
    assert [str(w) for w in theatre.warnings] == [
        "districts.geojson key 'crs': was EPSG:3857; reprojected to WGS84 (EPSG:4326), the CRS GeoJSON expects"
    ]
    _minx, _miny, maxx, maxy = theatre.districts.total_bounds
    assert maxx == pytest.approx(0.02, abs=1e-4) and maxy == pytest.approx(0.02, abs=1e-4)


def test_unknown_crs_is_an_error(tmp_path):
    folder = write_theatre(
        tmp_path / "t", collection_extra={"crs": {"type": "name", "properties": {"name": "EPSG:999999"}}}
    )
    with pytest.raises(DataError, match=r"districts\.geojson key 'crs': was .* which names no known CRS"):
        load_theatre(folder)


def test_coordinates_out_of_range_are_reported(tmp_path):
    features = district_features()
    features[0]["geometry"] = square(5000, 5000, size=0.1)
    with pytest.raises(DataError, match=r"id 'north-east'.*outside longitude"):
        load_theatre(write_theatre(tmp_path / "t", features=features, changes=[]))


@pytest.mark.parametrize(
    "key, value, expected",
    [
        ("initial_status", "rebel", r"key 'initial_status': was 'rebel' but is expected to be one of"),
        ("start_date", "2020-13-01", r"key 'start_date': start_date was '2020-13-01', which is not a real date"),
        ("end_date", "2019-01-01", r"key 'end_date': 2019-01-01 is expected to be after start_date 2020-01-01"),
        ("center", [100, 0], r"key 'center': was \[100, 0\] but is expected to be \[lat, lon\]"),
        ("zoom", 30, r"key 'zoom': was 30 but is expected to be a whole number from 0 to 22"),
        ("opening_date", "2020-06-31", r"key 'opening_date': opening_date was '2020-06-31', which is not a real date"),
        ("opening_date", 20200601, r"key 'opening_date': opening_date was 20200601 but is expected to be a date"),
        (
            "opening_date",
            "2021-01-01",
            r"key 'opening_date': 2021-01-01 is expected to be from start_date 2020-01-01 to end_date 2020-12-31",
        ),
    ],
)
def test_bad_metadata(tmp_path, key, value, expected):
    meta = dict(META, **{key: value})
    with pytest.raises(DataError, match=expected):
        load_theatre(write_theatre(tmp_path / "t", meta=meta))


def test_the_opening_date_is_optional_and_read_when_given(tmp_path):
    plain = load_theatre(write_theatre(tmp_path / "t"))
    assert plain.meta.opening_date is None and plain.meta.first_shown_date == dt.date(2020, 12, 31)
    opening = load_theatre(write_theatre(tmp_path / "u", meta=dict(META, opening_date="2020-06-01")))
    assert opening.meta.opening_date == opening.meta.first_shown_date == dt.date(2020, 6, 1)


def test_metadata_missing_key_and_bad_json(tmp_path):
    meta = {k: v for k, v in META.items() if k != "zoom"}
    with pytest.raises(DataError, match=r"theatre\.json key 'zoom': is missing"):
        load_theatre(write_theatre(tmp_path / "t", meta=meta))
    folder = write_theatre(tmp_path / "u")
    (folder / "theatre.json").write_text("{not json")
    with pytest.raises(DataError, match=r"theatre\.json: is not valid JSON"):
        load_theatre(folder)
    (folder / "districts.geojson").write_text(json.dumps({"type": "Feature"}))
    with pytest.raises(DataError, match=r"districts\.geojson: is expected to be a GeoJSON FeatureCollection"):
        load_theatre(folder)
