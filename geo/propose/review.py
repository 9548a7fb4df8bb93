"""``propose --review``: a person accepts, edits or skips each proposal; what they accept is recorded.

The accepted changes go to ``changes.csv`` and the report to ``sources.csv`` (a new id, its
URL, publisher, date, title, and the kind and alignment the reviewer gives), through
:func:`geo.propose.append.append_to_theatre`: validated first, nothing written if validation
fails, nothing overwritten. Questions are read from ``stdin`` a line at a time, so a test (or
a script) can answer them; the end of the input stops the review and writes nothing.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

from geo.changes import CONFIDENCE_LEVELS
from geo.dates import parse_date
from geo.errors import GeoError
from geo.propose.append import AppendError, append_to_theatre
from geo.propose.model import Proposal, Proposals, describe
from geo.sources import ALIGNMENTS, SOURCE_KINDS
from geo.statuses import DATE_PRECISIONS, SIDES, STATUSES
from geo.theatre import Theatre
from geo.urls import is_http_url

_SLUG = re.compile(r"[^a-z0-9]+")
ALIGNED = ("pro-government", "pro-opposition", "kurdish")


class ReviewStopped(GeoError):
    """The reviewer quit, or the input ended, before the review was complete: nothing written."""


class _Asker:
    def __init__(self, stdin: TextIO, stdout: TextIO):
        self.stdin, self.stdout = stdin, stdout

    def ask(
        self,
        question: str,
        default: str = "",
        choices: Sequence[str] = (),
        check: Callable[[str], str | None] | None = None,
    ) -> str:
        """One answer: ``default`` for an empty line; asked again while not in ``choices`` or ``check`` objects."""
        shown = f" [{default}]" if default else ""
        listed = f" ({' / '.join(choices)})" if choices else ""
        while True:
            self.stdout.write(f"{question}{listed}{shown}: ")
            self.stdout.flush()
            line = self.stdin.readline()
            if not line:
                raise ReviewStopped("the input ended before the review was complete: nothing written")
            answer = line.strip() or default
            if choices and answer not in choices:
                self.stdout.write(f"  expected one of {', '.join(choices)}; {answer!r} is not one\n")
                continue
            problem = check(answer) if check else None
            if problem:
                self.stdout.write(f"  {problem}\n")
                continue
            return answer


def _date_problem(answer: str) -> str | None:
    try:
        parse_date(answer)
    except GeoError as exc:
        return str(exc)
    return None


def review(found: Proposals, theatre: Theatre, *, stdin: TextIO, stdout: TextIO) -> int:
    """Walk ``found``'s proposals with a person; append what they accept to ``theatre``'s files.

    Returns 0 when something was written or nothing was accepted, 1 when the new rows were
    refused (the message lists why).
    """
    asker = _Asker(stdin, stdout)
    for note in found.notes:
        stdout.write(f"note: {note}\n")
    if not found.proposals:
        stdout.write("No change of control proposed: nothing to review.\n")
        return 0
    source_id, source_row = _known_source(found, theatre)
    accepted: list[tuple[Proposal, dict[str, str]]] = []
    try:
        for number, proposal in enumerate(found.proposals, start=1):
            stdout.write("\n" + describe(number, proposal) + "\n")
            action = asker.ask("accept, edit, skip or quit", "s", ("a", "e", "s", "q"))
            if action == "q":
                break
            if action == "s":
                continue
            row = _row(proposal, found)
            editing = action == "e" or not row["date"]  # an undated proposal needs its date from the reviewer
            row["note"] = _note(proposal, found) if editing else ""
            if editing:
                row = _edit(asker, row)
            accepted.append((proposal, row))
        if not accepted:
            stdout.write("Nothing accepted: nothing written.\n")
            return 0
        if source_row is None and source_id is None:
            source_row = _ask_source(asker, found, theatre)
            source_id = source_row["id"]
    except ReviewStopped as stop:
        stdout.write(f"\n{stop}\n")
        return 1
    rows = []
    publisher = (
        source_row["publisher"]
        if source_row
        else theatre.citations(source_id or "")[0]["publisher"]
        if source_id
        else ""
    )
    for proposal, row in accepted:
        row = dict(row)
        row["note"] = row["note"] or _note(proposal, found, publisher)
        aligned = source_row is not None and source_row.get("alignment") in ALIGNED
        if aligned and "Sourcing:" not in row["note"]:
            row["note"] += f" Sourcing: one report so far, from {source_row['publisher']} ({source_row['alignment']})"  # type: ignore[index]
        row["sources"] = source_id or ""
        row["source_url"] = found.url if not source_id else ""
        rows.append(row)
    if "sources" not in _columns(theatre):
        for row in rows:
            row["source_url"], row["sources"] = (source_row or {}).get("url", found.url), ""
        source_row = None
    try:
        append_to_theatre(theatre.directory or ".", rows, source_row)
    except AppendError as refused:
        stdout.write(f"\n{refused}\n")
        return 1
    stdout.write(
        f"\nAppended {len(rows)} change(s) to {theatre.directory}/changes.csv"
        + (f" and source {source_row['id']!r} to sources.csv" if source_row else "")
        + "; the theatre validates.\n"
    )
    return 0


def _publisher(source_row: dict[str, str] | None, source_id: str | None, theatre: Theatre) -> str:
    """Who published the report: as the reviewer gave it, or as ``sources.csv`` has it."""
    if source_row is not None:
        return source_row["publisher"]
    cited = theatre.citations(source_id or "")
    return cited[0]["publisher"] if cited else ""


def _columns(theatre: Theatre) -> list[str]:
    path = Path(theatre.directory or ".") / "changes.csv"
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return next(csv.reader(handle))


def _known_source(found: Proposals, theatre: Theatre) -> tuple[str | None, dict[str, str] | None]:
    """The id of the report when ``sources.csv`` already lists its URL (then no new row)."""
    if found.url:
        for source_id, url in theatre.sources["url"].items():
            if url == found.url:
                return str(source_id), None
    return None, None


def _row(proposal: Proposal, found: Proposals) -> dict[str, str]:
    """The ``changes.csv`` row a proposal becomes if accepted as it is."""
    sides = ""
    if proposal.status == "contested" and proposal.by in SIDES:
        others = [s for s in ("government", "opposition") if s != proposal.by]
        sides = " ".join(sorted({proposal.by, *others[:1]}, key=SIDES.index))
    return {
        "date": proposal.date.isoformat() if proposal.date else "",
        "district_id": proposal.district_id,
        "status": proposal.status,
        "date_precision": proposal.date_precision or "day",
        "confidence": "medium" if proposal.confidence >= 0.6 else "low",
        "note": "",  # written once the publisher is known, unless the reviewer writes one
        "sides": sides,
    }


def _note(proposal: Proposal, found: Proposals, publisher: str = "") -> str:
    """A first note in the project's own words, for the reviewer to correct."""
    who = {"government": "Government forces", "opposition": "Rebels", "kurdish": "Kurdish forces", "isil": "ISIL"}
    actor = who.get(proposal.by, "An unnamed side")
    if proposal.status == "contested" and not proposal.partial:
        what = f"Fighting in {proposal.name_en}"
    elif proposal.partial:
        what = f"{actor} take part of {proposal.name_en}"
    else:
        what = f"{actor} take {proposal.name_en}"
    publisher = publisher or found.publisher
    said = f", as {publisher} reported" if publisher else ", as reported"
    if found.published:
        said += f" on {found.published.isoformat()}"
    if proposal.date_text:
        said += f" ({proposal.date_text.strip()!r})"
    return what + said


