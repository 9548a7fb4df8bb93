"""geo.adjacency: neighbours and shared borders, with tolerance for boundaries that nearly meet."""

from __future__ import annotations

import pytest
import shapely

from geo import load_theatre
from geo.adjacency import neighbours, shared_borders

SIZE = 0.01  # degrees, about 1.1 km at the equator


def box(x: float, y: float, size: float = SIZE):
    return shapely.box(x * SIZE, y * SIZE, x * SIZE + size, y * SIZE + size)


def test_squares_share_edges_but_not_corners(theatre_dir):
    theatre = load_theatre(theatre_dir)
    found = neighbours(theatre)
    assert found == {
        "north-east": {"north-west", "south-east"},
        "north-west": {"north-east", "south-west"},
        "south-west": {"north-west", "south-east"},
        "south-east": {"north-east", "south-west"},
    }
    borders = shared_borders(list(theatre.districts.geometry), tolerance_m=1, min_length_m=10)
    assert [(b.a, b.b) for b in borders] == [(0, 1), (0, 3), (1, 2), (2, 3)]
    for border in borders:
        assert border.length_m == pytest.approx(1106 + 2, rel=0.01)  # 0.01° at ~0°, and the tolerance at each end
        assert border.geometry.geom_type == "LineString"
    # with the default tolerance (60 m), the border runs 60 m past each end
    assert shared_borders(list(theatre.districts.geometry))[0].length_m == pytest.approx(1106 + 120, rel=0.01)


def test_near_touching_boundaries_count_within_the_tolerance():
    gap = 1e-5  # about 1.1 m
    shapes = [box(0, 0), shapely.box(SIZE + gap, 0, 2 * SIZE, SIZE)]
    assert neighbours(shapes, ["a", "b"]) == {"a": {"b"}, "b": {"a"}}
    assert neighbours(shapes, ["a", "b"], tolerance_m=0.5) == {"a": set(), "b": set()}


def test_a_short_touch_is_not_a_border():
    shapes = [box(0, 0), shapely.box(SIZE, SIZE - 2e-5, 2 * SIZE, 2 * SIZE)]  # about 2 m along the edge
    assert neighbours(shapes, ["a", "b"]) == {"a": set(), "b": set()}
    assert neighbours(shapes, ["a", "b"], min_length_m=2) == {"a": {"b"}, "b": {"a"}}


def test_plain_geometries_are_named_by_position_and_ids_must_match():
    assert neighbours([box(0, 0), box(1, 0), box(5, 5)]) == {"0": {"1"}, "1": {"0"}, "2": set()}
    with pytest.raises(ValueError, match="got 3 geometries but 2 ids"):
        neighbours([box(0, 0), box(1, 0), box(5, 5)], ["a", "b"])
