"""A self-contained static site of a theatre's map, for any static host or CDN.

``frontlines site --out DIR`` writes plain files: ``index.html`` with the site's style
and configuration inline; ``site.js``, one script holding the dashboard's map scripts
(``mapui/map/*.js`` as :func:`mapui.map_scripts.map_library` joins them, started
with the same ``FrontlinesMap.init``) followed by the site's own (``static_site/template/``); and
the data: shapes from :func:`geo.export.districts_geojson`, the timelines of
:meth:`geo.Theatre.timelines` in a binary form (:func:`timeline_bytes`), the front line, the
evidence layers, districts' names and every change with its sources for the panel and the
downloads. No server code runs: every reader costs one set of static requests.

A share link's first paint waits on few requests (``python -m http.server`` answers HTTP/1.0,
one connection per file, six at a time): the page, Leaflet and ``site.js``. The data it draws
(timelines, shapes, front line, names) is written into the page itself where it adds up to
at most ``INLINE_LIMIT`` bytes (a city such as Aleppo); a larger theatre's page asks for those
files from its head, all at once (``<link rel=preload>``), while the scripts load. The files
are written either way, for other tools and for the downloads.

This module publishes the components' browser code and palette (no Streamlit is imported).
"""

from __future__ import annotations

import base64
import html
import json
import re
import shutil
import struct
import subprocess
import tarfile
import tempfile
from collections.abc import Callable
from pathlib import Path

import numpy as np

from geo.errors import GeoError
from geo.export import STATE_COLUMNS, districts_geojson, download_name, write_change_log_csv
from geo.frontline import borders_payload
from geo.layers import layer_payloads, layer_spec
from geo.statuses import STATUS_CHAR_BASES, STATUSES
from geo.theatre import Theatre
from mapui.i18n import DEFAULT_LANGUAGE, t
from mapui.map_scripts import (
    MAP_SCRIPTS,
    OVERLAY_STYLES_FILE,
    map_library,
    map_text,
    overlay_options,
    share_text,
)
from mapui.palette import FILL_OPACITY, styles_in_code_order

TEMPLATE = Path(__file__).with_name("template")
LEAFLET_VERSION = "1.9.3"
#: Subresource Integrity of Leaflet's files on the CDN (the npm package's bytes; a test recomputes them):
#: a CDN that served other bytes would not run in the reader's browser.
LEAFLET_INTEGRITY = {
    "leaflet.js": "sha384-okbbMvvx/qfQkmiQKfd5VifbKZ/W8p1qIsWvE1ROPUfHWsDcC8/BnHohF7vPg2T6",
    "leaflet.css": "sha384-o/2yZuJZWGJ4s/adjxVW71R+EO/LyCwdQfP5UWSgX/w87iiTXuvDZaejd3TsN7mf",
}
TILE_HOSTS = "https://*.tile.openstreetmap.org"
CDN_HOST = "https://cdn.jsdelivr.net"


def content_security_policy(*, cdn: bool) -> str:
    """The page's Content-Security-Policy: scripts from the page's own host (and Leaflet's CDN
    where Leaflet comes from it) only, no inline script, images from the page, its downloads and
    the tile server; nothing framed or posted."""
    cdn_source = f" {CDN_HOST}" if cdn else ""
    return (
        f"default-src 'self'; script-src 'self'{cdn_source}; style-src 'self' 'unsafe-inline'{cdn_source}; "
        f"img-src 'self' data: blob: {TILE_HOSTS}; connect-src 'self'; media-src 'self' blob:; "
        "object-src 'none'; base-uri 'none'; form-action 'none'"
    )


LEAFLET_CDN = f"https://cdn.jsdelivr.net/npm/leaflet@{LEAFLET_VERSION}/dist"
_MARKER = ".frontlines-site"  # a written site; only such a folder is ever replaced
DATE_PLACEHOLDER = "0000-00-00"  # in download file names, replaced by the day in the browser


class SiteError(GeoError):
    """The site cannot be written where asked, or Leaflet cannot be vendored."""


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


FRONTLINE_FILE = "data/frontline.json"


