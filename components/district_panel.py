"""The details panel of the selected district: names, status, history and sources."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pandas as pd
import streamlit as st

from components.text import data_text, html_block, html_text, isolated, md_link, md_text, render_html, source_links
from geo.confidence import ConfidenceBasis
from geo.statuses import STATUSES
from geo.theatre import Theatre
from geo.urls import host_of
from mapui.i18n import date_text, t
from mapui.palette import STATUS_STYLES

_PRECISION_STYLE = {"day": "day", "days": "day", "month": "month", "year": "year"}

Cite = Callable[[str], list[dict[str, str]]]


def readable_date(iso: str, precision: str = "day", *, lang: str) -> str:
    """A date from the data as the interface writes it, saying how precise it is."""
    day = dt.date.fromisoformat(iso)
    shown = date_text(day, lang, _PRECISION_STYLE.get(precision, "day"))
    return t(f"precision.{precision}", lang, date=shown) if precision in _PRECISION_STYLE else shown


def rated_links(citations: list[dict[str, str]], lang: str, *, wider: tuple[str, ...] = ()) -> str:
    """Links to reports, each followed by its kind and alignment where rated, who wrote it
    where it is a copy (``origin``), and, for the ids in ``wider``, that it names only a wider
    area than the district."""
    links = []
    for c in citations:
        parts = [
            t(f"{family}.{c[column]}", lang)
            for column, family in (("kind", "source_kind"), ("alignment", "alignment"))
            if c.get(column)
        ]
        if c.get("origin"):
            parts.append(t("source.origin", lang, origin=md_text(c["origin"])))
        if c.get("id") in wider:
            parts.append(t("source.wider_area", lang))
        rating = t("text.rating_separator", lang).join(parts)
        link = isolated(md_link(host_of(c["url"]) or c["url"], c["url"]), lang)
        links.append(link + (f" \\({rating}\\)" if rating else ""))
    return " · ".join(links)


def basis_text(basis: ConfidenceBasis | None, cite: Cite, lang: str) -> str:
    """Why a change has its confidence (geo.confidence.ConfidenceBasis), and which cited
    sources are one report; '' where the theatre does not record the names relation."""
    if basis is None:
        return ""
    if basis.inferred:
        parts = [t("basis.inferred", lang)]
    elif not basis.reports:
        parts = [t("basis.none", lang)]
    else:
        parts = [t("basis.reports", lang, count=basis.reports)]
        if basis.one_sided:
            parts.append(t("basis.one_sided", lang))
        if basis.disputed:
            parts.append(t("basis.disputed", lang))
    for group in basis.same:
        names = [c.get("publisher") or host_of(c["url"]) or c["url"] for c in cite(" ".join(group))]
        parts.append(t("source.same_report", lang, sources=" = ".join(isolated(md_text(n), lang) for n in names)))
    return " \\(" + t("text.clause_separator", lang).join(parts) + "\\)"


def _no_citations(ids: str) -> list[dict[str, str]]:
    return []


def status_badge(status: str, lang: str) -> str:
    """A status's name on its own colour, with the text colour the palette chose for it."""
    style = STATUS_STYLES[status]
    return (
        f"<span class='status-badge status-{status}' style='background-color:{style['fillColor']};"
        f"color:{style['textColor']}'>{t('status.' + status, lang)}</span>"
    )


def confidence_text(level: str, lang: str) -> str:
    return t(f"confidence.{level or 'not stated'}", lang)


def list_text(items: list[str], lang: str) -> str:
    """'A', 'A and B', 'A, B and C' in the interface language."""
    if len(items) < 2:
        return "".join(items)
    return t("text.separator", lang).join(items[:-1]) + t("text.and", lang) + items[-1]


def _between(sides: str, lang: str) -> str:
    """'between Government and Kurdish (YPG/SDF)' for a contested change's sides, or ''."""
    named = [t("status." + s, lang) for s in sides.split() if s in STATUSES]
    return t("panel.between", lang, sides=list_text(named, lang)) if named else ""


