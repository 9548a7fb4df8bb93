"""CSV downloads never hand a spreadsheet a formula: text cells are neutralised (OWASP's advice)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from geo.export import spreadsheet_cell, write_change_log_csv, write_history_csv, write_state_csv
from geo.load import load_theatre
from synthetic import CHANGES, district_features, write_theatre

CASES = json.loads((Path(__file__).with_name("csv_cell_cases.json")).read_text(encoding="utf-8"))["cases"]


@pytest.mark.parametrize(("cell", "written"), CASES)
def test_a_cell_is_written_as_the_shared_cases_say(cell, written):
    assert spreadsheet_cell(cell) == written


def test_numbers_and_missing_values_are_not_text_cells():
    assert spreadsheet_cell(-2) == -2 and spreadsheet_cell(None) is None


def test_every_csv_download_neutralises_formulas_from_the_data(tmp_path):
    features = district_features()
    features[0]["properties"]["name_en"] = '=HYPERLINK("https://tracker.example","North East")'
    changes = [dict(CHANGES[0], note="@SUM(A1) taken"), *CHANGES[1:]]
    theatre = load_theatre(write_theatre(tmp_path / "t", features=features, changes=changes))
    district = theatre.district_ids[0]
    for write in (
        lambda out: write_state_csv(theatre, "2020-12-31", out),
        lambda out: write_change_log_csv(theatre, out),
        lambda out: write_history_csv(theatre, district, out),
    ):
        out = io.StringIO()
        write(out)
        cells = [cell for row in csv.reader(io.StringIO(out.getvalue())) for cell in row]
        assert not [cell for cell in cells if cell.startswith(("=", "+", "-", "@"))], out.getvalue()
    state = io.StringIO()
    write_state_csv(theatre, "2020-12-31", state)
    assert "'=HYPERLINK(" in state.getvalue()
