"""The view in the URL: ``?date=YYYY-MM-DD&district=<id>``, and ``from=YYYY-MM-DD`` in compare mode."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import streamlit as st

from components.i18n import t
from geo.errors import GeoError


def read_view_from_url(
    *, parse_date: Callable[[str], dt.date], check_district: Callable[[str], object], lang: str
) -> tuple[dt.date | None, str | None, list[str]]:
    """The date and district a link asks for, each ``None`` when absent or invalid.

    Invalid values come back as readable notices instead of errors.
    """
    params = st.query_params
    notices: list[str] = []
    date = district = None
    if "date" in params:
        try:
            date = parse_date(params["date"])
        except GeoError as exc:
            notices.append(t("url.date_ignored", lang, reason=exc))
    if params.get("district"):
        try:
            check_district(params["district"])
            district = params["district"]
        except GeoError as exc:
            notices.append(t("url.district_ignored", lang, reason=exc))
    return date, district, notices


def write_view_to_url(view: dict[str, str | None]) -> None:
    """Put the view in the address bar, dropping empty values; no-op when unchanged."""
    wanted = {k: v for k, v in view.items() if v}
    if st.query_params.to_dict() != wanted:
        st.query_params.from_dict(wanted)


# ---- compare mode: ?from=YYYY-MM-DD beside date (kept apart from the view above, for easy merging) ----
COMPARE_PARAM = "from"


def read_compare_from_url(*, parse_date: Callable[[str], dt.date], lang: str) -> tuple[dt.date | None, list[str]]:
    """The compare mode's "from" date a link asks for (``?from=``), ``None`` when absent or invalid."""
    value = st.query_params.get(COMPARE_PARAM)
    if not value:
        return None, []
    try:
        return parse_date(value), []
    except GeoError as exc:
        return None, [t("url.from_ignored", lang, reason=exc)]
