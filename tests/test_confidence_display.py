"""Computed confidence, origins and one-report groups as the panel and the Data-quality view show
them, and the low-support spans they list (geo/quality.py), on the tiny four-square theatre."""

from __future__ import annotations

import pandas as pd
from test_audit import NAMED_BASE, NAMED_SOURCES, named, theatre

from components.district_panel import history_table
from components.quality_view import quality_texts
from geo import load_theatre
from geo.quality import low_support_days, low_support_figures


def loaded(tmp_path, rows):
    return load_theatre(theatre(tmp_path, rows, sources=NAMED_SOURCES, base=NAMED_BASE))


def test_the_history_shows_the_computed_confidence_origins_and_one_report(tmp_path):
    rows = [named("2020-05-01", "south-east", "afp-a afp-b reuters wiki", "afp-a afp-b reuters", "high")]
    aleppo = loaded(tmp_path, rows)
    table = history_table(aleppo.history("south-east"), lang="en", cite=aleppo.citations)
    row = table.splitlines()[-1]
    assert "high confidence \\(computed: 2 independent reports name the district" in row
    assert "one report: Paper A \\(AFP\\) = Paper B \\(AFP\\)" in row  # the two copies of one wire
    assert "written by AFP" in row


def test_the_history_says_when_a_report_names_only_a_wider_area(tmp_path):
    rows = [named("2020-05-01", "south-east", "reuters afp-a", "reuters", "medium")]
    aleppo = loaded(tmp_path, rows)
    row = history_table(aleppo.history("south-east"), lang="en", cite=aleppo.citations).splitlines()[-1]
    assert "computed: 1 report names the district" in row
    assert row.count("names only a wider area") == 1  # afp-a, not reuters


def test_the_history_of_an_inferred_or_unnamed_change(tmp_path):
    rows = [
        named("2020-05-01", "south-east", "reuters", "reuters", "low", note="Inferred from location"),
        named("2020-05-01", "south-west", "wiki", "", "low"),
    ]
    aleppo = loaded(tmp_path, rows)
    assert "computed: the change is inferred" in history_table(
        aleppo.history("south-east"), lang="en", cite=aleppo.citations
    )
    arabic = history_table(aleppo.history("south-west"), lang="ar", cite=aleppo.citations)
    assert "محسوبة: لا يذكر أيّ تقرير مستشهَد به الحيَّ نفسه" in arabic


def test_low_support_days_count_each_district_and_its_longest_run(tmp_path):
    rows = [
        named("2020-05-01", "south-east", "wiki", "", "low"),  # low from 1 May to the end (245 days)
        named("2020-07-01", "north-east", "wiki", "", "low"),  # after the base change of 1 March
        named("2020-08-01", "north-east", "reuters", "reuters", "medium"),
    ]
    table = low_support_days(loaded(tmp_path, rows)).set_index("district_id")
    assert table.loc["south-east", ["days", "longest", "longest_from", "longest_to"]].tolist() == [
        245,
        245,
        "2020-05-01",
        "2020-12-31",
    ]
    assert table.loc["north-east", ["days", "longest_to"]].tolist() == [31, "2020-07-31"]
    assert table.loc["north-west", "days"] == 0 and table.loc["north-west", "longest_from"] == ""
    assert table.index[0] == "south-east"  # longest first
    assert low_support_figures(pd.DataFrame({"days": [1_401, 1_001, 1_000]})) == {
        "over 1,000 days": 2,
        "over 1,400 days": 1,
    }


def test_a_weaker_repeat_does_not_undo_an_earlier_naming_report(tmp_path):
    rows = [
        named("2020-05-01", "south-east", "reuters", "reuters", "medium"),
        named("2020-06-01", "south-east", "wiki", "", "low"),  # repeats government: still supported
        named("2020-05-01", "south-west", "wiki", "", "low"),
        named("2020-06-01", "south-west", "reuters", "reuters", "medium"),  # supported from here on
    ]
    table = low_support_days(loaded(tmp_path, rows)).set_index("district_id")
    assert table.loc["south-east", "days"] == 0
    assert table.loc["south-west", ["days", "longest_to"]].tolist() == [31, "2020-05-31"]


def test_the_quality_view_lists_the_longest_low_support_districts(tmp_path):
    rows = [named("2020-05-01", "south-east", "wiki", "", "low")]
    aleppo = loaded(tmp_path, rows)
    texts = quality_texts(
        changes_per_month=pd.Series([1], index=["2020-05"]),
        sourcing={},
        confidence={},
        uncertainties=[],
        sources_count=1,
        changes_count=1,
        districts_count=4,
        warnings=[],
        lang="en",
        low_support=low_support_days(aleppo),
    )
    rest = texts[3]
    assert "**Districts longest on low-confidence or inferred support**" in rest
    assert "Over 1,000 days: 0; over 1,400 days: 0." in rest
    assert "| South East | 245 | 1 May 2020 – 31 Dec 2020 |" in rest
    assert "North West" not in rest  # no low-support day
