"""Where the map's browser code lives, its load order and the interface text it is handed;
no Streamlit, so the static site (geo/site.py) loads exactly the files the dashboard's map does."""

from __future__ import annotations

from pathlib import Path

from components.i18n import t

MAP_SCRIPTS = Path(__file__).with_name("map")
#: The map's browser code in load order (see the contract at the top of district_layer.js).
MAP_SCRIPT_FILES = (
    "status_timeline.js",
    "view_url.js",
    "playback.js",
    "touch.js",
    "district_layer.js",
    "view_sync.js",
)
#: Styles inside the dashboard's map iframe (not the static site's page: they stop its document scrolling).
MAP_STYLES_FILE = "map.css"


def map_library() -> str:
    """Every map script, concatenated in load order."""
    return "\n".join((MAP_SCRIPTS / name).read_text(encoding="utf-8") for name in MAP_SCRIPT_FILES)


def map_styles() -> str:
    """The styles of the dashboard's map document."""
    return (MAP_SCRIPTS / MAP_STYLES_FILE).read_text(encoding="utf-8")


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
