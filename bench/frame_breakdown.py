"""Where a playback frame's time goes, in headless Chromium (the issue 11 measurement).

A synthetic theatre is served by `streamlit run`; in the map's page, playback runs uncapped
(a day per animation frame) for a few seconds while a Chromium trace is recorded. The script
times, per frame, inside the page: the status look-up (frontlinesTimeline.codesAt), the
districts' restyle (Leaflet's setStyle, and the rest of the loop: decoding, data attributes),
the "apply" listeners (front line, labels, evidence layers); and, from the trace, the
browser's own work: style, layout, paint, compositing and rasterising, and garbage collection.

    python bench/frame_breakdown.py                 # 10,000 districts
    python bench/frame_breakdown.py --size 130
"""

from __future__ import annotations

import argparse
import collections
import json
import tempfile
from pathlib import Path

from common import median, synthetic

from frontlines_dev.assets import ensure_packages, offline_context
from frontlines_dev.browser import LAUNCH_ARGS, find_chromium
from frontlines_dev.server import Server, map_frame
from geo import load_theatre

# In the map's frame: wrap the parts of a frame with timers, play uncapped for `seconds`.
PLAY = """
async (seconds) => {
  const f = window.frontlines;
  const api = window.frontlinesTimeline;
  const rows = [];
  let row = null;
  const codesAt = api.codesAt;
  api.codesAt = function () {
    const t0 = performance.now();
    const out = codesAt.apply(this, arguments);
    if (row) row.lookup += performance.now() - t0;
    return out;
  };
  const setStyle = L.Path.prototype.setStyle;
  L.Path.prototype.setStyle = function () {
    const t0 = performance.now();
    const out = setStyle.apply(this, arguments);
    if (row) { row.setStyle += performance.now() - t0; row.restyled += 1; }
    return out;
  };
  // canvas mode (above the canvas threshold): the districts' drawing
  const canvas = f.canvas;
  const redraw = canvas ? canvas._redraw : null;
  if (canvas) {
    canvas._redraw = function () {
      const t0 = performance.now();
      const out = redraw.apply(this, arguments);
      if (row) row.draw += performance.now() - t0;
      return out;
    };
  }
  // the date attribute is written just before the "apply" listeners run
  const body = document.body;
  body.setAttribute = function (name, value) {
    if (row && name === "data-frontlines-date") row.emitStart = performance.now();
    return Element.prototype.setAttribute.call(this, name, value);
  };
  f.on("apply", () => { if (row) row.emitEnd = performance.now(); });
  const show = f.showDay;
  f.showDay = (day) => {
    row = {lookup: 0, setStyle: 0, draw: 0, restyled: 0, emitStart: 0, emitEnd: 0};
    const t0 = performance.now();
    const ok = show(day);
    const t1 = performance.now();
    rows.push({
      total: t1 - t0,
      lookup: row.lookup,
      setStyle: row.setStyle,
      restyled: row.restyled,
      canvasDraw: row.draw,
      loopRest: (row.emitStart || t1) - t0 - row.lookup - row.setStyle - row.draw,
      listeners: row.emitEnd && row.emitStart ? row.emitEnd - row.emitStart : 0,
    });
    row = null;
    return ok;
  };
  f.playback.play({speed: "day", loop: true, fps: 1000});
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  const elapsed = performance.now() - f.playback.startedAt;
  const frames = f.playback.frames;
  f.playback.stop();
  f.showDay = show;
  api.codesAt = codesAt;
  L.Path.prototype.setStyle = setStyle;
  if (canvas) canvas._redraw = redraw;
  delete body.setAttribute;
  return {fps: frames / elapsed * 1000, frames: frames, elapsed: elapsed, rows: rows, canvas: !!canvas};
}
"""

