"""Audit rules: the checks an outside fact-check applies, run by ``python -m geo validate``.

Each rule returns warnings (never errors): a valid theatre can break them, and
``validate`` is clean only when none does. The rules and the method behind them are
described in data/README.md ("Audit method").
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from geo.adjacency import neighbours
from geo.changes import CHANGES_FILE
from geo.confidence import HIGH_NEEDS_REPORTS, MIRROR, WEAK_KINDS, independent_reports, is_inferred, writer
from geo.dates import day_number, from_day_number
from geo.errors import Problem
from geo.sources import SOURCES_FILE
from geo.statuses import SIDES, STATUSES
from geo.theatre import Theatre

STALE_AFTER_DAYS = 730  # a contested status with no report for longer than this is stale
ENCLAVE_AFTER_DAYS = 30  # a district on its own side for longer than this is worth a review
ALIGNED = ("pro-government", "pro-opposition", "kurdish")
SOURCING_MARK = "Sourcing:"  # a note's sentence saying why a change rests on aligned or mirror sources
_DISAGREEMENT = re.compile(r"\b(?:disagree|conflict|contradict|dispute)", re.IGNORECASE)
_CONTESTED = STATUSES.index("contested")


def audit_warnings(theatre: Theatre) -> list[Problem]:
    """Every audit warning about a valid theatre, sorted by file and row."""
    found = [
        *_unrated_sources(theatre),
        *_confidence(theatre),
        *_weak_sources(theatre),
        *_copies_rated_alike(theatre),
        *_disagreements(theatre),
        *_one_sided(theatre),
        *_copies_without_original(theatre),
        *_stale_contested(theatre),
        *_after_end_event(theatre),
        *_enclaves(theatre),
    ]
    return sorted(found, key=Problem.sort_key)


def _warn(file: str, where: str | int, message: str) -> Problem:
    """A warning at a place, or (given a number) in that row of a CSV file."""
    if isinstance(where, str):
        return Problem(file, where, message, "warning")
    return Problem.in_row(file, where, message, "warning")


def _rated(theatre: Theatre) -> bool:
    """Whether the theatre rates its sources at all (a sources.csv with some ``kind``)."""
    return bool((theatre.sources["kind"] != "").any())


def _unrated_sources(theatre: Theatre) -> list[Problem]:
    if not _rated(theatre):
        return []
    return [
        _warn(SOURCES_FILE, f"id {source_id!r}", f"{column} is empty (rate every source: see data/README.md)")
        for source_id, row in theatre.sources.iterrows()
        for column in ("kind", "alignment")
        if not row[column]
    ]


def _confidence(theatre: Theatre) -> list[Problem]:
    """The editor's confidence checked against the method, in a theatre that does not record
    ``names`` (where it does, geo/changes.py computes the confidence and a difference is an error)."""
    changes = theatre.changes
    if (changes["names"] != "").any():
        return []
    inferred = changes["note"].str.startswith("Inferred")
    found = [
        _warn(
            CHANGES_FILE,
            row.row,
            f"is inferred (its note starts with 'Inferred') but confidence is {row.confidence or 'empty'!r} "
            "(an inferred change is 'low')",
        )
        for row in changes.loc[inferred & (changes["confidence"] != "low")].itertuples(index=False)
    ]
    for row in changes.loc[~inferred & (changes["confidence"] == "high")].itertuples(index=False):
        count = (
            independent_reports(theatre.sources, row.sources.split()) if row.sources else len(row.source_url.split())
        )
        if count < HIGH_NEEDS_REPORTS:
            found.append(
                _warn(
                    CHANGES_FILE,
                    row.row,
                    f"confidence is 'high' but the change cites {count} independent report(s) "
                    f"('high' needs {HIGH_NEEDS_REPORTS} naming the district; otherwise 'medium')",
                )
            )
    return found


def _weak_sources(theatre: Theatre) -> list[Problem]:
    """A change whose cited sources are all blogs, encyclopedias or mirrors (none a copy of a
    named report), unless a reviewer marked it ``reviewed`` ``weak``. An inferred change is
    left out: it rests on its note's reasoning, which says so, not on its sources."""
    if not _rated(theatre):
        return []
    table = theatre.sources
    changes = theatre.changes
    found = []
    for row in changes.loc[changes["sources"] != ""].itertuples(index=False):
        if "weak" in row.reviewed.split() or is_inferred(row.note):
            continue
        cited = [table.loc[i] for i in row.sources.split() if i in table.index]
        if cited and all(s["kind"] in WEAK_KINDS and not s["origin"] and not s["original"] for s in cited):
            described = ", ".join(f"{s['publisher']} ({s['kind']})" for s in cited)
            found.append(
                _warn(
                    CHANGES_FILE,
                    row.row,
                    f"rests only on a blog, an encyclopedia or a mirror: {described} (cite a report; if none is "
                    "found, mark the change reviewed 'weak' and say so in the note)",
                )
            )
    return found


