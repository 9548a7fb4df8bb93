"""The date slider and the buttons that jump between changes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import streamlit as st

from components.text import render_html


def render_date_controls(
    *,
    start: dt.date,
    end: dt.date,
    key: str,
    previous_change: dt.date | None,
    next_change: dt.date | None,
    jump: Callable[[dt.date], None],
) -> dt.date:
    """Slider over ``start``..``end`` in day steps, with previous/next-change buttons.

    The slider's value lives in ``st.session_state[key]``; ``jump(date)`` moves it.
    """
    value = st.slider("Date", min_value=start, max_value=end, step=dt.timedelta(days=1), format="D MMM YYYY", key=key)
    before, label, after = st.columns([1, 2, 1])
    before.button(
        "◀ Previous change",
        key=f"{key}-previous",
        width="stretch",
        disabled=previous_change is None,
        on_click=jump,
        args=(previous_change,),
        help=f"Jump to {previous_change:%d %B %Y}" if previous_change else "No earlier change",
    )
    with label:
        render_html(
            f"<div style='text-align:center;font-size:1.25em;font-weight:600' class='frontlines-date'>"
            f"{value:%A %d %B %Y}</div>"
        )
    after.button(
        "Next change ▶",
        key=f"{key}-next",
        width="stretch",
        disabled=next_change is None,
        on_click=jump,
        args=(next_change,),
        help=f"Jump to {next_change:%d %B %Y}" if next_change else "No later change",
    )
    return value
