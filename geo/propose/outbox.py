"""A proposals file: accepted proposals kept for a maintainer to review, outside the theatre.

The dashboard's maintainer page writes here instead of to ``changes.csv``: one CSV row per
accepted proposal, in the columns of ``changes.csv`` where they exist (so a row can be moved
over once checked) and with its evidence and address. Rows are only ever appended; a file
that exists is never rewritten, and its header must be this one.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from geo.errors import GeoError
from geo.propose.model import Proposal

COLUMNS = (
    "date",
    "district_id",
    "status",
    "date_precision",
    "partial",
    "by",
    "confidence",
    "record",
    "source_url",
    "published",
    "evidence",
    "reasons",
)


class OutboxError(GeoError, ValueError):
    """A proposals file that cannot be appended to (another header, not writable)."""


def append_proposals(path: str | Path, proposals: list[Proposal], *, url: str, published: str) -> int:
    """Append ``proposals`` to the CSV file at ``path`` (made, with its header, if missing).

    Returns the number of rows written.

    Raises
    ------
    OutboxError
        Naming the file: it holds another header, or it cannot be written.
    """
    path = Path(path)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    try:
        new = not path.exists() or path.stat().st_size == 0
        if not new:
            with open(path, encoding="utf-8", newline="") as handle:
                header = next(csv.reader(handle), [])
            if tuple(header) != COLUMNS:
                raise OutboxError(
                    f"{path.name} has the columns {', '.join(header) or 'none'}, not a proposals file's "
                    f"({', '.join(COLUMNS)}): nothing written"
                )
        else:
            writer.writerow(COLUMNS)
        for p in proposals:
            writer.writerow(
                [
                    p.date.isoformat() if p.date else "",
                    p.district_id,
                    p.status,
                    p.date_precision,
                    str(p.partial).lower(),
                    p.by,
                    f"{p.confidence:.2f}",
                    p.record.verdict,
                    url,
                    published,
                    p.evidence,
                    "; ".join(p.reasons),
                ]
            )
        with open(path, "a", encoding="utf-8", newline="") as handle:
            handle.write(out.getvalue())
    except OSError as exc:
        raise OutboxError(f"{path.name} cannot be written ({exc.strerror}): nothing written") from None
    return len(proposals)
