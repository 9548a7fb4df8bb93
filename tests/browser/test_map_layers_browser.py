"""The front line, names, legend, first view and evidence layers, in headless Chromium."""

from __future__ import annotations

import pytest

from frontlines_dev.assets import offline_context
from frontlines_dev.server import ROOT, map_frame
from geo import load_theatre
from geo.dates import day_number
from mapui.i18n import t

FRONTLINE_READY = "window.frontlines.frontline && window.frontlines.frontline.ready"


@pytest.fixture(scope="module")
def aleppo():
    return load_theatre(ROOT / "data" / "aleppo")


def frontline_count(frame) -> int:
    return frame.evaluate("document.querySelectorAll('path.frontline').length")


def test_the_front_line_is_drawn_where_sides_meet_and_follows_the_slider(page, aleppo_server, aleppo):
    page.goto(f"{aleppo_server.url}/?date=2016-10-07")
    frame = map_frame(page)
    frame.wait_for_function(FRONTLINE_READY)
    frame.wait_for_function(
        f"document.querySelectorAll('path.frontline').length === {aleppo.front_line_at('2016-10-07').sum()}"
    )
    assert frame.evaluate("document.querySelectorAll('path.frontline.frontline-bustan-al-basha').length") >= 1
    assert frame.evaluate("window.frontlines.frontline.shown") == frontline_count(frame)

    # a scrub over a day the front moves (Sukkari back with the government on 22 December)
    page.goto(f"{aleppo_server.url}/?date=2016-12-21")
    frame = map_frame(page)
    frame.wait_for_function(FRONTLINE_READY + " && window.frontlines.following")
    before, after = (int(aleppo.front_line_at(d).sum()) for d in ("2016-12-21", "2016-12-22"))
    assert before != after
    frame.wait_for_function(f"document.querySelectorAll('path.frontline').length === {before}")
    frame.evaluate("window.__sameMap = true")
    page.get_by_role("slider").focus()
    page.keyboard.press("ArrowRight")
    frame.wait_for_function(f"document.querySelectorAll('path.frontline').length === {after}", timeout=20_000)
    assert frame.evaluate("window.__sameMap") is True
    assert frame.evaluate("window.frontlines.date") == "2016-12-22"


def test_no_front_line_before_the_rebel_advance(page, aleppo_server):
    page.goto(f"{aleppo_server.url}/?date=2012-07-02")
    frame = map_frame(page)
    frame.wait_for_function(FRONTLINE_READY + " && window.frontlines.date === '2012-07-02'")
    page.wait_for_timeout(300)
    assert frontline_count(frame) == 0


def test_names_show_at_zoom_15_and_the_selected_district_is_always_named(page, aleppo_server, aleppo):
    page.goto(f"{aleppo_server.url}/?date=2016-10-07&district=bustan-al-basha")
    frame = map_frame(page)
    frame.wait_for_function("document.querySelector('.district-label-bustan-al-basha') !== null")
    assert frame.inner_text(".district-label-bustan-al-basha") == "Bustan al-Basha"
    centre = aleppo.districts.set_index("district_id").loc[
        "al-jdeydeh" if "al-jdeydeh" in aleppo.district_ids else "hanano"
    ]
    point = centre.geometry.representative_point()
    frame.evaluate(f"window.map.setView([{point.y}, {point.x}], 15, {{animate: false}})")
    frame.wait_for_function("document.querySelectorAll('.district-label').length >= 5")
    names = frame.evaluate("Array.from(document.querySelectorAll('.district-label')).map(e => e.textContent)")
    known = set(aleppo.districts["name_en"])
    assert len(names) >= 5 and set(names) <= known
    assert frame.evaluate("window.frontlines.labels.shown") == len(names)


