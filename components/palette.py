"""Colours for each status: Okabe–Ito, safe for the common forms of colour blindness.

``contested`` is the only yellow fill and the only dashed outline, so it never
reads as any single side.
"""

from __future__ import annotations

from geo.statuses import STATUS_LABELS, STATUSES

STATUS_STYLES: dict[str, dict] = {
    "government": {"fillColor": "#D55E00", "color": "#7a3600", "dashArray": None},
    "opposition": {"fillColor": "#009E73", "color": "#00553e", "dashArray": None},
    "kurdish": {"fillColor": "#CC79A7", "color": "#7d3f63", "dashArray": None},
    "isil": {"fillColor": "#000000", "color": "#000000", "dashArray": None},
    "contested": {"fillColor": "#F0E442", "color": "#5c5500", "dashArray": "6 4"},
    "unknown": {"fillColor": "#BBBBBB", "color": "#666666", "dashArray": "2 4"},
}
assert set(STATUS_STYLES) == set(STATUSES)


def styles_in_code_order() -> list[dict]:
    """Styles indexed like ``STATUSES``, with their labels, for the map's script."""
    return [dict(STATUS_STYLES[s], status=s, label=STATUS_LABELS[s]) for s in STATUSES]
