"""The shipped Aleppo dataset: valid, sourced, and right on well-documented days."""

from pathlib import Path

import pytest

from geo import load_theatre

ALEPPO = Path(__file__).resolve().parents[1] / "data" / "aleppo"


@pytest.fixture(scope="module")
def aleppo():
    return load_theatre(ALEPPO)


def test_every_change_cites_the_sources_table_and_states_its_confidence(aleppo):
    # The loader accepts a bare source_url and an empty confidence; the shipped data holds itself to more.
    assert (aleppo.changes["sources"].str.len() > 0).all()
    assert set(aleppo.changes["confidence"]) <= {"high", "medium", "low"}


def test_no_district_is_ever_unknown_and_validation_warns_of_nothing(aleppo):
    assert aleppo.meta.initial_status == "government" and aleppo.meta.initial_sources
    assert "unknown" not in set(aleppo.changes["status"])
    assert [str(w) for w in aleppo.warnings] == []


def test_inferred_changes_are_low_confidence(aleppo):
    inferred = aleppo.changes.loc[aleppo.changes["note"].str.startswith("Inferred")]
    assert len(inferred) > 0 and set(inferred["confidence"]) == {"low"}


def test_other_names_and_missing_names_are_sourced_or_explained(aleppo):
    bab_al_nairab = aleppo.district_at("muhammad-bek", "2014-01-01")
    assert "Bab al-Nairab" in bab_al_nairab["alt_names"]
    assert bab_al_nairab["place_source_url"] == aleppo.sources.loc["wikipedia-bab-al-nairab", "url"]
    unnamed = aleppo.districts.loc[aleppo.districts["name_ar"] == ""]
    assert (unnamed["name_note"] != "").all()


def test_context_events_are_recorded(aleppo):
    assert len(aleppo.events) >= 10
    assert "Castello Road cut: east Aleppo besieged" in set(aleppo.events["title"])


def test_every_facts_row_and_the_sourced_extra_places_are_districts_labelled_approximate(aleppo):
    assert len(aleppo.district_ids) == 126 + 1  # the facts file's rows, and Handarat camp
    assert aleppo.districts.set_index("district_id").loc["handarat-camp", "location_source"]
    assert "approximate" in aleppo.meta.geometry_note


@pytest.mark.parametrize(
    "date, district_id, status",
    [
        ("2012-07-01", "hanano", "government"),
        ("2016-10-05", "bustan-al-basha", "opposition"),
        ("2016-10-07", "bustan-al-basha", "contested"),
        ("2016-11-25", "hanano", "opposition"),
        ("2016-11-26", "hanano", "government"),
        ("2016-12-31", "ash-sheikh-maqsoud", "kurdish"),
        ("2013-06-01", "as-sakhour", "opposition"),
        ("2016-11-27", "as-sakhour", "opposition"),
        ("2016-11-28", "as-sakhour", "government"),
        ("2016-11-28", "ash-sheikh-fares", "kurdish"),
        ("2014-01-01", "souq-al-madina", "contested"),
        ("2016-12-07", "souq-al-madina", "government"),
        ("2016-12-11", "sheikh-saeed", "opposition"),
        ("2016-12-12", "sheikh-saeed", "government"),
        ("2016-12-21", "as-sukkari", "contested"),
        ("2016-12-22", "as-sukkari", "government"),
        ("2012-07-30", "muhammad-bek", "government"),
        ("2014-01-01", "muhammad-bek", "opposition"),
        ("2016-12-07", "muhammad-bek", "government"),
        ("2016-12-06", "ibn-yaaqoub", "opposition"),
        ("2016-12-07", "ibn-yaaqoub", "government"),
    ],
)
def test_documented_states(aleppo, date, district_id, status):
    assert aleppo.district_at(district_id, date)["status"] == status


@pytest.mark.parametrize("readme", ["README.md", "data/README.md"])
def test_the_readmes_state_the_dataset_as_it_is(aleppo, readme):
    import re

    text = " ".join((ALEPPO.parents[1] / readme).read_text(encoding="utf-8").split())
    found = re.search(
        r"\*\*(\d+) districts, (\d+) (?:dated )?changes of control, (\d+) context events,? and (\d+) sources\*\*"
        r"|\*\*(\d+) districts, (\d+) (?:dated )?changes of control, (\d+) context events, (\d+) sources\*\*",
        text,
    )
    assert found, f"{readme} does not state the dataset's size"
    numbers = [int(n) for n in found.groups() if n is not None]
    assert numbers == [len(aleppo.district_ids), len(aleppo.changes), len(aleppo.events), len(aleppo.sources)]


def test_the_readme_counts_the_inferred_changes(aleppo):
    import re

    text = " ".join((ALEPPO.parents[1] / "README.md").read_text(encoding="utf-8").split())
    stated = int(re.search(r"(\d+) changes, mostly the rebel advance of July 2012, are inferred", text).group(1))
    assert stated == int(aleppo.changes["note"].str.startswith("Inferred").sum())


def test_the_data_readme_counts_both_kinds_of_inference(aleppo):
    import re

    text = " ".join((ALEPPO.parent / "README.md").read_text(encoding="utf-8").split())
    notes = aleppo.changes.set_index("district_id")["note"]
    by_division = int(re.search(r"for (\d+) districts that the sources report as taken from rebels", text).group(1))
    by_location = int(re.search(r"for (\d+) small districts that no source names", text).group(1))
    assert by_division == notes.str.startswith("Inferred:").sum()
    assert by_location == notes[notes.str.startswith("Inferred from location")].index.nunique()


def test_ibn_yaaqoub_rests_on_a_low_confidence_inference(aleppo):
    assert aleppo.low_confidence_at("2014-01-01")[aleppo.district_ids.index("ibn-yaaqoub")]
