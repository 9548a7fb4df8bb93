"""The share link: the URL that reopens exactly this view."""

from __future__ import annotations

from urllib.parse import urlencode

import streamlit as st

from mapui.i18n import t


def share_url(base_url: str, params: dict[str, str | None]) -> str:
    query = urlencode({k: v for k, v in params.items() if v})
    return f"{base_url.split('?')[0]}?{query}" if query else base_url


def render_share_link(params: dict[str, str | None], *, lang: str) -> None:
    """Show the link to this date and district; in the browser, the page script
    (components/assets/page.js) keeps it equal to the address, with the map's centre, zoom and
    layers, as the map's Copy link button copies it.

    Inline code in markdown, not ``st.code``: that element's syntax highlighter is the largest
    script of Streamlit's page, and loading it delayed the map's first paint.
    """
    base = st.context.url or ""
    st.caption(t("share.caption", lang))
    with st.container(key="share-link"):
        st.markdown(f"`{share_url(base, params).replace('`', '%60')}`")
