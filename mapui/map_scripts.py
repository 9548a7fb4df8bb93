"""Where the map's browser code lives, its load order and the interface text it is handed;
no Streamlit, so the static site (static_site/build.py) loads exactly the files the dashboard's map does."""

from __future__ import annotations

from pathlib import Path

from geo.frontline import FRONT_STATUSES
from geo.statuses import STATUSES
from mapui.i18n import DIRECTIONS, catalogue, t

MAP_SCRIPTS = Path(__file__).with_name("map")
#: The map's browser code in load order (see the contract at the top of district_layer.js).
#: The page around the map (Streamlit's, or the static site's): the only file that reads it.
HOST_PAGE_FILE = "host_page.js"
MAP_SCRIPT_FILES = (
    HOST_PAGE_FILE,
    "status_timeline.js",
    "view_url.js",
    "playback.js",
    "touch.js",
    "canvas_raster.js",  # before district_layer.js, which draws many small districts with it
    "frontline.js",  # the overlays register themselves before district_layer.js starts them
    "labels.js",
    "evidence_layers.js",
    "legend.js",
    "district_layer.js",
    "view_sync.js",
)
#: The dashboard's loader: inline in every rerun's script, it fetches the library (the files above
#: and the styles below) from a static file once and holds the reruns' status calls until it has.
MAP_LOADER_FILE = "loader.js"
#: Styles inside the dashboard's map iframe (not the static site's page: they stop its document scrolling).
MAP_STYLES_FILE = "map.css"
#: The overlays' styles (names, legend, evidence layers), in the dashboard's map and the static site alike.
OVERLAY_STYLES_FILE = "overlays.css"


def map_library() -> str:
    """Every map script, concatenated in load order."""
    return "\n".join((MAP_SCRIPTS / name).read_text(encoding="utf-8") for name in MAP_SCRIPT_FILES)


def map_loader() -> str:
    """The dashboard map's loader (see the top of loader.js), after host_page.js, which it uses
    before the library (which holds host_page.js too) has arrived."""
    return "\n".join((MAP_SCRIPTS / name).read_text(encoding="utf-8") for name in (HOST_PAGE_FILE, MAP_LOADER_FILE))


def map_styles() -> str:
    """The styles of the dashboard's map document, its overlays' included."""
    return "\n".join(
        (MAP_SCRIPTS / name).read_text(encoding="utf-8") for name in (MAP_STYLES_FILE, OVERLAY_STYLES_FILE)
    )


#: The map script's interface text (options.text), from the catalogue's ``map.<key>``.
MAP_TEXT_KEYS = ("label", "lowConfidence", "loadError", "keyboardHelp")


def map_text(lang: str) -> dict[str, str]:
    """The map script's interface text in ``lang`` (district_layer.js, options.text)."""
    return {key: t(f"map.{key}", lang) for key in MAP_TEXT_KEYS}


def share_text(lang: str) -> dict[str, str]:
    """The Copy link and Embed buttons' text in ``lang`` (view_sync.js, options.view.share.text)."""
    return {
        "copyLink": t("share.copy_link", lang),
        "embed": t("share.embed", lang),
        "link": t("share.link", lang),
        "embedCode": t("share.embed_code", lang),
        "pressToCopy": t("share.press_to_copy", lang),
        "copied": t("share.copied", lang),
    }


#: The legend control's text on the map (options.legend), from the catalogue's ``map_legend.<key>``.
LEGEND_TEXT_KEYS = ("title", "frontline", "approximate", "lowConfidence", "fitCity")
#: The evidence layers' interface text (options.evidenceText), from the catalogue's
#: ``evidence.<key>``; plural entries go to the browser with all their forms (the map picks one
#: with Intl.PluralRules, the same CLDR rules as Babel's).
EVIDENCE_TEXT_KEYS = ("heading", "loading", "structures", "shown", "shownBy", "perKm2", "firstSeen")
#: Below this map width (px) the legend starts folded.
LEGEND_SMALL_WIDTH = 560
FRONTLINE_STYLE = {"color": "#000000", "weight": 3}


def legend_text(lang: str) -> dict:
    """The legend control's text in ``lang`` (legend.js)."""
    return {**{key: t(f"map_legend.{key}", lang) for key in LEGEND_TEXT_KEYS}, "smallWidth": LEGEND_SMALL_WIDTH}


def evidence_text(lang: str) -> dict:
    """The evidence layers' interface text in ``lang`` (evidence_layers.js): plain strings, or
    for counts, the plural forms of the language."""
    return {key: catalogue(lang)[f"evidence.{key}"] for key in EVIDENCE_TEXT_KEYS}


def overlay_options(*, lang: str, frontline: dict | None, layers: list[dict], fit_city: bool) -> dict:
    """The init options of the front line, names, legend and evidence layers (see the top of
    district_layer.js): ``frontline`` is ``{"url": ...}`` or ``{"data": ...}`` of
    :func:`geo.frontline.borders_payload` (or None), ``layers`` the evidence layers' metadata,
    each with its ``url`` or ``data``; ``fit_city`` fits the whole theatre in the first view."""
    return {
        "fitCity": fit_city,
        "dir": DIRECTIONS[lang],
        "legend": legend_text(lang),
        "frontline": None
        if frontline is None
        else {**frontline, **FRONTLINE_STYLE, "frontCodes": [s in FRONT_STATUSES for s in STATUSES]},
        "labels": True,
        "layers": layers,
        "evidenceText": evidence_text(lang),
    }
