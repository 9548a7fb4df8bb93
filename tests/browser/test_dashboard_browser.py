"""The dashboard in headless Chromium, as a person uses it."""

from __future__ import annotations

import re

import pytest

from frontlines_dev.server import ROOT, Server, click_district, map_frame
from geo import load_theatre
from synthetic import district_features, write_theatre

EVIL = "<img src=x onerror=alert(1)>"


def status_of(frame, district_id: str) -> str:
    return frame.get_attribute(f"path.district-{district_id}", "data-status")


def test_map_paints_every_district(page, aleppo_server):
    page.goto(f"{aleppo_server.url}/?date=2016-10-07")
    frame = map_frame(page)
    districts = len(load_theatre(ROOT / "data" / "aleppo").district_ids)
    assert frame.evaluate("document.querySelectorAll('path.leaflet-interactive.district').length") == districts
    assert frame.evaluate("document.querySelectorAll('path.district[data-status]').length") == districts
    fills = frame.evaluate("Array.from(document.querySelectorAll('path.district')).map(p => p.getAttribute('fill'))")
    assert len(set(fills)) >= 3 and None not in fills


def test_slider_recolours_a_district_without_changing_the_zoom(page, aleppo_server):
    page.goto(f"{aleppo_server.url}/?date=2016-10-05")
    frame = map_frame(page)
    assert status_of(frame, "bustan-al-basha") == "opposition"
    start = frame.evaluate("window.map.getZoom()")  # the first view fits the city
    frame.click(".leaflet-control-zoom-in")
    frame.wait_for_function(f"window.map.getZoom() === {start + 1}")
    frame.evaluate("window.__sameMap = true")

    page.get_by_role("slider").focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    frame.wait_for_function(
        "document.querySelector('path.district-bustan-al-basha').getAttribute('data-status') === 'contested'",
        timeout=20_000,
    )
    assert frame.evaluate("window.frontlines.date") == "2016-10-07"
    assert frame.evaluate("window.map.getZoom()") == start + 1
    assert frame.evaluate("window.__sameMap") is True
    page.wait_for_function("location.search.includes('date=2016-10-07')")


def test_clicking_a_district_opens_its_panel_and_puts_it_in_the_url(page, aleppo_server):
    page.goto(f"{aleppo_server.url}/?date=2016-11-26")
    frame = map_frame(page)
    click_district(page, frame, "hanano")
    page.get_by_role("heading", name="Hanano").wait_for(timeout=20_000)
    page.wait_for_function("location.search.includes('district=hanano')")
    assert "Masaken Hanano, the largest rebel-held district" in page.inner_text("body")
    assert page.get_by_role("link", name="seattletimes.com").count() >= 1
    frame.wait_for_function("document.querySelector('path.district-hanano').getAttribute('stroke-width') === '4'")


def test_a_share_link_reproduces_the_view(page, aleppo_server):
    page.goto(f"{aleppo_server.url}/?date=2016-10-07&district=bustan-al-basha")
    frame = map_frame(page)
    assert status_of(frame, "bustan-al-basha") == "contested"
    assert frame.get_attribute("path.district-bustan-al-basha", "stroke-width") == "4"
    page.get_by_role("heading", name="Bustan al-Basha").wait_for()
    page.locator(".st-key-history table").wait_for()  # the history arrives after the heading
    body = page.inner_text("body")
    assert "Friday 7 October 2016" in body
    assert "since 6 Oct 2016" in body
    assert "uproxx.com" in body
    share = page.locator("code").filter(has_text="date=2016-10-07").first.inner_text()
    # the address as it is, with the map's view (the page script keeps the link equal to it)
    assert re.search(r"\?date=2016-10-07&district=bustan-al-basha&map=[0-9./]+&v=[0-9a-f]{8}$", share.strip())


def test_bad_url_values_show_a_notice_not_a_traceback(page, aleppo_server):
    page.goto(f"{aleppo_server.url}/?date=2016-02-30&district=nowhere")
    map_frame(page)
    body = page.inner_text("body")
    assert "The link's date was ignored" in body
    assert "The link's district was ignored" in body
    assert "Traceback" not in body


