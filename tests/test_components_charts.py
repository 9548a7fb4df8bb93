"""The clickable charts' Vega-Lite specs (built once per data version) and the day a click selects."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import streamlit as st

from components.chart_select import DAY_FIELD, clicked_day, day_picker, with_date_rule
from components.control_chart import control_specs, series_records
from components.timeline_chart import month_rows, strip_spec
from geo.quality import changes_per_month
from geo.series import control_series

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def aleppo(aleppo_theatre):
    return aleppo_theatre


def test_every_month_of_the_record_is_a_clickable_row(aleppo):
    rows = month_rows(changes_per_month(aleppo), aleppo.meta.start_date, aleppo.meta.end_date)
    assert len(rows) == 54 and rows[DAY_FIELD].iloc[0] == "2012-07-01" and rows["until"].iloc[-1] == "2017-01-01"
    assert rows["changes"].sum() == len(aleppo.changes)


def test_the_strip_picks_months_and_events_and_the_rule_is_added_per_rerun(aleppo):
    spec = strip_spec(
        changes_per_month=changes_per_month(aleppo),
        events=aleppo.events,
        start=aleppo.meta.start_date,
        end=aleppo.meta.end_date,
    )
    units = [*spec["layer"][0]["layer"], spec["layer"][1]]
    assert [p["name"] for unit in units for p in unit.get("params", [])] == ["month", "event"]
    assert len(spec["layer"][0]["data"]["values"]) == 54  # the months once, for the bars and the clicks
    bars = spec["layer"][0]["layer"][0]
    assert bars["mark"]["type"] == "bar" and bars["encoding"]["y2"] == {"datum": 0}  # bars rise from the bottom
    assert len(spec["layer"][1]["data"]["values"]) == len(aleppo.events)
    assert "data" not in spec  # Streamlit would convert top-level data to Arrow on every rerun
    drawn = with_date_rule(spec, dt.date(2014, 3, 9), color="#D55E00")
    assert drawn["layer"][-1]["data"]["values"] == [{"at": "2014-03-09"}]
    assert len(spec["layer"]) == 2  # the cached spec is left as it was
    json.dumps(drawn)  # plain JSON, ready for st.vega_lite_chart


def test_the_control_chart_reads_its_series_from_a_static_file_when_given(aleppo):
    series = control_series(aleppo)
    start, end = aleppo.meta.start_date, aleppo.meta.end_date
    specs = control_specs(series, start=start, end=end, data_url="app/static/theatres/x.control.json")
    assert set(specs) == {"districts", "area_km2"}
    assert specs["districts"]["layer"][0]["data"] == {
        "url": "app/static/theatres/x.control.json",
        "format": {"type": "json"},
    }
    inline = control_specs(series, start=start, end=end)["area_km2"]["layer"][0]["data"]["values"]
    assert inline == series_records(series) and inline[0]["side"] == "government"
    picker = specs["districts"]["layer"][1]
    assert picker["data"]["sequence"]["stop"] == (end - start).days + 1  # one rect per day, made in the browser


def test_the_day_picker_starts_on_the_first_day():
    picker = day_picker(dt.date(2012, 7, 1), dt.date(2012, 7, 3))
    assert picker["transform"][0]["calculate"] == "datetime(2012, 6, 1 + datum.n)"  # JavaScript months count from 0


def test_the_clicked_day_is_read_from_any_selection():
    st.session_state["chart"] = {"selection": {"month": [], "event": [{DAY_FIELD: "2012-07-22"}]}}
    assert clicked_day("chart") == dt.date(2012, 7, 22)
    st.session_state["chart"] = {"selection": {"month": [{DAY_FIELD: "not a day"}]}}
    assert clicked_day("chart") is None
    assert clicked_day("nothing") is None
