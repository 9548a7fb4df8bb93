"""What a first page costs before the dashboard's own work: Streamlit's floor on this machine.

A running server (warm: its first visitor already came) and a fresh browser context per page,
as for a reader who has never opened the site. Three apps, each timed from the navigation's
start to its first content, in the page (every frame checks for it every 4 ms: streamlit-folium
writes the map's document in a way a MutationObserver set up earlier does not see; no polling
from Python):

- the smallest Streamlit page, one line of text (``bench/floor_apps/text_page.py``);
- a minimal map app: the theatre's shapes as one GeoJSON layer on a Folium map in
  streamlit-folium, nothing else (``bench/floor_apps/map_page.py``);
- the dashboard (its map's first painted district).

The cold start (bench/cold.py) adds the process's own start to these.

    python bench/floor.py                 # Aleppo, 5 fresh pages each, direct and behind nginx
    python bench/floor.py --runs 3 --no-nginx
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from common import ROOT, median, print_table

from frontlines_dev.assets import ensure_packages, offline_context
from frontlines_dev.browser import LAUNCH_ARGS, find_chromium
from frontlines_dev.nginx import Nginx, find_nginx
from frontlines_dev.server import Server, free_port

APPS = ROOT / "bench" / "floor_apps"
BASE = "floor"

# Every frame: the websocket's opening (top page) and the first element matching the page's
# selector (any frame: the map draws in streamlit-folium's iframe), in ms since the top page's
# navigation started.
FIRST_CONTENT = """
(selector => {
  const top = window.top === window;
  const origin = top ? performance.timeOrigin : window.top.performance.timeOrigin;
  const since = () => performance.timeOrigin + performance.now() - origin;
  const note = (name) => { if (window.top.__floor[name] === undefined) window.top.__floor[name] = since(); };
  if (top) {
    window.__floor = {};
    const Native = window.WebSocket;
    window.WebSocket = function (...args) { note("websocket"); return new Native(...args); };
    window.WebSocket.prototype = Native.prototype;
    Object.assign(window.WebSocket, Native);
  }
  const timer = setInterval(() => {
    if (document.querySelector(selector)) { note("content"); clearInterval(timer); }
  }, 4);
})
"""

PAGES = {  # name: (script, the first content's selector)
    "one line of text": (APPS / "text_page.py", "[data-testid='stMarkdownContainer'] p"),
    "a Folium map of the shapes": (APPS / "map_page.py", "path.leaflet-interactive"),
    "the dashboard": (ROOT / "dashboard.py", "path.district"),
}


def first_content(browser, url: str, selector: str) -> dict[str, float]:
    context = offline_context(browser, viewport={"width": 1400, "height": 1000})
    context.add_init_script(f"{FIRST_CONTENT}({selector!r});")
    page = context.new_page()
    try:
        page.goto(url)
        page.wait_for_function("window.__floor && window.__floor.content !== undefined", timeout=120_000)
        return page.evaluate("window.__floor")
    finally:
        context.close()


def measure(browser, data: Path, *, runs: int, nginx: bool) -> list[list[str]]:
    rows = []
    for name, (script, selector) in PAGES.items():
        server = Server(data, script=script, base_path=BASE if nginx else "")
        proxy = None
        try:
            url = f"{server.url}/?date=2013-01-01"
            if nginx:
                port = free_port()
                replica = f"127.0.0.1:{server.port}"
                proxy = Nginx(Path(tempfile.mkdtemp()), port=port, base_path=f"/{BASE}", replicas=[replica, replica])
                url = f"http://localhost:{port}/{BASE}/?date=2013-01-01"
            first_content(browser, url, selector)  # the server's first visitor
            times = [first_content(browser, url, selector) for _ in range(runs)]
        finally:
            if proxy is not None:
                proxy.stop()
            server.stop()
        rows.append(
            [
                name,
                "nginx (bundle from nginx)" if nginx else "direct",
                f"{median([t['websocket'] for t in times]):.0f}",
                f"{median([t['content'] for t in times]):.0f}",
                f"{min(t['content'] for t in times):.0f}–{max(t['content'] for t in times):.0f}",
            ]
        )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT / "data" / "aleppo")
    parser.add_argument("--runs", type=int, default=5, help="fresh pages per app (the median is printed)")
    parser.add_argument("--no-nginx", action="store_true", help="only direct to the process")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    ensure_packages()
    ways = [False] if args.no_nginx or find_nginx() is None else [False, True]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=find_chromium(), args=LAUNCH_ARGS)
        rows = [row for nginx in ways for row in measure(browser, args.data, runs=args.runs, nginx=nginx)]
        browser.close()
    print(
        f"A fresh reader's first page on a running server ({args.data.name}), ms since navigation, "
        f"median of {args.runs}"
    )
    print_table(["page", "served", "websocket opened", "first content", "range"], rows)


if __name__ == "__main__":
    main()
