"""Download buttons: the selected day as GeoJSON and CSV, and the full change log."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import TextIO

import streamlit as st

from components.js import js_literal
from geo import Theatre
from geo.export import download_name, state_geojson, write_change_log_csv, write_state_csv
from mapui.i18n import t


@dataclass(frozen=True)
class Download:
    label: str
    file_name: str
    mime: str
    make: Callable[[], str]  # computed only when the reader clicks


def _written(write: Callable[[TextIO], None]) -> str:
    buffer = io.StringIO()
    write(buffer)
    return buffer.getvalue()


def day_downloads(theatre: Theatre, date: dt.date, lang: str) -> list[Download]:
    """The selected day as GeoJSON and CSV and the full change log, each made on click, named
    with the data version and the licence (:func:`geo.export.download_name`)."""
    return [
        Download(
            t("downloads.day_geojson", lang),
            download_name(theatre, date.isoformat(), ".geojson"),
            "application/geo+json",
            lambda: js_literal(state_geojson(theatre, date)),
        ),
        Download(
            t("downloads.day_csv", lang),
            download_name(theatre, date.isoformat(), ".csv"),
            "text/csv",
            lambda: _written(lambda out: write_state_csv(theatre, date, out)),
        ),
        Download(
            t("downloads.change_log", lang),
            download_name(theatre, "changes", ".csv"),
            "text/csv",
            lambda: _written(lambda out: write_change_log_csv(theatre, out)),
        ),
    ]


def compare_download_name(theatre: Theatre, start: dt.date, end: dt.date) -> str:
    """The compare CSV's file name, with the data version and the licence like the day's files,
    e.g. ``aleppo_changes-2016-11-15-to-2016-12-15_data-1a2b3c4d_CC-BY-4.0.csv``."""
    return download_name(theatre, f"changes-{start.isoformat()}-to-{end.isoformat()}", ".csv")


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
