"""Start the dashboard warm: ``streamlit run dashboard.py`` with the first page's work done
before the first reader arrives.

``streamlit run`` runs no project code until a session's first script run, so the first
reader of a fresh process (a new replica, a restarted container) waited for the dashboard's
imports (pandas, folium, streamlit-folium: most of that run) and for the theatre to be read
from the on-disk cache. This launcher starts a thread that does both as soon as Streamlit's
server has started, while the first reader's browser loads Streamlit's page, in the same
process, into the same ``st.cache_resource`` entry the sessions read
(:func:`dashboard_resources.prepare_and_remember`).
Everything else is Streamlit's own command line, so the arguments are those of
``streamlit run dashboard.py`` without the script::

    python -m serve                                         # the shipped Aleppo data
    python -m serve --server.port 8502 -- --data DIR        # Streamlit's options, then the dashboard's

``streamlit run dashboard.py`` still works as before (Streamlit Community Cloud runs that);
only its first reader waits longer.
"""

from __future__ import annotations

import ast
import importlib
import logging
import os
import sys
import threading
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from types import ModuleType

from components import upstream

DASHBOARD = Path(__file__).resolve().parent / "dashboard.py"
THREAD_NAME = "frontlines-warm-start"
RUNTIME_WAIT_S = 120.0  # the server's runtime normally starts within a second or two
SWITCH_INTERVAL_S = 0.0005  # during the warm-up (Python's default: 0.005)
# Imported by Streamlit on first use, inside the first script run (profiled: bench/cold.py).
LAZY_MODULES = upstream.LAZY_STREAMLIT_MODULES

log = logging.getLogger("frontlines.warm_start")


def dashboard_modules(script: Path = DASHBOARD) -> list[str]:
    """The modules ``script`` imports at its top level, in order (read from its syntax tree,
    so the list follows the script without being written twice)."""
    modules: list[str] = []
    for node in ast.parse(script.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Import):
            modules.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level and node.module != "__future__":
            modules.append(node.module)
    return list(dict.fromkeys(modules))


def script_arguments(argv: Sequence[str]) -> list[str]:
    """The dashboard's own arguments in a ``streamlit run`` command line: those after ``--``."""
    return list(argv[list(argv).index("--") + 1 :]) if "--" in argv else []


def _runtime_started(*, timeout_s: float = RUNTIME_WAIT_S) -> bool:
    """Wait until Streamlit's runtime has started: its configuration is read (static serving on
    or off: part of the theatre's cache key) and its server listens. Starting the server is
    CPU-bound, as the warm-up is; run together, under one interpreter lock, each would only
    delay the other, while the browser's loading of Streamlit's page leaves the server idle."""
    deadline = time.monotonic() + timeout_s
    while not upstream.runtime_started():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.01)
    return True


def register_components(modules: Iterable[ModuleType]) -> list[str]:
    """Register with Streamlit's runtime the custom components that ``modules`` declare.

    Streamlit registers a component (streamlit-folium's map) when its declaration runs inside a
    session's script run; one declared by the warm start's imports, before any session, would
    stay unknown and its files unserved. Returns the names registered.
    """
    return upstream.register_components(modules)


class _FromWarmStart(logging.Filter):
    """Streamlit warns of a missing script-run context whenever an ``st`` call (the cached
    function's spinner) runs outside a session; in the warm-up thread that is expected."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.threadName != THREAD_NAME


_QUIET = _FromWarmStart()


def warm_up(script_argv: Sequence[str], *, wait_for_runtime: bool = True) -> float:
    """Import the dashboard's modules, then prepare its theatre (and publish the map's code)
    as its first run would. Returns the seconds taken.

    With ``wait_for_runtime``, it begins once Streamlit's runtime has started (the server
    answers its health check as soon as without the warm start), and registers the custom
    components its imports declared. A theatre that fails to load is left for the first
    session to report to its reader, as without the warm start.

    Meanwhile the server answers the browser's many requests for Streamlit's page, each in
    several steps that wait for the interpreter's lock while this thread holds it: the lock
    changes hands more often (:data:`SWITCH_INTERVAL_S`) until the warm-up is done.
    """
    interval = sys.getswitchinterval()
    sys.setswitchinterval(SWITCH_INTERVAL_S)
    try:
        return _warm_up(script_argv, wait_for_runtime=wait_for_runtime)
    finally:
        sys.setswitchinterval(interval)


def _warm_up(script_argv: Sequence[str], *, wait_for_runtime: bool) -> float:
    if wait_for_runtime and not _runtime_started():
        log.warning("warm start: Streamlit's runtime did not start; the first reader prepares the theatre")
        return 0.0
    start = time.perf_counter()
    before = set(sys.modules)
    for name in [*dashboard_modules(), *LAZY_MODULES]:
        importlib.import_module(name)
    imported = time.perf_counter() - start
    if wait_for_runtime:
        register_components([module for name, module in list(sys.modules.items()) if name not in before])
    from components.static_files import static_serving_enabled
    from dashboard_resources import data_directory, prepare_and_remember, published_library, theatre_key
    from geo.errors import GeoError

    directory = data_directory(tuple(script_argv), os.environ.get("FRONTLINES_DATA"))
    try:
        prepare_and_remember(*theatre_key(directory))
    except GeoError as exc:
        log.warning("warm start: the theatre in %s did not load; its first reader sees why: %s", directory, exc)
        return time.perf_counter() - start
    published_library(static_serving_enabled())
    took = time.perf_counter() - start
    log.info("warm start: imports in %.2f s, theatre %s prepared in %.2f s", imported, directory.name, took)
    return took


def start_warm_up(script_argv: Sequence[str]) -> threading.Thread:
    """:func:`warm_up` in a daemon thread (a server stopping does not wait for it)."""
    logging.getLogger(upstream.SCRIPT_RUN_CONTEXT_LOGGER).addFilter(_QUIET)
    thread = threading.Thread(target=warm_up, args=(list(script_argv),), name=THREAD_NAME, daemon=True)
    thread.start()
    return thread


def main(argv: Sequence[str] | None = None, *, script: Path = DASHBOARD) -> None:
    """Warm up in the background and run ``streamlit run dashboard.py ARGV`` in this thread
    (``script``: another script that runs the dashboard, e.g. bench/profiled_dashboard.py)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    log.propagate = False
    cli = upstream.import_streamlit_cli()  # before the thread: the two threads then never import streamlit at once
    start_warm_up(script_arguments(argv))
    upstream.run_streamlit(cli, ["run", str(script), *argv])


if __name__ == "__main__":
    main()
