"""The shipped Aleppo dataset: valid, sourced, and right on well-documented days."""

from pathlib import Path

import pytest

ALEPPO = Path(__file__).resolve().parents[1] / "data" / "aleppo"


@pytest.fixture(scope="module")
def aleppo(aleppo_theatre):
    return aleppo_theatre


def test_every_change_cites_the_sources_table_and_states_its_confidence(aleppo):
    # The loader accepts a bare source_url and an empty confidence; the shipped data holds itself to more.
    assert (aleppo.changes["sources"].str.len() > 0).all()
    assert set(aleppo.changes["confidence"]) <= {"high", "medium", "low"}


def test_no_district_is_ever_unknown_and_validation_warns_only_of_unassigned_land(aleppo):
    assert aleppo.meta.initial_status == "government" and aleppo.meta.initial_sources
    assert "unknown" not in set(aleppo.changes["status"])
    # the published boundaries leave some land inside the city in no neighbourhood (data/README.md)
    others = [str(w) for w in aleppo.warnings if "leave a gap of" not in str(w)]
    assert others == []


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


def test_every_facts_row_and_the_sourced_extra_places_are_districts_with_their_geometry_source(aleppo):
    assert len(aleppo.district_ids) == 126 + 1  # the facts file's rows, and Handarat camp
    districts = aleppo.districts.set_index("district_id")
    assert districts.loc["handarat-camp", "location_source"] in aleppo.sources.index
    assert districts.loc["handarat-camp", "geometry_source"] == "approximate"
    assert (districts.drop(index="handarat-camp")["geometry_source"] == "published").all()
    assert set(districts["geometry_source_id"]) <= set(aleppo.sources.index)


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
        ("2016-11-27", "baaiedeen", "government"),  # Press TV's claim, disputed
        ("2016-12-31", "baaiedeen", "contested"),  # the army or the YPG: reports differ
        ("2016-12-31", "ayn-at-tal", "contested"),  # the army or the YPG: reports differ
        ("2014-01-01", "souq-al-madina", "contested"),
        ("2016-12-07", "souq-al-madina", "government"),
        ("2016-11-29", "sheikh-saeed", "opposition"),
        ("2016-12-11", "sheikh-saeed", "contested"),  # SOHR: rebels keep a third from 30 November (issue 22)
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


# ---- what the outside fact-check found, corrected (issue 13) -----------------------------------------------


@pytest.mark.parametrize(
    "date, district_id, status",
    [
        ("2016-07-26", "as-sakan-ash-shababi", "opposition"),
        ("2016-07-27", "as-sakan-ash-shababi", "kurdish"),  # KurdWatch: the SDF drove the rebels out
        ("2016-12-01", "as-sakan-ash-shababi", "kurdish"),
        ("2016-12-31", "as-sakan-ash-shababi", "kurdish"),
        ("2016-12-23", "al-arqoub", "government"),
        ("2016-12-23", "an-nayrab", "government"),
        ("2016-12-23", "as-siryan-syriac-quarter", "government"),
        ("2016-07-01", "al-ashrafiyeh", "contested"),
        ("2014-01-01", "qadi-askar", "contested"),
        ("2014-01-08", "qadi-askar", "opposition"),
        ("2014-03-01", "trab-al-hellok", "isil"),
        ("2014-04-01", "trab-al-hellok", "opposition"),
    ],
)
def test_corrected_states(aleppo, date, district_id, status):
    assert aleppo.district_at(district_id, date)["status"] == status


def test_after_the_battle_only_the_government_and_the_ypg_hold_ground(aleppo):
    for date in ("2016-12-22", "2016-12-23", "2016-12-31"):
        state = aleppo.state_at(date).set_index("district_id")
        assert set(state["status"]) <= {"government", "kurdish", "contested"}
        for district_id in state.index[state["status"] == "contested"]:
            assert set(aleppo.district_at(district_id, date)["sides"].split()) == {"government", "kurdish"}
    assert aleppo.meta.end_event is not None and aleppo.meta.end_event.date.isoformat() == "2016-12-22"


def test_al_ashrafiyeh_is_split_between_government_and_ypg_from_the_summer_2016_offensive(aleppo):
    history = aleppo.history("al-ashrafiyeh")
    last = history.iloc[-1]
    assert (last["date"], last["status"], last["sides"]) == ("2016-07-30", "contested", "government kurdish")
    assert "wikipedia-aleppo-offensive-jun-jul-2016" in last["sources"].split()


def test_isil_is_on_the_map_where_sources_put_it(aleppo):
    isil = aleppo.changes.loc[(aleppo.changes["status"] == "isil") | aleppo.changes["sides"].str.contains("isil")]
    assert set(isil["district_id"]) == {"qadi-askar", "trab-al-hellok"}
    assert aleppo.status_counts_at("2014-03-01")["isil"] == 1
    assert "bbc-25652381" in aleppo.history("qadi-askar")["sources"].str.cat(sep=" ").split()


def test_the_eastern_sakan_al_shababi_is_an_event_not_the_western_district(aleppo):
    assert "thenational-1-184966" not in " ".join(aleppo.history("as-sakan-ash-shababi")["sources"])
    event = aleppo.events.loc[aleppo.events["title"] == "Government retakes the eastern Sakan al-Shababi"]
    assert len(event) == 1 and "no source for its location" in event["note"].iloc[0]


