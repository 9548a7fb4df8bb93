"""A loaded theatre and its queries: state at a date, history, changes in a range."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import cached_property
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from geo.areas import areas_km2
from geo.confidence import confidence_basis
from geo.dates import day_number, from_day_number, parse_date
from geo.districts import suggest_id
from geo.errors import DateError, Problem, UnknownDistrictError
from geo.events import no_events
from geo.frontline import Borders, front_mask
from geo.layers import EvidenceLayer
from geo.meta import TheatreMeta
from geo.statuses import STATUSES, encode_status_chars
from geo.tables import SOURCES_FILE, empty_table

STATE_COLUMNS = [
    "district_id",
    "name_en",
    "name_ar",
    "alt_names",
    "status",
    "since",
    "date_precision",
    "confidence",
    "source_url",
]
HISTORY_COLUMNS = ["date", "date_precision", "status", "note", "source_url", "confidence"]
# What the panel shows besides: source ids (for their ratings) and how a change records disagreement.
DETAIL_COLUMNS = ["sources", "alt_date", "disputed_by", "sides", "names"]


def positions_in(values: pd.Series, labels: Sequence[str]) -> np.ndarray:
    """Each value's position in ``labels`` (-1 where it is not one), found by Arrow: a million
    Arrow-backed strings take milliseconds, where pandas first made a Python string of each."""
    if len(values) == 0:
        return np.zeros(0, dtype=np.int64)
    arrow = pa.array(values, from_pandas=True)
    found = pc.index_in(arrow, value_set=pa.array(list(labels), type=arrow.type))
    return found.fill_null(-1).to_numpy(zero_copy_only=False)


class Theatre:
    """Districts, their dated control changes and the theatre's metadata.

    Build it with :func:`geo.load_theatre`, which validates the files first.
    ``changes`` must be sorted by ``day`` (ties in file order).
    """

    def __init__(
        self,
        meta: TheatreMeta,
        districts: gpd.GeoDataFrame,
        changes: pd.DataFrame,
        *,
        directory: Path | None = None,
        sources: pd.DataFrame | None = None,
        events: pd.DataFrame | None = None,
        layers: list[EvidenceLayer] | None = None,
    ):
        self.meta = meta
        self.layers: list[EvidenceLayer] = list(layers or [])
        self.districts = districts
        self.changes = changes
        self.directory = directory
        self.sources = sources if sources is not None else empty_table(SOURCES_FILE).set_index("id")
        self.events = events if events is not None else no_events()
        self.warnings: list[Problem] = []
        self.cache_folder: Path | None = None  # set by geo.cache.load_theatre_cached
        self.district_ids: list[str] = districts["district_id"].tolist()
        self._position = pd.Index(self.district_ids)
        self._position_of = {district_id: i for i, district_id in enumerate(self.district_ids)}
        self._status_codes = {status: code for code, status in enumerate(STATUSES)}

        codes = positions_in(changes["district_id"], self.district_ids).astype(np.int64)
        order = np.lexsort((np.arange(len(changes)), changes["day"].to_numpy(), codes))
        self.base_day = day_number(meta.start_date)
        self._keys = (codes[order] << 32) | (changes["day"].to_numpy()[order] - self.base_day)
        self.change_positions_by_district = order  # positions in `changes`, by district then date, as `_keys`
        self._change_district = codes[order]
        self._status_of_change = positions_in(changes["status"], STATUSES).astype(np.int8)
        confidence = changes["confidence"] if "confidence" in changes else pd.Series("", index=changes.index)
        self._low_of_change = (confidence == "low").to_numpy()
        self.change_days = np.unique(changes["day"].to_numpy())
        # The columns' arrays, for the per-rerun look-ups of one district (pandas' row access costs
        # milliseconds); not converted to Python strings up front (a million changes would take
        # seconds and hundreds of megabytes).
        self._change_text = {c: changes[c].array for c in (*HISTORY_COLUMNS, *DETAIL_COLUMNS)}
        self._district_text = {
            c: districts[c].to_numpy(dtype=object)
            for c in ("name_en", "name_ar", "alt_names", "name_note", "place_source_url", "geometry_source")
        }

    # ---- identity -------------------------------------------------------
    @cached_property
    def version(self) -> str:
        """The short data version of the theatre's files (:func:`geo.version.data_version`);
        empty for a theatre not loaded from a directory."""
        from geo.version import data_version

        return data_version(self.directory) if self.directory is not None else ""

    # ---- measured once ----------------------------------------------------
    @cached_property
    def areas_km2(self) -> np.ndarray:
        """Each district's area in km² (order of ``district_ids``), measured once on its shape
        in a metric CRS (:func:`geo.areas.areas_km2`)."""
        return areas_km2(self.districts)

    @property
    def change_codes_by_district(self) -> tuple[np.ndarray, np.ndarray]:
        """The changes' district codes (positions in ``district_ids``) and status codes
        (positions in ``STATUSES``), in the order of ``change_positions_by_district``."""
        return self._change_district, self._status_of_change[self.change_positions_by_district].astype(np.int64)

    # ---- serialised for the browser ------------------------------------
    def timelines(self) -> dict:
        """Every district's changes in a compact form, for computing states elsewhere.

        Returns
        -------
        dict
            ``base_day`` (day number of the start date), ``initial`` (status code),
            ``offsets`` (N+1 ints: district i's changes are ``offsets[i]:offsets[i+1]``),
            ``days`` (days after ``base_day``, ascending per district) and ``codes``
            (one character per change: its status and confidence in the format of
            :data:`geo.statuses.STATUS_CHAR_BASES`). Same-day changes keep file order,
            so the last one on a day wins, as in :meth:`state_at`.
        """
        counts = np.bincount(self._change_district, minlength=len(self.district_ids))
        return {
            "base_day": int(self.base_day),
            "initial": int(self._status_codes[self.meta.initial_status]),
            "offsets": np.concatenate([[0], np.cumsum(counts)]).tolist(),
            "days": (self._keys & 0xFFFFFFFF).tolist(),
            "codes": encode_status_chars(
                self._status_of_change[self.change_positions_by_district],
                self._low_of_change[self.change_positions_by_district],
            ),
        }

    # ---- the front line ---------------------------------------------------
    @cached_property
    def borders(self) -> Borders:
        """Every border between neighbouring districts (computed on first use, then kept)."""
        return Borders.of(self.districts.geometry)

    def front_line_at(self, value: str | dt.date) -> np.ndarray:
        """Which of :attr:`borders` are on the front line on a date (see :mod:`geo.frontline`)."""
        return front_mask(self.status_codes_at(value), self.borders.pairs)

    def bordering_sides(self, district_id: str, value: str | dt.date) -> dict[str, list[str]]:
        """The statuses of a district's neighbours on a date, each with the neighbours' ids
        (in ``STATUSES`` order, statuses no neighbour has left out).

        Raises
        ------
        UnknownDistrictError
            If ``district_id`` is not in the theatre.
        """
        position = self.require_district(district_id)
        codes = self.status_codes_at(value)
        found: dict[str, list[str]] = {}
        for neighbour in self.borders.neighbours_of(position):
            found.setdefault(STATUSES[codes[neighbour]], []).append(self.district_ids[neighbour])
        return {status: found[status] for status in STATUSES if status in found}

    # ---- look-ups -------------------------------------------------------
    def require_district(self, district_id: str) -> int:
        """Position of ``district_id``; raises UnknownDistrictError with a suggestion."""
        position = self._position_of.get(district_id, -1) if isinstance(district_id, str) else -1
        if position < 0:
            raise UnknownDistrictError(district_id, suggest_id(str(district_id), self.district_ids))
        return int(position)

    def require_date(self, value: str | dt.date) -> dt.date:
        """Parse ``value`` and require it within the theatre's range.

        Raises
        ------
        DateError
            If ``value`` is not a date as YYYY-MM-DD or lies outside the range.
        """
        day = parse_date(value)
        if not self.meta.start_date <= day <= self.meta.end_date:
            raise DateError(f"date {day} is outside {self.meta.start_date} to {self.meta.end_date}")
        return day

    def latest_change_positions(self, value: str | dt.date) -> np.ndarray:
        """Per district (order of ``district_ids``), the position in ``changes`` of the
        change in effect on a date, or -1 where the initial status still holds."""
        return self._latest_change_index(value)

    def _latest_change_index(self, value: str | dt.date) -> np.ndarray:
        """Per district, the position in ``self.changes`` of its latest change on or
        before the date, or -1 where it has none yet."""
        day = day_number(parse_date(value))
        codes = np.arange(len(self.district_ids), dtype=np.int64)
        if not len(self._keys):
            return np.full(len(codes), -1, dtype=np.int64)
        found = np.searchsorted(self._keys, (codes << 32) | (day - self.base_day), side="right") - 1
        at = np.clip(found, 0, None)
        valid = (found >= 0) & (self._change_district[at] == codes)
        return np.where(valid, self.change_positions_by_district[at], -1)

    def status_codes_at(self, value: str | dt.date) -> np.ndarray:
        """Status of every district on a date as int8 codes into ``STATUSES``,
        in the order of ``district_ids``. The fast path for map restyling."""
        latest = self._latest_change_index(value)
        initial = self._status_codes[self.meta.initial_status]
        statuses = np.full(len(latest), initial, dtype=np.int8)
        has = latest >= 0
        statuses[has] = self._status_of_change[latest[has]]
        return statuses

    def low_confidence_at(self, value: str | dt.date) -> np.ndarray:
        """Per district (order of ``district_ids``), whether its status on a date
        rests on a change of low confidence. The initial status is not low."""
        latest = self._latest_change_index(value)
        low = np.zeros(len(latest), dtype=bool)
        has = latest >= 0
        low[has] = self._low_of_change[latest[has]]
        return low

    def state_at(self, value: str | dt.date) -> pd.DataFrame:
        """Every district's status on a date.

        A district's status is that of its latest change on or before the date, with
        that change's date precision and confidence (what the map shows: a low one
        paler); before its first change it is the theatre's initial status, since the
        theatre's start date, with no source and an empty precision and confidence.

        Returns
        -------
        pandas.DataFrame
            Columns ``district_id, name_en, name_ar, alt_names, status, since,
            date_precision, confidence, source_url, note``, one row per district in
            file order.
        """
        latest = self._latest_change_index(value)
        has = latest >= 0
        picked = self.changes.iloc[np.where(has, latest, 0)] if len(self.changes) else None
        frame = pd.DataFrame(
            {
                "district_id": self.district_ids,
                "name_en": self.districts["name_en"].to_numpy(),
                "name_ar": self.districts["name_ar"].to_numpy(),
                "alt_names": self.districts["alt_names"].to_numpy(),
            }
        )

        def take(column: str, default: str) -> np.ndarray:
            if picked is None:
                return np.full(len(frame), default, dtype=object)
            return np.where(has, picked[column].to_numpy(), default)

        frame["status"] = take("status", self.meta.initial_status)
        frame["since"] = take("date", self.meta.start_date.isoformat())
        frame["date_precision"] = take("date_precision", "")
        frame["confidence"] = take("confidence", "")
        frame["source_url"] = take("source_url", "")
        frame["note"] = take("note", "")
        return frame

    def status_counts_at(self, value: str | dt.date) -> dict[str, int]:
        """How many districts have each status on a date (every status, zeros included)."""
        return count_statuses(self.status_codes_at(value))

    def district_at(self, district_id: str, value: str | dt.date) -> dict:
        """One district's row of :meth:`state_at` as a dict, with ``name_note``,
        ``place_source_url`` (the URLs backing its location and other names) and
        ``geometry_source`` (how its shape was made; ``"approximate"`` for a drawn one).

        Raises
        ------
        UnknownDistrictError
            If ``district_id`` is not in the theatre.
        """
        position = self.require_district(district_id)
        span = self._district_slice(position)
        day = day_number(parse_date(value)) - self.base_day
        found = span.start + int(np.searchsorted(self._keys[span] & 0xFFFFFFFF, day, side="right")) - 1
        row = {"district_id": district_id} | {c: values[position] for c, values in self._district_text.items()}
        if found < span.start:
            return row | {
                "status": self.meta.initial_status,
                "since": self.meta.start_date.isoformat(),
                "date_precision": "",
                "confidence": "",
                "source_url": "",
                "note": "",
                "sources": " ".join(self.meta.initial_sources),
                "sides": "",
            }
        change = self.change_positions_by_district[found]
        text = self._change_text
        return row | {
            "status": text["status"][change],
            "since": text["date"][change],
            "date_precision": text["date_precision"][change],
            "confidence": text["confidence"][change],
            "source_url": text["source_url"][change],
            "note": text["note"][change],
            "sources": text["sources"][change],
            "sides": text["sides"][change],
        }

    def citations(self, ids: str) -> list[dict[str, str]]:
        """The reports behind space-separated source ids: ``id``, ``url``, ``publisher``, ``kind``,
        ``alignment`` and ``origin`` (empty where the theatre does not rate its sources or the
        publisher wrote the report), in the order given; ids not in ``sources.csv`` are left out."""
        known = self._citation_by_id
        return [dict(known[i]) for i in dict.fromkeys(ids.split()) if i in known]

    @cached_property
    def _citation_by_id(self) -> dict[str, dict[str, str]]:
        table = self.sources
        columns = ("url", "publisher", "kind", "alignment", "origin")
        rows = zip(*(table[c].astype(str).tolist() for c in columns), strict=True)
        return {
            str(i): {"id": str(i), **dict(zip(columns, row, strict=True))}
            for i, row in zip(table.index, rows, strict=True)
        }

    @cached_property
    def records_names(self) -> bool:
        """Whether the theatre records which cited reports name each district (``names``), so
        that confidence is computed (geo/confidence.py) rather than stated by the editor."""
        return bool((self.changes["names"] != "").any()) if "names" in self.changes else False

    def history(self, district_id: str) -> pd.DataFrame:
        """A district's changes in date order (columns ``HISTORY_COLUMNS`` and ``DETAIL_COLUMNS``),
        and ``basis``: each change's :class:`geo.confidence.ConfidenceBasis` where the theatre
        records ``names`` (:attr:`records_names`), else ``None``.

        Raises
        ------
        UnknownDistrictError
            If ``district_id`` is not in the theatre.
        """
        positions = self.change_positions(district_id)
        frame = pd.DataFrame(
            {
                c: self._change_text[c].take(positions).to_numpy(dtype=object)
                for c in (*HISTORY_COLUMNS, *DETAIL_COLUMNS)
            }
        )
        frame["basis"] = [
            confidence_basis(row.note, row.sources, row.names, self.sources, disputed_by=row.disputed_by)
            if self.records_names
            else None
            for row in frame.itertuples(index=False)
        ]
        return frame

    def change_positions(self, district_id: str) -> np.ndarray:
        """Positions in ``changes`` of one district's changes, in date order."""
        return self.change_positions_by_district[self._district_slice(self.require_district(district_id))]

    def events_near(self, value: str | dt.date, *, days: int = 30) -> pd.DataFrame:
        """Context events that overlap the ``days`` before and after a date, in date order."""
        day = day_number(parse_date(value))
        near = (self.events["end_day"].to_numpy() >= day - days) & (self.events["day"].to_numpy() <= day + days)
        return self.events.iloc[np.flatnonzero(near)][["date", "end_date", "title", "note", "source_url"]].reset_index(
            drop=True
        )

    def _district_slice(self, position: int) -> slice:
        """Where one district's changes sit in the (district, day)-sorted arrays."""
        lo, hi = np.searchsorted(self._keys, [position << 32, (position + 1) << 32], side="left")
        return slice(int(lo), int(hi))

    def changes_between(self, start: str | dt.date, end: str | dt.date) -> pd.DataFrame:
        """Changes dated from ``start`` to ``end`` inclusive, in date order."""
        lo, hi = day_number(parse_date(start, field="start")), day_number(parse_date(end, field="end"))
        if lo > hi:
            raise DateError(f"start {start} is after end {end}")
        days = self.changes["day"].to_numpy()
        window = self.changes.iloc[np.searchsorted(days, lo, "left") : np.searchsorted(days, hi, "right")]
        return window[["date", "district_id", "status", "note", "source_url", "date_precision"]].reset_index(drop=True)

    def statuses_set_on(self, value: str | dt.date) -> list[tuple[str, str]]:
        """(district id, new status) of each change dated ``value``, in the order of ``changes``
        (what :meth:`changes_between` gives for one day, without building a table)."""
        day = day_number(parse_date(value))
        lo, hi = (int(i) for i in np.searchsorted(self.changes["day"].to_numpy(), [day, day + 1]))
        districts, statuses = self.changes["district_id"].array[lo:hi], self.changes["status"].array[lo:hi]
        return list(zip(districts.tolist(), statuses.tolist(), strict=True))

    def previous_change_date(self, value: dt.date) -> dt.date | None:
        """The latest date before ``value`` on which any district changed."""
        index = np.searchsorted(self.change_days, day_number(value), "left") - 1
        return from_day_number(self.change_days[index]) if index >= 0 else None

    def next_change_date(self, value: dt.date) -> dt.date | None:
        """The earliest date after ``value`` on which any district changed."""
        index = np.searchsorted(self.change_days, day_number(value), "right")
        return from_day_number(self.change_days[index]) if index < len(self.change_days) else None


def count_statuses(codes: np.ndarray, *, where: np.ndarray | None = None) -> dict[str, int]:
    """How many of ``codes`` (from :meth:`Theatre.status_codes_at`) have each status,
    zeros included; with ``where``, only the codes it flags (e.g. :meth:`Theatre.low_confidence_at`)."""
    picked = np.asarray(codes) if where is None else np.asarray(codes)[np.asarray(where, dtype=bool)]
    counts = np.bincount(picked, minlength=len(STATUSES))
    return {status: int(n) for status, n in zip(STATUSES, counts, strict=True)}