def site_config(theatre: Theatre, *, timelapse: bool = False) -> dict:
    """What the site's script needs besides the shapes and timelines (``timelapse``: the site
    offers a time-lapse file for download)."""
    meta = theatre.meta
    return {
        "title": meta.title,
        "start": meta.start_date.isoformat(),
        "end": meta.end_date.isoformat(),
        "opening": meta.first_shown_date.isoformat(),  # the day a link with no date opens on
        "center": list(meta.center),
        "zoom": meta.zoom,
        "version": theatre.version,
        "licence": meta.licence,
        "attribution": meta.attribution,
        "geometryNote": meta.geometry_note,
        "initialStatus": meta.initial_status,
        "statuses": list(STATUSES),
        # The site's interface is English only: the map's text comes from the catalogue's English.
        "lang": DEFAULT_LANGUAGE,
        "styles": styles_in_code_order({status: t(f"status.{status}", DEFAULT_LANGUAGE) for status in STATUSES}),
        "fillOpacity": FILL_OPACITY,
        "mapText": map_text(DEFAULT_LANGUAGE),
        "shareText": share_text(DEFAULT_LANGUAGE),
        "format": STATUS_CHAR_BASES,
        "unknownCode": STATUSES.index("unknown"),
        "changeDays": [int(d) for d in theatre.change_days],
        "stateColumns": STATE_COLUMNS,
        "downloads": {
            "dayCsv": download_name(theatre, DATE_PLACEHOLDER, ".csv"),
            "dayGeojson": download_name(theatre, DATE_PLACEHOLDER, ".geojson"),
            "changes": download_name(theatre, "changes", ".csv"),
            "timelapse": download_name(theatre, "timelapse", ".mp4") if timelapse else "",
            "image": download_name(theatre, DATE_PLACEHOLDER, ".png"),
        },
        "datePlaceholder": DATE_PLACEHOLDER,
        "changeChunk": CHANGE_CHUNK,
        # the front line, names, legend and evidence layers on the map, as in the dashboard
        "timelineUrl": TIMELINE_FILE,
        "shapesUrl": SHAPES_FILE,
        "districtsUrl": DISTRICTS_FILE,
        "overlays": overlay_options(
            lang=DEFAULT_LANGUAGE,
            frontline={"url": FRONTLINE_FILE},
            layers=[
                {**layer_spec(p), "url": layer_file(p["id"])} for p in layer_payloads(theatre.layers, theatre.areas_km2)
            ],
            fit_city=True,  # unless the link holds the map's view (view_sync.js)
        ),
    }


def layer_file(layer_id: str) -> str:
    """Where the site keeps an evidence layer's payload."""
    return f"data/layer-{layer_id}.json"


def site_districts(theatre: Theatre) -> list[dict]:
    """Each district's names and place sources, in the order of the shapes and timelines."""
    columns = ["district_id", "name_en", "name_ar", "alt_names", "name_note", "place_source_url"]
    return theatre.districts[columns].to_dict("records")


CHANGE_CHUNK = 256  # districts per file of changes: the panel of one district fetches one file


def site_changes(theatre: Theatre) -> list[list[list[str]]]:
    """Every change in the timelines' order (by district, then date) as ``[date,
    date_precision, status, confidence, note, source_url]``, cut into files of
    ``CHANGE_CHUNK`` districts each: file c holds the changes of districts
    ``c * CHANGE_CHUNK`` onwards, from the timelines' change ``offsets[c * CHANGE_CHUNK]``."""
    frame = theatre.changes.iloc[theatre.change_positions_by_district]
    rows = frame[["date", "date_precision", "status", "confidence", "note", "source_url"]].to_numpy().tolist()
    offsets = theatre.timelines()["offsets"]
    count = len(theatre.district_ids)
    starts = range(0, max(count, 1), CHANGE_CHUNK)
    return [rows[offsets[start] : offsets[min(start + CHANGE_CHUNK, count)]] for start in starts]


TIMELINE_FILE = "data/timeline.bin"
SHAPES_FILE = "data/shapes.geojson"
DISTRICTS_FILE = "data/districts.json"
#: The data a share link's first paint draws, fetched from the page's head in this order.
FIRST_PAINT_FILES = (TIMELINE_FILE, SHAPES_FILE, FRONTLINE_FILE, DISTRICTS_FILE)
#: Each first-paint file's name in the page when it is inline: ``<script id="site-data-NAME">``.
INLINE_NAMES = {
    TIMELINE_FILE: "timeline",
    SHAPES_FILE: "shapes",
    FRONTLINE_FILE: "frontline",
    DISTRICTS_FILE: "districts",
}
#: The first paint's data goes into the page while its files add up to at most this many bytes:
#: a city's fit; a theatre of thousands of districts keeps its files, fetched in parallel.
INLINE_LIMIT = 1_000_000
SCRIPT_FILE = "site.js"
_TEMPLATE_SCRIPTS = ("site_data.js", "site.js")  # after the map scripts, in this order


def site_script() -> str:
    """``site.js``: the dashboard's map scripts, then the site's own, as one file (one request)."""
    parts = [map_library(), *((TEMPLATE / name).read_text(encoding="utf-8") for name in _TEMPLATE_SCRIPTS)]
    return "\n;\n".join(parts)


def _script_safe(text: str) -> str:
    # JSON text keeps its value with these escaped (they only ever stand inside strings)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def inline_json(value) -> str:
    """JSON safe inside an HTML ``<script>`` element: no ``<`` can close it or open a comment."""
    return _script_safe(_json(value))


