"""Aleppo Frontlines: the Streamlit entry point. It only wires geo/ to components/.

streamlit run dashboard.py                      # the shipped Aleppo data
streamlit run dashboard.py -- --data DIR        # any theatre directory
FRONTLINES_DATA=DIR streamlit run dashboard.py  # for hosts that cannot pass arguments
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import sys
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import streamlit as st

from components.compare_view import render_changes, render_compare_controls
from components.control_chart import control_specs, render_control_chart, series_records
from components.date_box import render_date_box
from components.date_controls import render_date_controls
from components.day_summary import render_day_summary
from components.district_list import render_district_list
from components.district_panel import render_district_panel, render_no_selection
from components.events_list import render_events
from components.i18n import DEFAULT_LANGUAGE, LANGUAGES, language, t
from components.js import js_literal
from components.legend import render_legend
from components.map_view import render_map
from components.page import render_language_switch, render_page_setup
from components.quality_view import render_quality
from components.search_box import render_search_box
from components.share_link import render_share_link
from components.static_files import publish_payloads, static_serving_enabled
from components.text import data_text, md_text
from components.timeline_chart import render_timeline_chart, strip_spec
from components.url_state import read_compare_from_url, read_view_from_url, write_view_to_url
from geo import STATUSES, DataError, Theatre, load_theatre
from geo.compare import compare_dates
from geo.dates import day_number
from geo.export import districts_geojson, write_comparison_csv
from geo.quality import changes_per_month, confidence_counts, sourcing_summary
from geo.search import SearchIndex
from geo.series import control_series
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
    search_index: SearchIndex
    arabic_names: dict[str, str]  # district id -> Arabic name, where the data has one
    strip_specs: dict[str, dict]  # per interface language
    control_specs: dict[str, dict[str, dict]]  # per interface language, then per measure


@st.cache_resource(show_spinner=False, max_entries=4)
def prepare(directory: str, signature: tuple, static: bool) -> Prepared:
    """Load, validate and serialise a theatre once per version of its files."""
    theatre = load_theatre(directory)
    shapes = js_literal(districts_geojson(theatre))
    per_month, series = changes_per_month(theatre), control_series(theatre)
    start, end = theatre.meta.start_date, theatre.meta.end_date
    published = (
        publish_payloads(
            HERE / "static",
            "theatres",
            {
                ".geojson": shapes,
                ".timeline.json": js_literal(theatre.timelines()),
                ".control.json": js_literal(series_records(series)),
            },
        )
        if static
        else None
    )
    figures = (
        per_month,
        sourcing_summary(theatre),
        confidence_counts(theatre),
        SearchIndex(theatre.districts),
        {d: n for d, n in zip(theatre.districts["district_id"], theatre.districts["name_ar"], strict=True) if n},
        {
            lang: strip_spec(changes_per_month=per_month, events=theatre.events, start=start, end=end, lang=lang)
            for lang in LANGUAGES
        },
        {
            lang: control_specs(
                series, start=start, end=end, data_url=published[".control.json"] if published else None, lang=lang
            )
            for lang in LANGUAGES
        },
    )
    if published is None:  # static serving is off or its folder cannot be written
        return Prepared(theatre, None, shapes, None, *figures)
    return Prepared(theatre, published[".geojson"], None, published[".timeline.json"], *figures)


def show_data_error(directory: Path, exc: Exception, lang: str) -> None:
    st.error(t("app.data_error", lang, directory=md_text(directory)))
    st.code(str(exc), language=None)


def start_session(theatre: Theatre, lang: str) -> None:
    """On a session's first run, take the view from the URL."""
    if "date" in st.session_state:
        return
    date, district, notices = read_view_from_url(
        parse_date=theatre.clamp_date, check_district=theatre.require_district, lang=lang
    )
    st.session_state["date"] = date or theatre.meta.end_date
    st.session_state["district"] = district
    from_date, from_notices = read_compare_from_url(parse_date=theatre.clamp_date, lang=lang)
    st.session_state["from"] = from_date
    st.session_state["url_notices"] = notices + from_notices


def select_district(district_id: str) -> None:
    """Chosen on the map: on a phone the panel is brought into view."""
    st.session_state["district"] = district_id
    st.session_state["reveal"] = {"district": district_id, "focus": False}


def select_district_from_list(district_id: str) -> None:
    """Chosen from the keyboard list: the focus moves to the panel."""
    st.session_state["district"] = district_id
    st.session_state["reveal"] = {"district": district_id, "focus": True}


def keep_language() -> None:
    """The language switch never ends with no language chosen."""
    if st.session_state.get("lang") is None:
        st.session_state["lang"] = st.session_state.get("lang-shown", DEFAULT_LANGUAGE)


def find_district(district_id: str) -> None:
    """A district picked in the search box: open its panel and centre the map on it."""
    st.session_state["district"] = district_id
    st.session_state["focus"] = (district_id, (st.session_state.get("focus") or ("", 0))[1] + 1)


def clear_district() -> None:
    st.session_state["district"] = None


def view_params(date: dt.date, district_id: str | None, from_date: dt.date | None, lang: str) -> dict[str, str | None]:
    """The view as URL parameters; compare mode's ``from`` goes before ``date``, and the
    language is there unless it is the default."""
    return {
        "from": from_date.isoformat() if from_date else None,
        "date": date.isoformat(),
        "district": district_id,
        "lang": None if lang == DEFAULT_LANGUAGE else lang,
    }


