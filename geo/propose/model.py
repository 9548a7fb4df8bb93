"""Proposed changes and their output as a table, CSV or JSON."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from dataclasses import dataclass, field

from geo.propose.record import RecordView

FORMATS = ("table", "csv", "json")
CSV_COLUMNS = (
    "district_id",
    "name_en",
    "name_ar",
    "date",
    "date_precision",
    "status",
    "partial",
    "by",
    "confidence",
    "record",
    "record_status",
    "evidence",
    "span_start",
    "span_end",
    "reasons",
    "dropped",
)


@dataclass
class Proposal:
    """One proposed change of control of one district, with its evidence.

    ``status`` is the district's status after the change (``contested`` for a ``partial``
    change); ``by`` the side that gained (empty for fighting with no side named);
    ``confidence`` from 0 to 1; ``evidence`` the sentence and ``span`` its characters in the
    report's text; ``reasons`` what lowered the confidence or, with ``dropped``, why it is not
    proposed.
    """

    district_id: str
    name_en: str
    name_ar: str
    date: dt.date | None
    date_precision: str
    status: str
    partial: bool
    by: str
    confidence: float
    evidence: str
    span: tuple[int, int]
    place: str
    date_text: str = ""
    record: RecordView = field(default_factory=lambda: RecordView("new"))
    reasons: list[str] = field(default_factory=list)
    dropped: bool = False

    def as_dict(self) -> dict:
        return {
            "district_id": self.district_id,
            "name_en": self.name_en,
            "name_ar": self.name_ar,
            "date": self.date.isoformat() if self.date else None,
            "date_precision": self.date_precision,
            "date_text": self.date_text,
            "status": self.status,
            "partial": self.partial,
            "by": self.by,
            "confidence": round(self.confidence, 2),
            "place": self.place,
            "evidence": self.evidence,
            "span": list(self.span),
            "record": self.record.as_dict(),
            "reasons": list(self.reasons),
            "dropped": self.dropped,
        }


@dataclass(frozen=True)
class Unmatched:
    """A place the report names that the theatre does not know: listed, never guessed."""

    text: str
    span: tuple[int, int]
    evidence: str


@dataclass
class Proposals:
    """Everything read from one report: the proposals, those dropped, the unknown places, notes."""

    proposals: list[Proposal]
    dropped: list[Proposal]
    unmatched: list[Unmatched]
    notes: list[str]
    published: dt.date | None = None
    url: str = ""
    publisher: str = ""
    title: str = ""

    def every(self) -> list[Proposal]:
        return [*self.proposals, *self.dropped]


def to_json(found: Proposals) -> str:
    """A JSON list of objects, one per proposal, those dropped last with ``dropped`` true."""
    return json.dumps([p.as_dict() for p in found.every()], ensure_ascii=False, indent=2) + "\n"


def to_csv(found: Proposals) -> str:
    """One CSV row per proposal (the dropped ones last, ``dropped`` true)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for p in found.every():
        writer.writerow(
            {
                "district_id": p.district_id,
                "name_en": p.name_en,
                "name_ar": p.name_ar,
                "date": p.date.isoformat() if p.date else "",
                "date_precision": p.date_precision,
                "status": p.status,
                "partial": str(p.partial).lower(),
                "by": p.by,
                "confidence": f"{p.confidence:.2f}",
                "record": p.record.verdict,
                "record_status": p.record.status,
                "evidence": p.evidence,
                "span_start": p.span[0],
                "span_end": p.span[1],
                "reasons": "; ".join(p.reasons),
                "dropped": str(p.dropped).lower(),
            }
        )
    return out.getvalue()


def to_table(found: Proposals) -> str:
    """A plain-text listing for a person: each proposal with its evidence, then what was left out."""
    lines: list[str] = [*(f"note: {n}" for n in found.notes)]
    if not found.proposals:
        lines.append("No change of control proposed.")
    for number, p in enumerate(found.proposals, start=1):
        lines.append(describe(number, p))
    if found.dropped:
        lines.append("")
        lines.append("Not proposed:")
        lines += [f"  - {p.name_en} ({p.district_id}): {'; '.join(p.reasons)} — “{p.evidence}”" for p in found.dropped]
    if found.unmatched:
        lines.append("")
        lines.append("Places the theatre does not know (not guessed):")
        lines += [f"  - {u.text!r} in “{u.evidence}”" for u in found.unmatched]
    return "\n".join(lines) + "\n"


def describe(number: int, p: Proposal) -> str:
    """One proposal as the table shows it, numbered."""
    when = f"{p.date.isoformat()} ({p.date_precision})" if p.date else "date unknown"
    kind = "part of the district, " if p.partial else ""
    by = f" (gained by {p.by})" if p.by and p.by != p.status else ""
    why = f"\n     lowered: {'; '.join(p.reasons)}" if p.reasons else ""
    return (
        f"{number}. {p.name_en} ({p.district_id}) — {p.status}{by}, {kind}{when}, confidence {p.confidence:.2f}\n"
        f"     record: {p.record.verdict} ({p.record.detail})\n"
        f"     evidence [{p.span[0]}:{p.span[1]}]: “{p.evidence}”{why}"
    )


def render(found: Proposals, output_format: str) -> str:
    """``found`` in one of :data:`FORMATS`."""
    return {"json": to_json, "csv": to_csv, "table": to_table}[output_format](found)