def _partial_date(text: str, lang: str) -> str:
    """'2016-12-04' -> '4 Dec 2016', '2016-12' -> 'Dec 2016', '2012' -> '2012'."""
    style = {10: "day", 7: "month", 4: "year"}.get(len(text))
    if style is None:
        return md_text(text)
    return date_text(dt.date.fromisoformat(text + "-01" * ((10 - len(text)) // 3)), lang, style)


def _disagreement(change, cite: Cite, lang: str) -> str:
    """What the reports that disagree with a change say: another date, and who."""
    parts = []
    if getattr(change, "alt_date", ""):
        parts.append(t("panel.another_date", lang, date=_partial_date(change.alt_date, lang)))
    if getattr(change, "disputed_by", ""):
        who = rated_links(cite(change.disputed_by), lang) or isolated(md_text(change.disputed_by), lang)
        parts.append(t("panel.disputed_by", lang, sources=who))
    return t("panel.disagree", lang, what=t("text.clause_separator", lang).join(parts)) if parts else ""


def history_table(history: pd.DataFrame, *, lang: str, cite: Cite = _no_citations) -> str | None:
    """A district's changes (``Theatre.history``) as a markdown table, every text escaped; None
    when there are none. Made once per district and language (the dashboard keeps it): a
    scrub does not change it."""
    if history.empty:
        return None
    columns = [t(f"history.{name}", lang) for name in ("date", "status", "what", "confidence", "sources")]
    lines = ["| " + " | ".join(columns) + " |", "|---|---|---|---|---|"]
    for change in history.itertuples(index=False):
        ids = getattr(change, "sources", "")
        basis = getattr(change, "basis", None)
        wider = basis.wider if basis is not None else ()
        cited = rated_links(cite(ids), lang, wider=wider) if ids else ""
        between = _between(getattr(change, "sides", ""), lang)
        status = md_text(t("status." + change.status, lang) + (" " + between if between else ""))
        lines.append(
            f"| {md_text(readable_date(change.date, change.date_precision, lang=lang))} "
            f"| {status} "
            f"| {data_text(change.note, lang) or '—'}{_disagreement(change, cite, lang)} "
            f"| {confidence_text(change.confidence, lang)}{basis_text(basis, cite, lang)} "
            f"| {cited or source_links(change.source_url, lang=lang)} |"
        )
    return "\n".join(lines)


def latest_history(theatre: Theatre, district_id: str, *, rows: int, lang: str) -> tuple[str | None, int]:
    """The district's latest ``rows`` changes as :func:`history_table`, and how many earlier ones
    are left out."""
    history = theatre.history(district_id)
    return history_table(history.tail(rows), lang=lang, cite=theatre.citations), max(len(history) - rows, 0)


def render_district_panel(
    district: dict,
    history: str | None,
    *,
    date: dt.date,
    on_close: Callable[[], None],
    lang: str,
    cite: Cite = _no_citations,
    borders: dict[str, list[str]] | None = None,
    names: dict[str, str] | None = None,
    evidence: list[tuple[dict, dict[str, int]]] | None = None,
    earlier: int = 0,
    on_more: Callable[[], None] | None = None,
) -> None:
    """Show one district. ``district`` is a row of ``Theatre.district_at``; every text from it is
    escaped; ``history`` is :func:`history_table`'s.

    ``cite`` turns space-separated source ids into reports with their kind and alignment
    (:meth:`geo.Theatre.citations`); without it sources are plain links. ``borders`` is
    ``Theatre.bordering_sides`` (ids named through ``names``); ``evidence`` one
    ``(layer metadata, counts by category)`` per evidence layer (``EvidenceLayer.district_counts``).
    ``history`` may hold only the latest changes: ``earlier`` counts those left out, and a button
    calls ``on_more()`` to show more of them (a district with thousands of changes stays quick).
    """
    with st.container(key=f"panel-of-{district['district_id']}"):  # found by components/assets/page.js
        arabic_first = lang == "ar" and bool(district["name_ar"])
        heading, other = (
            (district["name_ar"], district["name_en"]) if arabic_first else (district["name_en"], district["name_ar"])
        )
        other_lang, other_dir = ("en", "ltr") if arabic_first else ("ar", "rtl")
        other_name = (
            html_block(f"<div class='panel-other-name' lang='{other_lang}' dir='{other_dir}'>{html_text(other)}</div>")
            if other
            else ""
        )
        # one element for both names (every element costs each rerun)
        st.markdown(f"## {md_text(heading)}\n\n{other_name}", unsafe_allow_html=True)
        with st.container(key="back-to-map"):  # shown on narrow screens, where the panel is under the map
            st.markdown(f"[{t('panel.back_to_map', lang)}](#map)")
        if district["alt_names"]:
            st.caption(t("panel.also_known_as", lang, names=md_text(district["alt_names"])))
        if district.get("name_note"):
            st.caption(data_text(district["name_note"], lang), unsafe_allow_html=True)
        if district.get("place_source_url"):
            st.caption(t("panel.names_from", lang, links=source_links(district["place_source_url"], lang=lang)))
        initial = not district["source_url"]
        since = t("panel.since_start", lang) if initial else readable_date(district["since"], lang=lang)
        between = _between(district.get("sides", ""), lang)
        render_html(
            "<div class='district-status'>"
            + t(
                "panel.status_on",
                lang,
                date=f"<strong>{date_text(date, lang, 'day_long')}</strong>",
                status=status_badge(district["status"], lang) + (" " + html_text(between) if between else ""),
                since=html_text(since),
            )
            + "</div>"
        )
        initial_links = rated_links(cite(district["sources"]), lang) if initial and district.get("sources") else ""
        if initial_links:
            st.caption(t("panel.initial_from", lang, links=initial_links))
        if district["note"]:
            st.markdown(f"> {data_text(district['note'], lang)}", unsafe_allow_html=True)
        if district.get("geometry_source") == "approximate":
            st.caption(t("panel.approximate_shape", lang))
        if borders is not None:
            _render_borders(borders, names or {}, own=district["status"], lang=lang)
        if evidence:
            _render_evidence(evidence, date=date, lang=lang)

        if history is None:
            st.markdown(f"### {t('panel.history', lang)}")
            st.info(t("panel.no_history", lang))
        else:
            with st.container(key="history"):
                st.markdown(f"### {t('panel.history', lang)}\n\n{history}", unsafe_allow_html=True)
            if earlier and on_more is not None:
                st.button(t("panel.history_earlier", lang, count=earlier), key="history-earlier", on_click=on_more)
        st.button(t("panel.close", lang), key="close-district", on_click=on_close)


def render_no_selection(*, lang: str) -> None:
    """What the panel shows before a district is chosen."""
    st.info(t("panel.hint", lang))


def _render_borders(borders: dict[str, list[str]], names: dict[str, str], *, own: str, lang: str) -> None:
    """Which sides the district borders on: the front line runs where a neighbour's side differs."""
    if not borders:
        st.caption(t("panel.no_neighbours", lang))
        return
    parts = [
        f"{status_badge(status, lang)} {html_text(list_text([names.get(i, i) for i in ids], lang))}"
        for status, ids in borders.items()
    ]
    others = [t("status." + s, lang) for s in borders if s != own]
    lead = t("panel.borders_same", lang) if not others else t("panel.borders_on", lang, sides=list_text(others, lang))
    render_html(
        f"<div class='district-borders'><p><strong>{html_text(lead)}</strong></p>"
        "<ul>" + "".join(f"<li>{part}</li>" for part in parts) + "</ul></div>"
    )


def _render_evidence(evidence: list[tuple[dict, dict[str, int]]], *, date: dt.date, lang: str) -> None:
    """Counts from the evidence layers in this district (evidence of damage or places, not of
    control). Layer titles and category names are data, shown as the data has them."""
    lines = []
    for meta, counts in evidence:
        total = sum(counts.values())
        # category names are data, in English: one English run with English separators
        named = [f"{label}: {n:,}" for label, n in counts.items() if n and label]
        detail = data_text(f"({', '.join(named)})", lang) if named else ""
        count = (
            t("panel.evidence_seen_by", lang, count=f"{total:,}", date=date_text(date, lang, "day"))
            if meta.get("date_property")
            else f"{total:,}"
        )
        lines.append(
            f"- {data_text(meta['title'], lang)}: **{isolated(md_text(count), lang)}**"
            + (f" {detail}" if detail else "")
        )
    st.markdown(f"### {t('panel.evidence_heading', lang)}\n" + "\n".join(lines), unsafe_allow_html=True)
    st.caption(t("panel.evidence_note", lang))
