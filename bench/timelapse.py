"""Time-lapse rendering and encoding (mapmedia): frames per second, total time and file size.

    python bench/timelapse.py                  # Aleppo's whole record at day, week and changes steps,
                                               # and a 10,000-district synthetic theatre at week step
    python bench/timelapse.py --quick          # Aleppo at week step and a 130-district theatre

Each case is run twice: drawing every frame alone (FrameRenderer.render), then the whole
``write_timelapse`` to an MP4 (drawing and encoding); encoding is the difference. Targets (issue 24):
Aleppo's whole record at week step (about 235 frames) under 20 s, a 20-second clip under 8 MB,
10,000 districts under 0.5 s per frame.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from common import ROOT, print_table, synthetic

from geo.load import load_theatre
from geo.theatre import Theatre
from mapmedia.frames import FrameRenderer
from mapmedia.text import captions
from mapmedia.timelapse import write_timelapse
from mapmedia.timeline import date_range, frames_of

FPS = 12
SIZE = "1080x1080"


def run(name: str, theatre: Theatre, step: str, *, dates: int | None, out: Path, suffix: str) -> list:
    start, end = date_range(theatre, None, None)
    plan = frames_of(theatre, start, end, step=step, fps=FPS)
    if dates is not None and len(plan) > dates:  # a long synthetic record: its first dates
        end = plan[dates - 1].date
        plan = plan[:dates]
    began = time.perf_counter()
    renderer = FrameRenderer(theatre, size=SIZE, lang="en", captions=captions(theatre, lang="en", start=start, end=end))
    built = time.perf_counter() - began
    began = time.perf_counter()
    for frame in plan:
        renderer.render(frame.date)
    drawing = time.perf_counter() - began
    renderer.close()
    path = out / f"{name}-{step}{suffix}"
    began = time.perf_counter()
    made = write_timelapse(theatre, path, start=start, end=end, step=step, fps=FPS, size=SIZE)
    total = time.perf_counter() - began
    encoding = total - built - drawing  # write_timelapse builds its own renderer too
    megabytes = made.bytes / 1e6
    return [
        name,
        f"{len(theatre.district_ids):,}",
        step,
        suffix.lstrip("."),
        made.dates,
        made.frames,
        f"{made.seconds:.1f}",
        f"{built:.2f}",
        f"{1000 * drawing / made.dates:.0f}",
        f"{made.dates / drawing:.1f}",
        f"{made.frames / encoding:.0f}" if encoding > 0.05 else "(too fast to tell)",
        f"{total:.1f}",
        f"{megabytes:.2f}",
        f"{megabytes * 20 / max(made.seconds, 1e-9):.2f}",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="Aleppo at week step and a 130-district theatre")
    parser.add_argument("--districts", type=int, default=10_000, help="the synthetic theatre's size")
    parser.add_argument(
        "--synthetic-dates", type=int, default=60, help="dates drawn of the synthetic theatre (its first weeks)"
    )
    parser.add_argument("--gif", action="store_true", help="also write each case as a GIF")
    args = parser.parse_args()
    aleppo = load_theatre(ROOT / "data" / "aleppo")
    began = time.perf_counter()
    aleppo.borders  # noqa: B018  # measured once per data version, cached by the dashboard too: not per clip
    print(f"Aleppo's borders (once per data version): {time.perf_counter() - began:.1f} s")
    cases: list[tuple[str, Theatre, str, int | None]]
    if args.quick:
        small = load_theatre(synthetic(130, 13_000))
        cases = [("Aleppo", aleppo, "week", None), ("synthetic", small, "week", 20)]
    else:
        districts = args.districts
        big = load_theatre(synthetic(districts, 100_000 if districts >= 10_000 else districts * 10))
        began = time.perf_counter()
        big.borders  # noqa: B018
        print(f"{districts:,} districts' borders (once per data version): {time.perf_counter() - began:.1f} s")
        cases = [
            ("Aleppo", aleppo, "day", None),
            ("Aleppo", aleppo, "week", None),
            ("Aleppo", aleppo, "changes", None),
            ("synthetic", big, "week", args.synthetic_dates),
        ]
    suffixes = [".mp4", ".gif"] if args.gif else [".mp4"]
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for name, theatre, step, dates in cases:
            for suffix in suffixes:
                rows.append(run(name, theatre, step, dates=dates, out=Path(folder), suffix=suffix))
    print(f"\nTime-lapses at {SIZE}, {FPS} frames per second (drawing alone, then drawing and encoding):\n")
    print_table(
        [
            "theatre",
            "districts",
            "step",
            "format",
            "dates",
            "frames",
            "clip s",
            "setup s",
            "ms per date drawn",
            "dates drawn per s",
            "frames encoded per s",
            "total s",
            "MB",
            "MB per 20 s",
        ],
        rows,
    )


if __name__ == "__main__":
    main()
