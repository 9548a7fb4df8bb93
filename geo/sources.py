"""Reading and checking ``sources.csv``: one row per report, cited by id from changes and events."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd

from geo.errors import Problem, shown
from geo.tables import KNOWN_COLUMNS, SOURCES_FILE, empty_table, read_table
from geo.urls import is_http_url

RATING_COLUMNS = KNOWN_COLUMNS[SOURCES_FILE].optional
SOURCE_KINDS = (
    "news agency",
    "international outlet",
    "regional or local outlet",
    "state or party media",
    "monitoring group",
    "encyclopedia or mirror",
    "blog or personal site",
    "research institution",  # e.g. a university's mapping project (published boundaries)
)
ALIGNMENTS = ("pro-government", "pro-opposition", "kurdish", "none known")
_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*\Z")
_PUBLISHED = re.compile(r"^(\d{4})(-\d{2}(-\d{2})?)?\Z")


def read_sources(directory: Path, problems: list[Problem]) -> pd.DataFrame:
    """The sources table indexed by ``id``; empty when the theatre has no ``sources.csv``.

    Rows with problems are reported and left out.
    """
    frame = read_table(directory, SOURCES_FILE, problems, optional=True)
    if frame is None:
        frame = empty_table(SOURCES_FILE)
    bad = np.zeros(len(frame), dtype=bool)
    for index, row in enumerate(frame.itertuples(index=False)):
        found = []
        for column, allowed in (("kind", SOURCE_KINDS), ("alignment", ALIGNMENTS)):
            value = getattr(row, column)
            if value and value not in allowed:
                found.append(f"{column} was {shown(value)} but is expected to be one of {list(allowed)}")
        if not _ID.match(row.id):
            found.append(f"id was {shown(row.id)} but is expected to be a lowercase slug such as 'reuters-2016-11-26'")
        if not is_http_url(row.url):
            found.append(f"url was {shown(row.url)} but is expected to be one http(s) URL")
        if row.published and not _PUBLISHED.match(row.published):
            found.append(
                f"published was {shown(row.published)} but is expected to be YYYY-MM-DD, YYYY-MM, YYYY or empty"
            )
        if not row.publisher:
            found.append("publisher is empty (expected who published the report)")
        problems.extend(Problem.in_row(SOURCES_FILE, row.row, message) for message in found)
        bad[index] = bool(found)
    duplicated = frame["id"].duplicated(keep="first").to_numpy()
    for at in np.flatnonzero(duplicated):
        problems.append(
            Problem.in_row(SOURCES_FILE, frame["row"].iloc[at], f"id {shown(frame['id'].iloc[at])} is a duplicate")
        )
    known = set(frame["id"])
    for index, row in enumerate(frame.itertuples(index=False)):
        if row.original and (row.original not in known or row.original == row.id):
            problems.append(
                Problem.in_row(
                    SOURCES_FILE,
                    row.row,
                    f"original was {shown(row.original)} but is expected to be the id of another row "
                    "(the report copied)",
                )
            )
            bad[index] = True
    return frame.loc[~bad & ~duplicated].set_index("id")
