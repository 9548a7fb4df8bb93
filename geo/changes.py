"""Reading and checking ``changes.csv``."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import numpy as np
import pandas as pd

from geo.dates import day_number, parse_date_column
from geo.districts import suggest_id
from geo.errors import Problem
from geo.sources import URL, URL_TEXT
from geo.statuses import DATE_PRECISIONS, SIDES, STATUSES

CHANGES_FILE = "changes.csv"
REQUIRED_COLUMNS = ("date", "district_id", "status", "note")
SOURCE_COLUMNS = ("source_url", "sources")  # at least one: URLs, or ids from sources.csv
# How a change records disagreement and review (see data/README.md): another date a source
# gives, the ids of reports that disagree, the sides sharing a contested district, and the
# audit warnings a reviewer has checked and accepted.
AUDIT_COLUMNS = ("alt_date", "disputed_by", "sides", "reviewed")
OPTIONAL_COLUMNS = ("date_precision", "confidence", *SOURCE_COLUMNS, *AUDIT_COLUMNS)
REVIEW_MARKS = ("enclave", "stale")
CONFIDENCE_LEVELS = ("high", "medium", "low")
_URL_LIST = re.compile(f"{URL_TEXT}(?:\\s+{URL_TEXT})*")
FIRST_DATA_ROW = 2  # row numbers match a spreadsheet: the header is row 1


def _bad_urls(cell: str) -> list[str]:
    return [url for url in cell.split() if not URL.match(url)]


def read_changes(
    directory: Path,
    problems: list[Problem],
    *,
    district_ids: list[str] | None,
    start: dt.date | None,
    end: dt.date | None,
    sources: pd.DataFrame | None = None,
) -> pd.DataFrame | None:
    """Read ``changes.csv``, check every row, and return the valid rows.

    The frame has the file's columns plus ``day`` (int day number) and ``row``
    (the row number in the file), sorted by date with file order kept for ties.
    """
    path = directory / CHANGES_FILE
    if not path.is_file():
        problems.append(Problem(CHANGES_FILE, "", f"file is missing (expected it in {directory})"))
        return None
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except (pd.errors.ParserError, UnicodeDecodeError) as exc:
        problems.append(Problem(CHANGES_FILE, "", f"is not a readable CSV file ({exc})"))
        return None
    except pd.errors.EmptyDataError:
        problems.append(Problem(CHANGES_FILE, "", f"is empty (expected a header with {', '.join(REQUIRED_COLUMNS)})"))
        return None
    frame.columns = [c.strip() for c in frame.columns]
    missing = [c for c in REQUIRED_COLUMNS if c not in frame.columns]
    if not any(c in frame.columns for c in SOURCE_COLUMNS):
        missing.append("source_url")
    if missing:
        problems.append(
            Problem(
                CHANGES_FILE,
                "header",
                f"is missing column(s) {missing} (expected {list(REQUIRED_COLUMNS)} and source_url or sources)",
            )
        )
        return None
    for column in OPTIONAL_COLUMNS:
        if column not in frame.columns:
            frame[column] = ""
    for column in (*REQUIRED_COLUMNS, *OPTIONAL_COLUMNS):
        frame[column] = frame[column].str.strip()
    frame["date_precision"] = frame["date_precision"].replace("", "day")
    frame["row"] = np.arange(FIRST_DATA_ROW, FIRST_DATA_ROW + len(frame))

    bad = np.zeros(len(frame), dtype=bool)

    def report(mask: np.ndarray, describe) -> None:
        nonlocal bad
        for index in np.flatnonzero(mask):
            record = frame.iloc[index]
            problems.append(Problem(CHANGES_FILE, f"row {record['row']}", describe(record)))
        bad |= mask

    days, date_ok = parse_date_column(frame["date"])
    report(~date_ok, lambda r: f"date was {r['date']!r} but is expected to be a real date as YYYY-MM-DD")
    if start is not None and end is not None:
        lo, hi = day_number(start), day_number(end)
        report(
            date_ok & ((days < lo) | (days > hi)),
            lambda r: f"date {r['date']} is outside the theatre's range {start} to {end}",
        )

    report(
        ~frame["status"].isin(STATUSES).to_numpy(),
        lambda r: f"status was {r['status']!r} but is expected to be one of {list(STATUSES)}",
    )
    report(
        ~frame["date_precision"].isin(DATE_PRECISIONS).to_numpy(),
        lambda r: f"date_precision was {r['date_precision']!r} but is expected to be one of {list(DATE_PRECISIONS)}",
    )
    report(
        ((frame["source_url"] == "") & (frame["sources"] == "")).to_numpy(),
        lambda r: "source_url and sources are empty (every change needs at least one source)",
    )
    report(
        ~frame["confidence"].isin(("", *CONFIDENCE_LEVELS)).to_numpy(),
        lambda r: f"confidence was {r['confidence']!r} but is expected to be one of {list(CONFIDENCE_LEVELS)} or empty",
    )
    if (frame["sources"] != "").any():
        known_ids = sorted(sources.index) if sources is not None else []
        known_set = set(known_ids)

        def unknown_ids(cell: str) -> list[str]:
            return [i for i in cell.split() if i not in known_set]

        def describe(r):
            names = unknown_ids(r["sources"])
            hint = suggest_id(names[0], known_ids) if known_ids else None
            where = "sources.csv" if sources is not None else "sources.csv, which is missing"
            return f"sources has {names!r}, not ids in {where}" + (f" (did you mean {hint!r}?)" if hint else "")

        report(np.array([bool(unknown_ids(c)) for c in frame["sources"]], dtype=bool), describe)
        urls = sources["url"].to_dict() if sources is not None else {}
        frame["source_url"] = [
            " ".join([*(urls[i] for i in ids.split() if i in urls), *([literal] if literal else [])])
            for ids, literal in zip(frame["sources"], frame["source_url"], strict=True)
        ]
    _check_audit_columns(frame, report, sources)
    has_url = (frame["source_url"] != "").to_numpy()
    url_bad = ~frame["source_url"].str.fullmatch(_URL_LIST.pattern).to_numpy(dtype=bool) & has_url
    report(
        url_bad, lambda r: f"source_url has {_bad_urls(r['source_url'])!r}, expected http(s) URLs separated by spaces"
    )
    if district_ids is not None:
        known = set(district_ids)

        def unknown(r):
            hint = suggest_id(r["district_id"], district_ids)
            return f"district_id {r['district_id']!r} matches no district" + (
                f" (did you mean {hint!r}?)" if hint else ""
            )

        report(~frame["district_id"].isin(known).to_numpy(), unknown)

    frame["day"] = days
    clean = frame.loc[~bad].sort_values("day", kind="stable").reset_index(drop=True)
    return clean


def _check_audit_columns(frame: pd.DataFrame, report, sources: pd.DataFrame | None) -> None:
    """Errors for malformed ``alt_date``, ``disputed_by``, ``sides`` and ``reviewed`` cells."""
    alt = frame["alt_date"]
    _, full_ok = parse_date_column(alt)
    partial_ok = alt.str.fullmatch(r"\d{4}(-(0[1-9]|1[0-2]))?").to_numpy(dtype=bool)
    report(
        ((alt != "").to_numpy() & ~full_ok & ~partial_ok),
        lambda r: f"alt_date was {r['alt_date']!r} but is expected to be YYYY-MM-DD, YYYY-MM, YYYY or empty",
    )
    known = set(sources.index) if sources is not None else set()
    for column, allowed, expected in (
        ("disputed_by", None, "ids in sources.csv"),
        ("sides", SIDES, f"some of {list(SIDES)}"),
        ("reviewed", REVIEW_MARKS, f"some of {list(REVIEW_MARKS)}"),
    ):
        vocabulary = known if allowed is None else set(allowed)
        wrong = np.array([any(x not in vocabulary for x in cell.split()) for cell in frame[column]], dtype=bool)
        report(
            wrong, lambda r, c=column, e=expected: f"{c} was {r[c]!r} but is expected to be {e}, separated by spaces"
        )
    report(
        ((frame["sides"] != "") & (frame["status"] != "contested")).to_numpy(),
        lambda r: f"sides is given but status is {r['status']!r} (sides names who shares a contested district)",
    )
