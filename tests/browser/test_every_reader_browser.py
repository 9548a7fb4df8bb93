"""Phones, keyboards, screen readers and Arabic, in headless Chromium (issue 12)."""

from __future__ import annotations

import io
import itertools

import pytest

from frontlines_dev.assets import axe_source, offline_context
from frontlines_dev.server import ROOT, map_frame
from geo import load_theatre
from mapui.i18n import t
from mapui.palette import STATUS_STYLES

MAIN = "[data-testid=stMain]"


def main_scroll(page) -> float:
    return page.evaluate(f"document.querySelector('{MAIN}').scrollTop")


def visible_point(frame, district_id: str) -> dict:
    """A point of the district's path that is on screen, in page coordinates."""
    point = frame.locator(f"path.district-{district_id}").evaluate("""(el) => {
        const box = el.getBoundingClientRect();
        for (let i = 1; i < 10; i++) for (let j = 1; j < 10; j++) {
          const x = box.left + box.width * j / 10, y = box.top + box.height * i / 10;
          if (x > 0 && y > 0 && x < innerWidth && y < innerHeight && document.elementFromPoint(x, y) === el) {
            return {x, y};
          }
        }
        return null;
    }""")
    assert point is not None, f"no point of {district_id} is on screen"
    frame_box = frame.frame_element().bounding_box()
    return {"x": frame_box["x"] + point["x"], "y": frame_box["y"] + point["y"]}


def swipe_up(page, x: float, y: float, distance: float = 300) -> None:
    """One finger moving up the screen, as real touch events."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": x, "y": y}]})
    for step in range(1, 11):
        cdp.send(
            "Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [{"x": x, "y": y - distance * step / 10}]}
        )
        page.wait_for_timeout(16)
    cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    cdp.detach()


def map_in_view(page, frame) -> None:
    """Scroll the page so that the map fills most of the phone's screen."""
    frame.frame_element().evaluate("el => el.scrollIntoView({block: 'start', behavior: 'instant'})")
    page.wait_for_timeout(300)


def no_sideways_scrolling(page) -> None:
    widths = page.evaluate(
        f"""() => {{
        const main = document.querySelector('{MAIN}');
        return {{viewport: innerWidth, page: document.documentElement.scrollWidth,
                 main: main.scrollWidth, mainClient: main.clientWidth}};
    }}"""
    )
    assert widths["page"] <= widths["viewport"], widths
    assert widths["main"] <= widths["mainClient"], widths


def open_expanders(page) -> None:
    for summary in page.locator("[data-testid=stExpander] summary").all():
        summary.click()
    page.wait_for_timeout(1500)


def test_one_finger_scrolls_the_page_over_the_map_and_two_fingers_move_it(phone, aleppo_server):
    phone.goto(f"{aleppo_server.url}/?date=2016-10-07")
    frame = map_frame(phone)
    map_in_view(phone, frame)
    assert frame.evaluate("document.querySelector('.leaflet-container').classList.contains('frontlines-touch')")
    centre = frame.evaluate("[map.getCenter().lat, map.getCenter().lng]")
    box = frame.frame_element().bounding_box()
    before = main_scroll(phone)
    swipe_up(phone, box["x"] + box["width"] / 2, min(box["y"] + box["height"] * 0.75, 800))
    phone.wait_for_timeout(500)
    assert main_scroll(phone) > before + 150  # the page scrolled...
    assert frame.evaluate("[map.getCenter().lat, map.getCenter().lng]") == centre  # ...and the map did not pan
    assert frame.evaluate("map.touchZoom.enabled() && !map.dragging.enabled()")  # two fingers pinch and pan
    # a one-finger drag on the map shows the hint
    frame.dispatch_event(
        ".leaflet-container", "touchstart", {"touches": [{"identifier": 1, "clientX": 100, "clientY": 100}]}
    )
    hint = frame.locator(".frontlines-touch-hint")
    assert hint.inner_text() == "Use two fingers to move the map"


