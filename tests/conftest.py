import os
import re
import sys
from pathlib import Path

# Pytest keeps its assertion-rewritten test modules as bytecode in __pycache__ (ignored by git).
# Where the environment turns bytecode off (PYTHONDONTWRITEBYTECODE), every run would parse and
# rewrite every test module and compile the project again: about 2.5 s of each process's start.
sys.dont_write_bytecode = False

import pytest  # noqa: E402

from geo import Theatre, load_theatre  # noqa: E402
from synthetic import write_theatre  # noqa: E402

ALEPPO = Path(__file__).resolve().parents[1] / "data" / "aleppo"


@pytest.fixture
def theatre_dir(tmp_path: Path) -> Path:
    return write_theatre(tmp_path / "testville")


@pytest.fixture(scope="session")
def testville(tmp_path_factory: pytest.TempPathFactory) -> Theatre:
    """The tiny synthetic theatre of ``synthetic.py``, loaded once per test process; read only."""
    return load_theatre(write_theatre(tmp_path_factory.mktemp("shared") / "testville"))


@pytest.fixture(scope="session")
def aleppo_theatre() -> Theatre:
    """The shipped Aleppo record, loaded once per test process; tests read it and never change it."""
    return load_theatre(ALEPPO)


def _leaves_out_browser_tests(config: pytest.Config) -> bool:
    return "not browser" in (config.getoption("markexpr") or "")


def _whole_module_slow(path: Path) -> bool:
    """A test module marked slow as a whole (a line starting ``pytestmark = pytest.mark.slow``)."""
    return (
        path.suffix == ".py"
        and re.search(r"^pytestmark = pytest\.mark\.slow\b", path.read_text(encoding="utf-8"), re.M) is not None
    )


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    """A run that leaves out the browser tests does not import them (Playwright, the server helpers);
    one that leaves out the slow tests does not import a module that holds only slow tests."""
    if collection_path.name == "browser" and collection_path.parent == Path(__file__).parent:
        return _leaves_out_browser_tests(config) or None
    if "not slow" in (config.getoption("markexpr") or "") and _whole_module_slow(collection_path):
        return True
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
