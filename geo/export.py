"""CSV exports of a theatre's state and histories."""
from __future__ import annotations

import datetime as dt
from typing import TextIO

from geo.theatre import HISTORY_COLUMNS, STATE_COLUMNS, Theatre


def write_state_csv(theatre: Theatre, date: dt.date | str, out: TextIO) -> None:
    """Every district's status on ``date``, columns ``STATE_COLUMNS``."""
    theatre.state_at(date)[STATE_COLUMNS].to_csv(out, index=False, lineterminator="\n")


def write_history_csv(theatre: Theatre, district_id: str, out: TextIO) -> None:
    """One district's changes in date order, columns ``HISTORY_COLUMNS``."""
    theatre.history(district_id)[HISTORY_COLUMNS].to_csv(out, index=False, lineterminator="\n")
