"""What one dashboard process keeps for all its sessions: the process machinery around the view
model (``components/view_model.py``): each data version's, prepared once and cached; the
static publishing of its payloads and of the map's code; the data folder's argument; the memory
collector and the live view's turn.

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
from collections.abc import Iterator
from pathlib import Path

import streamlit as st

from components.map_view import library_payloads
from components.static_files import kept_published, publish_payloads, static_serving_enabled
from components.view_model import Prepared, view_model
from geo import DataError
from geo.cache import load_theatre_cached

HERE = Path(__file__).resolve().parent
STATIC_ROOT = HERE / "static"
DEFAULT_DATA = HERE / "data" / "aleppo"
GC_EVERY_S = 60


@functools.lru_cache(maxsize=8)  # the arguments do not change between reruns
def data_directory(argv: tuple[str, ...], from_environment: str | None) -> Path:
    """``--data DIR`` from the script's arguments, else ``FRONTLINES_DATA``'s value, else the Aleppo data."""
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--data", type=Path)
    known, _ = parser.parse_known_args(argv)
    return known.data or Path(from_environment or DEFAULT_DATA)


@st.cache_resource(show_spinner="Loading the theatre…", max_entries=4)
def prepare(directory: str, signature: tuple, static: bool) -> Prepared:
    """Load, validate and serialise a theatre once per version of its files, publishing its
    payloads as static files where static serving is on."""
    theatre = load_theatre_cached(directory)  # parsed and validated once per data version, kept on disk
    return view_model(
        theatre, publish=lambda texts: publish_payloads(STATIC_ROOT, "theatres", texts) if static else None
    )


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
#: The last theatre that validated, per data folder (and static serving): served, with a notice,
#: while the files on disk have errors (an editor's half-saved file, a bad deploy).
_last_good: dict[tuple[str, bool], Prepared] = {}
#: The files' version that last failed, and why: a rerun does not parse the broken files again.
_last_failed: tuple[tuple[str, tuple, bool], DataError] | None = None


def prepare_and_remember(directory: str, signature: tuple, static: bool) -> Prepared:
    """:func:`prepare`, remembered for :func:`last_prepared` and :func:`last_good`; a
    :class:`geo.DataError` is remembered too, and raised again for the same files without reading them."""
    global _last, _last_failed
    key = (directory, signature, static)
    failed = _last_failed
    if failed is not None and failed[0] == key:
        raise failed[1]
    try:
        prepared = prepare(directory, signature, static)
    except DataError as exc:
        _last_failed = (key, exc)
        raise
    _last = (key, prepared)
    _last_good[(directory, static)] = prepared
    return prepared


def last_good(directory: str, static: bool) -> Prepared | None:
    """The last theatre of ``directory`` that validated in this process, if any."""
    return _last_good.get((directory, static))


def last_prepared(directory: str, signature: tuple, static: bool) -> Prepared | None:
    """The theatre :func:`prepare_and_remember` prepared last, if it was for these arguments.
    Streamlit hashes a cached function's arguments on every call (about a millisecond of
    every rerun here), while nearly every rerun asks for the same data version as the last."""
    last = _last
    return last[1] if last is not None and last[0] == (directory, signature, static) else None


def forget_prepared() -> None:
    """Forget what :func:`last_prepared` remembers (with ``st.cache_resource.clear()``)."""
    global _last, _last_failed
    _last = None
    _last_failed = None
    _last_good.clear()


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
