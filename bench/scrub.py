"""Scrub-to-paint latency and first paint in headless Chromium (Playwright).

For each size, a synthetic theatre is served by `streamlit run` on localhost.
Times are taken inside the page: performance.now() at the slider's keydown and
at the last change of the map's paths (a MutationObserver in the map's iframe),
so polling from Python adds nothing to them.

    python bench/scrub.py                              # 130, 2,000 and 10,000 districts
    python bench/scrub.py --sizes 130 --scrubs 3       # the CI smoke run
    python bench/scrub.py --compare                    # also the plain rebuilt-map approach, with the ratio
    python bench/scrub.py --layers                     # also with every evidence layer switched on

Every "restyle" row includes the front line, which the map redraws on each scrub.
"""

from __future__ import annotations

import argparse
import time

from common import ROOT, StreamingTable, median, percentile, synthetic

from frontlines_dev.assets import ensure_packages, offline_context
from frontlines_dev.browser import LAUNCH_ARGS, find_chromium
from frontlines_dev.server import Server, map_frame

# In the top page: note each keydown, and watch every iframe's document for changes to the drawn paths.
INSTRUMENT = """
(() => {
  if (window !== window.top) return;
  const now = () => performance.timeOrigin + performance.now();
  const bench = window.__bench = {keydowns: [], last: 0, count: 0, lastMessage: 0};
  document.addEventListener("keydown", () => bench.keydowns.push(now()), true);
  const NativeWebSocket = window.WebSocket;  // note when the server's messages arrive: the rerun's round trip
  window.WebSocket = function (...args) {
    const socket = new NativeWebSocket(...args);
    socket.addEventListener("message", () => { bench.lastMessage = now(); });
    return socket;
  };
  window.WebSocket.prototype = NativeWebSocket.prototype;
  Object.assign(window.WebSocket, NativeWebSocket);
  const relevant = (m) => (m.target.closest && m.target.closest(".leaflet-overlay-pane")) ||
    Array.from(m.addedNodes || []).some((n) => n.nodeName === "svg" || n.nodeName === "path" ||
                                              (n.querySelector && n.querySelector("path")));
  const watched = new WeakSet();
  setInterval(() => {
    for (const frame of document.querySelectorAll("iframe")) {
      const doc = frame.contentDocument;
      if (!doc || watched.has(doc)) continue;
      watched.add(doc);
      new MutationObserver((mutations) => {
        if (mutations.some(relevant)) { bench.last = now(); bench.count++; }
      }).observe(doc, {subtree: true, childList: true, attributes: true,
                       attributeFilter: ["fill", "d", "data-frontlines-drawn"]});  // the last: a canvas redrawn
    }
  }, 20);
})();
"""
SCRIPTS = {
    "restyle": ROOT / "dashboard.py",
    "restyle, layers on": ROOT / "dashboard.py",
    "rebuild": ROOT / "bench" / "plain_dashboard.py",
}


