import os
from pathlib import Path

import pytest

from synthetic import write_theatre


@pytest.fixture
def theatre_dir(tmp_path: Path) -> Path:
    return write_theatre(tmp_path / "testville")


def _leaves_out_browser_tests(config: pytest.Config) -> bool:
    return "not browser" in (config.getoption("markexpr") or "")


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    """A run that leaves out the browser tests does not import them (Playwright, the server helpers)."""
    if collection_path.name == "browser" and collection_path.parent == Path(__file__).parent:
        return _leaves_out_browser_tests(config) or None
    return None


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """How many processes ``-n auto`` (in pyproject's addopts) starts.

    A run whose marker expression leaves out the browser tests (the fast loop,
    ``-m "not browser and not slow"``) is spread over every core; any other run stays in
    one process, as each browser test module starts its own server and Chromium.
    """
    if _leaves_out_browser_tests(config):
        return os.cpu_count() or 1
    return 0
