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
    initial: dt.date,
    previous_change: Callable[[dt.date], dt.date | None],
    next_change: Callable[[dt.date], dt.date | None],
    jump: Callable[[dt.date | None], None],
) -> dt.date:
    """Slider over ``start``..``end`` in day steps, with previous/next-change buttons.

    The slider's value lives in ``st.session_state[key]`` (``initial`` until it has one);
    ``previous_change(date)`` and ``next_change(date)`` give the buttons' targets and
    ``jump(date)`` moves the slider there.
    """
    value = st.slider(
        "Date",
        min_value=start,
        max_value=end,
        value=None if key in st.session_state else initial,
        step=dt.timedelta(days=1),
        format="D MMM YYYY",
        key=key,
    )
    previous_date, next_date = previous_change(value), next_change(value)
    before, label, after = st.columns([1, 2, 1])
    before.button(
        "◀ Previous change",
        key=f"{key}-previous",
        width="stretch",
        disabled=previous_date is None,
        on_click=jump,
        args=(previous_date,),
        help=f"Jump to {previous_date:%d %B %Y}" if previous_date else "No earlier change",
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
        disabled=next_date is None,
        on_click=jump,
        args=(next_date,),
        help=f"Jump to {next_date:%d %B %Y}" if next_date else "No later change",
    )
    return value
