"""Download buttons: the selected day as GeoJSON and CSV, and the full change log."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import streamlit as st

from mapui.i18n import t


@dataclass(frozen=True)
class Download:
    label: str
    file_name: str
    mime: str
    make: Callable[[], str]  # computed only when the reader clicks


def render_downloads(downloads: list[Download], *, lang: str, key: str = "download") -> None:
    """One button per file, side by side in an expander; the files are made on click, without
    a rerun. The buttons are drawn only while the expander is open, so a scrub does not send them."""
    box = st.expander(t("downloads.label", lang), key=f"{key}s-box", on_change="rerun")
    if not box.open:
        return
    with box:
        st.caption(t("downloads.caption", lang))
        with st.container(horizontal=True, key=f"{key}s"):
            for index, item in enumerate(downloads):
                st.download_button(
                    item.label,
                    item.make,
                    file_name=item.file_name,
                    mime=item.mime,
                    key=f"{key}-{index}",
                    on_click="ignore",
                    width="stretch",
                )