def _copies_rated_alike(theatre: Theatre) -> list[Problem]:
    """Sources by one writer (a wire and its copies, one outlet's reports) rated with different alignments."""
    if not _rated(theatre):
        return []
    table = theatre.sources
    by_writer: dict[str, dict[str, list[str]]] = {}
    for source_id in table.index:
        alignment = table.loc[source_id, "alignment"]
        if alignment:
            by_writer.setdefault(writer(table, source_id), {}).setdefault(alignment, []).append(source_id)
    found = []
    for name, ratings in by_writer.items():
        if len(ratings) > 1:
            described = "; ".join(f"{a}: {', '.join(ids)}" for a, ids in sorted(ratings.items()))
            first = min(table.loc[i, "row"] for ids in ratings.values() for i in ids)
            found.append(
                _warn(
                    SOURCES_FILE,
                    int(first),
                    f"reports written by {name!r} are rated with different alignments ({described}); "
                    "rate every copy of one writer alike",
                )
            )
    return found


def _disagreements(theatre: Theatre) -> list[Problem]:
    changes = theatre.changes
    undated = (changes["alt_date"] == "") & (changes["disputed_by"] == "")
    says = changes["note"].str.contains(_DISAGREEMENT.pattern, case=False, regex=True)
    found = [
        _warn(
            CHANGES_FILE,
            row,
            "note says sources disagree but alt_date and disputed_by are empty "
            "(record the other date in alt_date and the reports that differ in disputed_by)",
        )
        for row in changes.loc[says & undated, "row"]
    ]
    found += [
        _warn(CHANGES_FILE, row, "alt_date is given but disputed_by names no report giving it")
        for row in changes.loc[(changes["alt_date"] != "") & (changes["disputed_by"] == ""), "row"]
    ]
    return found


def _one_sided(theatre: Theatre) -> list[Problem]:
    if not _rated(theatre):
        return []
    table = theatre.sources
    changes = theatre.changes
    explained = changes["note"].str.startswith("Inferred") | changes["note"].str.contains(SOURCING_MARK, regex=False)
    found = []
    for row in changes.loc[~explained & (changes["sources"] != "")].itertuples(index=False):
        cited = [table.loc[i] for i in row.sources.split() if i in table.index]
        if cited and all(s["alignment"] in ALIGNED or s["kind"] == MIRROR for s in cited):
            described = ", ".join(
                f"{s['publisher']} ({s['alignment'] if s['kind'] != MIRROR else s['kind']})" for s in cited
            )
            found.append(
                _warn(
                    CHANGES_FILE,
                    row.row,
                    f"rests only on aligned or mirror sources: {described} "
                    f"(add an independent report, or say why in the note with a '{SOURCING_MARK}' sentence)",
                )
            )
    return found


def _copies_without_original(theatre: Theatre) -> list[Problem]:
    if not (theatre.sources["original"] != "").any():
        return []
    originals = {i: o for i, o in theatre.sources["original"].items() if o}
    found = []
    for row in theatre.changes.loc[theatre.changes["sources"] != ""].itertuples(index=False):
        ids = row.sources.split()
        missing = [f"{i} (copy of {originals[i]})" for i in ids if i in originals and originals[i] not in ids]
        if missing:
            found.append(_warn(CHANGES_FILE, row.row, f"cites a copy without its original: {', '.join(missing)}"))
    return found


