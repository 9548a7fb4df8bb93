"""Finding districts by any of their names (geo.search)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from geo.search import SearchIndex, edit_distance, normalise_name

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def aleppo(aleppo_theatre) -> SearchIndex:
    return SearchIndex(aleppo_theatre.districts)


def first(index: SearchIndex, query: str) -> str:
    found = index.search(query)
    assert found, f"nothing found for {query!r}"
    return found[0].district_id


@pytest.mark.parametrize(
    "name, words",
    [
        ("al-‘Amiriyeh", ("amiriyeh",)),
        ("Ash-Sheikh Maqsoud", ("sheikh", "maqsoud")),
        ("al-A'ajam", ("aajam",)),
        ("Ṣalāḥ ad-Dīn", ("salah", "din")),
        ("الشيخ مقصود", ("شيخ", "مقصود")),
        ("صَلاح الدِّين", ("صلاح", "دين")),
        ("الأعظمية", ("اعظميه",)),
        ("the National Hospital", ("national", "hospital")),
        ("  ", ()),
    ],
)
def test_names_are_compared_without_case_diacritics_apostrophes_or_articles(name, words):
    assert normalise_name(name) == words


def test_edit_distance_stops_at_the_limit():
    assert edit_distance("hanano", "hanamo", limit=2) == 1
    assert edit_distance("bustanbasha", "bustnbasa", limit=2) == 2
    assert edit_distance("abraj", "jibreen", limit=2) == 3


@pytest.mark.parametrize(
    "query, district",
    [
        ("Bustan al-Basha", "bustan-al-basha"),  # the English name
        ("بستان الباشا", "bustan-al-basha"),  # the Arabic name
        ("بستان الباشا", "bustan-al-basha"),
        ("Bostan Pasha", "bustan-al-basha"),  # another spelling
        ("bustan basha", "bustan-al-basha"),  # without the article
        ("bustan al basa", "bustan-al-basha"),  # a typo
        ("Sheikh Maqsod", "ash-sheikh-maqsoud"),  # a typo, without the article
        ("الشيخ مقصود", "ash-sheikh-maqsoud"),
        ("شيخ مقصود", "ash-sheikh-maqsoud"),  # Arabic without the article
        ("Salaheddine", "salah-ad-deen"),
        ("Salah al-Din", "salah-ad-deen"),
        ("Tariq al-Bab", "al-helwaniyeh"),
        ("hanamo", "hanano"),
        ("Amiriyeh", "al-amiriyeh"),
        ("sukkari", "as-sukkari"),
        ("masaken hanano", "hanano"),
    ],
)
def test_aleppo_districts_are_found_by_any_name(aleppo, query, district):
    assert first(aleppo, query) == district


def test_exact_names_rank_before_longer_ones_and_each_district_appears_once(aleppo):
    found = aleppo.search("Hanano")
    assert [m.district_id for m in found[:2]] == ["hanano", "hanano-barrack"]
    assert found[0].kind == "exact" and found[1].kind == "prefix"
    ids = [m.district_id for m in aleppo.search("al", limit=50)]
    assert len(ids) == len(set(ids))


def test_a_partial_name_finds_the_districts_it_starts(aleppo):
    found = {m.district_id for m in aleppo.search("sheikh")}
    assert {"ash-sheikh-maqsoud", "sheikh-saeed", "sheikh-najjar"} <= found
    assert first(aleppo, "sh maq") == "ash-sheikh-maqsoud"


def test_the_match_says_which_name_matched_and_how(aleppo):
    match = aleppo.search("Bostan Pasha")[0]
    assert match.name == "Bostan Pasha" and match.kind == "exact" and match.name_en == "Bustan al-Basha"
    typo = aleppo.search("hanamo")[0]
    assert typo.kind == "typo" and typo.distance == 1


def test_nothing_matches_nonsense_or_an_empty_query(aleppo):
    assert aleppo.search("xqzvvw") == []
    assert aleppo.search("") == []
    assert aleppo.search("al-") == []


def test_short_queries_allow_no_typo():
    index = SearchIndex(
        pd.DataFrame(
            {
                "district_id": ["abc", "abd"],
                "name_en": ["Abc", "Abd"],
                "name_ar": ["", ""],
                "alt_names": ["", ""],
            }
        )
    )
    assert [m.district_id for m in index.search("abc")] == ["abc"]
    assert index.search("abx") == []
