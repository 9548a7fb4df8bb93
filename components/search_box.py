"""The district search box: type any name of a district, press Enter, and its panel opens."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from components.text import md_text
from geo.search import Match, SearchIndex
from mapui.i18n import t

KEY = "search"


def render_search_box(
    index: SearchIndex, *, on_pick: Callable[[str], None], lang: str, arabic_names: dict[str, str] | None = None
) -> None:
    """A text box labelled "Search districts". Enter picks the best match (``on_pick(district_id)``);
    the other matches stay listed as buttons (Tab, then Enter, to pick one of them).

    Text is in ``lang``; in Arabic, districts are named from ``arabic_names`` (id -> Arabic name).
    """

    def searched() -> None:
        query = st.session_state.get(KEY) or ""
        found = index.search(query) if query.strip() else []
        st.session_state[f"{KEY}-found"] = (query, found)
        if found:
            on_pick(found[0].district_id)

    st.text_input(
        t("search.label", lang),
        key=KEY,
        on_change=searched,
        placeholder=t("search.placeholder", lang),
        help=t("search.help", lang),
    )
    name, how = _namer(lang, arabic_names)
    query, found = st.session_state.get(f"{KEY}-found") or ("", [])
    if not query.strip():
        return
    if not found:
        st.caption(t("search.none", lang, query=md_text(query)))
        return
    st.caption(
        t("search.showing", lang, name=md_text(name(found[0])), how=how(found[0]))
        + (" " + t("search.others", lang) if found[1:] else "")
    )
    if found[1:]:
        columns = st.columns(min(len(found) - 1, 4))
        for number, match in enumerate(found[1:]):
            columns[number % len(columns)].button(
                md_text(name(match)),  # a button's label and help render markdown: data text is escaped
                key=f"{KEY}-pick-{match.district_id}",
                on_click=on_pick,
                args=(match.district_id,),
                help=t("search.open", lang, name=md_text(name(match)), how=how(match)),
            )


def _namer(lang: str, arabic_names: dict[str, str] | None) -> tuple[Callable[[Match], str], Callable[[Match], str]]:
    """The name a match is shown by in ``lang``, and how the query matched when not by that name."""

    def name(match: Match) -> str:
        return (arabic_names or {}).get(match.district_id) or match.name_en if lang == "ar" else match.name_en

    def how(match: Match) -> str:
        if match.name in (match.name_en, name(match)):
            return ""
        return t("search.as", lang, name=md_text(match.name))

    return name, how
