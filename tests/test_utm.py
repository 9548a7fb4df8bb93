"""The UTM zone by arithmetic equals GeoPandas' database search."""

import geopandas as gpd
import pytest
import shapely

from geo.utm import utm_crs

PLACES = [
    (37.16, 36.2),  # Aleppo
    (151.2, -33.9),
    (-179.9, 10.0),
    (179.9, -10.0),
    (2.999, 0.001),
    (3.001, -0.001),
]


@pytest.mark.parametrize(("lon", "lat"), PLACES)
def test_the_zone_is_the_one_geopandas_estimates(lon, lat):
    square = gpd.GeoSeries([shapely.box(lon - 0.01, lat - 0.01, lon + 0.01, lat + 0.01)], crs="EPSG:4326")
    assert utm_crs(square) == square.estimate_utm_crs()


def test_projected_input_is_placed_by_its_longitude_and_latitude():
    square = gpd.GeoSeries([shapely.box(37.1, 36.1, 37.2, 36.3)], crs="EPSG:4326").to_crs("EPSG:3857")
    assert utm_crs(square).to_epsg() == 32637
