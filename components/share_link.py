"""The share link: the URL that reopens exactly this view."""

from __future__ import annotations

from urllib.parse import urlencode

import streamlit as st

from components.i18n import t


def share_url(base_url: str, params: dict[str, str | None]) -> str:
    query = urlencode({k: v for k, v in params.items() if v})
    return f"{base_url.split('?')[0]}?{query}" if query else base_url


def render_share_link(params: dict[str, str | None], *, lang: str) -> None:
    """Show the link (with a copy button) to this date and district."""
    base = st.context.url or ""
    st.caption(t("share.caption", lang))
    with st.container(key="share-link"):
        st.code(share_url(base, params), language=None, wrap_lines=True)
