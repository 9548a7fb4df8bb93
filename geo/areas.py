"""District areas measured on their shapes, in a metric CRS."""

from __future__ import annotations

import geopandas as gpd
import numpy as np

from geo.utm import utm_crs


def areas_km2(districts: gpd.GeoDataFrame) -> np.ndarray:
    """Each district's area in km², in row order, measured in the UTM zone of the theatre.

    Measured on the shapes as they are: where shapes are approximate, so are the areas.
    """
    if not len(districts):
        return np.zeros(0)
    projected = districts.geometry.to_crs(utm_crs(districts.geometry))
    return (projected.area / 1e6).to_numpy(dtype=float)