def _stale_contested(theatre: Theatre) -> list[Problem]:
    """A contested run with more than ``STALE_AFTER_DAYS`` between two reports on the district.

    The reports are the run's changes (its start and any repeats that confirm it), the
    events whose ``districts`` name the district, and the change that ends the run; a run
    still open at the theatre's end is measured to that end.
    """
    columns = ["district_id", "day", "status", "reviewed", "row", "date"]
    ordered = theatre.changes[columns].iloc[theatre.change_positions_by_district].reset_index(drop=True)
    if ordered.empty:
        return []
    district = ordered["district_id"].to_numpy()
    day = ordered["day"].to_numpy()
    contested = (ordered["status"] == "contested").to_numpy()
    last_of_district = np.append(district[1:] != district[:-1], True)
    next_day = np.where(last_of_district, day_number(theatre.meta.end_date), np.append(day[1:], 0))
    run_starts = contested & (np.insert(~contested[:-1], 0, True) | np.insert(last_of_district[:-1], 0, True))
    run = np.cumsum(run_starts)
    reviewed = ordered["reviewed"].str.contains(r"\bstale\b", regex=True).to_numpy()
    reviewed_runs = set(run[contested & reviewed])
    named = theatre.events.get("districts", pd.Series("", index=theatre.events.index))
    event_days: dict[str, list[int]] = {}
    for cell, event_day in zip(named, theatre.events["day"], strict=True):
        for district_id in cell.split():
            event_days.setdefault(district_id, []).append(int(event_day))
    found, seen_runs = [], set()
    for k in np.flatnonzero(contested & (next_day - day > STALE_AFTER_DAYS)):
        if run[k] in reviewed_runs or run[k] in seen_runs:
            continue
        points = sorted([int(day[k]), *(d for d in event_days.get(district[k], []) if day[k] < d < next_day[k])])
        points.append(int(next_day[k]))
        gaps = np.diff(points)
        worst = int(np.argmax(gaps))
        if gaps[worst] <= STALE_AFTER_DAYS:
            continue
        seen_runs.add(run[k])
        start = int(np.flatnonzero(run_starts & (run == run[k]))[0])
        found.append(
            _warn(
                CHANGES_FILE,
                int(ordered["row"].iloc[start]),
                f"{district[k]!r} is contested from {ordered['date'].iloc[start]} with no report on it from "
                f"{from_day_number(points[worst])} to {from_day_number(points[worst + 1])} "
                f"(more than {STALE_AFTER_DAYS} days): confirm it with a dated report (a repeated change "
                "or an event naming the district), or record when it ended",
            )
        )
    return found


def _sides_mask(cells: pd.Series) -> np.ndarray:
    """Per change, a bit per side named in ``sides`` (0 where none is named), plus a last
    0 so that indexing with -1 (no change yet) finds no sides."""
    bits = {side: 1 << STATUSES.index(side) for side in SIDES}
    return np.array([*(sum(bits[s] for s in set(cell.split())) for cell in cells), 0], dtype=np.int64)


def _after_end_event(theatre: Theatre) -> list[Problem]:
    event = theatre.meta.end_event
    if event is None:
        return []
    ended = {STATUSES.index(s) for s in event.ends}
    ended_bits = sum(1 << code for code in ended)
    masks = _sides_mask(theatre.changes["sides"])
    later = [from_day_number(d) for d in theatre.change_days if d > day_number(event.date)]
    found: dict[str, Problem] = {}
    for when in [event.date, *later]:
        codes = theatre.status_codes_at(when)
        latest = theatre.latest_change_positions(when)
        for i in np.flatnonzero(np.isin(codes, list(ended)) | (codes == _CONTESTED)):
            mask = masks[latest[i]]
            if codes[i] == _CONTESTED and mask and not mask & ended_bits:
                continue  # split only between sides that remain after the end event
            district_id = theatre.district_ids[i]
            found.setdefault(
                district_id,
                _warn(
                    CHANGES_FILE,
                    f"district {district_id!r}",
                    f"is {STATUSES[codes[i]]!r} on {when}, after the end event of {event.date} "
                    f"({event.title or 'theatre.json end_event'}); record how it ended",
                ),
            )
    return list(found.values())


