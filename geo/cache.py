"""An on-disk cache of parsed and validated theatres, for a fast cold start.

A fresh server process (a new replica, a restarted container) would otherwise parse and
validate every file before serving its first page: seconds at 10,000 districts. The
cache keeps the validated tables as (Geo)Parquet, keyed by the digest of the data files
and of geo's own code (a new release that parses differently never reads an old entry).
It lives outside the source tree, in ``$FRONTLINES_CACHE``, else
``$XDG_CACHE_HOME/aleppo-frontlines``, else ``~/.cache/aleppo-frontlines``. Where it
cannot be read or written, loading falls back to the plain :func:`geo.load_theatre`.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import geopandas as gpd
import pandas as pd
import pyarrow.feather as feather

from geo.errors import Problem
from geo.layers import EvidenceLayer
from geo.load import load_theatre
from geo.meta import read_meta
from geo.theatre import Theatre
from geo.version import VERSION_LENGTH, data_digest, data_files

_TABLES = ("districts", "changes", "sources", "events")


def cache_root() -> Path:
    """Where cached theatres are kept (see the module's docstring)."""
    if os.environ.get("FRONTLINES_CACHE"):
        return Path(os.environ["FRONTLINES_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "aleppo-frontlines"


@functools.cache
def code_digest() -> str:
    """A digest of geo's source files: any change to how data is parsed makes a new key."""
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()[:12]


def _identity(directory: Path) -> str:
    """The theatre's identity beside its content: the folder it is read from."""
    return str(directory.resolve())


def _write(folder: Path, theatre: Theatre, *, digest: str) -> None:
    """Write the entry into a temporary folder beside it, then move it in place (atomic)."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=folder.parent, prefix=".staging-"))
    try:
        theatre.districts.to_parquet(staging / "districts.parquet")
        # Arrow's own format, uncompressed: read memory-mapped, a million changes load in milliseconds
        # (from Parquet, decoding took seconds); larger on disk
        feather.write_feather(theatre.changes, staging / "changes.arrow", compression="uncompressed")
        theatre.events.to_parquet(staging / "events.parquet")
        if theatre.sources is not None:
            theatre.sources.to_parquet(staging / "sources.parquet")
        for number, layer in enumerate(theatre.layers):
            layer.points.to_parquet(staging / f"layer-{number}.parquet")
        head = {
            # what the entry was made from: checked before it is served (a copied entry, a memo
            # overwritten with another theatre's digest)
            "digest": digest,
            "theatre": _identity(theatre.directory) if theatre.directory is not None else "",
            "warnings": [dataclasses.asdict(w) for w in theatre.warnings],
            "layers": [{"id": layer.id, "meta": layer.meta} for layer in theatre.layers],
        }
        (staging / "theatre.json").write_text(json.dumps(head), encoding="utf-8")
        with contextlib.suppress(OSError):  # another process wrote the same entry first
            staging.rename(folder)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _discard(folder: Path) -> None:
    """Remove an entry that no longer reads; moved aside first, so no reader sees it half deleted."""
    aside = Path(tempfile.mkdtemp(dir=folder.parent, prefix=".discarded-"))
    with contextlib.suppress(OSError):  # another process replaced or discarded it first
        folder.rename(aside / folder.name)
    shutil.rmtree(aside, ignore_errors=True)


def _read(folder: Path, directory: Path, digest: str) -> Theatre:
    head = json.loads((folder / "theatre.json").read_text(encoding="utf-8"))
    if head.get("digest") != digest or head.get("theatre") != _identity(directory):
        raise ValueError(f"{folder.name} was made from other data or another theatre")
    # theatre.json itself is tiny and part of the digest: read it again rather than store its dataclasses
    problems: list[Problem] = []
    meta = read_meta(directory, problems)
    if meta is None:
        raise ValueError(f"theatre.json no longer reads: {problems}")
    sources = pd.read_parquet(folder / "sources.parquet") if (folder / "sources.parquet").is_file() else None
    districts = gpd.read_parquet(folder / "districts.parquet")
    layers = [
        EvidenceLayer(layer["id"], layer["meta"], pd.read_parquet(folder / f"layer-{number}.parquet"))
        for number, layer in enumerate(head["layers"])
    ]
    theatre = Theatre(
        meta,
        districts,
        feather.read_table(folder / "changes.arrow", memory_map=True).to_pandas(),
        directory=directory,
        sources=sources,
        events=pd.read_parquet(folder / "events.parquet"),
        layers=layers,
    )
    theatre.warnings = [Problem(**w) for w in head["warnings"]]
    return theatre


def _memo(directory: Path, root: Path) -> Path:
    """Where the digest of ``directory``'s data files is remembered, by the theatre's identity and
    its files' names, sizes, modification and change times and inodes: an edit that restores the
    size and modification time (``touch -d``) still changes the change time, which no tool sets back."""
    signature = []
    for name, path in data_files(directory):
        with contextlib.suppress(OSError):  # an absent file (events.csv, say) is not part of the digest
            status = path.stat()
            signature.append((name, status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino))
    key = hashlib.sha256(json.dumps([_identity(directory), signature]).encode()).hexdigest()[:32]
    return root / "digests" / key


def _remember(memo: Path, digest: str) -> None:
    with contextlib.suppress(OSError):  # an unwritable cache only costs speed
        memo.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=memo.parent, suffix=".tmp")
        with os.fdopen(handle, "w", encoding="ascii") as out:
            out.write(digest)
        os.replace(temporary, memo)


def known_digest(directory: Path, root: Path) -> str:
    """:func:`geo.version.data_digest`, remembered in ``root`` (:func:`_memo`): reading every byte
    of a million changes to find it took most of a second. A remembered digest is only a hint:
    :func:`load_theatre_cached` serves an entry only if it was made from that digest and theatre."""
    memo = _memo(directory, root)
    with contextlib.suppress(OSError, UnicodeDecodeError):
        known = memo.read_text(encoding="ascii")
        if len(known) == 64 and all(c in "0123456789abcdef" for c in known):
            return known
    digest = data_digest(directory)
    _remember(memo, digest)
    return digest


def _entry(root: Path, digest: str, directory: Path) -> Path:
    identity = hashlib.sha256(_identity(directory).encode()).hexdigest()[:8]
    return root / f"theatre-{digest[:32]}-{identity}-{code_digest()}"


def _served(folder: Path, directory: Path, digest: str) -> tuple[Theatre | None, bool]:
    """The entry's theatre, if it reads and was made from ``digest`` and this theatre; and whether
    an entry stands there that does not (to be replaced)."""
    if not folder.is_dir():
        return None, False
    try:
        return _read(folder, directory, digest), False
    except (OSError, ValueError, KeyError, TypeError):
        return None, True


def load_theatre_cached(directory: str | Path, *, root: Path | None = None) -> Theatre:
    """:func:`geo.load_theatre`, through the on-disk cache.

    The first load of a data version parses and validates the files and stores the result;
    every later load (in any process) reads the stored tables, once the entry is shown to have
    been made from the same data digest and theatre. A theatre with errors is never cached: it
    raises :class:`geo.DataError` as the plain loader does.
    """
    directory = Path(directory)
    if not directory.is_dir():
        return load_theatre(directory)
    root = root or cache_root()
    digest = known_digest(directory, root)
    folder = _entry(root, digest, directory)
    theatre, damaged = _served(folder, directory, digest)
    if theatre is None:
        actual = data_digest(directory)  # the remembered digest may be stale or overwritten
        if actual != digest:
            _remember(_memo(directory, root), actual)
            digest, folder = actual, _entry(root, actual, directory)
            theatre, damaged = _served(folder, directory, digest)
    if theatre is None:
        theatre = load_theatre(directory)
        with contextlib.suppress(OSError, ValueError, TypeError, ImportError):  # an unwritable cache only costs speed
            if damaged:
                _discard(folder)
            _write(folder, theatre, digest=digest)
    theatre.version = digest[:VERSION_LENGTH]
    theatre.cache_folder = folder if folder.is_dir() else None
    return theatre


def cached_text(theatre: Theatre, name: str, make: Callable[[], str]) -> str:
    """``make()``, kept beside the theatre's cache entry (e.g. its serialised shapes) so a
    fresh process need not compute it again; computed plainly without an entry."""
    folder = getattr(theatre, "cache_folder", None)
    if folder is None:
        return make()
    path = folder / name
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        pass
    text = make()
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(temporary, path)
    except OSError:
        pass
    return text


def cached_json(theatre: Theatre, name: str, make: Callable[[], Any]) -> Any:
    """Like :func:`cached_text`, for a figure that JSON holds (a dict of counts, say)."""
    return json.loads(cached_text(theatre, name, lambda: json.dumps(make())))
