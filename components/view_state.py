"""What one reader's session keeps of the view between reruns, typed, under one session-state key.

The widgets keep their own values under their own keys (the date slider's ``date``, the language
switch's ``lang``, compare mode's ``from``); everything else the page remembers is a
:class:`ViewState`. :func:`opened_view` makes one from a link, :func:`keep_valid` checks it against
the data; both are plain functions of their arguments.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import streamlit as st

from geo import Theatre, UnknownDistrictError
from geo.errors import GeoError
from geo.version import changed_since
from mapui.i18n import t

KEY = "view"
#: How many of a district's changes its panel shows at first, the latest; more on request.
HISTORY_PAGE = 50


@dataclass
class ViewState:
    """A session's view, apart from the widgets' own values."""

    #: the selected district, or None
    district: str | None
    #: the date slider's first value (the link's date, else the theatre's opening date or last day)
    initial_date: dt.date
    #: the link asked for embed mode (map, slider and legend only)
    embed: bool
    #: the record's range the slider was made for (a reloaded theatre may have another)
    date_range: tuple[dt.date, dt.date]
    #: readable notices for the session (ignored link values, a stale link, a district gone)
    notices: list[str] = field(default_factory=list)
    #: (district, token): centre the map on the district once per new token
    focus: tuple[str, int] | None = None
    #: bring the panel into view on a phone (and move the focus to it, from the keyboard list)
    reveal: dict | None = None
    #: the view has been drawn once (a new page's charts wait for the map's first drawing)
    shown: bool = False
    #: how many of the selected district's latest changes its panel shows
    history_rows: int = HISTORY_PAGE

    def select(self, district_id: str | None, *, reveal: bool = False, focus_panel: bool = False) -> None:
        """Select a district (None: none); ``reveal`` brings its panel into view on a phone."""
        if district_id != self.district:
            self.history_rows = HISTORY_PAGE
        self.district = district_id
        if district_id is not None and reveal:
            self.reveal = {"district": district_id, "focus": focus_panel}

    def centre_on(self, district_id: str) -> None:
        """Select a district and centre the map on it (a new token, so the map moves once)."""
        if district_id != self.district:
            self.history_rows = HISTORY_PAGE
        self.district = district_id
        self.focus = (district_id, (self.focus or ("", 0))[1] + 1)

    def show_more_history(self) -> None:
        """Show the next page of the selected district's earlier changes."""
        self.history_rows += HISTORY_PAGE


def current() -> ViewState | None:
    """This session's view, or None before the first run has made one."""
    return st.session_state.get(KEY)


def remember(view: ViewState) -> ViewState:
    st.session_state[KEY] = view
    return view


def opened_view(
    theatre: Theatre,
    *,
    date: dt.date | None,
    district: str | None,
    embed: bool,
    link_version: str | None,
    notices: list[str],
    lang: str,
) -> ViewState:
    """The view a link opens: its date (else the theatre's ``opening_date``, else the record's
    last day), district and mode, with the notices for what it asked that could not be shown,
    a stale data version first."""
    if link_version and link_version != theatre.version:
        notices = [stale_notice(theatre, link_version, district, lang), *notices]
    return ViewState(
        district=district,
        initial_date=date or theatre.meta.first_shown_date,
        embed=embed,
        date_range=(theatre.meta.start_date, theatre.meta.end_date),
        notices=list(notices),
    )


def keep_valid(view: ViewState, theatre: Theatre, *, shown: dt.date, lang: str) -> dt.date | None:
    """Treat a view the data no longer has like a bad link value: a notice, the value dropped.

    The district may have been removed from the data since the page was opened; the record's
    range may have changed under a reloaded theatre. Returns the date the slider must show
    instead of ``shown`` when its range changed (the slider's identity follows its range, so
    the date is carried over), else None.
    """
    if view.district is not None:
        try:
            theatre.require_district(view.district)
        except UnknownDistrictError as exc:
            view.district = None
            view.notices.append(t("notice.district_gone", lang, reason=exc))
    start, end = theatre.meta.start_date, theatre.meta.end_date
    if view.date_range == (start, end):
        return None
    view.date_range = (start, end)
    kept = min(max(shown, start), end)
    if kept != shown:
        view.notices.append(t("notice.date_outside", lang, shown=shown, start=start, end=end, kept=kept))
    return kept


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
    row = theatre.district_at(district, theatre.meta.end_date)
    name = row["name_ar"] if lang == "ar" and row["name_ar"] else row["name_en"]
    return t(
        "notice.stale_version_district",
        lang,
        version=version,
        current=theatre.version,
        name=name,
        added=t("count.changes_added", lang, count=added),
        removed=t("count.changes_removed", lang, count=len(rows) - added),
    )
