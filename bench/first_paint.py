"""A share link's first page, step by step, in headless Chromium (Playwright).

Opens a share link on a running server (the theatre already loaded, as for a link opened
after the server's first visitor) in a fresh browser session and prints when each step
happened, in ms since the navigation started: the websocket, each script run (from the
server's ``new_session`` message to its ``script_finished``, with the bytes it sent), each
creation of the map's iframe, Leaflet, the map's code, the shapes' fetch and the painted paths.

    python bench/first_paint.py                       # Aleppo, 3 fresh sessions
    python bench/first_paint.py --data bench/out/synth-10000-1000000-1 --runs 1
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from common import ROOT, median
from scrub import INSTRUMENT, settle

from frontlines_dev.assets import ensure_packages, offline_context
from frontlines_dev.browser import LAUNCH_ARGS, find_chromium
from frontlines_dev.server import Server, map_frame

# In every frame: the top page notes the websocket's messages and each map iframe created; the
# map's iframe notes when Leaflet, the loader, the map's code, the map object and its first
# styling appear (polled: they arrive by script elements the page does not announce).
STEPS = """
(() => {
  const now = () => performance.timeOrigin + performance.now();
  const steps = window.__steps = {};
  if (window === window.top) {
    steps.messages = []; steps.sent = []; steps.iframes = [];
    const Native = window.WebSocket;
    window.WebSocket = function (...args) {
      const socket = new Native(...args);
      steps.socket = steps.socket || now();
      socket.addEventListener("message", (e) => steps.messages.push(now()));
      const send = socket.send.bind(socket);
      socket.send = (data) => { steps.sent.push(now()); return send(data); };
      return socket;
    };
    window.WebSocket.prototype = Native.prototype;
    Object.assign(window.WebSocket, Native);
    new MutationObserver((mutations) => {
      for (const m of mutations) for (const n of m.addedNodes) {
        const frames = n.nodeName === "IFRAME" ? [n]
          : (n.querySelectorAll ? Array.from(n.querySelectorAll("iframe")) : []);
        for (const f of frames) if ((f.src || "").includes("st_folium")) steps.iframes.push(now());
      }
    }).observe(document, {subtree: true, childList: true});
    return;
  }
  const watch = {leaflet: () => window.L, loader: () => window.FrontlinesLoader, library: () => window.FrontlinesMap,
                 init: () => window.frontlines, styled: () => window.frontlines && window.frontlines.date,
                 painted: () => document.querySelector("path.district")};
  steps.start = now();
  const timer = setInterval(() => {
    for (const [name, test] of Object.entries(watch)) if (!steps[name] && test()) steps[name] = now();
    if (steps.painted && steps.styled) clearInterval(timer);
  }, 5);
})();
"""


def decode(payload: bytes) -> str:
    from components.upstream import websocket_messages

    message = websocket_messages()[1]()
    message.ParseFromString(payload)
    return message.WhichOneof("type") or ""


def one_session(browser, url: str) -> dict:
    from playwright.sync_api import Error as PlaywrightError

    context = offline_context(browser, viewport={"width": 1400, "height": 1000})
    context.add_init_script(INSTRUMENT)
    context.add_init_script(STEPS)
    page = context.new_page()
    frames: list[tuple[str, int]] = []
    page.on(
        "websocket",
        lambda ws: ws.on(
            "framereceived", lambda p: frames.append((decode(p) if isinstance(p, bytes) else "text", len(p)))
        ),
    )
    page.goto(url)
    settle(page, 0, quiet_ms=1500, timeout_s=180)
    # on a busy machine the map's container can stay still for longer than that before its paint
    try:
        map_frame(page, timeout_s=60)
    except (AssertionError, PlaywrightError):
        print("  (the map was not styled within 60 s; its steps are those seen so far)")
    settle(page, 0, quiet_ms=1500, timeout_s=180)
    top = page.evaluate("({origin: performance.timeOrigin, steps: window.__steps, paint: window.__bench.last})")
    origin, steps = top["origin"], top["steps"]
    frame = next(f for f in page.frames if "st_folium" in f.url and not f.is_detached())
    inner = frame.evaluate("""({steps: window.__steps, origin: performance.timeOrigin,
        marks: Object.fromEntries(performance.getEntriesByType('mark').map(m => [m.name, m.startTime])),
        resources: performance.getEntriesByType('resource').map(r => [r.name, r.startTime, r.responseEnd])})""")
    context.close()
    result: dict[str, float] = {"websocket opened": steps["socket"] - origin}
    arrivals = steps["messages"]
    runs = []
    for (kind, size), at in zip(frames, arrivals, strict=False):
        if kind == "new_session":
            runs.append({"start": at - origin, "bytes": 0})
        if runs:
            runs[-1]["bytes"] += size
            if kind == "script_finished":
                runs[-1]["end"] = at - origin
    for i, run in enumerate(runs, 1):
        result[f"run {i}: started"] = run["start"]
        result[f"run {i}: finished ({run['bytes']:,} bytes)"] = run.get("end", float("nan"))
    for i, at in enumerate(steps["iframes"], 1):
        result[f"map iframe created ({i})"] = at - origin
    for name in ("start", "leaflet", "loader", "library", "init"):
        if inner["steps"].get(name):
            result[f"iframe: {name}"] = inner["steps"][name] - origin
    for name, path in (
        ("streamlit-folium's script", "st_folium/static/js/main."),
        ("Leaflet", "leaflet.js"),
        ("map code", "/app/static/map/"),
        ("shapes", ".geojson"),
        ("front line", ".frontline.json"),
    ):
        for resource, begin, end in inner["resources"]:
            if path in resource:
                result[f"iframe: {name} fetch started"] = inner["origin"] + begin - origin
                result[f"iframe: {name} fetched"] = inner["origin"] + end - origin
    for mark in ("frontlines-shapes-loaded", "frontlines-shapes-drawn"):
        if mark in inner["marks"]:
            result[f"iframe: {mark}"] = inner["origin"] + inner["marks"][mark] - origin
    result["iframe: first styled"] = inner["steps"].get("styled", float("nan")) - origin
    result["last change of the map's paths (first paint)"] = top["paint"] - origin
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT / "data" / "aleppo")
    parser.add_argument("--runs", type=int, default=3, help="fresh browser sessions (the median is printed)")
    parser.add_argument("--link", default="/?date=2013-01-01")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    ensure_packages()
    server = Server(args.data)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=find_chromium(), args=LAUNCH_ARGS)
            one_session(browser, server.url + args.link)  # the server's first visitor loads the theatre
            sessions = []
            for _ in range(args.runs):
                sessions.append(one_session(browser, server.url + args.link))
                time.sleep(1)
            browser.close()
    finally:
        server.stop()
    print(f"A share link's first page, running server ({args.data.name}): ms since navigation, median of {args.runs}")
    steps = sorted({k for s in sessions for k in s}, key=lambda k: median([s[k] for s in sessions if k in s]))
    width = max(len(k) for k in steps)
    for step in steps:
        values = [s[step] for s in sessions if step in s]
        print(f"{step.ljust(width)}  {median(values):8.0f}  ({len(values)}/{len(sessions)} sessions)")


if __name__ == "__main__":
    main()
