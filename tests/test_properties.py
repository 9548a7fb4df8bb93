"""Property-based tests (Hypothesis): any input gives a result or a Problem, never another exception.

Covered: the source-URL check and the link labels built from it, the view values a
URL carries (date and district), and the CSV and GeoJSON readers fed arbitrary bytes
and arbitrary JSON.
"""

from __future__ import annotations

import contextlib
import json
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from components.text import md_link, md_text, source_links
from geo import GeoError, Problem, check_theatre, is_http_url
from geo.districts import read_districts
from geo.tables import CHANGES_FILE, EVENTS_FILE, SOURCES_FILE, read_table
from synthetic import write_theatre

FAST = settings(max_examples=150, deadline=None)
FILES = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

URL_ALPHABET = st.sampled_from(list("abc:/?#[]@%.-_~!$&'()*+,;=0123456789 \\\"<>\u00e9\uff0f\u2100\t"))
url_like = st.builds(
    lambda scheme, rest: scheme + rest,
    st.sampled_from(["http://", "https://", "HTTP://", "ftp://", "", "https:"]),
    st.text(URL_ALPHABET, max_size=40),
)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=8),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=30,
)


@pytest.fixture(scope="module")
def theatre(testville):
    return testville


@FAST
@given(st.one_of(url_like, st.text(max_size=60)))
def test_a_url_that_passes_the_check_parses_as_the_page_parses_it(value):
    if is_http_url(value):
        parts = urlsplit(value)
        assert parts.scheme.lower() in ("http", "https") and parts.hostname
        assert parts.port is None or 0 <= parts.port <= 65535
    for text in (md_link("label", value), source_links(value), md_text(value)):
        assert "\n" not in text


@FAST
@given(st.text(max_size=40))
def test_a_date_or_district_from_a_url_is_a_value_or_a_geo_error(theatre, value):
    for check in (theatre.require_date, theatre.require_district):
        with contextlib.suppress(GeoError):
            check(value)


def _write(folder: Path, name: str, data: bytes) -> None:
    (folder / name).write_bytes(data)


@FILES
@given(
    st.sampled_from([CHANGES_FILE, SOURCES_FILE, EVENTS_FILE]),
    st.one_of(
        st.binary(max_size=300),
        st.lists(st.lists(st.text(max_size=12), max_size=8), max_size=6).map(
            lambda rows: "\n".join(",".join(r) for r in rows).encode("utf-8")
        ),
        st.lists(st.sampled_from(["date", "district_id", "status", "note", "source_url", ",", '"', "\n", "x"])).map(
            lambda parts: "".join(parts).encode("utf-8")
        ),
    ),
)
def test_any_csv_file_gives_a_table_or_problems(name, data):
    with tempfile.TemporaryDirectory() as folder:
        _write(Path(folder), name, data)
        problems: list[Problem] = []
        table = read_table(Path(folder), name, problems)
        assert table is not None or problems
        assert all(isinstance(p, Problem) and p.file == name for p in problems)


@FILES
@given(st.one_of(json_values, st.fixed_dictionaries({"type": st.just("FeatureCollection"), "features": json_values})))
def test_any_json_districts_file_gives_districts_or_problems(value):
    with tempfile.TemporaryDirectory() as folder:
        _write(Path(folder), "districts.geojson", json.dumps(value).encode("utf-8"))
        problems: list[Problem] = []
        districts = read_districts(Path(folder), problems)
        assert districts is not None or problems


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=200), json_values)
def test_a_whole_theatre_with_any_changes_and_metadata_gives_a_theatre_or_problems(changes, meta):
    with tempfile.TemporaryDirectory() as folder:
        theatre_dir = write_theatre(Path(folder) / "t")
        _write(theatre_dir, "changes.csv", changes)
        _write(theatre_dir, "theatre.json", json.dumps(meta).encode("utf-8"))
        theatre, problems = check_theatre(theatre_dir)
        assert theatre is None and any(p.severity == "error" for p in problems)