def _edit(asker: _Asker, row: dict[str, str]) -> dict[str, str]:
    row = dict(row)
    row["date"] = asker.ask("date (YYYY-MM-DD)", row["date"], check=_date_problem)
    row["status"] = asker.ask("status", row["status"], STATUSES)
    row["date_precision"] = asker.ask("date precision", row["date_precision"], DATE_PRECISIONS)
    row["confidence"] = asker.ask("confidence", row["confidence"], CONFIDENCE_LEVELS)
    row["note"] = asker.ask("note", row["note"], check=lambda a: None if a else "a note is needed")
    if row["status"] != "contested":
        row["sides"] = ""
    return row


def _ask_source(asker: _Asker, found: Proposals, theatre: Theatre) -> dict[str, str]:
    """A new ``sources.csv`` row for the report, from the reviewer's answers."""
    known = set(theatre.sources.index)
    url = asker.ask("report URL", found.url, check=lambda a: None if is_http_url(a) else "expected an http(s) URL")
    publisher = asker.ask("publisher", found.publisher, check=lambda a: None if a else "a publisher is needed")
    published = asker.ask(
        "published (YYYY-MM-DD, or empty)",
        found.published.isoformat() if found.published else "",
        check=lambda a: _date_problem(a) if a else None,
    )
    title = asker.ask("title (or empty)", found.title)
    kind = asker.ask("kind", "", SOURCE_KINDS)
    alignment = asker.ask("alignment", "none known", ALIGNMENTS)
    suggested = _SLUG.sub("-", f"{publisher} {published}".lower()).strip("-") or "report"
    while suggested in known:
        suggested += "-b"

    def id_problem(answer: str) -> str | None:
        if answer in known:
            return f"{answer!r} is already a source id"
        return None if re.fullmatch(r"[a-z0-9][a-z0-9_-]*", answer) else "expected a lowercase slug"

    source_id = asker.ask("source id", suggested, check=id_problem)
    return {
        "id": source_id,
        "url": url,
        "publisher": publisher,
        "published": published,
        "title": title,
        "kind": kind,
        "alignment": alignment,
    }
