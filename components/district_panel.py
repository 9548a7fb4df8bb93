"""The details panel of the selected district: names, status, history and sources."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable
from urllib.parse import urlsplit

import pandas as pd
import streamlit as st

from components.i18n import date_text, t
from components.palette import STATUS_STYLES
from components.text import data_text, md_link, md_text

_PRECISION_STYLE = {"day": "day", "days": "day", "month": "month", "year": "year"}


def readable_date(iso: str, precision: str = "day", *, lang: str) -> str:
    """A date from the data as the interface writes it, saying how precise it is."""
    day = dt.date.fromisoformat(iso)
    shown = date_text(day, lang, _PRECISION_STYLE.get(precision, "day"))
    return t(f"precision.{precision}", lang, date=shown) if precision in _PRECISION_STYLE else shown


def source_links(cell: str) -> str:
    links = []
    for url in cell.split():
        host = (urlsplit(url).hostname or url).removeprefix("www.")
        links.append(md_link(host, url))
    return " · ".join(links)


def status_badge(status: str, lang: str) -> str:
    """A status's name on its own colour, with the text colour the palette chose for it."""
    style = STATUS_STYLES[status]
    return (
        f"<span class='status-badge status-{status}' style='background:{style['fillColor']};"
        f"color:{style['textColor']}'>{t('status.' + status, lang)}</span>"
    )


def confidence_text(level: str, lang: str) -> str:
    return t(f"confidence.{level or 'not stated'}", lang)


def render_district_panel(
    district: dict, history: pd.DataFrame, *, date: dt.date, on_close: Callable[[], None], lang: str
) -> None:
    """Show one district. ``district`` is a row of ``Theatre.state_at``; every text from it is escaped."""
    arabic_first = lang == "ar" and bool(district["name_ar"])
    heading, other = (
        (district["name_ar"], district["name_en"]) if arabic_first else (district["name_en"], district["name_ar"])
    )
    st.markdown(f"## {md_text(heading)}")
    other_lang, other_dir = ("en", "ltr") if arabic_first else ("ar", "rtl")
    st.markdown(
        f"<div class='panel-top' data-district='{html.escape(district['district_id'])}'>"
        + (
            f"<span class='panel-other-name' lang='{other_lang}' dir='{other_dir}'>{html.escape(other)}</span>"
            if other
            else ""
        )
        + f"<a class='back-to-map' href='#map'>{t('panel.back_to_map', lang)}</a></div>",
        unsafe_allow_html=True,
    )
    if district["alt_names"]:
        st.caption(t("panel.also_known_as", lang, names=md_text(district["alt_names"])))
    if district.get("name_note"):
        st.caption(data_text(district["name_note"], lang), unsafe_allow_html=True)
    if district.get("place_source_url"):
        st.caption(t("panel.names_from", lang, links=source_links(district["place_source_url"])))
    since = (
        t("panel.since_start", lang)
        if not district["source_url"]
        else md_text(readable_date(district["since"], lang=lang))
    )
    st.markdown(
        t(
            "panel.status_on",
            lang,
            date=date_text(date, lang, "day_long"),
            status=status_badge(district["status"], lang),
            since=since,
        ),
        unsafe_allow_html=True,
    )
    if district["note"]:
        st.markdown(f"> {data_text(district['note'], lang)}", unsafe_allow_html=True)

    st.markdown(f"### {t('panel.history', lang)}")
    if history.empty:
        st.info(t("panel.no_history", lang))
    else:
        columns = [t(f"history.{name}", lang) for name in ("date", "status", "what", "confidence", "sources")]
        lines = ["| " + " | ".join(columns) + " |", "|---|---|---|---|---|"]
        for change in history.itertuples(index=False):
            lines.append(
                f"| {md_text(readable_date(change.date, change.date_precision, lang=lang))} "
                f"| {t('status.' + change.status, lang)} "
                f"| {data_text(change.note, lang) or '—'} | {confidence_text(change.confidence, lang)} "
                f"| {source_links(change.source_url)} |"
            )
        with st.container(key="history"):
            st.markdown("\n".join(lines), unsafe_allow_html=True)
    st.button(t("panel.close", lang), key="close-district", on_click=on_close)


def render_no_selection(*, lang: str) -> None:
    """What the panel shows before a district is chosen."""
    st.info(t("panel.hint", lang))
