"""The shipped Aleppo dataset: valid, sourced, and right on well-documented days."""
from pathlib import Path

import pytest

from geo import load_theatre

ALEPPO = Path(__file__).resolve().parents[1] / "data" / "aleppo"


@pytest.fixture(scope="module")
def aleppo():
    return load_theatre(ALEPPO)


def test_every_change_cites_a_source(aleppo):
    assert (aleppo.changes["source_url"].str.len() > 0).all()
    assert aleppo.changes["source_url"].str.startswith("http").all()


def test_126_districts_labelled_approximate(aleppo):
    assert len(aleppo.district_ids) == 126
    assert "approximate" in aleppo.meta.geometry_note


@pytest.mark.parametrize("date, district_id, status", [
    ("2012-07-01", "hanano", "government"),
    ("2016-10-05", "bustan-al-basha", "opposition"),
    ("2016-10-07", "bustan-al-basha", "contested"),
    ("2016-11-25", "hanano", "opposition"),
    ("2016-11-26", "hanano", "government"),
    ("2016-12-31", "ash-sheikh-maqsoud", "kurdish"),
])
def test_documented_states(aleppo, date, district_id, status):
    assert aleppo.district_at(district_id, date)["status"] == status
