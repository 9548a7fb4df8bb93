"""The audit rules (geo/audit.py) and the columns they read, on the tiny four-square theatre."""

from __future__ import annotations

import csv
import json

import geopandas as gpd
import pytest
import shapely

from geo import DataError, check_theatre, load_theatre
from geo.adjacency import neighbours
from synthetic import META, write_theatre

SOURCE_COLUMNS = ["id", "url", "publisher", "published", "title", "kind", "alignment", "origin", "original"]
SOURCES = [
    [
        "afp-a",
        "https://example.org/afp-a",
        "Paper A (AFP)",
        "",
        "",
        "regional or local outlet",
        "none known",
        "AFP",
        "",
    ],
    [
        "afp-b",
        "https://example.org/afp-b",
        "Paper B (AFP)",
        "",
        "",
        "regional or local outlet",
        "none known",
        "AFP",
        "",
    ],
    ["reuters", "https://example.org/reuters", "Reuters", "", "", "news agency", "none known", "", ""],
    ["state", "https://example.org/state", "State TV", "", "", "state or party media", "pro-government", "", ""],
    ["wiki", "https://example.org/wiki", "Wikipedia", "", "", "encyclopedia or mirror", "none known", "", ""],
    ["wiki-copy", "https://example.org/copy", "A mirror", "", "", "encyclopedia or mirror", "none known", "", "wiki"],
]


def change(date: str, district: str, status: str, sources: str = "reuters", **extra: str) -> dict:
    return {"date": date, "district_id": district, "status": status, "note": "n", "source_url": "", "sources": sources}


def change_with(date: str, district: str, status: str, sources: str = "reuters", **extra: str) -> dict:
    return change(date, district, status, sources) | extra


# The north rebel-held from March, the south government-held: no district is cut off from its side.
BASE = [change("2020-03-01", "north-east", "opposition"), change("2020-03-01", "north-west", "opposition")]