def _enclaves(theatre: Theatre) -> list[Problem]:
    """A district whose side differs from every neighbour's for more than ``ENCLAVE_AFTER_DAYS``.

    Walks the change days once, keeping every district's status and ``sides`` up to
    date and re-checking only the districts that changed and their neighbours.
    """
    ids = theatre.district_ids
    adjacent = neighbours(theatre.districts.geometry, ids)
    index = {d: k for k, d in enumerate(ids)}
    pairs = np.array([(index[a], index[b]) for a, near in adjacent.items() for b in near], dtype=np.int64)
    if not len(pairs):
        return []
    a, b = pairs[:, 0], pairs[:, 1]
    degree = np.bincount(a, minlength=len(ids))
    side_codes = np.array([STATUSES.index(s) for s in SIDES])
    changes = theatre.changes
    where = pd.Index(ids).get_indexer(changes["district_id"])
    status = pd.Categorical(changes["status"], categories=STATUSES).codes.astype(np.int64)
    sides = _sides_mask(changes["sides"])[:-1]
    change_day = changes["day"].to_numpy()
    codes = np.full(len(ids), STATUSES.index(theatre.meta.initial_status), dtype=np.int64)
    mask = np.zeros(len(ids), dtype=np.int64)
    days, firsts = np.unique(change_day, return_index=True)
    lasts = np.append(firsts[1:], len(changes))[: len(firsts)]
    span = {int(d): (lo, hi) for d, lo, hi in zip(days, firsts, lasts, strict=True)}
    start = day_number(theatre.meta.start_date)
    bounds = [start, *(int(d) for d in days if d > start), day_number(theatre.meta.end_date) + 1]
    run_start = np.full(len(ids), -1, dtype=np.int64)
    found = []
    marked = set(changes.loc[changes["reviewed"].str.contains(r"\benclave\b", regex=True), "district_id"])

    def close(i: int, until: int) -> None:
        length = until - run_start[i]
        if length <= ENCLAVE_AFTER_DAYS:
            return
        if ids[i] not in marked or not _reviewed_enclave(theatre, ids[i], int(run_start[i]), until):
            found.append(
                _warn(
                    CHANGES_FILE,
                    f"district {ids[i]!r}",
                    f"holds a side that no neighbour shares from {from_day_number(run_start[i])} to "
                    f"{from_day_number(until - 1)} ({length} days): review it, and if sources confirm the "
                    "enclave mark its change reviewed 'enclave'",
                )
            )

    is_side = np.isin(np.arange(len(STATUSES)), side_codes)
    alone = np.zeros(len(ids), dtype=bool)
    for day in bounds[:-1]:
        touched = np.ones(len(ids), dtype=bool) if day == start else np.zeros(len(ids), dtype=bool)
        if day in span:  # changes are sorted by day, file order kept: the last of a day wins, as in state_at
            lo, hi = span[day]
            codes[where[lo:hi]] = status[lo:hi]
            mask[where[lo:hi]] = sides[lo:hi]
            touched[where[lo:hi]] = True
        touched[b[touched[a]]] = True  # a change can cut off or reconnect its neighbours too
        sa, sb = a[touched[a]], b[touched[a]]
        shares = (codes[sb] == codes[sa]) | (
            (codes[sb] == _CONTESTED) & ((mask[sb] == 0) | ((mask[sb] >> codes[sa]) & 1).astype(bool))
        )
        agreeing = np.bincount(sa, weights=shares, minlength=len(ids))
        checked = np.flatnonzero(touched)
        alone[checked] = (degree[checked] > 0) & (agreeing[checked] == 0) & is_side[codes[checked]]
        run_start[checked[alone[checked] & (run_start[checked] < 0)]] = day
        for i in checked[~alone[checked] & (run_start[checked] >= 0)]:
            close(int(i), day)
            run_start[i] = -1
    for i in np.flatnonzero(run_start >= 0):
        close(int(i), bounds[-1])
    return found


def _reviewed_enclave(theatre: Theatre, district_id: str, start: int, until: int) -> bool:
    """Whether a change of the district in effect during ``[start, until]`` is marked reviewed 'enclave'."""
    positions = theatre.change_positions(district_id)
    rows = theatre.changes.iloc[positions]
    days = rows["day"].to_numpy()
    in_effect = (days <= until) & (np.append(days[1:], until + 1) > start)
    return any("enclave" in cell.split() for cell in rows["reviewed"].to_numpy()[in_effect])
