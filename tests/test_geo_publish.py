"""Publishing from geo: data versions and releases, exports, the on-disk cache, the static site."""

from __future__ import annotations

import base64
import csv
import io
import json
import os
import re
import shutil
import struct
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import static_site.build as site_module
from frontlines.cli import main
from geo import load_theatre
from geo.cache import cache_root, cached_json, cached_text, known_digest, load_theatre_cached
from geo.export import districts_geojson, write_state_csv, write_state_geojson
from geo.frontline import borders_payload
from geo.payloads import frontline_text, script_json, shapes_text, sourcing, timeline_text
from geo.quality import sourcing_summary
from geo.version import (
    VersionError,
    changed_since,
    data_digest,
    data_version,
    find_release,
    read_releases,
    record_release,
)
from mapui.map_scripts import MAP_SCRIPTS, map_library
from static_site.build import TEMPLATE, SiteError, timeline_bytes, write_site
from synthetic import CHANGES, META, district_features, write_theatre

ROOT = Path(__file__).resolve().parents[1]


def test_data_version_is_short_and_follows_the_data_files(theatre_dir):
    first = data_version(theatre_dir)
    assert len(first) == 8 and int(first, 16) >= 0
    assert load_theatre(theatre_dir).version == first
    (theatre_dir / "releases.json").write_text('{"releases": []}')  # not a data file
    assert data_version(theatre_dir) == first
    write_theatre(theatre_dir, changes=CHANGES[:2])
    assert data_version(theatre_dir) != first


def test_releases_list_what_changed_for_a_district(theatre_dir):
    old = record_release(load_theatre(theatre_dir))
    assert record_release(load_theatre(theatre_dir)) == old  # once per version
    edited = [*CHANGES[:2], {**CHANGES[2], "status": "contested", "note": "fighting again"}]
    edited.append(
        {
            "date": "2020-09-01",
            "district_id": "south-west",
            "status": "opposition",
            "note": "n",
            "source_url": "https://example.org/d",
        }
    )
    write_theatre(theatre_dir, changes=edited)
    theatre = load_theatre(theatre_dir)
    rows = changed_since(theatre, old.version, district_id="north-east")
    assert [(r["change"], r["date"], r["status"]) for r in rows] == [
        ("added", "2020-06-15", "contested"),
        ("removed", "2020-06-15", "government"),
    ]
    assert {r["district_id"] for r in changed_since(theatre, old.version)} == {"north-east", "south-west"}
    assert [r.version for r in read_releases(theatre_dir)] == [old.version]
    with pytest.raises(VersionError, match=r"data version '00000000' is not in the manifest of releases \(known: "):
        find_release(theatre_dir, "00000000")