def inline_data(files: dict[str, bytes]) -> str:
    """The first paint's files as elements of the page: JSON made safe as :func:`inline_json`
    makes it, the binary timelines in base64."""
    parts = []
    for name, content in files.items():
        if name.endswith((".json", ".geojson")):
            kind = "application/json"
            text = _script_safe(content.decode("utf-8"))
        else:
            kind = "application/octet-stream;base64"
            text = base64.b64encode(content).decode("ascii")
        parts.append(f'  <script type="{kind}" id="site-data-{INLINE_NAMES[name]}">{text}</script>')
    return "\n".join(parts)


def vendored_leaflet_css(css: str) -> str:
    """Leaflet's stylesheet for the page's own ``<style>``: its images under ``leaflet/``."""
    return re.sub(r"""url\((['"]?)images/""", r"url(\1leaflet/images/", css)


def _page(theatre: Theatre, leaflet_base: str, config: dict, inline: dict[str, bytes], *, leaflet_css: str) -> str:
    title = html.escape(theatre.meta.title)
    text = (TEMPLATE / "index.html").read_text(encoding="utf-8")
    fetched = [name for name in FIRST_PAINT_FILES if name not in inline]
    preloads = "\n".join(
        ["  <!-- the data of the first paint, fetched while the scripts load: no request waits on another -->"][
            : len(fetched)
        ]
        + [f'  <link rel="preload" href="{name}" as="fetch" crossorigin="anonymous">' for name in fetched]
    )
    cdn = leaflet_base == LEAFLET_CDN

    def checked(name: str) -> str:  # the CDN's files run only with the bytes the integrity names
        return f' integrity="{LEAFLET_INTEGRITY[name]}" crossorigin="anonymous"' if cdn else ""

    tags = [f'  <meta http-equiv="Content-Security-Policy" content="{content_security_policy(cdn=cdn)}">']
    if not leaflet_css:
        tags.append(f'  <link rel="stylesheet" href="{leaflet_base}/leaflet.css"{checked("leaflet.css")}>')
    tags.append(f'  <script defer src="{leaflet_base}/leaflet.js"{checked("leaflet.js")}></script>')
    tags.append(f'  <script defer src="{SCRIPT_FILE}"></script>')
    styles = "\n".join(
        [
            leaflet_css,
            *(path.read_text(encoding="utf-8") for path in (MAP_SCRIPTS / OVERLAY_STYLES_FILE, TEMPLATE / "site.css")),
        ]
    )
    values = {
        "TITLE": title,
        "PRELOADS": preloads,
        "SCRIPTS": "\n".join(tags),
        "STYLES": styles,
        "ATTRIBUTION": html.escape(theatre.meta.attribution),
        "GEOMETRY_NOTE": html.escape(theatre.meta.geometry_note),
        "CONFIG": inline_json(config),
        "DATA": inline_data(inline),
    }
    # one pass: a value (a title from data) is never searched for placeholders
    return re.sub(r"\{\{([A-Z_]+)\}\}", lambda match: values[match.group(1)], text)


TIMELINE_MAGIC = b"FLT1"


def timeline_bytes(timelines: dict) -> bytes:
    """:meth:`geo.Theatre.timelines` as one little-endian binary file (``site_data.js``'s
    ``decodeTimeline`` reads it without parsing a number): a 24-byte header (``FLT1``, then
    int32 district count N, change count M, ``base_day``, ``initial``, bytes per day D), the
    N + 1 ``offsets`` as int32, the M ``days`` as uint16 (D = 2) or int32 (D = 4, where a day
    falls outside 0..65535) and the M ``codes`` as one byte each (ASCII characters)."""
    offsets = np.asarray(timelines["offsets"], dtype="<i4")
    days = np.asarray(timelines["days"], dtype=np.int64)
    codes = timelines["codes"].encode("ascii")
    wide = bool(len(days)) and (int(days.min()) < 0 or int(days.max()) > 0xFFFF)
    day_bytes = 4 if wide else 2
    header = TIMELINE_MAGIC + struct.pack(
        "<5i", len(offsets) - 1, len(days), timelines["base_day"], timelines["initial"], day_bytes
    )
    body = days.astype("<i4" if wide else "<u2").tobytes()
    return header + offsets.tobytes() + body + codes


def leaflet_from_npm(target: Path) -> Path:
    """Leaflet's ``dist`` folder from the npm registry (``npm pack``), unpacked under ``target``."""
    npm = shutil.which("npm")
    if npm is None:
        raise SiteError("vendoring Leaflet needs npm (or pass --vendor-leaflet DIR with Leaflet's dist folder)")
    with tempfile.TemporaryDirectory() as scratch:
        result = subprocess.run(
            [npm, "pack", f"leaflet@{LEAFLET_VERSION}", "--silent", "--pack-destination", scratch],
            capture_output=True,
            text=True,
            timeout=300,
        )
        if result.returncode != 0:
            raise SiteError(f"npm pack leaflet@{LEAFLET_VERSION} failed: {result.stderr.strip()}")
        with tarfile.open(Path(scratch) / result.stdout.strip().splitlines()[-1]) as tar:
            tar.extractall(target, filter="data")
    return target / "package" / "dist"


