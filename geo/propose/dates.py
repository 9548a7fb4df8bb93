"""Dates in a report, resolved against its publication date.

"On Thursday" in a report published on Friday 7 October 2016 is 6 October; "last week" is
the week before the report's, to the day by which it had happened (``days`` precision);
"earlier this month" keeps only the month. Day-and-month dates without a year ("26
November") are read by dateparser as the latest such day on or before publication. Without a
publication date only dates that give their year can be placed; the others say why not.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass

import dateparser  # type: ignore[import-untyped]  # no stubs published

MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
    "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_NUMBERS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "ten": 10}
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "day month",
        re.compile(
            rf"\b(?:(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({MONTHS})\.?|({MONTHS})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b)"
            rf"(?:,?\s+(\d{{4}}))?",
            re.I,
        ),
    ),
    ("month year", re.compile(rf"\b(?:(?:early|late|mid)[- ])?({MONTHS})\.?\s+(?:of\s+)?(\d{{4}})\b", re.I)),
    (
        "season year",
        re.compile(
            r"\b(?:the\s+)?(?:(?:early|late)\s+)?(spring|summer|autumn|fall|winter)\s+(?:of\s+)?(\d{4})\b", re.I
        ),
    ),
    (
        "month",
        re.compile(rf"\b(?:in|since|by|during|until|from)\s+(?:(?:early|late|mid)[- ])?({MONTHS})\b(?!\s+\d)", re.I),
    ),
    ("year", re.compile(r"\b(?:in|since|by|during|of|from)\s+((?:19|20)\d{2})\b", re.I)),
    ("weekday", re.compile(r"\b(last\s+|on\s+|this\s+|early\s+|late\s+)?(" + "|".join(WEEKDAYS) + r")\b", re.I)),
    ("today", re.compile(r"\b(?:today|this\s+(?:morning|afternoon|evening)|earlier\s+today|tonight)\b", re.I)),
    ("yesterday", re.compile(r"\b(?:yesterday|last\s+night)\b", re.I)),
    ("overnight", re.compile(r"\bovernight\b", re.I)),
    ("days ago", re.compile(r"\b(\d+|a|one|two|three|four|five|six|seven|ten)\s+days?\s+ago\b", re.I)),
    ("last week", re.compile(r"\blast\s+week\b", re.I)),
    ("this week", re.compile(r"\b(?:earlier\s+)?this\s+week\b", re.I)),
    ("recent days", re.compile(r"\b(?:in\s+)?(?:recent\s+days|the\s+past\s+(?:few\s+days|24\s+hours|week))\b", re.I)),
    ("this month", re.compile(r"\b(?:earlier\s+)?this\s+month\b", re.I)),
    ("last month", re.compile(r"\blast\s+month\b", re.I)),
    ("this year", re.compile(r"\b(?:earlier\s+)?this\s+year\b", re.I)),
    ("last year", re.compile(r"\blast\s+year\b", re.I)),
]


@dataclass(frozen=True)
class ReportDate:
    """A date expression found in a report and what it resolves to.

    ``date`` is the day by which the event had happened (``None`` where it cannot be placed,
    ``why`` says why); ``precision`` is ``day``, ``days``, ``month`` or ``year`` as in
    ``changes.csv``; ``earliest`` the first day the expression allows; ``start`` and ``end``
    its characters in the text searched.
    """

    text: str
    start: int
    end: int
    date: dt.date | None
    precision: str
    earliest: dt.date | None = None
    why: str = ""
    named: bool = False  # a month or year given by name ("in August", "in 2012"), not relative to the report
    vague: bool = False  # "overnight", "today": a day, but a weekday or a date beside it says more


@functools.cache
def _warm() -> None:
    """dateparser loads its language data on its first parse (a few hundred milliseconds): done
    once, on the first report, rather than in the middle of a later one."""
    dateparser.parse("26 November 2016", languages=["en"], settings={"PREFER_DATES_FROM": "past"})


def find_dates(text: str, published: dt.date | None) -> list[ReportDate]:
    """Every date expression in ``text``, in text order (overlapping ones: the longer kept)."""
    _warm()
    found: list[ReportDate] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            if any(f.start < match.end() and match.start() < f.end for f in found):
                continue
            if kind == "weekday" and _is_weekday_noun(text, match):
                continue
            found.append(_resolve(kind, match, published))
    return sorted(found, key=lambda f: f.start)


def _is_weekday_noun(text: str, match: re.Match[str]) -> bool:
    """ "Sunday's attack" still dates; "Sunday Times" does not."""
    return text[match.end() : match.end() + 6].startswith(" Times")


def _last_day(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _capped(day: dt.date, published: dt.date | None) -> dt.date:
    """A period's last day, or the publication day if the period was not over when it was written."""
    return min(day, published) if published is not None else day


