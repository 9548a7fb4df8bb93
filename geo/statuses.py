"""The closed vocabulary of control statuses and date precisions."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from geo.errors import OptionError

STATUSES: tuple[str, ...] = (
    "government",
    "opposition",
    "kurdish",
    "isil",
    "contested",
    "unknown",
)

# The statuses that are a side holding ground (not "contested" or "unknown").
SIDES: tuple[str, ...] = ("government", "opposition", "kurdish", "isil")

DATE_PRECISIONS: tuple[str, ...] = ("day", "days", "month", "year")

STATUS_LABELS: dict[str, str] = {
    "government": "Government",
    "opposition": "Opposition",
    "kurdish": "Kurdish (YPG/SDF)",
    "isil": "ISIL",
    "contested": "Contested",
    "unknown": "Unknown",
}

#: How a district's status travels to the browser: one character per district (or per change,
#: in :meth:`geo.Theatre.timelines`). Status code ``n`` (an index into ``STATUSES``) is
#: ``chr(STATUS_CHAR_BASES["stated"] + n)`` ("0", "1", ...), or ``chr(STATUS_CHAR_BASES["low"] + n)``
#: ("a", "b", ...) where the status rests on a change of low confidence. The map's script
#: receives this table in its options, so this is the only definition.
STATUS_CHAR_BASES: dict[str, int] = {"stated": ord("0"), "low": ord("a")}


def encode_status_chars(codes: npt.ArrayLike, low: npt.ArrayLike) -> str:
    """One character per status code, in the format of ``STATUS_CHAR_BASES``.

    Parameters
    ----------
    codes : array-like of int
        Status codes, indices into ``STATUSES``.
    low : array-like of bool
        Same length: True where the status rests on a low-confidence change.
    """
    codes, low = np.asarray(codes, dtype=np.int64), np.asarray(low, dtype=bool)
    if codes.shape != low.shape:
        raise OptionError(f"codes and low have different shapes: {codes.shape} and {low.shape}")
    chars = codes + np.where(low, STATUS_CHAR_BASES["low"], STATUS_CHAR_BASES["stated"])
    return "".join(map(chr, chars.tolist()))
