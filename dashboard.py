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

import streamlit as st

from components.compare_view import render_changes, render_compare_controls
from components.control_chart import render_control_chart
from components.date_box import render_date_box
from components.date_controls import render_date_controls
from components.day_summary import render_day_summary
from components.district_list import render_district_list
from components.district_panel import history_table, render_district_panel, render_no_selection
from components.downloads import Download, render_downloads
from components.embed import hide_chrome
from components.events_list import event_lines, render_events
from components.guard import contained
from components.js import js_literal
from components.legend import render_legend
from components.map_view import render_map
from components.media_export import render_media_export
from components.page import render_language_switch, render_page_setup
from components.quality_view import quality_texts, render_quality
from components.search_box import render_search_box
from components.share_link import render_share_link, share_url
from components.text import data_text, md_text
from components.timeline_chart import render_timeline_chart
from components.url_state import read_compare_from_url, read_view_from_url, url_changed_elsewhere, write_view_to_url
from dashboard_resources import (
    Prepared,
    data_directory,
    last_prepared,
    library_paths,
    live_view_turn,
    memory_collector,
    prepare_and_remember,
    static_paths,
    theatre_key,
)
from geo import STATUSES, DataError, Theatre, UnknownDistrictError
from geo.compare import compare_dates
from geo.dates import day_number
from geo.errors import GeoError
from geo.export import (
    download_name,
    state_geojson,
    write_change_log_csv,
    write_comparison_csv,
    write_state_csv,
)
from geo.theatre import count_statuses
from geo.version import changed_since
from mapmedia.service import PageMedia
from mapui.i18n import DEFAULT_LANGUAGE, language, t

EVENT_WINDOW_DAYS = 30
MAP_HEIGHT = 480  # with the controls above it, the map's bottom edge stays above 900 px


def show_data_error(directory: Path, exc: DataError, lang: str) -> None:
    """The problems with the data, with file names relative to the theatre folder (no server path)."""
    st.error(t("app.data_error", lang, directory=md_text(directory.name)))
    st.code("\n".join(str(p) for p in exc.errors), language=None)


def start_session(theatre: Theatre, lang: str) -> None:
    """On a session's first run, take the view from the URL; again when the reader goes Back
    or Forward to another view (Streamlit reruns with that history entry's address).

    The date becomes the slider's initial value rather than its session state, so a
    value the browser already holds (a key press sent as the first message after
    the browser reconnected to a new server session) wins over the URL.
    """
    history = "district" in st.session_state and url_changed_elsewhere()
    if "district" in st.session_state and not history:
        return
    date, district, view, notices = read_view_from_url(
        parse_date=theatre.require_date, check_district=theatre.require_district, lang=lang
    )
    st.session_state["initial_date"] = date or theatre.meta.end_date
    if history:
        st.session_state["date"] = st.session_state["initial_date"]
    st.session_state["district"] = district
    st.session_state["embed"] = view.mode == "embed"
    if view.v and view.v != theatre.version:
        notices.insert(0, stale_notice(theatre, view.v, district, lang))
    from_date, from_notices = read_compare_from_url(parse_date=theatre.require_date, lang=lang)
    st.session_state["from"] = from_date
    st.session_state["notices"] = notices + from_notices
    st.session_state["date_range"] = (theatre.meta.start_date, theatre.meta.end_date)


def stale_notice(theatre: Theatre, version: str, district: str | None, lang: str) -> str:
    """One line: the link's data version is not the current one (and, where the manifest of
    releases knows the old version, how many changes the selected district gained or lost)."""
    line = t("notice.stale_version", lang, version=version, current=theatre.version)
    if district is None:
        return line
    try:
        rows = changed_since(theatre, version, district_id=district)
    except GeoError:
        return line
    added = sum(r["change"] == "added" for r in rows)
    removed = len(rows) - added
    row = theatre.district_at(district, theatre.meta.end_date)
    name = row["name_ar"] if lang == "ar" and row["name_ar"] else row["name_en"]
    return t(
        "notice.stale_version_district",
        lang,
        version=version,
        current=theatre.version,
        name=name,
        added=t("count.changes_added", lang, count=added),
        removed=t("count.changes_removed", lang, count=removed),
    )