def first_paint_files(theatre: Theatre) -> dict[str, bytes]:
    """The files a share link's first paint draws, by name (``FIRST_PAINT_FILES``), as written."""
    return {
        TIMELINE_FILE: timeline_bytes(theatre.timelines()),
        SHAPES_FILE: _json(districts_geojson(theatre)).encode("utf-8"),
        FRONTLINE_FILE: _json(borders_payload(theatre.borders)).encode("utf-8"),
        DISTRICTS_FILE: _json(site_districts(theatre)).encode("utf-8"),
    }


def write_site(
    theatre: Theatre,
    out: str | Path,
    *,
    vendor_leaflet: Path | bool | None = None,
    inline: bool | None = None,
    timelapse: Callable[[Theatre, Path], object] | None = None,
) -> Path:
    """Write the static site of ``theatre`` to ``out`` and return the folder.

    Parameters
    ----------
    theatre : Theatre
        A loaded theatre.
    out : str or Path
        The folder to write: new, empty, or a site written before (replaced whole).
    vendor_leaflet : Path, True or None
        ``None``: the page loads Leaflet from its CDN. A folder (Leaflet's ``dist``, holding
        ``leaflet.js`` and ``leaflet.css``): copied into the site. ``True``: fetched with npm.
    inline : bool or None
        Whether the first paint's data is also written into the page (its files are written
        either way). ``None``: where it adds up to at most ``INLINE_LIMIT`` bytes.
    timelapse : callable, optional
        Writes a time-lapse of ``theatre`` to the path it is given (an MP4), which the page
        then offers for download; the command line passes ``mapmedia``'s.

    Raises
    ------
    SiteError
        If ``out`` holds other files, or Leaflet cannot be vendored.
    """
    out = Path(out)
    if out.exists() and any(out.iterdir()) and not (out / _MARKER).is_file():
        raise SiteError(f"{out} is not empty and holds no site written before; choose a new or empty folder")
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".site-", dir=out.parent))
    staging.chmod(0o755)  # mkdtemp's 0700 would hide the site from a web server's user
    try:
        if vendor_leaflet is not None:
            source = (
                leaflet_from_npm(staging / ".npm") if vendor_leaflet is True else Path(vendor_leaflet)  # type: ignore[arg-type]
            )
            if not (source / "leaflet.js").is_file() or not (source / "leaflet.css").is_file():
                raise SiteError(f"{source} holds no leaflet.js and leaflet.css (expected Leaflet's dist folder)")
            shutil.copytree(source, staging / "leaflet", ignore=shutil.ignore_patterns("*.map", "*-src.*"))
            shutil.rmtree(staging / ".npm", ignore_errors=True)
            # Leaflet's styles go into the page's own: no stylesheet request holds up its first paint
            leaflet_css = vendored_leaflet_css((source / "leaflet.css").read_text(encoding="utf-8"))
            leaflet_base = "leaflet"
        else:
            leaflet_css = ""
            leaflet_base = LEAFLET_CDN
        config = site_config(theatre, timelapse=timelapse is not None)
        first = first_paint_files(theatre)
        if inline is None:
            inline = sum(len(content) for content in first.values()) <= INLINE_LIMIT
        page = _page(theatre, leaflet_base, config, first if inline else {}, leaflet_css=leaflet_css)
        (staging / "index.html").write_text(page, encoding="utf-8")
        (staging / SCRIPT_FILE).write_text(site_script(), encoding="utf-8")
        data = staging / "data"
        data.mkdir()
        (data / "config.json").write_text(_json(config), encoding="utf-8")  # the page's own, for other tools
        for name, content in first.items():
            (staging / name).write_bytes(content)
        for payload in layer_payloads(theatre.layers, theatre.areas_km2):
            (staging / layer_file(payload["id"])).write_text(_json(payload), encoding="utf-8")
        for number, chunk in enumerate(site_changes(theatre)):
            (data / f"changes-{number}.json").write_text(_json(chunk), encoding="utf-8")
        with open(data / config["downloads"]["changes"], "w", encoding="utf-8", newline="") as log:
            write_change_log_csv(theatre, log)
        if timelapse is not None:
            timelapse(theatre, data / config["downloads"]["timelapse"])
        (staging / _MARKER).write_text(f"data version {theatre.version}\n", encoding="utf-8")
        if out.exists():
            shutil.rmtree(out)
        staging.rename(out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return out
