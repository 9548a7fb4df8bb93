"""Data-quality checks and figures: what a reader needs to judge how far to trust the map."""

from __future__ import annotations

import numpy as np
import pandas as pd

from geo.changes import CONFIDENCE_LEVELS
from geo.dates import from_day_number
from geo.errors import Problem
from geo.tables import CHANGES_FILE, SOURCES_FILE
from geo.theatre import Theatre


def _in_district_order(theatre: Theatre) -> pd.DataFrame:
    """The changes sorted by district, then date, then file order, with the status before each."""
    ordered = theatre.changes.iloc[theatre.change_positions_by_district].reset_index(drop=True)
    first = ordered["district_id"].ne(ordered["district_id"].shift())
    ordered["previous"] = ordered["status"].shift().where(~first, theatre.meta.initial_status)
    ordered["first"] = first
    return ordered


def quality_warnings(theatre: Theatre) -> list[Problem]:
    """Warnings about a valid theatre: unknown statuses, unexplained repeats, unused sources."""
    warnings: list[Problem] = []
    ordered = _in_district_order(theatre)
    if theatre.meta.initial_status == "unknown":
        starts = ordered.loc[ordered["first"]].set_index("district_id")
        for district_id in theatre.district_ids:
            if district_id not in starts.index or starts.loc[district_id, "day"] > theatre.base_day:
                until = starts.loc[district_id, "date"] if district_id in starts.index else "the end"
                warnings.append(
                    Problem(
                        CHANGES_FILE,
                        f"district {district_id!r}",
                        f"status is 'unknown' from {theatre.meta.start_date} until {until}",
                        "warning",
                    )
                )
    for row in ordered.loc[ordered["status"] == "unknown"].itertuples(index=False):
        warnings.append(
            Problem.in_row(CHANGES_FILE, row.row, f"sets {row.district_id!r} to 'unknown' from {row.date}", "warning")
        )
    repeats = ordered.loc[(ordered["status"] == ordered["previous"]) & (ordered["note"] == "")]
    for row in repeats.itertuples(index=False):
        warnings.append(
            Problem.in_row(
                CHANGES_FILE,
                row.row,
                f"status {row.status!r} repeats {row.district_id!r}'s previous status and the note is empty "
                "(say why the change is recorded)",
                "warning",
            )
        )
    if len(theatre.sources):
        cited = set(" ".join(theatre.changes["sources"]).split()) | set(" ".join(theatre.events["sources"]).split())
        cited |= set(theatre.meta.initial_sources) | set(" ".join(theatre.districts["location_source"]).split())
        cited |= set(" ".join(theatre.changes["disputed_by"]).split())
        cited |= set(theatre.meta.end_event.sources) if theatre.meta.end_event else set()
        cited |= set(" ".join(theatre.districts["name_sources"]).split())
        cited |= set(" ".join(theatre.districts["geometry_source_id"]).split())
        for source_id, row in theatre.sources["row"].items():
            if source_id not in cited:
                warnings.append(
                    Problem(
                        SOURCES_FILE,
                        f"id {source_id!r}",
                        "is never cited by a change, an event, a district or theatre.json",
                        "warning",
                        row=row,
                    )
                )
    return sorted(warnings, key=Problem.sort_key)


def changes_per_month(theatre: Theatre) -> pd.Series:
    """Number of changes in each month of the theatre's range (zeros included), indexed by 'YYYY-MM'."""
    months = pd.period_range(theatre.meta.start_date, theatre.meta.end_date, freq="M")
    # counted by day number, then each distinct day's month (parsing a million date texts took most of a second)
    days, per_day = np.unique(theatre.changes["day"].to_numpy(), return_counts=True)
    counted = pd.Series(per_day).groupby([from_day_number(d).strftime("%Y-%m") for d in days]).sum()
    return pd.Series([int(counted.get(str(m), 0)) for m in months], index=[str(m) for m in months], name="changes")


def sourcing_summary(theatre: Theatre) -> dict[str, int]:
    """How many districts rest on no recorded change, on one source only, and on two or more
    (distinct URLs over all of a district's changes; a change may cite several, space-separated)."""
    district, _status = theatre.change_codes_by_district
    cells = theatre.changes["source_url"].to_numpy(dtype=object)[theatre.change_positions_by_district]
    several = np.flatnonzero(pd.Series(cells, dtype=object).str.contains(r"\s", regex=True).to_numpy())
    # Most changes cite one URL: split only the cells that cite several.
    extra = [(district[i], url) for i in several for url in cells[i].split()]
    one = np.ones(len(cells), dtype=bool)
    one[several] = False
    districts = np.concatenate([district[one], np.array([d for d, _ in extra], dtype=np.int64)])
    url, urls = pd.factorize(np.concatenate([cells[one], np.array([u for _, u in extra], dtype=object)]))
    width = max(len(urls), 1)
    distinct = np.bincount(np.unique(districts * width + url) // width, minlength=len(theatre.district_ids))
    return {
        "no recorded change": int((distinct == 0).sum()),
        "one source only": int((distinct == 1).sum()),
        "two or more sources": int((distinct >= 2).sum()),
    }


def confidence_counts(theatre: Theatre) -> dict[str, int]:
    """How many changes carry each confidence level, from low to high ('not stated', where the
    column is empty, last)."""
    counted = theatre.changes["confidence"].replace("", "not stated").value_counts()
    return {level: int(counted[level]) for level in (*reversed(CONFIDENCE_LEVELS), "not stated") if level in counted}
