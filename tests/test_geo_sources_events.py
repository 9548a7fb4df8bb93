"""sources.csv, events.csv and the data-quality checks, on the tiny synthetic theatre."""

import json

import pytest

from geo import DataError, check_theatre, load_theatre
from geo.quality import changes_per_month, sourcing_summary
from synthetic import META, write_theatre

SOURCES = "id,url,publisher,published,title\nwire-a,https://example.org/a,Wire,2020-03-02,Taken\nwire-b,https://example.org/b,Paper,2020-03,Fighting\n"


def sourced_theatre(tmp_path, *, changes=None, sources=SOURCES, events=None, meta=None):
    rows = (
        changes
        if changes is not None
        else [
            {
                "date": "2020-03-01",
                "district_id": "north-east",
                "status": "opposition",
                "note": "taken",
                "source_url": "",
            },
            {
                "date": "2020-03-01",
                "district_id": "south-east",
                "status": "contested",
                "note": "fighting",
                "source_url": "",
            },
        ]
    )
    folder = write_theatre(tmp_path / "t", changes=rows, meta=meta)
    lines = (folder / "changes.csv").read_text().splitlines()
    ids = ["wire-a", "wire-a wire-b"] + ["wire-a"] * (len(lines) - 3)
    lines = [lines[0] + ",sources,confidence"] + [f"{line},{i},medium" for line, i in zip(lines[1:], ids, strict=False)]
    (folder / "changes.csv").write_text("\n".join(lines) + "\n")
    (folder / "sources.csv").write_text(sources)
    if events is not None:
        (folder / "events.csv").write_text(events)
    return folder


def messages(folder):
    return [str(p) for p in check_theatre(folder)[1]]


def test_source_ids_resolve_to_urls(tmp_path):
    theatre = load_theatre(sourced_theatre(tmp_path))
    state = theatre.state_at("2020-03-01").set_index("district_id")
    assert state.loc["south-east", "source_url"] == "https://example.org/a https://example.org/b"
    assert theatre.history("north-east")["confidence"].tolist() == ["medium"]
    assert theatre.warnings == []


def test_unknown_source_id_is_an_error_with_a_suggestion(tmp_path):
    folder = sourced_theatre(tmp_path)
    text = (folder / "changes.csv").read_text().replace(",wire-a,medium", ",wire-aa,medium", 1)
    (folder / "changes.csv").write_text(text)
    with pytest.raises(
        DataError,
        match=r"changes.csv row 2: sources has \['wire-aa'\], not ids in sources.csv \(did you mean 'wire-a'\?\)",
    ):
        load_theatre(folder)


def test_bad_source_rows(tmp_path):
    bad = SOURCES + "Bad Id,ftp://x,,13/2020,t\nwire-a,https://example.org/c,X,,dup\n"
    problems = messages(sourced_theatre(tmp_path, sources=bad))
    assert (
        "sources.csv row 4: id was 'Bad Id' but is expected to be a lowercase slug such as 'reuters-2016-11-26'"
        in problems
    )
    assert "sources.csv row 4: url was 'ftp://x' but is expected to be one http(s) URL" in problems
    assert (
        "sources.csv row 4: published was '13/2020' but is expected to be YYYY-MM-DD, YYYY-MM, YYYY or empty"
        in problems
    )
    assert "sources.csv row 4: publisher is empty (expected who published the report)" in problems
    assert "sources.csv row 5: id 'wire-a' is a duplicate" in problems


def test_bad_confidence(tmp_path):
    folder = sourced_theatre(tmp_path)
    (folder / "changes.csv").write_text((folder / "changes.csv").read_text().replace(",medium", ",sure", 1))
    with pytest.raises(
        DataError,
        match=r"row 2: confidence was 'sure' but is expected to be one of \['high', 'medium', 'low'\] or empty",
    ):
        load_theatre(folder)


def test_unused_source_and_unexplained_repeat_are_warnings(tmp_path):
    rows = [{"date": "2020-03-01", "district_id": "north-east", "status": "government", "note": "", "source_url": ""}]
    theatre = load_theatre(
        sourced_theatre(tmp_path, changes=rows, sources=SOURCES + "spare,https://example.org/s,X,,t\n")
    )
    assert [str(w) for w in theatre.warnings] == [
        "changes.csv row 2: status 'government' repeats 'north-east''s previous status and the note is empty (say why the change is recorded)",
        "sources.csv id 'wire-b': is never cited by a change, an event, a district or theatre.json",
        "sources.csv id 'spare': is never cited by a change, an event, a district or theatre.json",
    ]


def test_unknown_status_is_a_warning(tmp_path):
    meta = dict(META, initial_status="unknown")
    rows = [
        {
            "date": "2020-01-01",
            "district_id": "north-east",
            "status": "opposition",
            "note": "n",
            "source_url": "https://e.org/1",
        },
        {
            "date": "2020-02-01",
            "district_id": "north-west",
            "status": "government",
            "note": "n",
            "source_url": "https://e.org/1",
        },
        {
            "date": "2020-03-01",
            "district_id": "north-west",
            "status": "unknown",
            "note": "n",
            "source_url": "https://e.org/1",
        },
    ]
    theatre = load_theatre(write_theatre(tmp_path / "t", changes=rows, meta=meta))
    warnings = [str(w) for w in theatre.warnings]
    assert "changes.csv district 'north-west': status is 'unknown' from 2020-01-01 until 2020-02-01" in warnings
    assert "changes.csv district 'south-west': status is 'unknown' from 2020-01-01 until the end" in warnings
    assert "changes.csv row 4: sets 'north-west' to 'unknown' from 2020-03-01" in warnings
    assert not any("north-east" in w and "unknown" in w for w in warnings)