def test_first_view_at_1440_by_900_shows_the_legend_and_every_district(browser, aleppo_server, aleppo):
    context = offline_context(browser, viewport={"width": 1440, "height": 900})
    try:
        page = context.new_page()
        page.goto(f"{aleppo_server.url}/?date=2016-10-07")
        frame = map_frame(page)
        frame.wait_for_function("document.querySelectorAll('path.district').length > 0")
        page.wait_for_timeout(500)
        offset = frame.frame_element().bounding_box()
        boxes = frame.evaluate(
            "Array.from(document.querySelectorAll('path.district, .frontlines-legend-control')).map(e => {"
            "const r = e.getBoundingClientRect(); return [e.getAttribute('class'), r.left, r.top, r.right, r.bottom]; })"
        )
        assert len(boxes) == len(aleppo.district_ids) + 1
        for name, left, top, right, bottom in boxes:
            assert offset["x"] + left >= 0 and offset["y"] + top >= 0, name
            assert offset["x"] + right <= 1440 and offset["y"] + bottom <= 900, name
        assert frame.locator(".frontlines-legend").get_attribute("open") is not None  # unfolded on a wide map
        assert "Front line" in frame.inner_text(".frontlines-legend")
        assert frame.evaluate("document.querySelectorAll('path.district-approximate').length") == 1
        # zoomed in, the fit-city button brings the whole city back
        first = frame.evaluate("window.map.getZoom()")
        frame.evaluate("window.map.setZoom(16, {animate: false})")
        frame.click(".frontlines-fit-city")
        frame.wait_for_function(f"window.map.getZoom() === {first}")
    finally:
        context.close()


def toggle(frame, layer_id: str) -> None:
    frame.click(f"input.evidence-toggle[data-layer='{layer_id}']")


def test_each_evidence_layer_toggles_shows_a_known_count_and_scrubbing_still_works(page, aleppo_server, aleppo):
    layers = {layer.id: layer for layer in aleppo.layers}
    page.goto(f"{aleppo_server.url}/?date=2014-02-19")
    frame = map_frame(page)
    frame.wait_for_function(FRONTLINE_READY + " && window.frontlines.following")
    changes = []
    frame.evaluate(
        "window.frontlines.on('layers', ids => (window.__layerChanges = window.__layerChanges || []).push(ids))"
    )
    frame.evaluate("window.__sameMap = true")

    hrw = layers["hrw-damage-sites"].points
    seen = int((hrw["day"] <= day_number(aleppo.require_date("2014-02-19"))).sum())
    toggle(frame, "hrw-damage-sites")
    frame.wait_for_function(f"document.querySelectorAll('path.evidence-hrw-damage-sites').length === {seen}")
    assert frame.get_attribute(".evidence-count[data-layer='hrw-damage-sites']", "data-count") == str(seen)
    assert frame.evaluate("window.frontlines.layers()") == ["hrw-damage-sites"]

    toggle(frame, "unosat-damage-2015")
    districts_with_damage = int(
        (layers["unosat-damage-2015"].points.groupby("district").size().drop(-1, errors="ignore") > 0).sum()
    )
    frame.wait_for_function(
        f"document.querySelectorAll('path.evidence-unosat-damage-2015').length === {districts_with_damage}"
    )

    toggle(frame, "cultural-sites")
    frame.wait_for_function("document.querySelectorAll('path.evidence-cultural-sites').length === 210")
    assert frame.evaluate("window.frontlines.layers()") == ["hrw-damage-sites", "unosat-damage-2015", "cultural-sites"]
    assert "Human Rights Watch" in frame.inner_text(".leaflet-control-attribution")
    changes = frame.evaluate("window.__layerChanges")
    assert changes[-1] == ["hrw-damage-sites", "unosat-damage-2015", "cultural-sites"] and len(changes) == 3

    # with every layer on, a scrub crosses the image of 20 February 2014: more sites appear
    later = int((hrw["day"] <= day_number(aleppo.require_date("2014-02-20"))).sum())
    assert later > seen
    page.get_by_role("slider").focus()
    page.keyboard.press("ArrowRight")
    frame.wait_for_function(
        f"document.querySelectorAll('path.evidence-hrw-damage-sites').length === {later}", timeout=20_000
    )
    assert frame.evaluate("window.frontlines.date") == "2014-02-20"
    assert frame.evaluate("window.__sameMap") is True

    # switching off removes the layer, through the page's own function too
    toggle(frame, "cultural-sites")
    frame.wait_for_function("document.querySelectorAll('path.evidence-cultural-sites').length === 0")
    frame.evaluate("window.frontlines.setLayers([])")
    frame.wait_for_function("document.querySelectorAll('path.evidence').length === 0")
    assert frame.evaluate("window.frontlines.layers()") == []
    assert "Human Rights Watch" not in frame.inner_text(".leaflet-control-attribution")


