"""``python -m geo propose``: read a report, print the proposals (and, with ``--review``, record them)."""

from __future__ import annotations

import argparse
import dataclasses
from typing import TextIO

from geo.load import load_theatre
from geo.propose.article import read_report
from geo.propose.assistant import propose
from geo.propose.dates import parse_published
from geo.propose.model import render


def run_propose(args: argparse.Namespace, *, stdin: TextIO, stdout: TextIO, stderr: TextIO) -> int:
    """Run the ``propose`` subcommand; errors are raised as :class:`geo.errors.GeoError`."""
    published = parse_published(args.published) if args.published else None
    report = read_report(args.report, stdin=stdin)
    report = dataclasses.replace(
        report,
        published=published or report.published,
        url=args.url or report.url,
        publisher=args.publisher or report.publisher,
    )
    theatre = load_theatre(args.data)
    found = propose(report, theatre)
    if args.review:
        from geo.propose.review import review

        return review(found, theatre, stdin=stdin, stdout=stdout)
    stdout.write(render(found, args.format))
    if args.format != "table":
        for note in found.notes:
            print(f"note: {note}", file=stderr)
        for place in found.unmatched:
            print(f"note: {place.text!r} matches no district of the theatre (not guessed)", file=stderr)
    return 0
