"""The timeline strip: changes per month, context events and the selected date; click to jump.

A Vega-Lite chart built once per version of the data (:func:`strip_spec`): clicking a
month jumps to its first day, clicking an event's ▼ jumps to its date. The titles of the
events on the selected date are written under the strip, so they can be read without
hovering (touch screens).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import altair as alt
import pandas as pd
import streamlit as st

from components.chart_select import DAY_FIELD, clicked_day, with_date_rule
from components.text import md_text

KEY = "timeline-strip"
STRIP_HEIGHT = 130


def month_rows(changes_per_month: pd.Series, start: dt.date, end: dt.date) -> pd.DataFrame:
    """Every month from ``start`` to ``end`` (clipped to them) with its count of changes."""
    months = pd.period_range(pd.Timestamp(start).to_period("M"), pd.Timestamp(end).to_period("M"), freq="M")
    begins = [max(m.start_time.date(), start) for m in months]
    return pd.DataFrame(
        {
            "month": [m.strftime("%B %Y") for m in months],
            "begin": [b.isoformat() for b in begins],
            "until": [min((m + 1).start_time.date(), end + dt.timedelta(days=1)).isoformat() for m in months],
            "changes": [int(changes_per_month.get(str(m), 0)) for m in months],
            DAY_FIELD: [b.isoformat() for b in begins],
        }
    )


def strip_spec(*, changes_per_month: pd.Series, events: pd.DataFrame, start: dt.date, end: dt.date) -> dict:
    """The strip's Vega-Lite spec, without the selected date (see :func:`render_timeline_chart`)."""
    months = month_rows(changes_per_month, start, end)
    happened = pd.DataFrame({"when": events["date"].astype(str), "title": events["title"].astype(str)})
    happened[DAY_FIELD] = happened["when"]
    x = alt.X("begin:T", scale=alt.Scale(domain=[start.isoformat(), end.isoformat()]), title=None)
    base = alt.Chart(months)
    bars = base.mark_bar(color="#8a96a3").encode(
        x=x, x2="until:T", y=alt.Y("changes:Q", axis=None), tooltip=["month", "changes"]
    )
    pick_month = alt.selection_point(name="month", fields=[DAY_FIELD], on="click", clear=False)
    months_layer = (
        base.mark_rect(opacity=0.001, cursor="pointer")
        .encode(x=x, x2="until:T", tooltip=["month", "changes"])
        .add_params(pick_month)
    )
    pick_event = alt.selection_point(name="event", fields=[DAY_FIELD], on="click", clear=False)
    marks = (
        alt.Chart(happened)
        .mark_point(shape="triangle-down", size=140, filled=True, color="#0072B2", opacity=1, cursor="pointer")
        .encode(x=alt.X("when:T"), y=alt.value(6), tooltip=[alt.Tooltip("when:N", title="date"), "title"])
        .add_params(pick_event)
    )
    chart = alt.layer(bars, months_layer, marks).properties(
        title=alt.TitleParams("Changes of control per month", fontSize=12, anchor="start")
    )
    return chart.configure_view(stroke=None).to_dict()


def render_timeline_chart(
    spec: dict, *, events: pd.DataFrame, date: dt.date, start: dt.date, end: dt.date, jump: Callable[[dt.date], None]
) -> None:
    """Draw the strip (``spec`` from :func:`strip_spec`); a click on a month or an event calls ``jump(day)``."""

    def clicked() -> None:
        day = clicked_day(KEY)
        if day is not None and start <= day <= end:
            jump(day)

    st.vega_lite_chart(
        spec=with_date_rule(spec, date, color="#D55E00"),
        key=KEY,
        on_select=clicked,
        width="stretch",
        height=STRIP_HEIGHT,
        alt="Changes of control per month and context events; click a month or an event to go to its date",
    )
    today = events[events["date"] == date.isoformat()]
    titles = "; ".join(md_text(title) for title in today["title"])
    st.caption(
        (f"▼ {date:%d %b %Y}: {titles}. " if titles else "")
        + "Bars: recorded changes per month (click one to go to that month). ▼ context events (click to go to "
        "the date). Line: the selected date."
    )
