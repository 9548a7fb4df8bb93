"""The Time-lapse and Download image control, beside the downloads: thin, no data logic.

Everything it shows is made by callables the page passes in (``mapmedia.service.PageMedia``):
the image on click of its button, the clip when asked, with a progress bar; a clip made
already (by this reader or another) is offered at once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Protocol

import streamlit as st

from components.text import md_text
from mapui.i18n import date_text, t


class Made(Protocol):
    @property
    def data(self) -> bytes | None: ...
    @property
    def message(self) -> str: ...


class Media(Protocol):
    """What the control needs from the page (``mapmedia.service.PageMedia`` has it)."""

    @property
    def start(self) -> dt.date: ...
    @property
    def end(self) -> dt.date: ...
    @property
    def steps(self) -> Sequence[str]: ...
    @property
    def sizes(self) -> Sequence[str]: ...

    def image(self) -> bytes: ...
    def image_name(self) -> str: ...
    def cite(self) -> str: ...
    def clip_name(self, step: str, size: str) -> str: ...
    def ready_clip(self, step: str, size: str) -> bytes | None: ...
    def make_clip(self, step: str, size: str, progress: Callable[[int, int], None]) -> Made: ...


def _step_label(step: str, lang: str) -> str:
    labels = {
        "day": t("media.step_day", lang),
        "week": t("media.step_week", lang),
        "month": t("media.step_month", lang),
        "changes": t("media.step_changes", lang),
    }
    return labels.get(step, step)


def _size_label(size: str, lang: str) -> str:
    labels = {
        "1080x1080": t("media.size_square", lang),
        "1920x1080": t("media.size_landscape", lang),
        "1080x1920": t("media.size_vertical", lang),
    }
    return labels.get(size, size)


def render_media_export(media: Media, *, lang: str, key: str = "media") -> None:
    """An expander with the image's download button, the "cite this view" line and the
    time-lapse's step, size and make/download buttons (drawn only while open, like the downloads)."""
    box = st.expander(t("media.label", lang), key=f"{key}-box", on_change="rerun")
    if not box.open:
        return
    with box:
        st.download_button(
            t("media.image", lang),
            media.image,
            file_name=media.image_name(),
            mime="image/png",
            key=f"{key}-image",
            on_click="ignore",
        )
        st.caption(md_text(media.cite()))
        st.caption(
            t(
                "media.range_note",
                lang,
                start=date_text(media.start, lang),
                end=date_text(media.end, lang),
            )
        )
        step = (
            st.segmented_control(
                t("media.step", lang),
                list(media.steps),
                default="changes" if "changes" in media.steps else media.steps[0],
                format_func=lambda value: _step_label(value, lang),
                key=f"{key}-step",
            )
            or media.steps[0]
        )
        size = (
            st.segmented_control(
                t("media.size", lang),
                list(media.sizes),
                default=media.sizes[0],
                format_func=lambda value: _size_label(value, lang),
                key=f"{key}-size",
            )
            or media.sizes[0]
        )
        clip = media.ready_clip(step, size)
        if clip is None and st.button(t("media.make", lang), key=f"{key}-make"):
            bar = st.progress(0.0, text=t("media.starting", lang))

            def progress(done: int, total: int) -> None:
                bar.progress(done / total, text=t("media.drawing", lang, done=done, total=total))

            made = media.make_clip(step, size, progress)
            bar.empty()
            if made.data is None:
                st.warning(made.message)
            clip = made.data
        if clip is not None:
            st.download_button(
                t("media.download_clip", lang, megabytes=f"{len(clip) / 1e6:.1f}"),
                clip,
                file_name=media.clip_name(step, size),
                mime="video/mp4",
                key=f"{key}-clip",
                on_click="ignore",
            )
