"""The static site (frontlines site) served by python -m http.server on loopback, in headless Chromium:
first paint of a share link and scrub-to-paint, beside the dashboard's first paint of the same link.

    python bench/site.py                      # 130 and 10,000 districts
    python bench/site.py --sizes 130 --scrubs 3
    python bench/site.py --sizes 130 --no-dashboard    # the site alone (no `streamlit run` to compare with)
    python bench/site.py --leaflet cdn                 # Leaflet from its CDN address, answered by Playwright

By default the site is written with Leaflet vendored (`--vendor-leaflet`, a self-contained site) and
the browser reaches nothing but the loopback server: every other host (the map tiles) fails at once.
Nothing is routed through Playwright, which would add a round trip to its driver to every request,
the site's own files included (`--leaflet cdn` measures it that way, as the benchmark did at first).
"""

from __future__ import annotations

import argparse
import time

from common import OUT, StreamingTable, median, percentile, print_table, synthetic
from scrub import open_view

from frontlines_dev.assets import ASSETS, ensure_packages, offline_context
from frontlines_dev.browser import LAUNCH_ARGS, find_chromium
from frontlines_dev.server import Server
from frontlines_dev.static_server import StaticServer
from geo.cache import load_theatre_cached
from static_site.build import LEAFLET_VERSION, write_site

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
# Where a first paint's time goes: each file's arrival (Resource Timing) and the page's own steps
# (performance marks "site-*" from static_site/template/site.js, "frontlines-*" from district_layer.js),
# in ms since navigation start. A first-paint file written into the page is never requested.
BREAKDOWN = """
(() => {
  const at = {};
  const nav = performance.getEntriesByType("navigation")[0];
  at["page (HTML) arrived"] = nav.responseEnd;
  for (const e of performance.getEntriesByType("resource")) {
    const path = new URL(e.name).pathname.slice(1);
    if (/(^|\\/)(leaflet\\.(js|css)|site\\.js)$/.test(path) || path.startsWith("data/")) {
      at[path + " arrived"] = e.responseEnd;
    }
  }
  const steps = {
    "site-script": "scripts evaluated",
    "site-data": "data read",
    "site-map": "map created",
    "site-init": "overlays attached",
    "frontlines-shapes-loaded": "districts: start",
    "frontlines-shapes-drawn": "districts drawn",
    "site-names": "names drawn",
    "site-painted": "coloured, front line drawn",
  };
  for (const e of performance.getEntriesByType("mark")) {
    if (steps[e.name]) at[steps[e.name]] = e.startTime;
  }
  at["last change of the map's paths"] = window.__bench.last - performance.timeOrigin;
  const settled = performance.getEntriesByName("site-settled")[0];
  if (settled) at["after: tiles, address"] = settled.startTime;
  return at;
})()
"""
LOOPBACK_ONLY = "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"


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


def measure_site(browser, url: str, scrubs: int, quiet_ms: float, *, routed: bool) -> dict:
    firsts = []
    breakdowns = []
    for _ in range(3):  # a fresh browser context each time: nothing cached
        viewport = {"width": 1400, "height": 1000}
        # bypass_csp: Playwright's waits evaluate strings, which the site's policy refuses
        options = {"viewport": viewport, "bypass_csp": True}
        context = offline_context(browser, **options) if routed else browser.new_context(**options)
        context.add_init_script(INSTRUMENT)
        page = context.new_page()
        page.goto(url + LINK)
        settle(page, 0, max(quiet_ms, 500))
        firsts.append(page.evaluate("window.__bench.last - performance.timeOrigin"))
        breakdowns.append(page.evaluate(BREAKDOWN))
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
    steps = {step: median([b[step] for b in breakdowns if step in b]) for b in breakdowns for step in b}
    return {
        "first": median(firsts),
        "p50": median(latencies),
        "p95": percentile(latencies, 95),
        "breakdown": dict(sorted(steps.items(), key=lambda item: item[1])),
    }


def print_breakdown(breakdowns: dict[int, dict[str, float]]) -> None:
    """Each size's first-paint steps in time order (of the first size), ms since navigation start."""
    print()
    print("Where the site's first paint goes (ms since navigation start, median of the same 3 sessions;")
    print("a step missing in a column did not happen there, e.g. data written into the page is never fetched)")
    sizes = list(breakdowns)
    steps = list(dict.fromkeys(step for size in sizes for step in breakdowns[size]))
    rows = [
        [step, *(f"{breakdowns[size][step]:.0f}" if step in breakdowns[size] else "—" for size in sizes)]
        for step in steps
    ]
    print_table(["step", *(f"{size:,} districts" for size in sizes)], rows)


def dashboard_first_paint(browser, data) -> float:
    """The same link's first paint on a running `streamlit run` (the second session: its caches warm)."""
    dashboard = Server(data)
    try:
        context, _, warm = open_view(browser, f"{dashboard.url}/{LINK}", 700)
        context.close()
        context, _, warm = open_view(browser, f"{dashboard.url}/{LINK}", 700)
        context.close()
    finally:
        dashboard.stop()
    return warm


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="130,10000")
    parser.add_argument("--changes-per-district", type=int, default=100)
    parser.add_argument("--scrubs", type=int, default=20)
    parser.add_argument("--quiet-ms", type=float, default=150)
    parser.add_argument("--no-dashboard", action="store_true", help="skip the dashboard's first paint of the same link")
    parser.add_argument("--leaflet", choices=("vendored", "cdn"), default="vendored")
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
    vendored = args.leaflet == "vendored"
    print(f"Leaflet: {'vendored in the site' if vendored else 'from its CDN address, answered by Playwright'}")
    breakdowns: dict[int, dict[str, float]] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=find_chromium(), args=LAUNCH_ARGS)
        site_browser = (
            playwright.chromium.launch(executable_path=find_chromium(), args=[*LAUNCH_ARGS, LOOPBACK_ONLY])
            if vendored
            else browser
        )
        for size in (int(s) for s in args.sizes.split(",")):
            data = synthetic(size, size * args.changes_per_district)
            leaflet = ASSETS / f"leaflet-{LEAFLET_VERSION}" / "dist" if vendored else None
            folder = write_site(load_theatre_cached(data), OUT / f"site-{size}", vendor_leaflet=leaflet)
            server = StaticServer(folder)
            try:
                site = measure_site(site_browser, server.url + "/", args.scrubs, args.quiet_ms, routed=not vendored)
            finally:
                server.stop()
            breakdowns[size] = site["breakdown"]
            warm = float("nan") if args.no_dashboard else dashboard_first_paint(browser, data)
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
        if site_browser is not browser:
            site_browser.close()
        browser.close()
    print_breakdown(breakdowns)


if __name__ == "__main__":
    main()
