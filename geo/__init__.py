"""Aleppo Frontlines data library: load, validate and query a theatre of war.

No Streamlit here: the dashboard and the CLI both sit on top of this package.
"""

from geo.errors import DataError, DateError, GeoError, Problem, UnknownDistrictError
from geo.load import check_theatre, load_theatre
from geo.statuses import DATE_PRECISIONS, STATUS_LABELS, STATUSES
from geo.theatre import Theatre

__all__ = [
    "DATE_PRECISIONS",
    "STATUSES",
    "STATUS_LABELS",
    "DataError",
    "DateError",
    "GeoError",
    "Problem",
    "Theatre",
    "UnknownDistrictError",
    "check_theatre",
    "load_theatre",
]
