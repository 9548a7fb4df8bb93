"""Context events near the selected date: sieges, ceasefires, evacuations."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from components.district_panel import readable_date, source_links
from components.i18n import date_text, t
from components.text import data_text, md_text


def render_events(events: pd.DataFrame, *, date: dt.date, window_days: int, lang: str) -> None:
    """List ``events`` (rows of ``Theatre.events_near``); every text is escaped."""
    st.markdown(
        "## " + t("events.heading", lang, count=window_days, date=date_text(date, lang, "day_long")),
    )
    if events.empty:
        st.caption(t("events.none", lang))
        return
    lines = []
    for event in events.itertuples(index=False):
        when = (
            readable_date(event.date, lang=lang)
            if event.end_date == event.date
            else t(
                "events.range",
                lang,
                start=readable_date(event.date, lang=lang),
                end=readable_date(event.end_date, lang=lang),
            )
        )
        note = t("events.note", lang, note=data_text(event.note, lang)) if event.note else ""
        lines.append(f"- **{md_text(when)}**: {data_text(event.title, lang)}{note} ({source_links(event.source_url)})")
    st.markdown("\n".join(lines), unsafe_allow_html=True)
