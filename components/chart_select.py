"""What the clickable charts share: the day a reader clicked, and the selected date's rule.

The charts are Vega-Lite specs written as plain dicts (no Altair import or validation on
the way), built once per version of the data; a rerun only adds :func:`with_date_rule` and
draws the spec with ``st.vega_lite_chart``.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from mapui.i18n import t

#: The field every clickable chart layer carries: the day it stands for, as YYYY-MM-DD.
DAY_FIELD = "day"


def clicked_day(key: str) -> dt.date | None:
    """The day in the newest selection of the chart with ``key`` (any of its point selections)."""
    state = st.session_state.get(key) or {}
    selection = state.get("selection") or {}
    for points in selection.values():
        for point in points if isinstance(points, list) else []:
            value = point.get(DAY_FIELD) if isinstance(point, dict) else None
            if isinstance(value, str):
                try:
                    return dt.date.fromisoformat(value[:10])
                except ValueError:
                    continue
    return None


def with_date_rule(spec: dict, date: dt.date, *, color: str) -> dict:
    """``spec`` (a layered chart) with a vertical rule at ``date`` on top; ``spec`` is not changed."""
    rule = {
        "data": {"values": [{"at": date.isoformat()}]},
        "mark": {"type": "rule", "color": color, "strokeWidth": 2.5},
        "encoding": {"x": {"field": "at", "type": "temporal"}},
    }
    return {**spec, "layer": [*spec["layer"], rule]}


def day_picker(start: dt.date, end: dt.date, *, lang: str = "en") -> dict:
    """A layer of one invisible rect per day from ``start`` to ``end``, generated in the browser
    (no data travels), each carrying its day in :data:`DAY_FIELD`: clicking it selects the day."""
    return {
        "data": {"sequence": {"start": 0, "stop": (end - start).days + 1, "as": "n"}},
        "transform": [
            {"calculate": f"datetime({start.year}, {start.month - 1}, {start.day} + datum.n)", "as": "begin"},
            {"calculate": f"datetime({start.year}, {start.month - 1}, {start.day} + datum.n + 1)", "as": "until"},
            {"calculate": "timeFormat(datum.begin, '%Y-%m-%d')", "as": DAY_FIELD},
        ],
        "mark": {"type": "rect", "opacity": 0.001, "cursor": "pointer"},
        "encoding": {
            "x": {"field": "begin", "type": "temporal"},
            "x2": {"field": "until"},
            "tooltip": [{"field": DAY_FIELD, "type": "nominal", "title": t("chart.go_to", lang)}],
        },
        "params": [{"name": "day", "select": {"type": "point", "fields": [DAY_FIELD], "on": "click", "clear": False}}],
    }
