"""Reading the day a reader clicked on in an Altair chart shown with ``on_select``."""

from __future__ import annotations

import datetime as dt

import streamlit as st

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
