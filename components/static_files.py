"""Files the browser fetches once from Streamlit's static file serving.

With ``server.enableStaticServing``, Streamlit serves ``static/`` beside the
entry script at ``app/static/``. Large, unchanging payloads (the districts'
shapes, their timelines) go there under a name made from their content, so they
cross the wire once instead of with every rerun, and a new release that changes
a file's format or content never serves a stale copy under the old name.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

import streamlit as st


def static_serving_enabled() -> bool:
    return bool(st.get_option("server.enableStaticServing"))


def publish(static_root: Path, folder: str, suffix: str, text: str) -> str:
    """Write ``text`` to ``static_root/folder/<digest of text><suffix>`` (atomically, once)
    and return its path relative to the app's URL."""
    name = f"{folder}/{hashlib.sha256(text.encode('utf-8')).hexdigest()[:20]}{suffix}"
    target = static_root / name
    if not target.is_file():
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(temporary, target)
    return f"app/static/{name}"
