"""From a report's text to proposed changes: places, dates and control language put together."""

from __future__ import annotations

import datetime as dt

from geo.propose.article import Report, Sentence, sentences
from geo.propose.dates import ReportDate, find_dates
from geo.propose.language import (
    CONTEST,
    DENIAL,
    HISTORY_DAYS,
    Clause,
    attribution,
    clauses,
    read_clause,
    side_at,
)
from geo.propose.model import Proposal, Proposals, Unmatched
from geo.propose.places import Mention, PlaceIndex
from geo.propose.record import compare
from geo.theatre import Theatre

MATCH_FACTOR = {"name": 1.0, "variant": 0.95, "typo": 0.85}
DENIED_FACTOR = 0.5
NO_PUBLISHED = (
    "the report has no publication date (give --published YYYY-MM-DD): relative dates such as "
    "'on Thursday' cannot be placed, so those proposals have no date"
)


def propose(report: Report, theatre: Theatre, *, index: PlaceIndex | None = None) -> Proposals:
    """The changes of control ``report`` describes, compared with ``theatre``'s record.

    Parameters
    ----------
    report : Report
        The text and, where known, its publication date, address and publisher.
    theatre : Theatre
        Whose districts are looked for and whose record the proposals are compared with.
    index : PlaceIndex, optional
        The theatre's names, made once and reused across reports (made here if not given).
    """
    index = index or PlaceIndex(theatre.districts)
    published = report.published
    notes = [] if published else [NO_PUBLISHED]
    parts = sentences(report.text)
    denied = _denied(parts, index)
    kept: dict[tuple[str, str, str], Proposal] = {}
    dropped: list[Proposal] = []
    unmatched: list[Unmatched] = []
    carried: ReportDate | None = None
    paragraph = -1
    for sentence in parts:
        if sentence.paragraph != paragraph:
            carried, paragraph = None, sentence.paragraph
        found_dates = find_dates(sentence.text, published)
        mentions = index.find(sentence.text)
        unmatched += [
            Unmatched(text, (sentence.start + a, sentence.start + b), sentence.text)
            for a, b, text in index.unmatched(sentence.text, mentions)
        ]
        pieces = clauses(sentence.text)
        for mention in mentions:
            clause = next((c for c in pieces if c.start <= mention.start < c.end), None)
            if clause is None:
                continue
            for proposal in _read(sentence, clause, mention, found_dates, carried, published, index, denied):
                (dropped.append(proposal) if proposal.dropped else _keep(kept, proposal))
                if not proposal.dropped:
                    # the story's date so far: what later sentences without a date of their own go by
                    carried = next((d for d in found_dates if d.text == proposal.date_text), carried)
    proposals = list(kept.values())
    for proposal in [*proposals, *dropped]:
        proposal.record = compare(
            theatre, proposal.district_id, proposal.date, proposal.date_precision, proposal.status
        )
    return Proposals(
        proposals,
        dropped,
        unmatched,
        notes,
        published=published,
        url=report.url,
        publisher=report.publisher,
        title=report.title,
    )


def _keep(kept: dict[tuple[str, str, str], Proposal], proposal: Proposal) -> None:
    """One proposal per district, date and status: the most confident reading of the report."""
    key = (proposal.district_id, proposal.date.isoformat() if proposal.date else "", proposal.status)
    if key not in kept or proposal.confidence > kept[key].confidence:
        kept[key] = proposal


def _denied(parts: list[Sentence], index: PlaceIndex) -> dict[str, str]:
    """District ids that a sentence of the report denies a change in, with the denying words."""
    denied: dict[str, str] = {}
    for sentence in parts:
        denial = DENIAL.search(sentence.text)
        if denial:
            for mention in index.find(sentence.text):
                for district_id in mention.district_ids:
                    denied.setdefault(district_id, denial.group(0))
    return denied