def downloads(theatre: Theatre, date: dt.date, lang: str) -> list[Download]:
    """The selected day as GeoJSON and CSV and the full change log, made on click."""

    def text(write) -> str:
        buffer = io.StringIO()
        write(buffer)
        return buffer.getvalue()

    return [
        Download(
            t("downloads.day_geojson", lang),
            download_name(theatre, date.isoformat(), ".geojson"),
            "application/geo+json",
            lambda: js_literal(state_geojson(theatre, date)),
        ),
        Download(
            t("downloads.day_csv", lang),
            download_name(theatre, date.isoformat(), ".csv"),
            "text/csv",
            lambda: text(lambda out: write_state_csv(theatre, date, out)),
        ),
        Download(
            t("downloads.change_log", lang),
            download_name(theatre, "changes", ".csv"),
            "text/csv",
            lambda: text(lambda out: write_change_log_csv(theatre, out)),
        ),
    ]


def keep_view_valid(theatre: Theatre, lang: str) -> None:
    """Treat a view the data no longer has like a bad link value: a notice, the value dropped.

    The district (from the map or the URL) may have been removed from the data since the
    page was opened; the date may lie outside a reloaded theatre's range.
    """
    district_id = st.session_state["district"]
    if district_id is not None:
        try:
            theatre.require_district(district_id)
        except UnknownDistrictError as exc:
            st.session_state["district"] = None
            st.session_state["notices"].append(t("notice.district_gone", lang, reason=exc))
    start, end = theatre.meta.start_date, theatre.meta.end_date
    if st.session_state["date_range"] != (start, end):
        st.session_state["date_range"] = (start, end)
        shown = st.session_state.get("date", st.session_state["initial_date"])
        kept = min(max(shown, start), end)
        st.session_state["date"] = kept  # the slider's identity follows its range: carry the date over
        if kept != shown:
            st.session_state["notices"].append(
                t("notice.date_outside", lang, shown=shown, start=start, end=end, kept=kept)
            )


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


def changed_on(theatre: Theatre, day: dt.date | None, names: dict[str, str]) -> list[tuple[str, str]]:
    """(name, new status) of the districts that changed on ``day``, named through ``names``."""
    if day is None:
        return []
    return [(names[d], status) for d, status in theatre.statuses_set_on(day)]


def find_district(district_id: str) -> None:
    """A district picked in the search box: open its panel and centre the map on it."""
    st.session_state["district"] = district_id
    st.session_state["focus"] = (district_id, (st.session_state.get("focus") or ("", 0))[1] + 1)


def clear_district() -> None:
    st.session_state["district"] = None


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
    render_page_setup(lang=lang, reveal=st.session_state.pop("reveal", None))
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
        show_data_error(directory, exc, lang)
        return
    theatre = prepared.theatre
    start_session(theatre, lang)
    embed = st.session_state["embed"]

    if embed:
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
        show_view(prepared, lang)
    if embed:
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
                ),
            ),
            lang=lang,
        )
    attribution(theatre, lang)