CATEGORIES = [
    "frontlines_dev.timeline",
    "disabled-by-default-frontlines_dev.timeline",
    "disabled-by-default-frontlines_dev.timeline.frame",
    "v8",
    "cc",
]
# Trace events (complete, "X") summed per frame, by what they are.
BROWSER_EVENTS = {
    "UpdateLayoutTree": "style recalculation",
    "Layout": "layout",
    "PrePaint": "pre-paint",
    "Paint": "paint (record)",
    "Layerize": "layerize / commit",
    "UpdateLayer": "layerize / commit",
    "Commit": "commit (a canvas is rasterised here)",
    "RasterTask": "raster (worker threads)",
    "MinorGC": "garbage collection",
    "MajorGC": "garbage collection",
    "V8.GC_SCAVENGER": "garbage collection",
    "V8.GC_MARK_COMPACTOR": "garbage collection",
    "FireAnimationFrame": "requestAnimationFrame callbacks (the JS above)",
}


def browser_breakdown(trace: dict, frames: int) -> dict[str, tuple[float, float]]:
    """Per kind of work, (wall time, thread CPU time) per frame in ms. On a shared machine the
    CPU time is the steadier figure: wall time includes waiting for a core."""
    wall: collections.Counter[str] = collections.Counter()
    cpu: collections.Counter[str] = collections.Counter()
    for event in trace.get("traceEvents", []):
        label = BROWSER_EVENTS.get(event.get("name", ""))
        if label and event.get("ph") == "X" and "dur" in event:
            wall[label] += event["dur"] / 1000
            cpu[label] += event.get("tdur", event["dur"]) / 1000
    n = max(frames, 1)
    return {label: (wall[label] / n, cpu[label] / n) for label in wall}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10000, help="districts")
    parser.add_argument("--changes-per-district", type=int, default=100)
    parser.add_argument("--seconds", type=float, default=5)
    parser.add_argument("--top", type=int, default=0, help="also list the trace's N costliest event names")
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    ensure_packages()
    data = synthetic(args.size, args.size * args.changes_per_district)
    theatre = load_theatre(data)
    server = Server(data)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=find_chromium(), args=LAUNCH_ARGS)
            context = offline_context(browser, viewport={"width": 1400, "height": 1000})
            page = context.new_page()
            page.goto(f"{server.url}/?date={theatre.meta.start_date}")
            frame = map_frame(page, timeout_s=180)
            frame.wait_for_function("window.frontlines.following", timeout=120_000)
            frame.locator(".frontlines-play").scroll_into_view_if_needed()
            page.wait_for_timeout(1000)
            with tempfile.TemporaryDirectory() as tmp:
                trace_path = Path(tmp) / "trace.json"
                browser.start_tracing(page=page, path=str(trace_path), categories=CATEGORIES)
                played = frame.evaluate(PLAY, args.seconds)
                browser.stop_tracing()
                trace = json.loads(trace_path.read_text())
            context.close()
            browser.close()
    finally:
        server.stop()
    rows = played["rows"]
    frames = played["frames"]
    print(f"{args.size:,} districts: {played['fps']:.1f} fps over {played['elapsed'] / 1000:.1f} s ({frames} frames)")
    print("Per frame, medians, in the page (ms):")
    print(f"  drawn on {'a canvas' if played['canvas'] else 'SVG paths'}")
    for key in ("total", "lookup", "setStyle", "canvasDraw", "loopRest", "listeners", "restyled"):
        print(f"  {key:<10} {median([r[key] for r in rows]):8.2f}")
    print("Per frame, means over the trace, the browser's work (ms): wall, thread CPU")
    for label, (wall, cpu) in sorted(browser_breakdown(trace, frames).items(), key=lambda kv: -kv[1][0]):
        print(f"  {label:<48} {wall:8.2f} {cpu:8.2f}")
    if args.top:
        totals: collections.Counter[str] = collections.Counter()
        for event in trace.get("traceEvents", []):
            if event.get("ph") == "X" and "dur" in event:
                totals[event["name"]] += event["dur"] / 1000 / max(frames, 1)
        print(f"The trace's {args.top} costliest event names, per frame (ms, nested events counted in each):")
        for name, ms in totals.most_common(args.top):
            print(f"  {name:<48} {ms:8.2f}")


if __name__ == "__main__":
    main()
