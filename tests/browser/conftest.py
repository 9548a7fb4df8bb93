"""Real-browser fixtures: a `streamlit run` server on localhost and headless Chromium.

The browser cannot reach CDNs here, so Leaflet is served from the npm package
(frontlines_dev/assets.py) by routing the browser's requests; map tiles get an empty 404.
With CI=true a missing browser fails the run instead of skipping it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from frontlines_dev.assets import ensure_packages, offline_context
from frontlines_dev.browser import LAUNCH_ARGS, find_chromium
from frontlines_dev.server import Server

ROOT = Path(__file__).resolve().parents[2]
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)


def _unavailable(reason: str):
    if IN_CI:
        pytest.fail(f"browser tests cannot run: {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("playwright is not installed (pip install -r requirements-dev.txt)")
    executable = find_chromium()
    if executable is None:
        _unavailable("Chromium is not installed (apt-get install chromium)")
    try:
        ensure_packages()
    except RuntimeError as exc:
        _unavailable(str(exc))
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=LAUNCH_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = offline_context(browser, viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.dialogs = []
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    yield page
    context.close()


@pytest.fixture
def phone(browser):
    """A phone: 390x844 CSS pixels, touch events, the mobile viewport."""
    context = offline_context(browser, viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="session")
def aleppo_server():
    server = Server(ROOT / "data" / "aleppo")
    yield server
    server.stop()
