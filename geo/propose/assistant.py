"""From a report's text to proposed changes: places, dates and control language put together."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from geo.propose.article import Report, Sentence, sentences
from geo.propose.dates import ReportDate, find_dates
from geo.propose.language import (
    CONTEST,
    DENIAL,
    HELD,
    HISTORY_DAYS,
    HOLD_WORDS,
    PHRASES,
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

REFERENCE_FACTOR = 0.8  # "the district": the district the paragraph named last
MATCH_FACTOR = {"name": 1.0, "variant": 0.95, "typo": 0.85, "reference": REFERENCE_FACTOR}
DENIED_FACTOR = 0.5
NO_PUBLISHED = (
    "the report has no publication date (give --published YYYY-MM-DD): relative dates such as "
    "'on Thursday' cannot be placed, so those proposals have no date"
)


# A district named only as a landmark ("northwest of the airport") is not the one that changed.
LANDMARK = re.compile(
    r"\b(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+(?:edge\s+|side\s+)?of|near|outside|close\s+to"
    r"|next\s+to|beside|towards?|overlooking|adjacent\s+to|between|straddles|straddling)\s+(?:the\s+)?$",
    re.I,
)
# "the district", "the eastern neighbourhood": the district the paragraph named last.
REFERENCE = re.compile(  # case-sensitive: "the Wadi Fulan district" is a name, not a reference
    r"\b[Tt]he\s+(?:[a-z-]+\s+){0,2}?(?:district|neighbou?rhood|quarter|camp)\b(?!\s+of\s+[A-Z])(?!\s+[A-Z])"
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
    mentions_of = [index.find(sentence.text) for sentence in parts]
    denied = _denied(parts, mentions_of)
    kept: dict[tuple[str, str, str], Proposal] = {}
    dropped: list[Proposal] = []
    held_in_part: dict[str, str] = {}
    unmatched: list[Unmatched] = []
    carried: ReportDate | None = None
    last_named: Mention | None = None
    paragraph = -1
    for sentence, named in zip(parts, mentions_of, strict=True):
        if sentence.paragraph != paragraph:
            carried, last_named, paragraph = None, None, sentence.paragraph
        found_dates = find_dates(sentence.text, published)
        unmatched += [
            Unmatched(text, (sentence.start + a, sentence.start + b), sentence.text)
            for a, b, text in index.unmatched(sentence.text, named)
        ]
        mentions = [*named, *_references(sentence.text, named, last_named)]
        pieces = clauses(sentence.text)
        for mention in mentions:
            if LANDMARK.search(sentence.text[max(0, mention.start - 40) : mention.start]):
                continue
            clause = next((c for c in pieces if c.start <= mention.start < c.end), None)
            if clause is None:
                continue
            for proposal in _read(sentence, clause, mention, found_dates, carried, published, index, denied):
                if proposal.dropped:
                    if proposal.partial and HELD in proposal.reasons:
                        held_in_part[proposal.district_id] = proposal.evidence
                    dropped.append(proposal)
                else:
                    _keep(kept, proposal)
        if named:
            last_named = named[-1] if len({m.district_ids for m in named}) == 1 else None
        carried = _story_date(sentence.text, found_dates, published) or carried
    proposals = _reconcile(list(kept.values()), held_in_part)
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


def _references(text: str, named: list[Mention], last: Mention | None) -> list[Mention]:
    """ "the district" where the paragraph's last sentence naming a district named only one."""
    last = named[-1] if len({m.district_ids for m in named}) == 1 else (None if named else last)
    if last is None:
        return []
    out = []
    for match in REFERENCE.finditer(text):
        if any(m.start <= match.start() < m.end or match.start() <= m.start < match.end() for m in named):
            continue
        if named and match.start() < named[0].end:  # a reference before the name in its own sentence
            continue
        out.append(Mention(match.start(), match.end(), match.group(0), last.district_ids, last.name, "reference", 80.0))
    return out


def _story_date(text: str, found: list[ReportDate], published: dt.date | None) -> ReportDate | None:
    """The date a sentence that reports a change gives, for later sentences that give none."""
    if not any(p.kind != "hold" and p.pattern.search(text) for p in PHRASES):
        return None
    recent = [d for d in found if d.date is not None and not d.named and not _is_history(d.date, published)]
    return recent[-1] if recent else None


