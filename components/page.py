"""What the whole page shares: its stylesheet, its language and direction, the
language switch, and the script that brings a chosen district's panel into view.

The browser code lives in ``components/assets/page.js`` and the styles in
``components/assets/page.css``; this module only hands them their settings.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from pathlib import Path

import streamlit as st

from components.js import js_literal
from mapui.i18n import DIRECTIONS, LANGUAGES, NATIVE_NAMES, t

ASSETS = Path(__file__).with_name("assets")
_PAGE_SCRIPT = (ASSETS / "page.js").read_text(encoding="utf-8")
# Streamlit's sanitiser (DOMPurify) drops a script whose text looks like markup.
assert not re.search(r"<[/\w]", _PAGE_SCRIPT), "page.js must not contain '<' before a letter or '/'"


def render_page_setup(*, lang: str, reveal: dict | None = None) -> None:
    """Style the page, set its language and direction, and, with ``reveal``
    (``{"district": id, "focus": bool}``), bring that district's panel into view on a
    narrow screen and move the keyboard focus to it when ``focus`` is set."""
    st.html(ASSETS / "page.css")
    settings = js_literal({"lang": lang, "dir": DIRECTIONS[lang], "reveal": reveal})
    st.html(
        f'<div class="frontlines-page-settings" hidden data-settings="{html.escape(settings)}"></div>'
        f"<script>{_PAGE_SCRIPT}</script>",
        unsafe_allow_javascript=True,
    )


def render_language_switch(*, key: str, lang: str, on_change: Callable[[], None]) -> str:
    """The interface-language control; its value lives in ``st.session_state[key]``."""
    chosen = st.segmented_control(
        t("language.label", lang),
        LANGUAGES,
        format_func=NATIVE_NAMES.__getitem__,
        key=key,
        label_visibility="collapsed",
        width="content",
        on_change=on_change,
    )
    return chosen or lang
