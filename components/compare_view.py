"""Compare mode: a "from" date, and the list of districts whose status differs on the map's date."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from components.district_panel import readable_date
from components.text import md_text, render_html, source_links
from geo.compare import Comparison
from mapui.i18n import date_text, t

TOGGLE_KEY, FROM_KEY = "compare", "from"


def render_compare_controls(*, start: dt.date, end: dt.date, date: dt.date, lang: str) -> dt.date | None:
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

    def show_toggle() -> None:
        st.toggle(t("compare.toggle", lang), key=TOGGLE_KEY, on_change=toggled, help=t("compare.toggle_help", lang))

    if from_date is None:  # the toggle alone, without columns: fewer elements for every rerun to send
        show_toggle()
        return None
    toggle, picker = st.columns([1, 1])
    with toggle:
        show_toggle()
    picker.date_input(
        t("compare.from", lang),
        value=from_date,
        min_value=start,
        max_value=end,
        key=box,
        on_change=picked,
        format="YYYY-MM-DD",
        help=t("compare.from_help", lang),
    )
    return from_date


def render_changes(comparison: Comparison, *, csv: str, file_name: str, lang: str) -> None:
    """The changed districts grouped by the side that gained, with totals, sources and a CSV
    download named ``file_name`` (:func:`components.downloads.compare_download_name`).

    Every text from data is escaped. In Arabic, districts go by their Arabic names where the data has them.
    """
    changed = comparison.changed
    st.markdown(
        "### "
        + t(
            "compare.heading",
            lang,
            start=date_text(comparison.start, lang, "day_long"),
            end=date_text(comparison.end, lang, "day_long"),
        )
    )
    if changed.empty:
        st.info(t("compare.none", lang))
        return
    render_html(
        "<div class='frontlines-compare-total'>"
        + t(
            "compare.total",
            lang,
            districts=t("count.districts", lang, count=len(changed)),
            area=f"{comparison.area_km2:,.1f}",
        )
        + "</div>"
    )
    for gain in comparison.gains.itertuples(index=False):
        rows = changed[changed["to_status"] == gain.status]
        gained = t("count.districts", lang, count=gain.districts)
        st.markdown(
            "#### "
            + md_text(
                t(
                    "compare.gained",
                    lang,
                    status=t("status." + gain.status, lang),
                    districts=gained,
                    area=f"{gain.area_km2:,.1f}",
                )
            )
        )
        columns = [t(f"compare.column.{name}", lang) for name in ("district", "before", "changed_on", "sources")]
        lines = ["| " + " | ".join(columns) + " |", "|---|---|---|---|"]
        for row in rows.itertuples(index=False):
            dates = t("text.separator", lang).join(readable_date(d, lang=lang) for d in row.dates.split()) or "—"
            lines.append(
                f"| {md_text((lang == 'ar' and row.name_ar) or row.name_en)} | {t('status.' + row.from_status, lang)} "
                f"| {md_text(dates)} | {source_links(row.source_url, lang=lang) or '—'} |"
            )
        st.markdown("\n".join(lines))
    st.caption(t("compare.areas_note", lang))
    st.download_button(
        t("compare.download", lang),
        data=csv,
        file_name=file_name,
        mime="text/csv",
        key="compare-download",
    )
