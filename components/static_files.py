"""Files the browser fetches once from Streamlit's static file serving.

With ``server.enableStaticServing``, Streamlit serves ``static/`` beside the
entry script at ``app/static/``. Large, unchanging payloads (the districts'
shapes, their timelines) go there under a name made from their content, so they
cross the wire once instead of with every rerun, and a new release that changes
a file's format or content never serves a stale copy under the old name.

``static/`` is generated, never tracked: files not published by any process for
an hour are pruned, so old versions do not pile up across releases. Where the
folder cannot be written, :func:`publish_payloads` says so and the caller sends
the payloads inline instead.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
import time
from pathlib import Path

import streamlit as st

log = logging.getLogger(__name__)

#: A published file is kept at least this long after it was last published, so a replica
#: still serving an older version of the data (from the same checkout) keeps its files.
KEEP_SECONDS = 3600.0


def static_serving_enabled() -> bool:
    return bool(st.get_option("server.enableStaticServing"))


def publish(static_root: Path, folder: str, suffix: str, text: str) -> str:
    """Write ``text`` to ``static_root/folder/<digest of text><suffix>`` (atomically, once)
    and return its path relative to the app's URL."""
    name = f"{folder}/{hashlib.sha256(text.encode('utf-8')).hexdigest()[:20]}{suffix}"
    target = static_root / name
    if target.is_file():
        os.utime(target)  # published again: keep it from pruning
    else:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(temporary, target)
    return f"app/static/{name}"


def is_published(static_root: Path, path: str) -> bool:
    """Whether the file behind a path returned by :func:`publish` is still there (a ``stat``, no read)."""
    return (static_root / path.removeprefix("app/static/")).is_file()


def prune(directory: Path, *, keep: set[str], older_than_s: float = KEEP_SECONDS) -> list[str]:
    """Remove the files in ``directory`` not named in ``keep`` and not written for ``older_than_s``.

    Returns the names removed. Files that vanish meanwhile (another process pruning) are skipped.
    """
    removed = []
    cutoff = time.time() - older_than_s
    for path in directory.glob("*"):
        if path.name in keep:
            continue
        try:
            if path.is_file() and path.stat().st_mtime < cutoff:
                path.unlink()
                removed.append(path.name)
        except FileNotFoundError:
            continue
    return removed


def kept_published(
    static_root: Path, folder: str, payloads: dict[str, str], paths: dict[str, str] | None
) -> dict[str, str] | None:
    """``paths`` (of :func:`publish_payloads` for ``payloads``), published again if one of their files
    was deleted while the server ran; None where the payloads travel inline."""
    if paths is not None and not all(is_published(static_root, path) for path in paths.values()):
        paths = publish_payloads(static_root, folder, payloads)
    return paths


def publish_payloads(static_root: Path, folder: str, payloads: dict[str, str]) -> dict[str, str] | None:
    """Publish each ``{suffix: text}`` under ``static_root/folder`` and prune old files there.

    Returns ``{suffix: path relative to the app's URL}``, or None when the folder cannot be
    written (the caller then sends the payloads inline; the reason is logged).
    """
    try:
        paths = {suffix: publish(static_root, folder, suffix, text) for suffix, text in payloads.items()}
        prune(static_root / folder, keep={path.rsplit("/", 1)[-1] for path in paths.values()})
    except OSError as exc:
        log.warning("static files could not be written to %s (%s); sending them inline", static_root / folder, exc)
        return None
    return paths
