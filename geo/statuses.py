"""The closed vocabulary of control statuses and date precisions."""

from __future__ import annotations

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
