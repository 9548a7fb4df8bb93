"""Control over time: districts, or area, held by each side on every day; click to jump to a date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import altair as alt
import pandas as pd
import streamlit as st

from components.chart_select import DAY_FIELD, clicked_day
from components.palette import STATUS_STYLES
from geo.statuses import STATUS_LABELS

KEY, MEASURE_KEY = "control-chart", "control-measure"
MEASURES = {"Districts": "districts", "Area (km²)": "area_km2"}


def control_chart(series: pd.DataFrame, *, measure: str, date: dt.date, start: dt.date, end: dt.date) -> alt.LayerChart:
    """``series`` is :func:`geo.series.control_series`; ``measure`` one of its number columns."""
    data = series.assign(side=series["status"].map(STATUS_LABELS))
    statuses = list(dict.fromkeys(data["status"]))
    colour = alt.Color(
        "side:N",
        scale=alt.Scale(
            domain=[STATUS_LABELS[s] for s in statuses], range=[STATUS_STYLES[s]["fillColor"] for s in statuses]
        ),
        legend=alt.Legend(title=None, orient="bottom"),
    )
    x = alt.X("date:T", scale=alt.Scale(domain=[start.isoformat(), end.isoformat()]), title=None)
    title = "districts" if measure == "districts" else "km²"
    areas = (
        alt.Chart(data)
        .mark_area(interpolate="step-after", opacity=0.85)
        .encode(x=x, y=alt.Y(f"{measure}:Q", stack="zero", title=title), color=colour, order="order:Q")
        .transform_calculate(order=f"indexof({statuses!r}, datum.status)")
    )
    days = pd.date_range(start, end, freq="D")
    pick = alt.selection_point(name="day", fields=[DAY_FIELD], on="click", empty=False)
    picker = (
        alt.Chart(
            pd.DataFrame({"begin": days, "until": days + pd.Timedelta(days=1), DAY_FIELD: days.strftime("%Y-%m-%d")})
        )
        .mark_rect(opacity=0.001, cursor="pointer")
        .encode(x=alt.X("begin:T"), x2="until:T", tooltip=[alt.Tooltip("begin:T", title="go to")])
        .add_params(pick)
    )
    rule = alt.Chart(pd.DataFrame({"at": [pd.Timestamp(date)]})).mark_rule(color="#111", strokeWidth=2).encode(x="at:T")
    return alt.layer(areas, picker, rule).configure_view(stroke=None)


def render_control_chart(
    series: pd.DataFrame, *, date: dt.date, start: dt.date, end: dt.date, jump: Callable[[dt.date], None]
) -> None:
    """The chart under a Districts / Area switch; a click calls ``jump(day)``."""
    st.markdown("#### Control over time")
    label = st.radio("Measure", list(MEASURES), key=MEASURE_KEY, horizontal=True, label_visibility="collapsed")

    def clicked() -> None:
        day = clicked_day(KEY)
        if day is not None and start <= day <= end:
            jump(day)

    st.altair_chart(
        control_chart(series, measure=MEASURES[label or "Districts"], date=date, start=start, end=end),
        key=KEY,
        on_select=clicked,
        width="stretch",
        height=240,
        alt="Districts or area held by each side over time, the selected date marked; click to go to a date",
    )
    st.caption("Click the chart to go to that day. Areas are measured on the district shapes.")
