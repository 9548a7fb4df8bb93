"""``propose --review``: accepted proposals are appended after validation; a refused append writes nothing."""

from __future__ import annotations

import contextlib
import csv
import io
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from propose_theatre import write_invented_theatre

from geo import load_theatre
from geo.cli import main
from geo.propose.append import AppendError, append_to_theatre

REPORT = "Rebels captured Qasr an-Nur on Thursday, a monitor said.\n"


@pytest.fixture
def city(tmp_path: Path) -> Path:
    return write_invented_theatre(tmp_path / "qartaba")


def run(*args: object, answers: str = "") -> SimpleNamespace:
    """The command line with ``answers`` on its standard input, as a person would type them."""
    out, err = io.StringIO(), io.StringIO()
    stdin = io.StringIO(answers)
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), _stdin(stdin):
        code = main([str(a) for a in args])
    return SimpleNamespace(returncode=code, stdout=out.getvalue(), stderr=err.getvalue())


@contextlib.contextmanager
def _stdin(stream: io.StringIO):
    saved, sys.stdin = sys.stdin, stream
    try:
        yield
    finally:
        sys.stdin = saved


def rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def review(city: Path, report: Path, answers: str, *extra: str) -> SimpleNamespace:
    return run(
        "propose",
        report,
        "--published",
        "2020-09-04",
        "--url",
        "https://example.org/new",
        "--data",
        city,
        "--review",
        *extra,
        answers=answers,
    )


# Answers: accept; the source's URL (default), publisher, published (default), title, kind,
# alignment (default), id (default).
ACCEPT = "a\n\nNew Wire\n\nRebels in Qasr an-Nur\nnews agency\n\n\n"


def test_review_appends_the_accepted_change_and_the_report(city, tmp_path):
    report = tmp_path / "report.txt"
    report.write_text(REPORT, encoding="utf-8")
    old_changes, old_sources = (city / "changes.csv").read_bytes(), (city / "sources.csv").read_bytes()
    result = review(city, report, ACCEPT)
    assert result.returncode == 0, result.stdout
    assert "Appended 1 change(s)" in result.stdout
    new_changes, new_sources = (city / "changes.csv").read_bytes(), (city / "sources.csv").read_bytes()
    assert new_changes.startswith(old_changes) and new_sources.startswith(old_sources)  # appended, not rewritten
    change = rows(city / "changes.csv")[-1]
    assert (change["date"], change["district_id"], change["status"]) == ("2020-09-03", "qasr-an-nur", "opposition")
    assert change["sources"] == "new-wire-2020-09-04"
    assert change["confidence"] == "medium" and "New Wire" in change["note"]
    source = rows(city / "sources.csv")[-1]
    assert source == {
        "id": "new-wire-2020-09-04",
        "url": "https://example.org/new",
        "publisher": "New Wire",
        "published": "2020-09-04",
        "title": "Rebels in Qasr an-Nur",
        "kind": "news agency",
        "alignment": "none known",
    }
    assert load_theatre(city).district_at("qasr-an-nur", "2020-09-03")["status"] == "opposition"


def test_an_edited_change_is_recorded_as_edited(city, tmp_path):
    report = tmp_path / "report.txt"
    report.write_text(REPORT, encoding="utf-8")
    # edit: date, status (default), precision, confidence, note; then the source as above
    answers = "e\n2020-09-02\n\ndays\nlow\nRebels take Qasr an-Nur over two days\n" + ACCEPT[2:]
    result = review(city, report, answers)
    assert result.returncode == 0, result.stdout
    change = rows(city / "changes.csv")[-1]
    assert (change["date"], change["date_precision"], change["confidence"]) == ("2020-09-02", "days", "low")
    assert change["note"] == "Rebels take Qasr an-Nur over two days"


def test_a_bad_answer_is_asked_again(city, tmp_path):
    report = tmp_path / "report.txt"
    report.write_text(REPORT, encoding="utf-8")
    answers = "maybe\ne\n2020-02-30\n2020-09-02\nwon\n\n\n\n\n" + ACCEPT[2:]
    result = review(city, report, answers)
    assert result.returncode == 0, result.stdout
    assert "'maybe' is not one" in result.stdout
    assert "which is not a real date" in result.stdout
    assert "'won' is not one" in result.stdout


