"""The date slider and the buttons that jump between changes.

Time runs left to right in both interface languages (the slider, the buttons and the
timeline strip under the map), as in most Arabic news charts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import streamlit as st

from components.i18n import date_text, t


def render_date_controls(
    *,
    start: dt.date,
    end: dt.date,
    key: str,
    previous_change: dt.date | None,
    next_change: dt.date | None,
    jump: Callable[[dt.date], None],
    lang: str,
) -> dt.date:
    """Slider over ``start``..``end`` in day steps, with previous/next-change buttons.

    The slider's value lives in ``st.session_state[key]``; ``jump(date)`` moves it.
    """
    with st.container(key=f"{key}-controls"):
        value = st.slider(
            t("date.label", lang),
            min_value=start,
            max_value=end,
            step=dt.timedelta(days=1),
            format=t("date.slider_format", lang),
            key=key,
        )
        before, label, after = st.columns([1, 2, 1], vertical_alignment="center")
        before.button(
            t("date.previous_change", lang),
            key=f"{key}-previous",
            width="stretch",
            disabled=previous_change is None,
            on_click=jump,
            args=(previous_change,),
            help=t("date.jump_to", lang, date=date_text(previous_change, lang, "day_long"))
            if previous_change
            else t("date.no_earlier_change", lang),
        )
        label.markdown(
            f"<p class='frontlines-date'>{date_text(value, lang, 'weekday')}</p>",
            unsafe_allow_html=True,
        )
        after.button(
            t("date.next_change", lang),
            key=f"{key}-next",
            width="stretch",
            disabled=next_change is None,
            on_click=jump,
            args=(next_change,),
            help=t("date.jump_to", lang, date=date_text(next_change, lang, "day_long"))
            if next_change
            else t("date.no_later_change", lang),
        )
    return value