def settle(page, since_count: int, *, quiet_ms: float, timeout_s: float = 60) -> None:
    """Wait until the map changed after ``since_count`` and then stayed still for ``quiet_ms``."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        count, idle = page.evaluate(
            "[window.__bench.count, performance.timeOrigin + performance.now() - window.__bench.last]"
        )
        if count > since_count and idle >= quiet_ms:
            return

        page.wait_for_timeout(50)  # not time.sleep: Playwright serves routed requests only while it runs
    raise TimeoutError("the map did not change within the time limit")


def open_view(browser, url: str, quiet_ms: float):
    """A fresh browser session on ``url``, once the map has painted; returns (context, page, first paint ms)."""
    context = offline_context(browser, viewport={"width": 1400, "height": 1000})
    context.add_init_script(INSTRUMENT)
    page = context.new_page()
    page.goto(url)
    settle(page, 0, quiet_ms=max(quiet_ms, 1500), timeout_s=180)
    return context, page, page.evaluate("window.__bench.last - performance.timeOrigin")


def measure(browser, data, mode: str, scrubs: int, quiet_ms: float) -> dict:
    server = Server(data, script=SCRIPTS[mode])
    try:
        link = f"{server.url}/?date=2013-01-01"
        context, _, cold = open_view(browser, link, quiet_ms)  # the server's first visitor loads the theatre
        context.close()
        context, page, warm = open_view(browser, link, quiet_ms)  # a share link opened on a running server
        received = [0]
        page.on(
            "websocket",
            lambda ws: ws.on("framereceived", lambda payload: received.__setitem__(0, received[0] + len(payload))),
        )
        page.reload()
        settle(page, 0, quiet_ms=max(quiet_ms, 1500), timeout_s=180)
        if mode != "rebuild":  # scrub once the timelines (fetched after the first paint) are in the page
            frame = map_frame(page, timeout_s=60)
            frame.wait_for_function("window.frontlines.following", timeout=60_000)
            frame.wait_for_function("window.frontlines.frontline && window.frontlines.frontline.ready", timeout=60_000)
            if mode == "restyle, layers on":
                count = page.evaluate("window.__bench.count")
                frame.evaluate("window.frontlines.setLayers(Object.keys(window.frontlines.evidence || {}))")
                frame.wait_for_function("Object.values(window.frontlines.evidence).every(s => s.data)", timeout=60_000)
                settle(page, count, quiet_ms=max(quiet_ms, 1000), timeout_s=120)
        page.get_by_role("slider").focus()
        latencies, reruns, sent = [], [], []
        for _ in range(scrubs):
            count = page.evaluate("window.__bench.count")
            before = received[0]
            page.keyboard.press("ArrowRight")
            settle(page, count, quiet_ms=quiet_ms)
            paint, rerun = page.evaluate(
                "[window.__bench.last, window.__bench.lastMessage].map("
                "t => t - window.__bench.keydowns[window.__bench.keydowns.length - 1])"
            )
            latencies.append(paint)
            reruns.append(rerun)
            sent.append(received[0] - before)
        context.close()
        return {
            "cold": cold,
            "warm": warm,
            "p50": median(latencies),
            "p95": percentile(latencies, 95),
            "rerun": median(reruns),
            "bytes": median(sent),
        }
    finally:
        server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="130,2000,10000", help="district counts, comma-separated")
    parser.add_argument("--changes-per-district", type=int, default=100)
    parser.add_argument("--scrubs", type=int, default=20)
    parser.add_argument(
        "--quiet-ms", type=float, default=700, help="how long the map must stay still to count a scrub as painted"
    )
    parser.add_argument(
        "--compare", action="store_true", help="also measure the plain approach (map rebuilt every rerun)"
    )
    parser.add_argument("--layers", action="store_true", help="also measure with every evidence layer switched on")
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    ensure_packages()
    modes = ["restyle", *(["restyle, layers on"] if args.layers else []), *(["rebuild"] if args.compare else [])]
    print(f"Scrub-to-paint in headless Chromium, {args.scrubs} scrubs per row (times in ms)")
    print("scrub: key press to the last change of the map's paths; first paint: navigation to the painted map of a")
    print(
        "share link on a running server (cold: its first visitor, who waits for the theatre to load); rerun: key press"
    )
    print("to the server's last message of the rerun that follows; bytes: received over the websocket per scrub.")
    table = StreamingTable(
        [
            "districts",
            "changes",
            "map",
            "scrub p50",
            "scrub p95",
            "first paint",
            "first paint (cold)",
            "rerun p50",
            "bytes/scrub",
            "p50 speed-up",
        ]
    )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=find_chromium(), args=LAUNCH_ARGS)
        for size in (int(s) for s in args.sizes.split(",")):
            data = synthetic(size, size * args.changes_per_district)
            results = {mode: measure(browser, data, mode, args.scrubs, args.quiet_ms) for mode in modes}
            for mode, r in results.items():
                ratio = f"{results['rebuild']['p50'] / r['p50']:.0f}x" if args.compare and mode == "restyle" else ""
                table.row(
                    [
                        f"{size:,}",
                        f"{size * args.changes_per_district:,}",
                        mode,
                        f"{r['p50']:.0f}",
                        f"{r['p95']:.0f}",
                        f"{r['warm']:.0f}",
                        f"{r['cold']:.0f}",
                        f"{r['rerun']:.0f}",
                        f"{r['bytes']:,.0f}",
                        ratio,
                    ]
                )
        browser.close()


if __name__ == "__main__":
    main()