def _resolve(kind: str, match: re.Match[str], published: dt.date | None) -> ReportDate:
    text = match.group(0)
    start, end = match.span()

    def unplaced(precision: str) -> ReportDate:
        why = f"{text!r} needs the report's publication date (give --published)"
        return ReportDate(text, start, end, None, precision, why=why)

    def relative(day: dt.date, precision: str = "day", earliest: dt.date | None = None) -> ReportDate:
        named = kind in ("month", "month year", "season year", "year")
        vague = kind in ("today", "overnight", "recent days", "this week")
        return ReportDate(text, start, end, day, precision, earliest or day, named=named, vague=vague)

    if kind == "day month":
        year = match.group(5)
        if year is None and published is None:
            return unplaced("day")
        base = dt.datetime.combine(published, dt.time()) if published else dt.datetime(int(year), 12, 31)
        parsed = dateparser.parse(
            text,
            languages=["en"],
            settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past", "REQUIRE_PARTS": ["day", "month"]},
        )
        if parsed is None:
            return ReportDate(text, start, end, None, "day", why=f"{text!r} is not a date")
        return relative(parsed.date())
    if kind == "month year":
        month = _month_number(match.group(1))
        year = int(match.group(2))
        return relative(_capped(_last_day(year, month), published), "month", dt.date(year, month, 1))
    if kind in ("season year", "year"):
        year = int(match.group(2) if kind == "season year" else match.group(1))
        return relative(_capped(dt.date(year, 12, 31), published), "year", dt.date(year, 1, 1))
    if published is None:
        return unplaced("days" if kind in ("last week", "this week", "recent days") else "day")
    if kind == "month":
        month = _month_number(match.group(1))
        year = published.year if month <= published.month else published.year - 1
        return relative(_capped(_last_day(year, month), published), "month", dt.date(year, month, 1))
    if kind == "weekday":
        weekday = WEEKDAYS.index(match.group(2).lower())
        back = (published.weekday() - weekday) % 7
        if back == 0 and (match.group(1) or "").strip().lower() == "last":
            back = 7
        return relative(published - dt.timedelta(days=back))
    if kind in ("today", "overnight"):
        return relative(published)
    if kind == "yesterday":
        return relative(published - dt.timedelta(days=1))
    if kind == "days ago":
        count = match.group(1).lower()
        days = int(count) if count.isdigit() else _NUMBERS[count]
        return relative(published - dt.timedelta(days=days))
    if kind == "last week":
        monday = published - dt.timedelta(days=published.weekday() + 7)
        return relative(monday + dt.timedelta(days=6), "days", monday)
    if kind == "this week":
        return relative(published, "days", published - dt.timedelta(days=published.weekday()))
    if kind == "recent days":
        return relative(published, "days", published - dt.timedelta(days=7))
    if kind == "this month":
        return relative(published, "month", published.replace(day=1))
    if kind == "last month":
        first = published.replace(day=1) - dt.timedelta(days=1)
        return relative(first, "month", first.replace(day=1))
    if kind == "this year":
        return relative(published, "year", published.replace(month=1, day=1))
    last = published.replace(month=1, day=1) - dt.timedelta(days=1)  # last year
    return relative(last, "year", last.replace(month=1, day=1))


def _month_number(name: str) -> int:
    key = name.lower()[:3]
    return [m.lower() for m in calendar.month_abbr].index(key)


def parse_published(value: str) -> dt.date:
    """A publication date given as ``YYYY-MM-DD`` (strict, as every date the project reads).

    Raises
    ------
    geo.errors.DateError
        Naming ``--published``, the value and the expected form.
    """
    from geo.dates import parse_date

    return parse_date(value, field="--published")
