"""The view in a share link: the Python parser equals view_url.js on the shared cases."""

from __future__ import annotations

import json
import re
from dataclasses import asdict
from pathlib import Path
from urllib.parse import parse_qsl

import pytest

from components.url_state import VIEW_KEYS, parse_view, problem_notice
from mapui.i18n import LANGUAGES

CASES = json.loads((Path(__file__).with_name("url_view_cases.json")).read_text(encoding="utf-8"))["cases"]


@pytest.mark.parametrize("case", CASES, ids=[c["query"] or "(empty)" for c in CASES])
def test_python_parser_equals_the_shared_cases(case):
    params: dict[str, str] = {}
    for key, value in parse_qsl(case["query"].lstrip("?"), keep_blank_values=True):
        params.setdefault(key, value)  # the first of a repeated parameter, as first_value reads it
    view = parse_view(params)
    found = asdict(view)
    problems = [list(p) for p in found.pop("problems")]
    found["from"] = found.pop("from_")
    if found["layers"] is not None:
        found["layers"] = list(found["layers"])
    expected = {key: case["view"].get(key) for key in VIEW_KEYS}
    assert found == expected
    assert problems == case["problems"]


def test_a_long_bad_value_is_shortened_in_its_notice():
    notice = problem_notice("district", "x" * 500, "en")
    assert len(notice) < 160
    assert notice.startswith("The link's district was ignored: 'xxx")
    assert "is not a district id such as bustan-al-basha" in notice


def test_notices_are_in_the_readers_language():
    assert problem_notice("lang", "fr", "en") == "The link's lang was ignored: 'fr' is not one of en, ar."
    arabic = problem_notice("map", "23/36/37", "ar")
    assert "'23/36/37'" in arabic and "The link" not in arabic


def test_both_parsers_know_the_same_languages():
    script = (Path(__file__).parents[1] / "mapui" / "map" / "view_url.js").read_text(encoding="utf-8")
    listed = re.search(r"var LANGUAGES = \[([^\]]*)\]", script)
    assert listed is not None
    assert tuple(re.findall(r'"(\w+)"', listed.group(1))) == LANGUAGES
