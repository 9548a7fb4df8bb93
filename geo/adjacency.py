"""Which districts border which, from their shapes."""

from __future__ import annotations

from collections.abc import Sequence

import geopandas as gpd
import numpy as np
import shapely

from geo.utm import utm_crs


def neighbours(geometries: gpd.GeoSeries, ids: Sequence[str], *, tolerance_m: float = 5.0) -> dict[str, set[str]]:
    """The districts each district touches or comes within ``tolerance_m`` metres of.

    Parameters
    ----------
    geometries : geopandas.GeoSeries
        District shapes with a CRS (any; distances are measured in a local UTM zone).
    ids : sequence of str
        One id per geometry, in the same order.
    tolerance_m : float
        How far apart (in metres) two shapes may be and still count as neighbours, so
        that slivers left by digitising do not break a shared border.

    Returns
    -------
    dict
        Every id, mapped to the set of ids of its neighbours (never itself).
    """
    if len(geometries) != len(ids):
        raise ValueError(f"got {len(geometries)} geometries but {len(ids)} ids")
    result: dict[str, set[str]] = {district_id: set() for district_id in ids}
    if not len(geometries):
        return result
    metric = geometries.to_crs(utm_crs(geometries)) if geometries.crs is not None else geometries
    shapes = metric.to_numpy()
    left, right = shapely.STRtree(shapes).query(shapes, predicate="dwithin", distance=tolerance_m)
    keep = left != right
    names = np.asarray(ids, dtype=object)
    for a, b in zip(names[left[keep]], names[right[keep]], strict=True):
        result[a].add(b)
    return result