def show_view(prepared: Prepared, lang: str) -> None:
    theatre = prepared.theatre
    paths = static_paths(prepared)
    keep_view_valid(theatre, lang)
    embed = st.session_state["embed"]
    for notice in st.session_state["notices"]:  # kept for the session, as the page reruns on its own
        st.warning(md_text(notice))

    if embed:
        map_column = panel_column = st.container()
    else:
        map_column, panel_column = st.columns([3, 2], gap="medium")
    start, end = theatre.meta.start_date, theatre.meta.end_date
    with map_column:
        with st.container(key="map-heading"):  # for screen readers and the phone's way back to the map
            st.header(t("map.heading", lang), anchor="map")
        if not embed:
            render_search_box(
                prepared.search_index, on_pick=find_district, lang=lang, arabic_names=prepared.arabic_names
            )
        slider_column, box_column = st.columns([4, 1], vertical_alignment="top")
        with slider_column:
            date = render_date_controls(
                start=start,
                end=end,
                key="date",
                initial=st.session_state["initial_date"],
                previous_change=theatre.previous_change_date,
                next_change=theatre.next_change_date,
                jump=jump_to,
                lang=lang,
            )
        with box_column:
            render_date_box(start=start, end=end, date=date, jump=jump_to, lang=lang)
        from_date = None if embed else render_compare_controls(start=start, end=end, date=date, lang=lang)
        district_id = st.session_state["district"]
        codes, low = theatre.status_codes_at(date), theatre.low_confidence_at(date)
        drawn = True  # a map that failed to render holds nothing back
        with contained("map", lang=lang):
            drawn = render_map(
                shapes_path=paths[".geojson"] if paths else None,
                inline_shapes_js=None if paths else prepared.payloads[".geojson"],
                timeline_path=paths[".timeline.json"] if paths else None,
                slider_key="date",
                frontline={"url": paths[".frontline.json"]}
                if paths
                else {"data": json.loads(prepared.payloads[".frontline.json"])},
                layers=[
                    {**spec, "url": paths[f".layer-{spec['id']}.json"]}
                    if paths
                    else {**spec, "data": json.loads(prepared.payloads[f".layer-{spec['id']}.json"])}
                    for spec in prepared.layer_specs
                ],
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
                height=MAP_HEIGHT,
                share_title=theatre.meta.title,
                library_paths=library_paths(),
            )
        if embed:  # the legend is on the map
            attribution(theatre, lang)
            write_view_to_url(view_params(theatre, date, district_id, None, lang=lang, embed=True))
            return
        if theatre.meta.geometry_note:  # under the map, so that the whole city fits the first screen
            st.caption(data_text(theatre.meta.geometry_note, lang), unsafe_allow_html=True)
        render_legend(lang=lang, changed_since=from_date)
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
        # The charts wait for the map's first drawing on a new page (its report is a rerun), as the
        # browser's work on them would hold back the map's; any later run draws them regardless.
        if drawn or st.session_state.get("view-shown"):
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
                render_control_chart(
                    prepared.control_specs[lang], date=date, start=start, end=end, jump=jump_to, lang=lang
                )
        st.session_state["view-shown"] = True
        with contained("district_list", lang=lang):
            render_district_list(
                date=date,
                rows=lambda: theatre.state_at(date)[["district_id", "name_en", "name_ar", "status"]].to_dict("records"),
                on_select=select_district_from_list,
                lang=lang,
            )
    with panel_column, st.container(key="district-panel"):
        if from_date is not None:
            with contained("comparison", lang=lang):
                comparison = compare_dates(theatre, from_date, date)
                csv = io.StringIO()
                write_comparison_csv(comparison, csv)
                render_changes(comparison, csv=csv.getvalue(), lang=lang)
        with contained("district_panel", lang=lang):
            if district_id:
                history = prepared.memo.get(
                    ("history", district_id, lang),
                    lambda: history_table(theatre.history(district_id), lang=lang, cite=theatre.citations),
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
                )
            else:
                render_no_selection(lang=lang)
        with contained("events", lang=lang):
            lines, targets = prepared.memo.get(
                ("events", date, lang),
                lambda: event_lines(theatre.events_near(date, days=EVENT_WINDOW_DAYS), date=date, lang=lang),
            )
            render_events(
                lines,
                targets,
                date=date,
                window_days=EVENT_WINDOW_DAYS,
                lang=lang,
                jump=jump_to,
            )
        with contained("share", lang=lang):
            render_share_link(view_params(theatre, date, district_id, from_date, lang=lang, embed=False), lang=lang)
        with contained("downloads", lang=lang):
            render_downloads(downloads(theatre, date, lang), lang=lang)
        with contained("media", lang=lang):
            view = view_params(theatre, date, district_id, from_date, lang=lang, embed=False)
            first, last = sorted((from_date, date)) if from_date else (start, end)
            link = share_url(st.context.url or "", view)
            media = PageMedia(theatre, date, first, last, lang, district_id, compare_from=from_date, link=link)
            render_media_export(media, lang=lang)
    write_view_to_url(view_params(theatre, date, district_id, from_date, lang=lang, embed=False))


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
