"""The UTM zone to measure a theatre in, found by arithmetic.

GeoPandas' ``estimate_utm_crs`` searches the PROJ database on every call, which is slow on
every load; the zone of a city's centre is a formula.
"""

from __future__ import annotations

import math

import geopandas as gpd
from pyproj import CRS


def utm_crs(geometries: gpd.GeoSeries) -> CRS:
    """The WGS 84 / UTM zone holding the centre of ``geometries``' bounds.

    Parameters
    ----------
    geometries : geopandas.GeoSeries
        Non-empty shapes with a CRS (any; the centre is taken in longitude and latitude).

    Returns
    -------
    pyproj.CRS
        EPSG 326zz north of the equator, 327zz south of it.
    """
    lonlat = geometries if geometries.crs.is_geographic else geometries.to_crs("EPSG:4326")
    west, south, east, north = lonlat.total_bounds
    lon, lat = (west + east) / 2, (south + north) / 2
    zone = min(math.floor((lon + 180) / 6), 59) + 1
    return CRS.from_epsg((32600 if lat >= 0 else 32700) + zone)
