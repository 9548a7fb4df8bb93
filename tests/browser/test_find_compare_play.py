"""Find, compare, play and the clickable timeline, in headless Chromium (issue 11)."""

from __future__ import annotations

import datetime as dt
import re

from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from frontlines_dev.server import ROOT, click_district, map_frame
from geo import load_theatre
from geo.compare import compare_dates
from mapui.i18n import date_text


def changed_ids(frame) -> set[str]:
    return set(
        frame.evaluate(
            "Array.from(document.querySelectorAll('path.district.changed')).map("
            "p => p.getAttribute('class').match(/district-([a-z0-9-]+)/)[1])"
        )
    )


def search(page, text: str) -> None:
    """Type in the search box and press Enter, with the keyboard only."""
    box = page.get_by_role("textbox", name="Search districts")
    box.focus()
    page.keyboard.type(text)
    page.keyboard.press("Enter")


def test_search_by_arabic_name_and_by_a_misspelling_opens_the_panel(page, aleppo_server):
    page.goto(f"{aleppo_server.url}/?date=2016-10-07")
    frame = map_frame(page)
    search(page, "الشيخ مقصود")
    page.get_by_role("heading", name="ash-Sheikh Maqsoud").wait_for(timeout=20_000)
    page.wait_for_function("location.search.includes('district=ash-sheikh-maqsoud')")
    frame.wait_for_function(
        "document.querySelector('path.district-ash-sheikh-maqsoud').getAttribute('stroke-width') === '4'"
    )
    box = page.get_by_role("textbox", name="Search districts")
    box.focus()
    page.keyboard.press("Control+A")
    page.keyboard.type("Bustan al Basa")
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="Bustan al-Basha").wait_for(timeout=20_000)
    page.wait_for_function("location.search.includes('district=bustan-al-basha')")
    # the map is centred on the district found
    frame.wait_for_function(
        """(() => { const b = document.querySelector('path.district-bustan-al-basha').getBoundingClientRect();
                    const x = b.left + b.width / 2, y = b.top + b.height / 2;
                    return Math.abs(x - innerWidth / 2) < 80 && Math.abs(y - innerHeight / 2) < 80; })()""",
        timeout=20_000,
    )


def test_a_compare_link_marks_and_lists_the_districts_that_changed(page, aleppo_server):
    page.goto(f"{aleppo_server.url}/?from=2016-11-15&date=2016-12-15")
    frame = map_frame(page)
    expected = compare_dates(load_theatre(ROOT / "data" / "aleppo"), "2016-11-15", "2016-12-15").changed
    frame.wait_for_function(f"window.frontlines.changed === {len(expected)}")
    assert changed_ids(frame) == set(expected["district_id"])
    assert frame.get_attribute("path.district-hanano", "data-changed") == "true"
    assert frame.get_attribute("path.district-new-aleppo", "data-changed") == "false"
    page.get_by_role("heading", name="What changed from 15 November 2016 to 15 December 2016").wait_for()
    body = page.inner_text("body")
    assert f"{len(expected)} districts" in body
    assert re.search(r"Government gained \d+ districts", body)
    assert "Blue outline: status differs from 15 Nov 2016" in body
    assert page.get_by_role("button", name="Download the changes (CSV)").count() == 1
    share = page.locator("code").filter(has_text="from=2016-11-15").first.inner_text()
    # the panel's link is the address, the map's view included (as Copy link)
    assert re.search(r"\?from=2016-11-15&date=2016-12-15&map=[0-9./]+&v=[0-9a-f]{8}$", share.strip())
    # the marks follow the "to" date when the slider moves in the page
    frame.wait_for_function("window.frontlines.following")
    page.get_by_role("button", name="◀ Previous change").click()
    page.wait_for_function("!location.search.includes('date=2016-12-15')", timeout=20_000)
    date = re.search(r"date=([0-9-]+)", page.evaluate("location.search")).group(1)
    again = compare_dates(load_theatre(ROOT / "data" / "aleppo"), "2016-11-15", date).changed
    frame.wait_for_function(f"window.frontlines.changed === {len(again)}", timeout=20_000)
    assert changed_ids(frame) == set(again["district_id"])


def test_play_advances_the_date_and_the_map_then_pause_stops_it_and_the_server_catches_up(page, aleppo_server):
    page.goto(f"{aleppo_server.url}/?date=2016-11-20")
    frame = map_frame(page)
    frame.wait_for_function("window.frontlines.following")
    before = frame.get_attribute("path.district-hanano", "data-status")
    play = frame.get_by_role("button", name="Play")
    assert play.get_attribute("aria-pressed") == "false"
    play.focus()
    frame.page.keyboard.press("Enter")
    frame.wait_for_function("window.frontlines.date > '2016-11-27'", timeout=10_000)
    assert play.get_attribute("aria-pressed") == "true"
    assert frame.get_attribute("path.district-hanano", "data-status") != before  # retaken on 26 November
    frame.page.keyboard.press("Enter")  # the focus is still on the button: pause
    assert play.get_attribute("aria-pressed") == "false"
    stopped = frame.evaluate("window.frontlines.date")
    page.wait_for_timeout(600)
    assert frame.evaluate("window.frontlines.date") == stopped
    assert frame.evaluate("window.frontlines.playback.playing") is False
    page.wait_for_function(f"location.search.includes('date={stopped}')", timeout=20_000)
    page.get_by_text(date_text(dt.date.fromisoformat(stopped), "en", "weekday")).first.wait_for()  # the slider's label
    assert frame.evaluate("window.frontlines.date") == stopped


