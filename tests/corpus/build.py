"""Write the corpus of malformed theatres: one folder per case, each with ``expect.txt``.

Every case starts from the tiny valid theatre of ``tests/synthetic.py`` (with a
``sources.csv`` and an ``events.csv``) and breaks one thing. ``expect.txt`` holds
the one line of the message that must appear. The folders are committed; run
this again after changing a case:

    python -m tests.corpus.build
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

from tests.synthetic import META, district_features, square, write_theatre

HERE = Path(__file__).resolve().parent

CHANGES_HEADER = "date,district_id,status,note,source_url,sources,confidence"
CHANGES = [
    "2020-03-01,north-east,opposition,taken,,wire-a,high",
    "2020-03-01,south-east,contested,fighting,https://example.org/b,wire-a,medium",
]
SOURCES = (
    "id,url,publisher,published,title\n"
    "wire-a,https://example.org/a,Wire,2020-03-02,Taken\n"
    "wire-b,https://example.org/b,Paper,2020-03,Fighting\n"
)
EVENTS = "date,end_date,title,note,sources\n2020-03-10,2020-03-20,Siege closes,roads cut,wire-b\n"

Edit = Callable[[Path], None]
CASES: dict[str, tuple[Edit, str]] = {}


def case(name: str, expect: str) -> Callable[[Edit], Edit]:
    def register(edit: Edit) -> Edit:
        CASES[name] = (edit, expect)
        return edit

    return register


def write_changes(folder: Path, *rows: str, header: str = CHANGES_HEADER) -> None:
    (folder / "changes.csv").write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")


def set_meta(folder: Path, **changes: object) -> None:
    meta = dict(META, **changes)
    (folder / "theatre.json").write_text(json.dumps(meta), encoding="utf-8")


def set_features(folder: Path, features: object, **extra: object) -> None:
    collection = {"type": "FeatureCollection", "features": features, **extra}
    (folder / "districts.geojson").write_text(json.dumps(collection), encoding="utf-8")


def with_feature(**changes: object) -> Edit:
    """An edit that updates the first feature (``properties`` keys, or ``geometry``)."""

    def edit(folder: Path) -> None:
        features = district_features()
        if "geometry" in changes:
            features[0]["geometry"] = changes["geometry"]
        else:
            features[0]["properties"].update(changes)
        set_features(folder, features)

    return edit


def with_change(row: str) -> Edit:
    return lambda folder: write_changes(folder, row, *CHANGES[1:])


# ---- theatre.json -----------------------------------------------------------
case("meta-missing", "theatre.json: file is missing")(lambda f: (f / "theatre.json").unlink())
case("meta-not-json", "theatre.json: is not valid JSON (Expecting property name enclosed in double quotes")(
    lambda f: (f / "theatre.json").write_text("{not json")
)
case("meta-array", "theatre.json: is expected to hold a JSON object, not list")(
    lambda f: (f / "theatre.json").write_text("[]")
)
case("meta-not-utf8", "theatre.json: is not UTF-8 text (byte 0xe9")(
    lambda f: (f / "theatre.json").write_bytes(json.dumps(dict(META, title="Alep")).encode() + b" \xe9")
)
case("meta-deep-nesting", "theatre.json: nests arrays or objects too deeply to be read")(
    lambda f: (f / "theatre.json").write_text("[" * 5000 + "]" * 5000)
)
case("meta-missing-zoom", "theatre.json key 'zoom': is missing")(
    lambda f: (f / "theatre.json").write_text(json.dumps({k: v for k, v in META.items() if k != "zoom"}))
)
case("meta-title-null", "theatre.json key 'title': was None but is expected to be text (not empty)")(
    lambda f: set_meta(f, title=None)
)
case("meta-title-blank", "theatre.json key 'title': was '  ' but is expected to be text (not empty)")(
    lambda f: set_meta(f, title="  ")
)
case("meta-attribution-number", "theatre.json key 'attribution': was 7 but is expected to be text (not empty)")(
    lambda f: set_meta(f, attribution=7)
)
case("meta-zoom-true", "theatre.json key 'zoom': was True but is expected to be a whole number from 0 to 22")(
    lambda f: set_meta(f, zoom=True)
)
case("meta-zoom-30", "theatre.json key 'zoom': was 30 but is expected to be a whole number from 0 to 22")(
    lambda f: set_meta(f, zoom=30)
)
case("meta-center-bools", "theatre.json key 'center': was [True, False] but is expected to be [lat, lon] in degrees")(
    lambda f: set_meta(f, center=[True, False])
)
case("meta-center-string", "theatre.json key 'center': was '36.2,37.1' but is expected to be [lat, lon] in degrees")(
    lambda f: set_meta(f, center="36.2,37.1")
)
case("meta-start-equals-end", "theatre.json key 'end_date': 2020-01-01 is expected to be after start_date 2020-01-01")(
    lambda f: set_meta(f, end_date="2020-01-01")
)
case(
    "meta-year-1500",
    "theatre.json key 'start_date': 1500-01-01 is outside the dates the dashboard can show (1685-01-01 to 2254-12-31)",
)(lambda f: set_meta(f, start_date="1500-01-01"))
case(
    "meta-year-3000",
    "theatre.json key 'end_date': 3000-12-31 is outside the dates the dashboard can show (1685-01-01 to 2254-12-31)",
)(lambda f: set_meta(f, end_date="3000-12-31"))
case("meta-date-number", "theatre.json key 'start_date': start_date was 20200101 but is expected to be a date")(
    lambda f: set_meta(f, start_date=20200101)
)
case(
    "meta-opening-outside",
    "theatre.json key 'opening_date': 2021-01-01 is expected to be from start_date 2020-01-01 to end_date 2020-12-31",
)(lambda f: set_meta(f, opening_date="2021-01-01"))
case("meta-opening-not-a-date", "theatre.json key 'opening_date': opening_date was 'October' but is expected")(
    lambda f: set_meta(f, opening_date="October")
)
case("meta-unreal-date", "theatre.json key 'start_date': start_date was '2020-02-30', which is not a real date")(
    lambda f: set_meta(f, start_date="2020-02-30")
)
case("meta-bad-status", "theatre.json key 'initial_status': was 'rebel' but is expected to be one of")(
    lambda f: set_meta(f, initial_status="rebel")
)
case("meta-uncertainties-string", "theatre.json key 'known_uncertainties': was 'x' but is expected to be a list")(
    lambda f: set_meta(f, known_uncertainties="x")
)
case("meta-initial-source-unknown", "theatre.json key 'initial_sources': has ['nope'], not ids in sources.csv")(
    lambda f: set_meta(f, initial_sources=["nope"])
)

# ---- districts.geojson --------------------------------------------------------
case("geo-missing", "districts.geojson: file is missing")(lambda f: (f / "districts.geojson").unlink())
case("geo-empty-array", "districts.geojson: is expected to be a GeoJSON FeatureCollection")(
    lambda f: (f / "districts.geojson").write_text("[]")
)
case("geo-features-object", "districts.geojson: is expected to be a GeoJSON FeatureCollection")(
    lambda f: set_features(f, {"a": 1})
)
case("geo-no-features", "districts.geojson: holds no features (expected one per district)")(
    lambda f: set_features(f, [])
)
case("geo-deep-nesting", "districts.geojson: nests arrays or objects too deeply to be read")(
    lambda f: (f / "districts.geojson").write_text("[" * 100_000 + "]" * 100_000)
)
case("geo-feature-is-1", "districts.geojson feature 1: was 1 but is expected to be a GeoJSON Feature object")(
    lambda f: set_features(f, [1, *district_features()[1:]])
)
case("geo-properties-string", "districts.geojson feature 1: properties was 'abc' but is expected to be an object")(
    lambda f: set_features(f, [dict(district_features()[0], properties="abc"), *district_features()[1:]])
)
case("geo-bad-id", "districts.geojson feature 1 (id 'North East'): id was 'North East' but is expected to be a")(
    with_feature(id="North East")
)
case("geo-id-number", "districts.geojson feature 1: id was 5 but is expected to be a lowercase slug")(
    with_feature(id=5)
)
case("geo-duplicate-id", "districts.geojson feature 2 (id 'north-east'): id 'north-east' is a duplicate of feature 1")(
    lambda f: set_features(
        f, [district_features()[0], dict(district_features()[1], properties=district_features()[0]["properties"])]
    )
)
case("geo-name-en-missing", "districts.geojson feature 1 (id 'north-east'): name_en is missing or empty")(
    with_feature(name_en=None)
)
case("geo-name-ar-number", "districts.geojson feature 1 (id 'north-east'): name_ar is missing (expected the Arabic")(
    with_feature(name_ar=12)
)
case(
    "geo-alt-names-object",
    "districts.geojson feature 1 (id 'north-east'): alt_names was {'a': 1} but is expected to be text or a list",
)(with_feature(alt_names={"a": 1}))
case("geo-area-true", "districts.geojson feature 1 (id 'north-east'): area_km2 was True but is expected to be")(
    with_feature(area_km2=True)
)
case(
    "geo-point", "districts.geojson feature 1 (id 'north-east'): geometry was a Point but is expected to be a Polygon"
)(with_feature(geometry={"type": "Point", "coordinates": [0, 0]}))
case("geo-geometry-string", "districts.geojson feature 1 (id 'north-east'): geometry was 'POLYGON' but is expected")(
    with_feature(geometry="POLYGON")
)
case("geo-geometry-type-blob", "districts.geojson feature 1 (id 'north-east'): geometry type was 'Blob' but is")(
    with_feature(geometry={"type": "Blob", "coordinates": []})
)
case(
    "geo-coordinates-strings",
    "districts.geojson feature 1 (id 'north-east'): geometry could not be read: ring 1 is expected to be a list of",
)(with_feature(geometry={"type": "Polygon", "coordinates": [[["0", "0"], ["1", "0"], ["1", "1"], ["0", "0"]]]}))
case(
    "geo-coordinates-flat",
    "districts.geojson feature 1 (id 'north-east'): geometry could not be read: coordinates of a MultiPolygon",
)(with_feature(geometry={"type": "MultiPolygon", "coordinates": [0, 0, 1, 1]}))
case(
    "geo-coordinates-nan",
    "districts.geojson feature 3 (id 'south-west'): geometry could not be read: ring 1 is expected to be a list of",
)(
    lambda f: (f / "districts.geojson").write_text(
        json.dumps({"type": "FeatureCollection", "features": district_features()}).replace("[0.0, 0.0]", "[NaN, 0.0]")
    )
)
case(
    "geo-ring-too-short",
    "districts.geojson feature 1 (id 'north-east'): geometry could not be read: ring 1 is not closed (expected at"
    " least 4 positions",
)(with_feature(geometry={"type": "Polygon", "coordinates": [[[0, 0], [1, 1]]]}))
case("geo-self-intersection", "districts.geojson feature 1 (id 'north-east'): geometry is invalid (Self-intersection")(
    with_feature(geometry={"type": "Polygon", "coordinates": [[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]]})
)
case("geo-unknown-crs", "districts.geojson key 'crs': was {'type': 'name', 'properties': {'name': 'EPSG:999999'}}")(
    lambda f: set_features(f, district_features(), crs={"type": "name", "properties": {"name": "EPSG:999999"}})
)
case("geo-crs-list", "districts.geojson key 'crs': was [1, 2], which names no known CRS")(
    lambda f: set_features(f, district_features(), crs=[1, 2])
)
case("geo-outside-wgs84", "districts.geojson id 'north-east': geometry lies outside longitude -180..180")(
    with_feature(geometry=square(5000, 5000, size=0.1))
)

# ---- changes.csv --------------------------------------------------------------
case("changes-missing", "changes.csv: file is missing")(lambda f: (f / "changes.csv").unlink())
case("changes-empty", "changes.csv: is empty (expected a header with date, district_id, status, note)")(
    lambda f: (f / "changes.csv").write_text("")
)
case("changes-missing-column", "changes.csv header: is missing column(s) ['note']")(
    lambda f: write_changes(
        f, "2020-03-01,north-east,opposition,,wire-a,", header="date,district_id,status,x,sources,y"
    )
)
case("changes-duplicate-column", "changes.csv header: has column(s) ['status'] more than once")(
    lambda f: write_changes(
        f, "2020-03-01,north-east,opposition,n,wire-a,government", header="date,district_id,status,note,sources,status"
    )
)
case("changes-not-utf8", "changes.csv: is not UTF-8 text (byte 0xe9 at position")(
    lambda f: (f / "changes.csv").write_bytes(
        (CHANGES_HEADER + "\n2020-03-01,north-east,opposition,pris \xe9,,wire-a,\n").encode("latin-1")
    )
)
case("changes-unterminated-quote", "changes.csv row 4: is not readable CSV (unexpected end of data")(
    lambda f: write_changes(f, *CHANGES, '2020-07-01,north-west,isil,"unterminated,,wire-a,')
)
case("changes-quote-inside", "changes.csv row 2: is not readable CSV (',' expected after '\"'")(
    lambda f: write_changes(f, '2020-03-01,north-east,opposition,"taken"by storm,,wire-a,high', *CHANGES[1:])
)
case("changes-extra-field", "changes.csv row 3: has 8 values but the header has 7 columns")(
    lambda f: write_changes(f, CHANGES[0], "2020-03-01,south-east,contested,fighting, heavy,,wire-a,medium")
)
case("changes-bad-date", "changes.csv row 2: date was '01/03/2020' but is expected to be a real date as YYYY-MM-DD")(
    with_change("01/03/2020,north-east,opposition,taken,,wire-a,high")
)
case(
    "changes-date-outside", "changes.csv row 2: date 2021-03-01 is outside the theatre's range 2020-01-01 to 2020-12-31"
)(with_change("2021-03-01,north-east,opposition,taken,,wire-a,high"))
case("changes-bad-status", "changes.csv row 2: status was 'rebels' but is expected to be one of")(
    with_change("2020-03-01,north-east,rebels,taken,,wire-a,high")
)
case(
    "changes-unknown-district",
    "changes.csv row 2: district_id 'north-eats' matches no district (did you mean 'north-east'?)",
)(with_change("2020-03-01,north-eats,opposition,taken,,wire-a,high"))
case("changes-bracket-url", "changes.csv row 2: source_url has ['https://[2001:db8::1/report'], expected http(s) URLs")(
    with_change("2020-03-01,north-east,opposition,taken,https://[2001:db8::1/report,wire-a,high")
)
case("changes-bracket-host", "changes.csv row 2: source_url has ['http://a]b'], expected http(s) URLs")(
    with_change("2020-03-01,north-east,opposition,taken,http://a]b,wire-a,high")
)
case("changes-bad-port", "changes.csv row 2: source_url has ['http://example.org:99999/x'], expected http(s) URLs")(
    with_change("2020-03-01,north-east,opposition,taken,http://example.org:99999/x,wire-a,high")
)
case("changes-javascript-url", "changes.csv row 2: source_url has ['javascript:alert(1)'], expected http(s) URLs")(
    with_change("2020-03-01,north-east,opposition,taken,javascript:alert(1),wire-a,high")
)
case("changes-long-url", "aaaaaaaaaa…, expected http(s) URLs separated by spaces")(
    with_change("2020-03-01,north-east,opposition,taken,javascript:" + "a" * 10_000 + ",wire-a,high")
)
case(
    "changes-no-source", "changes.csv row 2: source_url and sources are empty (every change needs at least one source)"
)(with_change("2020-03-01,north-east,opposition,taken,,,high"))
case("changes-unknown-source", "changes.csv row 2: sources has ['wire-c'], not ids in sources.csv")(
    with_change("2020-03-01,north-east,opposition,taken,,wire-c,high")
)
case("changes-bad-confidence", "changes.csv row 2: confidence was 'sure' but is expected to be one of")(
    with_change("2020-03-01,north-east,opposition,taken,,wire-a,sure")
)
case("changes-bad-precision", "changes.csv row 2: date_precision was 'week' but is expected to be one of")(
    lambda f: write_changes(
        f, "2020-03-01,north-east,opposition,taken,,wire-a,high,week", header=CHANGES_HEADER + ",date_precision"
    )
)

# ---- sources.csv and events.csv ----------------------------------------------------
case(
    "sources-bracket-url",
    "sources.csv row 2: url was 'https://[2001:db8::1/report' but is expected to be one http(s) URL",
)(lambda f: (f / "sources.csv").write_text(SOURCES.replace("https://example.org/a", "https://[2001:db8::1/report")))
case("sources-duplicate-id", "sources.csv row 4: id 'wire-a' is a duplicate")(
    lambda f: (f / "sources.csv").write_text(SOURCES + "wire-a,https://example.org/c,X,,dup\n")
)
case("sources-missing-column", "sources.csv header: is missing column(s) ['publisher']")(
    lambda f: (f / "sources.csv").write_text("id,url,published,title\nwire-a,https://example.org/a,2020,T\n")
)
case(
    "sources-bad-published",
    "sources.csv row 3: published was '13/2020' but is expected to be YYYY-MM-DD, YYYY-MM, YYYY or empty",
)(lambda f: (f / "sources.csv").write_text(SOURCES.replace("2020-03,", "13/2020,")))
case("events-end-before-start", "events.csv row 2: end_date 2020-03-01 is before date 2020-03-10")(
    lambda f: (f / "events.csv").write_text(EVENTS.replace("2020-03-20", "2020-03-01"))
)
case("events-blank-title", "events.csv row 2: title is empty (expected a short headline)")(
    lambda f: (f / "events.csv").write_text(EVENTS.replace("Siege closes", "  "))
)
case("events-unknown-source", "events.csv row 2: sources has ['wire-z'], not ids in sources.csv")(
    lambda f: (f / "events.csv").write_text(EVENTS.replace(",wire-b", ",wire-z"))
)
case("events-missing-column", "events.csv header: is missing column(s) ['end_date']")(
    lambda f: (f / "events.csv").write_text("date,title,note,sources\n2020-03-10,Siege,,wire-b\n")
)


# ---- odd text: control characters and lone surrogates ------------------------------------------
CONTROL = "(expected text: line breaks and tabs are the only control characters it may hold)"
SURROGATE = "which is no character (expected text, as UTF-8)"
case("changes-note-escape", f"changes.csv row 2: note holds the control character U+001B at position 6 {CONTROL}")(
    with_change("2020-03-01,north-east,opposition,taken\x1b[31m red,,wire-a,high")
)
case("changes-note-nul", f"changes.csv row 2: note holds the control character U+0000 at position 1 {CONTROL}")(
    with_change("2020-03-01,north-east,opposition,\x00taken,,wire-a,high")
)
case(
    "changes-id-delete", f"changes.csv row 2: district_id holds the control character U+007F at position 11 {CONTROL}"
)(with_change("2020-03-01,north-east\x7f,opposition,taken,,wire-a,high"))
case("sources-title-c1", f"sources.csv row 2: title holds the control character U+0085 at position 3 {CONTROL}")(
    lambda f: (f / "sources.csv").write_text(SOURCES.replace(",Taken\n", ",Ta\x85ken\n"), encoding="utf-8")
)
case("events-title-bell", f"events.csv row 2: title holds the control character U+0007 at position 6 {CONTROL}")(
    lambda f: (f / "events.csv").write_text(EVENTS.replace("Siege closes", "Siege\x07closes"), encoding="utf-8")
)
case(
    "geo-name-lone-surrogate",
    f"districts.geojson at features[0].properties.name_en: holds a lone surrogate (U+D800) at position 6, {SURROGATE}",
)(with_feature(name_en="North\ud800"))
case(
    "geo-key-escape",
    f"districts.geojson at the key 'features[0].properties.\\x1bname': holds the control character U+001B at"
    f" position 1 {CONTROL}",
)(with_feature(**{"\x1bname": "x"}))
case(
    "meta-title-lone-surrogate",
    f"theatre.json at title: holds a lone surrogate (U+DC00) at position 1, {SURROGATE}",
)(lambda f: set_meta(f, title="\udc00 Testville"))
case("meta-licence-escape", f"theatre.json at licence: holds the control character U+001B at position 3 {CONTROL}")(
    lambda f: set_meta(f, licence="CC\x1b BY")
)


# ---- files that are not the theatre's own ------------------------------------------------------
def _replace_with_link(name: str, target: str) -> Edit:
    def edit(folder: Path) -> None:
        (folder / name).unlink()
        (folder / name).symlink_to(target)

    return edit


def _replace_with_folder(name: str) -> Edit:
    def edit(folder: Path) -> None:
        (folder / name).unlink()
        (folder / name).mkdir()
        (folder / name / "keep").write_text("a folder, not a file\n", encoding="utf-8")

    return edit


OUTSIDE = "resolves to a file outside the theatre folder (a symbolic link?), which is not read"
case("changes-link-outside", f"changes.csv: {OUTSIDE}")(_replace_with_link("changes.csv", "/etc/passwd"))
case("meta-link-device", f"theatre.json: {OUTSIDE}")(_replace_with_link("theatre.json", "/dev/zero"))
case("events-link-loop", "events.csv: could not be opened (a symbolic link loop)")(
    _replace_with_link("events.csv", "events.csv")
)
case("sources-folder", "sources.csv: is not a regular file (a folder or a device?), which is not read")(
    _replace_with_folder("sources.csv")
)
case("geo-folder", "districts.geojson: is not a regular file (a folder or a device?), which is not read")(
    _replace_with_folder("districts.geojson")
)


# ---- evidence layers (layers/<id>.json and layers/<id>.geojson) --------------------------------
LAYER_META = {
    "title": "Damage sites",
    "kind": "points",
    "about": "Sites seen damaged on satellite images",
    "caveat": "Damage, not control",
    "credit": "An imagery analyst",
    "category_property": "type",
    "categories": [{"value": "damaged", "label": "Damaged", "color": "#aa0000"}],
}
LAYER_FEATURE = {
    "type": "Feature",
    "properties": {"type": "damaged"},
    "geometry": {"type": "Point", "coordinates": [0.5, 0.5]},
}


def with_layer(
    meta: object = None, geojson: object = None, *, raw_geojson: str | None = None, name: str = "sites"
) -> Edit:
    """An edit that adds one layer (the valid one above unless told otherwise)."""

    def edit(folder: Path) -> None:
        layers = folder / "layers"
        layers.mkdir(exist_ok=True)
        (layers / f"{name}.json").write_text(json.dumps(LAYER_META if meta is None else meta), encoding="utf-8")
        collection = {"type": "FeatureCollection", "features": [LAYER_FEATURE]} if geojson is None else geojson
        text = raw_geojson if raw_geojson is not None else json.dumps(collection)
        (layers / f"{name}.geojson").write_text(text, encoding="utf-8")

    return edit


def with_layer_file(kind: str) -> Edit:
    """An edit that adds the valid layer, then replaces its GeoJSON by a folder or a link."""

    def edit(folder: Path) -> None:
        with_layer()(folder)
        geojson = folder / "layers" / "sites.geojson"
        geojson.unlink()
        if kind == "folder":
            geojson.mkdir()
            (geojson / "keep").write_text("a folder\n", encoding="utf-8")
        else:
            geojson.symlink_to({"loop": "sites.geojson", "device": "/dev/zero"}[kind])

    return edit


def two_layers_ordered(first: object, second: object) -> Edit:
    def edit(folder: Path) -> None:
        with_layer(dict(LAYER_META, order=first), name="a")(folder)
        with_layer(dict(LAYER_META, order=second), name="b")(folder)

    return edit


case("layer-order-text", "layers/a.json key 'order': was 'first' but is expected to be a number")(
    two_layers_ordered("first", 1)
)
case(
    "layer-category-value-list",
    "layers/sites.json category 1: is expected to be {value, label, color}: value a text or a number, color as #rrggbb",
)(with_layer(dict(LAYER_META, categories=[{"value": ["damaged"], "label": "Damaged", "color": "#aa0000"}])))
case("layer-category-property-list", "layers/sites.json key 'category_property': was ['type'] but is expected to be")(
    with_layer(dict(LAYER_META, category_property=["type"]))
)
case(
    "layer-feature-category-list", "layers/sites.geojson feature 1: type was ['damaged'], not a category in sites.json"
)(
    with_layer(
        geojson={"type": "FeatureCollection", "features": [dict(LAYER_FEATURE, properties={"type": ["damaged"]})]}
    )
)
case(
    "layer-feature-list",
    "layers/sites.geojson feature 1: was [0.5, 0.5] but is expected to be a GeoJSON Feature object",
)(with_layer(geojson={"type": "FeatureCollection", "features": [[0.5, 0.5]]}))
case(
    "layer-properties-text", "layers/sites.geojson feature 1: properties was 'damaged' but is expected to be an object"
)(with_layer(geojson={"type": "FeatureCollection", "features": [dict(LAYER_FEATURE, properties="damaged")]}))
case("layer-deep-nesting", "layers/sites.geojson: nests arrays or objects too deeply to be read")(
    with_layer(raw_geojson="[" * 5000 + "]" * 5000)
)
case("layer-meta-not-json", "layers/sites.json: is not valid JSON (Expecting property name")(
    lambda f: (with_layer()(f), (f / "layers" / "sites.json").write_text("{]", encoding="utf-8"))
)
case(
    "layer-credit-javascript",
    "layers/sites.json key 'credit_url': was 'javascript:alert(1)' but is expected to be an http(s) URL",
)(with_layer(dict(LAYER_META, credit_url="javascript:alert(1)")))
case("layer-geojson-folder", "layers/sites.geojson: is not a regular file (a folder or a device?), which is not read")(
    with_layer_file("folder")
)
case("layer-geojson-link-loop", "layers/sites.geojson: could not be opened (a symbolic link loop)")(
    with_layer_file("loop")
)
case("layer-geojson-link-device", f"layers/sites.geojson: {OUTSIDE}")(with_layer_file("device"))
case(
    "layer-title-escape",
    f"layers/sites.json at title: holds the control character U+001B at position 1 {CONTROL}",
)(with_layer(dict(LAYER_META, title="\x1b[2J Damage")))


# ---- limits --------------------------------------------------------------------------------------
case("meta-licence-long", "theatre.json key 'licence': is 1,000 characters long (expected at most 100)")(
    lambda f: set_meta(f, licence="x" * 1000)
)
case("meta-title-long", "theatre.json key 'title': is 10,000 characters long (expected at most 300)")(
    lambda f: set_meta(f, title="T" * 10_000)
)
case("geo-name-long", "name_en is 5,000 characters long (expected at most 200)")(with_feature(name_en="N" * 5000))
case(
    "geo-id-trailing-newline",
    "id was 'north-east\\n' but is expected to be a lowercase slug such as 'bustan-al-basha' (at most 64 characters)",
)(with_feature(id="north-east\n"))
case("geo-id-long", "(at most 64 characters)")(with_feature(id="a" * 65))
case(
    "geo-ring-not-closed",
    "geometry could not be read: ring 1 is not closed (expected at least 4 positions, the last equal",
)(with_feature(geometry={"type": "Polygon", "coordinates": [[[0, 0], [0.4, 0], [0.4, 0.4], [0, 0.4]]]}))
case("changes-note-long", "changes.csv row 2: note is 6,000 characters long (expected at most 5,000)")(
    with_change("2020-03-01,north-east,opposition," + "n" * 6000 + ",,wire-a,high")
)
case("sources-title-long", "sources.csv row 2: title is 400 characters long (expected at most 300)")(
    lambda f: (f / "sources.csv").write_text(SOURCES.replace(",Taken\n", "," + "t" * 400 + "\n"), encoding="utf-8")
)


# ---- shapes that validate but cannot be shown ----------------------------------------------------
case(
    "geo-utm-in-degrees",
    "districts.geojson key 'crs': was EPSG:32637, whose coordinates are metres, but every coordinate is within"
    " -180..180 / -90..90 (degrees?)",
)(lambda f: set_features(f, district_features(), crs={"type": "name", "properties": {"name": "EPSG:32637"}}))
case(
    "geo-far-apart",
    "districts.geojson: the districts span 170.0° of longitude and 0.0° of latitude (expected a city's, at most 5°",
)(
    with_feature(
        geometry={"type": "Polygon", "coordinates": [[[170, 0], [170.01, 0], [170.01, 0.01], [170, 0.01], [170, 0]]]}
    )
)
case(
    "geo-near-pole",
    "geometry lies outside longitude -180..180 / latitude -85..85, where a web map can draw it",
)(
    with_feature(
        geometry={"type": "Polygon", "coordinates": [[[0, 88], [0.01, 88], [0.01, 88.01], [0, 88.01], [0, 88]]]}
    )
)


# ---- hosts a browser would not parse -------------------------------------------------------------
case(
    "sources-host-five-numbers",
    "sources.csv row 2: url was 'https://1.2.3.4.5/x' but is expected to be one http(s) URL",
)(lambda f: (f / "sources.csv").write_text(SOURCES.replace("https://example.org/a", "https://1.2.3.4.5/x")))
case(
    "sources-host-empty-punycode", "sources.csv row 2: url was 'https://xn--/x' but is expected to be one http(s) URL"
)(lambda f: (f / "sources.csv").write_text(SOURCES.replace("https://example.org/a", "https://xn--/x")))
case(
    "changes-host-right-to-left",
    "changes.csv row 2: source_url has ['https://moc.sretuer\\u202e/x'], expected http(s) URLs",
)(with_change("2020-03-01,north-east,opposition,taken,https://moc.sretuer\u202e/x,wire-a,high"))


def build(out: Path = HERE) -> None:
    for name, (edit, expect) in CASES.items():
        folder = out / name
        shutil.rmtree(folder, ignore_errors=True)
        write_theatre(folder)
        write_changes(folder, *CHANGES)
        (folder / "sources.csv").write_text(SOURCES, encoding="utf-8")
        (folder / "events.csv").write_text(EVENTS, encoding="utf-8")
        edit(folder)
        (folder / "expect.txt").write_text(expect + "\n", encoding="utf-8")


if __name__ == "__main__":
    build()
    print(f"wrote {len(CASES)} cases to {HERE}")
