"""What one data version prepares for the dashboard's page, for every session: the view model.

The payloads the map fetches (shapes, timelines, front line, layers, control series), the
figures and chart specs of the page, the search index and the names per language, and a memo
of the pieces of the page made from them. No process machinery (caching, publishing, threads):
``dashboard_resources.py`` makes one per data version and keeps it.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any, TypeVar

import pandas as pd

from components.control_chart import control_specs, series_records
from components.js import js_literal
from components.timeline_chart import strip_spec
from geo import Theatre
from geo.layers import layer_payloads, layer_spec
from geo.payloads import frontline_text, shapes_text, sourcing, timeline_text
from geo.quality import changes_per_month, confidence_counts
from geo.search import SearchIndex
from geo.series import control_series
from mapui.i18n import LANGUAGES

MEMO_ENTRIES = 4096

T = TypeVar("T")


class Memo:
    """Pieces of the page made from one data version, kept for every session (least recently
    used dropped beyond ``entries``): readers scrubbing the same days and opening the same
    districts ask for the same texts, and a rerun's own work is most of a scrub's cost."""

    def __init__(self, *, entries: int = MEMO_ENTRIES):
        if entries < 1:
            raise ValueError(f"'entries' was {entries} but is expected to be at least 1")
        self.entries = entries
        self._kept: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, make: Callable[[], T]) -> T:
        """The value kept for ``key``, made by ``make()`` the first time (made outside the lock:
        two sessions may both make it; either result is kept)."""
        with self._lock:
            if key in self._kept:
                self._kept.move_to_end(key)
                return self._kept[key]
        value = make()
        with self._lock:
            self._kept[key] = value
            while len(self._kept) > self.entries:
                self._kept.popitem(last=False)
        return value

    def __len__(self) -> int:
        return len(self._kept)


@dataclass(frozen=True)
class Prepared:
    """One data version's view model (see the module's docstring)."""

    theatre: Theatre
    payloads: dict[str, str]  # shapes (".geojson"), timelines, control series, front line, layers: JSON text
    published: dict[str, str] | None  # their static paths, or None where they travel inline
    layer_specs: list[dict]  # the evidence layers' metadata for the map; data in payloads[".layer-<id>.json"]
    per_month: pd.Series
    sourcing: dict[str, int]
    confidence: dict[str, int]
    search_index: SearchIndex
    arabic_names: dict[str, str]  # district id -> Arabic name, where the data has one
    strip_specs: dict[str, dict]  # per interface language
    control_specs: dict[str, dict[str, dict]]  # per interface language, then per measure
    names: dict[str, dict[str, str]]  # per interface language: district id -> name (English where no Arabic)
    event_titles: dict[str, list[str]]  # ISO date -> titles of the events dated that day
    memo: Memo = field(default_factory=Memo, compare=False)


def view_model(theatre: Theatre, *, publish: Callable[[dict[str, str]], dict[str, str] | None]) -> Prepared:
    """The view model of ``theatre``. ``publish`` is given what the map and the control chart
    fetch, as JSON text by file suffix (the shapes ``.geojson``, the timelines, the control series,
    the front line, each evidence layer), and returns their static paths, or None where they
    travel inline."""
    evidence = layer_payloads(theatre.layers, theatre.areas_km2)
    per_month, series = changes_per_month(theatre), control_series(theatre)
    texts = {
        ".geojson": shapes_text(theatre),
        ".timeline.json": timeline_text(theatre),
        ".control.json": js_literal(series_records(series)),
        ".frontline.json": frontline_text(theatre),
        **{f".layer-{p['id']}.json": js_literal(p) for p in evidence},
    }
    published = publish(texts)
    start, end = theatre.meta.start_date, theatre.meta.end_date
    english = dict(zip(theatre.district_ids, theatre.districts["name_en"], strict=True))
    arabic = {d: n for d, n in zip(theatre.districts["district_id"], theatre.districts["name_ar"], strict=True) if n}
    event_titles: dict[str, list[str]] = {}
    for day, title in zip(theatre.events["date"], theatre.events["title"], strict=True):
        event_titles.setdefault(str(day), []).append(str(title))
    return Prepared(
        theatre=theatre,
        payloads=texts,
        published=published,
        layer_specs=[layer_spec(p) for p in evidence],
        per_month=per_month,
        sourcing=sourcing(theatre),
        confidence=confidence_counts(theatre),
        search_index=SearchIndex(theatre.districts),
        arabic_names=arabic,
        strip_specs={
            lang: strip_spec(changes_per_month=per_month, events=theatre.events, start=start, end=end, lang=lang)
            for lang in LANGUAGES
        },
        control_specs={
            lang: control_specs(
                series, start=start, end=end, data_url=published[".control.json"] if published else None, lang=lang
            )
            for lang in LANGUAGES
        },
        names={lang: english | arabic if lang == "ar" else english for lang in LANGUAGES},
        event_titles=event_titles,
    )