def test_confidence_follows_the_readme_rule_where_the_audit_found_it_did_not(aleppo):
    changes = aleppo.changes.set_index(["date", "district_id"])
    assert changes.loc[("2012-07-21", "al-helwaniyeh"), "confidence"] == "medium"
    assert changes.loc[("2012-10-25", "as-siryan-syriac-quarter"), "confidence"] == "medium"
    for district_id in ("ibn-yaaqoub", "sajlikhan", "al-ballat", "ad-dallaleen", "the-national-hospital"):
        assert changes.loc[("2016-12-07", district_id), "confidence"] == "low"


def test_disagreements_are_in_structured_fields(aleppo):
    changes = aleppo.changes.set_index(["date", "district_id"])
    assert changes.loc[("2016-12-06", "dahret-awwad"), "alt_date"] == "2016-12-04"
    assert changes.loc[("2016-12-12", "as-salheen"), "alt_date"] == "2016-12-07"
    assert changes.loc[("2013-06-01", "bustan-al-basha"), "disputed_by"] == "newsfront-2016-10-01"
    assert changes.loc[("2016-07-27", "as-sakan-ash-shababi"), "alt_date"] == "2016-07-30"


def test_names_placed_by_location_are_sourced_or_marked_as_assumptions(aleppo):
    districts = aleppo.districts.set_index("district_id")
    for district_id, name in [
        ("rasafeh", "Bani Zaid"),
        ("ayn-at-tal", "Jandoul"),
        ("al-asileh", "Maadi"),
        ("al-bayyada", "Bab al-Hadid"),
        ("ash-shaar", "Karm al-Beik"),
        ("al-maasaraniyeh-youth-housing", "Karm al-Tarrab"),
    ]:
        row = districts.loc[district_id]
        assert name in row["alt_names"]
        assert row["name_sources"] or ("Assumed, low confidence" in row["name_note"] and name in row["name_note"])
    assert "عين التينة" in districts.loc["ayn-at-tal", "name_note"]


def test_every_source_is_rated(aleppo):
    assert (aleppo.sources["kind"] != "").all() and (aleppo.sources["alignment"] != "").all()


def test_the_data_readme_records_the_audit_method():
    text = (ALEPPO.parent / "README.md").read_text(encoding="utf-8")
    assert "### Audit method" in text and "### Audit rules" in text
    assert "independent" in text and "`disputed_by`" in text


# ---- the second fact-check, corrected with sources found anew (issue 22) ------------------------------------


@pytest.mark.parametrize(
    "date, district_id, status",
    [
        ("2016-11-28", "bustan-al-basha", "contested"),  # split between the government and the YPG
        ("2016-12-27", "bustan-al-basha", "kurdish"),  # Enab Baladi; Reuters and Xinhua (SOHR) in February 2018
        ("2016-12-27", "trab-al-hellok", "kurdish"),
        ("2016-12-31", "trab-al-hellok", "kurdish"),
        ("2016-07-28", "rasafeh", "contested"),  # Bani Zaid: the SDF took parts of it (KurdWatch)
        ("2012-07-22", "hanano", "government"),
        ("2012-07-23", "hanano", "opposition"),  # Zaman al-Wasl: full rebel control on 23 July 2012
        ("2012-08-21", "beit-muheb-jdeydeh", "opposition"),
        ("2012-08-22", "beit-muheb-jdeydeh", "government"),  # AFP: "seized on Wednesday", 22 August
        ("2012-08-22", "al-suleimaniyeh", "government"),
        ("2012-08-20", "al-farafra", "contested"),  # rebels in the Bab an-Nasr area (AFP photograph)
        ("2016-11-30", "sheikh-saeed", "contested"),
        ("2016-12-05", "karm-al-myassar", "contested"),
        ("2016-12-07", "karm-al-myassar", "government"),
        ("2015-05-03", "ash-sheikh-maqsoud", "kurdish"),
        ("2015-06-01", "ash-sheikh-maqsoud", "contested"),  # Islamist units inside by agreement (KurdWatch)
        ("2015-09-27", "ash-sheikh-maqsoud", "kurdish"),  # they left after the fighting of late September
    ],
)
def test_issue_22_corrections(aleppo, date, district_id, status):
    assert aleppo.district_at(district_id, date)["status"] == status


def test_the_wider_area_reports_of_the_old_city_make_low_confidence(aleppo):
    rows = aleppo.changes.loc[(aleppo.changes["date"] == "2016-12-07") & (aleppo.changes["status"] == "government")]
    confidence = rows.set_index("district_id")["confidence"]
    assert confidence["souq-al-madina"] == "low"  # the reports name only the Old City
    assert confidence["aghyor"] == "high"  # Aqyol is named by AFP and by Pars Today


def test_disagreements_of_issue_22_are_recorded(aleppo):
    changes = aleppo.changes.set_index(["date", "district_id"])
    assert changes.loc[("2016-12-27", "bustan-al-basha"), "disputed_by"] == "kyleorton-2016-11-30"
    assert changes.loc[("2016-10-06", "bustan-al-basha"), "alt_date"] == "2016-10-07"
    assert "third" in changes.loc[("2016-11-30", "sheikh-saeed"), "note"]


def test_the_data_readme_states_the_low_support_figures(aleppo):
    import re

    from geo.quality import low_support_days, low_support_figures

    text = " ".join((ALEPPO.parent / "README.md").read_text(encoding="utf-8").split())
    found = re.search(r"(\d+) spend over 1,000 days on low support and (\d+) over 1,400", text)
    assert found, "data/README.md does not state the low-support figures"
    figures = low_support_figures(low_support_days(aleppo))
    assert [int(n) for n in found.groups()] == [figures["over 1,000 days"], figures["over 1,400 days"]]
