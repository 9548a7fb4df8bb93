"""Colours for each status: Okabe–Ito, safe for the common forms of colour blindness.

``contested`` is the only yellow fill and the only dashed outline, so it never
reads as any single side. Text on a status colour (the panel's badges) is black or
white, whichever contrasts more with that colour (WCAG 2 contrast, at least 4.5:1;
a test checks every badge).

The map draws fills translucent over the base map's light tiles, in both page themes.
The legend shows each swatch as the solid colour that blend makes (:func:`blend`), so
it reads the same on a light or a dark page and matches the map, paler swatches too.
"""

from __future__ import annotations

from geo.statuses import STATUSES

#: Fill opacity of a stated status and of one resting on a low-confidence change.
FILL_OPACITY = {"stated": 0.62, "low": 0.3}
#: Compare mode's outline of a district whose status differs from the "from" date (Okabe–Ito
#: blue: no status uses it; mapui/map/district_layer.js draws it).
CHANGED_OUTLINE = "#0072B2"
#: The land colour of the OpenStreetMap tiles under the districts.
MAP_BACKGROUND = "#F2EFE9"

STATUS_STYLES: dict[str, dict] = {
    "government": {"fillColor": "#D55E00", "color": "#7a3600", "dashArray": None},
    "opposition": {"fillColor": "#009E73", "color": "#00553e", "dashArray": None},
    "kurdish": {"fillColor": "#CC79A7", "color": "#7d3f63", "dashArray": None},
    "isil": {"fillColor": "#000000", "color": "#000000", "dashArray": None},
    "contested": {"fillColor": "#F0E442", "color": "#5c5500", "dashArray": "6 4"},
    "unknown": {"fillColor": "#BBBBBB", "color": "#666666", "dashArray": "2 4"},
}
assert set(STATUS_STYLES) == set(STATUSES)


def _channels(colour: str) -> tuple[float, float, float]:
    value = colour.lstrip("#")
    return tuple(int(value[i : i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]


def relative_luminance(colour: str) -> float:
    """WCAG 2 relative luminance of a ``#rrggbb`` colour."""
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in _channels(colour)]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2 contrast ratio of two ``#rrggbb`` colours (1 to 21)."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def text_colour_on(background: str) -> str:
    """Black or white, whichever contrasts more with ``background``."""
    return max(("#000000", "#FFFFFF"), key=lambda text: contrast_ratio(text, background))


def blend(colour: str, opacity: float, over: str = MAP_BACKGROUND) -> str:
    """The solid colour ``colour`` makes at ``opacity`` over ``over``."""
    mixed = (opacity * c + (1 - opacity) * b for c, b in zip(_channels(colour), _channels(over), strict=True))
    return "#" + "".join(f"{round(255 * c):02X}" for c in mixed)


for _style in STATUS_STYLES.values():
    _style["textColor"] = text_colour_on(_style["fillColor"])
    _style["legendFill"] = blend(_style["fillColor"], FILL_OPACITY["stated"])
    _style["legendPaleFill"] = blend(_style["fillColor"], FILL_OPACITY["low"])


def styles_in_code_order(labels: dict[str, str] | None = None) -> list[dict]:
    """Styles indexed like ``STATUSES``, for the map's script and the static site, each with its
    ``label`` from ``labels`` (status -> text in the interface language) when given and the
    ``textColor`` a badge of that status writes in (:func:`text_colour_on` its fill)."""
    return [
        dict(
            STATUS_STYLES[s],
            status=s,
            label=(labels or {}).get(s, s),
            textColor=text_colour_on(STATUS_STYLES[s]["fillColor"]),
        )
        for s in STATUSES
    ]
