"""The HAR file that answers the browser's CDN requests in tests and benchmarks."""

from __future__ import annotations

import base64
import json

from frontlines_dev import assets


def test_the_cdn_har_is_moved_into_place_whole(tmp_path, monkeypatch):
    for folder in (*[f for _, f in assets.PACKAGES.values()], *assets.TOOLS.values()):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "package.json").write_text("{}")
    (tmp_path / "leaflet-1.9.3" / "dist").mkdir()
    (tmp_path / "leaflet-1.9.3" / "dist" / "leaflet.js").write_text("/* leaflet */")
    monkeypatch.setattr(assets, "ASSETS", tmp_path)
    (tmp_path / "cdn.har").write_text('{"log": {"entries": [')  # a reader could once see a half-written file
    har = assets.cdn_har.__wrapped__()
    entries = json.loads(har.read_text())["log"]["entries"]
    assert [e["request"]["url"] for e in entries] == ["https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js"]
    assert base64.b64decode(entries[0]["response"]["content"]["text"]) == b"/* leaflet */"
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["cdn.har"]  # nothing left aside
