"""From a news report to proposed changes of control, for a person to review.

``propose(read_report(path), theatre)`` finds the theatre's districts in the report
(:mod:`geo.propose.places`), dates what it says against its publication date
(:mod:`geo.propose.dates`), reads who gained and what takes a claim back
(:mod:`geo.propose.language`), and says what the record already shows
(:mod:`geo.propose.record`). The result (:mod:`geo.propose.model`) prints as a table, CSV or
JSON; :mod:`geo.propose.review` walks it with a person and appends what they accept.
Nothing here guesses: a place the theatre does not know is listed, not matched.
"""

from geo.propose.article import Report, ReportError, read_html, read_report
from geo.propose.assistant import propose
from geo.propose.model import FORMATS, Proposal, Proposals, render
from geo.propose.places import PlaceIndex

__all__ = [
    "FORMATS",
    "PlaceIndex",
    "Proposal",
    "Proposals",
    "Report",
    "ReportError",
    "propose",
    "read_html",
    "read_report",
    "render",
]