def test_clicking_the_strip_an_event_and_the_events_list_jumps_to_the_date(page, aleppo_server):
    page.goto(f"{aleppo_server.url}/?date=2016-10-07")
    map_frame(page)
    strip = page.locator("[data-testid=stVegaLiteChart]").first
    strip.scroll_into_view_if_needed()
    strip.locator('path[aria-roledescription="rect mark"][aria-label*="month: March 2014"]').click()
    page.wait_for_function("location.search.includes('date=2014-03-01')", timeout=20_000)
    strip.locator("g.mark-symbol.role-mark path").first.click()  # the first event
    page.wait_for_function("location.search.includes('date=2012-07-22')", timeout=20_000)
    assert "22 Jul 2012: Rebels announce the battle for Aleppo" in page.inner_text("body")  # readable without hover
    for day, label in (("2012-07-31", "31 Jul 2012"), ("2012-07-22", "22 Jul 2012"), ("2012-07-31", "31 Jul 2012")):
        choose_event_date(page, f"Go to {label}")  # and back: each choice is new
        page.wait_for_function(f"location.search.includes('date={day}')", timeout=20_000)


def choose_event_date(page, option: str) -> None:
    """Pick ``option`` in the events list's choice of dates (opened again if a rerun closed it)."""
    for _ in range(5):
        page.get_by_role("combobox", name="Go to an event's date").click()
        try:
            page.get_by_role("option", name=option).click(timeout=3000)
            return
        except PlaywrightTimeoutError:
            page.keyboard.press("Escape")
    raise AssertionError(f"no {option!r} among the events' dates")


def test_the_control_chart_jumps_to_the_day_clicked(page, aleppo_server):
    page.goto(f"{aleppo_server.url}/?date=2016-10-07")
    map_frame(page)
    chart = page.locator("[data-testid=stVegaLiteChart]").nth(1)
    chart.scroll_into_view_if_needed()
    chart.locator('path[aria-roledescription="rect mark"][aria-label*="go to: 2013-07-02"]').click()
    page.wait_for_function("location.search.includes('date=2013-07-02')", timeout=20_000)


def test_a_district_opens_again_when_clicked_after_its_panel_was_closed(page, aleppo_server):
    page.goto(f"{aleppo_server.url}/?date=2016-11-26")
    frame = map_frame(page)
    click_district(page, frame, "hanano")
    page.get_by_role("heading", name="Hanano").wait_for(timeout=20_000)
    page.get_by_role("button", name="Close details").click()
    page.get_by_role("heading", name="Hanano").wait_for(state="detached", timeout=20_000)
    click_district(page, frame, "hanano")
    page.get_by_role("heading", name="Hanano").wait_for(timeout=20_000)


def test_the_date_box_moves_the_slider_and_follows_it(page, aleppo_server):
    page.goto(f"{aleppo_server.url}/?date=2016-10-07")
    map_frame(page)
    page.locator(
        ".st-key-date-box-2016-10-07 [role=spinbutton]"
    ).first.focus()  # the year; typing moves on to month, day
    page.keyboard.type("20140509")
    page.keyboard.press("Tab")  # to the calendar button
    page.keyboard.press("Tab")  # out of the box: the date is committed
    page.wait_for_function("location.search.includes('date=2014-05-09')", timeout=20_000)
    assert "Friday 9 May 2014" in page.inner_text("body")
    page.get_by_role("slider").focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function("location.search.includes('date=2014-05-10')", timeout=20_000)
    page.wait_for_function(
        "Array.from(document.querySelectorAll('.st-key-date-box-2014-05-10 [role=spinbutton]')).map(e => e.textContent).join('-')"
        " === '2014-05-10'",
        timeout=20_000,
    )


def test_enter_in_the_date_box_applies_the_day_typed(page, aleppo_server):
    page.goto(f"{aleppo_server.url}/?date=2016-10-07")
    map_frame(page)
    page.locator(".st-key-date-box-2016-10-07 [role=spinbutton]").first.focus()
    page.keyboard.type("20130402")
    page.keyboard.press("Enter")  # the focus stays in the box until Enter
    page.wait_for_function("location.search.includes('date=2013-04-02')", timeout=20_000)
    assert "Tuesday 2 April 2013" in page.inner_text("body")


def test_a_district_found_by_search_stays_in_the_address_and_the_copied_link(page, aleppo_server):
    page.goto(f"{aleppo_server.url}/")  # no date: the opening day
    frame = map_frame(page)
    click_district(page, frame, "hanano")  # a selection on the map first
    page.get_by_role("heading", name="Hanano").wait_for(timeout=20_000)
    search(page, "Bustan al Basa")
    page.get_by_role("heading", name="Bustan al-Basha").wait_for(timeout=20_000)
    page.wait_for_function("location.search.includes('district=bustan-al-basha')", timeout=20_000)
    # the map centres on it (rewriting map= in place): the district stays
    frame.wait_for_function("map.getZoom() >= 14", timeout=20_000)
    page.wait_for_function("/map=1[4-9]/.test(location.search)", timeout=20_000)
    assert "district=bustan-al-basha" in page.evaluate("location.search")
    frame.click(".frontlines-copy-link")
    assert "district=bustan-al-basha" in frame.input_value(".frontlines-share-text")
    assert "district=bustan-al-basha" in page.inner_text(".st-key-share-link code")
