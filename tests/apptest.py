"""The dashboard's script run headless with Streamlit's AppTest: one helper for every page test."""

from __future__ import annotations

import functools
import re
from pathlib import Path

import pytest
from streamlit.components.v2 import manifest_scanner
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[1]

# AppTest scans every installed package's metadata for Streamlit components on each run
# (about 0.4 s, most of a page test); the installed packages cannot change during a session.
_installed_components = functools.cache(manifest_scanner.scan_component_manifests)


def app(monkeypatch: pytest.MonkeyPatch, data: Path | None = None, **params: str | list[str]) -> AppTest:
    """Run ``dashboard.py`` once on ``data`` (the shipped Aleppo data when None) with ``params`` in its URL."""
    monkeypatch.setattr(manifest_scanner, "scan_component_manifests", _installed_components)
    if data is not None:
        monkeypatch.setenv("FRONTLINES_DATA", str(data))
    else:
        monkeypatch.delenv("FRONTLINES_DATA", raising=False)
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, at.exception
    return at


def plain(markdown: str) -> str:
    """What a reader sees of escaped markdown: the backslash escapes removed."""
    return re.sub(r"\\(.)", r"\1", markdown)