@pytest.fixture(scope="module")
def evil_server(tmp_path_factory):
    features = district_features()
    features[0]["properties"]["name_en"] = EVIL
    folder = write_theatre(tmp_path_factory.mktemp("evil") / "theatre", features=features)
    server = Server(folder, options=("--server.enableStaticServing", "false"))  # shapes inline in the page
    yield server
    server.stop()


def test_names_from_data_are_shown_as_text_in_tooltip_and_panel(page, evil_server):
    page.goto(f"{evil_server.url}/?date=2020-03-01")
    frame = map_frame(page)
    assert not frame.evaluate("performance.getEntriesByType('resource').some(e => e.name.includes('app/static/'))")
    frame.hover("path.district-north-east")
    tooltip = frame.locator(".leaflet-tooltip")
    tooltip.wait_for()
    assert EVIL in tooltip.inner_text()
    assert tooltip.locator("img").count() == 0
    click_district(page, frame, "north-east")
    page.get_by_role("heading", name=EVIL).wait_for(timeout=20_000)
    assert page.locator("[data-testid=stMain] img[src=x]").count() == 0
    assert page.dialogs == []


def test_fast_scrubbing_ends_on_the_states_the_server_computes(page, aleppo_server):
    """The map follows the slider in the page; after a burst of key presses every
    district must show exactly what geo computes for the date it stopped on."""
    page.goto(f"{aleppo_server.url}/?date=2016-11-24")
    frame = map_frame(page)
    assert frame.evaluate("performance.getEntriesByType('resource').some(e => e.name.includes('app/static/theatres/'))")
    frame.wait_for_function("window.frontlines.following")  # the timelines arrive after the first paint
    page.get_by_role("slider").focus()
    for _ in range(5):
        page.keyboard.press("ArrowRight")
    page.wait_for_function("location.search.includes('date=2016-11-29')", timeout=20_000)
    page.wait_for_timeout(500)
    theatre = load_theatre(ROOT / "data" / "aleppo")
    expected = theatre.state_at("2016-11-29")
    shown = frame.evaluate(
        "Object.fromEntries(Array.from(document.querySelectorAll('path.district')).map("
        "p => [p.getAttribute('class').match(/district-([a-z0-9-]+)/)[1], "
        "[p.getAttribute('data-status'), p.getAttribute('data-confidence')]]))"
    )
    low = theatre.low_confidence_at("2016-11-29")
    assert shown == {
        d: [s, "low" if flag else "stated"]
        for d, s, flag in zip(expected["district_id"], expected["status"], low, strict=True)
    }
    assert "low" in {c for _, c in shown.values()} and "stated" in {c for _, c in shown.values()}
    # low confidence is drawn paler than a stated status
    assert frame.get_attribute("path.district-ibn-yaaqoub", "fill-opacity") == "0.3"
    assert frame.get_attribute("path.district-hanano", "fill-opacity") == "0.62"
    assert frame.evaluate("window.frontlines.date") == "2016-11-29"
    # the map followed the slider in the page, not only through reruns
    assert frame.evaluate("window.frontlines.followedSlider") >= 1


def test_panel_shows_source_ratings_and_disagreements(page, aleppo_server):
    page.goto(f"{aleppo_server.url}/?date=2016-12-10&district=dahret-awwad")
    page.get_by_role("heading", name="Dahret ‘Awwad").wait_for(timeout=20_000)
    page.get_by_role("heading", name="Control history").wait_for()
    page.locator(".st-key-history table").wait_for()  # the history arrives after the heading
    body = page.inner_text("body")
    assert "newarab.com (regional or local outlet; none known; written by AFP)" in body
    assert "Sources disagree: another report gives 4 Dec 2016; disputed by en.wikipedia.org" in body
    assert page.get_by_role("link", name="en.wikipedia.org").count() >= 2


def folium_frame(page, *, timeout_ms: float = 30_000):
    """streamlit-folium's iframe once its script has run, whether or not the map library has arrived."""
    deadline = page.evaluate("performance.now()") + timeout_ms
    while page.evaluate("performance.now()") < deadline:
        for frame in page.frames:
            if "st_folium" in frame.url and not frame.is_detached() and frame.evaluate("!!window.FrontlinesLoader"):
                return frame
        page.wait_for_timeout(100)
    raise AssertionError("the map's iframe never appeared")


