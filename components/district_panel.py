"""The details panel of the selected district: names, status, history and sources."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pandas as pd
import streamlit as st

from components.palette import STATUS_STYLES
from components.text import html_text, md_link, md_text, render_html, source_links
from geo.statuses import STATUS_LABELS
from geo.urls import host_of

_PRECISION_FORMAT = {"day": "%d %b %Y", "days": "%d %b %Y", "month": "%b %Y", "year": "%Y"}
_PRECISION_NOTE = {"day": "", "days": " (over several days)", "month": " (day unknown)", "year": " (month unknown)"}


def readable_date(iso: str, precision: str = "day") -> str:
    day = dt.date.fromisoformat(iso)
    return day.strftime(_PRECISION_FORMAT.get(precision, "%d %b %Y")).lstrip("0") + _PRECISION_NOTE.get(precision, "")


Cite = Callable[[str], list[dict[str, str]]]


def rated_links(citations: list[dict[str, str]]) -> str:
    """Links to reports, each followed by its kind and alignment where rated."""
    links = []
    for c in citations:
        rating = "; ".join(x for x in (c.get("kind", ""), c.get("alignment", "")) if x)
        links.append(md_link(host_of(c["url"]) or c["url"], c["url"]) + (f" \\({md_text(rating)}\\)" if rating else ""))
    return " · ".join(links)


def _no_citations(ids: str) -> list[dict[str, str]]:
    return []


def _status_badge(status: str) -> str:
    style = STATUS_STYLES[status]
    return (
        f"<span class='status-badge status-{status}' style='background-color:{style['fillColor']};"
        f"color:{'#fff' if status in ('government', 'isil', 'opposition') else '#000'};"
        f"padding:.1em .5em;border-radius:.3em;font-weight:600'>{STATUS_LABELS[status]}</span>"
    )


def _between(sides: str) -> str:
    """' between Government and Kurdish (YPG/SDF)' for a contested change's sides, or ''."""
    named = [STATUS_LABELS[s] for s in sides.split() if s in STATUS_LABELS]
    if not named:
        return ""
    return " between " + (named[0] if len(named) == 1 else ", ".join(named[:-1]) + " and " + named[-1])


def _partial_date(text: str) -> str:
    """'2016-12-04' -> '4 Dec 2016', '2016-12' -> 'Dec 2016', '2012' -> '2012'."""
    precision = {10: "day", 7: "month", 4: "year"}.get(len(text))
    if precision is None:
        return text
    full = text + "-01" * ((10 - len(text)) // 3)
    return readable_date(full, precision).split(" (")[0]


def _disagreement(change, cite: Cite) -> str:
    """What the reports that disagree with a change say: another date, and who."""
    parts = []
    if getattr(change, "alt_date", ""):
        parts.append(f"another report gives {md_text(_partial_date(change.alt_date))}")
    if getattr(change, "disputed_by", ""):
        parts.append("disputed by " + (rated_links(cite(change.disputed_by)) or md_text(change.disputed_by)))
    return f" **Sources disagree:** {'; '.join(parts)}\\." if parts else ""


def render_district_panel(
    district: dict,
    history: pd.DataFrame,
    *,
    date: dt.date,
    on_close: Callable[[], None],
    cite: Cite = _no_citations,
) -> None:
    """Show one district. ``district`` is a row of ``Theatre.district_at``; every text from it is escaped.

    ``cite`` turns space-separated source ids into reports with their kind and alignment
    (:meth:`geo.Theatre.citations`); without it sources are plain links.
    """
    st.markdown(f"### {md_text(district['name_en'])}")
    if district["name_ar"]:
        render_html(f"<div dir='rtl' lang='ar' style='font-size:1.3em'>{html_text(district['name_ar'])}</div>")
    if district["alt_names"]:
        st.caption("Also known as: " + md_text(district["alt_names"]))
    if district.get("name_note"):
        st.caption(md_text(district["name_note"]))
    if district.get("place_source_url"):
        st.caption("Names and location from: " + source_links(district["place_source_url"]))
    initial = not district["source_url"]
    since = "the start of the record" if initial else readable_date(district["since"])
    between = _between(district.get("sides", ""))
    render_html(
        f"<div class='district-status'>On <strong>{date:%d %B %Y}</strong>: {_status_badge(district['status'])}"
        f"{' ' + html_text(between) if between else ''} since {html_text(since)}</div>"
    )
    initial_links = rated_links(cite(district["sources"])) if initial and district.get("sources") else ""
    if initial_links:
        st.caption("Initial status from: " + initial_links)
    if district["note"]:
        st.markdown(f"> {md_text(district['note'])}")

    st.markdown("#### Control history")
    if history.empty:
        st.info("No change of control is recorded for this district: it keeps the theatre's initial status throughout.")
    else:
        lines = ["| Date | Status | What happened | Confidence | Sources |", "|---|---|---|---|---|"]
        for change in history.itertuples(index=False):
            ids = getattr(change, "sources", "")
            cited = rated_links(cite(ids)) if ids else ""
            lines.append(
                f"| {md_text(readable_date(change.date, change.date_precision))} "
                f"| {md_text(STATUS_LABELS[change.status] + _between(getattr(change, 'sides', '')))} "
                f"| {md_text(change.note) or '—'}{_disagreement(change, cite)} | {md_text(change.confidence) or '—'} "
                f"| {cited or source_links(change.source_url)} |"
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
