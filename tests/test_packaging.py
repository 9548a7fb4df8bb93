"""The project's packaging agrees with itself: pyproject.toml's ranges, the lock files, the imports, the console script."""

from __future__ import annotations

import ast
import importlib.metadata
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def pins(path: Path) -> dict[str, tuple[str, list[str]]]:
    """A lock file's pins: normalised name -> (version, hashes)."""
    text = path.read_text(encoding="utf-8").replace("\\\n", " ")
    found = {}
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip() if not line.lstrip().startswith("--hash") else line
        if not line or line.startswith("-"):
            continue
        requirement, *options = line.split(" --hash=")
        name, version = requirement.strip().split("==")
        found[canonicalize_name(name)] = (version, [option.strip() for option in options])
    return found


RUNTIME_LOCK = pins(ROOT / "requirements.txt")
DEV_LOCK = pins(ROOT / "requirements-dev.txt")


@pytest.mark.parametrize(
    ("lock_name", "declared"),
    [
        ("requirements.txt", PYPROJECT["project"]["dependencies"]),
        (
            "requirements-dev.txt",
            [*PYPROJECT["project"]["dependencies"], *PYPROJECT["project"]["optional-dependencies"]["dev"]],
        ),
    ],
)
def test_each_lock_pins_every_declared_range(lock_name, declared):
    lock = pins(ROOT / lock_name)
    for line in declared:
        requirement = Requirement(line)
        name = canonicalize_name(requirement.name)
        assert name in lock, f"{lock_name} does not pin {name}: run bash scripts/lock.sh"
        version, _ = lock[name]
        assert requirement.specifier.contains(version, prereleases=True), (
            f"{lock_name} pins {name}=={version}, outside pyproject.toml's {requirement.specifier}: "
            "run bash scripts/lock.sh"
        )


def test_every_pin_has_hashes_and_the_app_lock_agrees_with_the_dev_lock():
    for lock in (RUNTIME_LOCK, DEV_LOCK):
        assert all(hashes and all(h.startswith("sha256:") for h in hashes) for _, hashes in lock.values())
    assert {name: version for name, (version, _) in RUNTIME_LOCK.items()} == {
        name: DEV_LOCK[name][0] for name in RUNTIME_LOCK
    }


def third_party_imports(*folders: str) -> set[str]:
    """The top-level names of every module imported by the Python files under ``folders`` that is
    neither the standard library's nor the repository's own."""
    own = {path.stem for path in ROOT.glob("*.py")} | {path.parent.name for path in ROOT.glob("*/__init__.py")}
    own |= {path.stem for folder in ("tests", "bench", "scripts") for path in (ROOT / folder).rglob("*.py")}
    own |= {"tests", "bench", "scripts"}  # folders imported as namespace packages
    names = set()
    for folder in folders:
        paths = [ROOT / folder] if folder.endswith(".py") else sorted((ROOT / folder).rglob("*.py"))
        for path in paths:
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Import):
                    names |= {alias.name.split(".")[0] for alias in node.names}
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    names.add(node.module.split(".")[0])
    return names - set(sys.stdlib_module_names) - own - {"__future__"}


def declared_distributions(*groups: list[str]) -> set[str]:
    return {canonicalize_name(Requirement(line).name) for group in groups for line in group}


@pytest.mark.parametrize(
    ("folders", "groups"),
    [
        (
            (
                "geo",
                "mapui",
                "components",
                "static_site",
                "mapmedia",
                "frontlines",
                "dashboard.py",
                "dashboard_resources.py",
                "serve.py",
            ),
            ("dependencies",),
        ),
        (("tests", "bench", "frontlines_dev", "scripts"), ("dependencies", "dev")),
    ],
)
def test_every_import_is_declared(folders, groups):
    project = PYPROJECT["project"]
    declared = declared_distributions(
        *(
            project["dependencies"] if group == "dependencies" else project["optional-dependencies"][group]
            for group in groups
        )
    )
    distributions = importlib.metadata.packages_distributions()
    undeclared = {
        name: distributions.get(name)
        for name in third_party_imports(*folders)
        if not {canonicalize_name(d) for d in distributions.get(name, [name])} & declared
    }
    assert undeclared == {}, "imported but not declared in pyproject.toml"


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
