"""The details panel of the selected district: names, status, history and sources."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pandas as pd
import streamlit as st

from components.palette import STATUS_STYLES
from components.text import html_text, md_text, render_html, source_links
from geo.statuses import STATUS_LABELS

_PRECISION_FORMAT = {"day": "%d %b %Y", "days": "%d %b %Y", "month": "%b %Y", "year": "%Y"}
_PRECISION_NOTE = {"day": "", "days": " (over several days)", "month": " (day unknown)", "year": " (month unknown)"}


def readable_date(iso: str, precision: str = "day") -> str:
    day = dt.date.fromisoformat(iso)
    return day.strftime(_PRECISION_FORMAT.get(precision, "%d %b %Y")).lstrip("0") + _PRECISION_NOTE.get(precision, "")


def _status_badge(status: str) -> str:
    style = STATUS_STYLES[status]
    return (
        f"<span class='status-badge status-{status}' style='background-color:{style['fillColor']};"
        f"color:{'#fff' if status in ('government', 'isil', 'opposition') else '#000'};"
        f"padding:.1em .5em;border-radius:.3em;font-weight:600'>{STATUS_LABELS[status]}</span>"
    )


def render_district_panel(
    district: dict, history: pd.DataFrame, *, date: dt.date, on_close: Callable[[], None]
) -> None:
    """Show one district. ``district`` is a row of ``Theatre.state_at``; every text from it is escaped."""
    st.markdown(f"### {md_text(district['name_en'])}")
    if district["name_ar"]:
        render_html(f"<div dir='rtl' lang='ar' style='font-size:1.3em'>{html_text(district['name_ar'])}</div>")
    if district["alt_names"]:
        st.caption("Also known as: " + md_text(district["alt_names"]))
    if district.get("name_note"):
        st.caption(md_text(district["name_note"]))
    if district.get("place_source_url"):
        st.caption("Names and location from: " + source_links(district["place_source_url"]))
    since = "the start of the record" if not district["source_url"] else readable_date(district["since"])
    render_html(
        f"<div class='district-status'>On <strong>{date:%d %B %Y}</strong>: {_status_badge(district['status'])} "
        f"since {html_text(since)}</div>"
    )
    if district["note"]:
        st.markdown(f"> {md_text(district['note'])}")

    st.markdown("#### Control history")
    if history.empty:
        st.info("No change of control is recorded for this district: it keeps the theatre's initial status throughout.")
    else:
        lines = ["| Date | Status | What happened | Confidence | Sources |", "|---|---|---|---|---|"]
        for change in history.itertuples(index=False):
            lines.append(
                f"| {md_text(readable_date(change.date, change.date_precision))} | {STATUS_LABELS[change.status]} "
                f"| {md_text(change.note) or '—'} | {md_text(change.confidence) or '—'} "
                f"| {source_links(change.source_url)} |"
            )
        st.markdown("\n".join(lines))
    st.button("Close details", key="close-district", on_click=on_close)


def render_no_selection(counts: dict[str, int], low_confidence: dict[str, int]) -> None:
    """What the panel shows before a district is clicked: a hint and the day's totals,
    with how many of each rest on a low-confidence change (drawn paler on the map)."""
    st.info("Click a district on the map to see its names, its control history and the sources behind every change.")
    st.markdown(
        "\n".join(
            f"- {STATUS_LABELS[status]}: **{n}** districts"
            + (f" ({low_confidence[status]} on low confidence)" if low_confidence.get(status) else "")
            for status, n in counts.items()
            if n
        )
    )
