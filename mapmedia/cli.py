"""``frontlines timelapse`` and ``frontlines still``, added to the library's command line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from geo.cli import DEFAULT_DATA
from geo.load import load_theatre
from geo.theatre import Theatre
from mapmedia.options import SIZES, STEPS, size_text
from mapui.i18n import LANGUAGES

SIZE_HELP = f"frame size, one of {', '.join(size_text(s) for s in SIZES)} (default: %(default)s)"


def _timelapse(args: argparse.Namespace) -> int:
    from mapmedia.timelapse import write_timelapse

    theatre = load_theatre(args.data)
    made = write_timelapse(
        theatre,
        args.out,
        start=args.start,
        end=args.end,
        step=args.step,
        fps=args.fps,
        size=args.size,
        lang=args.lang,
        district=args.district,
        layers=args.layers,
        progress=_progress if args.progress else None,
    )
    print(
        f"wrote {made.path}: {made.start} to {made.end}, {made.dates} dates in {made.frames} frames, "
        f"{made.seconds:.1f} s, {made.bytes / 1e6:.1f} MB (data version {theatre.version})"
    )
    return 0


def _progress(done: int, total: int) -> None:
    print(f"\r{done}/{total} dates drawn", end="\n" if done == total else "", file=sys.stderr, flush=True)


def _still(args: argparse.Namespace) -> int:
    from mapmedia.still import write_still

    theatre = load_theatre(args.data)
    out = write_still(
        theatre,
        args.out,
        date=args.date,
        size=args.size,
        lang=args.lang,
        district=args.district,
        compare_from=args.start,
        link=args.link,
        layers=args.layers,
    )
    print(f"wrote {out}: the map on {args.date} (data version {theatre.version})")
    return 0


def site_timelapse(theatre: Theatre, out: Path) -> None:
    """The static site's default time-lapse: the whole record, each change held, square, English."""
    from mapmedia.timelapse import write_timelapse

    write_timelapse(theatre, out, step="changes", size=size_text(SIZES[0]))


def _common(parser: argparse.ArgumentParser) -> None:
    # Sizes and languages are checked by mapmedia (one message naming the option), not by choices=.
    parser.add_argument("--size", default=size_text(SIZES[0]), help=SIZE_HELP)
    parser.add_argument("--lang", default=LANGUAGES[0], help=f"{' or '.join(LANGUAGES)} (default: %(default)s)")
    parser.add_argument("--district", help="a district id to outline and name on the map")
    parser.add_argument(
        "--layers",
        type=lambda text: [part for part in text.split(",") if part],
        default=[],
        metavar="ID,ID",
        help="evidence layers (points) to draw over the districts, e.g. hrw-damage-sites",
    )
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="theatre directory (default: %(default)s)")


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``timelapse`` and ``still`` to a command line built by :func:`geo.cli.build_parser`."""
    timelapse = commands.add_parser("timelapse", help="write a video (MP4, WebM) or GIF of the front lines over time")
    timelapse.add_argument("--out", type=Path, required=True, help="FILE.mp4, FILE.webm or FILE.gif")
    timelapse.add_argument("--from", dest="start", help="first date, YYYY-MM-DD (default: the record's start)")
    timelapse.add_argument("--to", dest="end", help="last date, YYYY-MM-DD (default: the record's end)")
    timelapse.add_argument(
        "--step",
        default="week",
        help=f"one of {', '.join(STEPS)}; 'changes' holds each change of control for half a second "
        "(default: %(default)s)",
    )
    timelapse.add_argument("--fps", type=int, default=12, help="video frames per second (default: %(default)s)")
    timelapse.add_argument("--progress", action="store_true", help="print the dates drawn so far on standard error")
    _common(timelapse)
    timelapse.set_defaults(run=_timelapse)

    still = commands.add_parser("still", help="write an image (PNG, SVG) of the map on one date")
    still.add_argument("--date", required=True, help="YYYY-MM-DD")
    still.add_argument("--out", type=Path, required=True, help="FILE.png or FILE.svg")
    still.add_argument(
        "--from", dest="start", help="compare: outline the districts whose status differs from this date"
    )
    still.add_argument("--link", default="", help="the view's share link, for the 'cite this view' line")
    _common(still)
    still.set_defaults(run=_still)
