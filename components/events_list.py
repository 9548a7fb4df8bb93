"""Context events near the selected date: sieges, ceasefires, evacuations."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pandas as pd
import streamlit as st

from components.district_panel import readable_date
from components.text import md_text, source_links


def render_events(
    events: pd.DataFrame, *, date: dt.date, window_days: int, jump: Callable[[dt.date], None] | None = None
) -> None:
    """List ``events`` (rows of ``Theatre.events_near``); every text is escaped.

    With ``jump``, each event has a button that calls ``jump(its date)``.
    """
    st.markdown(f"#### Events within {window_days} days of {date:%d %B %Y}")
    if events.empty:
        st.caption("No recorded context event near this date.")
        return
    lines = []
    for number, event in enumerate(events.itertuples(index=False)):
        when = (
            readable_date(event.date)
            if event.end_date == event.date
            else f"{readable_date(event.date)} – {readable_date(event.end_date)}"
        )
        note = f" — {md_text(event.note)}" if event.note else ""
        line = f"- **{md_text(when)}**: {md_text(event.title)}{note} ({source_links(event.source_url)})"
        if jump is None:
            lines.append(line)
            continue
        text, button = st.columns([5, 1], vertical_alignment="center")
        text.markdown(line)
        day = dt.date.fromisoformat(event.date)
        button.button(
            f"Go to {readable_date(event.date)}",
            key=f"event-jump-{number}-{event.date}",
            on_click=jump,
            args=(day,),
            disabled=day == date,
            help="Show the map on this event's date",
        )
    if lines:
        st.markdown("\n".join(lines))
