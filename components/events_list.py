"""Context events near the selected date: sieges, ceasefires, evacuations."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pandas as pd
import streamlit as st

from components.district_panel import readable_date
from components.i18n import date_text, t
from components.text import data_text, md_text, source_links


def render_events(
    events: pd.DataFrame,
    *,
    date: dt.date,
    window_days: int,
    lang: str,
    jump: Callable[[dt.date], None] | None = None,
) -> None:
    """List ``events`` (rows of ``Theatre.events_near``); every text is escaped.

    With ``jump``, each event has a button that calls ``jump(its date)``.
    """
    st.markdown("## " + t("events.heading", lang, count=window_days, date=date_text(date, lang, "day_long")))
    if events.empty:
        st.caption(t("events.none", lang))
        return
    lines = []
    for number, event in enumerate(events.itertuples(index=False)):
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
        line = f"- **{md_text(when)}**: {data_text(event.title, lang)}{note} ({source_links(event.source_url)})"
        if jump is None:
            lines.append(line)
            continue
        text, button = st.columns([5, 1], vertical_alignment="center")
        text.markdown(line, unsafe_allow_html=True)
        day = dt.date.fromisoformat(event.date)
        button.button(
            t("events.go_to", lang, date=readable_date(event.date, lang=lang)),
            key=f"event-jump-{number}-{event.date}",
            on_click=jump,
            args=(day,),
            disabled=day == date,
            help=t("events.go_to_help", lang),
        )
    if lines:
        st.markdown("\n".join(lines), unsafe_allow_html=True)
