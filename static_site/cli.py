"""The static site's command, ``frontlines site``, added to the library's command line."""

from __future__ import annotations

import argparse
from pathlib import Path

from geo.cli import DEFAULT_DATA
from geo.errors import OutputError
from geo.load import load_theatre


def _site(args: argparse.Namespace) -> int:
    from static_site.build import write_site

    theatre = load_theatre(args.data)
    try:
        write_site(theatre, args.out, vendor_leaflet=args.vendor_leaflet)
    except OSError as exc:
        raise OutputError.writing(args.out, exc) from exc
    print(f"wrote a static site for {theatre.meta.title} (data version {theatre.version}) to {args.out}")
    return 0


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``site`` to a command line built by :func:`geo.cli.build_parser`."""
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
    site.set_defaults(run=_site)
