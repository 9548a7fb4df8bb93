"""Aleppo Frontlines data library: load, validate and query a theatre of war.

No Streamlit here: the dashboard and the CLI both sit on top of this package.
"""

from geo.errors import DataError, DateError, GeoError, OptionError, Problem, UnknownDistrictError
from geo.export import districts_geojson, write_history_csv, write_state_csv
from geo.load import check_theatre, load_theatre
from geo.quality import changes_per_month, confidence_counts, sourcing_summary
from geo.statuses import DATE_PRECISIONS, STATUS_LABELS, STATUSES
from geo.theatre import Theatre, count_statuses
from geo.urls import host_of, is_http_url

__all__ = [
    "DATE_PRECISIONS",
    "STATUSES",
    "STATUS_LABELS",
    "DataError",
    "DateError",
    "GeoError",
    "OptionError",
    "Problem",
    "Theatre",
    "UnknownDistrictError",
    "changes_per_month",
    "check_theatre",
    "confidence_counts",
    "count_statuses",
    "districts_geojson",
    "host_of",
    "is_http_url",
    "load_theatre",
    "sourcing_summary",
    "write_history_csv",
    "write_state_csv",
]
