"""Source URLs: validation accepts what a browser parses too, and labels hosts as a browser would."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from geo.urls import host_of, is_http_url

CASES = json.loads(Path(__file__).with_name("url_host_cases.json").read_text(encoding="utf-8"))["cases"]


@pytest.mark.parametrize("case", CASES, ids=[c["url"] for c in CASES])
def test_validation_and_the_label_follow_the_shared_cases(case):
    assert is_http_url(case["url"]) is case["valid"]
    if "label" in case:
        assert host_of(case["url"]) == case["label"]
    if not case["valid"]:
        assert host_of(case["url"]) is None or not case["url"].startswith("http")
