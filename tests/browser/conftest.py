"""Real-browser fixtures: a `streamlit run` server on localhost and headless Chromium.

The browser cannot reach CDNs here, so Leaflet is served from the npm package
(see assets.py) by routing the browser's requests; map tiles get an empty 404.
With CI=true a missing browser fails the run instead of skipping it.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from assets import CONTENT_TYPES, ensure_packages, local_file
from harness import Server

ROOT = Path(__file__).resolve().parents[2]
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
CHROMIUM_CANDIDATES = (os.environ.get("CHROMIUM_PATH", ""), "/usr/bin/chromium", "/usr/bin/chromium-browser")
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
               "--disable-component-update", "--disable-sync"]


def _unavailable(reason: str):
    if IN_CI:
        pytest.fail(f"browser tests cannot run: {reason}", pytrace=False)
    pytest.skip(reason)


def _chromium() -> str:
    for candidate in CHROMIUM_CANDIDATES:
        if candidate and Path(candidate).is_file():
            return candidate
    found = shutil.which("chromium")
    if found:
        return found
    _unavailable("Chromium is not installed (apt-get install chromium)")


@pytest.fixture(scope="session")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("playwright is not installed (pip install -r requirements-dev.txt)")
    executable = _chromium()
    try:
        ensure_packages()
    except RuntimeError as exc:
        _unavailable(str(exc))
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=LAUNCH_ARGS)
        yield chromium
        chromium.close()


def _route_cdn(route) -> None:
    path = local_file(route.request.url)
    if path is None:
        route.fulfill(status=404, body="not served in tests")
    else:
        route.fulfill(path=str(path), content_type=CONTENT_TYPES.get(path.suffix, "application/octet-stream"))


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    # Narrow glob routes only: a catch-all route stalls Streamlit's lazily loaded widgets.
    context.route("https://cdn.jsdelivr.net/**", _route_cdn)
    context.route("https://*.tile.openstreetmap.org/**", lambda route: route.fulfill(status=404, body=""))
    page = context.new_page()
    page.dialogs = []
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    yield page
    context.close()


@pytest.fixture(scope="session")
def aleppo_server():
    server = Server(ROOT / "data" / "aleppo")
    yield server
    server.stop()


