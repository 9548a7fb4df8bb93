"""The map's and the static site's browser code, tested outside the browser with Node's test runner.

The status look-up in status_timeline.js must equal geo's on every day: Python writes the
expected status characters of every day of the Aleppo data and of a synthetic theatre, and
``node --test tests/js/`` compares.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest

from components.map_view import _MAP_LIBRARY, _MAP_LOADER, DistrictLayer, StatusUpdate
from geo import load_theatre
from geo.dates import day_number
from geo.export import download_name, state_geojson, write_state_csv
from geo.frontline import FRONT_STATUSES
from geo.statuses import STATUS_CHAR_BASES, STATUSES, encode_status_chars
from geo.synth import synth_theatre
from static_site.build import write_site

ROOT = Path(__file__).resolve().parents[1]
ONE_DAY = dt.timedelta(days=1)
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def _node() -> str:
    node = shutil.which("node") or shutil.which("nodejs")
    if node is None:
        if IN_CI:
            pytest.fail("node is not installed (apt-get install nodejs)", pytrace=False)
        pytest.skip("node is not installed")
    return node


def _every_day(name: str, folder: Path) -> dict:
    theatre = load_theatre(folder)
    first, last = day_number(theatre.meta.start_date), day_number(theatre.meta.end_date)
    days = [theatre.meta.start_date + (d - first) * ONE_DAY for d in range(first, last + 1)]
    expected = [encode_status_chars(theatre.status_codes_at(day), theatre.low_confidence_at(day)) for day in days]
    return {
        "name": name,
        "timeline": theatre.timelines(),
        "format": STATUS_CHAR_BASES,
        "first_day": first,
        "last_day": last,
        "expected": expected,
        # the front line: geo's mask of every day, as a string of 0 and 1 per border
        "pairs": theatre.borders.pairs.reshape(-1).tolist(),
        "front_codes": [s in FRONT_STATUSES for s in STATUSES],
        "expected_front": ["".join("1" if on else "0" for on in theatre.front_line_at(day)) for day in days],
    }


SITE_DAYS = ("2012-07-01", "2012-07-25", "2013-06-01", "2016-10-07", "2016-12-22", "2016-12-31")


def _site_with_expected(tmp_path: Path) -> Path:
    """A static site of the Aleppo data and, in expected/, geo's CSV and GeoJSON of some days
    and its timelines."""
    theatre = load_theatre(ROOT / "data" / "aleppo")
    folder = write_site(theatre, tmp_path / "site")
    days = []
    for day in SITE_DAYS:
        csv = io.StringIO()
        write_state_csv(theatre, day, csv)
        name = download_name(theatre, day, ".csv")
        days.append({"date": day, "csv": csv.getvalue(), "geojson": state_geojson(theatre, day), "csv_name": name})
    (folder / "expected").mkdir()
    (folder / "expected" / "days.json").write_text(json.dumps(days, ensure_ascii=False), encoding="utf-8")
    (folder / "expected" / "timeline.json").write_text(json.dumps(theatre.timelines()), encoding="utf-8")
    return folder


@pytest.mark.slow  # starts Node
def test_node_status_look_up_equals_geo_on_every_day(tmp_path):
    node = _node()
    cases = [
        _every_day("aleppo", ROOT / "data" / "aleppo"),
        _every_day("synthetic", synth_theatre(tmp_path / "synth", districts=40, changes=900, seed=5)),
    ]
    assert any(c != cases[0]["expected"][0] for c in cases[0]["expected"])  # the statuses do change
    assert len(set(cases[0]["expected_front"])) > 10  # and so does the front line
    fixtures = tmp_path / "cases.json"
    fixtures.write_text(json.dumps(cases))
    result = subprocess.run(
        [node, "--test", str(ROOT / "tests" / "js")],
        env={**os.environ, "FRONTLINES_FIXTURES": str(fixtures), "FRONTLINES_SITE": str(_site_with_expected(tmp_path))},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "# fail 0" in result.stdout and "# skipped 0" in result.stdout, result.stdout


def test_the_map_library_is_safe_inside_a_script_element():
    assert "</script" not in _MAP_LIBRARY.lower()
    for name in (
        "FrontlinesMap",
        "frontlinesTimeline",
        "frontlinesFrontline",
        "frontlinesLabels",
        "frontlinesEvidence",
    ):
        assert name in _MAP_LIBRARY


def test_the_loader_is_safe_inside_a_script_element_and_not_part_of_the_library():
    assert "</script" not in _MAP_LOADER.lower() and "FrontlinesLoader" in _MAP_LOADER
    assert "FrontlinesLoader = " not in _MAP_LIBRARY


def _rendered(library_paths: dict[str, str] | None) -> tuple[str, str]:
    """The script and the header a DistrictLayer adds to a map."""
    import folium

    base = folium.Map(tiles=None)
    layer = DistrictLayer(shapes_path="x.geojson", inline_shapes_js=None, unknown_code=5, library_paths=library_paths)
    layer.add_to(base)
    base.render()
    return layer._template.module.script(layer), layer._template.module.header(layer)


def test_with_static_paths_the_script_carries_the_loader_not_the_library():
    script, header = _rendered({".js": "app/static/map/abc.js", ".css": "app/static/map/abc.css"})
    assert _MAP_LOADER in script and _MAP_LIBRARY not in script and "<style>" not in header
    assert 'FrontlinesLoader.start({"script":"app/static/map/abc.js","styles":"app/static/map/abc.css"}, {' in script
    assert len(script) < len(_MAP_LIBRARY) / 4


def test_without_static_paths_the_library_and_styles_are_inline():
    script, header = _rendered(None)
    assert script.index(_MAP_LOADER) < script.index(_MAP_LIBRARY) < script.index("FrontlinesLoader.start(null, {")
    assert "<style>" in header and ".frontlines-load-error" in header


def test_the_status_update_waits_for_the_library():
    import folium

    update = StatusUpdate(np.array([0, 1]), np.array([False, True]), "a", "2016-10-07", focus=("a", 2))
    update.add_to(folium.Map(tiles=None))
    script = update._template.module.script(update)
    assert "FrontlinesLoader.call(function (frontlines) {" in script
    assert 'frontlines.apply("' in script and 'frontlines.focus("a", 2)' in script
    assert "window.frontlines" not in script


def test_a_rerun_compiles_only_the_status_groups_own_small_texts(monkeypatch):
    """A rerun makes the status feature group's script alone (MapFrame keeps the base map's part):
    it compiles none of the map's code, shapes or folium's includes, only the group's few lines."""
    import jinja2

    from components.map_view import MapFrame, build_map

    options = {
        "center": [36.2, 37.15], "zoom": 12, "timeline_path": "t.json", "slider_key": "date", "share_title": None,
        "lang": "en", "shapes_path": "s.json", "unknown_code": 5, "frontline": None, "layers": [],
        "playback_days": None, "library_paths": None,
    }  # fmt: skip
    frame = MapFrame(build_map(options, None), key="map")
    compiled: list[str] = []
    compile_template = jinja2.Environment.compile

    def spy(self, source, *args, **kwargs):
        compiled.append(source)
        return compile_template(self, source, *args, **kwargs)

    monkeypatch.setattr(jinja2.Environment, "compile", spy)
    script = frame.feature_group_script(StatusUpdate(np.array([0]), np.array([False]), None, "2016-10-07"))
    assert "frontlines.apply(" in script
    assert compiled, "the spy sees compilations"
    assert all(len(source) < 1000 for source in compiled), [len(source) for source in compiled]
    assert not [s for s in compiled if "FrontlinesLoader.start" in s or "FeatureCollection" in s]