EVENTS = (
    "date,end_date,title,note,sources\n"
    "2020-03-10,2020-03-20,Siege closes,roads cut,wire-a\n"
    "2020-06-01,,Ceasefire,,wire-b\n"
)


def test_events_near_a_date(tmp_path):
    theatre = load_theatre(sourced_theatre(tmp_path, events=EVENTS))
    assert theatre.events_near("2020-04-15", days=30)["title"].tolist() == ["Siege closes"]
    assert theatre.events_near("2020-04-25", days=30)["title"].tolist() == []
    near = theatre.events_near("2020-05-20", days=30)
    assert near["title"].tolist() == ["Ceasefire"] and near["end_date"].tolist() == ["2020-06-01"]
    assert near["source_url"].tolist() == ["https://example.org/b"]


def test_bad_events(tmp_path):
    bad = EVENTS + "2020-07-01,2020-06-01,,x,nope\n2021-02-01,,Late,,wire-a\n"
    problems = messages(sourced_theatre(tmp_path, events=bad))
    assert "events.csv row 4: end_date 2020-06-01 is before date 2020-07-01" in problems
    assert "events.csv row 4: title is empty (expected a short headline)" in problems
    assert "events.csv row 4: sources has ['nope'], not ids in sources.csv" in problems
    assert "events.csv row 5: date 2021-02-01 is outside the theatre's range 2020-01-01 to 2020-12-31" in problems


def test_initial_sources_must_exist(tmp_path):
    meta = dict(META, initial_sources=["wire-a", "missing"])
    with pytest.raises(
        DataError, match=r"theatre.json key 'initial_sources': has \['missing'\], not ids in sources.csv"
    ):
        load_theatre(sourced_theatre(tmp_path, meta=meta))
    with pytest.raises(DataError, match=r"key 'known_uncertainties': was 'x' but is expected to be a list of strings"):
        load_theatre(sourced_theatre(tmp_path, meta=dict(META, known_uncertainties="x")))


def test_quality_figures(tmp_path):
    theatre = load_theatre(sourced_theatre(tmp_path))
    per_month = changes_per_month(theatre)
    assert len(per_month) == 12 and per_month["2020-03"] == 2 and per_month.sum() == 2
    assert sourcing_summary(theatre) == {"no recorded change": 2, "one source only": 1, "two or more sources": 1}
    json.dumps(sourcing_summary(theatre))


def test_sourcing_counts_distinct_urls_over_a_districts_changes(tmp_path):
    def change(district: str, date: str, urls: str) -> dict:
        return {"date": date, "district_id": district, "status": "contested", "note": "n", "source_url": urls}

    changes = [
        change("north-east", "2020-02-01", "https://a.example/1"),
        change("north-east", "2020-03-01", "https://a.example/1"),  # the same report again: one source
        change("north-west", "2020-02-01", "https://a.example/1  https://b.example/2"),  # two in one cell
        change("south-east", "2020-02-01", "https://a.example/1"),
        change("south-east", "2020-04-01", "https://c.example/3"),
    ]
    theatre = load_theatre(write_theatre(tmp_path / "t", changes=changes))
    assert sourcing_summary(theatre) == {"no recorded change": 1, "one source only": 1, "two or more sources": 2}


def place_sourced_theatre(tmp_path, **properties):
    folder = sourced_theatre(tmp_path)
    collection = json.loads((folder / "districts.geojson").read_text())
    collection["features"][2]["properties"].update(properties)
    (folder / "districts.geojson").write_text(json.dumps(collection))
    return folder


def test_place_sources_must_exist(tmp_path):
    folder = place_sourced_theatre(tmp_path, location_source="atlas", name_sources=["wire-a", "gazetteer"])
    assert messages(folder) == [
        "districts.geojson id 'south-west': location_source has ['atlas'], not ids in sources.csv",
        "districts.geojson id 'south-west': name_sources has ['gazetteer'], not ids in sources.csv",
    ]
    with pytest.raises(DataError, match=r"location_source has \['atlas'\]"):
        load_theatre(folder)
    (folder / "sources.csv").unlink()  # ids with no sources.csv at all are reported too
    assert (
        "districts.geojson id 'south-west': name_sources has ['wire-a', 'gazetteer'], not ids in sources.csv"
        in messages(folder)
    )


def test_place_sources_count_as_cited_and_reach_the_panel(tmp_path):
    sources = SOURCES + "atlas,https://example.org/atlas,Atlas,,Gazetteer\n"
    folder = sourced_theatre(tmp_path, sources=sources)
    assert "sources.csv id 'atlas': is never cited by a change, an event, a district or theatre.json" in messages(
        folder
    )
    collection = json.loads((folder / "districts.geojson").read_text())
    collection["features"][2]["properties"].update(name_sources="atlas", alt_names=["Old Gate"])
    (folder / "districts.geojson").write_text(json.dumps(collection))
    theatre = load_theatre(folder)
    assert theatre.warnings == []
    row = theatre.district_at("south-west", "2020-05-01")
    assert (row["alt_names"], row["place_source_url"]) == ("Old Gate", "https://example.org/atlas")