def test_review_writes_nothing_when_validation_fails(city, tmp_path):
    report = tmp_path / "report.txt"
    report.write_text(REPORT, encoding="utf-8")
    before = {name: (city / name).read_bytes() for name in ("changes.csv", "sources.csv")}
    # the date edited to one outside the theatre's range (2020-2021): validation refuses it
    answers = "e\n2022-05-01\n\n\n\nRebels take Qasr an-Nur\n" + ACCEPT[2:]
    result = review(city, report, answers)
    assert result.returncode == 1
    assert "nothing written to" in result.stdout
    assert "date 2022-05-01 is outside the theatre's range" in result.stdout
    assert {name: (city / name).read_bytes() for name in before} == before
    assert not [p for p in city.iterdir() if p.name.endswith(".tmp")]


def test_a_new_warning_also_refuses(city):
    # a one-sided source with no "Sourcing:" sentence is an audit warning the theatre did not have
    change = {
        "date": "2020-09-03",
        "district_id": "qasr-an-nur",
        "status": "opposition",
        "note": "Rebels take Qasr an-Nur",
        "sources": "side-2020-09-04",
    }
    source = {
        "id": "side-2020-09-04",
        "url": "https://example.org/side",
        "publisher": "Side TV",
        "published": "2020-09-04",
        "title": "",
        "kind": "state or party media",
        "alignment": "pro-opposition",
    }
    before = (city / "changes.csv").read_bytes()
    with pytest.raises(AppendError, match=r"would not validate[\s\S]*Sourcing:"):
        append_to_theatre(city, [change], source)
    assert (city / "changes.csv").read_bytes() == before


def test_review_adds_the_sourcing_sentence_for_an_aligned_report(city, tmp_path):
    report = tmp_path / "report.txt"
    report.write_text(REPORT, encoding="utf-8")
    answers = "a\n\nSide TV\n\n\nstate or party media\npro-opposition\n\n"
    result = review(city, report, answers)
    assert result.returncode == 0, result.stdout
    assert "Sourcing: one report so far, from Side TV (pro-opposition)" in rows(city / "changes.csv")[-1]["note"]


def test_a_column_the_file_lacks_refuses_rather_than_rewriting_the_header(tmp_path):
    from synthetic import write_theatre

    plain = write_theatre(tmp_path / "plain")  # changes.csv: date, district_id, status, note, source_url
    change = {
        "date": "2020-07-01",
        "district_id": "north-west",
        "status": "opposition",
        "note": "taken",
        "source_url": "https://example.org/d",
        "date_precision": "days",
    }
    with pytest.raises(AppendError, match=r"changes.csv has no column 'date_precision' for the value 'days'"):
        append_to_theatre(plain, [change], None)


def test_quitting_or_skipping_writes_nothing(city, tmp_path):
    report = tmp_path / "report.txt"
    report.write_text(REPORT, encoding="utf-8")
    before = (city / "changes.csv").read_bytes()
    skipped = review(city, report, "s\n")
    assert skipped.returncode == 0 and "Nothing accepted: nothing written." in skipped.stdout
    quit_ = review(city, report, "q\n")
    assert quit_.returncode == 0 and "Nothing accepted" in quit_.stdout
    ended = review(city, report, "a\n")  # the input ends while the source is asked for
    assert ended.returncode == 1 and "the input ended" in ended.stdout
    assert (city / "changes.csv").read_bytes() == before


def test_a_report_already_in_sources_is_cited_not_added_again(city, tmp_path):
    report = tmp_path / "report.txt"
    report.write_text(REPORT, encoding="utf-8")
    before = (city / "sources.csv").read_bytes()
    result = run(
        "propose",
        report,
        "--published",
        "2020-09-04",
        "--url",
        "https://example.org/wire/2020-06-10",
        "--data",
        city,
        "--review",
        answers="a\n",
    )
    assert result.returncode == 0, result.stdout
    assert (city / "sources.csv").read_bytes() == before
    assert rows(city / "changes.csv")[-1]["sources"] == "wire-2020-06-10"


def test_an_undated_proposal_must_be_given_a_date(city, tmp_path):
    report = tmp_path / "report.txt"
    report.write_text(REPORT, encoding="utf-8")
    # no --published: "on Thursday" cannot be placed, so accepting asks for the date (and the rest)
    answers = "a\n2020-09-03\n\n\n\n\n" + ACCEPT[2:]
    result = run("propose", report, "--url", "https://example.org/new", "--data", city, "--review", answers=answers)
    assert result.returncode == 0, result.stdout
    assert "date (YYYY-MM-DD):" in result.stdout
    change = rows(city / "changes.csv")[-1]
    assert (change["date"], change["district_id"], change["status"]) == ("2020-09-03", "qasr-an-nur", "opposition")
