"""The project's packaging agrees with itself: requirements files, pyproject.toml, console script."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def requirements(path: Path) -> set[str]:
    """The requirement lines of a file, normalised, without comments and ``-r`` includes."""
    lines = (line.split("#", 1)[0].strip() for line in path.read_text(encoding="utf-8").splitlines())
    return {str(Requirement(line)) for line in lines if line and not line.startswith("-")}


def test_requirements_txt_agrees_with_pyproject_dependencies():
    assert requirements(ROOT / "requirements.txt") == {
        str(Requirement(r)) for r in PYPROJECT["project"]["dependencies"]
    }


def test_requirements_dev_agrees_with_the_dev_extra():
    dev = PYPROJECT["project"]["optional-dependencies"]["dev"]
    assert "-r requirements.txt" in (ROOT / "requirements-dev.txt").read_text(encoding="utf-8")
    assert requirements(ROOT / "requirements-dev.txt") == {str(Requirement(r)) for r in dev}


def test_python_version_is_stated_once_and_agrees():
    assert PYPROJECT["project"]["requires-python"] == ">=3.11"
    assert PYPROJECT["tool"]["ruff"]["target-version"] == "py311"
    assert PYPROJECT["tool"]["mypy"]["python_version"] == "3.11"


@pytest.mark.slow  # starts the installed command
def test_the_frontlines_command_runs_the_cli():
    command = shutil.which("frontlines", path=str(Path(sys.executable).parent))
    if command is None:
        pytest.fail("no frontlines command beside this Python: install the project with pip install -e .")
    result = subprocess.run(
        [command, "validate", str(ROOT / "data" / "aleppo")], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert "data/aleppo: valid" in result.stdout
