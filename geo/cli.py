"""Command line: ``python -m geo validate|state|history|export|cache|version|release|changed|synth|propose``.

The front ends add their own commands (``frontlines site``) through :func:`main`'s ``extra_commands``:
the library never imports them."""

from __future__ import annotations

import argparse
import csv
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from geo.errors import DataError, GeoError, OutputError
from geo.export import write_history_csv, write_state_csv, write_state_geojson
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


def _export(args: argparse.Namespace) -> int:
    theatre = load_theatre(args.data)
    date = theatre.require_date(args.date)
    try:
        with open(args.out, "w", encoding="utf-8", newline="") as out:
            (write_state_geojson if args.format == "geojson" else write_state_csv)(theatre, date, out)
    except OSError as exc:
        raise OutputError.writing(args.out, exc) from exc
    print(f"wrote the state of {len(theatre.district_ids)} districts on {date} to {args.out}")
    return 0


def _cache(args: argparse.Namespace) -> int:
    from geo.cache import cache_root, load_theatre_cached
    from geo.payloads import warm

    theatre = load_theatre_cached(args.data)
    warm(theatre)  # the shapes, timelines and front line as the dashboard serves them
    where = theatre.cache_folder or f"nowhere ({cache_root()} is not writable)"
    print(f"data version {theatre.version} of {args.data} is parsed and validated, cached in {where}")
    return 0


def _version(args: argparse.Namespace) -> int:
    from geo.version import data_version

    load_theatre(args.data)  # only a valid theatre has a version worth quoting
    print(data_version(args.data))
    return 0


def _release(args: argparse.Namespace) -> int:
    from geo.version import record_release

    release = record_release(load_theatre(args.data))
    print(f"data version {release.version} is in {args.data / 'releases.json'} (released {release.released})")
    return 0


def _changed(args: argparse.Namespace) -> int:
    from geo.version import changed_since

    rows = changed_since(load_theatre(args.data), args.since, district_id=args.district)
    writer = csv.DictWriter(
        sys.stdout, ["change", "district_id", "date", "status", "confidence", "sources"], lineterminator="\n"
    )
    writer.writeheader()
    writer.writerows(rows)
    return 0


def _synth(args: argparse.Namespace) -> int:
    from geo.synth import synth_theatre

    synth_theatre(args.out, districts=args.districts, changes=args.changes, seed=args.seed)
    print(f"wrote a synthetic theatre with {args.districts} districts and {args.changes} changes to {args.out}")
    return 0


def _propose(args: argparse.Namespace) -> int:
    from geo.propose.cli import run_propose

    return run_propose(args, stdin=sys.stdin, stdout=sys.stdout, stderr=sys.stderr)


#: A front end's hook: adds its subcommands (each with ``set_defaults(run=...)``) to the parser's.
AddCommands = Callable[["argparse._SubParsersAction[argparse.ArgumentParser]"], None]


def build_parser(*, prog: str = "python -m geo", extra_commands: Sequence[AddCommands] = ()) -> argparse.ArgumentParser:
    """The command line's parser: the library's commands, then each of ``extra_commands``'."""
    parser = argparse.ArgumentParser(prog=prog, description="Validate and query a theatre's control data.")
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

    export = commands.add_parser("export", help="write every district's status on a date as GeoJSON or CSV")
    export.add_argument("--date", required=True, help="YYYY-MM-DD")
    export.add_argument("--format", choices=("geojson", "csv"), required=True)
    export.add_argument("--out", type=Path, required=True, help="file to write")
    export.add_argument("--data", type=Path, default=DEFAULT_DATA, help="theatre directory (default: %(default)s)")
    export.set_defaults(run=_export)

    cache = commands.add_parser(
        "cache", help="parse, validate and serialise a theatre into the on-disk cache (fast cold start)"
    )
    cache.add_argument("--data", type=Path, default=DEFAULT_DATA, help="theatre directory (default: %(default)s)")
    cache.set_defaults(run=_cache)

    version = commands.add_parser("version", help="print the theatre's short data version")
    version.add_argument("--data", type=Path, default=DEFAULT_DATA, help="theatre directory (default: %(default)s)")
    version.set_defaults(run=_version)

    release = commands.add_parser("release", help="record the current data version in the theatre's releases.json")
    release.add_argument("--data", type=Path, default=DEFAULT_DATA, help="theatre directory (default: %(default)s)")
    release.set_defaults(run=_release)

    changed = commands.add_parser("changed", help="list changes added and removed since a released data version")
    changed.add_argument("--since", required=True, help="a data version from releases.json (as in a link's v=)")
    changed.add_argument("--district", help="only this district")
    changed.add_argument("--data", type=Path, default=DEFAULT_DATA, help="theatre directory (default: %(default)s)")
    changed.set_defaults(run=_changed)

    synth = commands.add_parser("synth", help="write a synthetic theatre (for benchmarks and tests)")
    synth.add_argument("--districts", type=int, required=True)
    synth.add_argument("--changes", type=int, required=True)
    synth.add_argument("--seed", type=int, default=0)
    synth.add_argument("--out", type=Path, required=True, help="folder to write")
    synth.set_defaults(run=_synth)

    propose = commands.add_parser(
        "propose", help="read a news report and propose changes of control, compared with the record"
    )
    propose.add_argument("report", help="a text or HTML file, or - for standard input")
    propose.add_argument("--url", default="", help="the report's address (default: the page's own, for HTML)")
    propose.add_argument("--published", help="the report's publication date, YYYY-MM-DD (resolves 'on Thursday')")
    propose.add_argument(
        "--publisher", default="", help="who published the report (asked for by --review if not given)"
    )
    propose.add_argument("--format", choices=("table", "csv", "json"), default="table", help="default: %(default)s")
    propose.add_argument(
        "--review", action="store_true", help="accept, edit or skip each proposal, then append to the theatre's files"
    )
    propose.add_argument("--data", type=Path, default=DEFAULT_DATA, help="theatre directory (default: %(default)s)")
    propose.set_defaults(run=_propose)
    for add_commands in extra_commands:
        add_commands(commands)
    return parser


def main(
    argv: Sequence[str] | None = None, *, prog: str = "python -m geo", extra_commands: Sequence[AddCommands] = ()
) -> int:
    """Run one command; a data or input problem is one message on standard error and exit code 1 or 2."""
    args = build_parser(prog=prog, extra_commands=extra_commands).parse_args(argv)
    try:
        return args.run(args)
    except DataError as exc:
        print(exc, file=sys.stderr)
        return 1
    except GeoError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
