"""Which districts touch, and along which borders: the geometry behind the front line.

Computed in metres, in a transverse Mercator projection centred on the districts,
so tolerances and lengths mean the same anywhere on Earth. Two districts are
neighbours when a stretch of one's boundary at least ``min_length_m`` long lies
within ``tolerance_m`` of the other: boundaries digitised separately rarely meet
exactly, and districts that meet at a single corner are not neighbours.

Self-contained on purpose (shapely, numpy, pyproj only): the audit's enclave rule,
the front line and the panel's "borders on" all use :func:`neighbours` or
:func:`shared_borders`, so "neighbour" means the same everywhere.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import shapely
from pyproj import Transformer
from shapely.geometry.base import BaseGeometry

#: Published neighbourhood layers leave streets between neighbourhoods (in Aleppo's, 5-20 m in
#: the centre and up to about 60 m along highways and railways), so boundaries up to this far apart are one border.
DEFAULT_TOLERANCE_M = 60.0
#: A shared stretch shorter than this is a corner (about twice the tolerance) or a sliver.
DEFAULT_MIN_LENGTH_M = 150.0


@dataclass(frozen=True)
class SharedBorder:
    """The border two districts share.

    Attributes
    ----------
    a, b : int
        Positions of the two districts in the input, ``a < b``.
    geometry : LineString or MultiLineString
        The stretch of ``a``'s boundary that lies along ``b``, in the input's
        coordinates (longitude, latitude).
    length_m : float
        Its length in metres.
    """

    a: int
    b: int
    geometry: BaseGeometry
    length_m: float


@functools.lru_cache(maxsize=64)
def _transformers(proj: str) -> tuple[Transformer, Transformer]:
    """WGS84 to ``proj`` and back; made once per projection (they are slow to make) and shared,
    as pyproj's transformers are safe across threads."""
    return (
        Transformer.from_crs("EPSG:4326", proj, always_xy=True),
        Transformer.from_crs(proj, "EPSG:4326", always_xy=True),
    )


class MetricProjection:
    """Forward and back between WGS84 degrees and metres around a centre point."""

    def __init__(self, lon0: float, lat0: float):
        proj = f"+proj=tmerc +lat_0={lat0:.6f} +lon_0={lon0:.6f} +k=1 +x_0=0 +y_0=0 +datum=WGS84 +units=m"
        self._forward, self._back = _transformers(proj)

    @classmethod
    def around(cls, geometries: Sequence[BaseGeometry] | np.ndarray) -> MetricProjection:
        """A projection centred on the bounding box of ``geometries``."""
        x0, y0, x1, y1 = shapely.total_bounds(np.asarray(geometries, dtype=object))
        return cls((x0 + x1) / 2, (y0 + y1) / 2)

    def to_metres(self, geometries):
        return shapely.transform(geometries, lambda xy: np.column_stack(self._forward.transform(xy[:, 0], xy[:, 1])))

    def to_degrees(self, geometries):
        return shapely.transform(geometries, lambda xy: np.column_stack(self._back.transform(xy[:, 0], xy[:, 1])))


def candidate_pairs(metric: np.ndarray, distance_m: float) -> np.ndarray:
    """Index pairs ``(i, j)``, ``i < j``, of geometries within ``distance_m`` of each other,
    as an array of shape (2, n) sorted by i then j."""
    tree = shapely.STRtree(metric)
    left, right = tree.query(metric, predicate="dwithin", distance=distance_m)
    keep = left < right
    pairs = np.stack([left[keep], right[keep]])
    order = np.lexsort((pairs[1], pairs[0]))
    return pairs[:, order]


def shared_borders(
    geometries: Sequence[BaseGeometry],
    *,
    tolerance_m: float = DEFAULT_TOLERANCE_M,
    min_length_m: float = DEFAULT_MIN_LENGTH_M,
) -> list[SharedBorder]:
    """Every pair of neighbouring districts with the border they share.

    Parameters
    ----------
    geometries : sequence of Polygon or MultiPolygon
        The districts in WGS84 (longitude, latitude).
    tolerance_m : float
        How far apart two boundaries may be and still count as one border.
    min_length_m : float
        Shorter shared stretches (a corner, a digitising sliver) are ignored.

    Returns
    -------
    list of SharedBorder
        Sorted by ``(a, b)``.
    """
    shapes = np.asarray(geometries, dtype=object)
    if len(shapes) < 2:
        return []
    projection = MetricProjection.around(shapes)
    metric = projection.to_metres(shapes)
    pairs = candidate_pairs(metric, tolerance_m)
    if not pairs.shape[1]:
        return []
    boundaries = shapely.boundary(metric)
    near = shapely.buffer(metric, tolerance_m, quad_segs=2)
    shared = shapely.intersection(boundaries[pairs[0]], near[pairs[1]])
    lengths = shapely.length(shared)
    keep = lengths >= min_length_m
    merged = shapely.line_merge(projection.to_degrees(shared[keep]))
    return [
        SharedBorder(int(a), int(b), line, float(length))
        for a, b, line, length in zip(pairs[0][keep], pairs[1][keep], merged, lengths[keep], strict=True)
    ]


def neighbours(
    districts,
    ids: Sequence[str] | None = None,
    *,
    tolerance_m: float = DEFAULT_TOLERANCE_M,
    min_length_m: float = DEFAULT_MIN_LENGTH_M,
) -> dict[str, set[str]]:
    """Each district's neighbours, by id.

    Parameters
    ----------
    districts : Theatre, GeoDataFrame, GeoSeries or sequence of geometries
        A :class:`geo.Theatre`, a GeoDataFrame with a ``district_id`` column, a GeoSeries
        (in any CRS) or geometries in WGS84; for the last two ``ids`` names them
        (positions as strings by default).
    ids : sequence of str, optional
        One id per geometry, when ``districts`` is a GeoSeries or a plain sequence.

    Returns
    -------
    dict of str to set of str
        Every district appears, with an empty set if it touches no other.
    """
    frame = getattr(districts, "districts", districts)  # a Theatre holds its GeoDataFrame as .districts
    crs = getattr(frame, "crs", None)
    if crs is not None and not crs.equals("EPSG:4326"):
        frame = frame.to_crs("EPSG:4326")
    if hasattr(frame, "geometry") and "district_id" in getattr(frame, "columns", ()):
        geometries, names = list(frame.geometry), [str(x) for x in frame["district_id"]]
    else:
        geometries = list(frame)
        names = [str(x) for x in ids] if ids is not None else [str(i) for i in range(len(geometries))]
    if len(names) != len(geometries):
        raise ValueError(f"got {len(geometries)} geometries but {len(names)} ids")
    result: dict[str, set[str]] = {name: set() for name in names}
    for border in shared_borders(geometries, tolerance_m=tolerance_m, min_length_m=min_length_m):
        result[names[border.a]].add(names[border.b])
        result[names[border.b]].add(names[border.a])
    return result
