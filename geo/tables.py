"""The one reader of a theatre's CSV tables (``changes.csv``, ``sources.csv``, ``events.csv``).

It reads the file as UTF-8, strips every value, checks the header against
:data:`KNOWN_COLUMNS` and numbers the rows as a spreadsheet does. A new column is
added to a file by adding its name to :data:`KNOWN_COLUMNS`, the one table of the
columns each file may have: any other column is reported as a warning that
suggests the closest known name, so a misspelt optional column is never silently
dropped.
"""

from __future__ import annotations

import csv
import difflib
import io
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from geo import theatre_files
from geo.errors import MISSING_FILE, Problem, shown
from geo.text_rules import COLUMN_LIMITS, MAX_TEXT_CHARACTERS, holds_odd_text, length_problem, text_problem

HEADER_ROW = 1  # row numbers match a spreadsheet: the header is row 1, the first data row is row 2
CHANGES_FILE = "changes.csv"
SOURCES_FILE = "sources.csv"
EVENTS_FILE = "events.csv"
MAX_FIELD_CHARACTERS = 1_000_000  # a longer value is a broken file, not a note


@dataclass(frozen=True)
class Columns:
    """The columns of one CSV file.

    Parameters
    ----------
    required : tuple of str
        Every one must be in the header.
    optional : tuple of str
        May be absent; an absent optional column reads as empty values.
    one_of : tuple of str
        At least one must be in the header (any absent one reads as empty).
    """

    required: tuple[str, ...]
    optional: tuple[str, ...] = ()
    one_of: tuple[str, ...] = ()

    @property
    def all(self) -> tuple[str, ...]:
        return (*self.required, *self.one_of, *self.optional)


KNOWN_COLUMNS: dict[str, Columns] = {
    CHANGES_FILE: Columns(
        required=("date", "district_id", "status", "note"),
        one_of=("source_url", "sources"),  # URLs, or ids from sources.csv
        # How a change records disagreement and review (see data/README.md): another date a
        # source gives, the ids of reports that disagree, the sides sharing a contested
        # district, and the audit warnings a reviewer has checked and accepted; ``names``: the
        # cited reports that name the district itself (confidence is computed from it, geo/confidence.py).
        optional=("date_precision", "confidence", "alt_date", "disputed_by", "sides", "reviewed", "names"),
    ),
    SOURCES_FILE: Columns(
        required=("id", "url", "publisher", "published", "title"),
        # Ratings (see data/README.md): what kind of publisher, which side it leans to, who
        # wrote a syndicated or mirrored copy, and the id of the original report where cited.
        optional=("kind", "alignment", "origin", "original"),
    ),
    EVENTS_FILE: Columns(
        required=("date", "end_date", "title", "note", "sources"),
        # Ids of the districts the event's reports describe (the audit counts such an event
        # as a report confirming those districts' status; see geo/audit.py).
        optional=("districts",),
    ),
}


def empty_table(file: str) -> pd.DataFrame:
    """A table with ``file``'s known columns and ``row``, and no rows: what a missing optional file reads as."""
    frame = pd.DataFrame({column: pd.Series([], dtype="str") for column in KNOWN_COLUMNS[file].all})
    frame["row"] = np.array([], dtype=np.int64)
    return frame


def read_table(directory: Path, file: str, problems: list[Problem], *, optional: bool = False) -> pd.DataFrame | None:
    """Read one of a theatre's CSV files.

    Parameters
    ----------
    directory : Path
        The theatre folder.
    file : str
        A key of :data:`KNOWN_COLUMNS`.
    problems : list of Problem
        Every problem found is appended here.
    optional : bool
        A missing optional file reads as :func:`empty_table`, with no problem.

    Returns
    -------
    pandas.DataFrame or None
        Every known column of the file as stripped strings (absent optional
        columns empty), unknown columns left out, and ``row``, the row number
        in the file. ``None`` when the file cannot be used at all (the problem
        is reported).
    """
    columns = KNOWN_COLUMNS[file]
    path = directory / file
    if not theatre_files.exists(path):
        if optional:
            return empty_table(file)
        problems.append(Problem(file, "", MISSING_FILE))
        return None
    records = _records(directory, path, file, problems)
    if records is None:
        return None
    if not records or not any(cell.strip() for cell in records[0]):
        problems.append(Problem(file, "", f"is empty (expected a header with {', '.join(columns.required)})"))
        return None
    header = [name.strip() for name in records[0]]
    if not _header_ok(file, header, columns, problems):
        return None
    return _frame(file, header, records[1:], columns, problems)