def test_tapping_a_district_on_a_phone_brings_its_panel_into_view(phone, aleppo_server):
    phone.goto(f"{aleppo_server.url}/?date=2016-10-07")
    frame = map_frame(phone)
    map_in_view(phone, frame)
    # the district nearest the map's centre (the published boundaries leave streets between districts)
    district = frame.evaluate(
        """() => { const c = map.latLngToContainerPoint(map.getCenter());
                   for (let r = 0; r < 200; r += 8) for (let a = 0; a < 8; a++) {
                     const el = document.elementFromPoint(c.x + r * Math.cos(a * Math.PI / 4),
                                                          c.y + r * Math.sin(a * Math.PI / 4));
                     const found = el && (el.getAttribute('class') || '').match(/\\bdistrict-([a-z0-9-]+)/);
                     if (found) return found[1];
                   }
                   return null; }"""
    )
    assert district is not None
    point = visible_point(frame, district)
    phone.touchscreen.tap(point["x"], point["y"])
    phone.wait_for_function(f"document.body.getAttribute('data-frontlines-revealed') === '{district}'", timeout=20_000)
    phone.wait_for_timeout(300)
    heading = phone.locator(".st-key-district-panel h2").first
    box = heading.bounding_box()
    assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= 844, box
    # and back to the map with one tap
    phone.get_by_role("link", name="Back to the map").tap()
    phone.wait_for_timeout(800)
    top = frame.frame_element().bounding_box()["y"]
    assert 0 <= top < 844  # the map is on screen again


