"""The front line: borders between neighbouring districts held by different sides.

The geometry is computed once per data version (:class:`Borders`, from
:mod:`geo.adjacency`); on each date only a mask over the neighbouring pairs
changes. The rule, in one place (the map's ``frontline.js`` receives
``FRONT_STATUSES`` and is held equal to :func:`front_mask` by the Node tests):

- a border is on the front line when its two districts have different statuses
  and both are one of the sides (government, opposition, Kurdish, ISIL) or
  contested;
- so a contested district is a zone: the line runs along its edges with every
  district a side holds, and not between two contested districts;
- ``unknown`` draws no line.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely
import shapely.geometry

from geo.adjacency import DEFAULT_MIN_LENGTH_M, DEFAULT_TOLERANCE_M, shared_borders
from geo.statuses import STATUSES

SIDES: tuple[str, ...] = ("government", "opposition", "kurdish", "isil")
FRONT_STATUSES: tuple[str, ...] = (*SIDES, "contested")
_FRONT_CODES = np.array([status in FRONT_STATUSES for status in STATUSES])


@dataclass(frozen=True)
class Borders:
    """Every border between two neighbouring districts.

    Attributes
    ----------
    pairs : numpy.ndarray
        Shape (n, 2): positions of the two districts (in ``Theatre.district_ids``), first < second.
    lines : list of shapely geometries
        The border of each pair (LineString or MultiLineString, WGS84).
    lengths_m : numpy.ndarray
        Length of each border in metres.
    """

    pairs: np.ndarray
    lines: list
    lengths_m: np.ndarray

    @classmethod
    def of(
        cls, geometries, *, tolerance_m: float = DEFAULT_TOLERANCE_M, min_length_m: float = DEFAULT_MIN_LENGTH_M
    ) -> Borders:
        found = shared_borders(list(geometries), tolerance_m=tolerance_m, min_length_m=min_length_m)
        pairs = np.array([(b.a, b.b) for b in found], dtype=np.int64).reshape(-1, 2)
        return cls(pairs, [b.geometry for b in found], np.array([b.length_m for b in found]))

    def neighbours_of(self, position: int) -> np.ndarray:
        """Positions of the districts that border the one at ``position``."""
        left = self.pairs[self.pairs[:, 0] == position, 1]
        right = self.pairs[self.pairs[:, 1] == position, 0]
        return np.sort(np.concatenate([left, right]))


def front_mask(codes: np.ndarray, pairs: np.ndarray) -> np.ndarray:
    """Which borders are on the front line, given every district's status code.

    Parameters
    ----------
    codes : numpy.ndarray
        Status codes (indices into ``STATUSES``), one per district.
    pairs : numpy.ndarray
        Shape (n, 2), as :attr:`Borders.pairs`.
    """
    codes = np.asarray(codes)
    a, b = codes[pairs[:, 0]], codes[pairs[:, 1]]
    return (a != b) & _FRONT_CODES[a] & _FRONT_CODES[b]


def borders_payload(borders: Borders, *, decimals: int = 5, simplify_m: float = 3.0) -> dict:
    """The borders for the browser: ``pairs`` (flat list a0, b0, a1, b1, ...) and ``lines``
    (one list of line coordinates per pair, ``[[[lon, lat], ...], ...]``), simplified by about
    ``simplify_m`` metres and rounded to ``decimals`` places."""
    tolerance = simplify_m / 111_000
    lines = shapely.set_precision(shapely.simplify(np.asarray(borders.lines, dtype=object), tolerance), 10.0**-decimals)
    coordinates = []
    for line in lines:
        parts = [p for p in shapely.get_parts(line) if p.geom_type == "LineString" and not p.is_empty]
        coordinates.append([[[round(x, decimals), round(y, decimals)] for x, y in p.coords] for p in parts])
    return {"pairs": borders.pairs.reshape(-1).tolist(), "lines": coordinates}
