"""The district search box: type any name of a district, press Enter, and its panel opens."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from components.text import md_text
from geo.search import Match, SearchIndex

KEY = "search"


def render_search_box(index: SearchIndex, *, on_pick: Callable[[str], None]) -> None:
    """A text box labelled "Search districts". Enter picks the best match (``on_pick(district_id)``);
    the other matches stay listed as buttons (Tab, then Enter, to pick one of them)."""

    def searched() -> None:
        query = st.session_state.get(KEY) or ""
        found = index.search(query) if query.strip() else []
        st.session_state[f"{KEY}-found"] = (query, found)
        if found:
            on_pick(found[0].district_id)

    st.text_input(
        "Search districts",
        key=KEY,
        on_change=searched,
        placeholder="A name in English or Arabic, e.g. Hanano or هنانو",
        help="Any name a district has: English, Arabic or another spelling; typos and al-/ash- don't matter. "
        "Press Enter to open the best match.",
    )
    query, found = st.session_state.get(f"{KEY}-found") or ("", [])
    if not query.strip():
        return
    if not found:
        st.caption(f"No district matches “{md_text(query)}”.")
        return
    st.caption(f"Showing **{md_text(found[0].name_en)}**{_how(found[0])}." + (" Other matches:" if found[1:] else ""))
    if found[1:]:
        columns = st.columns(min(len(found) - 1, 4))
        for number, match in enumerate(found[1:]):
            columns[number % len(columns)].button(
                match.name_en,
                key=f"{KEY}-pick-{match.district_id}",
                on_click=on_pick,
                args=(match.district_id,),
                help=f"Open {match.name_en}" + _how(match),
            )


def _how(match: Match) -> str:
    if match.name == match.name_en:
        return ""
    return f" (as “{md_text(match.name)}”)"
