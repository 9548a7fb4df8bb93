"""The static site (python -m geo site) served by python -m http.server on loopback, in headless Chromium:
first paint of a share link and scrub-to-paint, beside the dashboard's first paint of the same link.

    python bench/site.py                      # 130 and 10,000 districts
    python bench/site.py --sizes 130 --scrubs 3
"""

from __future__ import annotations

import argparse
import time

from common import OUT, StreamingTable, median, percentile, synthetic
from scrub import open_view

from devtools.assets import ensure_packages, offline_context
from devtools.browser import LAUNCH_ARGS, find_chromium
from devtools.server import Server
from devtools.static_server import StaticServer
from geo.cache import load_theatre_cached
from geo.site import write_site

# Times inside the page: each keydown, and every change to the map's paths (MutationObserver).
INSTRUMENT = """
(() => {
  const now = () => performance.timeOrigin + performance.now();
  const bench = window.__bench = {keydowns: [], last: 0, count: 0};
  document.addEventListener("keydown", () => bench.keydowns.push(now()), true);
  new MutationObserver((mutations) => {
    if (mutations.some((m) => (m.target.closest && m.target.closest(".leaflet-overlay-pane")) ||
        Array.from(m.addedNodes || []).some((n) => n.nodeName === "path" || n.nodeName === "svg"))) {
      bench.last = now(); bench.count++;
    }
  }).observe(document, {subtree: true, childList: true, attributes: true,
                        attributeFilter: ["fill", "d", "data-frontlines-drawn"]});  // the last: a canvas redrawn
})();
"""
LINK = "?date=2013-01-01&map=13/36.20000/37.15000"


def settle(page, since: int, quiet_ms: float, timeout_s: float = 60) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        count, idle = page.evaluate(
            "[window.__bench.count, performance.timeOrigin + performance.now() - window.__bench.last]"
        )
        if count > since and idle >= quiet_ms:
            return
        page.wait_for_timeout(20)
    raise TimeoutError("the map did not change within the time limit")


def measure_site(browser, url: str, scrubs: int, quiet_ms: float) -> dict:
    firsts = []
    for _ in range(3):  # a fresh browser context each time: nothing cached
        context = offline_context(browser, viewport={"width": 1400, "height": 1000})
        context.add_init_script(INSTRUMENT)
        page = context.new_page()
        page.goto(url + LINK)
        settle(page, 0, max(quiet_ms, 500))
        firsts.append(page.evaluate("window.__bench.last - performance.timeOrigin"))
        if len(firsts) < 3:
            context.close()
    page.wait_for_function("window.frontlines.following")
    page.focus("#date-slider")
    latencies = []
    for _ in range(scrubs):
        count = page.evaluate("window.__bench.count")
        page.keyboard.press("ArrowRight")
        settle(page, count, quiet_ms)
        latencies.append(
            page.evaluate("window.__bench.last - window.__bench.keydowns[window.__bench.keydowns.length - 1]")
        )
    context.close()
    return {"first": median(firsts), "p50": median(latencies), "p95": percentile(latencies, 95)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="130,10000")
    parser.add_argument("--changes-per-district", type=int, default=100)
    parser.add_argument("--scrubs", type=int, default=20)
    parser.add_argument("--quiet-ms", type=float, default=150)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    ensure_packages()
    print(
        f"Static site in headless Chromium ({args.scrubs} scrubs per row; times in ms; first paint: median of 3 fresh"
    )
    print("browser sessions opening a share link, navigation to the last change of the map's paths; the dashboard's")
    print("first paint is the same link on a running `streamlit run`, measured in this run)")
    table = StreamingTable(
        [
            "districts",
            "changes",
            "site first paint",
            "scrub p50",
            "scrub p95",
            "dashboard first paint",
            "site / dashboard",
        ]
    )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=find_chromium(), args=LAUNCH_ARGS)
        for size in (int(s) for s in args.sizes.split(",")):
            data = synthetic(size, size * args.changes_per_district)
            folder = write_site(load_theatre_cached(data), OUT / f"site-{size}")
            server = StaticServer(folder)
            try:
                site = measure_site(browser, server.url + "/", args.scrubs, args.quiet_ms)
            finally:
                server.stop()
            dashboard = Server(data)
            try:
                context, _, warm = open_view(browser, f"{dashboard.url}/{LINK}", 700)
                context.close()
                context, _, warm = open_view(browser, f"{dashboard.url}/{LINK}", 700)
                context.close()
            finally:
                dashboard.stop()
            table.row(
                [
                    f"{size:,}",
                    f"{size * args.changes_per_district:,}",
                    f"{site['first']:.0f}",
                    f"{site['p50']:.1f}",
                    f"{site['p95']:.1f}",
                    f"{warm:.0f}",
                    f"{site['first'] / warm:.2f}",
                ]
            )
        browser.close()


if __name__ == "__main__":
    main()
