"""The timeline strip: changes per month, context events and the selected date; click to jump.

A Vega-Lite chart built once per version of the data (:func:`strip_spec`): clicking a
month jumps to its first day, clicking an event's ▼ jumps to its date. The titles of the
events on the selected date are written under the strip, so they can be read without
hovering (touch screens).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

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
    months = month_rows(changes_per_month, start, end).to_dict("records")
    happened = [
        {"when": str(when), "title": str(title), DAY_FIELD: str(when)}
        for when, title in zip(events["date"], events["title"], strict=True)
    ]
    x = {"field": "begin", "type": "temporal", "title": None, "scale": {"domain": [start.isoformat(), end.isoformat()]}}
    tooltip = [{"field": "month", "type": "nominal"}, {"field": "changes", "type": "quantitative"}]
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "title": {"text": "Changes of control per month", "fontSize": 12, "anchor": "start"},
        "config": {"view": {"stroke": None}},
        "layer": [
            {
                "data": {"values": months},
                "mark": {"type": "bar", "color": "#8a96a3"},
                "encoding": {
                    "x": x,
                    "x2": {"field": "until"},
                    "y": {"field": "changes", "type": "quantitative", "axis": None},
                    "tooltip": tooltip,
                },
            },
            {  # on top of the bars, invisible: a click anywhere in a month picks it
                "data": {"values": months},
                "mark": {"type": "rect", "opacity": 0.001, "cursor": "pointer"},
                "encoding": {"x": x, "x2": {"field": "until"}, "tooltip": tooltip},
                "params": [_pick("month")],
            },
            {
                "data": {"values": happened},
                "mark": {
                    "type": "point",
                    "shape": "triangle-down",
                    "size": 140,
                    "filled": True,
                    "color": "#0072B2",
                    "opacity": 1,
                    "cursor": "pointer",
                },
                "encoding": {
                    "x": {"field": "when", "type": "temporal"},
                    "y": {"value": 6},
                    "tooltip": [
                        {"field": "when", "type": "nominal", "title": "date"},
                        {"field": "title", "type": "nominal"},
                    ],
                },
                "params": [_pick("event")],
            },
        ],
    }


def _pick(name: str) -> dict:
    return {"name": name, "select": {"type": "point", "fields": [DAY_FIELD], "on": "click", "clear": False}}


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
