"""Approximate cells from centre points."""

import numpy as np
import pytest
import shapely

from geo.boundaries import voronoi_cells


def test_cells_tile_the_outline_without_gaps_or_overlaps():
    outline = shapely.box(0, 0, 0.03, 0.02)
    lons = np.array([0.005, 0.015, 0.025, 0.005, 0.025])
    lats = np.array([0.005, 0.005, 0.005, 0.015, 0.015])
    cells = voronoi_cells(lons, lats, outline)
    assert len(cells) == 5
    for cell, lon, lat in zip(cells, lons, lats, strict=True):
        assert cell.is_valid and not cell.is_empty
        assert cell.contains(shapely.Point(lon, lat))
    union = shapely.union_all(cells)
    assert union.symmetric_difference(outline).area == pytest.approx(0, abs=1e-12)
    assert sum(c.area for c in cells) == pytest.approx(outline.area, rel=1e-9)


def test_a_point_outside_the_outline_still_gets_a_cell():
    outline = shapely.box(0, 0, 0.01, 0.01)
    cells = voronoi_cells(np.array([0.005, 0.02]), np.array([0.005, 0.005]), outline, min_radius_m=100)
    assert cells[1].contains(shapely.Point(0.02, 0.005))
    assert not cells[1].intersects(cells[0].buffer(-1e-9))


def test_inputs_are_checked():
    with pytest.raises(ValueError, match="lons has 2 values but lats has 1"):
        voronoi_cells(np.array([0, 1]), np.array([0]), shapely.box(0, 0, 1, 1))
    with pytest.raises(ValueError, match="at least two points"):
        voronoi_cells(np.array([0]), np.array([0]), shapely.box(0, 0, 1, 1))
