"""Context events near the selected date: sieges, ceasefires, evacuations."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pandas as pd
import streamlit as st

from components.district_panel import readable_date
from components.text import data_text, md_text, source_links
from mapui.i18n import date_text, t

JUMPS_KEY = "event-jumps"


def event_lines(events: pd.DataFrame, *, date: dt.date, lang: str) -> tuple[str, dict[str, str]]:
    """``events`` (rows of ``Theatre.events_near``) as a markdown list, every text escaped, and
    the "Go to" labels of their dates but ``date``, by ISO date. Made once per date and language
    (the dashboard keeps them), since every reader's scrub shows them again."""
    lines, targets = [], {}
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
        lines.append(
            f"- **{md_text(when)}**: {data_text(event.title, lang)}{note} ({source_links(event.source_url, lang=lang)})"
        )
        if event.date != date.isoformat():
            targets[event.date] = t("events.go_to", lang, date=readable_date(event.date, lang=lang))
    return "\n".join(lines), targets


def render_events(
    lines: str,
    targets: dict[str, str],
    *,
    date: dt.date,
    window_days: int,
    lang: str,
    jump: Callable[[dt.date], None] | None = None,
) -> None:
    """Show :func:`event_lines`' list; with ``jump``, choosing one of the target dates calls ``jump(that date)``."""
    heading = "## " + t("events.heading", lang, count=window_days, date=date_text(date, lang, "day_long"))
    if not lines:
        st.markdown(heading)
        st.caption(t("events.none", lang))
        return
    st.markdown(f"{heading}\n\n{lines}", unsafe_allow_html=True)  # one element: each costs every rerun
    if jump is not None and targets:
        _render_jumps(targets, jump=jump, lang=lang)


def _render_jumps(targets: dict[str, str], *, jump: Callable[[dt.date], None], lang: str) -> None:
    """A "Go to an event's date" choice of the events' dates other than the shown one: one
    element, where a button per date was one each (a scrub redraws this list, and each element
    costs the server). The choice is cleared once made, so the same date can be chosen again."""

    def chosen() -> None:
        iso = st.session_state.get(JUMPS_KEY)
        st.session_state[JUMPS_KEY] = None
        if iso in targets:
            jump(dt.date.fromisoformat(iso))

    st.selectbox(
        t("events.go_to_label", lang),
        list(targets),
        index=None,
        format_func=targets.__getitem__,
        key=JUMPS_KEY,
        on_change=chosen,
        placeholder=t("events.go_to_placeholder", lang),
        help=t("events.go_to_help", lang),
    )
