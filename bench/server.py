"""Server-side costs: loading a theatre, state at a date, history, serialising for the browser.

The full rerun's cost is measured where it matters, in the browser: see scrub.py's "rerun" column.

    python bench/server.py                        # 10,000 districts x 1,000,000 changes
    python bench/server.py --districts 130 --changes 13000 --repeat 5
"""

from __future__ import annotations

import argparse
import datetime as dt
import time

from common import median, percentile, print_table, synthetic

from components.js import js_literal
from geo import load_theatre
from geo.export import districts_geojson
from geo.frontline import borders_payload


def timed(function, repeat: int) -> list[float]:
    times = []
    for i in range(repeat):
        start = time.perf_counter()
        function(i)
        times.append((time.perf_counter() - start) * 1000)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--districts", type=int, default=10_000)
    parser.add_argument("--changes", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()

    data = synthetic(args.districts, args.changes)
    start = time.perf_counter()
    theatre = load_theatre(data)
    load_ms = (time.perf_counter() - start) * 1000
    dates = [dt.date(2012, 8, 1) + dt.timedelta(days=29 * i) for i in range(args.repeat)]
    codes = timed(lambda i: theatre.status_codes_at(dates[i]), args.repeat)
    frames = timed(lambda i: theatre.state_at(dates[i]), args.repeat)
    start = time.perf_counter()
    js_literal(districts_geojson(theatre)), js_literal(theatre.timelines())
    serialise_ms = (time.perf_counter() - start) * 1000
    history = timed(lambda i: theatre.history(theatre.district_ids[i * 7 % len(theatre.district_ids)]), args.repeat)
    start = time.perf_counter()
    js_literal(borders_payload(theatre.borders))
    borders_ms = (time.perf_counter() - start) * 1000
    front = timed(lambda i: theatre.front_line_at(dates[i]), args.repeat)

    print(f"Server side, {args.districts:,} districts x {args.changes:,} changes, {args.repeat} runs (ms)")
    rows = [
        ["load and validate the theatre (once per data version)", f"{load_ms:.0f}", ""],
        ["status codes at a date (what a scrub needs)", f"{median(codes):.2f}", f"{percentile(codes, 95):.2f}"],
        ["state_at: the full table at a date", f"{median(frames):.1f}", f"{percentile(frames, 95):.1f}"],
        ["history of one district", f"{median(history):.1f}", f"{percentile(history, 95):.1f}"],
        ["serialise shapes and timelines for the browser (once per data version)", f"{serialise_ms:.0f}", ""],
        [
            f"front line: {len(theatre.borders.pairs):,} borders between neighbours (once per data version)",
            f"{borders_ms:.0f}",
            "",
        ],
        ["front line at a date (which borders separate sides)", f"{median(front):.2f}", f"{percentile(front, 95):.2f}"],
    ]
    print_table(["what", "p50", "p95"], rows)


if __name__ == "__main__":
    main()
