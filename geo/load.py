"""Load a theatre directory, reporting every problem at once."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from geo.audit import audit_warnings
from geo.changes import read_changes
from geo.districts import DISTRICTS_FILE, read_districts
from geo.errors import DataError, Problem, shown
from geo.events import read_events
from geo.meta import META_FILE, read_meta
from geo.quality import quality_warnings
from geo.sources import read_sources
from geo.theatre import Theatre


def check_theatre(directory: str | Path) -> tuple[Theatre | None, list[Problem]]:
    """Read a theatre and return it with every problem found.

    The theatre is ``None`` when any problem is an error.
    """
    directory = Path(directory)
    problems: list[Problem] = []
    if not directory.is_dir():
        return None, [
            Problem(
                directory.name or str(directory),
                "",
                "is not a directory (expected a theatre folder with theatre.json, districts.geojson and changes.csv)",
            )
        ]
    meta = read_meta(directory, problems)
    districts = read_districts(directory, problems)
    ids = districts["district_id"].tolist() if districts is not None else None
    sources = read_sources(directory, problems)
    changes = read_changes(
        directory,
        problems,
        district_ids=ids,
        sources=sources,
        start=meta.start_date if meta else None,
        end=meta.end_date if meta else None,
    )
    events = read_events(
        directory,
        problems,
        district_ids=ids,
        sources=sources,
        start=meta.start_date if meta else None,
        end=meta.end_date if meta else None,
    )
    if meta is not None:
        cited_in_meta = {"initial_sources": meta.initial_sources}
        if meta.end_event is not None:
            cited_in_meta["end_event"] = meta.end_event.sources
        for key, cited in cited_in_meta.items():
            unknown = [x for x in cited if x not in sources.index]
            if unknown:
                problems.append(Problem(META_FILE, f"key {key!r}", f"has {shown(unknown)}, not ids in sources.csv"))
    if districts is not None:
        problems.extend(_resolve_place_sources(districts, sources["url"].to_dict()))
    if any(p.severity == "error" for p in problems) or meta is None or districts is None or changes is None:
        return None, sorted(problems, key=Problem.sort_key)
    theatre = Theatre(meta, districts, changes, directory=directory, sources=sources, events=events)
    return theatre, sorted(problems + quality_warnings(theatre) + audit_warnings(theatre), key=Problem.sort_key)


def load_theatre(directory: str | Path) -> Theatre:
    """Load and validate a theatre directory.

    Parameters
    ----------
    directory : str or Path
        Folder holding ``theatre.json``, ``districts.geojson`` and ``changes.csv``.

    Raises
    ------
    DataError
        Listing every problem, each naming the file, row or feature, and field.
    """
    theatre, problems = check_theatre(directory)
    if theatre is None:
        raise DataError(str(directory), problems)
    theatre.warnings = [p for p in problems if p.severity == "warning"]
    return theatre


def _resolve_place_sources(districts: pd.DataFrame, urls: dict[str, str]) -> list[Problem]:
    """Fill ``place_source_url`` from each district's location_source and name_sources;
    an error for every id missing from sources.csv."""
    problems, resolved = [], []
    for row in districts[["district_id", "location_source", "name_sources"]].itertuples(index=False):
        for field in ("location_source", "name_sources"):
            unknown = [x for x in getattr(row, field).split() if x not in urls]
            if unknown:
                problems.append(
                    Problem(
                        DISTRICTS_FILE,
                        f"id {row.district_id!r}",
                        f"{field} has {shown(unknown)}, not ids in sources.csv",
                    )
                )
        ids = dict.fromkeys(f"{row.location_source} {row.name_sources}".split())
        resolved.append(" ".join(urls[x] for x in ids if x in urls))
    districts["place_source_url"] = resolved
    return problems
