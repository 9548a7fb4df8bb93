"""``python -m geo propose``: its options, output formats and one-line errors."""

from __future__ import annotations

import contextlib
import io
import json
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from propose_theatre import write_invented_theatre

from geo.cli import main

REPORT = "Rebels captured Qasr an-Nur on Thursday. Fighters also took the Wadi Fulan district.\n"


@pytest.fixture(scope="module")
def city(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_invented_theatre(tmp_path_factory.mktemp("cli") / "qartaba")


def run(*args: object, stdin: str = "") -> SimpleNamespace:
    out, err = io.StringIO(), io.StringIO()
    saved, sys.stdin = sys.stdin, io.StringIO(stdin)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main([str(a) for a in args])
            except SystemExit as exit_:  # argparse's usage errors
                code = exit_.code if isinstance(exit_.code, int) else 1
    finally:
        sys.stdin = saved
    return SimpleNamespace(returncode=code, stdout=out.getvalue(), stderr=err.getvalue())


def test_a_text_file_as_a_table(city, tmp_path):
    report = tmp_path / "report.txt"
    report.write_text(REPORT, encoding="utf-8")
    result = run("propose", report, "--published", "2020-10-09", "--data", city)
    assert result.returncode == 0, result.stderr
    assert "1. Qasr an-Nur (qasr-an-nur) — opposition, 2020-10-08 (day)" in result.stdout
    assert "record: new (the record has government since 2020-01-01)" in result.stdout
    assert "'Wadi Fulan' in" in result.stdout  # listed, not guessed


def test_standard_input_as_json(city):
    result = run("propose", "-", "--published", "2020-10-09", "--format", "json", "--data", city, stdin=REPORT)
    assert result.returncode == 0, result.stderr
    (proposal,) = json.loads(result.stdout)
    assert (proposal["district_id"], proposal["date"], proposal["status"]) == (
        "qasr-an-nur",
        "2020-10-08",
        "opposition",
    )
    assert "'Wadi Fulan' matches no district of the theatre (not guessed)" in result.stderr


def test_an_html_page_gives_its_own_date_and_address(city, tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        '<!doctype html><html><head><meta property="article:published_time" content="2020-10-09">'
        '<meta property="og:url" content="https://example.org/s"></head><body><nav>Rebels took Bayt Rumman</nav>'
        "<article><p>Rebels captured Qasr an-Nur on Thursday.</p></article></body></html>",
        encoding="utf-8",
    )
    result = run("propose", page, "--format", "csv", "--data", city)
    assert result.returncode == 0, result.stderr
    rows = result.stdout.splitlines()
    assert len(rows) == 2 and rows[1].startswith("qasr-an-nur,Qasr an-Nur,قصر النور,2020-10-08,day,opposition,")


def test_without_a_publication_date_it_says_why(city, tmp_path):
    report = tmp_path / "report.txt"
    report.write_text(REPORT, encoding="utf-8")
    result = run("propose", report, "--data", city)
    assert result.returncode == 0
    assert "note: the report has no publication date (give --published YYYY-MM-DD)" in result.stdout
    assert "date unknown" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("missing.txt",),
            "error: report 'missing.txt' does not exist (expected a text or HTML file, or - for standard input)\n",
        ),
        (
            ("REPORT", "--published", "2020-13-01"),
            "error: --published was '2020-13-01', which is not a real date (month must be in 1..12)\n",
        ),
        (
            ("REPORT", "--published", "9 October"),
            "error: --published was '9 October' but is expected to be a date as YYYY-MM-DD\n",
        ),
    ],
)
def test_bad_input_is_one_readable_line(city, tmp_path, args, message):
    report = tmp_path / "report.txt"
    report.write_text(REPORT, encoding="utf-8")
    args = tuple(str(report) if a == "REPORT" else a for a in args)
    with contextlib.chdir(tmp_path):
        result = run("propose", *args, "--data", city)
    assert result.returncode == 2
    assert result.stderr == message and result.stdout == ""


def test_a_bad_theatre_is_reported_as_the_other_commands_do(tmp_path):
    report = tmp_path / "report.txt"
    report.write_text(REPORT, encoding="utf-8")
    result = run("propose", report, "--data", tmp_path / "nowhere")
    assert result.returncode == 1 and "is not a directory" in result.stderr and "Traceback" not in result.stderr