def _is_history(day: dt.date, published: dt.date | None) -> bool:
    return published is not None and (published - day).days > HISTORY_DAYS


def _reconcile(proposals: list[Proposal], held_in_part: dict[str, str]) -> list[Proposal]:
    """One reading per district where the report's sources disagree on how much of it changed
    hands: a side's claim of the whole district beside a claim of part of it (within a few
    days), or beside the other side still holding part, is a contested district, dated as the
    first claim."""
    by_district: dict[str, list[Proposal]] = {}
    for p in proposals:
        by_district.setdefault(p.district_id, []).append(p)
    out = []
    for group in by_district.values():
        partial = [p for p in group if p.status == "contested" and (p.partial or not p.by)]
        merged: set[int] = set()
        for full in (p for p in group if p.status != "contested"):
            same = [p for p in partial if _near(p.date, full.date) and p.by in ("", full.by)]
            if same or full.district_id in held_in_part:
                full.status, full.partial = "contested", True
                full.reasons.append("the report also says only part of it changed hands: sources disagree")
                merged.update(id(p) for p in same)
        out += [p for p in group if id(p) not in merged]
    return out


def _near(a: dt.date | None, b: dt.date | None, days: int = 3) -> bool:
    return a is None or b is None or abs((a - b).days) <= days


def _keep(kept: dict[tuple[str, str, str], Proposal], proposal: Proposal) -> None:
    """One proposal per district, date and status: the most confident reading of the report."""
    key = (proposal.district_id, proposal.date.isoformat() if proposal.date else "", proposal.status)
    if key not in kept or proposal.confidence > kept[key].confidence:
        kept[key] = proposal


def _denied(parts: list[Sentence], mentions_of: list[list[Mention]]) -> dict[str, str]:
    """District ids whose change a sentence of the report denies, with the denying words; a
    denial naming no district denies what the sentence before it named."""
    denied: dict[str, str] = {}
    for number, sentence in enumerate(parts):
        denial = DENIAL.search(sentence.text) or HOLD_WORDS.search(sentence.text)
        if not denial:
            continue
        named = mentions_of[number] or (mentions_of[number - 1] if number else [])
        for mention in named:
            for district_id in mention.district_ids:
                denied.setdefault(district_id, denial.group(0))
    return denied


def _pick_date(clause: Clause, claim_at: int, found: list[ReportDate], carried: ReportDate | None) -> ReportDate | None:
    """The date expression a claim goes with: in its clause (a weekday or a date before a vague
    "overnight", then the nearest), else the paragraph's date so far. A date in another clause
    of the sentence belongs to that clause ("..., whose capture on Saturday ...")."""
    inside = [d for d in found if clause.start <= d.start < clause.end]
    if inside:
        return min(inside, key=lambda d: (d.vague, abs(d.start - claim_at)))
    return carried


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
    if side is None and claim.phrase.noun:  # "the capture of X came days after government forces..."
        side = side_at(sentence.text, after=claim.end, skip_objects=True)
    if side is None and claim.phrase.kind != CONTEST:
        reasons.append("no side named for the change")
    status = "contested" if reading.partial or claim.phrase.kind == CONTEST else (side or "unknown")
    picked = _pick_date(clause, claim.start, found_dates, carried)
    picked = _days_before(sentence.text, clause, found_dates) or picked
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


DAYS_BEFORE = re.compile(r"\b(a|one|two|three)\s+days?\s+after\s*$", re.I)
_COUNTS = {"a": 1, "one": 1, "two": 2, "three": 3}


def _days_before(text: str, clause: Clause, found: list[ReportDate]) -> ReportDate | None:
    """ "took X on Sunday, a day after capturing Y": Y's date is the clause before's, less a day."""
    lead = DAYS_BEFORE.search(text[max(0, clause.start - 25) : clause.start])
    if lead is None:
        return None
    anchors = [d for d in found if d.end <= clause.start]
    base = anchors[-1].date if anchors else None
    if base is None:
        return None
    anchor = anchors[-1]
    day: dt.date = base - dt.timedelta(days=_COUNTS[lead.group(1).lower()])
    return dataclasses.replace(anchor, text=f"{lead.group(0).strip()} {anchor.text}", date=day, earliest=day)


def _period(day: dt.date, precision: str) -> tuple[int, ...]:
    """The month (or, for ``year`` precision, the year) a day falls in."""
    return (day.year,) if precision == "year" else (day.year, day.month)
