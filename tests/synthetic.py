"""A tiny hand-made theatre (four square districts) written to a folder."""

from __future__ import annotations

import csv
import json
from pathlib import Path

SQUARES = {
    "north-east": (1, 1),
    "north-west": (0, 1),
    "south-west": (0, 0),
    "south-east": (1, 0),
}
META = {
    "title": "Testville",
    "start_date": "2020-01-01",
    "end_date": "2020-12-31",
    "initial_status": "government",
    "center": [0.01, 0.01],
    "zoom": 14,
    "attribution": "test",
}
CHANGES = [
    {
        "date": "2020-03-01",
        "district_id": "north-east",
        "status": "opposition",
        "note": "taken",
        "source_url": "https://example.org/a",
    },
    {
        "date": "2020-03-01",
        "district_id": "south-east",
        "status": "contested",
        "note": "fighting",
        "source_url": "https://example.org/a https://example.org/b",
    },
    {
        "date": "2020-06-15",
        "district_id": "north-east",
        "status": "government",
        "note": "retaken",
        "source_url": "https://example.org/c",
    },
]


def square(x: int, y: int, size: float = 0.01) -> dict:
    x0, y0 = x * size, y * size
    ring = [[x0, y0], [x0 + size, y0], [x0 + size, y0 + size], [x0, y0 + size], [x0, y0]]
    return {"type": "Polygon", "coordinates": [ring]}


def district_features() -> list[dict]:
    return [
        {
            "type": "Feature",
            "geometry": square(*xy),
            "properties": {
                "id": district_id,
                "name_en": district_id.replace("-", " ").title(),
                "name_ar": "حي",
                "alt_names": ["Alt " + district_id],
            },
        }
        for district_id, xy in SQUARES.items()
    ]


def write_theatre(
    folder: Path,
    *,
    meta: dict | None = None,
    features: list[dict] | None = None,
    changes: list[dict] | None = None,
    collection_extra: dict | None = None,
) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "theatre.json").write_text(json.dumps(META if meta is None else meta), encoding="utf-8")
    collection = {"type": "FeatureCollection", "features": district_features() if features is None else features}
    collection.update(collection_extra or {})
    (folder / "districts.geojson").write_text(json.dumps(collection), encoding="utf-8")
    rows = CHANGES if changes is None else changes
    with open(folder / "changes.csv", "w", newline="", encoding="utf-8") as handle:
        columns = ["date", "district_id", "status", "note", "source_url"]
        columns += [key for key in dict.fromkeys(k for row in rows for k in row) if key not in columns]
        writer = csv.DictWriter(handle, fieldnames=columns, restval="")
        writer.writeheader()
        writer.writerows(rows)
    return folder


def many_changes(count: int, district_id: str = "north-east") -> list[dict]:
    """``count`` changes of one district, every other day from 2 January 2020, numbered in their notes."""
    import datetime as dt

    first = dt.date(2020, 1, 2)
    return [
        {
            "date": (first + dt.timedelta(days=2 * n)).isoformat(),
            "district_id": district_id,
            "status": ("opposition", "government")[n % 2],
            "note": f"change number {n}",
            "source_url": "https://example.org/a",
        }
        for n in range(count)
    ]
