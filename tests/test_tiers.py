"""Which runs tests/conftest.py spreads over the cores and which skip importing the browser tests."""

import importlib.util
from pathlib import Path
from types import SimpleNamespace

import pytest

# By path: in a whole run the name "conftest" may be tests/browser's.
_spec = importlib.util.spec_from_file_location("tests_conftest", Path(__file__).with_name("conftest.py"))
assert _spec is not None and _spec.loader is not None
conftest = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(conftest)


def config(markexpr: str):
    return SimpleNamespace(getoption=lambda name: markexpr if name == "markexpr" else None)


@pytest.mark.parametrize(
    ("markexpr", "spread"),
    [("not browser and not slow", True), ("slow and not browser", True), ("", False), ("browser", False)],
)
def test_only_runs_without_browser_tests_use_every_core(markexpr, spread):
    workers = conftest.pytest_xdist_auto_num_workers(config(markexpr))
    assert (workers > 0) is spread


def test_the_browser_folder_is_left_uncollected_only_when_its_tests_are_left_out():
    browser = Path(conftest.__file__).parent / "browser"
    assert conftest.pytest_ignore_collect(browser, config("not browser and not slow")) is True
    assert conftest.pytest_ignore_collect(browser, config("")) is None
    assert conftest.pytest_ignore_collect(browser.parent / "js", config("not browser")) is None


def test_a_module_of_slow_tests_is_left_uncollected_only_when_slow_tests_are_left_out():
    tests = Path(conftest.__file__).parent
    page = tests / "test_dashboard_app.py"  # marked slow as a whole
    assert conftest.pytest_ignore_collect(page, config("not browser and not slow")) is True
    assert conftest.pytest_ignore_collect(page, config("slow and not browser")) is None
    assert conftest.pytest_ignore_collect(page, config("")) is None
    assert conftest.pytest_ignore_collect(tests / "test_corpus.py", config("not slow")) is None  # some fast tests
