"""A strip under the slider: changes per month, context events, and the selected date."""
from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st


def render_timeline(*, changes_per_month: pd.Series, events: pd.DataFrame, date: dt.date,
                    start: dt.date, end: dt.date) -> None:
    """Draw the strip (Vega-Lite; tooltips show text, never HTML)."""
    months = [{"month": f"{m}-01", "changes": int(n)} for m, n in changes_per_month.items()]
    marks = [{"date": e.date, "title": e.title} for e in events.itertuples(index=False)]
    axis = {"title": None, "format": "%Y", "tickCount": "year", "grid": False}
    spec = {
        "height": 90,
        "width": "container",
        "autosize": {"type": "fit", "contains": "padding"},
        "layer": [
            {"data": {"values": months}, "mark": {"type": "bar", "color": "#8a96a3"},
             "encoding": {"x": {"field": "month", "type": "temporal", "timeUnit": "yearmonth", "axis": axis,
                                "scale": {"domain": [start.isoformat(), end.isoformat()]}},
                          "y": {"field": "changes", "type": "quantitative", "axis": {"title": "changes", "tickCount": 2}},
                          "tooltip": [{"field": "month", "type": "temporal", "timeUnit": "yearmonth", "title": "month"},
                                      {"field": "changes", "type": "quantitative"}]}},
            {"data": {"values": marks}, "mark": {"type": "point", "shape": "triangle-down", "filled": True, "size": 90,
                                                 "color": "#0072B2"},
             "encoding": {"x": {"field": "date", "type": "temporal"}, "y": {"value": 4},
                          "tooltip": [{"field": "date", "type": "temporal", "format": "%d %B %Y"}, {"field": "title"}]}},
            {"data": {"values": [{"date": date.isoformat()}]}, "mark": {"type": "rule", "color": "#D55E00", "strokeWidth": 2},
             "encoding": {"x": {"field": "date", "type": "temporal"}}},
        ],
    }
    st.vega_lite_chart(spec, width="stretch")
    st.caption("Bars: recorded changes of control per month. ▼ context events (hover for titles). Line: the selected date.")
