"""The theatre's large derived texts the dashboard serves, kept beside its cache entry.

The districts' shapes, their timelines and the front line's borders as JSON, and the
sourcing summary, take seconds to compute at 10,000 districts x 1,000,000 changes.
Each is computed once per data version and stored in the theatre's on-disk cache entry
(:func:`geo.cache.cached_text`), by the first process that needs it or ahead of time by
``python -m geo cache`` (:func:`warm`), so a fresh server process reads them as files.
"""

from __future__ import annotations

import json

from geo.cache import cached_json, cached_text
from geo.export import districts_geojson
from geo.frontline import borders_payload
from geo.quality import sourcing_summary
from geo.theatre import Theatre

_UNSAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def script_json(value) -> str:
    """JSON text that is also safe inside an HTML ``<script>`` element."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for char, escaped in _UNSAFE.items():
        text = text.replace(char, escaped)
    return text


def shapes_text(theatre: Theatre) -> str:
    """:func:`geo.export.districts_geojson` as :func:`script_json` text."""
    return cached_text(theatre, "shapes.json", lambda: script_json(districts_geojson(theatre)))


def timeline_text(theatre: Theatre) -> str:
    """:meth:`geo.Theatre.timelines` as :func:`script_json` text."""
    return cached_text(theatre, "timeline.json", lambda: script_json(theatre.timelines()))


def frontline_text(theatre: Theatre) -> str:
    """The borders between neighbours (:func:`geo.frontline.borders_payload`) as :func:`script_json` text."""
    return cached_text(theatre, "frontline.json", lambda: script_json(borders_payload(theatre.borders)))


def sourcing(theatre: Theatre) -> dict[str, int]:
    """:func:`geo.quality.sourcing_summary`, kept beside the cache entry."""
    return cached_json(theatre, "sourcing.json", lambda: sourcing_summary(theatre))


def warm(theatre: Theatre) -> None:
    """Compute and store every payload of this module (``python -m geo cache``), so that a fresh
    server process for this data version finds them all on disk."""
    shapes_text(theatre)
    timeline_text(theatre)
    frontline_text(theatre)
    sourcing(theatre)
