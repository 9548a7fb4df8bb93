"""State at a date, history and changes in a range, on the tiny synthetic theatre."""

import csv
import datetime as dt
import io

import pytest

from geo import DateError, UnknownDistrictError, load_theatre
from geo.export import state_geojson, write_state_csv
from synthetic import CHANGES, write_theatre


@pytest.fixture
def theatre(testville):
    return testville


def statuses(frame):
    return dict(zip(frame["district_id"], frame["status"], strict=True))


def test_state_before_the_first_change_is_the_initial_status(theatre):
    state = theatre.state_at("2020-02-29")
    assert set(state["status"]) == {"government"}
    assert set(state["since"]) == {"2020-01-01"}
    assert set(state["source_url"]) == {""}


def test_state_on_a_change_day_includes_that_change(theatre):
    state = theatre.state_at("2020-03-01").set_index("district_id")
    assert state.loc["north-east", "status"] == "opposition"
    assert state.loc["south-east", "status"] == "contested"
    assert state.loc["south-east", "source_url"] == "https://example.org/a https://example.org/b"
    assert state.loc["north-west", "status"] == "government"
    assert state.loc["north-east", "since"] == "2020-03-01"


def test_state_after_the_last_change(theatre):
    state = theatre.state_at(dt.date(2020, 12, 31)).set_index("district_id")
    assert state.loc["north-east", "status"] == "government"
    assert state.loc["north-east", "since"] == "2020-06-15"
    assert state.loc["north-east", "note"] == "retaken"
    assert state.loc["south-east", "status"] == "contested"


def test_state_keeps_district_order_and_codes_agree(theatre):
    from geo import STATUSES

    for day in ("2020-01-01", "2020-03-01", "2020-06-14", "2020-06-15"):
        state = theatre.state_at(day)
        assert state["district_id"].tolist() == theatre.district_ids
        assert [STATUSES[c] for c in theatre.status_codes_at(day)] == state["status"].tolist()


def test_same_day_changes_keep_file_order(tmp_path):
    from synthetic import write_theatre

    rows = [
        {
            "date": "2020-05-01",
            "district_id": "north-west",
            "status": "opposition",
            "note": "",
            "source_url": "https://e.org/1",
        },
        {
            "date": "2020-05-01",
            "district_id": "north-west",
            "status": "kurdish",
            "note": "handed over",
            "source_url": "https://e.org/2",
        },
        {
            "date": "2020-04-01",
            "district_id": "north-west",
            "status": "contested",
            "note": "",
            "source_url": "https://e.org/0",
        },
    ]
    theatre = load_theatre(write_theatre(tmp_path / "t", changes=rows))
    assert statuses(theatre.state_at("2020-05-01"))["north-west"] == "kurdish"
    assert statuses(theatre.state_at("2020-04-30"))["north-west"] == "contested"
    assert theatre.history("north-west")["status"].tolist() == ["contested", "opposition", "kurdish"]


def test_history(theatre):
    history = theatre.history("north-east")
    assert history["date"].tolist() == ["2020-03-01", "2020-06-15"]
    assert history["status"].tolist() == ["opposition", "government"]
    assert theatre.history("north-west").empty


def test_history_of_unknown_district(theatre):
    with pytest.raises(
        UnknownDistrictError, match=r"district_id 'north-eats' matches no district \(did you mean 'north-east'\?\)"
    ):
        theatre.history("north-eats")


def test_changes_between_is_inclusive(theatre):
    assert len(theatre.changes_between("2020-03-01", "2020-06-15")) == 3
    assert theatre.changes_between("2020-03-02", "2020-06-14").empty
    assert theatre.changes_between("2020-06-15", "2020-12-31")["district_id"].tolist() == ["north-east"]
    with pytest.raises(DateError, match="start 2020-07-01 is after end 2020-01-01"):
        theatre.changes_between("2020-07-01", "2020-01-01")


def test_statuses_set_on_a_day_are_that_day_s_changes(theatre):
    for day in ("2020-03-01", "2020-06-15", "2020-03-02"):
        table = theatre.changes_between(day, day)
        expected = list(zip(table["district_id"], table["status"], strict=True))
        assert theatre.statuses_set_on(day) == expected
    assert theatre.statuses_set_on("2020-06-15") == [
        ("north-east", theatre.changes_between("2020-06-15", "2020-06-15")["status"][0])
    ]
    assert theatre.statuses_set_on(dt.date(2020, 3, 2)) == []


def test_previous_and_next_change(theatre):
    assert theatre.next_change_date(dt.date(2020, 1, 1)) == dt.date(2020, 3, 1)
    assert theatre.next_change_date(dt.date(2020, 3, 1)) == dt.date(2020, 6, 15)
    assert theatre.next_change_date(dt.date(2020, 6, 15)) is None
    assert theatre.previous_change_date(dt.date(2020, 6, 15)) == dt.date(2020, 3, 1)
    assert theatre.previous_change_date(dt.date(2020, 3, 1)) is None


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2020-1-5", r"date was '2020-1-5' but is expected to be a date as YYYY-MM-DD"),
        ("2020-02-31", r"date was '2020-02-31', which is not a real date"),
        ("2021-01-01", r"date 2021-01-01 is outside 2020-01-01 to 2020-12-31"),
    ],
)
def test_require_date_rejects_bad_dates(theatre, value, expected):
    with pytest.raises(DateError, match=expected):
        theatre.require_date(value)


