"""The date slider and the buttons that jump between changes.

Time runs left to right in both interface languages (the slider, the buttons and the
charts under the map), as in most Arabic news charts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import streamlit as st

from components.text import render_html
from mapui.i18n import date_text, t


def render_date_controls(
    *,
    start: dt.date,
    end: dt.date,
    key: str,
    initial: dt.date,
    previous_change: Callable[[dt.date], dt.date | None],
    next_change: Callable[[dt.date], dt.date | None],
    jump: Callable[[dt.date | None], None],
    lang: str,
) -> dt.date:
    """Slider over ``start``..``end`` in day steps, with previous/next-change buttons.

    The slider's value lives in ``st.session_state[key]`` (``initial`` until it has one);
    ``previous_change(date)`` and ``next_change(date)`` give the buttons' targets and
    ``jump(date)`` moves the slider there.
    """
    with st.container(key=f"{key}-controls"):
        value = st.slider(
            t("date.label", lang),
            min_value=start,
            max_value=end,
            value=None if key in st.session_state else initial,
            step=dt.timedelta(days=1),
            format=t("date.slider_format", lang),
            key=key,
        )
        previous_date, next_date = previous_change(value), next_change(value)
        before, label, after = st.columns([1, 2, 1], vertical_alignment="center")
        before.button(
            t("date.previous_change", lang),
            key=f"{key}-previous",
            width="stretch",
            disabled=previous_date is None,
            on_click=jump,
            args=(previous_date,),
            help=t("date.jump_to", lang, date=date_text(previous_date, lang, "day_long"))
            if previous_date
            else t("date.no_earlier_change", lang),
        )
        with label:
            render_html(f"<p class='frontlines-date'>{date_text(value, lang, 'weekday')}</p>")
        after.button(
            t("date.next_change", lang),
            key=f"{key}-next",
            width="stretch",
            disabled=next_date is None,
            on_click=jump,
            args=(next_date,),
            help=t("date.jump_to", lang, date=date_text(next_date, lang, "day_long"))
            if next_date
            else t("date.no_later_change", lang),
        )
    return value
