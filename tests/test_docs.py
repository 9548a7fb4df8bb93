"""The documents a newcomer reads stay short, true to the repository and free of dead links."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCUMENTS = [
    ROOT / "README.md",
    ROOT / "CONTRIBUTING.md",
    ROOT / "data" / "README.md",
    *sorted((ROOT / "docs").glob("*.md")),
]
LINK = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)|<img src=\"([^\"]+)\"")


def test_the_readme_is_short():
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    assert len(lines) <= 200, "README.md is for what, the two commands, use and layout: detail goes to docs/"


def test_the_readme_gives_the_two_commands_and_ci_runs_the_second():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    run_it = text[text.index("## Run it") : text.index("## Using it")]
    assert re.findall(r"```sh\n(.*?)\n```", run_it, re.S) == ["bash scripts/start.sh", "bash scripts/test.sh"]
    assert "bash scripts/test.sh" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda path: str(path.relative_to(ROOT)))
def test_every_local_link_points_at_a_file(document):
    missing = [
        target
        for match in LINK.finditer(document.read_text(encoding="utf-8"))
        for target in match.groups()
        if target and not target.startswith(("http://", "https://", "mailto:"))
        if not (document.parent / target).exists()
    ]
    assert missing == []


def test_each_benchmark_table_in_docs_says_when_it_was_measured():
    """One current table per benchmark, each under a heading naming its script and with its date."""
    text = (ROOT / "docs" / "performance.md").read_text(encoding="utf-8")
    sections = re.split(r"^## ", text, flags=re.M)[1:]
    measured = [section for section in sections if "bench/" in section.splitlines()[0]]
    assert len(measured) >= 5
    for section in measured:
        assert re.search(r"\d{1,2} \w+ 20\d\d", section), section.splitlines()[0]
        assert section.count("\n|---") == 1, f"{section.splitlines()[0]}: one table per benchmark"


def test_no_code_puts_the_repository_on_sys_path_by_hand():
    offenders = [
        str(path.relative_to(ROOT))
        for path in ROOT.rglob("*.py")
        if ".venv" not in path.parts
        and "sys.path.insert" in path.read_text(encoding="utf-8")
        and path != Path(__file__).resolve()
    ]
    assert offenders == []
