"""Command line: ``python -m geo validate|state|history``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from geo.errors import DataError, GeoError
from geo.export import write_history_csv, write_state_csv
from geo.load import check_theatre, load_theatre

DEFAULT_DATA = Path("data/aleppo")


def _validate(args: argparse.Namespace) -> int:
    theatre, problems = check_theatre(args.dir)
    for problem in problems:
        print(f"{problem.severity}: {problem}", file=sys.stderr if problem.severity == "error" else sys.stdout)
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    if theatre is None:
        print(f"{args.dir}: {errors} error(s), {warnings} warning(s)", file=sys.stderr)
        return 1
    print(
        f"{args.dir}: valid — {len(theatre.district_ids)} districts, {len(theatre.changes)} changes, "
        f"{theatre.meta.start_date} to {theatre.meta.end_date}; {warnings} warning(s)"
    )
    return 0


def _state(args: argparse.Namespace) -> int:
    theatre = load_theatre(args.data)
    write_state_csv(theatre, theatre.require_date(args.date), sys.stdout)
    return 0


def _history(args: argparse.Namespace) -> int:
    theatre = load_theatre(args.data)
    write_history_csv(theatre, args.district_id, sys.stdout)
    return 0


def _synth(args: argparse.Namespace) -> int:
    from geo.synth import synth_theatre

    synth_theatre(args.out, districts=args.districts, changes=args.changes, seed=args.seed)
    print(f"wrote a synthetic theatre with {args.districts} districts and {args.changes} changes to {args.out}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m geo", description="Validate and query a theatre's control data.")
    commands = parser.add_subparsers(dest="command", required=True)

    validate = commands.add_parser("validate", help="check a theatre directory and report every problem")
    validate.add_argument(
        "dir", nargs="?", type=Path, default=DEFAULT_DATA, help="theatre directory (default: %(default)s)"
    )
    validate.set_defaults(run=_validate)

    state = commands.add_parser("state", help="print every district's status on a date as CSV")
    state.add_argument("--date", required=True, help="YYYY-MM-DD")
    state.add_argument("--data", type=Path, default=DEFAULT_DATA, help="theatre directory (default: %(default)s)")
    state.set_defaults(run=_state)

    history = commands.add_parser("history", help="print one district's control history as CSV")
    history.add_argument("district_id")
    history.add_argument("--data", type=Path, default=DEFAULT_DATA, help="theatre directory (default: %(default)s)")
    history.set_defaults(run=_history)

    synth = commands.add_parser("synth", help="write a synthetic theatre (for benchmarks and tests)")
    synth.add_argument("--districts", type=int, required=True)
    synth.add_argument("--changes", type=int, required=True)
    synth.add_argument("--seed", type=int, default=0)
    synth.add_argument("--out", type=Path, required=True, help="folder to write")
    synth.set_defaults(run=_synth)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except DataError as exc:
        print(exc, file=sys.stderr)
        return 1
    except GeoError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
