"""Checks of how a theatre's districts fit together: overlaps and gaps between them.

Both are warnings, not errors: a map with a sliver of overlap still works, but a
reader deserves to know where two districts claim the same ground or where the
city has a hole. Measured in square metres (see :mod:`geo.adjacency`), so the
tolerances mean the same anywhere.
"""

from __future__ import annotations

import numpy as np
import shapely

from geo.adjacency import DEFAULT_TOLERANCE_M, MetricProjection, candidate_pairs
from geo.errors import Problem

#: Overlaps and gaps smaller than this are digitising noise, not findings.
DEFAULT_MIN_AREA_M2 = 10_000.0


def topology_problems(
    ids: list[str],
    geometries,
    *,
    file: str = "districts.geojson",
    tolerance_m: float = DEFAULT_TOLERANCE_M,
    min_area_m2: float = DEFAULT_MIN_AREA_M2,
    reviewed: set[str] | frozenset[str] = frozenset(),
) -> list[Problem]:
    """Warnings for every overlap between two districts and every gap enclosed by districts.

    Parameters
    ----------
    ids : list of str
        District ids, one per geometry.
    geometries : sequence of Polygon or MultiPolygon
        Valid geometries in WGS84.
    tolerance_m : float
        Gaps narrower than this (streets between neighbourhoods) are not gaps.
    min_area_m2 : float
        Overlaps and gaps of at most this area are ignored.
    reviewed : set of str
        Gaps a reviewer has confirmed as land in no district (``theatre.json`` key
        ``reviewed_gaps``), each as the first two ids its warning names, ``"id id"``.
    """
    shapes = np.asarray(list(geometries), dtype=object)
    if len(shapes) < 2:
        return []
    projection = MetricProjection.around(shapes)
    metric = projection.to_metres(shapes)
    problems = []
    pairs = candidate_pairs(metric, 0.0)
    if pairs.shape[1]:
        areas = shapely.area(shapely.intersection(metric[pairs[0]], metric[pairs[1]]))
        for a, b, area in zip(pairs[0], pairs[1], areas, strict=True):
            if area > min_area_m2:
                problems.append(
                    Problem(
                        file,
                        f"ids {ids[a]!r} and {ids[b]!r}",
                        f"overlap by {area:,.0f} m² (each place is expected to be in one district)",
                        "warning",
                    )
                )
    tree = shapely.STRtree(metric)
    # Holes in the union of the districts, each grown by half the tolerance: narrower gaps close.
    grown = shapely.union_all(shapely.buffer(metric, tolerance_m / 2, quad_segs=2))
    for polygon in shapely.get_parts(grown):
        for ring in polygon.interiors:
            gap = shapely.Polygon(ring).buffer(tolerance_m / 2, quad_segs=2)
            if gap.area <= min_area_m2:
                continue
            around = sorted(ids[i] for i in tree.query(gap, predicate="dwithin", distance=tolerance_m))
            if " ".join(around[:2]) in reviewed:
                continue
            named = " and ".join(repr(i) for i in around[:2]) + (
                f" (and {len(around) - 2} more)" if len(around) > 2 else ""
            )
            problems.append(
                Problem(
                    file,
                    f"ids {named}",
                    f"leave a gap of {gap.area:,.0f} m² between them (expected the districts to meet)",
                    "warning",
                )
            )
    return problems
