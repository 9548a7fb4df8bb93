"""Aleppo Frontlines: the Streamlit entry point. It only wires geo/ to components/.

streamlit run dashboard.py                      # the shipped Aleppo data
streamlit run dashboard.py -- --data DIR        # any theatre directory
FRONTLINES_DATA=DIR streamlit run dashboard.py  # for hosts that cannot pass arguments
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import streamlit as st

from components.date_controls import render_date_controls
from components.district_panel import render_district_panel, render_no_selection
from components.events_list import render_events
from components.js import js_literal
from components.legend import render_legend
from components.map_view import render_map
from components.quality_view import render_quality
from components.share_link import render_share_link
from components.static_files import publish_payloads, static_serving_enabled
from components.text import md_text
from components.timeline_strip import render_timeline
from components.url_state import read_view_from_url, write_view_to_url
from geo import STATUSES, DataError, Theatre, load_theatre
from geo.export import districts_geojson
from geo.quality import changes_per_month, confidence_counts, sourcing_summary
from geo.theatre import count_statuses

EVENT_WINDOW_DAYS = 30

HERE = Path(__file__).resolve().parent
DEFAULT_DATA = HERE / "data" / "aleppo"


def data_directory(argv: list[str]) -> Path:
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--data", type=Path)
    known, _ = parser.parse_known_args(argv)
    return known.data or Path(os.environ.get("FRONTLINES_DATA") or DEFAULT_DATA)


def files_signature(directory: Path) -> tuple:
    """Changes whenever a theatre file changes; the cache key beside the path."""
    return tuple((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in sorted(directory.glob("*")) if p.is_file())


@dataclass(frozen=True)
class Prepared:
    theatre: Theatre
    shapes_path: str | None
    inline_shapes_js: str | None
    timeline_path: str | None
    per_month: pd.Series
    sourcing: dict[str, int]
    confidence: dict[str, int]


@st.cache_resource(show_spinner="Loading the theatre…", max_entries=4)
def prepare(directory: str, signature: tuple, static: bool) -> Prepared:
    """Load, validate and serialise a theatre once per version of its files."""
    theatre = load_theatre(directory)
    shapes = js_literal(districts_geojson(theatre))
    figures = (changes_per_month(theatre), sourcing_summary(theatre), confidence_counts(theatre))
    published = (
        publish_payloads(
            HERE / "static", "theatres", {".geojson": shapes, ".timeline.json": js_literal(theatre.timelines())}
        )
        if static
        else None
    )
    if published is None:  # static serving is off or its folder cannot be written
        return Prepared(theatre, None, shapes, None, *figures)
    return Prepared(theatre, published[".geojson"], None, published[".timeline.json"], *figures)


def show_data_error(directory: Path, exc: Exception) -> None:
    st.error(
        f"The theatre data in {md_text(directory)} could not be loaded. Nothing was changed; fix the files and reload."
    )
    st.code(str(exc), language=None)


def start_session(theatre: Theatre) -> None:
    """On a session's first run, take the view from the URL."""
    if "date" in st.session_state:
        return
    date, district, notices = read_view_from_url(
        parse_date=theatre.require_date, check_district=theatre.require_district
    )
    st.session_state["date"] = date or theatre.meta.end_date
    st.session_state["district"] = district
    st.session_state["url_notices"] = notices


def select_district(district_id: str) -> None:
    st.session_state["district"] = district_id


def clear_district() -> None:
    st.session_state["district"] = None


def jump_to(date: dt.date | None) -> None:
    if date is not None:
        st.session_state["date"] = date


def main() -> None:
    st.set_page_config(page_title="Aleppo Frontlines", page_icon="🗺️", layout="wide")
    directory = data_directory(sys.argv[1:])
    try:
        prepared = prepare(
            str(directory), files_signature(directory) if directory.is_dir() else (), static_serving_enabled()
        )
    except DataError as exc:
        show_data_error(directory, exc)
        st.stop()
    theatre = prepared.theatre
    start_session(theatre)

    st.title(md_text(theatre.meta.title))
    st.caption(
        "Who controlled each neighbourhood, day by day. Scrub the date, click a district for its history and sources. "
        + md_text(theatre.meta.geometry_note)
    )
    for notice in st.session_state["url_notices"]:
        st.warning(md_text(notice))

    map_column, panel_column = st.columns([3, 2], gap="medium")
    with map_column:
        date = render_date_controls(
            start=theatre.meta.start_date,
            end=theatre.meta.end_date,
            key="date",
            previous_change=theatre.previous_change_date(st.session_state["date"]),
            next_change=theatre.next_change_date(st.session_state["date"]),
            jump=jump_to,
        )
        district_id = st.session_state["district"]
        codes, low = theatre.status_codes_at(date), theatre.low_confidence_at(date)
        render_map(
            shapes_path=prepared.shapes_path,
            inline_shapes_js=prepared.inline_shapes_js,
            timeline_path=prepared.timeline_path,
            slider_key="date",
            center=theatre.meta.center,
            zoom=theatre.meta.zoom,
            unknown_code=STATUSES.index("unknown"),
            codes=codes,
            low_confidence=low,
            selected=district_id,
            date=date.isoformat(),
            on_click=select_district,
        )
        render_legend()
        render_timeline(
            changes_per_month=prepared.per_month,
            events=theatre.events,
            date=date,
            start=theatre.meta.start_date,
            end=theatre.meta.end_date,
        )
    with panel_column:
        district_id = st.session_state["district"]
        if district_id:
            render_district_panel(
                theatre.district_at(district_id, date), theatre.history(district_id), date=date, on_close=clear_district
            )
        else:
            render_no_selection(count_statuses(codes), count_statuses(codes, where=low))
        render_events(theatre.events_near(date, days=EVENT_WINDOW_DAYS), date=date, window_days=EVENT_WINDOW_DAYS)
        render_share_link({"date": date.isoformat(), "district": district_id})
    render_quality(
        changes_per_month=prepared.per_month,
        sourcing=prepared.sourcing,
        confidence=prepared.confidence,
        uncertainties=list(theatre.meta.known_uncertainties),
        sources_count=len(theatre.sources),
        changes_count=len(theatre.changes),
        districts_count=len(theatre.district_ids),
        warnings=[str(w) for w in theatre.warnings],
    )
    st.caption("Sources and attribution: " + md_text(theatre.meta.attribution))
    write_view_to_url({"date": date.isoformat(), "district": district_id})


main()