def _pick_date(clause: Clause, claim_at: int, found: list[ReportDate], carried: ReportDate | None) -> ReportDate | None:
    """The date expression a claim goes with: in its clause (the nearest), else in its sentence
    outside other claims' clauses (the first placed), else the paragraph's last date."""
    inside = [d for d in found if clause.start <= d.start < clause.end]
    if inside:
        return min(inside, key=lambda d: abs(d.start - claim_at))
    return found[0] if found else carried


def _read(
    sentence: Sentence,
    clause: Clause,
    mention: Mention,
    found_dates: list[ReportDate],
    carried: ReportDate | None,
    published: dt.date | None,
    index: PlaceIndex,
    denied: dict[str, str],
) -> list[Proposal]:
    reading = read_clause(sentence.text, clause, mention.start, mention.end)
    claim = reading.claim
    if claim is None:
        return []
    reasons = list(reading.drop)
    side = claim.side or side_at(sentence.text, before=claim.start)
    if side is None and claim.phrase.kind != CONTEST:
        reasons.append("no side named for the change")
    status = "contested" if reading.partial or claim.phrase.kind == CONTEST else (side or "unknown")
    picked = _pick_date(clause, claim.start, found_dates, carried)
    date, precision, date_text = _date_of(picked, published, reasons)
    if date is not None and published is not None:
        earlier_period = (
            picked is not None and picked.named and _period(date, precision) != _period(published, precision)
        )
        if earlier_period:
            reasons.append(f"an earlier event recalled ({date_text!r}, before the report's month or year)")
        elif (published - date).days > HISTORY_DAYS:
            reasons.append(
                f"an earlier event recalled ({date_text!r}, {(published - date).days} days before the report)"
            )
        elif date > published:
            reasons.append(f"dated after the report ({date_text!r})")
    dropped = len(reasons) > 0
    confidence = claim.phrase.strength * MATCH_FACTOR[mention.how]
    lowered: list[str] = []
    if picked is not None and picked.date is None:
        lowered.append(f"no date: {picked.why}")
    elif picked is None and published is None:
        lowered.append("no date: the sentence gives none and the report has no publication date")
    if mention.how != "name":
        lowered.append(f"the name {mention.text!r} is a {mention.how} of {mention.name!r}")
    for factor, why in attribution(sentence.text):
        confidence *= factor
        lowered.append(why)
    if claim.phrase.kind == CONTEST:
        lowered.append("fighting reported, not a change of hands")
    if reading.partial:
        lowered.append("part of the district")
    out = []
    for district_id in mention.district_ids:
        own = list(lowered)
        factor = 1.0
        if not dropped and district_id in denied and not DENIAL.search(sentence.text):
            factor = DENIED_FACTOR
            own.append(f"denied elsewhere in the report ({denied[district_id]!r})")
        out.append(
            Proposal(
                district_id=district_id,
                name_en=index.names_en[district_id],
                name_ar=index.names_ar[district_id],
                date=date,
                date_precision=precision,
                status=status,
                partial=reading.partial,
                by=side or "",
                confidence=0.0 if dropped else confidence * factor,
                evidence=sentence.text,
                span=(sentence.start, sentence.end),
                place=mention.text,
                date_text=date_text,
                reasons=reasons + own if dropped else own,
                dropped=dropped,
            )
        )
    return out


def _date_of(
    picked: ReportDate | None, published: dt.date | None, reasons: list[str]
) -> tuple[dt.date | None, str, str]:
    """The date, precision and words of a claim; the publication date (``days``) when it gives none."""
    if picked is not None:
        if picked.date is None:
            return None, picked.precision, picked.text  # picked.why goes with the proposal
        return picked.date, picked.precision, picked.text
    if published is not None:
        return published, "days", ""
    return None, "", ""


def _period(day: dt.date, precision: str) -> tuple[int, ...]:
    """The month (or, for ``year`` precision, the year) a day falls in."""
    return (day.year,) if precision == "year" else (day.year, day.month)