def test_geo_changed_prints_csv(theatre_dir, capsys):
    assert main(["release", "--data", str(theatre_dir)]) == 0
    version = data_version(theatre_dir)
    write_theatre(theatre_dir, changes=CHANGES[:2])
    capsys.readouterr()
    assert main(["changed", "--since", version, "--district", "north-east", "--data", str(theatre_dir)]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert rows == [
        {
            "change": "removed",
            "district_id": "north-east",
            "date": "2020-06-15",
            "status": "government",
            "confidence": "",
            "sources": "https://example.org/c",
        }
    ]
    assert main(["changed", "--since", "ffffffff", "--data", str(theatre_dir)]) == 2
    assert "is not in the manifest of releases" in capsys.readouterr().err


def test_the_aleppo_manifest_is_well_formed():
    releases = read_releases(ROOT / "data" / "aleppo")
    assert releases, "data/aleppo/releases.json records at least one release"
    for release in releases:
        assert len(release.version) == 8 and release.released[:2] == "20"
        assert all(isinstance(v, list) for v in release.changes.values())


@pytest.mark.parametrize("fmt", ["geojson", "csv"])
def test_geo_export_writes_the_day(theatre_dir, tmp_path, capsys, fmt):
    out = tmp_path / f"day.{fmt}"
    export = ["export", "--date", "2020-06-15", "--format", fmt, "--out", str(out), "--data", str(theatre_dir)]
    assert main(export) == 0
    text = out.read_text(encoding="utf-8")
    if fmt == "csv":
        assert main(["state", "--date", "2020-06-15", "--data", str(theatre_dir)]) == 0
        assert text == capsys.readouterr().out.split("\n", 1)[1]  # the same as geo state
    else:
        data = json.loads(text)
        assert data["data_version"] == data_version(theatre_dir) and data["date"] == "2020-06-15"
        assert len(data["features"]) == 4
    export[2] = "2030-01-01"
    assert main(export) == 2
    assert "2030-01-01" in capsys.readouterr().err


def test_the_aleppo_export_on_7_october_2016(aleppo_theatre):
    csv_out, geojson_out = io.StringIO(), io.StringIO()
    write_state_csv(aleppo_theatre, "2016-10-07", csv_out)
    assert "bustan-al-basha,Bustan al-Basha,بستان الباشا" in csv_out.getvalue()
    assert ",contested,2016-10-06," in csv_out.getvalue()
    write_state_geojson(aleppo_theatre, "2016-10-07", geojson_out)
    data = json.loads(geojson_out.getvalue())
    assert data["licence"] == "CC BY 4.0" and data["data_version"] == aleppo_theatre.version
    bustan = next(f for f in data["features"] if f["properties"]["district_id"] == "bustan-al-basha")
    assert bustan["properties"]["status"] == "contested"


def test_the_cache_returns_the_same_theatre_and_is_keyed_by_the_data(theatre_dir, tmp_path):
    root = tmp_path / "cache"
    plain = load_theatre(theatre_dir)
    first = load_theatre_cached(theatre_dir, root=root)
    assert first.cache_folder is not None and first.cache_folder.parent == root
    again = load_theatre_cached(theatre_dir, root=root)
    assert again.changes.equals(plain.changes) and again.events.equals(plain.events)
    assert again.state_at("2020-07-01").equals(plain.state_at("2020-07-01"))
    assert again.meta == plain.meta and again.version == plain.version
    assert cached_text(again, "x.txt", lambda: "made") == "made"
    assert cached_text(again, "x.txt", lambda: "not again") == "made"
    assert cached_json(again, "x.json", lambda: {"a": 1}) == {"a": 1}
    assert cached_json(again, "x.json", lambda: {"a": 2}) == {"a": 1}
    write_theatre(theatre_dir, changes=CHANGES[:1])
    changed = load_theatre_cached(theatre_dir, root=root)
    assert changed.cache_folder != first.cache_folder and len(changed.changes) == 1


def test_evidence_layers_are_part_of_the_data_version_and_survive_the_cache(tmp_path):
    from geo.synth import synth_theatre

    folder = synth_theatre(tmp_path / "synth", districts=40, changes=200, seed=3)
    root = tmp_path / "cache"
    plain = load_theatre(folder)
    assert plain.layers
    load_theatre_cached(folder, root=root)  # writes the entry
    cached = load_theatre_cached(folder, root=root)  # reads it
    assert [(layer.id, layer.meta) for layer in cached.layers] == [(layer.id, layer.meta) for layer in plain.layers]
    assert all(a.points.equals(b.points) for a, b in zip(cached.layers, plain.layers, strict=True))
    before = data_version(folder)
    meta = next((folder / "layers").glob("*.json"))
    meta.write_text(meta.read_text().replace('"title": "', '"title": "Renamed: '), encoding="utf-8")
    assert data_version(folder) != before


def test_a_damaged_or_unwritable_cache_falls_back_to_the_files(theatre_dir, tmp_path):
    root = tmp_path / "cache"
    entry = load_theatre_cached(theatre_dir, root=root).cache_folder
    (entry / "changes.arrow").write_text("not arrow")
    assert len(load_theatre_cached(theatre_dir, root=root).changes) == len(CHANGES)
    # the damaged entry was replaced: the next process reads it rather than the files again
    assert load_theatre_cached(theatre_dir, root=root).changes.equals(load_theatre(theatre_dir).changes)
    head = json.loads((entry / "theatre.json").read_text())
    (entry / "theatre.json").write_text(json.dumps({"warnings": head["warnings"]}))  # an older entry's head
    assert len(load_theatre_cached(theatre_dir, root=root).changes) == len(CHANGES)
    assert "layers" in json.loads((entry / "theatre.json").read_text())
    assert sorted(p.name for p in root.iterdir()) == sorted([entry.name, "digests"])  # nothing left aside
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("")
    theatre = load_theatre_cached(theatre_dir, root=blocked / "cache")
    assert theatre.cache_folder is None and len(theatre.changes) == len(CHANGES)
    assert cached_text(theatre, "y", lambda: "plain") == "plain"


def test_the_data_digest_is_remembered_by_the_files_sizes_and_times(theatre_dir, tmp_path, monkeypatch):
    import geo.cache

    root = tmp_path / "cache"
    first = load_theatre_cached(theatre_dir, root=root)
    assert first.version == data_version(theatre_dir)

    def no_reading(directory):
        raise AssertionError("the files were read again")

    monkeypatch.setattr(geo.cache, "data_digest", no_reading)
    assert known_digest(theatre_dir, root)[:8] == first.version
    assert load_theatre_cached(theatre_dir, root=root).version == first.version
    monkeypatch.undo()
    changes = theatre_dir / "changes.csv"
    text = changes.read_text(encoding="utf-8")
    changes.write_text(text.replace("2020-06", "2020-05", 1), encoding="utf-8")  # the same size
    os.utime(changes, ns=(changes.stat().st_atime_ns, changes.stat().st_mtime_ns + 1_000_000))
    assert known_digest(theatre_dir, root) == data_digest(theatre_dir)
    assert data_digest(theatre_dir)[:8] != first.version


def test_cache_root_honours_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("FRONTLINES_CACHE", str(tmp_path))
    assert cache_root() == tmp_path
    monkeypatch.delenv("FRONTLINES_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_root() == tmp_path / "xdg" / "aleppo-frontlines"


def test_geo_site_writes_a_self_contained_site(theatre_dir, tmp_path, capsys):
    out = tmp_path / "site"
    assert main(["site", "--out", str(out), "--data", str(theatre_dir)]) == 0
    page = (out / "index.html").read_text(encoding="utf-8")
    assert (
        '<script defer src="https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js"'
        f' integrity="{site_module.LEAFLET_INTEGRITY["leaflet.js"]}" crossorigin="anonymous"></script>'
    ) in page  # the CDN's Leaflet runs only with the bytes its hash names
    assert "script-src 'self' https://cdn.jsdelivr.net;" in page
    # one script: the dashboard's map scripts, joined as the dashboard joins them, then the site's own
    script = (out / "site.js").read_text(encoding="utf-8")
    assert script.startswith(map_library())
    assert script.endswith((TEMPLATE / "site.js").read_text(encoding="utf-8"))
    assert (TEMPLATE / "site_data.js").read_text(encoding="utf-8") in script
    assert '<script defer src="site.js"></script>' in page and not (out / "map").exists()
    # the configuration in the page equals data/config.json
    config = json.loads((out / "data" / "config.json").read_text())
    inline = page.split('<script type="application/json" id="site-config">')[1].split("</script>")[0]
    assert json.loads(inline) == config
    assert config["version"] == data_version(theatre_dir)
    assert config["opening"] == config["end"] == "2020-12-31"  # no opening_date: a link without a date opens last
    # a small theatre's first-paint data is in the page itself (and in its files): no request for it
    assert "preload" not in page
    for name, inline in (
        ("data/timeline.bin", "timeline"),
        ("data/shapes.geojson", "shapes"),
        ("data/frontline.json", "frontline"),
        ("data/districts.json", "districts"),
    ):
        assert inline_element(page, inline) == (out / name).read_bytes()
    assert (out / "data" / config["downloads"]["changes"]).is_file()
    assert oct(out.stat().st_mode)[-3:] == "755"
    # written again over itself; never over other files
    assert main(["site", "--out", str(out), "--data", str(theatre_dir)]) == 0
    other = tmp_path / "other"
    other.mkdir()
    (other / "keep.txt").write_text("mine")
    with pytest.raises(SiteError, match="is not empty and holds no site written before"):
        write_site(load_theatre(theatre_dir), other)
    assert (other / "keep.txt").read_text() == "mine"


def inline_element(page: str, name: str) -> bytes:
    """The content of the page's ``<script id="site-data-NAME">``, as its file's bytes."""
    found = re.search(rf'<script type="([^"]+)" id="site-data-{name}">(.*?)</script>', page, re.DOTALL)
    assert found is not None, name
    kind, text = found.groups()
    if kind == "application/octet-stream;base64":
        return base64.b64decode(text)
    assert kind == "application/json" and "<" not in text  # nothing in it can close the element
    return json.dumps(json.loads(text), ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def test_a_large_theatres_page_asks_for_its_first_paint_data_from_its_head(theatre_dir, tmp_path, monkeypatch):
    monkeypatch.setattr(site_module, "INLINE_LIMIT", 100)  # the test theatre's data is larger: files
    out = write_site(load_theatre(theatre_dir), tmp_path / "site")
    page = (out / "index.html").read_text(encoding="utf-8")
    head = page.split("</head>")[0]
    assert "site-data-" not in page
    for name in ("data/timeline.bin", "data/shapes.geojson", "data/frontline.json", "data/districts.json"):
        assert f'<link rel="preload" href="{name}" as="fetch" crossorigin="anonymous">' in head
        assert (out / name).is_file()
        assert head.index(name) < head.index("<script")
    # and the choice can be made either way
    forced = (write_site(load_theatre(theatre_dir), tmp_path / "inline", inline=True) / "index.html").read_text()
    assert 'id="site-data-shapes"' in forced and "preload" not in forced


def test_the_aleppo_site_has_the_front_line_names_legend_and_evidence_layers(aleppo_theatre, tmp_path):
    out = write_site(aleppo_theatre, tmp_path / "site")
    page = (out / "index.html").read_text(encoding="utf-8")
    for name in ("frontline.js", "labels.js", "evidence_layers.js", "legend.js"):
        assert (MAP_SCRIPTS / name).read_text(encoding="utf-8") in (out / "site.js").read_text(encoding="utf-8")
    assert (MAP_SCRIPTS / "overlays.css").read_text(encoding="utf-8") in page  # the styles are in the page
    config = json.loads((out / "data" / "config.json").read_text())
    assert config["opening"] == "2016-10-07"  # theatre.json's opening_date: the divided city
    overlays = config["overlays"]
    assert overlays["fitCity"] is True and overlays["legend"]["frontline"].startswith("Front line")
    assert overlays["frontline"]["url"] == "data/frontline.json" and (out / overlays["frontline"]["url"]).is_file()
    assert [layer["id"] for layer in overlays["layers"]] == ["hrw-damage-sites", "unosat-damage-2015", "cultural-sites"]
    for layer in overlays["layers"]:
        assert "lon" not in layer and json.loads((out / layer["url"]).read_text())["id"] == layer["id"]


def test_geo_site_vendors_leaflet_from_a_folder(tmp_path, theatre_dir):
    dist = tmp_path / "dist"
    dist.mkdir()
    (dist / "leaflet.js").write_text("/* leaflet */")
    (dist / "leaflet.css").write_text(".leaflet-control-layers-toggle { background-image: url(images/layers.png); }")
    (dist / "leaflet.js.map").write_text("{}")
    out = write_site(load_theatre(theatre_dir), tmp_path / "site", vendor_leaflet=dist)
    page = (out / "index.html").read_text()
    assert 'src="leaflet/leaflet.js"' in page and "cdn.jsdelivr" not in page
    # Leaflet's styles are in the page's own (no stylesheet request), its images under leaflet/
    assert "background-image: url(leaflet/images/layers.png)" in page and 'rel="stylesheet"' not in page
    assert (out / "leaflet" / "leaflet.js").is_file() and not (out / "leaflet" / "leaflet.js.map").exists()
    with pytest.raises(SiteError, match=r"holds no leaflet\.js and leaflet\.css"):
        write_site(load_theatre(theatre_dir), tmp_path / "site2", vendor_leaflet=tmp_path / "nowhere")


def test_a_title_from_data_is_escaped_in_the_page(tmp_path):
    title = "<script>alert(1)</script><!-- {{CONFIG}} &"
    features = district_features()
    features[0]["properties"]["name_en"] = "</script><script>alert(2)</script>"
    folder = write_theatre(tmp_path / "evil", meta={**META, "title": title}, features=features)
    out = write_site(load_theatre(folder), tmp_path / "site")
    page = (out / "index.html").read_text()
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;&lt;!-- {{CONFIG}} &amp;" in page
    # in the page's configuration too: no "<" closes its script element, and the title is intact
    inline = page.split('<script type="application/json" id="site-config">')[1].split("</script>")[0]
    assert "<" not in inline and json.loads(inline)["title"] == title
    assert page.count('id="site-config"') == 1
    # and in the first view's data written into the page: the name is intact, closing nothing
    shapes = json.loads(inline_element(page, "shapes"))
    assert shapes["features"][0]["properties"]["name_en"] == "</script><script>alert(2)</script>"
    assert json.loads(inline_element(page, "districts"))[0]["name_en"] == "</script><script>alert(2)</script>"


def test_the_timelines_file_holds_geos_timelines(theatre_dir):
    timelines = load_theatre(theatre_dir).timelines()
    data = timeline_bytes(timelines)
    count, changes, base_day, initial, day_bytes = struct.unpack_from("<5i", data, 4)
    assert data[:4] == b"FLT1" and (count, changes) == (len(timelines["offsets"]) - 1, len(timelines["days"]))
    assert (base_day, initial, day_bytes) == (timelines["base_day"], timelines["initial"], 2)
    at = 24
    assert np.frombuffer(data, "<i4", count + 1, at).tolist() == timelines["offsets"]
    at += 4 * (count + 1)
    assert np.frombuffer(data, "<u2", changes, at).tolist() == timelines["days"]
    assert data[at + 2 * changes :].decode("ascii") == timelines["codes"]
    # days past 65,535 (or before the start) take four bytes each
    wide = timeline_bytes({**timelines, "days": [70000, -1, *timelines["days"][2:]]})
    assert struct.unpack_from("<i", wide, 20)[0] == 4
    assert np.frombuffer(wide, "<i4", 2, 24 + 4 * (count + 1)).tolist() == [70000, -1]


def test_the_cli_cache_and_version_commands(theatre_dir, monkeypatch, tmp_path, capsys):
    monkeypatch.setenv("FRONTLINES_CACHE", str(tmp_path / "c"))
    assert main(["cache", "--data", str(theatre_dir)]) == 0
    assert str(tmp_path / "c") in capsys.readouterr().out
    assert main(["version", "--data", str(theatre_dir)]) == 0
    assert capsys.readouterr().out.strip() == data_version(theatre_dir)
    assert os.listdir(tmp_path / "c")
    # the map's data as the dashboard serves it is stored too: a fresh process reads, never computes, it
    theatre = load_theatre(theatre_dir)
    entry = load_theatre_cached(theatre_dir, root=tmp_path / "c").cache_folder
    for name, value in (
        ("shapes.json", districts_geojson(theatre)),
        ("timeline.json", theatre.timelines()),
        ("frontline.json", borders_payload(theatre.borders)),
        ("sourcing.json", sourcing_summary(theatre)),
    ):
        assert json.loads((entry / name).read_text()) == json.loads(json.dumps(value)), name


def test_the_payloads_read_from_the_cache_are_those_computed(theatre_dir, tmp_path):
    plain = load_theatre(theatre_dir)  # no cache entry: computed each time
    first = load_theatre_cached(theatre_dir, root=tmp_path / "c")  # computed and stored
    again = load_theatre_cached(theatre_dir, root=tmp_path / "c")  # read back
    for make in (shapes_text, timeline_text, frontline_text, sourcing):
        assert make(plain) == make(first) == make(again)
    assert json.loads(shapes_text(again)) == json.loads(json.dumps(districts_geojson(plain)))
    assert sourcing(again) == sourcing_summary(plain)


def test_script_json_cannot_close_a_script_element():
    text = script_json({"name": "</script><b>&\u2028"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"name": "</script><b>&\u2028"}


@pytest.mark.parametrize("dtype", [object, "str"])
def test_positions_in_finds_each_value_or_minus_one(dtype):
    from geo.theatre import positions_in

    values = pd.Series(["b", "a", "zz", None, "a"], dtype=dtype)
    assert positions_in(values, ["a", "b"]).tolist() == [1, 0, -1, -1, 0]
    assert positions_in(values, ["a", "b"]).tolist() == pd.Index(["a", "b"]).get_indexer(values).tolist()
    assert positions_in(pd.Series([], dtype=dtype), ["a"]).tolist() == []


def test_an_entry_copied_under_another_theatres_name_is_not_served(tmp_path):
    root = tmp_path / "cache"
    first = write_theatre(tmp_path / "first")
    second = write_theatre(tmp_path / "second", changes=[CHANGES[0]])
    meta = json.loads((second / "theatre.json").read_text())
    (second / "theatre.json").write_text(json.dumps(dict(meta, title="Second city")))
    entry_of_first = load_theatre_cached(first, root=root).cache_folder
    entry_of_second = load_theatre_cached(second, root=root).cache_folder
    shutil.rmtree(entry_of_second)
    shutil.copytree(entry_of_first, entry_of_second)  # the first's tables under the second's name
    served = load_theatre_cached(second, root=root)
    assert served.meta.title == "Second city" and served.version == data_version(second)
    assert len(served.changes) == 1  # its own changes, not the first theatre's two


def test_a_memo_overwritten_with_another_theatres_digest_serves_this_theatres_data(tmp_path):
    import geo.cache

    root = tmp_path / "cache"
    first = write_theatre(tmp_path / "first")
    second = write_theatre(tmp_path / "second", changes=[CHANGES[0]])
    load_theatre_cached(first, root=root)
    load_theatre_cached(second, root=root)
    geo.cache._remember(geo.cache._memo(second, root), data_digest(first))  # a tampered or stale memo
    served = load_theatre_cached(second, root=root)
    assert len(served.changes) == 1 and served.version == data_version(second)
    assert known_digest(second, root) == data_digest(second)  # the memo is mended


def test_an_edit_that_restores_size_and_modification_time_is_a_new_version(theatre_dir, tmp_path):
    root = tmp_path / "cache"
    before = load_theatre_cached(theatre_dir, root=root).version
    changes = theatre_dir / "changes.csv"
    status = changes.stat()
    changes.write_bytes(changes.read_bytes().replace(b"taken", b"TAKEN", 1))
    os.utime(changes, ns=(status.st_atime_ns, status.st_mtime_ns))  # size and mtime as they were
    assert changes.stat().st_size == status.st_size and changes.stat().st_mtime_ns == status.st_mtime_ns
    after = load_theatre_cached(theatre_dir, root=root)
    assert after.version == data_version(theatre_dir) != before
