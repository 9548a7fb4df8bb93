"""The browser scripts stay checked: every one is type-checked and linted by the test command
(`tsc` and `eslint`, pinned in package-lock.json), and the contract is written as types."""

from __future__ import annotations

import json
import re
from pathlib import Path

from mapui.map_scripts import MAP_LOADER_FILE, MAP_SCRIPT_FILES, MAP_SCRIPTS

ROOT = Path(__file__).resolve().parents[1]
BROWSER_SCRIPTS = sorted(
    [
        *MAP_SCRIPTS.glob("*.js"),
        *(ROOT / "static_site" / "template").glob("*.js"),
        *(ROOT / "components" / "assets").glob("*.js"),
    ]
)


def test_every_browser_script_asks_for_type_checking():
    unchecked = [
        str(p.relative_to(ROOT))
        for p in BROWSER_SCRIPTS
        if not p.read_text(encoding="utf-8").startswith("// @ts-check\n")
    ]
    assert unchecked == []


def test_tsc_and_eslint_see_every_browser_script():
    config = json.loads((ROOT / "tsconfig.json").read_text(encoding="utf-8"))
    assert config["compilerOptions"]["checkJs"] is True and config["compilerOptions"]["noEmit"] is True
    covered = {p for pattern in config["include"] for p in ROOT.glob(pattern)}
    assert set(BROWSER_SCRIPTS) <= covered
    assert {MAP_SCRIPTS / name for name in (*MAP_SCRIPT_FILES, MAP_LOADER_FILE)} <= set(BROWSER_SCRIPTS)
    assert "bash scripts/test.sh" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    test_command = (ROOT / "scripts" / "test.sh").read_text(encoding="utf-8")
    assert re.search(r"^npm ci\b", test_command, re.M)
    assert re.search(r"^npx --no-install tsc --project tsconfig.json$", test_command, re.M)
    assert re.search(r"^npx --no-install eslint \.$", test_command, re.M)


def test_the_checkers_are_pinned_and_locked():
    package = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    for name in ("typescript", "eslint"):
        version = package["devDependencies"][name]
        assert re.fullmatch(r"\d+\.\d+\.\d+", version), f"{name} is pinned exactly, not {version!r}"
        assert lock["packages"][f"node_modules/{name}"]["version"] == version


def test_the_map_contract_is_typed():
    contract = (MAP_SCRIPTS / "contract.d.ts").read_text(encoding="utf-8")
    for name in ("interface FrontlinesInitOptions", "interface Frontlines ", "interface Window"):
        assert name in contract
    init = (MAP_SCRIPTS / "district_layer.js").read_text(encoding="utf-8")
    assert "@param {FrontlinesInitOptions} options" in init and "@returns {Frontlines}" in init
