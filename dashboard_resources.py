"""What one dashboard process keeps for all its sessions: the theatre prepared for the page,
the map's published code, the memory collector and the live view's turn.

These live apart from ``dashboard.py`` because Streamlit runs that script afresh on every
rerun, and each run decorated its cached functions again (working out a cache key from a
function's source took several milliseconds of every rerun); a module is imported once.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gc
import stat
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import pandas as pd
import streamlit as st

from components.control_chart import control_specs, series_records
from components.js import js_literal
from components.map_view import library_payloads
from components.static_files import kept_published, publish_payloads, static_serving_enabled
from components.timeline_chart import strip_spec
from geo import Theatre
from geo.cache import load_theatre_cached
from geo.layers import layer_payloads, layer_spec
from geo.payloads import frontline_text, shapes_text, sourcing, timeline_text
from geo.quality import changes_per_month, confidence_counts
from geo.search import SearchIndex
from geo.series import control_series
from mapui.i18n import LANGUAGES

HERE = Path(__file__).resolve().parent
STATIC_ROOT = HERE / "static"
DEFAULT_DATA = HERE / "data" / "aleppo"
GC_EVERY_S = 60
MEMO_ENTRIES = 4096

T = TypeVar("T")


class Memo:
    """Pieces of the page made from one data version, kept for every session (least recently
    used dropped beyond ``entries``): readers scrubbing the same days and opening the same
    districts ask for the same texts, and a rerun's own work is most of a scrub's cost."""

    def __init__(self, *, entries: int = MEMO_ENTRIES):
        if entries < 1:
            raise ValueError(f"'entries' was {entries} but is expected to be at least 1")
        self.entries = entries
        self._kept: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, make: Callable[[], T]) -> T:
        """The value kept for ``key``, made by ``make()`` the first time (made outside the lock:
        two sessions may both make it; either result is kept)."""
        with self._lock:
            if key in self._kept:
                self._kept.move_to_end(key)
                return self._kept[key]
        value = make()
        with self._lock:
            self._kept[key] = value
            while len(self._kept) > self.entries:
                self._kept.popitem(last=False)
        return value

    def __len__(self) -> int:
        return len(self._kept)


@functools.lru_cache(maxsize=8)  # the arguments do not change between reruns
def data_directory(argv: tuple[str, ...], from_environment: str | None) -> Path:
    """``--data DIR`` from the script's arguments, else ``FRONTLINES_DATA``'s value, else the Aleppo data."""
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--data", type=Path)
    known, _ = parser.parse_known_args(argv)
    return known.data or Path(from_environment or DEFAULT_DATA)


@dataclass(frozen=True)
class Prepared:
    theatre: Theatre
    payloads: dict[str, str]  # shapes (".geojson"), timelines, control series, front line, layers: JSON text
    published: dict[str, str] | None  # their static paths, or None where they travel inline
    layer_specs: list[dict]  # the evidence layers' metadata for the map; data in payloads[".layer-<id>.json"]
    per_month: pd.Series
    sourcing: dict[str, int]
    confidence: dict[str, int]
    search_index: SearchIndex
    arabic_names: dict[str, str]  # district id -> Arabic name, where the data has one
    strip_specs: dict[str, dict]  # per interface language
    control_specs: dict[str, dict[str, dict]]  # per interface language, then per measure
    names: dict[str, dict[str, str]]  # per interface language: district id -> name (English where no Arabic)
    event_titles: dict[str, list[str]]  # ISO date -> titles of the events dated that day
    memo: Memo = field(default_factory=Memo, compare=False)


@st.cache_resource(show_spinner="Loading the theatre…", max_entries=4)
def prepare(directory: str, signature: tuple, static: bool) -> Prepared:
    """Load, validate and serialise a theatre once per version of its files."""
    theatre = load_theatre_cached(directory)  # parsed and validated once per data version, kept on disk
    shapes = shapes_text(theatre)
    evidence = layer_payloads(theatre.layers, theatre.areas_km2)
    specs = [layer_spec(p) for p in evidence]
    per_month, series = changes_per_month(theatre), control_series(theatre)
    start, end = theatre.meta.start_date, theatre.meta.end_date
    texts = {
        ".geojson": shapes,
        ".timeline.json": timeline_text(theatre),
        ".control.json": js_literal(series_records(series)),
        ".frontline.json": frontline_text(theatre),
        **{f".layer-{p['id']}.json": js_literal(p) for p in evidence},
    }
    published = publish_payloads(STATIC_ROOT, "theatres", texts) if static else None
    english = dict(zip(theatre.district_ids, theatre.districts["name_en"], strict=True))
    arabic = {d: n for d, n in zip(theatre.districts["district_id"], theatre.districts["name_ar"], strict=True) if n}
    event_titles: dict[str, list[str]] = {}
    for day, title in zip(theatre.events["date"], theatre.events["title"], strict=True):
        event_titles.setdefault(str(day), []).append(str(title))
    figures = (
        per_month,
        sourcing(theatre),
        confidence_counts(theatre),
        SearchIndex(theatre.districts),
        arabic,
        {
            lang: strip_spec(changes_per_month=per_month, events=theatre.events, start=start, end=end, lang=lang)
            for lang in LANGUAGES
        },
        {
            lang: control_specs(
                series, start=start, end=end, data_url=published[".control.json"] if published else None, lang=lang
            )
            for lang in LANGUAGES
        },
        {lang: english | arabic if lang == "ar" else english for lang in LANGUAGES},
        event_titles,
    )
    return Prepared(theatre, texts, published, specs, *figures)


def files_signature(directory: Path) -> tuple:
    """Changes whenever a theatre file (or an evidence layer's) changes; the cache key beside the path.

    A file that disappears between the listing and its ``stat`` (an editor's temporary file) is left out.
    """
    signature = []
    for path in sorted([*directory.glob("*"), *directory.glob("layers/*")]):
        try:
            status = path.stat()
        except OSError:
            continue
        if stat.S_ISREG(status.st_mode):
            signature.append((str(path.relative_to(directory)), status.st_mtime_ns, status.st_size))
    return tuple(signature)


def theatre_key(directory: Path) -> tuple[str, tuple, bool]:
    """:func:`prepare`'s arguments for the theatre in ``directory`` and its files' current
    version (a session's run, or the warm start before the first session: the same entry)."""
    return str(directory), files_signature(directory) if directory.is_dir() else (), static_serving_enabled()


_last: tuple[tuple[str, tuple, bool], Prepared] | None = None


def prepare_and_remember(directory: str, signature: tuple, static: bool) -> Prepared:
    """:func:`prepare`, remembered for :func:`last_prepared`."""
    global _last
    prepared = prepare(directory, signature, static)
    _last = ((directory, signature, static), prepared)
    return prepared


def last_prepared(directory: str, signature: tuple, static: bool) -> Prepared | None:
    """The theatre :func:`prepare_and_remember` prepared last, if it was for these arguments.
    Streamlit hashes a cached function's arguments on every call (about a millisecond of
    every rerun here), while nearly every rerun asks for the same data version as the last."""
    last = _last
    return last[1] if last is not None and last[0] == (directory, signature, static) else None


def forget_prepared() -> None:
    """Forget what :func:`last_prepared` remembers (with ``st.cache_resource.clear()``)."""
    global _last
    _last = None


def static_paths(prepared: Prepared) -> dict[str, str] | None:
    """The published payloads' paths, published again if their files were deleted while the server ran;
    None where the payloads travel inline (static serving off, or the folder cannot be written)."""
    return kept_published(STATIC_ROOT, "theatres", prepared.payloads, prepared.published)


@st.cache_resource(show_spinner=False)
def published_library(static: bool) -> dict[str, str] | None:
    """The map's browser code and styles as static files, once per process (None: they travel inline)."""
    return publish_payloads(STATIC_ROOT, "map", library_payloads()) if static else None


def library_paths() -> dict[str, str] | None:
    """:func:`published_library`'s paths, published again if their files were deleted meanwhile."""
    return kept_published(STATIC_ROOT, "map", library_payloads(), published_library(static_serving_enabled()))


_collector: threading.Thread | None = None
_collector_started = threading.Lock()
_live_view_lock = threading.Lock()


def memory_collector() -> threading.Thread:
    """Once a minute, a full garbage collection in the background, one thread per process.
    Streamlit's after every script run is off (``runner.postScriptGC`` in .streamlit/config.toml:
    it was half of a scrub's CPU); this one gives back the memory of the readers who left, when
    no script runs."""
    global _collector

    def collect() -> None:
        while True:
            time.sleep(GC_EVERY_S)
            gc.collect()

    with _collector_started:
        if _collector is None or not _collector.is_alive():
            _collector = threading.Thread(target=collect, name="frontlines-gc", daemon=True)
            _collector.start()
        return _collector


@contextlib.contextmanager
def live_view_turn() -> Iterator[None]:
    """Sessions take turns to run the live view. Script runs are CPU-bound and share one core
    under Python's GIL: run together, every waiting reader's rerun ends late; one at a time,
    each ends as soon as its own work is done (bench/load.py measured more reruns served and a
    lower p95 this way, with less switching under the GIL)."""
    with _live_view_lock:
        yield
