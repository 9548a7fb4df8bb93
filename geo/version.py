"""A theatre's data version and the manifest of released versions.

A share link carries the short data version it was made with (``v=``). When the data has
changed since, the page says so; where the old version is in the theatre's manifest of
releases (``releases.json`` beside the data files, not part of the digest), geo can list
what changed for a district between the two versions.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from geo import theatre_files
from geo.errors import GeoError
from geo.layers import LAYERS_DIR

#: The files whose bytes make a theatre's data version, in digest order; then every evidence
#: layer's files (``layers/*.json``, ``layers/*.geojson``, by name): they are data a link shows too.
DATA_FILES = ("theatre.json", "districts.geojson", "changes.csv", "sources.csv", "events.csv")
LAYER_SUFFIXES = (".json", ".geojson")
RELEASES_FILE = "releases.json"
VERSION_LENGTH = 8  # hex digits in a link: 4 billion versions, short enough to read aloud


class VersionError(GeoError, ValueError):
    """A data version that is malformed or not in the manifest of releases."""


def data_files(directory: str | Path) -> list[tuple[str, Path]]:
    """The files a data version is made of, as (name in the digest, path), in digest order; some may not exist."""
    directory = Path(directory)
    layers = sorted(p for p in (directory / LAYERS_DIR).glob("*") if p.suffix in LAYER_SUFFIXES and p.is_file())
    return [(name, directory / name) for name in DATA_FILES] + [(f"{LAYERS_DIR}/{p.name}", p) for p in layers]


def data_digest(directory: str | Path) -> str:
    """The full SHA-256 of the theatre's data files (names and bytes), as hex."""
    digest = hashlib.sha256()
    for name, path in data_files(directory):
        try:
            data = theatre_files.read_bytes(Path(directory), path)
        except theatre_files.RefusedFile:
            continue  # missing or refused: validation says why, and the version leaves it out
        digest.update(name.encode() + b"\0")
        digest.update(data)
        digest.update(b"\0")
    return digest.hexdigest()


def data_version(directory: str | Path) -> str:
    """The short data version of a theatre (the first ``VERSION_LENGTH`` hex digits of its digest)."""
    return data_digest(directory)[:VERSION_LENGTH]


def change_key(*, date: str, status: str, confidence: str, sources: str) -> str:
    """One change as a compact, comparable text: ``date status confidence sources``."""
    return " ".join((date, status, confidence or "-", sources or "-"))


@dataclass(frozen=True)
class Release:
    """One released data version: its short version, release date and each district's changes."""

    version: str
    released: str
    changes: dict[str, list[str]]


def snapshot(theatre) -> dict[str, list[str]]:
    """Every district's changes as :func:`change_key` texts, in date order (districts with none left out)."""
    out: dict[str, list[str]] = {}
    frame = theatre.changes
    for index in theatre.change_positions_by_district:
        row = frame.iloc[index]
        cited = row.get("sources", "") or row["source_url"]  # source ids where the row has them, else URLs
        out.setdefault(row["district_id"], []).append(
            change_key(date=row["date"], status=row["status"], confidence=row["confidence"], sources=cited)
        )
    return out


def read_releases(directory: str | Path) -> list[Release]:
    """The theatre's manifest of releases, oldest first; empty when it has none."""
    path = Path(directory) / RELEASES_FILE
    if not path.is_file():
        return []
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return [Release(str(r["version"]), str(r["released"]), dict(r["changes"])) for r in raw["releases"]]
    except (json.JSONDecodeError, KeyError, TypeError) as exc:
        raise VersionError(f"{path} is not a manifest of releases ({exc})") from exc


def record_release(theatre, *, released: dt.date | None = None) -> Release:
    """Add the theatre's current data version to its manifest (once) and return its entry."""
    if theatre.directory is None:
        raise VersionError("the theatre was not loaded from a directory, so it has no manifest")
    releases = read_releases(theatre.directory)
    version = data_version(theatre.directory)
    for release in releases:
        if release.version == version:
            return release
    entry = Release(version, (released or dt.date.today()).isoformat(), snapshot(theatre))
    releases.append(entry)
    text = json.dumps({"releases": [r.__dict__ for r in releases]}, ensure_ascii=False, indent=1, sort_keys=False)
    (Path(theatre.directory) / RELEASES_FILE).write_text(text + "\n", encoding="utf-8")
    return entry


def find_release(directory: str | Path, version: str) -> Release:
    """The release with this short version; raises VersionError naming the known ones."""
    releases = read_releases(directory)
    for release in releases:
        if release.version == version:
            return release
    known = ", ".join(r.version for r in releases) or "none"
    raise VersionError(f"data version {version!r} is not in the manifest of releases (known: {known})")


def changed_since(theatre, version: str, *, district_id: str | None = None) -> list[dict[str, str]]:
    """What changed between a released version and the theatre as loaded now.

    Returns
    -------
    list of dict
        One row per change added or removed, with keys ``change`` (``added`` or ``removed``),
        ``district_id``, ``date``, ``status``, ``confidence`` and ``sources``; for one
        district with ``district_id``. An edited change shows as one removed and one added.
    """
    old = find_release(theatre.directory, version).changes
    new = snapshot(theatre)
    if district_id is not None:
        theatre.require_district(district_id)
        ids = [district_id]
    else:
        ids = sorted(set(old) | set(new))
    rows = []
    for district in ids:
        before, after = old.get(district, []), new.get(district, [])
        removed, added = [k for k in before if k not in after], [k for k in after if k not in before]
        for change, keys in (("removed", removed), ("added", added)):
            for key in keys:
                date, status, confidence, sources = key.split(" ", 3)
                rows.append(
                    {
                        "change": change,
                        "district_id": district,
                        "date": date,
                        "status": status,
                        "confidence": "" if confidence == "-" else confidence,
                        "sources": "" if sources == "-" else sources,
                    }
                )
    return sorted(rows, key=lambda r: (r["district_id"], r["date"], r["change"]))
