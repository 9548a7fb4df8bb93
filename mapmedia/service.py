"""Stills and time-lapses for a long-running front end (the dashboard): bounded caches, one
time-lapse at a time per process, and answers a page can show as they are.

A finished file is kept per data version and parameters, so a second reader asking for the same
clip gets it at once; the caches hold at most :data:`CLIP_CACHE_BYTES` of clips and
:data:`STILL_CACHE_ITEMS` images, the oldest used going first. A clip longer than
:data:`MAX_DATES` dates is refused (``frontlines timelapse`` has no such limit).
"""

from __future__ import annotations

import datetime as dt
import tempfile
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from pathlib import Path

from geo.theatre import Theatre
from mapmedia.options import SIZES, STEPS, size_text
from mapmedia.still import write_still
from mapmedia.timelapse import write_timelapse
from mapmedia.timeline import date_range, frames_of
from mapui.i18n import t

CLIP_CACHE_BYTES = 200_000_000
STILL_CACHE_ITEMS = 32
#: The most dates one clip made for a page may show (Aleppo's whole record at week step is 236).
MAX_DATES = 400
FPS = 12


@dataclass(frozen=True)
class Made:
    """A file made for a page, or why not: ``data`` is None and ``message`` says why."""

    data: bytes | None
    message: str = ""


class _Cache:
    """Bytes by key, bounded by count and total size, least recently used out first."""

    def __init__(self, *, max_items: int, max_bytes: int):
        self.max_items, self.max_bytes = max_items, max_bytes
        self._items: OrderedDict[Hashable, bytes] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable) -> bytes | None:
        with self._lock:
            found = self._items.get(key)
            if found is not None:
                self._items.move_to_end(key)
            return found

    def put(self, key: Hashable, data: bytes) -> None:
        with self._lock:
            self._items[key] = data
            self._items.move_to_end(key)
            while len(self._items) > self.max_items or sum(map(len, self._items.values())) > self.max_bytes:
                if len(self._items) == 1:
                    break
                self._items.popitem(last=False)


_clips = _Cache(max_items=64, max_bytes=CLIP_CACHE_BYTES)
_stills = _Cache(max_items=STILL_CACHE_ITEMS, max_bytes=CLIP_CACHE_BYTES)
_rendering = threading.Lock()  # one time-lapse at a time in this process


def _file_bytes(write: Callable[[Path], object], suffix: str) -> bytes:
    with tempfile.TemporaryDirectory(prefix="frontlines-media-") as folder:
        path = Path(folder) / f"media{suffix}"
        write(path)
        return path.read_bytes()


@dataclass(frozen=True)
class PageMedia:
    """What a page's media control needs, as plain values and callables (see
    ``components/media_export.py``): nothing here imports Streamlit."""

    theatre: Theatre
    date: dt.date
    start: dt.date
    end: dt.date
    lang: str
    district: str | None = None
    compare_from: dt.date | None = None
    link: str = ""
    steps: tuple[str, ...] = STEPS
    sizes: tuple[str, ...] = tuple(size_text(s) for s in SIZES)

    # ---- the still --------------------------------------------------------------------
    def image_name(self) -> str:
        return f"{self._stem()}-{self.date.isoformat()}.png"

    def image(self) -> bytes:
        """The view as a 1080x1080 PNG (made once per data version and view)."""
        key = ("still", self.theatre.version, self.date, self.lang, self.district, self.compare_from, self.link)
        found = _stills.get(key)
        if found is None:
            found = _file_bytes(
                lambda path: write_still(
                    self.theatre,
                    path,
                    date=self.date,
                    lang=self.lang,
                    district=self.district,
                    compare_from=self.compare_from,
                    link=self.link,
                ),
                ".png",
            )
            _stills.put(key, found)
        return found

    # ---- the time-lapse ----------------------------------------------------------------
    def clip_name(self, step: str, size: str) -> str:
        return f"{self._stem()}-{self.start.isoformat()}-{self.end.isoformat()}-{step}-{size}.mp4"

    def _clip_key(self, step: str, size: str) -> tuple:
        return ("clip", self.theatre.version, self.start, self.end, step, size, self.lang, self.district, FPS)

    def ready_clip(self, step: str, size: str) -> bytes | None:
        """The clip if it was made already (by anyone in this process)."""
        return _clips.get(self._clip_key(step, size))

    def make_clip(self, step: str, size: str, progress: Callable[[int, int], None]) -> Made:
        """Make the MP4 of ``start`` to ``end`` at ``step`` and ``size``, telling ``progress``
        (dates drawn, dates in all); refused while another is being made or when too long."""
        found = self.ready_clip(step, size)
        if found is not None:
            return Made(found)
        first, last = date_range(self.theatre, self.start, self.end)
        dates = len(frames_of(self.theatre, first, last, step=step, fps=FPS))
        if dates > MAX_DATES:
            return Made(None, t("media.too_long", self.lang, count=dates, limit=MAX_DATES))
        if not _rendering.acquire(blocking=False):
            return Made(None, t("media.busy", self.lang))
        try:
            data = _file_bytes(
                lambda path: write_timelapse(
                    self.theatre,
                    path,
                    start=first,
                    end=last,
                    step=step,
                    fps=FPS,
                    size=size,
                    lang=self.lang,
                    district=self.district,
                    progress=progress,
                ),
                ".mp4",
            )
        finally:
            _rendering.release()
        _clips.put(self._clip_key(step, size), data)
        return Made(data)

    def cite(self) -> str:
        """The "cite this view" line, with the share link."""
        from mapmedia.text import captions

        return captions(self.theatre, lang=self.lang, day=self.date, link=self.link).cite

    def _stem(self) -> str:
        version = f"-{self.theatre.version}" if self.theatre.version else ""
        return f"frontlines{version}"
