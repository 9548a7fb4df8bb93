"""scripts/start.sh: the port it serves on (``--port N``, ``--port=N`` or ``PORT=``) and the address it says."""

from __future__ import annotations

import os
import subprocess

import pytest

from apptest import ROOT

pytestmark = pytest.mark.slow  # starts bash

START = ROOT / "scripts" / "start.sh"


def start(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """The script in its dry run: it says the address and the command, and installs nothing."""
    environment = {k: v for k, v in os.environ.items() if k != "PORT"} | {"START_DRY_RUN": "1"} | env
    return subprocess.run(
        ["bash", str(START), *args], capture_output=True, text=True, env=environment, timeout=30, check=False
    )


@pytest.mark.parametrize(
    "args, env, port",
    [
        ((), {}, "8501"),
        (("--port", "8600"), {}, "8600"),
        (("--port=8700",), {}, "8700"),
        ((), {"PORT": "9000"}, "9000"),
        (("--port", "8600"), {"PORT": "9000"}, "8600"),  # the argument wins
    ],
)
def test_the_port_is_served_and_its_address_said(args, env, port):
    result = start(*args, **env)
    assert result.returncode == 0, result.stderr
    address, command = result.stdout.splitlines()
    assert address == f"Aleppo Frontlines will be served at http://localhost:{port}/"
    assert command == f"python -m serve --server.port {port} --"


def test_the_dashboards_own_arguments_pass_through_around_the_port():
    result = start("--data", "data/other-city", "--port", "8600")
    assert result.stdout.splitlines()[1] == "python -m serve --server.port 8600 -- --data data/other-city"


@pytest.mark.parametrize(
    "args, env, message",
    [
        (("--port", "http"), {}, "start.sh: the port was 'http' but is expected to be a whole number from 1 to 65535"),
        ((), {"PORT": "70000"}, "start.sh: the port was '70000' but is expected to be a whole number from 1 to 65535"),
        (("--port",), {}, "start.sh: --port needs a number, e.g. --port 8600"),
    ],
)
def test_a_bad_port_is_refused_with_a_clear_message(args, env, message):
    result = start(*args, **env)
    assert result.returncode == 2 and result.stderr.strip() == message and result.stdout == ""