def theatre(tmp_path, changes=None, *, sources=SOURCES, events=None, meta=None, base=BASE):
    folder = write_theatre(tmp_path / "t", changes=base + (changes or []), meta=meta)
    with open(folder / "sources.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(SOURCE_COLUMNS)
        writer.writerows(sources)
    if events is not None:
        with open(folder / "events.csv", "w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=["date", "end_date", "title", "note", "sources", "districts"])
            writer.writeheader()
            writer.writerows(events)
    return folder


def warnings(folder) -> list[str]:
    loaded, problems = check_theatre(folder)
    assert loaded is not None, [str(p) for p in problems]
    # The fixture lists every kind of source; those a test does not cite are not what it checks.
    return [str(p) for p in problems if p.severity == "warning" and "is never cited" not in p.message]


def test_the_base_theatre_passes_every_rule(tmp_path):
    assert warnings(theatre(tmp_path)) == []


# ---- adjacency -----------------------------------------------------------------------------


def test_neighbours_touch_or_lie_within_the_tolerance():
    metre = 1 / 111_320  # degrees of latitude
    shapes = gpd.GeoSeries(
        [
            shapely.box(0, 0, 0.01, 0.01),
            shapely.box(0.01, 0, 0.02, 0.01),  # shares an edge with the first
            shapely.box(0, 0.01 + 3 * metre, 0.01, 0.02),  # 3 m north of the first
            shapely.box(0.5, 0.5, 0.51, 0.51),  # far away
        ],
        crs="EPSG:4326",
    )
    near = neighbours(shapes, ["a", "b", "c", "far"])
    # b and c only meet at a corner: not neighbours (geo.adjacency needs a shared border of 150 m)
    assert near == {"a": {"b", "c"}, "b": {"a"}, "c": {"a"}, "far": set()}
    assert neighbours(shapes, ["a", "b", "c", "far"], tolerance_m=1)["a"] == {"b"}


def test_neighbours_needs_one_id_per_shape():
    with pytest.raises(ValueError, match="got 1 geometries but 2 ids"):
        neighbours(gpd.GeoSeries([shapely.box(0, 0, 1, 1)], crs="EPSG:4326"), ["a", "b"])


# ---- confidence ----------------------------------------------------------------------------


def test_high_needs_two_independent_reports(tmp_path):
    rows = [
        change_with("2020-05-01", "south-east", "government", "reuters", confidence="high", note="one report"),
        change_with("2020-05-01", "south-west", "government", "afp-a afp-b", confidence="high", note="one wire"),
        change_with("2020-05-02", "south-west", "government", "reuters wiki", confidence="high", note="and a wiki"),
        change_with("2020-05-02", "south-east", "government", "reuters afp-a", confidence="high", note="two"),
    ]
    found = warnings(theatre(tmp_path, rows))
    assert found == [
        f"changes.csv row {row}: confidence is 'high' but the change cites 1 independent report(s) "
        "('high' needs 2 naming the district; otherwise 'medium')"
        for row in (4, 5, 6)
    ]


def test_an_inferred_change_is_low(tmp_path):
    rows = [change_with("2020-05-01", "south-east", "government", confidence="medium", note="Inferred from location")]
    assert warnings(theatre(tmp_path, rows)) == [
        "changes.csv row 4: is inferred (its note starts with 'Inferred') but confidence is 'medium' "
        "(an inferred change is 'low')"
    ]


# ---- disagreements -------------------------------------------------------------------------


def test_a_disagreement_is_recorded_in_structured_fields(tmp_path):
    rows = [
        change_with("2020-05-01", "south-east", "government", note="Sources disagree on the day"),
        change_with("2020-05-02", "south-west", "government", note="x", alt_date="2020-05-01"),
        change_with(
            "2020-05-03", "south-west", "government", note="they conflict", alt_date="2020-04", disputed_by="wiki"
        ),
    ]
    assert warnings(theatre(tmp_path, rows)) == [
        "changes.csv row 4: note says sources disagree but alt_date and disputed_by are empty "
        "(record the other date in alt_date and the reports that differ in disputed_by)",
        "changes.csv row 5: alt_date is given but disputed_by names no report giving it",
    ]


@pytest.mark.parametrize(
    "extra, message",
    [
        ({"alt_date": "4 May"}, "alt_date was '4 May' but is expected to be YYYY-MM-DD, YYYY-MM, YYYY or empty"),
        ({"alt_date": "2020-02-30"}, "alt_date was '2020-02-30' but is expected to be YYYY-MM-DD, YYYY-MM, YYYY"),
        ({"disputed_by": "nobody"}, "disputed_by was 'nobody' but is expected to be ids in sources.csv"),
        ({"sides": "government rebels"}, "sides was 'government rebels' but is expected to be some of"),
        ({"sides": "government"}, "sides is given but status is 'government'"),
        ({"reviewed": "fine"}, "reviewed was 'fine' but is expected to be some of \\['enclave', 'stale', 'weak'\\]"),
    ],
)
def test_malformed_audit_columns_are_errors(tmp_path, extra, message):
    folder = theatre(tmp_path, [change_with("2020-05-01", "south-east", "government", **extra)])
    with pytest.raises(DataError, match=f"changes.csv row 4: {message}"):
        load_theatre(folder)


# ---- source ratings ------------------------------------------------------------------------


def test_a_change_resting_only_on_aligned_or_mirror_sources_says_why(tmp_path):
    rows = [
        change_with("2020-05-01", "south-east", "government", "state wiki"),
        change_with("2020-05-02", "south-east", "government", "state", note="Sourcing: only state TV reported it"),
        change_with("2020-05-03", "south-east", "government", "state reuters"),
    ]
    assert warnings(theatre(tmp_path, rows)) == [
        "changes.csv row 4: rests only on aligned or mirror sources: State TV (pro-government), "
        "Wikipedia (encyclopedia or mirror) (add an independent report, or say why in the note with a "
        "'Sourcing:' sentence)"
    ]


def test_a_copy_is_cited_with_its_original(tmp_path):
    rows = [
        change_with("2020-05-01", "south-east", "government", "reuters wiki-copy"),
        change_with("2020-05-02", "south-east", "government", "reuters wiki-copy wiki"),
    ]
    assert warnings(theatre(tmp_path, rows)) == [
        "changes.csv row 4: cites a copy without its original: wiki-copy (copy of wiki)"
    ]


def test_every_source_is_rated_once_ratings_are_used(tmp_path):
    unrated = [*SOURCES, ["blog", "https://example.org/blog", "A blog", "", "", "", "", "", ""]]
    rows = [change_with("2020-05-01", "south-east", "government", "blog reuters")]
    assert warnings(theatre(tmp_path, rows, sources=unrated)) == [
        "sources.csv id 'blog': kind is empty (rate every source: see data/README.md)",
        "sources.csv id 'blog': alignment is empty (rate every source: see data/README.md)",
    ]


@pytest.mark.parametrize(
    "row, message",
    [
        (["x", "https://e.org/x", "X", "", "", "tabloid", "none known", "", ""], "row 8: kind was 'tabloid'"),
        (["x", "https://e.org/x", "X", "", "", "blog or personal site", "neutral", "", ""], "row 8: alignment was"),
        (["x", "https://e.org/x", "X", "", "", "blog or personal site", "none known", "", "x"], "row 8: original was"),
    ],
)
def test_bad_ratings_are_errors(tmp_path, row, message):
    with pytest.raises(DataError, match=f"sources.csv {message}"):
        load_theatre(theatre(tmp_path, sources=[*SOURCES, row]))


# ---- contested statuses over time ----------------------------------------------------------

LONG = dict(META, end_date="2024-12-31")


def test_a_contested_status_needs_a_report_every_two_years(tmp_path):
    rows = [change("2020-05-01", "south-east", "contested", "reuters")]
    assert warnings(theatre(tmp_path, rows, meta=LONG)) == [
        "changes.csv row 4: 'south-east' is contested from 2020-05-01 with no report on it from 2020-05-01 to "
        "2024-12-31 (more than 730 days): confirm it with a dated report (a repeated change or an event naming "
        "the district), or record when it ended"
    ]


def test_repeats_and_events_naming_the_district_confirm_a_contested_status(tmp_path):
    rows = [
        change("2020-05-01", "south-east", "contested"),
        change_with("2022-01-01", "south-east", "contested", note="still split (confirms it)"),
    ]
    events = [
        {"date": "2023-06-01", "end_date": "", "title": "Fighting", "note": "", "sources": "reuters"}
        | {"districts": "south-east"}
    ]
    assert warnings(theatre(tmp_path, rows, events=events, meta=LONG)) == []


def test_a_reviewed_stale_status_is_accepted(tmp_path):
    rows = [change_with("2020-05-01", "south-east", "contested", reviewed="stale", note="no later report exists")]
    assert warnings(theatre(tmp_path, rows, meta=LONG)) == []


def test_an_event_naming_an_unknown_district_is_an_error(tmp_path):
    events = [{"date": "2020-06-01", "end_date": "", "title": "T", "note": "", "sources": "reuters", "districts": "x"}]
    with pytest.raises(DataError, match=r"events.csv row 2: districts has \['x'\], not ids in districts.geojson"):
        load_theatre(theatre(tmp_path, events=events))


def test_no_side_the_end_event_ended_holds_ground_after_it(tmp_path):
    meta = dict(
        META, end_event={"date": "2020-10-01", "ends": ["opposition"], "title": "The end", "sources": ["reuters"]}
    )
    rows = [
        change("2020-09-01", "north-west", "government"),
        change("2020-09-01", "south-east", "contested"),
        change_with("2020-09-01", "south-west", "contested", sides="government kurdish"),
    ]
    assert warnings(theatre(tmp_path, rows, meta=meta)) == [
        "changes.csv district 'north-east': is 'opposition' on 2020-10-01, after the end event of 2020-10-01 "
        "(The end); record how it ended",
        "changes.csv district 'south-east': is 'contested' on 2020-10-01, after the end event of 2020-10-01 "
        "(The end); record how it ended",
    ]


@pytest.mark.parametrize(
    "end_event, message",
    [
        ("2020-10-01", "key 'end_event': was '2020-10-01' but is expected to be an object"),
        ({"date": "soon"}, "key 'end_event': end_event date was 'soon'"),
        ({"date": "2020-10-01", "ends": ["rebels"]}, "key 'end_event': ends was \\['rebels'\\]"),
        ({"date": "2020-10-01", "sources": ["nobody"]}, "key 'end_event': has \\['nobody'\\], not ids in sources.csv"),
    ],
)
def test_a_bad_end_event_is_an_error(tmp_path, end_event, message):
    folder = theatre(tmp_path, meta=dict(META, end_event=end_event))
    with pytest.raises(DataError, match=f"theatre.json {message}"):
        load_theatre(folder)


# ---- enclaves ------------------------------------------------------------------------------


def test_a_district_cut_off_from_its_side_for_over_30_days_is_flagged(tmp_path):
    rows = [
        change("2020-05-01", "south-east", "kurdish"),
        change_with("2020-05-01", "south-west", "contested", sides="government kurdish"),
        change_with("2020-07-01", "south-west", "contested", sides="government opposition"),
    ]
    assert warnings(theatre(tmp_path, rows)) == [
        "changes.csv district 'south-east': holds a side that no neighbour shares from 2020-07-01 to "
        "2020-12-31 (184 days): review it, and if sources confirm the enclave mark its change reviewed 'enclave'"
    ]


def test_a_short_or_reviewed_enclave_passes(tmp_path):
    split = change_with("2020-05-01", "south-west", "contested", sides="government opposition")
    short = [change("2020-05-01", "south-east", "kurdish"), split, change("2020-05-25", "south-east", "contested")]
    assert warnings(theatre(tmp_path, short)) == []
    reviewed = [change_with("2020-05-01", "south-east", "kurdish", reviewed="enclave", note="sources say so"), split]
    assert warnings(theatre(tmp_path / "r", reviewed)) == []


def test_a_contested_neighbour_shares_only_the_sides_it_names(tmp_path):
    rows = [
        change("2020-05-01", "south-east", "kurdish"),
        change_with("2020-05-01", "south-west", "contested", sides="government kurdish"),
    ]
    assert warnings(theatre(tmp_path, rows)) == []
    rows[1] = change_with("2020-05-01", "south-west", "contested", sides="government opposition")
    found = warnings(theatre(tmp_path / "other", rows))
    assert found == [
        "changes.csv district 'south-east': holds a side that no neighbour shares from 2020-05-01 to "
        "2020-12-31 (245 days): review it, and if sources confirm the enclave mark its change reviewed 'enclave'"
    ]


def test_the_theatre_file_round_trips_the_end_event(tmp_path):
    meta = dict(META, end_event={"date": "2020-10-01", "ends": ["opposition"], "sources": ["reuters"]})
    rows = [change("2020-09-01", "north-east", "government"), change("2020-09-01", "north-west", "government")]
    loaded = load_theatre(theatre(tmp_path, rows, meta=meta))
    assert loaded.meta.end_event is not None and loaded.meta.end_event.ends == ("opposition",)
    assert json.loads((tmp_path / "t" / "theatre.json").read_text())["end_event"]["date"] == "2020-10-01"
    assert [str(w) for w in loaded.warnings if "is never cited" not in w.message] == []


# ---- confidence computed from names (geo/confidence.py) -----------------------------------

NAMED_SOURCES = [
    *SOURCES,
    ["afp", "https://example.org/afp", "AFP", "", "", "news agency", "none known", "", ""],
    ["afp-c", "https://example.org/afp-c", "Paper C", "", "", "regional or local outlet", "none known", "", "afp"],
    ["blog", "https://example.org/blog", "A blog", "", "", "blog or personal site", "none known", "", ""],
]


def named(date: str, district: str, sources: str, names: str, confidence: str, note: str = "n") -> dict:
    return change_with(date, district, "government", sources, names=names, confidence=confidence, note=note)


NAMED_BASE = [row | {"names": "reuters", "confidence": "medium"} for row in BASE]


def named_theatre(tmp_path, rows):
    return theatre(tmp_path, rows, sources=NAMED_SOURCES, base=NAMED_BASE)


def errors(folder) -> list[str]:
    return [str(p) for p in check_theatre(folder)[1] if p.severity == "error"]


def test_confidence_follows_the_names_relation(tmp_path):
    rows = [
        named("2020-05-01", "south-east", "reuters afp-a", "reuters afp-a", "high"),
        named("2020-05-01", "south-west", "reuters afp-a", "reuters", "medium"),  # AFP names a wider area
        named("2020-05-02", "south-west", "reuters wiki", "", "low"),  # neither names the district
        named("2020-05-02", "south-east", "reuters", "reuters", "low", note="Inferred from location"),
    ]
    assert errors(named_theatre(tmp_path, rows)) == []


def test_a_confidence_other_than_the_computed_one_is_an_error(tmp_path):
    rows = [
        named("2020-05-01", "south-east", "afp-a afp-b", "afp-a afp-b", "high"),  # one wire, two papers
        named("2020-05-01", "south-west", "afp afp-c", "afp afp-c", "high"),  # a copy and its original
        named("2020-05-02", "south-west", "reuters afp-a", "", "medium"),  # only wider-area reports
        named("2020-05-02", "south-east", "reuters afp-a", "reuters afp-a", "high", note="Inferred from x"),
        named("2020-05-03", "south-east", "reuters", "reuters", ""),
    ]
    assert errors(named_theatre(tmp_path, rows)) == [
        "changes.csv row 4: confidence was 'high' but the method gives 'medium': 1 independent report(s) name "
        "the district (afp-a, afp-b) (see data/README.md, Method)",
        "changes.csv row 5: confidence was 'high' but the method gives 'medium': 1 independent report(s) name "
        "the district (afp, afp-c) (see data/README.md, Method)",
        "changes.csv row 6: confidence was 'medium' but the method gives 'low': 0 independent report(s) name "
        "the district (names is empty) (see data/README.md, Method)",
        "changes.csv row 7: confidence was 'high' but the method gives 'low': the change is inferred (its note "
        "starts with 'Inferred') (see data/README.md, Method)",
        "changes.csv row 8: confidence was 'empty' but the method gives 'medium': 1 independent report(s) name "
        "the district (reuters) (see data/README.md, Method)",
    ]


def test_an_inferred_change_computes_low(tmp_path):
    rows = [named("2020-05-01", "south-east", "reuters", "reuters", "medium", note="Inferred from location")]
    with pytest.raises(
        DataError, match=r"row 4: confidence was 'medium' but the method gives 'low': the change is inferred"
    ):
        load_theatre(named_theatre(tmp_path, rows))


def test_names_lists_only_cited_reports(tmp_path):
    rows = [
        named("2020-05-01", "south-east", "reuters", "reuters afp-a", "high"),
        named("2020-05-01", "south-west", "reuters wiki", "reuters wiki", "medium"),
        named("2020-05-02", "south-west", "reuters wiki-copy", "reuters wiki-copy", "medium"),
    ]
    found = errors(named_theatre(tmp_path, rows))
    assert found == [
        "changes.csv row 4: names has ['afp-a'], not ids this change cites in sources (names lists the cited "
        "reports that name the district)",
        "changes.csv row 5: names has ['wiki'], an encyclopedia or mirror with no origin: it points to reports "
        "but is not one (leave it out of names)",
        "changes.csv row 6: names has ['wiki-copy'], an encyclopedia or mirror with no origin: it points to "
        "reports but is not one (leave it out of names)",
    ]


def test_without_names_the_editor_confidence_is_only_audited(tmp_path):
    rows = [change_with("2020-05-01", "south-east", "government", "reuters", confidence="high", note="one")]
    folder = theatre(tmp_path, rows, sources=NAMED_SOURCES)
    assert errors(folder) == []
    assert any("confidence is 'high' but the change cites 1" in w for w in warnings(folder))


def test_a_change_resting_only_on_blogs_or_mirrors_is_a_warning(tmp_path):
    rows = [
        change_with("2020-05-01", "south-east", "government", "blog wiki", note="Sourcing: only these"),
        change_with("2020-05-01", "south-west", "government", "wiki", note="Sourcing: only this", reviewed="weak"),
        change_with("2020-05-02", "south-west", "government", "blog reuters", note="a report too"),
        change_with("2020-05-02", "south-east", "government", "wiki", note="Inferred from location", confidence="low"),
    ]
    assert warnings(theatre(tmp_path, rows, sources=NAMED_SOURCES)) == [
        "changes.csv row 4: rests only on a blog, an encyclopedia or a mirror: A blog (blog or personal site), "
        "Wikipedia (encyclopedia or mirror) (cite a report; if none is found, mark the change reviewed 'weak' "
        "and say so in the note)"
    ]


def test_copies_of_one_writer_are_rated_alike(tmp_path):
    sources = [
        *SOURCES,
        [
            "afp-c",
            "https://example.org/afp-c",
            "Paper C (AFP)",
            "",
            "",
            "state or party media",
            "pro-government",
            "AFP",
            "",
        ],
    ]
    found = warnings(theatre(tmp_path, sources=sources))
    assert found == [
        "sources.csv row 2: reports written by 'afp' are rated with different alignments (none known: afp-a, "
        "afp-b; pro-government: afp-c); rate every copy of one writer alike"
    ]


def test_same_reports_groups_copies_of_one_wire(tmp_path):
    from geo.confidence import confidence_basis, same_reports

    loaded = load_theatre(theatre(tmp_path, sources=NAMED_SOURCES))
    assert same_reports(loaded.sources, ["afp-a", "reuters", "afp-b", "afp", "afp-c", "wiki"]) == [
        ["afp-a", "afp-b", "afp", "afp-c"]
    ]
    basis = confidence_basis("n", "afp-a afp-b wiki reuters", "afp-a afp-b reuters", loaded.sources)
    assert (basis.level, basis.reports, basis.naming, basis.wider, basis.pointers) == (
        "high",
        2,
        ("afp-a", "afp-b", "reuters"),
        (),
        ("wiki",),
    )
    wider = confidence_basis("n", "afp-a reuters", "reuters", loaded.sources)
    assert (wider.level, wider.wider, wider.pointers) == ("medium", ("afp-a",), ())
    assert basis.same == (("afp-a", "afp-b"),)


def test_a_claim_by_one_side_or_a_disputed_change_is_at_most_medium(tmp_path):
    sources = [
        *NAMED_SOURCES,
        [
            "state-2",
            "https://example.org/state-2",
            "Party paper",
            "",
            "",
            "state or party media",
            "pro-government",
            "",
            "",
        ],
    ]
    rows = [
        named("2020-05-01", "south-east", "state state-2", "state state-2", "high"),
        named("2020-05-01", "south-west", "reuters afp-a", "reuters afp-a", "high") | {"disputed_by": "state"},
        named("2020-05-02", "south-west", "reuters state", "reuters state", "high"),  # one side and a neutral wire
    ]
    folder = theatre(tmp_path, rows, sources=sources, base=NAMED_BASE)
    assert errors(folder) == [
        "changes.csv row 4: confidence was 'high' but the method gives 'medium': 2 independent report(s) name "
        "the district (state, state-2), but all are aligned with a side (a claim by one side) "
        "(see data/README.md, Method)",
        "changes.csv row 5: confidence was 'high' but the method gives 'medium': 2 independent report(s) name "
        "the district (reuters, afp-a), but a report disputes the change (disputed_by) (see data/README.md, Method)",
    ]
