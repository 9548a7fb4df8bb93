"""The maintainer's page in the dashboard (components/proposals_page.py), run with AppTest."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest
from propose_theatre import write_invented_theatre

from apptest import app
from components.proposals_page import maintainer_page_enabled, proposals_file
from geo.propose.outbox import COLUMNS, OutboxError, append_proposals

pytestmark = pytest.mark.slow  # every test runs the whole page

HEADING = "Maintainer: propose changes from a news report"


@pytest.fixture
def city(tmp_path: Path) -> Path:
    return write_invented_theatre(tmp_path / "qartaba")


def opened(monkeypatch, city: Path, file: Path):
    monkeypatch.setenv("FRONTLINES_MAINTAINER", "1")
    monkeypatch.setenv("FRONTLINES_PROPOSALS", str(file))
    at = app(monkeypatch, data=city)
    (box,) = [e for e in at.expander if e.label == HEADING]
    assert not box.text_area  # closed: nothing drawn
    at.session_state["proposals"] = True
    at.run()
    return at


def test_the_page_is_off_unless_the_flag_turns_it_on(monkeypatch, city):
    monkeypatch.delenv("FRONTLINES_MAINTAINER", raising=False)
    at = app(monkeypatch, data=city)
    assert HEADING not in [e.label for e in at.expander]
    assert not maintainer_page_enabled({}) and not maintainer_page_enabled({"FRONTLINES_MAINTAINER": "0"})
    assert maintainer_page_enabled({"FRONTLINES_MAINTAINER": "yes"})
    assert proposals_file({}) == Path("proposals.csv")


def test_paste_a_report_see_its_proposals_and_accept_one(monkeypatch, city, tmp_path):
    file = tmp_path / "proposals.csv"
    at = opened(monkeypatch, city, file)
    at.text_area(key="proposals-text").input(
        "Rebels captured Qasr an-Nur on Thursday. Rebels failed to take Bayt Rumman. <b>Fighters</b> took the Wadi Fulan district."
    )
    at.text_input(key="proposals-url").input("https://example.org/report")
    at.date_input(key="proposals-published").set_value(dt.date(2020, 10, 9))
    (submit,) = [b for b in at.button if b.label == "Propose changes"]
    submit.click().run()
    assert not at.exception
    lines = [m.value for m in at.markdown if m.value.startswith("**")]
    assert lines == ["**Qasr an\\-Nur**: Opposition, 8 Oct 2020, confidence 0.85 — new"]
    captions = " ".join(c.value for c in at.caption)
    assert "Rebels captured Qasr an\\-Nur on Thursday\\." in captions
    assert "Wadi Fulan" in captions and "<b>" not in captions  # listed, escaped
    at.checkbox(key="proposals-accept-0").check().run()
    at.button(key="proposals-save").click().run()
    assert at.success[0].value == "1 proposal added to proposals\\.csv."
    with open(file, encoding="utf-8", newline="") as handle:
        (row,) = list(csv.DictReader(handle))
    assert (row["date"], row["district_id"], row["status"], row["source_url"]) == (
        "2020-10-08",
        "qasr-an-nur",
        "opposition",
        "https://example.org/report",
    )
    assert not (city / "changes.csv").read_text(encoding="utf-8").count("qasr-an-nur")  # the record is untouched


def test_nothing_accepted_writes_nothing(monkeypatch, city, tmp_path):
    file = tmp_path / "proposals.csv"
    at = opened(monkeypatch, city, file)
    at.text_area(key="proposals-text").input("Rebels captured Qasr an-Nur.")
    (submit,) = [b for b in at.button if b.label == "Propose changes"]
    submit.click().run()
    assert any("no publication date" in i.value for i in at.info)
    at.button(key="proposals-save").click().run()
    assert at.warning[-1].value == "No proposal is accepted: nothing written."
    assert not file.exists()


def test_a_proposals_file_with_another_header_is_left_alone(tmp_path):
    other = tmp_path / "changes.csv"
    other.write_text("date,district_id,status,note,source_url\n", encoding="utf-8")
    with pytest.raises(OutboxError, match=r"changes.csv has the columns date, district_id, status, note, source_url"):
        append_proposals(other, [], url="", published="")
    assert other.read_text(encoding="utf-8") == "date,district_id,status,note,source_url\n"
    fresh = tmp_path / "new.csv"
    assert append_proposals(fresh, [], url="", published="") == 0
    assert fresh.read_text(encoding="utf-8") == ",".join(COLUMNS) + "\n"


def test_a_proposal_is_shown_on_the_map_on_its_date(monkeypatch, city, tmp_path):
    at = opened(monkeypatch, city, tmp_path / "proposals.csv")
    at.text_area(key="proposals-text").input("Rebels captured Qasr an-Nur on Thursday.")
    at.date_input(key="proposals-published").set_value(dt.date(2020, 10, 9))
    (submit,) = [b for b in at.button if b.label == "Propose changes"]
    submit.click().run()
    at.button(key="proposals-show-0").click().run()
    assert not at.exception
    assert at.session_state["date"] == dt.date(2020, 10, 8)
    assert at.session_state["view"].district == "qasr-an-nur"
    assert any(m.value.startswith("## Qasr an\\-Nur") for m in at.markdown)  # its panel
