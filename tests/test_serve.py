"""The warm start (serve.py): the dashboard's imports and its theatre ready before the first session."""

from __future__ import annotations

import logging
import re
import sys
import time
import urllib.request
from pathlib import Path

import pytest

import dashboard_resources
import serve
from apptest import app
from synthetic import write_theatre

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "corpus"


def test_the_modules_warmed_are_those_the_dashboard_imports():
    modules = serve.dashboard_modules()
    assert {"streamlit", "dashboard_resources", "components.map_view", "geo.export"} <= set(modules)
    assert "__future__" not in modules
    assert len(modules) == len(set(modules))
    source = (ROOT / "dashboard.py").read_text(encoding="utf-8")
    for name in modules:
        assert re.search(rf"^(import|from) {re.escape(name)}\b", source, re.M)


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        ([], []),
        (["--server.port", "8502"], []),
        (["--server.port", "8502", "--", "--data", "data/x"], ["--data", "data/x"]),
        (["--", "--data", "d", "--", "x"], ["--data", "d", "--", "x"]),
    ],
)
def test_the_dashboards_arguments_are_those_after_the_double_dash(argv, expected):
    assert serve.script_arguments(argv) == expected


@pytest.mark.slow  # runs the whole page (AppTest)
def test_the_first_session_reads_the_theatre_the_warm_start_prepared(monkeypatch, tmp_path, caplog):
    monkeypatch.setenv("FRONTLINES_CACHE", str(tmp_path / "cache"))
    folder = write_theatre(tmp_path / "warmville")
    with caplog.at_level(logging.INFO, logger=serve.log.name):
        serve.warm_up(["--data", str(folder)], wait_for_runtime=False)
    assert re.search(r"warm start: imports in [\d.]+ s, theatre warmville prepared in [\d.]+ s", caplog.text)

    def no_second_load(directory: str) -> None:
        raise AssertionError(f"{directory} loaded again: the session missed the warm start's cache entry")

    monkeypatch.setattr(dashboard_resources, "load_theatre_cached", no_second_load)
    at = app(monkeypatch, folder, date="2020-06-15")
    assert at.session_state["view"].initial_date.isoformat() == "2020-06-15"


def test_a_theatre_that_does_not_load_is_left_for_the_first_session(monkeypatch, tmp_path, caplog):
    monkeypatch.setenv("FRONTLINES_CACHE", str(tmp_path / "cache"))
    broken = CORPUS / "changes-bad-date"
    interval = sys.getswitchinterval()
    with caplog.at_level(logging.INFO, logger=serve.log.name):
        serve.warm_up(["--data", str(broken)], wait_for_runtime=False)
    assert sys.getswitchinterval() == interval  # changed during the warm-up only
    assert re.search(
        r"warm start: the theatre in \S*changes-bad-date did not load; its first reader sees why: .*'01/03/2020'",
        caplog.text,
        re.S,
    )
    assert "prepared in" not in caplog.text


@pytest.mark.slow  # starts a server process
def test_a_warm_started_server_has_its_theatre_ready_before_any_session(tmp_path, monkeypatch):
    from frontlines_dev.server import Server

    monkeypatch.setenv("FRONTLINES_CACHE", str(tmp_path / "cache"))
    folder = write_theatre(tmp_path / "readyville")
    server = Server(folder)  # returns once the health check answers; no page is opened
    try:
        deadline = time.monotonic() + 60
        output = ""
        while "prepared in" not in output and time.monotonic() < deadline and server.process.poll() is None:
            time.sleep(0.2)
            output = Path(server.log.name).read_text()
        assert re.search(r"warm start: imports in [\d.]+ s, theatre readyville prepared in [\d.]+ s", output), output
        assert "missing ScriptRunContext" not in output
        assert "Traceback" not in output
        # streamlit-folium's component was declared outside any session, and is served all the same
        with urllib.request.urlopen(f"{server.url}/component/streamlit_folium.st_folium/index.html") as response:
            assert response.status == 200
    finally:
        server.stop()
