"""Control over time: districts, or area, held by each side on every day; click to jump to a date.

The Vega-Lite specs are built once per version of the data (:func:`control_specs`); the
series travels once, as a static file where static serving is on.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pandas as pd
import streamlit as st

from components.chart_select import clicked_day, day_picker, with_date_rule
from components.palette import STATUS_STYLES
from geo.statuses import STATUS_LABELS

KEY, MEASURE_KEY = "control-chart", "control-measure"
MEASURES = {"Districts": "districts", "Area (km²)": "area_km2"}


def series_records(series: pd.DataFrame) -> list[dict]:
    """:func:`geo.series.control_series` as JSON-ready rows (what the chart's data is)."""
    return [
        {
            "date": day.strftime("%Y-%m-%d"),
            "side": STATUS_LABELS[status],
            "order": order,
            "districts": int(districts),
            "area_km2": round(float(area), 4),
        }
        for day, status, districts, area, order in zip(
            series["date"],
            series["status"],
            series["districts"],
            series["area_km2"],
            series["status"].map(list(dict.fromkeys(series["status"])).index),
            strict=True,
        )
    ]


def control_specs(
    series: pd.DataFrame, *, start: dt.date, end: dt.date, data_url: str | None = None
) -> dict[str, dict]:
    """One Vega-Lite spec per measure, without the selected date. The data is ``data_url``
    (the JSON of :func:`series_records`) or, without one, inline."""
    statuses = list(dict.fromkeys(series["status"]))
    data = {"url": data_url, "format": {"type": "json"}} if data_url else {"values": series_records(series)}
    colour = {
        "field": "side",
        "type": "nominal",
        "scale": {
            "domain": [STATUS_LABELS[s] for s in statuses],
            "range": [STATUS_STYLES[s]["fillColor"] for s in statuses],
        },
        "legend": {"title": None, "orient": "bottom"},
    }
    specs = {}
    for measure in MEASURES.values():
        areas = {
            "data": data,
            "mark": {"type": "area", "interpolate": "step-after", "opacity": 0.85},
            "encoding": {
                "x": {
                    "field": "date",
                    "type": "temporal",
                    "title": None,
                    "scale": {"domain": [start.isoformat(), end.isoformat()]},
                },
                "y": {
                    "field": measure,
                    "type": "quantitative",
                    "stack": "zero",
                    "title": "districts" if measure == "districts" else "km²",
                },
                "color": colour,
                "order": {"field": "order", "type": "quantitative"},
                "tooltip": [
                    {"field": "date", "type": "temporal", "title": "from"},
                    {"field": "side", "type": "nominal"},
                    {"field": measure, "type": "quantitative"},
                ],
            },
        }
        specs[measure] = {
            "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
            "config": {"view": {"stroke": None}},
            "layer": [areas, day_picker(start, end)],
        }
    return specs


def render_control_chart(
    specs: dict[str, dict], *, date: dt.date, start: dt.date, end: dt.date, jump: Callable[[dt.date], None]
) -> None:
    """The chart (``specs`` from :func:`control_specs`) under a Districts / Area switch; a click calls ``jump(day)``."""
    st.markdown("#### Control over time")
    label = st.radio("Measure", list(MEASURES), key=MEASURE_KEY, horizontal=True, label_visibility="collapsed")

    def clicked() -> None:
        day = clicked_day(KEY)
        if day is not None and start <= day <= end:
            jump(day)

    st.vega_lite_chart(
        spec=with_date_rule(specs[MEASURES[label or "Districts"]], date, color="#111111"),
        key=KEY,
        on_select=clicked,
        width="stretch",
        height=240,
        alt="Districts or area held by each side over time, the selected date marked; click to go to a date",
    )
    st.caption("Click the chart to go to that day. Areas are measured on the district shapes.")
