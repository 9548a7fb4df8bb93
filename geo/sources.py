"""Reading and checking ``sources.csv``: one row per report, cited by id from changes and events."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd

from geo.errors import Problem

SOURCES_FILE = "sources.csv"
COLUMNS = ("id", "url", "publisher", "published", "title")
# Optional ratings (see data/README.md): what kind of publisher, which side it leans to,
# who wrote a syndicated or mirrored copy, and the id of the original report where cited.
RATING_COLUMNS = ("kind", "alignment", "origin", "original")
SOURCE_KINDS = (
    "news agency",
    "international outlet",
    "regional or local outlet",
    "state or party media",
    "monitoring group",
    "encyclopedia or mirror",
    "blog or personal site",
)
ALIGNMENTS = ("pro-government", "pro-opposition", "kurdish", "none known")
_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
URL_TEXT = r"https?://[^\s<>\"]+"
URL = re.compile(f"^{URL_TEXT}$")  # one http(s) URL; what every source URL must be
_PUBLISHED = re.compile(r"^(\d{4})(-\d{2}(-\d{2})?)?$")


def read_sources(directory: Path, problems: list[Problem]) -> pd.DataFrame | None:
    """The sources table indexed by ``id``, or ``None`` if the theatre has no ``sources.csv``.

    Rows with problems are reported and left out.
    """
    path = directory / SOURCES_FILE
    if not path.is_file():
        return None
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except (pd.errors.ParserError, UnicodeDecodeError, pd.errors.EmptyDataError) as exc:
        problems.append(Problem(SOURCES_FILE, "", f"is not a readable CSV file ({exc})"))
        return pd.DataFrame(columns=[*COLUMNS[1:], *RATING_COLUMNS], index=pd.Index([], name="id"))
    frame.columns = [c.strip() for c in frame.columns]
    missing = [c for c in COLUMNS if c not in frame.columns]
    if missing:
        problems.append(Problem(SOURCES_FILE, "header", f"is missing column(s) {missing} (expected {list(COLUMNS)})"))
        return pd.DataFrame(columns=[*COLUMNS[1:], *RATING_COLUMNS], index=pd.Index([], name="id"))
    for column in RATING_COLUMNS:
        if column not in frame.columns:
            frame[column] = ""
    frame = frame.apply(lambda column: column.str.strip())
    bad = np.zeros(len(frame), dtype=bool)
    for index, row in enumerate(frame.itertuples(index=False), start=2):
        where = f"row {index}"
        for column, allowed in (("kind", SOURCE_KINDS), ("alignment", ALIGNMENTS)):
            value = getattr(row, column)
            if value and value not in allowed:
                problems.append(
                    Problem(SOURCES_FILE, where, f"{column} was {value!r} but is expected to be one of {list(allowed)}")
                )
                bad[index - 2] = True
        if not _ID.match(row.id):
            problems.append(
                Problem(
                    SOURCES_FILE,
                    where,
                    f"id was {row.id!r} but is expected to be a lowercase slug such as 'reuters-2016-11-26'",
                )
            )
            bad[index - 2] = True
        if not URL.match(row.url):
            problems.append(Problem(SOURCES_FILE, where, f"url was {row.url!r} but is expected to be one http(s) URL"))
            bad[index - 2] = True
        if row.published and not _PUBLISHED.match(row.published):
            problems.append(
                Problem(
                    SOURCES_FILE,
                    where,
                    f"published was {row.published!r} but is expected to be YYYY-MM-DD, YYYY-MM, YYYY or empty",
                )
            )
            bad[index - 2] = True
        if not row.publisher:
            problems.append(Problem(SOURCES_FILE, where, "publisher is empty (expected who published the report)"))
            bad[index - 2] = True
    duplicated = frame["id"].duplicated(keep="first").to_numpy()
    for position in np.flatnonzero(duplicated):
        problems.append(
            Problem(SOURCES_FILE, f"row {position + 2}", f"id {frame['id'].iloc[position]!r} is a duplicate")
        )
    known = set(frame["id"])
    for number, row in enumerate(frame.itertuples(index=False), start=2):
        if row.original and (row.original not in known or row.original == row.id):
            problems.append(
                Problem(
                    SOURCES_FILE,
                    f"row {number}",
                    f"original was {row.original!r} but is expected to be the id of another row (the report copied)",
                )
            )
            bad[number - 2] = True
    return frame.loc[~bad & ~duplicated].set_index("id")
