"""Confidence computed from the record: which cited reports name the district, and who wrote them.

A change's ``names`` cell lists the ids of the cited reports that name the district
itself; every other cited source names only a wider area ("the Old City", "eastern
Aleppo") or is an encyclopedia. Reports are counted once per writer (:func:`report_key`):
a syndicated copy counts as its ``origin``, so two papers printing one AFP wire are one
report. The rule (data/README.md, "Method"):

- a change whose note starts with "Inferred" is ``low``;
- two or more independent naming reports make it ``high``, unless every naming report is
  aligned with a side (a claim by one side) or a report disputes the change (``disputed_by``):
  then it is ``medium``;
- one makes it ``medium``;
- none (only wider-area reports or encyclopedias) makes it ``low``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

MIRROR = "encyclopedia or mirror"
BLOG = "blog or personal site"
WEAK_KINDS = (MIRROR, BLOG)  # a change resting only on these is a warning (geo/audit.py)
HIGH_NEEDS_REPORTS = 2
INFERRED_MARK = "Inferred"
ALIGNED = ("pro-government", "pro-opposition", "kurdish")


def is_inferred(note: str) -> bool:
    """Whether a change's note marks it as inferred (it starts with "Inferred")."""
    return note.startswith(INFERRED_MARK)


def writer(sources: pd.DataFrame, source_id: str) -> str:
    """Who wrote a report, casefolded: its ``origin`` (the wire or outlet behind a copy) or,
    for a copy whose ``original`` is listed, the original's writer, else its publisher."""
    row = sources.loc[source_id]
    original = str(row.get("original", "") or "")
    if original and original in sources.index and original != source_id:
        return writer(sources, original)
    origin = str(row.get("origin", "") or "")
    return (origin or str(row["publisher"])).casefold()


def report_key(sources: pd.DataFrame, source_id: str) -> str | None:
    """The key a report is counted under (its :func:`writer`), or ``None`` for an encyclopedia
    or a mirror that names no origin: such a page is a pointer to reports, not one."""
    row = sources.loc[source_id]
    original = str(row.get("original", "") or "")
    if original and original in sources.index and original != source_id:
        return report_key(sources, original)
    if row.get("kind", "") == MIRROR and not row.get("origin", ""):
        return None
    return writer(sources, source_id)


def independent_reports(sources: pd.DataFrame, ids: Iterable[str]) -> int:
    """How many independent reports a list of source ids holds (ids not in ``sources`` are skipped)."""
    keys = {report_key(sources, i) for i in ids if i in sources.index}
    return len(keys - {None})


def one_sided(sources: pd.DataFrame, ids: Iterable[str]) -> bool:
    """Whether every report among ``ids`` is aligned with a side (pro-government, pro-opposition,
    Kurdish): a claim by one side, however many outlets carry it (False for no reports)."""
    reports = [i for i in ids if i in sources.index and report_key(sources, i) is not None]
    return bool(reports) and all(sources.loc[i].get("alignment", "") in ALIGNED for i in reports)


def computed_confidence(note: str, naming: Iterable[str], sources: pd.DataFrame, *, disputed: bool = False) -> str:
    """The confidence the method gives a change (see the module's docstring).

    Parameters
    ----------
    note : str
        The change's note (an inferred change's starts with "Inferred").
    naming : iterable of str
        The ids of the cited reports that name the district (the ``names`` cell).
    sources : pandas.DataFrame
        ``sources.csv`` indexed by id, with ``publisher``, ``kind``, ``alignment``, ``origin`` and ``original``.
    disputed : bool
        Whether a report disputes the change (its ``disputed_by`` is not empty).
    """
    if is_inferred(note):
        return "low"
    naming = list(naming)
    count = independent_reports(sources, naming)
    if count >= HIGH_NEEDS_REPORTS and not disputed and not one_sided(sources, naming):
        return "high"
    return "medium" if count >= 1 else "low"


def same_reports(sources: pd.DataFrame, ids: Iterable[str]) -> list[list[str]]:
    """Groups of two or more cited ids that are one report (the same writer), in citation order."""
    groups: dict[str, list[str]] = {}
    for source_id in dict.fromkeys(ids):
        if source_id in sources.index:
            key = report_key(sources, source_id)
            if key is not None:
                groups.setdefault(key, []).append(source_id)
    return [group for group in groups.values() if len(group) > 1]


@dataclass(frozen=True)
class ConfidenceBasis:
    """Why a change has its confidence: what the panel and the Data-quality view show.

    Attributes
    ----------
    level : str
        The computed confidence (``high``, ``medium`` or ``low``).
    inferred : bool
        Whether the change is inferred (its note starts with "Inferred").
    naming : tuple of str
        Cited ids that name the district and are reports (not encyclopedias).
    wider : tuple of str
        Cited reports that name only a wider area than the district.
    pointers : tuple of str
        Cited encyclopedias and mirrors with no origin: pointers to reports, not reports.
    reports : int
        Independent naming reports (copies of one wire counted once).
    one_sided : bool
        Whether every naming report is aligned with a side (a claim by one side).
    disputed : bool
        Whether a report disputes the change.
    same : tuple of tuple of str
        Groups of cited ids that are one report.
    """

    level: str
    inferred: bool
    naming: tuple[str, ...]
    wider: tuple[str, ...]
    pointers: tuple[str, ...]
    reports: int
    one_sided: bool
    disputed: bool
    same: tuple[tuple[str, ...], ...]


def confidence_basis(
    note: str, cited: str, names: str, sources: pd.DataFrame, *, disputed_by: str = ""
) -> ConfidenceBasis:
    """The :class:`ConfidenceBasis` of one change from its ``note``, ``sources``, ``names`` and
    ``disputed_by`` cells."""
    ids = [i for i in dict.fromkeys(cited.split()) if i in sources.index]
    named = set(names.split())
    naming = tuple(i for i in ids if i in named and report_key(sources, i) is not None)
    return ConfidenceBasis(
        level=computed_confidence(note, naming, sources, disputed=bool(disputed_by.split())),
        inferred=is_inferred(note),
        naming=naming,
        wider=tuple(i for i in ids if i not in naming and report_key(sources, i) is not None),
        pointers=tuple(i for i in ids if report_key(sources, i) is None),
        reports=independent_reports(sources, naming),
        one_sided=one_sided(sources, naming),
        disputed=bool(disputed_by.split()),
        same=tuple(tuple(group) for group in same_reports(sources, ids)),
    )
