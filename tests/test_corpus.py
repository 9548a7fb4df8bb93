"""The corpus of malformed theatres (tests/corpus/): every one gives its readable error and changes no file.

Each folder breaks one thing in a tiny valid theatre; ``expect.txt`` is the line that
must appear. Most cases run the loader in-process; a few go through the command line
and the dashboard, as a person would meet them.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from apptest import app
from geo import DataError, check_theatre, cli, load_theatre

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "corpus"
CASES = sorted(p.name for p in CORPUS.iterdir() if (p / "expect.txt").is_file())
# One case per file and per defect class of the hostile-data audit stays in the fast loop;
# the whole corpus runs in the slow tier (and in CI).
SAMPLE = {
    "changes-bracket-host",
    "changes-unterminated-quote",
    "events-blank-title",
    "geo-deep-nesting",
    "geo-feature-is-1",
    "meta-start-equals-end",
    "meta-title-null",
    "sources-bracket-url",
}


def expected(name: str) -> str:
    return (CORPUS / name / "expect.txt").read_text(encoding="utf-8").strip()


def entry_digest(path: Path) -> str:
    """A folder entry's content: a link's target (never followed: it may be a device), a folder's
    entries, a file's bytes."""
    if path.is_symlink():
        return "link to " + os.readlink(path)
    if path.is_dir():
        return "folder of " + ",".join(f"{p.name}={entry_digest(p)}" for p in sorted(path.iterdir()))
    return hashlib.sha256(path.read_bytes()).hexdigest()


def digests(folder: Path) -> dict[str, str]:
    return {p.name: entry_digest(p) for p in sorted(folder.iterdir())}


def test_the_corpus_is_large_and_matches_its_builder(tmp_path):
    assert len(CASES) >= 50 and set(CASES) >= SAMPLE
    from tests.corpus import build

    build.build(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == CASES
    for name in CASES:
        assert digests(tmp_path / name) == digests(CORPUS / name), f"{name} differs; run python -m tests.corpus.build"


@pytest.mark.parametrize("name", [n if n in SAMPLE else pytest.param(n, marks=pytest.mark.slow) for n in CASES])
def test_each_case_gives_its_error_and_changes_nothing(name):
    folder = CORPUS / name
    before = digests(folder)
    theatre, problems = check_theatre(folder)
    errors = [str(p) for p in problems if p.severity == "error"]
    assert theatre is None
    assert any(expected(name) in e for e in errors), errors
    assert all(len(e) < 400 for e in errors), "a message echoes a long value whole"
    assert digests(folder) == before


@pytest.mark.slow  # starts python -m geo
def test_the_command_line_reports_without_a_traceback(capsys):
    folder = CORPUS / "geo-deep-nesting"
    before = digests(folder)
    result = subprocess.run(
        [sys.executable, "-m", "geo", "validate", str(folder)], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 1
    assert expected("geo-deep-nesting") in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert digests(folder) == before
    assert cli.main(["validate", str(CORPUS / "changes-bracket-url")]) == 1  # the same, in-process
    assert expected("changes-bracket-url") in capsys.readouterr().err


@pytest.mark.slow  # runs the whole page
@pytest.mark.parametrize("name", ["meta-title-null", "geo-feature-is-1", "changes-bracket-host", "events-blank-title"])
def test_the_dashboard_shows_the_same_message(monkeypatch, name):
    at = app(monkeypatch, CORPUS / name)
    assert len(at.error) == 1 and "could not be loaded" in at.error[0].value
    assert expected(name) in at.code[0].value
    shown = "\n".join([e.value for e in at.error] + [c.value for c in at.code])
    assert str(ROOT) not in shown and "Traceback" not in shown


def test_load_theatre_raises_one_data_error_naming_every_problem():
    with pytest.raises(DataError, match=r"changes\.csv row 2: source_url has \['http://a\]b'\]"):
        load_theatre(CORPUS / "changes-bracket-host")
