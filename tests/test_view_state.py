"""The session's view: what a link opens, what survives data changed under it, and the selection."""

from __future__ import annotations

import dataclasses
import datetime as dt

from components.view_state import ViewState, keep_valid, opened_view, stale_notice
from geo import load_theatre
from synthetic import META, write_theatre

START, END = dt.date(2020, 1, 1), dt.date(2020, 12, 31)


def test_a_link_without_a_date_opens_on_the_last_day(testville):
    view = opened_view(testville, date=None, district=None, embed=False, link_version=None, notices=[], lang="en")
    assert view.initial_date == END and view.date_range == (START, END)
    assert view.district is None and view.embed is False and view.notices == []


def test_a_link_without_a_date_opens_on_the_theatres_opening_date(tmp_path):
    theatre = load_theatre(write_theatre(tmp_path / "t", meta=dict(META, opening_date="2020-03-02")))
    view = opened_view(theatre, date=None, district=None, embed=False, link_version=None, notices=[], lang="en")
    assert view.initial_date == dt.date(2020, 3, 2) and view.date_range == (START, END)
    dated = opened_view(theatre, date=START, district=None, embed=False, link_version=None, notices=[], lang="en")
    assert dated.initial_date == START


def test_a_link_opens_its_date_district_and_mode_with_its_notices(testville):
    view = opened_view(
        testville,
        date=dt.date(2020, 3, 5),
        district="north-east",
        embed=True,
        link_version=testville.version,
        notices=["date ignored"],
        lang="en",
    )
    assert (view.initial_date, view.district, view.embed, view.notices) == (
        dt.date(2020, 3, 5),
        "north-east",
        True,
        ["date ignored"],
    )


def test_a_stale_link_says_so_first(testville):
    view = opened_view(
        testville, date=None, district=None, embed=False, link_version="0000dead", notices=["x"], lang="en"
    )
    assert view.notices[0].startswith("This link was made with data version 0000dead")
    assert testville.version in view.notices[0] and view.notices[1] == "x"


def test_a_stale_notice_without_the_old_release_names_no_district_counts(testville):
    line = stale_notice(testville, "0000dead", "north-east", "ar")
    assert "0000dead" in line and testville.version in line


def test_a_district_the_data_no_longer_has_is_dropped_with_a_notice(testville):
    view = ViewState(district="gone-away", initial_date=END, embed=False, date_range=(START, END))
    assert keep_valid(view, testville, shown=END, lang="en") is None
    assert view.district is None
    assert view.notices == [
        "The district's panel was closed, as the data does not have it: district_id 'gone-away' matches no district."
    ]


def test_a_date_outside_a_reloaded_range_is_carried_inside_with_a_notice(testville):
    view = ViewState(district=None, initial_date=END, embed=False, date_range=(START, dt.date(2021, 6, 30)))
    kept = keep_valid(view, testville, shown=dt.date(2021, 3, 1), lang="en")
    assert kept == END and view.date_range == (START, END)
    assert "2021-03-01 is outside the reloaded data's range" in view.notices[0]


def test_a_changed_range_that_still_holds_the_date_carries_it_without_a_notice(testville):
    view = ViewState(district=None, initial_date=END, embed=False, date_range=(START, dt.date(2021, 6, 30)))
    assert keep_valid(view, testville, shown=dt.date(2020, 5, 1), lang="en") == dt.date(2020, 5, 1)
    assert view.notices == []


def test_selecting_from_the_map_reveals_the_panel_and_from_the_list_moves_the_focus_too():
    view = ViewState(district=None, initial_date=END, embed=False, date_range=(START, END))
    view.select("north-east", reveal=True)
    assert view.reveal == {"district": "north-east", "focus": False}
    view.select("south-west", reveal=True, focus_panel=True)
    assert (view.district, view.reveal) == ("south-west", {"district": "south-west", "focus": True})
    view.select(None)
    assert view.district is None


def test_centring_on_a_district_gives_a_new_token_each_time():
    view = ViewState(district=None, initial_date=END, embed=False, date_range=(START, END))
    view.centre_on("north-east")
    view.centre_on("north-east")
    assert view.focus == ("north-east", 2) and view.district == "north-east"


def test_the_view_state_is_a_plain_dataclass():
    assert {f.name for f in dataclasses.fields(ViewState)} == {
        "district",
        "initial_date",
        "embed",
        "date_range",
        "notices",
        "focus",
        "reveal",
        "shown",
        "history_rows",
    }


def test_choosing_another_district_starts_its_history_at_the_first_page():
    from components.view_state import HISTORY_PAGE

    view = ViewState(district="north-east", initial_date=END, embed=False, date_range=(START, END))
    view.show_more_history()
    assert view.history_rows == 2 * HISTORY_PAGE
    view.select("north-east")
    assert view.history_rows == 2 * HISTORY_PAGE  # the same district keeps its page
    view.centre_on("south-west")
    assert view.history_rows == HISTORY_PAGE