def test_theatre_without_changes(tmp_path):
    from synthetic import write_theatre

    theatre = load_theatre(write_theatre(tmp_path / "t", changes=[]))
    assert set(theatre.state_at("2020-05-01")["status"]) == {"government"}
    assert not theatre.low_confidence_at("2020-05-01").any() and len(theatre.low_confidence_at("2020-05-01")) == 4
    assert theatre.timelines()["codes"] == ""
    assert theatre.next_change_date(dt.date(2020, 1, 1)) is None


def test_the_days_state_and_its_exports_carry_the_confidence_and_date_precision_the_map_shows(tmp_path):
    changes = [
        dict(CHANGES[0], confidence="low", date_precision="month"),
        dict(CHANGES[1], confidence="high"),
    ]
    theatre = load_theatre(write_theatre(tmp_path / "t", changes=changes))
    state = theatre.state_at("2020-04-01").set_index("district_id")
    picked = state[["status", "date_precision", "confidence"]].to_dict("index")
    assert picked["north-east"] == {"status": "opposition", "date_precision": "month", "confidence": "low"}
    assert picked["south-east"] == {"status": "contested", "date_precision": "day", "confidence": "high"}
    assert picked["north-west"] == {"status": "government", "date_precision": "", "confidence": ""}  # initial
    low = dict(zip(theatre.district_ids, theatre.low_confidence_at("2020-04-01"), strict=True))
    assert [d for d in theatre.district_ids if state.loc[d, "confidence"] == "low"] == [d for d, v in low.items() if v]
    csv_text = io.StringIO()
    write_state_csv(theatre, "2020-04-01", csv_text)
    rows = {r["district_id"]: r for r in csv.DictReader(io.StringIO(csv_text.getvalue()))}
    assert (rows["north-east"]["date_precision"], rows["north-east"]["confidence"]) == ("month", "low")
    features = {
        f["properties"]["district_id"]: f["properties"] for f in state_geojson(theatre, "2020-04-01")["features"]
    }
    assert (features["north-east"]["date_precision"], features["north-east"]["confidence"]) == ("month", "low")


def test_district_at_agrees_with_state_at(tmp_path):
    from geo.synth import synth_theatre

    theatre = load_theatre(synth_theatre(tmp_path / "s", districts=12, changes=300, seed=5))
    for day in ("2012-07-01", "2013-02-02", "2014-06-30", "2016-12-31"):
        table = theatre.state_at(day).set_index("district_id")
        for district_id in theatre.district_ids:
            row = theatre.district_at(district_id, day)
            assert {k: row[k] for k in table.columns.union(["district_id"])} == {
                "district_id": district_id,
                **table.loc[district_id].to_dict(),
            }
            assert row["name_note"] == "" and row["place_source_url"] == ""
        assert sum(len(theatre.history(d)) for d in theatre.district_ids) == 300


def test_large_theatres_are_simplified_without_gaps_or_overlaps(tmp_path):
    import shapely
    from shapely.geometry import shape

    from geo.export import districts_geojson
    from geo.synth import synth_theatre

    theatre = load_theatre(synth_theatre(tmp_path / "s", districts=40, changes=0, seed=2))
    # densify the shared borders so that there is something to simplify
    theatre.districts["geometry"] = shapely.segmentize(theatre.districts.geometry.to_numpy(), 0.0001)
    dense = districts_geojson(theatre, simplify_tolerance=0)
    simple = districts_geojson(theatre, simplify_tolerance=0.0002)

    def count(collection):
        return sum(shapely.get_num_coordinates(shape(f["geometry"])) for f in collection["features"])

    assert count(simple) < count(dense) / 3
    shapes = [shape(f["geometry"]) for f in simple["features"]]
    union = shapely.union_all(shapes)
    assert sum(s.area for s in shapes) == pytest.approx(union.area, rel=1e-4)  # no overlaps
    assert union.area == pytest.approx(
        shapely.union_all([shape(f["geometry"]) for f in dense["features"]]).area, rel=1e-3
    )
    assert [f["properties"]["id"] for f in simple["features"]] == theatre.district_ids


def test_low_confidence_follows_the_latest_change(tmp_path):
    from synthetic import CHANGES, write_theatre

    folder = write_theatre(tmp_path / "t")
    lines = (folder / "changes.csv").read_text().splitlines()
    levels = ["low", "high", ""]  # north-east taken (low), south-east contested (high), north-east retaken (empty)
    (folder / "changes.csv").write_text(
        "\n".join([lines[0] + ",confidence"] + [f"{line},{c}" for line, c in zip(lines[1:], levels, strict=True)])
        + "\n"
    )
    theatre = load_theatre(folder)
    for day, expected in [("2020-02-29", set()), ("2020-03-01", {"north-east"}), ("2020-06-15", set())]:
        low = {d for d, flag in zip(theatre.district_ids, theatre.low_confidence_at(day), strict=True) if flag}
        assert low == expected, day
    from geo.theatre import count_statuses

    codes, low = theatre.status_codes_at("2020-03-01"), theatre.low_confidence_at("2020-03-01")
    assert count_statuses(codes, where=low) == {
        "government": 0,
        "opposition": 1,
        "kurdish": 0,
        "isil": 0,
        "contested": 0,
        "unknown": 0,
    }
    assert count_statuses(codes) == theatre.status_counts_at("2020-03-01")
    assert theatre.status_counts_at("2020-03-01")["opposition"] == 1
    timeline = theatre.timelines()
    # one character per change; only north-east's low-confidence capture is a letter ("b": opposition)
    assert len(timeline["codes"]) == len(CHANGES) and [c for c in timeline["codes"] if c.isalpha()] == ["b"]
