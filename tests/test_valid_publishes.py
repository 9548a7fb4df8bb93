"""A theatre that validates publishes: the static site, the exports and the cache succeed on every
theatre at the edges of what validation accepts (the longest texts, every script, odd but valid
URLs, warnings), or validation would have said why."""

from __future__ import annotations

import io
import json

import pytest

from apptest import app
from geo.cache import load_theatre_cached
from geo.export import write_change_log_csv, write_history_csv, write_state_csv, write_state_geojson
from geo.load import check_theatre
from geo.text_rules import MAX_ID_CHARACTERS, MAX_LICENCE_CHARACTERS, MAX_NAME_CHARACTERS, MAX_TITLE_CHARACTERS
from static_site.build import write_site
from synthetic import CHANGES, META, district_features, write_theatre

EDGE_URLS = [
    "https://مثال.example/تقرير?q=١",  # an Arabic host and path
    "https://[2001:db8::1]:8443/report",
    "http://1.2.3.4/r#x",
    "https://sub_domain.example.org/a%20b",
    "https://reuters.сom/mixed-script",  # shown as punycode
]


def edge_theatres():
    longest = "ش" * MAX_NAME_CHARACTERS
    yield (
        "longest texts",
        {
            "meta": dict(META, title="T" * MAX_TITLE_CHARACTERS, licence="L" * MAX_LICENCE_CHARACTERS),
            "names": {"name_en": "N" * MAX_NAME_CHARACTERS, "name_ar": longest, "id": "a" * MAX_ID_CHARACTERS},
            "note": "n" * 4_999,
        },
    )
    yield (
        "every script",
        {
            "meta": dict(META, title="Ville 市 城市 город مدينة 🏙️"),
            "names": {"name_en": "Ẓ̌ a\u0301 e\u0308 👩🏽‍⚕️", "name_ar": "حَيّ ١٢", "id": "mixed-script"},
            "note": "line one\nline two\twith a tab; \u200fRTL mark \u202bembedding\u202c <b>x</b> **y** ![z](https://x.example/z)",
        },
    )
    yield "odd but valid URLs", {"urls": " ".join(EDGE_URLS)}
    yield "a warning (an empty Arabic name without a note)", {"names": {"name_ar": ""}}


@pytest.mark.slow  # writes a whole site per theatre
@pytest.mark.parametrize(("what", "edge"), list(edge_theatres()), ids=[w for w, _ in edge_theatres()])
def test_a_theatre_at_the_edges_of_validation_publishes(tmp_path, monkeypatch, what, edge):
    features = district_features()
    features[0]["properties"].update(edge.get("names", {}))
    first_id = features[0]["properties"]["id"]
    changes = [dict(change) for change in CHANGES]
    for change in changes:
        if change["district_id"] == "north-east":
            change["district_id"] = first_id
    changes[0].update(note=edge.get("note", changes[0]["note"]), source_url=edge.get("urls", changes[0]["source_url"]))
    folder = write_theatre(tmp_path / "edge", meta=edge.get("meta"), features=features, changes=changes)
    theatre, problems = check_theatre(folder)
    assert theatre is not None, [str(p) for p in problems]
    site = write_site(theatre, tmp_path / "site")
    assert (site / "index.html").is_file() and json.loads((site / "data" / "config.json").read_text())
    for write in (
        lambda out: write_state_csv(theatre, "2020-12-31", out),
        lambda out: write_state_geojson(theatre, "2020-12-31", out),
        lambda out: write_change_log_csv(theatre, out),
        lambda out: write_history_csv(theatre, first_id, out),
    ):
        out = io.StringIO()
        write(out)
        out.getvalue().encode("utf-8")  # every text can be written out
    cached = load_theatre_cached(folder, root=tmp_path / "cache")
    assert cached.version == theatre.version and len(cached.changes) == len(theatre.changes)
    monkeypatch.setenv("FRONTLINES_CACHE", str(tmp_path / "cache"))
    for lang in ("en", "ar"):
        at = app(monkeypatch, folder, date="2020-03-01", district=first_id, lang=lang)
        assert not at.error, [e.value for e in at.error]  # no piece of the page failed
