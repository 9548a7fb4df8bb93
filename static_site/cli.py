"""The static site's command, ``frontlines site``, added to the library's command line."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from geo.cli import DEFAULT_DATA
from geo.errors import OutputError
from geo.load import load_theatre
from geo.theatre import Theatre

#: Writes a theatre's time-lapse to a path (the front end that draws them passes it in).
Timelapse = Callable[[Theatre, Path], object]


def _site(args: argparse.Namespace) -> int:
    from static_site.build import write_site

    theatre = load_theatre(args.data)
    timelapse = None if args.no_timelapse else args.timelapse_writer
    try:
        write_site(theatre, args.out, vendor_leaflet=args.vendor_leaflet, timelapse=timelapse)
    except OSError as exc:
        raise OutputError.writing(args.out, exc) from exc
    print(f"wrote a static site for {theatre.meta.title} (data version {theatre.version}) to {args.out}")
    return 0


def add_commands(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], *, timelapse: Timelapse | None = None
) -> None:
    """Add ``site`` to a command line built by :func:`geo.cli.build_parser`; with ``timelapse``,
    the site also offers a time-lapse of the whole record (unless ``--no-timelapse``)."""
    site = commands.add_parser("site", help="write a self-contained static site of the map")
    site.add_argument("--out", type=Path, required=True, help="folder to write (replaced if it holds a site)")
    site.add_argument("--data", type=Path, default=DEFAULT_DATA, help="theatre directory (default: %(default)s)")
    site.add_argument(
        "--vendor-leaflet",
        nargs="?",
        const=True,
        default=None,
        metavar="DIR",
        help="copy Leaflet into the site instead of using its CDN: from DIR (Leaflet's dist folder) "
        "or, without DIR, from the npm registry (needs npm)",
    )
    if timelapse is not None:
        site.add_argument(
            "--no-timelapse", action="store_true", help="leave out the time-lapse of the whole record (an MP4)"
        )
    site.set_defaults(run=_site, timelapse_writer=timelapse, no_timelapse=timelapse is None)
