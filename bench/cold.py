"""Cold start of a replica: a fresh `streamlit run` process, from its start to its first painted page.

With the on-disk theatre cache (geo.cache) warm, as for a new replica of a data version already
loaded once (or a container image built with `python -m geo cache`), and with an empty cache.

    python bench/cold.py                         # Aleppo and 10,000 districts x 1,000,000 changes
    python bench/cold.py --sizes aleppo
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time

from common import ROOT, StreamingTable, synthetic
from scrub import open_view

from devtools.assets import ensure_packages
from devtools.browser import LAUNCH_ARGS, find_chromium
from devtools.server import Server
from geo.cache import load_theatre_cached


def first_page(browser, data, cache: str) -> tuple[float, float]:
    """(ms from process start to healthy, ms from process start to the painted map)."""
    os.environ["FRONTLINES_CACHE"] = cache
    start = time.perf_counter()
    server = Server(data)
    healthy = (time.perf_counter() - start) * 1000
    try:
        before = time.perf_counter()
        context, _, paint = open_view(browser, f"{server.url}/?date=2013-01-01", 300)
        loaded = (time.perf_counter() - before) * 1000
        context.close()
        # open_view waits for the map to stay still; count to the paint itself
        return healthy, healthy + min(loaded, paint)
    finally:
        server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="aleppo,10000")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    ensure_packages()
    print("Cold start: a fresh `streamlit run` process to its first painted share link (ms)")
    table = StreamingTable(["theatre", "cache", "process start to healthy", "process start to first paint"])
    with sync_playwright() as playwright, tempfile.TemporaryDirectory() as scratch:
        browser = playwright.chromium.launch(executable_path=find_chromium(), args=LAUNCH_ARGS)
        for size in args.sizes.split(","):
            data = ROOT / "data" / "aleppo" if size == "aleppo" else synthetic(int(size), int(size) * 100)
            name = "Aleppo" if size == "aleppo" else f"{int(size):,} x {int(size) * 100:,}"
            empty = os.path.join(scratch, f"empty-{size}")
            healthy, paint = first_page(browser, data, empty)
            table.row([name, "empty", f"{healthy:.0f}", f"{paint:.0f}"])
            warm = os.path.join(scratch, f"warm-{size}")
            os.environ["FRONTLINES_CACHE"] = warm
            load_theatre_cached(data)  # what a previous process (or the image build) left
            healthy, paint = first_page(browser, data, warm)
            table.row([name, "warm", f"{healthy:.0f}", f"{paint:.0f}"])
        browser.close()


if __name__ == "__main__":
    main()
