"""Exceptions and the problem records that validation collects."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


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
    """

    file: str
    where: str
    message: str
    severity: Severity = "error"

    def __str__(self) -> str:
        place = f"{self.file} {self.where}".strip()
        return f"{place}: {self.message}"


class GeoError(Exception):
    """Base class of every error raised by :mod:`geo`."""


class DataError(GeoError, ValueError):
    """A theatre's files are missing or invalid.

    ``problems`` holds every problem found, not only the first.
    """

    def __init__(self, directory: str, problems: list[Problem]):
        self.directory = directory
        self.problems = list(problems)
        errors = [p for p in self.problems if p.severity == "error"]
        lines = [f"{len(errors)} error(s) in theatre data at {directory}:"]
        lines += [f"  - {p}" for p in errors]
        super().__init__("\n".join(lines))


class UnknownDistrictError(GeoError, KeyError):
    """A district id that the theatre does not contain."""

    def __init__(self, district_id: str, suggestion: str | None = None):
        self.district_id = district_id
        self.suggestion = suggestion
        hint = f" (did you mean {suggestion!r}?)" if suggestion else ""
        super().__init__(f"district_id {district_id!r} matches no district{hint}")

    def __str__(self) -> str:  # KeyError would repr() the message
        return self.args[0]


class DateError(GeoError, ValueError):
    """A date that cannot be parsed or lies outside the theatre's range."""
