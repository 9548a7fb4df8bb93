"""Exceptions and the problem records that validation collects."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]

MISSING_FILE = "file is missing (a theatre folder needs theatre.json, districts.geojson and changes.csv)"
SHOWN_CHARACTERS = 80  # a bad value is quoted in a message up to this length, then cut


def shown(value: object, *, limit: int = SHOWN_CHARACTERS) -> str:
    """``repr(value)`` for a message, cut to about ``limit`` characters.

    A 10,000-character bad value is named, not echoed whole: the cut text says how long it was.
    """
    text = repr(value)
    if len(text) <= limit:
        return text
    size = f" ({len(value):,} characters)" if isinstance(value, str) else ""
    return f"{text[:limit]}…{size}"


@dataclass(frozen=True)
class Problem:
    """One finding about a theatre's files.

    Parameters
    ----------
    file : str
        File name relative to the theatre directory, e.g. ``changes.csv``.
    where : str
        Row, feature or key the problem is in (``row 14``, ``feature 3``); may be empty.
    message : str
        What is wrong and what was expected.
    severity : {"error", "warning"}
    row : int, optional
        The row number in a CSV file (the header is row 1), for sorting; build
        row problems with :meth:`in_row`, which also writes ``where``.
    """

    file: str
    where: str
    message: str
    severity: Severity = "error"
    row: int | None = None

    @classmethod
    def in_row(cls, file: str, row: int, message: str, severity: Severity = "error") -> Problem:
        """A problem in row ``row`` of a CSV file."""
        return cls(file, f"row {row}", message, severity, row=int(row))

    def sort_key(self) -> tuple[str, int]:
        """File, then row number; problems outside rows come first, in the order they were found
        (sort stably)."""
        return (self.file, -1 if self.row is None else self.row)

    def __str__(self) -> str:
        place = f"{self.file} {self.where}".strip()
        return f"{place}: {self.message}"


class GeoError(Exception):
    """Base class of every error raised by :mod:`geo`."""


class OptionError(GeoError, ValueError):
    """An option given to a :mod:`geo` function is out of its range (e.g. a synthetic theatre's size)."""


class OutputError(GeoError, OSError):
    """A file or folder the command was asked to write could not be written."""

    @classmethod
    def writing(cls, path: object, exc: OSError) -> OutputError:
        return cls(f"{path} could not be written ({exc.strerror or exc}); choose a folder you can write to")


class DataError(GeoError, ValueError):
    """A theatre's files are missing or invalid.

    ``problems`` holds every problem found, not only the first.
    """

    def __init__(self, directory: str, problems: list[Problem]):
        self.directory = directory
        self.problems = list(problems)
        lines = [f"{len(self.errors)} error(s) in theatre data at {directory}:"]
        lines += [f"  - {p}" for p in self.errors]
        super().__init__("\n".join(lines))

    @property
    def errors(self) -> list[Problem]:
        """The problems that are errors (warnings left out)."""
        return [p for p in self.problems if p.severity == "error"]


class UnknownDistrictError(GeoError, KeyError):
    """A district id that the theatre does not contain."""

    def __init__(self, district_id: str, suggestion: str | None = None):
        self.district_id = district_id
        self.suggestion = suggestion
        hint = f" (did you mean {suggestion!r}?)" if suggestion else ""
        super().__init__(f"district_id {shown(district_id)} matches no district{hint}")

    def __str__(self) -> str:  # KeyError would repr() the message
        return self.args[0]


class DateError(GeoError, ValueError):
    """A date that cannot be parsed or lies outside the theatre's range."""