def test_the_map_reads_right_to_left_in_arabic(page, aleppo_server):
    page.goto(f"{aleppo_server.url}/?date=2016-10-07&district=bustan-al-basha&lang=ar")
    frame = map_frame(page)
    frame.wait_for_function("document.querySelector('.district-label-bustan-al-basha') !== null")
    label = frame.locator(".district-label-bustan-al-basha span")
    assert label.inner_text() == "بستان الباشا" and label.get_attribute("dir") == "rtl"
    legend = frame.locator(".frontlines-legend")
    frame.evaluate("document.querySelector('.frontlines-legend').open = true")
    assert legend.get_attribute("dir") == "rtl"
    text = legend.inner_text()
    assert t("map_legend.frontline", "ar") in text and t("status.contested", "ar") in text
    assert "Front line" not in text
    row = frame.locator(".legend-frontline")
    swatch, words = row.locator(".legend-swatch").bounding_box(), row.locator("span").bounding_box()
    assert swatch["x"] > words["x"]  # the swatch leads on the right
    assert frame.get_attribute(".frontlines-fit-city", "aria-label") == t("map_legend.fitCity", "ar")

    frame.click("input.evidence-toggle[data-layer='hrw-damage-sites']")
    frame.wait_for_function(
        "document.querySelector(\".evidence-count[data-layer='hrw-damage-sites']\").dataset.count !== ''"
    )
    count = frame.inner_text(".evidence-count[data-layer='hrw-damage-sites']")
    assert count.startswith("المعروض: ") and "2016-10-07" in count
    title = frame.locator(".evidence-entry-hrw-damage-sites label span")
    assert title.get_attribute("lang") == "en"  # the layer's title is data, in English


def test_the_front_line_names_and_legend_keep_the_maps_keyboard_order(page, aleppo_server):
    page.goto(f"{aleppo_server.url}/?date=2016-10-07&district=bustan-al-basha")
    frame = map_frame(page)
    frame.wait_for_function(FRONTLINE_READY + " && document.querySelectorAll('path.frontline').length > 0")
    frame.wait_for_function("document.querySelector('.district-label') !== null")
    order = frame.evaluate(
        """() => ({
            districts: document.querySelectorAll('path.district[tabindex="0"]').length,
            frontline: document.querySelectorAll('path.frontline[tabindex], .frontline[role]').length,
            labels: document.querySelectorAll('.district-label[tabindex], .district-label [tabindex]').length,
        })"""
    )
    assert order == {"districts": 1, "frontline": 0, "labels": 0}  # one stop for the districts, no more
    # Tab from the district goes on to the map's controls, never to a front-line segment or a name
    frame.focus("path.district[tabindex='0']")
    stops = []
    for _ in range(6):
        page.keyboard.press("Tab")
        stops.append(frame.evaluate("document.hasFocus() ? (document.activeElement.getAttribute('class') || '') : ''"))
    classes = {name for stop in stops for name in stop.split()}
    assert not classes & {"frontline", "district", "district-label"}, stops
    assert any("frontlines-fit-city" in stop for stop in stops), stops
    # the fit-city button works from the keyboard
    first = frame.evaluate("window.map.getZoom()")
    frame.evaluate("window.map.setZoom(16, {animate: false})")
    frame.focus(".frontlines-fit-city")
    page.keyboard.press("Enter")
    frame.wait_for_function(f"window.map.getZoom() === {first}")
