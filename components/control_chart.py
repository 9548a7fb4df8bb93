"""Control over time: districts, or area, held by each side on every day; click to jump to a date.

The Vega-Lite specs are built once per version of the data (:func:`control_specs`); the
series travels once, as a static file where static serving is on.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import altair as alt
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
    colour = alt.Color(
        "side:N",
        scale=alt.Scale(
            domain=[STATUS_LABELS[s] for s in statuses], range=[STATUS_STYLES[s]["fillColor"] for s in statuses]
        ),
        legend=alt.Legend(title=None, orient="bottom"),
    )
    data = alt.UrlData(url=data_url, format=alt.JsonDataFormat(type="json")) if data_url else series_records(series)
    specs = {}
    for measure in MEASURES.values():
        x = alt.X("date:T", scale=alt.Scale(domain=[start.isoformat(), end.isoformat()]), title=None)
        areas = (
            alt.Chart(alt.Data(values=data) if isinstance(data, list) else data)
            .mark_area(interpolate="step-after", opacity=0.85)
            .encode(
                x=x,
                y=alt.Y(f"{measure}:Q", stack="zero", title="districts" if measure == "districts" else "km²"),
                color=colour,
                order="order:Q",
                tooltip=[alt.Tooltip("date:T", title="from"), "side:N", f"{measure}:Q"],
            )
        )
        spec = alt.layer(areas).configure_view(stroke=None).to_dict()
        spec["layer"].append(day_picker(start, end))
        specs[measure] = spec
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
