"""Compare mode: a "from" date, and the list of districts whose status differs on the map's date."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from components.district_panel import readable_date
from components.text import md_text, render_html, source_links
from geo.compare import Comparison
from geo.statuses import STATUS_LABELS

TOGGLE_KEY, FROM_KEY = "compare", "from"


def render_compare_controls(*, start: dt.date, end: dt.date, date: dt.date) -> dt.date | None:
    """A "Compare two dates" toggle and, when on, the "from" date (the slider is the "to" date).

    ``st.session_state[FROM_KEY]`` holds the from date, or ``None`` outside compare mode.
    Returns that date.
    """
    if FROM_KEY not in st.session_state:
        st.session_state[FROM_KEY] = None
    st.session_state[TOGGLE_KEY] = st.session_state[FROM_KEY] is not None
    from_date = st.session_state[FROM_KEY]
    box = f"{FROM_KEY}-box-{from_date}"  # a new box per date, as in components.date_box

    def toggled() -> None:
        on = st.session_state[TOGGLE_KEY]
        st.session_state[FROM_KEY] = max(start, date - dt.timedelta(days=30)) if on else None

    def picked() -> None:
        day = st.session_state.get(box)
        if isinstance(day, dt.date) and start <= day <= end:
            st.session_state[FROM_KEY] = day

    toggle, picker = st.columns([1, 1])
    toggle.toggle(
        "Compare two dates",
        key=TOGGLE_KEY,
        on_change=toggled,
        help="Mark every district whose status differs between a 'from' date and the map's date, and list them.",
    )
    if from_date is not None:
        picker.date_input(
            "From",
            value=from_date,
            min_value=start,
            max_value=end,
            key=box,
            on_change=picked,
            format="YYYY-MM-DD",
            help="The map's date (the slider) is the 'to' date.",
        )
    return from_date


def render_changes(comparison: Comparison, *, csv: str) -> None:
    """The changed districts grouped by the side that gained, with totals, sources and a CSV download.

    Every text from data is escaped.
    """
    changed = comparison.changed
    st.markdown(f"#### What changed from {comparison.start:%d %B %Y} to {comparison.end:%d %B %Y}")
    if changed.empty:
        st.info("No district's status differs between these two dates.")
        return
    render_html(
        f"<div class='frontlines-compare-total'><b>{len(changed)}</b> districts, "
        f"<b>{comparison.area_km2:,.1f} km²</b> changed hands</div>"
    )
    for gain in comparison.gains.itertuples(index=False):
        rows = changed[changed["to_status"] == gain.status]
        st.markdown(
            f"##### {STATUS_LABELS[gain.status]} gained {gain.districts} "
            f"{'district' if gain.districts == 1 else 'districts'} ({gain.area_km2:,.1f} km²)"
        )
        lines = ["| District | Before | Changed on | Sources |", "|---|---|---|---|"]
        for row in rows.itertuples(index=False):
            dates = ", ".join(readable_date(d) for d in row.dates.split()) or "—"
            lines.append(
                f"| {md_text(row.name_en)} | {STATUS_LABELS[row.from_status]} | {md_text(dates)} "
                f"| {source_links(row.source_url) or '—'} |"
            )
        st.markdown("\n".join(lines))
    st.caption("Areas are measured on the district shapes (approximate where the shapes are).")
    st.download_button(
        "Download the changes (CSV)",
        data=csv,
        file_name=f"changes-{comparison.start}-to-{comparison.end}.csv",
        mime="text/csv",
        key="compare-download",
    )
