"""Aleppo Frontlines: the Streamlit entry point. It only wires geo/ to components/.

streamlit run dashboard.py                      # the shipped Aleppo data
streamlit run dashboard.py -- --data DIR        # any theatre directory
FRONTLINES_DATA=DIR streamlit run dashboard.py  # for hosts that cannot pass arguments
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import sys
from pathlib import Path

import numpy as np
import streamlit as st

from components.compare_view import render_changes, render_compare_controls
from components.control_chart import render_control_chart
from components.date_box import render_date_box
from components.date_controls import render_date_controls
from components.day_summary import render_day_summary
from components.district_list import render_district_list
from components.district_panel import latest_history, render_district_panel, render_no_selection
from components.downloads import compare_download_name, day_downloads, render_downloads
from components.embed import hide_chrome
from components.events_list import event_lines, render_events
from components.guard import contained
from components.legend import render_legend
from components.map_view import MapOptions, MapState, render_map
from components.media_export import render_media_export
from components.page import render_language_switch, render_page_setup
from components.proposals_page import maintainer_page_enabled, proposals_file, render_proposals_page
from components.quality_view import quality_texts, render_quality
from components.search_box import render_search_box
from components.share_link import render_share_link, share_url
from components.text import data_text, md_text
from components.timeline_chart import render_timeline_chart
from components.url_state import read_compare_from_url, read_view_from_url, url_changed_elsewhere, write_view_to_url
from components.view_state import ViewState, current, keep_valid, opened_view, remember
from dashboard_resources import (
    Prepared,
    data_directory,
    last_good,
    last_prepared,
    library_paths,
    live_view_turn,
    memory_collector,
    prepare_and_remember,
    static_paths,
    theatre_key,
)
from geo import STATUSES, DataError, Theatre
from geo.compare import compare_dates
from geo.dates import day_number
from geo.export import write_comparison_csv
from geo.quality import low_support_days
from geo.theatre import count_statuses
from mapmedia.service import PageMedia
from mapui.i18n import DEFAULT_LANGUAGE, language, t

EVENT_WINDOW_DAYS = 30
MAP_HEIGHT = 480  # with the controls above it, the map's bottom edge stays above 900 px


def show_data_error(directory: Path, exc: DataError, lang: str) -> None:
    """The problems with the data, with file names relative to the theatre folder (no server path)."""
    st.error(t("app.data_error", lang, directory=md_text(directory.name)))
    st.code("\n".join(str(p) for p in exc.errors), language=None)


def start_session(theatre: Theatre, lang: str) -> ViewState:
    """On a session's first run, take the view from the URL; again when the reader goes Back
    or Forward to another view (Streamlit reruns with that history entry's address).

    The date becomes the slider's initial value rather than its session state, so a
    value the browser already holds (a key press sent as the first message after
    the browser reconnected to a new server session) wins over the URL.
    """
    view = current()
    history = view is not None and url_changed_elsewhere()
    if view is not None and not history:
        return view
    date, district, link, notices = read_view_from_url(
        parse_date=theatre.require_date, check_district=theatre.require_district, lang=lang
    )
    from_date, from_notices = read_compare_from_url(parse_date=theatre.require_date, lang=lang)
    view = remember(
        opened_view(
            theatre,
            date=date,
            district=district,
            embed=link.mode == "embed",
            link_version=link.v,
            notices=notices + from_notices,
            lang=lang,
        )
    )
    if history:
        st.session_state["date"] = view.initial_date
    st.session_state["from"] = from_date
    return view


def keep_view_valid(view: ViewState, theatre: Theatre, lang: str) -> None:
    """A district removed from the data, or a date outside a reloaded theatre's range: a notice."""
    kept = keep_valid(view, theatre, shown=st.session_state.get("date", view.initial_date), lang=lang)
    if kept is not None:
        st.session_state["date"] = kept  # the slider's identity follows its range: carry the date over


def view_state() -> ViewState:
    view = current()
    assert view is not None, "callbacks run after the session's first run"
    return view


def select_district(district_id: str) -> None:
    """Chosen on the map: on a phone the panel is brought into view."""
    view_state().select(district_id, reveal=True)


def select_district_from_list(district_id: str) -> None:
    """Chosen from the keyboard list: the focus moves to the panel."""
    view_state().select(district_id, reveal=True, focus_panel=True)


def find_district(district_id: str) -> None:
    """A district picked in the search box: open its panel and centre the map on it."""
    view_state().centre_on(district_id)


def show_on_map(district_id: str, day: dt.date) -> None:
    """A proposal's district on its date, on the map (the maintainer's page)."""
    jump_to(day)
    view_state().centre_on(district_id)


def show_more_history() -> None:
    view_state().show_more_history()


def clear_district() -> None:
    view_state().select(None)


def keep_language() -> None:
    """The language switch never ends with no language chosen."""
    if st.session_state.get("lang") is None:
        st.session_state["lang"] = st.session_state.get("lang-shown", DEFAULT_LANGUAGE)


def changed_on(theatre: Theatre, day: dt.date | None, names: dict[str, str]) -> list[tuple[str, str]]:
    """(name, new status) of the districts that changed on ``day``, named through ``names``."""
    if day is None:
        return []
    return [(names[d], status) for d, status in theatre.statuses_set_on(day)]


def jump_to(date: dt.date | None) -> None:
    if date is not None:
        st.session_state["date"] = date


def played_to(theatre: Theatre, iso: str) -> None:
    """Playback in the page stopped on ``iso``: the server catches up."""
    jump_to(theatre.require_date(iso))


def main() -> None:
    memory_collector()
    if "lang" not in st.session_state or url_changed_elsewhere():  # a link's language, and Back/Forward's
        st.session_state["lang"] = language(st.query_params.get("lang"))
    lang = language(st.session_state["lang"])
    st.session_state["lang-shown"] = lang
    st.set_page_config(page_title=t("app.title", lang), page_icon="🗺️", layout="wide")
    view = current()
    reveal = view.reveal if view is not None else None
    if view is not None:
        view.reveal = None
    render_page_setup(lang=lang, reveal=reveal)
    with contained("page", lang=lang):
        show_page(data_directory(tuple(sys.argv[1:]), os.environ.get("FRONTLINES_DATA")), lang)


def show_page(directory: Path, lang: str) -> None:
    key = theatre_key(directory)
    try:
        prepared = last_prepared(*key)
        if prepared is None:  # a new data version (or a new process): loading may take a while
            with st.spinner(t("app.loading", lang)):
                prepared = prepare_and_remember(*key)
    except DataError as exc:
        good = last_good(key[0], key[2])
        if good is None:
            show_data_error(directory, exc, lang)
            return
        # the files broke under a running server: the last version that validated, with a notice
        st.warning(t("notice.data_broken", lang, count=len(exc.errors), version=good.theatre.version))
        prepared = good
    theatre = prepared.theatre
    view = start_session(theatre, lang)

    if view.embed:
        hide_chrome()
    else:
        with st.container(key="masthead", horizontal=True, vertical_alignment="center"):
            st.title(t("app.title", lang), anchor=False)
            render_language_switch(key="lang", lang=lang, on_change=keep_language)
        st.caption(
            t("app.intro", lang, theatre=md_text(theatre.meta.title))
            + (" " + t("app.data_language", lang) if lang != DEFAULT_LANGUAGE else "")
        )
    with live_view_turn():
        show_view(prepared, view, lang)
    if view.embed:
        return
    with contained("quality", lang=lang):
        render_quality(
            lambda: prepared.memo.get(
                ("quality", lang),
                lambda: quality_texts(
                    changes_per_month=prepared.per_month,
                    sourcing=prepared.sourcing,
                    confidence=prepared.confidence,
                    uncertainties=list(theatre.meta.known_uncertainties),
                    sources_count=len(theatre.sources),
                    changes_count=len(theatre.changes),
                    districts_count=len(theatre.district_ids),
                    warnings=[str(w) for w in theatre.warnings],
                    lang=lang,
                    low_support=low_support_days(theatre),
                ),
            ),
            lang=lang,
        )
    if maintainer_page_enabled(os.environ):  # off unless FRONTLINES_MAINTAINER=1
        with contained("proposals", lang=lang):
            render_proposals_page(theatre, file=proposals_file(os.environ), lang=lang, on_show=show_on_map)
    attribution(theatre, lang)


def show_view(prepared: Prepared, view: ViewState, lang: str) -> None:
    """The live part of the page: the map column (the map and what reads the day), then the
    panel column (the district, the comparison, events, share link and downloads)."""
    theatre = prepared.theatre
    keep_view_valid(view, theatre, lang)
    for notice in view.notices:  # kept for the session, as the page reruns on its own
        st.warning(md_text(notice))
    if view.embed:
        map_column = panel_column = st.container()
    else:
        map_column, panel_column = st.columns([3, 2], gap="medium")
    with map_column:
        date, from_date = show_map_column(prepared, view, lang)
    if view.embed:
        return
    with panel_column, st.container(key="district-panel"):
        show_panel_column(prepared, view, date, from_date, lang)
    write_view_to_url(view_params(theatre, date, view.district, from_date, lang=lang, embed=False))


def map_options(prepared: Prepared, lang: str) -> MapOptions:
    """The map's options for this data version and language: its shapes, timelines, front line
    and layers as static paths (or inline where static serving is off)."""
    theatre = prepared.theatre
    paths = static_paths(prepared)
    start, end = theatre.meta.start_date, theatre.meta.end_date

    def inline(suffix: str) -> dict:
        return {"data": json.loads(prepared.payloads[suffix])}

    return MapOptions(
        shapes_path=paths[".geojson"] if paths else None,
        inline_shapes_js=None if paths else prepared.payloads[".geojson"],
        timeline_path=paths[".timeline.json"] if paths else None,
        slider_key="date",
        frontline={"url": paths[".frontline.json"]} if paths else inline(".frontline.json"),
        layers=tuple(
            {**spec, **({"url": paths[f".layer-{spec['id']}.json"]} if paths else inline(f".layer-{spec['id']}.json"))}
            for spec in prepared.layer_specs
        ),
        center=theatre.meta.center,
        zoom=theatre.meta.zoom,
        unknown_code=STATUSES.index("unknown"),
        lang=lang,
        playback_days=(day_number(start), day_number(end)),
        height=MAP_HEIGHT,
        share_title=theatre.meta.title,
        library_paths=library_paths(),
    )


def show_map_column(prepared: Prepared, view: ViewState, lang: str) -> tuple[dt.date, dt.date | None]:
    """The search box, the date controls, the map and what reads the day; returns the date shown
    and compare mode's "from" date (None outside it)."""
    theatre = prepared.theatre
    start, end = theatre.meta.start_date, theatre.meta.end_date
    with st.container(key="map-heading"):  # for screen readers and the phone's way back to the map
        st.header(t("map.heading", lang), anchor="map")
    if not view.embed:
        render_search_box(prepared.search_index, on_pick=find_district, lang=lang, arabic_names=prepared.arabic_names)
    slider_column, box_column = st.columns([4, 1], vertical_alignment="top")
    with slider_column:
        date = render_date_controls(
            start=start,
            end=end,
            key="date",
            initial=view.initial_date,
            previous_change=theatre.previous_change_date,
            next_change=theatre.next_change_date,
            jump=jump_to,
            lang=lang,
        )
    with box_column:
        render_date_box(start=start, end=end, date=date, jump=jump_to, lang=lang)
    from_date = None if view.embed else render_compare_controls(start=start, end=end, date=date, lang=lang)
    codes, low = theatre.status_codes_at(date), theatre.low_confidence_at(date)
    drawn = True  # a map that failed to render holds nothing back
    with contained("map", lang=lang):
        drawn = render_map(
            map_options(prepared, lang),
            MapState(
                codes=codes,
                low_confidence=low,
                selected=view.district,
                date=date.isoformat(),
                compare_codes=None if from_date is None else theatre.status_codes_at(from_date),
                focus=view.focus,
            ),
            on_click=select_district,
            on_played=lambda iso: played_to(theatre, iso),
        )
    if view.embed:  # the legend is on the map
        attribution(theatre, lang)
        write_view_to_url(view_params(theatre, date, view.district, None, lang=lang, embed=True))
        return date, None
    if theatre.meta.geometry_note:  # under the map, so that the whole city fits the first screen
        st.caption(data_text(theatre.meta.geometry_note, lang), unsafe_allow_html=True)
    render_legend(lang=lang, changed_since=from_date)
    show_day(prepared, date, codes, low, lang)
    # The charts wait for the map's first drawing on a new page (its report is a rerun), as the
    # browser's work on them would hold back the map's; any later run draws them regardless.
    if drawn or view.shown:
        with contained("timeline", lang=lang):
            render_timeline_chart(
                prepared.strip_specs[lang],
                titles_today=prepared.event_titles.get(date.isoformat(), []),
                date=date,
                start=start,
                end=end,
                jump=jump_to,
                lang=lang,
            )
        with contained("control_chart", lang=lang):
            render_control_chart(prepared.control_specs[lang], date=date, start=start, end=end, jump=jump_to, lang=lang)
    view.shown = True
    with contained("district_list", lang=lang):
        render_district_list(
            date=date,
            rows=lambda: theatre.state_at(date)[["district_id", "name_en", "name_ar", "status"]].to_dict("records"),
            on_select=select_district_from_list,
            lang=lang,
        )
    return date, from_date


def show_day(prepared: Prepared, date: dt.date, codes: np.ndarray, low: np.ndarray, lang: str) -> None:
    """The day in words under the map."""
    theatre = prepared.theatre
    with contained("summary", lang=lang):
        latest = theatre.previous_change_date(date + dt.timedelta(days=1))
        render_day_summary(
            date=date,
            counts=count_statuses(codes),
            low_confidence=count_statuses(codes, where=low),
            latest_change=latest,
            changed=prepared.memo.get(
                ("changed", latest, lang), lambda: changed_on(theatre, latest, prepared.names[lang])
            ),
            lang=lang,
        )


def show_panel_column(prepared: Prepared, view: ViewState, date: dt.date, from_date: dt.date | None, lang: str) -> None:
    """The comparison, the selected district's panel, the events near the date, the share link
    and the downloads."""
    theatre = prepared.theatre
    district_id = view.district
    if from_date is not None:
        with contained("comparison", lang=lang):
            comparison = compare_dates(theatre, from_date, date)
            csv = io.StringIO()
            write_comparison_csv(comparison, csv)
            render_changes(
                comparison,
                csv=csv.getvalue(),
                file_name=compare_download_name(theatre, from_date, date),
                lang=lang,
            )
    with contained("district_panel", lang=lang):
        if district_id:
            rows = view.history_rows
            history, earlier = prepared.memo.get(
                ("history", district_id, lang, rows),
                lambda: latest_history(theatre, district_id, rows=rows, lang=lang),
            )
            render_district_panel(
                theatre.district_at(district_id, date),
                history,
                date=date,
                on_close=clear_district,
                lang=lang,
                cite=theatre.citations,
                borders=theatre.bordering_sides(district_id, date),
                names=prepared.names[lang],
                evidence=[
                    (layer.meta, layer.district_counts(theatre.require_district(district_id), date))
                    for layer in theatre.layers
                ],
                earlier=earlier,
                on_more=show_more_history,
            )
        else:
            render_no_selection(lang=lang)
    with contained("events", lang=lang):
        lines, targets = prepared.memo.get(
            ("events", date, lang),
            lambda: event_lines(theatre.events_near(date, days=EVENT_WINDOW_DAYS), date=date, lang=lang),
        )
        render_events(lines, targets, date=date, window_days=EVENT_WINDOW_DAYS, lang=lang, jump=jump_to)
    params = view_params(theatre, date, district_id, from_date, lang=lang, embed=False)
    with contained("share", lang=lang):
        render_share_link(params, lang=lang)
    with contained("downloads", lang=lang):
        render_downloads(day_downloads(theatre, date, lang), lang=lang)
    with contained("media", lang=lang):  # the view as an image, the range as a time-lapse
        first, last = sorted((from_date, date)) if from_date else (theatre.meta.start_date, theatre.meta.end_date)
        link = share_url(
            st.context.url or "", view_params(theatre, date, district_id, from_date, lang=lang, embed=False)
        )
        media = PageMedia(theatre, date, first, last, lang, district_id, compare_from=from_date, link=link)
        render_media_export(media, lang=lang)


def attribution(theatre: Theatre, lang: str) -> None:
    st.caption(
        t("app.attribution", lang, attribution=data_text(theatre.meta.attribution, lang)), unsafe_allow_html=True
    )


def view_params(
    theatre: Theatre, date: dt.date, district_id: str | None, from_date: dt.date | None, *, lang: str, embed: bool
) -> dict[str, str | None]:
    """The app's part of the view as URL parameters (compare mode's ``from`` goes before
    ``date``; the language is there unless it is the default); the map script adds centre,
    zoom and layers."""
    return {
        "from": from_date.isoformat() if from_date else None,
        "date": date.isoformat(),
        "district": district_id,
        "mode": "embed" if embed else None,
        "lang": None if lang == DEFAULT_LANGUAGE else lang,
        "v": theatre.version or None,
    }


main()
