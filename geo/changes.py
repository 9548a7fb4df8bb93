"""Reading and checking ``changes.csv``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd

from geo.confidence import (
    HIGH_NEEDS_REPORTS,
    computed_confidence,
    independent_reports,
    is_inferred,
    one_sided,
    report_key,
)
from geo.dates import day_number, parse_date_column
from geo.districts import suggest_id
from geo.errors import Problem, shown
from geo.statuses import DATE_PRECISIONS, SIDES, STATUSES
from geo.tables import CHANGES_FILE, KNOWN_COLUMNS, read_table
from geo.urls import bad_url_lists, bad_urls

CONFIDENCE_LEVELS = ("high", "medium", "low")
REVIEW_MARKS = ("enclave", "stale", "weak")


def read_changes(
    directory: Path,
    problems: list[Problem],
    *,
    district_ids: list[str] | None,
    start: dt.date | None,
    end: dt.date | None,
    sources: pd.DataFrame,
) -> pd.DataFrame | None:
    """Read ``changes.csv``, check every row, and return the valid rows.

    The frame has the file's known columns plus ``day`` (int day number) and ``row``
    (the row number in the file), sorted by date with file order kept for ties.
    Source ids in ``sources`` are resolved into ``source_url``, before any URL given there.
    """
    frame = read_table(directory, CHANGES_FILE, problems)
    if frame is None:
        return None
    frame["date_precision"] = frame["date_precision"].replace("", "day")

    bad = np.zeros(len(frame), dtype=bool)

    def report(mask: np.ndarray, describe: Callable[[pd.Series], str]) -> None:
        nonlocal bad
        for index in np.flatnonzero(mask):
            record = frame.iloc[index]
            problems.append(Problem.in_row(CHANGES_FILE, record["row"], describe(record)))
        bad |= mask

    days, date_ok = parse_date_column(frame["date"])
    report(~date_ok, lambda r: f"date was {shown(r['date'])} but is expected to be a real date as YYYY-MM-DD")
    if start is not None and end is not None:
        lo, hi = day_number(start), day_number(end)
        report(
            date_ok & ((days < lo) | (days > hi)),
            lambda r: f"date {r['date']} is outside the theatre's range {start} to {end}",
        )

    report(
        ~frame["status"].isin(STATUSES).to_numpy(),
        lambda r: f"status was {shown(r['status'])} but is expected to be one of {list(STATUSES)}",
    )
    report(
        ~frame["date_precision"].isin(DATE_PRECISIONS).to_numpy(),
        lambda r: (
            f"date_precision was {shown(r['date_precision'])} but is expected to be one of {list(DATE_PRECISIONS)}"
        ),
    )
    report(
        ((frame["source_url"] == "") & (frame["sources"] == "")).to_numpy(),
        lambda r: "source_url and sources are empty (every change needs at least one source)",
    )
    report(
        ~frame["confidence"].isin(("", *CONFIDENCE_LEVELS)).to_numpy(),
        lambda r: (
            f"confidence was {shown(r['confidence'])} but is expected to be one of {list(CONFIDENCE_LEVELS)} or empty"
        ),
    )
    report(
        bad_url_lists(frame["source_url"]),
        lambda r: f"source_url has {shown(bad_urls(r['source_url']))}, expected http(s) URLs separated by spaces",
    )
    if (frame["sources"] != "").any():
        known_ids = sorted(sources.index)
        known_set = set(known_ids)

        def unknown_ids(cell: str) -> list[str]:
            return [i for i in cell.split() if i not in known_set]

        def describe(r: pd.Series) -> str:
            names = unknown_ids(r["sources"])
            hint = suggest_id(names[0], known_ids) if known_ids else None
            where = "sources.csv" if known_ids else "sources.csv, which lists none"
            return f"sources has {shown(names)}, not ids in {where}" + (f" (did you mean {hint!r}?)" if hint else "")

        report(np.array([bool(unknown_ids(c)) for c in frame["sources"]], dtype=bool), describe)
        urls = sources["url"].to_dict()
        frame["source_url"] = [
            " ".join([*(urls[i] for i in ids.split() if i in urls), *([literal] if literal else [])])
            for ids, literal in zip(frame["sources"], frame["source_url"], strict=True)
        ]
    _check_audit_columns(frame, report, sources)
    if (frame["names"] != "").any():
        _check_names(frame, report, sources)
    if district_ids is not None:
        known = set(district_ids)

        def unknown(r: pd.Series) -> str:
            hint = suggest_id(r["district_id"], district_ids)
            return f"district_id {shown(r['district_id'])} matches no district" + (
                f" (did you mean {hint!r}?)" if hint else ""
            )

        report(~frame["district_id"].isin(known).to_numpy(), unknown)

    frame["day"] = days
    clean = frame.loc[~bad].sort_values("day", kind="stable").reset_index(drop=True)
    problems.extend(_duplicate_rows(frame))
    return clean


def _check_audit_columns(
    frame: pd.DataFrame, report: Callable[[np.ndarray, Callable[[pd.Series], str]], None], sources: pd.DataFrame
) -> None:
    """Errors for malformed ``alt_date``, ``disputed_by``, ``sides`` and ``reviewed`` cells."""
    alt = frame["alt_date"]
    _, full_ok = parse_date_column(alt)
    partial_ok = alt.str.fullmatch(r"\d{4}(-(0[1-9]|1[0-2]))?").to_numpy(dtype=bool)
    report(
        ((alt != "").to_numpy() & ~full_ok & ~partial_ok),
        lambda r: f"alt_date was {shown(r['alt_date'])} but is expected to be YYYY-MM-DD, YYYY-MM, YYYY or empty",
    )
    known = set(sources.index)
    for column, allowed, expected in (
        ("disputed_by", None, "ids in sources.csv"),
        ("sides", SIDES, f"some of {list(SIDES)}"),
        ("reviewed", REVIEW_MARKS, f"some of {list(REVIEW_MARKS)}"),
    ):
        vocabulary = known if allowed is None else set(allowed)
        cells = frame[column]
        # Checked once per distinct cell: a million rows repeat a handful of values.
        bad = [cell for cell in pd.unique(cells) if any(x not in vocabulary for x in cell.split())]
        report(cells.isin(bad).to_numpy(dtype=bool), _wrong_words(column, expected))
    report(
        ((frame["sides"] != "") & (frame["status"] != "contested")).to_numpy(),
        lambda r: f"sides is given but status is {r['status']!r} (sides names who shares a contested district)",
    )


def _check_names(
    frame: pd.DataFrame, report: Callable[[np.ndarray, Callable[[pd.Series], str]], None], sources: pd.DataFrame
) -> None:
    """Errors for a ``names`` cell that lists reports the change does not cite or that are not
    reports, and for a ``confidence`` other than the one computed from ``names`` (geo/confidence.py).

    Checked only in a theatre that records ``names`` (some cell is not empty): from then on an
    empty cell means that no cited report names the district.
    """
    uncited = [
        [i for i in names.split() if i not in cited.split()]
        for names, cited in zip(frame["names"], frame["sources"], strict=True)
    ]
    report(
        np.array([bool(u) for u in uncited], dtype=bool),
        lambda r: (
            f"names has {shown([i for i in r['names'].split() if i not in r['sources'].split()])}, not ids this "
            "change cites in sources (names lists the cited reports that name the district)"
        ),
    )
    known = set(sources.index)

    def not_reports(cell: str) -> list[str]:
        return [i for i in cell.split() if i in known and report_key(sources, i) is None]

    report(
        np.array([bool(not_reports(c)) for c in frame["names"]], dtype=bool),
        lambda r: (
            f"names has {shown(not_reports(r['names']))}, an encyclopedia or mirror with no origin: it points "
            "to reports but is not one (leave it out of names)"
        ),
    )
    computed = [
        computed_confidence(note, [i for i in names.split() if i in known], sources, disputed=bool(disputed))
        for note, names, disputed in zip(frame["note"], frame["names"], frame["disputed_by"], strict=True)
    ]
    by_row = dict(zip(frame["row"], computed, strict=True))
    report(
        (frame["confidence"].to_numpy() != np.array(computed, dtype=object)),
        lambda r: (
            f"confidence was {shown(r['confidence'] or 'empty')} but the method gives "
            f"{by_row[r['row']]!r}: {_basis_text(r, sources)} "
            "(see data/README.md, Method)"
        ),
    )


def _basis_text(change: pd.Series, sources: pd.DataFrame) -> str:
    if is_inferred(change["note"]):
        return "the change is inferred (its note starts with 'Inferred')"
    names = change["names"].split()
    count = independent_reports(sources, names)
    text = f"{count} independent report(s) name the district" + (
        f" ({', '.join(names)})" if names else " (names is empty)"
    )
    if count >= HIGH_NEEDS_REPORTS and change["disputed_by"]:
        text += ", but a report disputes the change (disputed_by)"
    elif count >= HIGH_NEEDS_REPORTS and one_sided(sources, names):
        text += ", but all are aligned with a side (a claim by one side)"
    return text


def _wrong_words(column: str, expected: str) -> Callable[[pd.Series], str]:
    return lambda r: f"{column} was {shown(r[column])} but is expected to be {expected}, separated by spaces"


def _duplicate_rows(frame: pd.DataFrame) -> list[Problem]:
    """A warning for every row that repeats an earlier row exactly (every column the file may have)."""
    columns = list(KNOWN_COLUMNS[CHANGES_FILE].all)
    repeated = frame.duplicated(subset=columns, keep=False)
    if not repeated.any():
        return []
    first = frame.loc[repeated].groupby(columns, sort=False)["row"].transform("min")
    return [
        Problem.in_row(CHANGES_FILE, row, f"repeats row {original} exactly (remove one of them)", "warning")
        for row, original in zip(frame.loc[repeated, "row"], first, strict=True)
        if row != original
    ]
