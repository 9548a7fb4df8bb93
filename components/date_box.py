"""A date box beside the slider: type or pick an exact day; shows the slider's range."""

from __future__ import annotations

import datetime as dt

import streamlit as st


def render_date_box(*, start: dt.date, end: dt.date, slider_key: str, key: str = "date-box") -> None:
    """A date input kept equal to the slider in ``st.session_state[slider_key]``, both ways.

    The box's value is set from the slider before it is drawn (never through ``value=``,
    which Streamlit would report as set twice); a day typed or picked moves the slider.
    A value the box reports back that is the one last set from the slider is not the reader's:
    it may arrive after the slider moved on, and must not pull the slider back.
    """
    synced = f"{key}-synced"
    if st.session_state.get(key) != st.session_state[slider_key]:
        st.session_state[key] = st.session_state[synced] = st.session_state[slider_key]

    def typed() -> None:
        day = st.session_state.get(key)
        if isinstance(day, dt.date) and start <= day <= end and day != st.session_state.get(synced):
            st.session_state[slider_key] = day

    st.date_input(
        "Go to date",
        min_value=start,
        max_value=end,
        key=key,
        on_change=typed,
        format="YYYY-MM-DD",
        help=f"Type a date as YYYY-MM-DD or pick one; the record runs from {start:%d %B %Y} to {end:%d %B %Y}.",
    )
    st.caption(f"Range: {start:%d %b %Y} – {end:%d %b %Y}")
