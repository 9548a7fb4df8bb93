"""Appending accepted changes and their report to a theatre's files, safely.

The new rows are written into copies of ``changes.csv`` and ``sources.csv`` beside links to
every other file of the theatre; the copy is validated (:func:`geo.load.check_theatre`) and
only if it has no error and no problem the theatre did not already have are the files
replaced, each atomically (:func:`os.replace`). The old rows are kept byte for byte: the new
file is the old one with lines added, and a file changed by someone else meanwhile is not
replaced.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import tempfile
from pathlib import Path

from geo.errors import GeoError, Problem
from geo.load import check_theatre
from geo.tables import CHANGES_FILE, KNOWN_COLUMNS, SOURCES_FILE

#: A change's values that may be left out when the file has no column for them (their defaults).
DEFAULTS = {"date_precision": "day", "confidence": "", "sides": "", "alt_date": "", "disputed_by": "", "reviewed": ""}


class AppendError(GeoError, ValueError):
    """New rows that cannot be appended: the theatre would not validate, or a file changed meanwhile.

    ``problems`` holds what validation found that the theatre did not have before.
    """

    def __init__(self, message: str, problems: list[Problem] | None = None):
        self.problems = list(problems or [])
        lines = [message, *(f"  - {p.severity}: {p}" for p in self.problems)]
        super().__init__("\n".join(lines))


def append_to_theatre(directory: str | Path, changes: list[dict[str, str]], source: dict[str, str] | None) -> None:
    """Append ``changes`` (rows of ``changes.csv``) and ``source`` (a row of ``sources.csv``,
    or ``None`` when the report is already there) to the theatre in ``directory``.

    Raises
    ------
    AppendError
        Nothing written: the result would have an error or a new warning (listed), a change
        needs a column ``changes.csv`` lacks, or a file changed while this ran.
    """
    directory = Path(directory)
    changes_path, sources_path = directory / CHANGES_FILE, directory / SOURCES_FILE
    old_changes = changes_path.read_bytes()
    old_sources = sources_path.read_bytes() if sources_path.exists() else None
    new_files = {CHANGES_FILE: _appended(old_changes, changes, CHANGES_FILE)}
    if source is not None:
        base = old_sources if old_sources is not None else _header(SOURCES_FILE)
        new_files[SOURCES_FILE] = _appended(base, [source], SOURCES_FILE)
    _, before = check_theatre(directory)
    known = {str(p) for p in before}
    with tempfile.TemporaryDirectory(prefix="frontlines-propose-") as scratch:
        trial = Path(scratch) / directory.name
        trial.mkdir()
        for entry in directory.iterdir():  # copies: the theatre's reader refuses links out of a folder
            if entry.name in new_files:
                continue
            if entry.is_dir():
                shutil.copytree(entry, trial / entry.name, symlinks=True)
            elif entry.is_file():
                shutil.copy2(entry, trial / entry.name)
        for name, content in new_files.items():
            (trial / name).write_bytes(content)
        theatre, after = check_theatre(trial)
    found = [p for p in after if p.severity == "error" or str(p) not in known]
    if theatre is None or found:
        raise AppendError(f"nothing written to {directory}: with the new rows the theatre would not validate", found)
    if changes_path.read_bytes() != old_changes or (
        (sources_path.read_bytes() if sources_path.exists() else None) != old_sources
    ):
        raise AppendError(f"nothing written to {directory}: {CHANGES_FILE} or {SOURCES_FILE} changed meanwhile")
    # sources first: a change citing a source not yet written would be an error, the reverse only a warning
    for name in sorted(new_files, key=lambda n: n != SOURCES_FILE):
        _replace(directory / name, new_files[name])


def _header(file: str) -> bytes:
    columns = KNOWN_COLUMNS[file].all
    return (",".join(columns) + "\n").encode("utf-8")


def _appended(old: bytes, rows: list[dict[str, str]], file: str) -> bytes:
    """``old`` with ``rows`` added in its own columns and line endings."""
    text = old.decode("utf-8-sig")
    header = next(csv.reader(io.StringIO(text)))
    ending = "\r\n" if "\r\n" in text[:4096] else "\n"
    for row in rows:
        lost = [k for k, v in row.items() if k not in header and v and DEFAULTS.get(k) != v]
        if lost:
            raise AppendError(
                f"nothing written: {file} has no column {lost[0]!r} for the value {row[lost[0]]!r} "
                f"(its columns are {', '.join(header)})"
            )
    out = io.StringIO()
    writer = csv.DictWriter(out, header, restval="", extrasaction="ignore", lineterminator=ending)
    writer.writerows(rows)
    joiner = b"" if not old or old.endswith(b"\n") else ending.encode()
    return old + joiner + out.getvalue().encode("utf-8")


def _replace(path: Path, content: bytes) -> None:
    """Write ``content`` to ``path`` through a temporary file in the same folder, then swap it in."""
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(content)
            out.flush()
            os.fsync(out.fileno())
        if path.exists():
            shutil.copymode(path, temporary)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
