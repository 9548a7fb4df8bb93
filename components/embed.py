"""Embed mode (``?mode=embed``): the map, slider and legend only, without Streamlit's chrome."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

_CSS = Path(__file__).with_name("embed.css")


def hide_chrome() -> None:
    """Hide everything around the app's own content (call once, early in the run)."""
    st.markdown(f"<style>{_CSS.read_text(encoding='utf-8')}</style>", unsafe_allow_html=True)
