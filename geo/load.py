"""Load a theatre directory, reporting every problem at once."""
from __future__ import annotations

from pathlib import Path

from geo.changes import read_changes
from geo.districts import read_districts
from geo.errors import DataError, Problem
from geo.meta import read_meta
from geo.theatre import Theatre


def check_theatre(directory: str | Path) -> tuple[Theatre | None, list[Problem]]:
    """Read a theatre and return it with every problem found.

    The theatre is ``None`` when any problem is an error.
    """
    directory = Path(directory)
    problems: list[Problem] = []
    if not directory.is_dir():
        return None, [Problem(str(directory), "", "is not a directory (expected a theatre folder with theatre.json, districts.geojson and changes.csv)")]
    meta = read_meta(directory, problems)
    districts = read_districts(directory, problems)
    ids = districts["district_id"].tolist() if districts is not None else None
    changes = read_changes(
        directory, problems, district_ids=ids,
        start=meta.start_date if meta else None, end=meta.end_date if meta else None,
    )
    if any(p.severity == "error" for p in problems) or meta is None or districts is None or changes is None:
        return None, problems
    return Theatre(meta, districts, changes, directory=directory), problems


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
