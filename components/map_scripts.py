"""Where the map's browser code lives and its load order; no Streamlit, so the static site
(geo/site.py) loads exactly the files the dashboard's map does."""

from __future__ import annotations

from pathlib import Path

MAP_SCRIPTS = Path(__file__).with_name("map")
#: The map's browser code in load order (see the contract at the top of district_layer.js).
MAP_SCRIPT_FILES = ("status_timeline.js", "view_url.js", "playback.js", "district_layer.js", "view_sync.js")


def map_library() -> str:
    """Every map script, concatenated in load order."""
    return "\n".join((MAP_SCRIPTS / name).read_text(encoding="utf-8") for name in MAP_SCRIPT_FILES)
