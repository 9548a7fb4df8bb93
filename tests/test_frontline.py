"""The front line: borders between neighbours held by different sides, per date."""

from __future__ import annotations

import numpy as np
import pytest

from geo import UnknownDistrictError, load_theatre
from geo.frontline import borders_payload, front_mask
from geo.statuses import STATUSES


def active(theatre, date) -> set[tuple[str, str]]:
    ids = theatre.district_ids
    mask = theatre.front_line_at(date)
    return {tuple(sorted((ids[a], ids[b]))) for (a, b), on in zip(theatre.borders.pairs, mask, strict=True) if on}


def test_front_line_segments_of_a_tiny_theatre_at_two_dates(theatre_dir):
    theatre = load_theatre(theatre_dir)
    assert len(theatre.borders.pairs) == 4  # the four edges between the squares; corners are not borders
    assert active(theatre, "2020-01-01") == set()
    # 1 March: north-east opposition, south-east contested
    assert active(theatre, "2020-03-01") == {
        ("north-east", "north-west"),
        ("north-east", "south-east"),
        ("south-east", "south-west"),
    }
    # 15 June: north-east back with the government; the contested zone keeps its edges
    assert active(theatre, "2020-06-15") == {("north-east", "south-east"), ("south-east", "south-west")}


def test_the_rule_contested_is_a_zone_and_unknown_draws_nothing():
    code = {s: STATUSES.index(s) for s in STATUSES}
    pairs = np.array([[0, 1], [1, 2], [2, 3], [3, 4], [0, 4]])
    codes = np.array([code["government"], code["contested"], code["contested"], code["unknown"], code["isil"]])
    assert front_mask(codes, pairs).tolist() == [True, False, False, False, True]


def test_bordering_sides_names_the_neighbours_of_each_side(theatre_dir):
    theatre = load_theatre(theatre_dir)
    assert theatre.bordering_sides("north-west", "2020-03-01") == {
        "government": ["south-west"],
        "opposition": ["north-east"],
    }
    assert list(theatre.bordering_sides("north-west", "2020-03-01")) == ["government", "opposition"]  # STATUSES order
    assert theatre.bordering_sides("south-east", "2020-01-01") == {"government": ["north-east", "south-west"]}
    with pytest.raises(UnknownDistrictError, match="district_id 'nowhere' matches no district"):
        theatre.bordering_sides("nowhere", "2020-03-01")


def test_the_browser_payload_pairs_each_border_with_its_line(theatre_dir):
    theatre = load_theatre(theatre_dir)
    payload = borders_payload(theatre.borders)
    assert payload["pairs"] == theatre.borders.pairs.reshape(-1).tolist()
    assert len(payload["lines"]) == len(theatre.borders.pairs)
    first = payload["lines"][0][0]
    assert len(first) >= 2 and all(len(xy) == 2 for xy in first)


def test_aleppo_front_line_on_two_known_dates(aleppo_theatre):
    aleppo = aleppo_theatre
    assert not aleppo.front_line_at("2012-07-02").any()  # before the rebel advance: one side holds everything
    on = active(aleppo, "2016-10-07")
    assert any("bustan-al-basha" in pair for pair in on)
    assert aleppo.bordering_sides("bustan-al-basha", "2016-10-07")["kurdish"] == ["ash-sheikh-maqsoud"]
