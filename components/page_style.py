"""The page's own CSS (components/page.css): a compact header, so the map fits the first screen."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

_CSS = Path(__file__).with_name("page.css").read_text(encoding="utf-8")


def render_page_style() -> None:
    """Add the page's CSS. The file is ours, not data, so it goes in as it is."""
    st.html(f"<style>{_CSS}</style>")
