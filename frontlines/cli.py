"""``frontlines``: ``python -m geo``'s commands plus the static site's ``site`` and the media's
``timelapse`` and ``still``."""

from __future__ import annotations

import functools
from collections.abc import Sequence

from geo import cli as geo_cli
from mapmedia import cli as media_cli
from static_site import cli as site_cli


def main(argv: Sequence[str] | None = None) -> int:
    """Run one ``frontlines`` command (see ``frontlines --help``)."""
    site = functools.partial(site_cli.add_commands, timelapse=media_cli.site_timelapse)
    return geo_cli.main(argv, prog="frontlines", extra_commands=(site, media_cli.add_commands))
