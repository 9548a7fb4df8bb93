"""A date box beside the slider: type or pick an exact day; shows the slider's range."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import streamlit as st

from mapui.i18n import date_text, t


def render_date_box(*, start: dt.date, end: dt.date, date: dt.date, jump: Callable[[dt.date], None], lang: str) -> None:
    """A date input showing ``date`` (the slider's); a day typed or picked calls ``jump(day)``.

    The box is a new widget for every date (its key names the date), created with that value:
    nothing syncs it back and forth, so a box re-rendered late (a rerun cut short by the next
    slider move) can never pull the slider back to the date it showed.
    """
    key = f"date-box-{date.isoformat()}"

    def typed() -> None:
        day = st.session_state.get(key)
        if isinstance(day, dt.date) and start <= day <= end and day != date:
            jump(day)

    st.date_input(
        t("datebox.label", lang),
        value=date,
        min_value=start,
        max_value=end,
        key=key,
        on_change=typed,
        format="YYYY-MM-DD",
        help=t("datebox.help", lang, start=date_text(start, lang, "day_long"), end=date_text(end, lang, "day_long")),
    )
    st.caption(t("datebox.range", lang, start=date_text(start, lang, "day"), end=date_text(end, lang, "day")))
