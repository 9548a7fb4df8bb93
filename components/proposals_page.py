"""The maintainer's page: paste a report, see the changes it proposes, accept them into a file.

Off unless the dashboard runs with ``FRONTLINES_MAINTAINER=1`` in its environment, so a hosted
deployment never shows it by default. Accepted proposals go to a proposals file (``FRONTLINES_PROPOSALS``,
by default ``proposals.csv`` in the working folder), never to the theatre's own files: a
maintainer checks them and records them with ``python -m geo propose --review``. The reading
is :func:`geo.propose.propose`; the file, :func:`geo.propose.outbox.append_proposals`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from pathlib import Path

import streamlit as st

from components.text import md_text
from geo.errors import GeoError
from geo.propose import Report, propose
from geo.propose.model import Proposal, Proposals
from geo.propose.outbox import append_proposals
from geo.theatre import Theatre
from mapui.i18n import date_text, t

MAINTAINER_FLAG = "FRONTLINES_MAINTAINER"
PROPOSALS_FILE = "FRONTLINES_PROPOSALS"
DEFAULT_FILE = Path("proposals.csv")
KEY = "proposals"


def maintainer_page_enabled(environ: Mapping[str, str]) -> bool:
    """Whether the environment turns the page on (``FRONTLINES_MAINTAINER`` is 1, true, yes or on)."""
    return environ.get(MAINTAINER_FLAG, "").strip().lower() in ("1", "true", "yes", "on")


def proposals_file(environ: Mapping[str, str]) -> Path:
    """Where accepted proposals go: ``FRONTLINES_PROPOSALS``, else ``proposals.csv``."""
    return Path(environ.get(PROPOSALS_FILE) or DEFAULT_FILE)


def render_proposals_page(
    theatre: Theatre, *, file: Path, lang: str, on_show: Callable[[str, dt.date], None] | None = None
) -> None:
    """An expander (closed at first) with the report form, the proposals and the accept button;
    with ``on_show``, each dated proposal in the record's range has a button that calls
    ``on_show(district_id, date)``: the dashboard then shows that day and district on its map."""
    box = st.expander(t("proposals.heading", lang), key=KEY, on_change="rerun")
    if not box.open:
        return
    with box:
        st.caption(t("proposals.intro", lang, file=md_text(file.name)))
        with st.form(f"{KEY}-form"):
            text = st.text_area(t("proposals.report", lang), key=f"{KEY}-text", height=160)
            url = st.text_input(t("proposals.url", lang), key=f"{KEY}-url")
            published = st.date_input(
                t("proposals.published", lang), value=None, key=f"{KEY}-published", format="YYYY-MM-DD"
            )
            if st.form_submit_button(t("proposals.propose", lang)):
                st.session_state[f"{KEY}-found"] = propose(
                    Report(text or "", published=published, url=(url or "").strip()), theatre
                )
        found: Proposals | None = st.session_state.get(f"{KEY}-found")
        if found is None:
            return
        shown_range = (theatre.meta.start_date, theatre.meta.end_date)
        _show(found, file=file, lang=lang, on_show=on_show, shown_range=shown_range)


def _show(
    found: Proposals,
    *,
    file: Path,
    lang: str,
    on_show: Callable[[str, dt.date], None] | None,
    shown_range: tuple[dt.date, dt.date],
) -> None:
    if found.published is None:
        st.info(t("proposals.no_date", lang))
    if not found.proposals:
        st.info(t("proposals.none", lang))
    accepted = []
    for number, proposal in enumerate(found.proposals):
        st.markdown(_line(proposal, lang))
        st.caption(t("proposals.evidence", lang, evidence=md_text(proposal.evidence)))
        day = proposal.date
        if on_show is not None and isinstance(day, dt.date) and shown_range[0] <= day <= shown_range[1]:
            st.button(
                t("proposals.show_on_map", lang),
                key=f"{KEY}-show-{number}",
                on_click=on_show,
                args=(proposal.district_id, day),
            )
        if st.checkbox(t("proposals.accept", lang), key=f"{KEY}-accept-{number}"):
            accepted.append(proposal)
    if found.unmatched:
        places = ", ".join(md_text(u.text) for u in found.unmatched)
        st.caption(t("proposals.unmatched", lang, places=places))
    if not found.proposals:
        return
    if st.button(t("proposals.save", lang), key=f"{KEY}-save"):
        if not accepted:
            st.warning(t("proposals.nothing_accepted", lang))
            return
        try:
            count = append_proposals(
                file, accepted, url=found.url, published=found.published.isoformat() if found.published else ""
            )
        except GeoError as exc:
            st.error(t("proposals.error", lang, reason=md_text(exc)))
            return
        st.success(t("proposals.saved", lang, count=count, file=md_text(file.name)))


def _line(proposal: Proposal, lang: str) -> str:
    verdicts = {
        "already recorded": t("proposals.verdict_recorded", lang),
        "new": t("proposals.verdict_new", lang),
        "contradicts": t("proposals.verdict_contradicts", lang),
        "no date": t("proposals.verdict_undated", lang),
        "outside the theatre's dates": t("proposals.verdict_outside", lang),
    }
    name = proposal.name_ar if lang == "ar" and proposal.name_ar else proposal.name_en
    if isinstance(proposal.date, dt.date):
        day = date_text(proposal.date, lang, "day")
        when = t(f"precision.{proposal.date_precision or 'day'}", lang, date=day)
    else:
        when = t("proposals.unknown_date", lang)
    return t(
        "proposals.line",
        lang,
        name=md_text(name),
        status=t(f"status.{proposal.status}", lang),
        date=when,
        confidence=f"{proposal.confidence:.2f}",
        record=verdicts.get(proposal.record.verdict, md_text(proposal.record.verdict)),
    )