@pytest.mark.parametrize("size", [(390, 844), (360, 740)])
def test_no_view_scrolls_sideways_on_a_phone(browser, aleppo_server, size):
    context = offline_context(browser, viewport={"width": size[0], "height": size[1]}, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        for query in (
            "?date=2016-10-07",
            "?date=2016-10-07&district=bustan-al-basha",
            "?date=2016-12-15&lang=ar&district=hanano",
        ):
            page.goto(f"{aleppo_server.url}/{query}")
            frame = map_frame(page)
            page.locator(".st-key-district-panel h2, .st-key-district-panel [data-testid=stAlert]").first.wait_for()
            no_sideways_scrolling(page)
            assert frame.evaluate("document.documentElement.scrollWidth <= innerWidth")
            open_expanders(page)
            no_sideways_scrolling(page)
    finally:
        context.close()


def test_a_district_can_be_chosen_with_the_keyboard_alone(page, aleppo_server):
    page.goto(f"{aleppo_server.url}/?date=2016-10-07")
    frame = map_frame(page)
    page.locator("body").press("Tab")  # from the top of the page, Tab until a district has the focus
    for _ in range(40):
        if frame.evaluate("document.hasFocus() && document.activeElement.matches('path.district')"):
            break
        page.keyboard.press("Tab")
    else:
        raise AssertionError("Tab never reached a district")
    first = frame.evaluate("document.activeElement.getAttribute('aria-label')")
    page.keyboard.press("ArrowDown")
    focused = frame.evaluate(
        """() => { const el = document.activeElement;
                   return {id: el.getAttribute('class').match(/district-([a-z0-9-]+)/)[1],
                           label: el.getAttribute('aria-label'), role: el.getAttribute('role'),
                           stroke: getComputedStyle(el).strokeWidth}; }"""
    )
    assert focused["label"] != first and focused["role"] == "button"
    assert focused["stroke"] == "5px"  # focus is visible
    page.keyboard.press("Enter")
    page.wait_for_function(f"location.search.includes('district={focused['id']}')", timeout=20_000)
    name = focused["label"].split(":")[0]
    page.get_by_role("heading", name=name).wait_for(timeout=20_000)


def test_the_district_list_chooses_a_district_and_moves_the_focus_to_it(page, aleppo_server):
    page.goto(f"{aleppo_server.url}/?date=2016-10-07")
    map_frame(page)
    page.get_by_text("All districts on 7 October 2016").click()
    button = page.get_by_role("radio", name="Bustan al-Basha", exact=True)
    button.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("location.search.includes('district=bustan-al-basha')", timeout=20_000)
    page.wait_for_function(
        "document.activeElement && document.activeElement.tagName === 'H2' "
        "&& document.activeElement.textContent.includes('Bustan al-Basha')",
        timeout=20_000,
    )


def test_the_day_summary_is_a_polite_live_region_naming_the_latest_change(page, aleppo_server):
    page.goto(f"{aleppo_server.url}/?date=2016-10-07")
    map_frame(page)
    summary = page.locator(".frontlines-day-summary[role=status][aria-live=polite]")
    text = summary.inner_text()
    assert "Latest change, 6 October 2016: Bustan al-Basha, now Contested." in text
    counts = load_theatre(ROOT / "data" / "aleppo").status_counts_at("2016-10-07")
    for status, n in counts.items():
        if n:  # "1 district", "2 districts"
            assert f"{t('status.' + status, 'en')}: {t('count.districts', 'en', count=n)}" in text
    page.get_by_role("button", name="Next change ▶").click()
    page.wait_for_function(
        "document.querySelector('.frontlines-day-summary').innerText.includes('19 November 2016')", timeout=20_000
    )


def test_arabic_interface_from_the_url(page, aleppo_server):
    page.goto(f"{aleppo_server.url}/?date=2016-10-07&district=bustan-al-basha&lang=ar")
    frame = map_frame(page)
    page.wait_for_function("document.documentElement.dir === 'rtl'")
    assert page.evaluate("document.documentElement.lang") == "ar"
    assert page.get_by_role("heading", name="خطوط الجبهة في حلب").count() == 1
    page.get_by_role("heading", name="بستان الباشا").wait_for()
    body = page.inner_text("body")
    assert "الجمعة، 7 تشرين الأول 2016" in body and "تاريخ السيطرة" in body
    assert "تُرجمت الواجهة وحدها" in body  # says that data notes stay in English
    assert frame.get_attribute("path.district-bustan-al-basha", "aria-label") == "بستان الباشا: متنازع عليه"
    assert frame.frame_element().get_attribute("title") == "خريطة السيطرة على أحياء المدينة"
    # the switch goes back to English and the link follows
    page.get_by_role("radio", name="English").click()
    page.wait_for_function("document.documentElement.dir === 'ltr'", timeout=20_000)
    page.get_by_role("heading", name="Aleppo Frontlines").wait_for()
    assert "lang=" not in page.evaluate("location.search")


def test_the_page_can_be_zoomed_and_the_map_is_named(page, aleppo_server):
    page.goto(f"{aleppo_server.url}/?date=2016-10-07")
    frame = map_frame(page)
    viewport = frame.evaluate("document.querySelector('meta[name=viewport]').content")
    assert "user-scalable=no" not in viewport and "maximum-scale" not in viewport
    assert frame.frame_element().get_attribute("title") == "Map of who controlled each district"
    assert page.get_by_role("heading", level=1).inner_text() == "Aleppo Frontlines"


def settle(page) -> None:
    """Wait until no rerun is running: Streamlit fades stale elements meanwhile."""
    page.wait_for_function(
        "!document.querySelector('[data-stale=true]') && !document.querySelector('[data-testid=stStatusWidget]')",
        timeout=30_000,
    )
    page.wait_for_timeout(500)


def serious_axe_violations(page) -> list[dict]:
    """axe-core's serious and critical findings, with the whole page on screen at the
    viewport's width (axe leaves the contrast of text out of view undecided)."""
    settle(page)
    size = page.viewport_size
    tall = page.evaluate(f"document.querySelector('{MAIN}').scrollHeight")
    page.set_viewport_size({"width": size["width"], "height": max(size["height"], tall)})
    settle(page)
    source = axe_source()
    for frame in page.frames:
        frame.add_script_tag(content=source)
    violations = page.evaluate(
        """async () => (await axe.run(document, {resultTypes: ['violations']})).violations
             .filter(v => v.impact === 'serious' || v.impact === 'critical')
             .map(v => ({id: v.id, impact: v.impact, help: v.help,
                         nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' ' + n.failureSummary)}))"""
    )
    page.set_viewport_size(size)
    return violations


@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize("size", [(1400, 1000), (390, 844)], ids=["desktop", "phone"])
def test_axe_finds_no_serious_or_critical_violation(browser, aleppo_server, lang, size):
    phone = size[0] < 600
    context = offline_context(browser, viewport={"width": size[0], "height": size[1]}, is_mobile=phone, has_touch=phone)
    page = context.new_page()
    try:
        for query in (f"?date=2016-10-07&lang={lang}", f"?date=2016-10-07&district=bustan-al-basha&lang={lang}"):
            page.goto(f"{aleppo_server.url}/{query}")
            map_frame(page)
            page.locator(".st-key-district-panel h2, .st-key-district-panel [data-testid=stAlert]").first.wait_for()
            open_expanders(page)
            assert serious_axe_violations(page) == []
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_legend_reads_in_light_and_dark_themes(browser, aleppo_server, scheme, tmp_path):
    from PIL import Image

    context = offline_context(browser, viewport={"width": 1400, "height": 1000}, color_scheme=scheme)
    page = context.new_page()
    try:
        page.goto(f"{aleppo_server.url}/?date=2016-10-07")
        frame = map_frame(page)  # the legend is a control on the map (issue 9)
        legend = frame.locator(".frontlines-legend")
        legend.scroll_into_view_if_needed()
        assert legend.get_attribute("open") is not None
        shot = Image.open(io.BytesIO(legend.screenshot(path=str(tmp_path / f"legend-{scheme}.png")))).convert("RGB")
        origin = legend.bounding_box()
        background = page.evaluate("getComputedStyle(document.querySelector('.stApp')).backgroundColor")
        assert (scheme == "dark") == (background != "rgb(255, 255, 255)")
        for status, style in STATUS_STYLES.items():
            for selector, expected in (
                (f".legend-{status} .legend-swatch", style["legendFill"]),
                (
                    f".legend-low-confidence .legend-swatch >> nth={list(STATUS_STYLES).index(status)}",
                    style["legendPaleFill"],
                ),
            ):
                box = frame.locator(selector).bounding_box()
                pixel = shot.getpixel(
                    (int(box["x"] - origin["x"] + box["width"] / 2), int(box["y"] - origin["y"] + box["height"] / 2))
                )
                wanted = tuple(int(expected[i : i + 2], 16) for i in (1, 3, 5))
                assert all(abs(a - b) <= 3 for a, b in zip(pixel, wanted, strict=True)), (
                    scheme,
                    selector,
                    pixel,
                    expected,
                )
    finally:
        context.close()


def test_axe_finds_no_serious_or_critical_violation_in_the_dark_theme(browser, aleppo_server):
    context = offline_context(browser, viewport={"width": 1400, "height": 1000}, color_scheme="dark")
    page = context.new_page()
    try:
        page.goto(f"{aleppo_server.url}/?date=2016-10-07&district=bustan-al-basha&lang=ar")
        map_frame(page)
        page.get_by_role("heading", name="بستان الباشا").wait_for()
        open_expanders(page)
        assert serious_axe_violations(page) == []
    finally:
        context.close()


def test_headings_never_skip_a_level(page, aleppo_server):
    page.goto(f"{aleppo_server.url}/?date=2016-10-07&district=bustan-al-basha")
    map_frame(page)
    page.get_by_role("heading", name="Bustan al-Basha").wait_for()
    levels = page.evaluate(
        "Array.from(document.querySelectorAll('h1, h2, h3, h4, h5, h6')).map(h => Number(h.tagName[1]))"
    )
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b <= a + 1 for a, b in itertools.pairwise(levels)), levels
