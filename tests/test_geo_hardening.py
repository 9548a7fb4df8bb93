"""Hostile and careless data that validation used to accept or crash on (issue 14), and the error types."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from geo import (
    DataError,
    DateError,
    GeoError,
    OptionError,
    Problem,
    UnknownDistrictError,
    check_theatre,
    cli,
    is_http_url,
    load_theatre,
)
from geo.boundaries import voronoi_cells
from geo.errors import shown
from geo.statuses import encode_status_chars
from geo.synth import synth_theatre
from synthetic import CHANGES, META, district_features, write_theatre


def warnings_of(folder: Path) -> list[str]:
    theatre, problems = check_theatre(folder)
    assert theatre is not None, [str(p) for p in problems]
    return [str(p) for p in problems if p.severity == "warning"]


def test_misspelt_optional_columns_are_warnings_naming_the_closest_column(theatre_dir):
    text = (theatre_dir / "changes.csv").read_text().splitlines()
    text = [text[0] + ",confidance,date_precison"] + [line + ",low,month" for line in text[1:]]
    (theatre_dir / "changes.csv").write_text("\n".join(text) + "\n")
    warnings = warnings_of(theatre_dir)
    assert any(
        "changes.csv header: column 'confidance' is not one this file may have and is ignored "
        "(did you mean 'confidence'? known columns:" in w
        for w in warnings
    )
    assert any(
        "column 'date_precison' is not one this file may have" in w and "'date_precision'?" in w for w in warnings
    )


def test_exact_duplicate_change_rows_are_a_warning(tmp_path):
    folder = write_theatre(tmp_path / "t", changes=[*CHANGES, CHANGES[0]])
    assert "changes.csv row 5: repeats row 2 exactly (remove one of them)" in warnings_of(folder)


def test_a_declared_crs84_is_wgs84_without_a_warning(tmp_path):
    crs = {"type": "name", "properties": {"name": "urn:ogc:def:crs:OGC:1.3:CRS84"}}
    folder = write_theatre(tmp_path / "t", collection_extra={"crs": crs})
    assert warnings_of(folder) == []
    assert load_theatre(folder).districts.total_bounds.tolist() == pytest.approx([0, 0, 0.02, 0.02])


def test_a_row_with_one_extra_value_is_named_not_shifted(theatre_dir):
    with open(theatre_dir / "changes.csv", "a") as handle:
        handle.write("2020-07-01,north-west,isil,taken, with a comma,https://example.org/d\n")
    _, problems = check_theatre(theatre_dir)
    assert [str(p) for p in problems] == [
        "changes.csv row 5: has 6 values but the header has 5 columns (is a value with a comma missing its double quotes?)"
    ]
    assert problems[0].row == 5


def test_a_huge_value_is_a_problem_not_a_crash(theatre_dir):
    with open(theatre_dir / "changes.csv", "a") as handle:
        handle.write("2020-07-01,north-west,isil," + "x" * 1_000_001 + ",https://example.org/d\n")
    with pytest.raises(DataError, match=r"changes\.csv row 5: is not readable CSV \(field larger than field limit"):
        load_theatre(theatre_dir)


def test_a_vanishing_or_unreadable_file_is_a_problem(theatre_dir):
    (theatre_dir / "events.csv").unlink(missing_ok=True)
    assert check_theatre(theatre_dir)[0] is not None  # a missing optional file is no file
    (theatre_dir / "events.csv").symlink_to(theatre_dir / "nowhere.csv")  # a link to nothing is reported
    with pytest.raises(DataError, match=r"events\.csv: could not be opened \(No such file or directory\)"):
        load_theatre(theatre_dir)
    (theatre_dir / "events.csv").unlink()
    (theatre_dir / "changes.csv").unlink()
    (theatre_dir / "changes.csv").mkdir()
    with pytest.raises(DataError, match=r"changes\.csv: is not a regular file"):
        load_theatre(theatre_dir)


def test_long_bad_values_are_cut_in_messages(theatre_dir):
    theatre = load_theatre(theatre_dir)
    with pytest.raises(UnknownDistrictError) as caught:
        theatre.require_district("x" * 10_000)
    assert len(str(caught.value)) < 200 and "(10,000 characters)" in str(caught.value)
    with pytest.raises(DateError, match=r"date was '2020-01-01xxxxx.*…") as dated:
        theatre.require_date("2020-01-01" + "x" * 10_000)
    assert len(str(dated.value)) < 250
    assert shown("abc") == "'abc'" and shown(["a"] * 100).endswith("…")


def test_a_district_id_that_is_not_text_is_unknown(theatre_dir):
    theatre = load_theatre(theatre_dir)
    for value in ({"id": 1}, ["north-east"], None, 3):
        with pytest.raises(UnknownDistrictError, match="matches no district"):
            theatre.require_district(value)  # type: ignore[arg-type]


def test_problems_sort_by_row_number_not_text(tmp_path):
    rows = [dict(CHANGES[0], note="") for _ in range(11)]
    folder = write_theatre(tmp_path / "t", changes=[dict(r, date=f"2020-03-{i + 1:02d}") for i, r in enumerate(rows)])
    rows_warned = [p.row for p in check_theatre(folder)[1] if p.row is not None]
    assert rows_warned == sorted(rows_warned) and 10 in rows_warned and 11 in rows_warned
    assert Problem.in_row("changes.csv", 12, "x") == Problem("changes.csv", "row 12", "x", row=12)


@pytest.mark.parametrize(
    "value, ok",
    [
        ("https://example.org/a", True),
        ("http://[2001:db8::1]/report", True),
        ("https://user@example.org:8080/a?b#c", True),
        ("https://[2001:db8::1/report", False),
        ("http://a]b", False),
        ("http://example.org:99999/x", False),
        ("http://example.org:port/x", False),
        ("https://evil.example\\@good.example/", False),
        ("https:///path-only", False),
        ("javascript:alert(1)", False),
        ("https://exa mple.org", False),
    ],
)
def test_urls_are_checked_as_the_page_parses_them(value, ok):
    assert is_http_url(value) is ok


def test_the_widest_date_range_the_slider_can_show_is_accepted(tmp_path):
    meta = dict(META, start_date="1685-01-01", end_date="2254-12-31")
    theatre = load_theatre(write_theatre(tmp_path / "t", meta=meta))
    assert theatre.require_date("1685-01-01").year == 1685


def test_every_library_error_is_a_geo_error(tmp_path):
    with pytest.raises(OptionError, match="districts was 1 but is expected to be at least 2"):
        synth_theatre(tmp_path / "s", districts=1, changes=0)
    with pytest.raises(OptionError, match="at least two points"):
        voronoi_cells(np.array([0.0]), np.array([0.0]), outline=None)  # type: ignore[arg-type]
    with pytest.raises(OptionError, match="different shapes"):
        encode_status_chars([1, 2], [True])
    assert all(issubclass(e, GeoError) for e in (OptionError, DataError, DateError, UnknownDistrictError))


def test_the_command_line_reports_a_geo_error_without_a_traceback(tmp_path, capsys):
    assert cli.main(["synth", "--districts", "1", "--changes", "0", "--out", str(tmp_path / "s")]) == 2
    assert capsys.readouterr().err.strip() == "error: districts was 1 but is expected to be at least 2"


def test_district_properties_of_the_wrong_type_are_named(tmp_path):
    features = district_features()
    features[0]["properties"].update(location_source=["atlas", 3], name_note=["x"])
    _, problems = check_theatre(write_theatre(tmp_path / "t", features=features))
    assert [str(p) for p in problems if p.file == "districts.geojson"] == [
        "districts.geojson feature 1 (id 'north-east'): name_note was ['x'] but is expected to be text",
        "districts.geojson feature 1 (id 'north-east'): location_source was ['atlas', 3] but is expected to be text "
        "or a list of text",
    ]