def changed_on(theatre: Theatre, day: dt.date | None, lang: str) -> list[tuple[str, str]]:
    """(name, new status) of the districts that changed on ``day``."""
    if day is None:
        return []
    changes = theatre.changes_between(day, day)
    districts = theatre.districts.iloc[[theatre.require_district(d) for d in changes["district_id"]]]
    names = districts["name_ar"].where(districts["name_ar"] != "", districts["name_en"]) if lang == "ar" else None
    chosen = (names if names is not None else districts["name_en"]).tolist()
    return list(zip(chosen, changes["status"].tolist(), strict=True))


def jump_to(date: dt.date | None) -> None:
    if date is not None:
        st.session_state["date"] = date


def played_to(theatre: Theatre, iso: str) -> None:
    """Playback in the page stopped on ``iso``: the server catches up."""
    jump_to(theatre.clamp_date(iso))


def main() -> None:
    if "lang" not in st.session_state:
        st.session_state["lang"] = language(st.query_params.get("lang"))
    lang = language(st.session_state["lang"])
    st.session_state["lang-shown"] = lang
    st.set_page_config(page_title=t("app.title", lang), page_icon="🗺️", layout="wide")
    render_page_setup(lang=lang, reveal=st.session_state.pop("reveal", None))
    directory = data_directory(sys.argv[1:])
    try:
        with st.spinner(t("app.loading", lang)):
            prepared = prepare(
                str(directory), files_signature(directory) if directory.is_dir() else (), static_serving_enabled()
            )
    except DataError as exc:
        show_data_error(directory, exc, lang)
        st.stop()
    theatre = prepared.theatre
    start_session(theatre, lang)

    with st.container(key="masthead", horizontal=True, vertical_alignment="center"):
        st.title(t("app.title", lang), anchor=False)
        render_language_switch(key="lang", lang=lang, on_change=keep_language)
    st.caption(
        t("app.intro", lang, theatre=md_text(theatre.meta.title))
        + (" " + t("app.data_language", lang) if lang != DEFAULT_LANGUAGE else "")
    )
    st.caption(data_text(theatre.meta.geometry_note, lang), unsafe_allow_html=True)
    for notice in st.session_state["url_notices"]:
        st.warning(md_text(notice))

    map_column, panel_column = st.columns([3, 2], gap="medium")
    start, end = theatre.meta.start_date, theatre.meta.end_date
    with map_column:
        st.markdown(f'<h2 id="map" class="sr-only">{t("map.heading", lang)}</h2>', unsafe_allow_html=True)
        render_search_box(prepared.search_index, on_pick=find_district, lang=lang, arabic_names=prepared.arabic_names)
        slider_column, box_column = st.columns([4, 1], vertical_alignment="top")
        with slider_column:
            date = render_date_controls(
                start=start,
                end=end,
                key="date",
                previous_change=theatre.previous_change_date(st.session_state["date"]),
                next_change=theatre.next_change_date(st.session_state["date"]),
                jump=jump_to,
                lang=lang,
            )
        with box_column:
            render_date_box(start=start, end=end, slider_key="date", lang=lang)
        from_date = render_compare_controls(start=start, end=end, date=date, lang=lang)
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
            lang=lang,
            compare_codes=None if from_date is None else theatre.status_codes_at(from_date),
            focus=st.session_state.get("focus"),
            playback_days=(day_number(start), day_number(end)),
            on_played=lambda iso: played_to(theatre, iso),
        )
        latest = theatre.previous_change_date(date + dt.timedelta(days=1))
        render_day_summary(
            date=date,
            counts=count_statuses(codes),
            low_confidence=count_statuses(codes, where=low),
            latest_change=latest,
            changed=changed_on(theatre, latest, lang),
            lang=lang,
        )
        render_legend(lang=lang, changed_since=from_date)
        render_timeline_chart(
            prepared.strip_specs[lang], events=theatre.events, date=date, start=start, end=end, jump=jump_to, lang=lang
        )
        render_control_chart(prepared.control_specs[lang], date=date, start=start, end=end, jump=jump_to, lang=lang)
        render_district_list(
            date=date,
            rows=lambda: theatre.state_at(date)[["district_id", "name_en", "name_ar", "status"]].to_dict("records"),
            on_select=select_district_from_list,
            lang=lang,
        )
    with panel_column, st.container(key="district-panel"):
        if from_date is not None:
            comparison = compare_dates(theatre, from_date, date)
            csv = io.StringIO()
            write_comparison_csv(comparison, csv)
            render_changes(comparison, csv=csv.getvalue(), lang=lang)
        district_id = st.session_state["district"]
        if district_id:
            render_district_panel(
                theatre.district_at(district_id, date),
                theatre.history(district_id),
                date=date,
                on_close=clear_district,
                lang=lang,
                cite=theatre.citations,
            )
        else:
            render_no_selection(lang=lang)
        render_events(
            theatre.events_near(date, days=EVENT_WINDOW_DAYS),
            date=date,
            window_days=EVENT_WINDOW_DAYS,
            lang=lang,
            jump=jump_to,
        )
        render_share_link(view_params(date, district_id, from_date, lang), lang=lang)
    render_quality(
        changes_per_month=prepared.per_month,
        sourcing=prepared.sourcing,
        confidence=prepared.confidence,
        uncertainties=list(theatre.meta.known_uncertainties),
        sources_count=0 if theatre.sources is None else len(theatre.sources),
        changes_count=len(theatre.changes),
        districts_count=len(theatre.district_ids),
        warnings=[str(w) for w in theatre.warnings],
        lang=lang,
    )
    st.caption(
        t("app.attribution", lang, attribution=data_text(theatre.meta.attribution, lang)), unsafe_allow_html=True
    )
    write_view_to_url(view_params(date, district_id, from_date, lang))


main()
