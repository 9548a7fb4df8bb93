"""Data-quality checks and figures: what a reader needs to judge how far to trust the map."""

from __future__ import annotations

import numpy as np
import pandas as pd

from geo.changes import CONFIDENCE_LEVELS
from geo.dates import day_number, from_day_number
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


LONG_LOW_SUPPORT_DAYS = 1_000  # the threshold of issue 22's goal: districts over it are listed


def low_support_days(theatre: Theatre) -> pd.DataFrame:
    """Per district with changes, the days of the theatre's range on which its status rests on
    ``low``-confidence changes only (inferred ones included), and its longest such span.

    A change supports the district from its date until the next change of the district (or the
    theatre's last day, inclusive); a low-confidence change repeating the status of a better
    supported one of the same run does not count as low (see :func:`_unsupported`). Days before a
    district's first change rest on the theatre's initial status and are not counted.

    Returns
    -------
    pandas.DataFrame
        Columns ``district_id``, ``name_en``, ``days``, ``longest``, ``longest_from`` and
        ``longest_to`` (ISO dates), sorted by ``days`` then ``longest``, longest first; districts
        with no low-confidence day have ``days`` 0 and empty dates.
    """
    ordered = theatre.changes.iloc[theatre.change_positions_by_district].reset_index(drop=True)
    columns = ["district_id", "name_en", "days", "longest", "longest_from", "longest_to"]
    if ordered.empty:
        return pd.DataFrame({c: pd.Series([], dtype="int64" if c in ("days", "longest") else "str") for c in columns})
    district = ordered["district_id"].to_numpy()
    day = ordered["day"].to_numpy()
    last_day = day_number(theatre.meta.end_date) + 1
    last_of_district = np.append(district[1:] != district[:-1], True)
    until = np.where(last_of_district, last_day, np.append(day[1:], 0))
    low = _unsupported(ordered)
    names = theatre.districts.set_index("district_id")["name_en"]
    rows = []
    frame = pd.DataFrame({"d": district, "from": day, "to": until, "low": low})
    for district_id, group in frame.groupby("d", sort=False):
        spans = _merged_spans(group)
        longest = max(spans, key=lambda s: s[1] - s[0], default=None)
        rows.append(
            {
                "district_id": district_id,
                "name_en": str(names.get(district_id, district_id)),
                "days": sum(stop - start for start, stop in spans),
                "longest": int(longest[1] - longest[0]) if longest else 0,
                "longest_from": from_day_number(longest[0]).isoformat() if longest else "",
                "longest_to": from_day_number(longest[1] - 1).isoformat() if longest else "",
            }
        )
    table = pd.DataFrame(rows, columns=columns)
    return table.sort_values(["days", "longest", "district_id"], ascending=[False, False, True]).reset_index(drop=True)


def _unsupported(ordered: pd.DataFrame) -> np.ndarray:
    """Per change (in district order), whether the status it sets rests only on low-confidence
    changes: it is low, and so is every earlier change of its run (the consecutive changes of
    one district repeating one status). A weaker report repeating a status does
    not undo the support an earlier, better report gave it."""
    low = (ordered["confidence"] == "low").to_numpy()
    key = (ordered["district_id"] + "\x00" + ordered["status"]).to_numpy()
    run = np.cumsum(np.insert(key[1:] != key[:-1], 0, True))
    supported = pd.Series(~low).groupby(run).cummax().to_numpy()
    return ~supported


def _merged_spans(group: pd.DataFrame) -> list[tuple[int, int]]:
    """The low-confidence runs of one district's changes as ``[from, to)`` day numbers, with
    back-to-back low changes joined into one run."""
    spans: list[tuple[int, int]] = []
    for start, stop, is_low in zip(group["from"], group["to"], group["low"], strict=True):
        if not is_low or stop <= start:
            continue
        if spans and spans[-1][1] == start:
            spans[-1] = (spans[-1][0], int(stop))
        else:
            spans.append((int(start), int(stop)))
    return spans


def low_support_figures(table: pd.DataFrame) -> dict[str, int]:
    """How many districts of :func:`low_support_days` spend over 1,000 and over 1,400 days on low support."""
    return {
        "over 1,000 days": int((table["days"] > 1_000).sum()),
        "over 1,400 days": int((table["days"] > 1_400).sum()),
    }
