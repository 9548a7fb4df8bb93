"""The report assistant's rules, each on an invented city (tests/propose_theatre.py), so that
nothing here depends on Aleppo's names."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from propose_theatre import write_invented_theatre

from geo import load_theatre
from geo.errors import DateError
from geo.propose import PlaceIndex, Report, ReportError, propose, read_html, read_report, render
from geo.propose.article import sentences
from geo.propose.dates import find_dates, parse_published
from geo.propose.places import arabic_word, name_words, skeleton

FRIDAY = dt.date(2020, 10, 9)  # a Friday inside the invented theatre's range (2020-2021)


@pytest.fixture(scope="module")
def city(tmp_path_factory: pytest.TempPathFactory):
    return load_theatre(write_invented_theatre(tmp_path_factory.mktemp("propose") / "qartaba"))


@pytest.fixture(scope="module")
def index(city) -> PlaceIndex:
    return PlaceIndex(city.districts)


def read(city, text: str, published: dt.date | None = FRIDAY):
    return propose(Report(text, published=published), city)


def triples(found) -> set[tuple[str, str | None, str]]:
    return {(p.district_id, p.date.isoformat() if p.date else None, p.status) for p in found.proposals}


# ---- places ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "district_id", "how"),
    [
        ("Qasr an-Nur", "qasr-an-nur", "name"),
        ("al-Qasr al-Nur", "qasr-an-nur", "name"),  # articles do not matter
        ("Kasr al-Nour", "qasr-an-nur", "name"),  # an alternative name
        ("Kasr an-Noor", "qasr-an-nur", "variant"),  # a transliteration of it
        ("Shaykh Hilal", "ash-sheikh-hilal", "name"),  # Sheikh/Shaykh/Cheikh are one word
        ("Cheikh Hilal", "ash-sheikh-hilal", "name"),
        ("Masakin az-Zahir", "masaken-az-zahir", "name"),  # Masaken/Masakin too
        ("Beit Rummen", "bayt-rumman", "variant"),  # the same consonants
        ("Bayt Rusman", "bayt-rumman", "typo"),  # within rapidfuzz's cut-off
        ("قصر النور", "qasr-an-nur", "name"),
        ("قَصْر النُّور", "qasr-an-nur", "name"),  # Arabic short vowels
        ("وبالشيخ هلال", "ash-sheikh-hilal", "name"),  # the clitics و and ب before the article
        ("مساكن الظاهر", "masaken-az-zahir", "name"),
    ],
)
def test_a_district_is_found_by_any_of_its_names(index, text, district_id, how):
    mentions = index.find(f"Fighting was reported in {text} today.")
    assert [(m.district_ids, m.how) for m in mentions] == [((district_id,), how)]


def test_arabic_letter_forms_are_folded():
    assert name_words("الظاهرة") == name_words("الظاهره")  # teh marbuta
    assert name_words("أبو") == name_words("ابو")  # alef with hamza
    assert name_words("مستشفى") == name_words("مستشفي")  # alef maqsura
    assert arabic_word("والشيخ") == "الشيخ"
    assert skeleton(("salaheddine",)) == skeleton(("salah", "din"))


def test_a_name_shared_by_several_districts_names_them_all(index):
    (mention,) = index.find("Rebels took Tal al-Ward on Friday.")
    assert mention.district_ids == ("tal-al-ward-i", "tal-al-ward-ii")


def test_common_words_and_unknown_places_are_not_guessed(city, index):
    assert index.find("the army entered the area and a district nearby") == []
    found = read(city, "Rebels captured the Wadi Fulan district on Thursday.")
    assert found.proposals == [] and found.dropped == []
    assert [u.text for u in found.unmatched] == ["Wadi Fulan"]


# ---- dates ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "date", "precision"),
    [
        ("on Thursday", "2020-10-08", "day"),
        ("on Friday", "2020-10-09", "day"),  # the day of the report itself
        ("last Friday", "2020-10-02", "day"),
        ("overnight", "2020-10-09", "day"),
        ("yesterday", "2020-10-08", "day"),
        ("two days ago", "2020-10-07", "day"),
        ("on 3 October", "2020-10-03", "day"),
        ("on 14 December", "2019-12-14", "day"),  # the latest 14 December before the report
        ("last week", "2020-10-04", "days"),
        ("earlier this month", "2020-10-09", "month"),
        ("last month", "2020-09-30", "month"),
        ("in March 2020", "2020-03-31", "month"),
        ("in 2019", "2019-12-31", "year"),
    ],
)
def test_dates_are_resolved_against_the_publication_date(words, date, precision):
    (found,) = find_dates(f"It happened {words}.", FRIDAY)
    assert (found.date.isoformat(), found.precision) == (date, precision)


def test_last_week_keeps_its_first_day():
    (found,) = find_dates("last week", FRIDAY)
    assert found.earliest == dt.date(2020, 9, 28)


def test_without_a_publication_date_only_full_dates_are_placed(city):
    relative, full = find_dates("on Thursday, and on 8 October 2020", None)
    assert relative.date is None and "needs the report's publication date" in relative.why
    assert full.date == dt.date(2020, 10, 8)
    found = read(city, "Rebels captured Qasr an-Nur on Thursday.", published=None)
    assert "no publication date" in found.notes[0]
    (proposal,) = found.proposals
    assert proposal.date is None and any("publication date" in r for r in proposal.reasons)
    assert proposal.record.verdict == "no date"


def test_a_bad_published_date_is_named():
    with pytest.raises(DateError, match=r"--published was '2020-02-30', which is not a real date"):
        parse_published("2020-02-30")
    with pytest.raises(DateError, match=r"--published was 'Friday' but is expected to be a date as YYYY-MM-DD"):
        parse_published("Friday")


def test_a_sentence_without_a_date_takes_the_story_date_or_the_report_day(city):
    found = read(city, "Rebels attacked on Tuesday and took the outskirts. Rebels also captured Qasr an-Nur.")
    assert triples(found) == {("qasr-an-nur", "2020-10-06", "opposition")}
    found = read(city, "Rebels captured Qasr an-Nur.")
    assert [(p.date, p.date_precision) for p in found.proposals] == [(FRIDAY, "days")]


# ---- control language ---------------------------------------------------------------


@pytest.mark.parametrize(
    "verb",
    [
        "took",
        "captured",
        "seized",
        "recaptured",
        "retook",
        "stormed",
        "entered",
        "advanced into",
        "took full control of",
    ],
)
def test_gain_verbs_give_the_side_that_gained(city, verb):
    found = read(city, f"The army {verb} Qasr an-Nur on Thursday.")
    assert triples(found) == {("qasr-an-nur", "2020-10-08", "government")}
    assert found.proposals[0].by == "government" and not found.proposals[0].partial


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        ("Rebels withdrew from Qasr an-Nur on Thursday.", "government"),
        ("Qasr an-Nur fell to rebels on Thursday.", "opposition"),
        ("Qasr an-Nur was captured by Kurdish forces on Thursday.", "kurdish"),
        ("The Islamic State seized Qasr an-Nur on Thursday.", "isil"),
    ],
)
def test_losses_and_passives_give_the_side_that_gained(city, sentence, status):
    assert triples(read(city, sentence)) == {("qasr-an-nur", "2020-10-08", status)}


@pytest.mark.parametrize("amount", ["part of", "most of", "half of"])
def test_part_of_a_district_is_partial_and_contested(city, amount):
    (proposal,) = read(city, f"Rebels seized {amount} Qasr an-Nur on Thursday.").proposals
    assert (proposal.status, proposal.partial, proposal.by) == ("contested", True, "opposition")


def test_fighting_is_contested_with_lower_confidence(city):
    (fighting,) = read(city, "Heavy fighting in Qasr an-Nur on Thursday, a resident said.").proposals
    (taken,) = read(city, "Rebels took Qasr an-Nur on Thursday.").proposals
    assert (fighting.status, fighting.partial) == ("contested", False)
    assert fighting.confidence < taken.confidence and "fighting reported" in fighting.reasons[0]


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        ("Rebels failed to take Qasr an-Nur on Thursday.", "failure or negation ('failed to')"),
        ("The army repelled an attempt by rebels to storm Qasr an-Nur.", "failure or negation"),
        ("Rebels attempted to seize Qasr an-Nur.", "failure or negation ('attempted to')"),
        ("The army vowed to retake Qasr an-Nur.", "the future ('vowed to')"),
        ("The army is preparing to storm Qasr an-Nur.", "the future ('preparing to')"),
        ("Rebels denied that the army had captured Qasr an-Nur.", "a denial ('denied')"),
        ("Rebels are still holding Qasr an-Nur.", "still held"),
    ],
)
def test_what_did_not_happen_is_dropped_with_the_reason(city, sentence, reason):
    found = read(city, sentence)
    assert found.proposals == []
    (dropped,) = found.dropped
    assert dropped.district_id == "qasr-an-nur" and dropped.dropped
    assert any(reason in r for r in dropped.reasons), dropped.reasons


def test_an_earlier_event_recalled_in_a_later_report_is_dropped(city):
    found = read(city, "Bayt Rumman, which rebels seized in 2019, was quiet on Thursday.")
    assert found.proposals == []
    assert read(city, "Qasr an-Nur was the first district the rebels took in the summer of 2019.").proposals == []
    found = read(city, "Residents recalled that the rebels took Qasr an-Nur in the summer of 2019.")
    assert found.proposals == [] and "an earlier event recalled" in found.dropped[0].reasons[0]
    found = read(city, "In early August rebels captured Qasr an-Nur.")
    assert found.proposals == [] and "before the report's month" in found.dropped[0].reasons[0]


def test_attribution_lowers_confidence_and_says_why(city):
    (plain,) = read(city, "The army captured Qasr an-Nur on Thursday.").proposals
    (state,) = read(city, "The army captured Qasr an-Nur on Thursday, state media said.").proposals
    (monitor,) = read(city, "The army captured Qasr an-Nur on Thursday, according to SOHR.").proposals
    assert state.confidence < monitor.confidence < plain.confidence
    assert "attributed to one side or a claim ('state media')" in state.reasons
    assert any("attributed to a monitor" in r for r in monitor.reasons)


def test_a_denial_elsewhere_in_the_report_lowers_the_claim(city):
    text = "The army captured Qasr an-Nur on Thursday. A rebel official denied that Qasr an-Nur had fallen."
    (proposal,) = read(city, text).proposals
    (alone,) = read(city, "The army captured Qasr an-Nur on Thursday.").proposals
    assert proposal.confidence == pytest.approx(alone.confidence / 2)
    assert "denied elsewhere in the report ('denied')" in proposal.reasons


def test_the_subject_is_the_side_after_the_reporting_verb(city):
    found = read(city, "A rebel commander said the army took Qasr an-Nur on Thursday.")
    assert triples(found) == {("qasr-an-nur", "2020-10-08", "government")}
    found = read(city, "Kurdish forces stormed rebel positions and seized Qasr an-Nur on Thursday.")
    assert triples(found) == {("qasr-an-nur", "2020-10-08", "kurdish")}


def test_several_districts_in_one_sentence(city):
    found = read(city, "The army captured Qasr an-Nur, Sheikh Hilal and Masaken az-Zahir on Thursday.")
    assert triples(found) == {
        ("qasr-an-nur", "2020-10-08", "government"),
        ("ash-sheikh-hilal", "2020-10-08", "government"),
        ("masaken-az-zahir", "2020-10-08", "government"),
    }


def test_a_district_named_as_a_landmark_is_not_the_one_that_changed(city):
    found = read(city, "The army captured the orchards northwest of Qasr an-Nur on Thursday.")
    assert found.proposals == []


def test_the_district_refers_to_the_one_the_paragraph_named(city):
    found = read(city, "Fighting reached Bayt Rumman on Wednesday. On Thursday the army took the district.")
    assert ("bayt-rumman", "2020-10-08", "government") in triples(found)


def test_sources_that_disagree_on_part_or_whole_make_it_contested(city):
    text = "Activists said rebels seized Qasr an-Nur on Thursday. A monitor said rebels took only part of Qasr an-Nur."
    assert triples(read(city, text)) == {("qasr-an-nur", "2020-10-08", "contested")}


def test_an_arabic_report(city):
    found = read(city, "سيطرت قوات النظام على حي قصر النور يوم الخميس.")
    assert [(p.district_id, p.status) for p in found.proposals] == [("qasr-an-nur", "government")]


# ---- against the record -----------------------------------------------------------


def test_each_proposal_says_what_the_record_shows(city):
    (recorded,) = read(city, "Rebels took Sheikh Hilal on 1 March 2020.", published=dt.date(2020, 3, 2)).proposals
    assert recorded.record.verdict == "already recorded"
    (new,) = read(city, "Rebels took Qasr an-Nur on Thursday.").proposals
    assert (new.record.verdict, new.record.status) == ("new", "government")
    (contradicts,) = read(city, "The army took Bayt Rumman on 11 June 2020.", published=dt.date(2020, 6, 12)).proposals
    assert contradicts.record.verdict == "contradicts"
    assert contradicts.record.detail == "the record has contested from 2020-06-10, not government"
    (outside,) = read(city, "Rebels took Qasr an-Nur on Thursday.", published=dt.date(2023, 1, 6)).proposals
    assert outside.record.verdict == "outside the theatre's dates"


# ---- reading reports and output ------------------------------------------------


def test_html_article_text_and_metadata_are_extracted():
    page = """<!doctype html><html><head><title>Site | Story</title>
    <meta property="article:published_time" content="2020-10-09T08:00:00Z">
    <meta property="og:url" content="https://example.org/story"><meta property="og:site_name" content="Example News">
    <script>var x = "Rebels took Bayt Rumman";</script></head>
    <body><nav>Home | Rebels took Masaken az-Zahir</nav><article><h1>Fighting</h1>
    <p>Rebels captured Qasr an-Nur on Thursday.</p><aside>Related: the army took Bayt Rumman</aside></article>
    <footer>(c) Example</footer></body></html>"""
    report = read_html(page)
    assert report.text == "Fighting\n\nRebels captured Qasr an-Nur on Thursday."
    assert (report.published, report.url, report.publisher) == (FRIDAY, "https://example.org/story", "Example News")


def test_sentences_keep_their_spans():
    text = "Gen. Ali said the U.S. envoy left. Rebels took Qasr an-Nur.\n\nA new paragraph."
    parts = sentences(text)
    assert [p.text for p in parts] == [
        "Gen. Ali said the U.S. envoy left.",
        "Rebels took Qasr an-Nur.",
        "A new paragraph.",
    ]
    assert all(text[p.start : p.end] == p.text for p in parts)
    assert [p.paragraph for p in parts] == [0, 0, 1]


def test_reading_a_report_file_gives_one_readable_error(tmp_path):
    with pytest.raises(ReportError, match=r"report '.*missing.txt' does not exist"):
        read_report(tmp_path / "missing.txt")
    (tmp_path / "latin1.txt").write_bytes("Qasr an-N\xfbr".encode("latin-1"))
    with pytest.raises(ReportError, match=r"is not UTF-8 text \(byte 9 cannot be read\)"):
        read_report(tmp_path / "latin1.txt")
    with pytest.raises(ReportError, match=r"is a directory"):
        read_report(tmp_path)


def test_json_and_csv_carry_every_field(city):
    found = read(city, "Rebels captured Qasr an-Nur on Thursday. Rebels failed to take Bayt Rumman.")
    objects = json.loads(render(found, "json"))
    assert [o["dropped"] for o in objects] == [False, True]
    first = objects[0]
    for key in (
        "district_id",
        "date",
        "date_precision",
        "status",
        "partial",
        "by",
        "confidence",
        "evidence",
        "span",
        "record",
    ):
        assert key in first
    assert (first["date"], first["status"], first["record"]["verdict"]) == ("2020-10-08", "opposition", "new")
    text = "Rebels captured Qasr an-Nur on Thursday."
    assert first["evidence"] == text and first["span"] == [0, len(text)]
    lines = render(found, "csv").splitlines()
    assert lines[0].startswith("district_id,name_en,name_ar,date,date_precision,status,partial,by,confidence,record")
    assert lines[1].startswith("qasr-an-nur,Qasr an-Nur,قصر النور,2020-10-08,day,opposition,false,opposition,")
    table = render(found, "table")
    assert "1. Qasr an-Nur (qasr-an-nur) — opposition, 2020-10-08 (day)" in table
    assert "Not proposed:" in table and "failure or negation" in table


def test_the_evaluation_set_is_well_formed(aleppo_theatre):
    """Every expected change in the evaluation set names a real Aleppo district, a real date
    and a status, and every report cites a page."""
    ids = set(aleppo_theatre.district_ids)
    reports = json.loads((Path(__file__).parent / "propose_eval.json").read_text(encoding="utf-8"))["reports"]
    assert len(reports) >= 40 and len({r["id"] for r in reports}) == len(reports)
    for report in reports:
        assert report["url"].startswith(("http://", "https://")) and report["excerpt"]
        assert report["published"] is None or dt.date.fromisoformat(report["published"])
        for district_id, date, status in report["expected"]:
            assert district_id in ids and status in ("government", "opposition", "kurdish", "isil", "contested")
            assert date is None or dt.date.fromisoformat(date)


def test_a_day_after_dates_the_earlier_capture(city):
    found = read(city, "The army took Bayt Rumman on Thursday, a day after capturing Qasr an-Nur.")
    assert triples(found) == {
        ("bayt-rumman", "2020-10-08", "government"),
        ("qasr-an-nur", "2020-10-07", "government"),
    }


def test_a_side_pulling_back_from_part_leaves_it_contested(city):
    (proposal,) = read(city, "Government forces pulled back from parts of Qasr an-Nur on Thursday.").proposals
    assert (proposal.status, proposal.partial, proposal.by) == ("contested", True, "opposition")


def test_continuing_to_hold_is_no_change(city):
    found = read(city, "Thus the YPG continues to control Qasr an-Nur.")
    assert found.proposals == [] and found.dropped[0].reasons[0].startswith("says the district is still held")
