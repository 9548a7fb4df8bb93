"""Approximate district boundaries from centre points.

Used where no published boundaries may be shipped: each district gets the
Voronoi cell of its centre, clipped to the city's outline. Cells tile the
outline without gaps or overlaps, but their borders are not real borders.
"""

from __future__ import annotations

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from geo.errors import OptionError

# Local metres per degree are enough at city scale; the cells are approximate anyway.
_METRES_PER_DEGREE = 111_320.0


def voronoi_cells(
    lons: np.ndarray, lats: np.ndarray, outline: BaseGeometry, *, min_radius_m: float = 150.0
) -> list[BaseGeometry]:
    """One polygon per point: its Voronoi cell clipped to ``outline``.

    Points outside the outline keep a small cell of at least ``min_radius_m``
    around them, so that no district is empty (0: cells stay inside the outline).

    Parameters
    ----------
    lons, lats : numpy.ndarray
        Centre coordinates in degrees (WGS84), one per district.
    outline : shapely geometry
        Polygon or MultiPolygon the cells are clipped to.
    """
    if len(lons) != len(lats):
        raise OptionError(f"lons has {len(lons)} values but lats has {len(lats)}")
    if len(lons) < 2:
        raise OptionError("at least two points are needed to make cells")
    lat0 = float(np.mean(lats))
    scale_x = _METRES_PER_DEGREE * np.cos(np.radians(lat0))
    points = shapely.points(np.asarray(lons) * scale_x, np.asarray(lats) * _METRES_PER_DEGREE)
    scale = np.array([scale_x, _METRES_PER_DEGREE])

    def to_metres(geometry):
        return shapely.transform(geometry, lambda xy: xy * scale)

    def to_degrees(geometry):
        return shapely.transform(geometry, lambda xy: xy / scale)

    area = to_metres(outline)
    if min_radius_m > 0:
        area = shapely.union_all([area, *shapely.buffer(points, min_radius_m)])
    diagram = shapely.voronoi_polygons(shapely.multipoints(points), extend_to=area.envelope.buffer(1000))
    cells = list(shapely.get_parts(diagram))
    # voronoi_polygons does not keep input order: match each cell to the point inside it
    tree = shapely.STRtree(cells)
    point_index, cell_index = tree.query(points, predicate="intersects")
    owner: dict[int, int] = {}
    for p, c in zip(point_index, cell_index, strict=True):
        owner.setdefault(int(p), int(c))
    result = []
    for i in range(len(points)):
        cell = shapely.intersection(cells[owner[i]], area)
        cell = shapely.make_valid(cell)
        polygons = [g for g in shapely.get_parts(cell) if g.geom_type == "Polygon"]
        result.append(to_degrees(shapely.union_all(polygons)))
    return result