def _records(directory: Path, path: Path, file: str, problems: list[Problem]) -> list[list[str]] | None:
    """The file's records as lists of fields, or ``None`` (reported) if it is not readable CSV text."""
    try:
        text = theatre_files.read_bytes(directory, path).decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        problems.append(
            Problem(file, "", f"is not UTF-8 text (byte {exc.object[exc.start]:#04x} at position {exc.start:,})")
        )
        return None
    except theatre_files.RefusedFile as exc:
        problems.append(Problem(file, "", str(exc)))
        return None
    previous = csv.field_size_limit(MAX_FIELD_CHARACTERS)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        return list(reader)
    except csv.Error as exc:
        problems.append(
            Problem.in_row(
                file,
                reader.line_num,
                f"is not readable CSV ({exc}; a value holding a comma, quote or line break must be in double quotes,"
                " with quotes inside it doubled)",
            )
        )
        return None
    finally:
        csv.field_size_limit(previous)


def _header_ok(file: str, header: list[str], columns: Columns, problems: list[Problem]) -> bool:
    """Report missing, duplicated and unknown columns; whether the table can be read."""
    ok = True
    missing = [c for c in columns.required if c not in header]
    if columns.one_of and not any(c in header for c in columns.one_of):
        missing.append(" or ".join(columns.one_of))
    if missing:
        expected = list(columns.required) + ([" or ".join(columns.one_of)] if columns.one_of else [])
        problems.append(Problem(file, "header", f"is missing column(s) {missing} (expected {expected})"))
        ok = False
    duplicated = sorted({c for c in header if header.count(c) > 1 and c})
    if duplicated:
        problems.append(Problem(file, "header", f"has column(s) {duplicated} more than once"))
        ok = False
    for name in header:
        if name not in columns.all:
            close = difflib.get_close_matches(name, columns.all, n=1, cutoff=0.6)
            hint = f"did you mean {close[0]!r}? " if close else ""
            problems.append(
                Problem(
                    file,
                    "header",
                    f"column {shown(name)} is not one this file may have and is ignored ({hint}"
                    f"known columns: {', '.join(columns.all)})",
                    "warning",
                )
            )
    return ok


def _frame(
    file: str, header: list[str], rows: list[list[str]], columns: Columns, problems: list[Problem]
) -> pd.DataFrame:
    """Known columns of the data rows, stripped; blank lines are skipped but keep their row numbers.

    A row with more values than the header is reported and left out: its values
    cannot be matched to columns. A row with fewer reads the missing ones as empty.
    """
    width = len(header)
    kept: list[list[str]] = []
    numbers: list[int] = []
    for number, fields in enumerate(rows, start=HEADER_ROW + 1):
        if not any(field.strip() for field in fields):
            continue
        if len(fields) > width and any(field.strip() for field in fields[width:]):
            problems.append(
                Problem.in_row(
                    file,
                    number,
                    f"has {len(fields)} values but the header has {width} columns (is a value with a comma"
                    " missing its double quotes?)",
                )
            )
            continue
        kept.append(fields)
        numbers.append(number)
    data = {}
    for column in columns.all:
        if column in header:
            at = header.index(column)
            data[column] = [fields[at].strip() if at < len(fields) else "" for fields in kept]
        else:
            data[column] = [""] * len(kept)
    for column, values in data.items():
        limit = COLUMN_LIMITS.get(column, MAX_TEXT_CHARACTERS)
        if values and max(map(len, values)) > limit:  # the rows only when one is too long
            for number, value in zip(numbers, values, strict=True):
                if len(value) > limit:
                    problems.append(Problem.in_row(file, number, f"{column} {length_problem(value, limit)}"))
        if holds_odd_text("\n".join(values)):  # one search per column; the rows only when one is odd
            for number, value in zip(numbers, values, strict=True):
                problem = text_problem(value)
                if problem:
                    problems.append(Problem.in_row(file, number, f"{column} {problem}"))
    frame = pd.DataFrame({column: pd.Series(values, dtype="str") for column, values in data.items()})
    frame["row"] = np.array(numbers, dtype=np.int64)
    return frame