def test_init_options_are_one_json_object_with_the_status_format():
    import folium

    base = folium.Map()
    layer = DistrictLayer(
        shapes_path=None, inline_shapes_js='{"type":"FeatureCollection","features":[]}', unknown_code=5
    )
    layer.add_to(base)
    options = json.loads(layer.options_js())
    assert options["map"] == base.get_name()
    assert options["format"] == STATUS_CHAR_BASES
    assert options["shapes"] == {"type": "FeatureCollection", "features": []}
    assert options["styles"][options["unknownCode"]]["status"] == "unknown"
    assert options["fitCity"] is True and options["labels"] is True and options["layers"] == []
    assert "Front line" in options["legend"]["frontline"] and "Approximate" in options["legend"]["approximate"]
    assert (
        options["dir"] == "ltr" and options["evidenceText"]["structures"]["other"] == "{count} structures in districts"
    )


def test_the_legend_and_evidence_text_follow_the_interface_language():
    from mapui.i18n import t

    layer = DistrictLayer(shapes_path="x.geojson", inline_shapes_js=None, unknown_code=5, lang="ar")
    options = layer._options
    assert options["dir"] == "rtl" and options["lang"] == "ar"
    assert options["legend"]["frontline"] == t("map_legend.frontline", "ar")
    assert options["legend"]["fitCity"] == t("map_legend.fitCity", "ar")
    assert set(options["evidenceText"]["structures"]) == {"zero", "one", "two", "few", "many", "other"}


def test_the_front_line_options_say_which_statuses_it_separates():
    layer = DistrictLayer(shapes_path="x.geojson", inline_shapes_js=None, unknown_code=5, frontline={"url": "f.json"})
    front = layer._options["frontline"]
    assert front["url"] == "f.json"
    assert [s for s, on in zip(STATUSES, front["frontCodes"], strict=True) if on] == list(FRONT_STATUSES)
