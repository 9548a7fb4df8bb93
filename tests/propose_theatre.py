"""A small invented city for the report assistant's tests: names no real report uses.

Six square districts in two rows (north: Qasr an-Nur, ash-Sheikh Hilal, Masaken az-Zahir;
south: Bayt Rumman, Tal al-Ward I, Tal al-Ward II, the last two sharing a name), English and
Arabic names and other spellings, two changes and a rated ``sources.csv``, so that the
assistant is shown to work from a theatre's own names and not from Aleppo's.
"""

from __future__ import annotations

import csv
from pathlib import Path

from synthetic import square, write_theatre

DISTRICTS = [
    ("qasr-an-nur", "Qasr an-Nur", "قصر النور", ["Kasr al-Nour"], (0, 1)),
    ("ash-sheikh-hilal", "ash-Sheikh Hilal", "الشيخ هلال", ["Sheikh Hilal"], (1, 1)),
    ("masaken-az-zahir", "Masaken az-Zahir", "مساكن الظاهر", [], (2, 1)),
    ("bayt-rumman", "Bayt Rumman", "بيت رمان", ["Beit Rummane"], (0, 0)),
    ("tal-al-ward-i", "Tal al-Ward I", "تل الورد", ["Tal al-Ward"], (1, 0)),
    ("tal-al-ward-ii", "Tal al-Ward II", "تل الورد", ["Tal al-Ward"], (2, 0)),
]
META = {
    "title": "Qartaba",
    "start_date": "2020-01-01",
    "end_date": "2021-12-31",
    "initial_status": "government",
    "center": [0.01, 0.015],
    "zoom": 14,
    "attribution": "invented for tests",
}
CHANGES = [
    {
        "date": "2020-03-01",
        "district_id": "ash-sheikh-hilal",
        "status": "opposition",
        "date_precision": "day",
        "confidence": "medium",
        "note": "Rebels take Sheikh Hilal; an enclave, as the (invented) report says",
        "sources": "wire-2020-03-01",
        "reviewed": "enclave",
    },
    {
        "date": "2020-06-10",
        "district_id": "bayt-rumman",
        "status": "contested",
        "date_precision": "day",
        "confidence": "medium",
        "note": "Fighting in Bayt Rumman",
        "sources": "wire-2020-06-10",
        "sides": "government opposition",
    },
]
SOURCES = [
    {
        "id": "wire-2020-03-01",
        "url": "https://example.org/wire/2020-03-01",
        "publisher": "Example Wire",
        "published": "2020-03-01",
        "title": "",
        "kind": "news agency",
        "alignment": "none known",
    },
    {
        "id": "wire-2020-06-10",
        "url": "https://example.org/wire/2020-06-10",
        "publisher": "Example Wire",
        "published": "2020-06-10",
        "title": "",
        "kind": "news agency",
        "alignment": "none known",
    },
]


def write_invented_theatre(folder: Path) -> Path:
    """Write the invented city to ``folder`` and return it."""
    features = [
        {
            "type": "Feature",
            "geometry": square(*xy),
            "properties": {"id": district_id, "name_en": name_en, "name_ar": name_ar, "alt_names": alt},
        }
        for district_id, name_en, name_ar, alt, xy in DISTRICTS
    ]
    write_theatre(folder, meta=META, features=features, changes=CHANGES)
    with open(folder / "sources.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, ["id", "url", "publisher", "published", "title", "kind", "alignment"])
        writer.writeheader()
        writer.writerows(SOURCES)
    return folder
