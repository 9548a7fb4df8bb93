"""Context events near the selected date: sieges, ceasefires, evacuations."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from components.district_panel import readable_date
from components.text import md_text, source_links


def render_events(events: pd.DataFrame, *, date: dt.date, window_days: int) -> None:
    """List ``events`` (rows of ``Theatre.events_near``); every text is escaped."""
    st.markdown(f"#### Events within {window_days} days of {date:%d %B %Y}")
    if events.empty:
        st.caption("No recorded context event near this date.")
        return
    lines = []
    for event in events.itertuples(index=False):
        when = (
            readable_date(event.date)
            if event.end_date == event.date
            else f"{readable_date(event.date)} – {readable_date(event.end_date)}"
        )
        note = f" — {md_text(event.note)}" if event.note else ""
        lines.append(f"- **{md_text(when)}**: {md_text(event.title)}{note} ({source_links(event.source_url)})")
    st.markdown("\n".join(lines))
