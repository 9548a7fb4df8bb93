"""Playback frame rate and compare mode, in headless Chromium and on the server.

For each size, a synthetic theatre is served by `streamlit run`; in the page, playback runs
uncapped (a step on every animation frame, a day per step) for a few seconds. Times are
taken inside the page with performance.now(): frames per second is the steps painted over
the time played; frame cost is the time of each frontlines.showDay (status look-up and
restyle). Compare: geo.compare.compare_dates on the server (the panel's list) and
frontlines.markChanged in the page (marking the changed districts), over the whole range.

    python bench/playback.py                        # 130 and 10,000 districts
    python bench/playback.py --sizes 130 --seconds 2  # the CI smoke run
"""

from __future__ import annotations

import argparse
import time

from common import StreamingTable, median, percentile, synthetic

from frontlines_dev.assets import ensure_packages, offline_context
from frontlines_dev.browser import LAUNCH_ARGS, find_chromium
from frontlines_dev.server import Server, map_frame
from geo import load_theatre
from geo.compare import compare_dates
from geo.statuses import encode_status_chars

# In the map's frame: time every showDay, then play uncapped and report after `seconds`.
PLAY = """
async (seconds) => {
  const f = window.frontlines;
  const costs = [];
  const show = f.showDay;
  f.showDay = (day) => {
    const t0 = performance.now();
    const ok = show(day);
    costs.push(performance.now() - t0);
    return ok;
  };
  f.playback.play({speed: "day", loop: true, fps: 1000});
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  const elapsed = performance.now() - f.playback.startedAt;
  const frames = f.playback.frames;
  f.playback.stop();
  f.showDay = show;
  return {fps: frames / elapsed * 1000, costs: costs};
}
"""
# In the map's frame: mark the districts that differ from a status string, `repeat` times.
MARK = """
([codes, repeat]) => {
  const times = [];
  for (let i = 0; i < repeat; i++) {
    const t0 = performance.now();
    window.frontlines.markChanged(i % 2 ? null : codes);
    times.push(performance.now() - t0);
  }
  window.frontlines.markChanged(null);
  return times.filter((_, i) => i % 2 === 0);
}
"""


def server_compare_ms(data, repeat: int) -> list[float]:
    theatre = load_theatre(data)
    start, end = theatre.meta.start_date, theatre.meta.end_date
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        compare_dates(theatre, start, end)
        times.append((time.perf_counter() - t0) * 1000)
    return times


def measure(browser, data, seconds: float, repeat: int) -> dict:
    theatre = load_theatre(data)
    from_codes = encode_status_chars(
        theatre.status_codes_at(theatre.meta.start_date), [False] * len(theatre.district_ids)
    )
    server = Server(data)
    try:
        context = offline_context(browser, viewport={"width": 1400, "height": 1000})
        page = context.new_page()
        page.goto(f"{server.url}/?date={theatre.meta.start_date}")
        frame = map_frame(page, timeout_s=180)
        frame.wait_for_function("window.frontlines.following", timeout=120_000)
        frame.locator(".frontlines-play").scroll_into_view_if_needed()
        played = frame.evaluate(PLAY, seconds)
        marks = frame.evaluate(MARK, [from_codes, 2 * repeat])
        context.close()
    finally:
        server.stop()
    compare = server_compare_ms(data, repeat)
    return {
        "fps": played["fps"],
        "cost50": median(played["costs"]),
        "cost95": percentile(played["costs"], 95),
        "compare50": median(compare),
        "compare95": percentile(compare, 95),
        "mark50": median(marks),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="130,10000", help="district counts, comma-separated")
    parser.add_argument("--changes-per-district", type=int, default=100)
    parser.add_argument("--seconds", type=float, default=6, help="how long to play at each size")
    parser.add_argument("--repeat", type=int, default=20, help="runs of each compare measurement")
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    ensure_packages()
    print(f"Playback and compare, {args.seconds:g} s of uncapped playback per row (a day per animation frame)")
    print("fps: days painted per second of playback; frame: one showDay (look-up and restyle), in the page;")
    print(
        f"compare: compare_dates over the whole range on the server and markChanged in the page ({args.repeat} runs)."
    )
    table = StreamingTable(
        [
            "districts",
            "changes",
            "playback fps",
            "frame p50",
            "frame p95",
            "compare (server) p50",
            "compare (server) p95",
            "mark (page) p50",
        ]
    )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=find_chromium(), args=LAUNCH_ARGS)
        for size in (int(s) for s in args.sizes.split(",")):
            data = synthetic(size, size * args.changes_per_district)
            r = measure(browser, data, args.seconds, args.repeat)
            table.row(
                [
                    f"{size:,}",
                    f"{size * args.changes_per_district:,}",
                    f"{r['fps']:.0f}",
                    f"{r['cost50']:.1f}",
                    f"{r['cost95']:.1f}",
                    f"{r['compare50']:.1f}",
                    f"{r['compare95']:.1f}",
                    f"{r['mark50']:.1f}",
                ]
            )
        browser.close()


if __name__ == "__main__":
    main()
