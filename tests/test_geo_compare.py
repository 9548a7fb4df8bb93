"""What changed between two dates (geo.compare), control over time (geo.series) and areas."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pytest

from geo import DateError
from geo.compare import COMPARE_COLUMNS, compare_dates
from geo.series import SERIES_COLUMNS, control_series

ROOT = Path(__file__).resolve().parents[1]
SQUARE_KM2 = 1.1057 * 1.1132  # a 0.01 x 0.01 degree square at the equator (WGS84 ellipsoid)


@pytest.fixture
def theatre(testville):
    return testville


def test_areas_are_measured_in_a_metric_crs(theatre):
    assert theatre.areas_km2 == pytest.approx(np.full(4, SQUARE_KM2), rel=5e-3)


def test_compare_lists_the_districts_whose_status_differs_grouped_by_the_side_that_gained(theatre):
    result = compare_dates(theatre, "2020-02-01", "2020-04-01")
    assert list(result.changed.columns) == COMPARE_COLUMNS
    rows = result.changed.set_index("district_id")
    assert list(result.changed["to_status"]) == ["opposition", "contested"]  # in status order
    assert rows.loc["north-east", "from_status"] == "government"
    assert rows.loc["north-east", "source_url"] == "https://example.org/a"
    assert rows.loc["south-east", "source_url"] == "https://example.org/a https://example.org/b"
    assert rows.loc["south-east", "dates"] == "2020-03-01" and rows.loc["south-east", "note"] == "fighting"
    assert result.gains.to_dict("records") == [
        {"status": "opposition", "districts": 1, "area_km2": pytest.approx(SQUARE_KM2, rel=5e-3)},
        {"status": "contested", "districts": 1, "area_km2": pytest.approx(SQUARE_KM2, rel=5e-3)},
    ]
    assert result.area_km2 == pytest.approx(2 * SQUARE_KM2, rel=5e-3)
    assert result.mask.tolist() == [True, False, False, True]  # order of district_ids


def test_a_district_that_changed_and_changed_back_is_not_listed(theatre):
    result = compare_dates(theatre, "2020-02-01", "2020-07-01")
    assert result.changed["district_id"].tolist() == ["south-east"]


def test_a_change_on_the_from_date_is_already_in_the_from_state(theatre):
    result = compare_dates(theatre, "2020-03-01", "2020-06-15")
    assert result.changed["district_id"].tolist() == ["north-east"]
    assert result.changed.loc[0, "dates"] == "2020-06-15"
    assert result.changed.loc[0, "source_url"] == "https://example.org/c"


def test_compare_backwards_in_time_and_on_one_day(theatre):
    result = compare_dates(theatre, dt.date(2020, 4, 1), dt.date(2020, 2, 1))
    rows = result.changed.set_index("district_id")
    assert rows["to_status"].to_dict() == {"north-east": "government", "south-east": "government"}
    assert rows.loc["north-east", "from_status"] == "opposition"
    assert rows.loc["north-east", "source_url"] == "https://example.org/a"
    same = compare_dates(theatre, "2020-03-01", "2020-03-01")
    assert same.changed.empty and same.gains.empty and not same.mask.any()


def test_compare_names_the_bad_date(theatre):
    with pytest.raises(DateError, match="from was 'soon' but is expected to be a date as YYYY-MM-DD"):
        compare_dates(theatre, "soon", "2020-02-01")
    with pytest.raises(DateError, match="to was '2020-02-30', which is not a real date"):
        compare_dates(theatre, "2020-01-01", "2020-02-30")


def test_compare_on_aleppo_every_row_cites_a_source(aleppo_theatre):
    aleppo = aleppo_theatre
    result = compare_dates(aleppo, "2016-11-15", "2016-12-15")
    assert len(result.changed) > 20
    assert set(result.changed["to_status"]) <= {"government", "contested", "kurdish"}
    assert (result.changed["source_url"].str.startswith("http")).all()
    assert result.gains["districts"].sum() == len(result.changed)
    expected = aleppo.status_codes_at("2016-11-15") != aleppo.status_codes_at("2016-12-15")
    assert result.mask.tolist() == expected.tolist()


def test_control_series_counts_every_district_on_every_step(theatre):
    series = control_series(theatre)
    assert list(series.columns) == SERIES_COLUMNS
    by_day = series.pivot(index="date", columns="status", values="districts")
    assert list(by_day.index.strftime("%Y-%m-%d")) == ["2020-01-01", "2020-03-01", "2020-06-15", "2020-12-31"]
    assert by_day.loc["2020-03-01"].to_dict() == {"government": 2, "opposition": 1, "contested": 1}
    assert by_day.loc["2020-06-15"].to_dict() == {"government": 3, "opposition": 0, "contested": 1}
    assert (by_day.sum(axis=1) == 4).all()
    area = series.pivot(index="date", columns="status", values="area_km2")
    assert area.loc["2020-06-15", "government"] == pytest.approx(3 * SQUARE_KM2, rel=5e-3)


def test_control_series_equals_the_state_on_every_change_day_of_aleppo(aleppo_theatre):
    aleppo = aleppo_theatre
    series = control_series(aleppo)
    for day, rows in series.groupby("date"):
        expected = aleppo.status_counts_at(day.date())
        assert {s: n for s, n in expected.items() if s in set(rows["status"])} == dict(
            zip(rows["status"], rows["districts"], strict=True)
        )
    total = series.groupby("date")["area_km2"].sum()
    assert np.allclose(total, aleppo.areas_km2.sum())
