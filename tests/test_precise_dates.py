"""Dates from the data are written with the precision they have, in the dashboard as in the site."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from components.district_panel import readable_date

CASES = json.loads(Path(__file__).with_name("precise_date_cases.json").read_text(encoding="utf-8"))["cases"]


@pytest.mark.parametrize(("iso", "precision", "written"), CASES)
def test_the_dashboard_writes_the_shared_cases(iso, precision, written):
    assert readable_date(iso, precision, lang="en") == written
