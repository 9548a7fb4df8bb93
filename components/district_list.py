"""Every district with its status on the date, as buttons: a way to choose a district
with the keyboard or a screen reader, and a text alternative to the map.

The list is drawn only while its expander is open, so it costs a scrub nothing otherwise.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable

import streamlit as st

from components.text import md_text
from geo.statuses import STATUSES
from mapui.i18n import date_text, t


def _chosen(key: str, on_select: Callable[[str], None]) -> None:
    district_id = st.session_state.get(key)
    st.session_state[key] = None  # the pills act as buttons: none stays pressed
    if district_id:
        on_select(district_id)


def render_district_list(
    *, date: dt.date, rows: Callable[[], list[dict]], on_select: Callable[[str], None], lang: str
) -> None:
    """``rows()`` gives every district as ``{district_id, name_en, name_ar, status}``;
    ``on_select(district_id)`` is called when one is chosen."""
    box = st.expander(
        t("list.label", lang, date=date_text(date, lang, "day_long")), key="district-list", on_change="rerun"
    )
    if not box.open:
        return
    with box:
        st.caption(t("list.help", lang))
        districts = rows()
        for status in STATUSES:
            members = [d for d in districts if d["status"] == status]
            if not members:
                continue
            members.sort(key=lambda d: _name(d, lang))
            names = {d["district_id"]: _name(d, lang) for d in members}
            key = f"district-list-{status}"
            st.pills(
                t(
                    "list.group",
                    lang,
                    status=t("status." + status, lang),
                    districts=t("count.districts", lang, count=len(members)),
                ),
                list(names),
                format_func=functools.partial(_label, names),  # a pill's label renders markdown
                key=key,
                on_change=_chosen,
                args=(key, on_select),
            )


def _label(names: dict[str, str], district_id: str) -> str:
    return md_text(names[district_id])


def _name(district: dict, lang: str) -> str:
    return district["name_ar"] if lang == "ar" and district["name_ar"] else district["name_en"]