def test_reruns_before_the_map_library_arrives_are_applied_once_it_has(page, aleppo_server):
    held = []
    page.route("**/app/static/map/*.js", lambda route: held.append(route))  # held back until released below
    page.goto(f"{aleppo_server.url}/?date=2016-10-05")
    frame = folium_frame(page)
    page.get_by_role("slider").focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    page.wait_for_function("location.search.includes('date=2016-10-07')", timeout=20_000)  # the reruns ran
    page.wait_for_timeout(500)  # and their status scripts reached the map
    assert len(held) == 1 and frame.evaluate("FrontlinesLoader.state") == "loading"
    assert frame.evaluate("window.frontlines === undefined")
    held[0].continue_()
    frame.wait_for_function("window.frontlines && window.frontlines.date === '2016-10-07'", timeout=20_000)
    assert status_of(frame, "bustan-al-basha") == "contested"
    assert frame.evaluate("FrontlinesLoader.state") == "started"
    assert frame.evaluate("getComputedStyle(document.body).overflow") == "hidden"  # map.css came with it


def test_a_map_library_that_cannot_be_loaded_is_named_on_the_map(page, aleppo_server):
    page.route("**/app/static/map/*.js", lambda route: route.fulfill(status=404, body="gone"))
    page.goto(f"{aleppo_server.url}/?date=2016-10-05")
    frame = folium_frame(page)
    alert = frame.get_by_role("alert")
    alert.wait_for(timeout=20_000)
    assert "could not be loaded" in alert.inner_text() and "app/static/map/" in alert.inner_text()
    assert frame.evaluate("FrontlinesLoader.state") == "failed"
    assert "Traceback" not in page.inner_text("body")
    # the page does not wait for a map that will never draw: the charts come without any action
    page.locator("[data-testid=stVegaLiteChart]").nth(1).wait_for(timeout=20_000)


# When the page's first chart appeared, in the top page's clock.
FIRST_CHART = """
if (window === window.top) {
  new MutationObserver((_, observer) => {
    if (document.querySelector("[data-testid=stVegaLiteChart]")) {
      window.__firstChart = performance.timeOrigin + performance.now();
      observer.disconnect();
    }
  }).observe(document, {subtree: true, childList: true});
}
"""


def test_the_charts_come_after_the_maps_first_drawing(page, aleppo_server):
    page.context.add_init_script(FIRST_CHART)
    page.goto(f"{aleppo_server.url}/?date=2016-10-07")
    frame = map_frame(page)
    page.locator("[data-testid=stVegaLiteChart]").nth(1).wait_for(timeout=20_000)
    drawn = frame.evaluate(
        "performance.timeOrigin + performance.getEntriesByName('frontlines-shapes-drawn')[0].startTime"
    )
    assert page.evaluate("window.__firstChart") > drawn
    assert status_of(frame, "bustan-al-basha") == "contested"


# Every document streamlit-folium's iframe loads, counted in the top page (a re-created or
# reloaded iframe draws the map again: a slower first paint and a lost view).
COUNT_MAP_DOCUMENTS = """
if (window === window.top) {
  window.__mapDocuments = 0;
  document.addEventListener("load", (event) => {
    if (event.target.nodeName === "IFRAME" && event.target.src.includes("st_folium")) window.__mapDocuments++;
  }, true);
}
"""


def test_the_map_is_created_once_per_visit(page, aleppo_server):
    page.context.add_init_script(COUNT_MAP_DOCUMENTS)
    page.goto(f"{aleppo_server.url}/?date=2016-10-05&district=bustan-al-basha")
    frame = map_frame(page)
    frame.wait_for_function("window.frontlines.following")
    page.wait_for_timeout(1500)  # any rerun of the first visit has happened
    page.get_by_role("slider").focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function("location.search.includes('date=2016-10-06')", timeout=20_000)
    click_district(page, frame, "hanano")
    page.get_by_role("heading", name="Hanano").wait_for(timeout=20_000)
    page.wait_for_timeout(1000)
    assert page.evaluate("window.__mapDocuments") == 1
    assert frame.evaluate("window.frontlines.date") == "2016-10-06"
