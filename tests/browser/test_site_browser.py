"""The static site (frontlines site), served from a temporary folder by python -m http.server."""

from __future__ import annotations

import datetime as dt
from urllib.parse import parse_qs, urlsplit

import pytest
from test_share_browser import check_downloads

from frontlines_dev.assets import offline_context
from frontlines_dev.server import ROOT
from frontlines_dev.static_server import StaticServer
from geo import load_theatre
from mapui.map_scripts import map_library
from static_site.build import FIRST_PAINT_FILES, write_site

ALEPPO = ROOT / "data" / "aleppo"


@pytest.fixture
def page(browser):
    """As conftest's, but past the site's Content-Security-Policy, which refuses the string
    evaluation Playwright's waits use (the policy itself is tested with a page of its own)."""
    context = offline_context(browser, viewport={"width": 1400, "height": 1000}, bypass_csp=True)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    folder = write_site(load_theatre(ALEPPO), tmp_path_factory.mktemp("site") / "aleppo")
    server = StaticServer(folder)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def fetched_site(tmp_path_factory):
    """Aleppo's site as a large theatre's is written: the first paint's data in files, fetched."""
    folder = write_site(load_theatre(ALEPPO), tmp_path_factory.mktemp("site") / "fetched", inline=False)
    server = StaticServer(folder)
    yield server
    server.stop()


def open_site(page, url: str):
    page.goto(url)
    page.wait_for_function("window.frontlines && window.frontlines.date !== null && window.frontlinesSite")
    return page


def query_of(url: str) -> dict[str, str]:
    return {k: v[-1] for k, v in parse_qs(urlsplit(url).query, keep_blank_values=True).items()}


def requested_paths(page) -> list[str]:
    return page.evaluate("performance.getEntriesByType('resource').map(e => new URL(e.name).pathname)")


def status_of(page, district_id: str) -> str:
    return page.get_attribute(f"path.district-{district_id}", "data-status")


def test_the_site_paints_a_share_link_and_scrubs(page, site):
    theatre = load_theatre(ALEPPO)
    open_site(page, f"{site.url}/?date=2016-10-05&district=bustan-al-basha&map=14/36.19000/37.13500")
    assert page.evaluate("document.querySelectorAll('path.district').length") == len(theatre.district_ids)
    assert status_of(page, "bustan-al-basha") == "opposition"
    assert page.get_attribute("path.district-bustan-al-basha", "stroke-width") == "4"
    assert page.evaluate("map.getZoom()") == 14
    page.get_by_role("heading", name="Bustan al-Basha").wait_for()
    # the scripts are the dashboard's own, in one file; the first paint's data is in the page (Aleppo is small)
    requested = requested_paths(page)
    assert requested.count("/site.js") == 1, requested
    for name in FIRST_PAINT_FILES:
        assert f"/{name}" not in requested, requested
    assert page.evaluate("fetch('site.js').then(r => r.text())").startswith(map_library())
    assert page.inner_text("#date-label") == "Wednesday, 05 October 2016"
    # scrub with the keyboard: the map follows, the address settles on the new date
    page.focus("#date-slider")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    page.wait_for_function(
        "document.querySelector('path.district-bustan-al-basha').getAttribute('data-status') === 'contested'"
    )
    page.wait_for_function("location.search.includes('date=2016-10-07')")
    assert query_of(page.url)["v"] == theatre.version
    # every district shows what geo computes for the day
    expected = dict(zip(theatre.district_ids, theatre.state_at("2016-10-07")["status"], strict=True))
    shown = page.evaluate(
        "Object.fromEntries(Array.from(document.querySelectorAll('path.district')).map("
        "p => [p.getAttribute('class').match(/district-([a-z0-9-]+)/)[1], p.getAttribute('data-status')]))"
    )
    assert shown == expected
    # previous / next change
    page.click("#next-change")
    page.wait_for_function("!location.search.includes('date=2016-10-07')")
    assert query_of(page.url)["date"] == theatre.next_change_date(theatre.require_date("2016-10-07")).isoformat()
    page.go_back()
    page.wait_for_function("location.search.includes('date=2016-10-07')")
    page.wait_for_function("window.frontlines.date === '2016-10-07'")


def click_path(page, district_id: str) -> None:
    """Click a point inside a district's shape, as a person would."""
    target = page.evaluate(
        """(id) => { const el = document.querySelector('path.district-' + id); const b = el.getBoundingClientRect();
        for (let fy = 0.5, i = 0; i < 9; i++, fy = 0.1 + 0.1 * i) for (let fx = 0.5, j = 0; j < 9; j++, fx = 0.1 + 0.1 * j) {
          const x = b.left + b.width * fx, y = b.top + b.height * fy;
          if (document.elementFromPoint(x, y) === el) return {x, y}; } return null; }""",
        district_id,
    )
    assert target is not None, f"no visible point of {district_id}"
    page.mouse.click(target["x"], target["y"])


def test_clicking_a_district_opens_its_history_with_sources(page, site):
    open_site(page, f"{site.url}/?date=2016-11-26")
    page.get_by_text("Click a district on the map").wait_for()
    click_path(page, "hanano")
    page.get_by_role("heading", name="Hanano").wait_for()
    assert "Masaken Hanano, the largest rebel-held district" in page.inner_text("#panel")
    assert "23 Jul 2012" in page.inner_text("#panel table.history")  # dates as the dashboard writes them
    assert page.locator("#panel a", has_text="seattletimes.com").count() >= 1
    page.wait_for_function("location.search.includes('district=hanano')")
    assert page.get_attribute("path.district-hanano", "stroke-width") == "4"
    page.go_back()
    page.get_by_text("Click a district on the map").wait_for()


def test_site_share_link_embed_mode_and_bad_values(page, site):
    open_site(page, f"{site.url}/?date=2016-10-07&district=bustan-al-basha")
    page.click(".frontlines-embed")
    snippet = page.input_value(".frontlines-share-text")
    src = snippet.split('"')[1].replace("&amp;", "&")
    assert query_of(src)["mode"] == "embed" and urlsplit(src).netloc == urlsplit(site.url).netloc
    open_site(page, src)
    assert page.locator("#map").is_visible() and page.locator(".frontlines-legend").is_visible()
    assert page.locator("#date-slider").is_visible()
    assert not page.locator(".site-header").is_visible() and not page.locator("#panel").is_visible()
    page.focus("#date-slider")
    page.keyboard.press("ArrowLeft")
    page.wait_for_function("location.search.includes('date=2016-10-06')")
    assert query_of(page.url)["mode"] == "embed"
    page.click(".frontlines-copy-link")
    assert query_of(page.input_value(".frontlines-share-text"))["mode"] == "embed"

    open_site(page, f"{site.url}/?date=2016-02-30&district=nowhere&v=00000000&map=99/0/0")
    notices = page.inner_text("#notices")
    assert "This link was made with data version 00000000" in notices
    assert "The link's date was ignored" in notices and "The link's district was ignored" in notices
    assert "The link's map was ignored" in notices


def test_site_downloads_equal_the_dashboards(page, site):
    theatre = load_theatre(ALEPPO)
    open_site(page, f"{site.url}/?date=2016-10-07")
    files = {}
    for label, selector in (
        ("Day as GeoJSON", "#download-geojson"),
        ("Day as CSV", "#download-csv"),
        ("Change log (CSV)", "#download-changes"),
    ):
        with page.expect_download(timeout=30_000) as info:
            page.click(selector)
        download = info.value
        files[label] = (download.suggested_filename, download.path().read_text(encoding="utf-8"))
    check_downloads(theatre, files)


def test_the_site_shows_the_front_line_names_legend_and_layers(page, site):
    theatre = load_theatre(ALEPPO)
    open_site(page, f"{site.url}/?date=2016-10-07&district=bustan-al-basha&layers=cultural-sites")
    page.wait_for_function("window.frontlines.frontline && window.frontlines.frontline.ready")
    front = int(theatre.front_line_at("2016-10-07").sum())
    page.wait_for_function(f"document.querySelectorAll('path.frontline').length === {front}")
    page.wait_for_function("document.querySelector('.district-label-bustan-al-basha') !== null")
    assert page.inner_text(".district-label-bustan-al-basha") == "Bustan al-Basha"
    assert "Front line" in page.inner_text(".frontlines-legend")
    page.wait_for_function("document.querySelectorAll('path.evidence-cultural-sites').length === 210")
    assert page.evaluate("window.frontlines.layers()") == ["cultural-sites"]
    # no map= in the link: the first view fits the whole city
    assert page.evaluate("window.frontlines.viewFromLink") is False
    south, west, north, east = page.evaluate(
        "(() => { const b = map.getBounds(); return [b.getSouth(), b.getWest(), b.getNorth(), b.getEast()]; })()"
    )
    minx, miny, maxx, maxy = theatre.districts.total_bounds
    assert south <= miny and west <= minx and north >= maxy and east >= maxx
    # a layer switched on in the legend joins the address, in the legend's order
    page.click("input.evidence-toggle[data-layer='hrw-damage-sites']")
    page.wait_for_function("location.search.includes('layers=hrw-damage-sites,cultural-sites')")


# On the first change to the map's paths, note what is drawn: the districts, their front line and
# their names arrive in one task, so a reader never sees the districts without them.
FIRST_DRAW = """
new MutationObserver((mutations, observer) => {
  if (document.querySelector('path.district')) {
    window.__firstDraw = {
      districts: document.querySelectorAll('path.district').length,
      front: document.querySelectorAll('path.frontline').length,
      labels: document.querySelectorAll('.district-label').length,
      tiles: document.querySelectorAll('.leaflet-tile-pane img').length,
    };
    observer.disconnect();
  }
}).observe(document, {subtree: true, childList: true});
"""


def test_the_first_paint_draws_districts_front_line_and_names_together(page, site):
    theatre = load_theatre(ALEPPO)
    page.add_init_script(FIRST_DRAW)
    open_site(page, f"{site.url}/?date=2016-10-07&map=15/36.19000/37.13500")
    first = page.evaluate("window.__firstDraw")
    assert first["districts"] == len(theatre.district_ids)
    assert first["front"] == int(theatre.front_line_at("2016-10-07").sum()) > 0
    assert first["labels"] > 0


def test_a_large_theatres_site_fetches_its_first_paint_data_once_each(page, fetched_site):
    theatre = load_theatre(ALEPPO)
    open_site(page, f"{fetched_site.url}/?date=2016-10-05&district=bustan-al-basha")
    assert page.evaluate("document.querySelectorAll('path.district').length") == len(theatre.district_ids)
    assert status_of(page, "bustan-al-basha") == "opposition"
    page.get_by_role("heading", name="Bustan al-Basha").wait_for()
    page.wait_for_function(
        f"document.querySelectorAll('path.frontline').length === {int(theatre.front_line_at('2016-10-05').sum())}"
    )
    requested = requested_paths(page)
    for name in ("site.js", *FIRST_PAINT_FILES):
        assert requested.count(f"/{name}") == 1, (name, requested)


def test_what_waits_for_the_first_view_arrives_after_it(page, site):
    # the base map's tiles and the address are laid out in the task after the first view is drawn
    page.add_init_script(FIRST_DRAW)
    open_site(page, f"{site.url}/?date=2016-10-07&map=14/36.19000/37.13500")
    assert page.evaluate("window.__firstDraw.tiles") == 0
    page.wait_for_function("document.querySelectorAll('.leaflet-tile-pane img.leaflet-tile').length > 0")
    assert "tile.openstreetmap.org/14/" in page.get_attribute(".leaflet-tile-pane img.leaflet-tile", "src")
    assert "OpenStreetMap" in page.inner_text(".leaflet-control-attribution")
    assert query_of(page.url)["v"] == load_theatre(ALEPPO).version and query_of(page.url)["date"] == "2016-10-07"
    marks = page.evaluate("performance.getEntriesByType('mark').map(m => m.name)")
    steps = ["site-script", "site-data", "site-map", "site-init", "site-names", "site-painted", "site-settled"]
    assert [m for m in marks if m in steps] == steps  # the first view's steps, in order (bench/site.py)


def test_the_districts_paint_without_their_front_line_file(page, fetched_site):
    site = fetched_site
    page.route("**/data/frontline.json", lambda route: route.fulfill(status=404, body="gone"))
    open_site(page, f"{site.url}/?date=2016-10-07")
    page.wait_for_function("window.frontlines.frontline.failed === true")
    assert page.evaluate("document.querySelectorAll('path.district').length") > 100
    assert page.evaluate("document.querySelectorAll('path.frontline').length") == 0
    assert page.inner_text("#notices") == ""


def test_the_district_in_the_tab_order_is_the_first_by_name_or_the_links(page, site):
    open_site(page, f"{site.url}/?date=2016-10-07&district=hanano")
    page.wait_for_timeout(100)  # the first by name would have taken it by now
    assert page.get_attribute("path.district-hanano", "tabindex") == "0"
    assert page.locator('path.district[tabindex="0"]').count() == 1
    open_site(page, f"{site.url}/?date=2016-10-07")
    names = page.evaluate(
        """() => Array.from(document.querySelectorAll('path.district'), p => p.getAttribute('aria-label').split(':')[0])"""
    )
    first = page.evaluate("(names) => names.slice().sort(new Intl.Collator('en').compare)[0]", names)
    page.wait_for_function("document.querySelector('path.district[tabindex=\"0\"]') !== null")  # after the first view
    in_tab_order = page.locator('path.district[tabindex="0"]')
    assert in_tab_order.count() == 1
    assert in_tab_order.get_attribute("aria-label").split(":")[0] == first


def test_a_district_with_many_changes_shows_its_latest_and_more_on_request(page, tmp_path):
    from synthetic import many_changes, write_theatre

    changes = many_changes(120)
    folder = write_site(load_theatre(write_theatre(tmp_path / "t", changes=changes)), tmp_path / "site")
    server = StaticServer(folder)
    try:
        open_site(page, f"{server.url}/?date=2020-12-31&district=north-east")
        rows = page.locator("#panel table.history tr")
        rows.nth(50).wait_for()  # the header and the latest 50
        assert rows.count() == 51 and "change number 70" in rows.nth(1).inner_text()
        page.get_by_role("button", name="Show earlier changes (70 not shown)").click()
        page.wait_for_function("document.querySelectorAll('#panel table.history tr').length === 101")
        page.get_by_role("button", name="Show earlier changes (20 not shown)").click()
        page.wait_for_function("document.querySelectorAll('#panel table.history tr').length === 121")
        assert page.locator("#panel button.history-earlier").count() == 0
    finally:
        server.stop()


def test_the_site_runs_under_its_content_security_policy_with_leaflet_checked(browser, site):
    """The page's policy is in force (no inline script, scripts from itself and the CDN only) and
    nothing the site does breaks it; the CDN's Leaflet runs only with the bytes its integrity names."""
    import base64
    import hashlib

    from frontlines_dev.assets import ASSETS, ensure_packages
    from static_site.build import LEAFLET_INTEGRITY

    ensure_packages()
    for name, integrity in LEAFLET_INTEGRITY.items():
        digest = hashlib.sha384((ASSETS / "leaflet-1.9.3" / "dist" / name).read_bytes()).digest()
        assert integrity == "sha384-" + base64.b64encode(digest).decode("ascii"), name
    context = offline_context(browser, viewport={"width": 1400, "height": 1000})  # the policy in force
    page = context.new_page()
    try:
        page.add_init_script(
            "window.__violations = []; document.addEventListener('securitypolicyviolation',"
            " (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));"
        )
        page.goto(f"{site.url}/?date=2016-10-07&district=bustan-al-basha")
        page.get_by_role("heading", name="Bustan al-Basha").wait_for()  # the map and the panel ran
        page.locator("path.district-bustan-al-basha").wait_for(state="attached")
        page.keyboard.press("Tab")
        assert page.evaluate("window.__violations") == []
        inline_ran = page.evaluate(
            "(() => { const s = document.createElement('script'); s.textContent = 'window.__inline = true';"
            " document.head.appendChild(s); return window.__inline === true })()"
        )
        assert inline_ran is False  # an injected inline script does not run
        page.wait_for_timeout(100)  # the violation event is dispatched after the script is refused
        assert [v.split(" ")[0] for v in page.evaluate("window.__violations")] == ["script-src-elem"]
        html = page.content()
        assert 'http-equiv="Content-Security-Policy"' in html and 'integrity="sha384-' in html
    finally:
        context.close()


@pytest.mark.parametrize("size", [(1400, 1000), (390, 844)], ids=["desktop", "phone"])
def test_axe_finds_no_serious_or_critical_violation_on_the_site_with_a_district_open(browser, site, size):
    from frontlines_dev.assets import axe_source

    context = offline_context(browser, viewport={"width": size[0], "height": size[1]}, bypass_csp=True)
    page = context.new_page()
    try:
        open_site(page, f"{site.url}/?date=2016-10-07&district=bustan-al-basha")
        page.get_by_role("heading", name="Bustan al-Basha").wait_for()
        tall = page.evaluate("document.documentElement.scrollHeight")
        page.set_viewport_size({"width": size[0], "height": max(size[1], tall)})  # all of it on screen
        page.add_script_tag(content=axe_source())
        violations = page.evaluate(
            """async () => (await axe.run(document, {resultTypes: ['violations']})).violations
                 .filter(v => v.impact === 'serious' || v.impact === 'critical')
                 .map(v => v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))"""
        )
        assert violations == []
    finally:
        context.close()


def test_on_a_phone_the_city_fits_the_map_and_nothing_scrolls_sideways(browser, site):
    context = offline_context(
        browser, viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True, bypass_csp=True
    )
    page = context.new_page()
    try:
        open_site(page, f"{site.url}/?date=2016-10-07")
        page.wait_for_function("window.frontlinesSite")  # the first view has settled
        fits = """() => {
            const box = map.getContainer();
            const size = map.getSize();
            return size.x === box.clientWidth && size.y === box.clientHeight
                && map.getBounds().pad(0.02).contains(frontlines.layer.getBounds());
        }"""
        page.wait_for_function(fits)
        sideways = "document.documentElement.scrollWidth - window.innerWidth"
        assert page.evaluate(sideways) <= 0
        page.evaluate("frontlinesSite.select('bustan-al-basha')")
        page.get_by_role("heading", name="Bustan al-Basha").wait_for()
        assert page.evaluate(sideways) <= 0  # the history is cards, its sources inside the screen
        assert page.locator("#panel table.history td[data-label='Sources'] a").first.bounding_box()["x"] >= 0
        page.set_viewport_size({"width": 844, "height": 390})  # the phone turns
        page.wait_for_function(fits)
    finally:
        context.close()


def test_a_link_without_a_date_opens_on_the_theatres_opening_date(page, site):
    opening = (dt.date(2016, 10, 7) - dt.date(1970, 1, 1)).days  # theatre.json's opening_date
    open_site(page, f"{site.url}/")
    assert page.input_value("#date-slider") == str(opening)
    open_site(page, f"{site.url}/?date=2016-02-30")  # an ignored date too
    assert page.input_value("#date-slider") == str(opening)


def test_the_day_downloads_as_an_image_of_the_map(page, site, tmp_path):
    import numpy as np
    from PIL import Image

    open_site(page, f"{site.url}/?date=2016-10-07")
    with page.expect_download(timeout=30_000) as info:
        page.get_by_role("button", name="Day as an image (PNG)").click()
    download = info.value
    assert download.suggested_filename.startswith("aleppo_2016-10-07_data-") and download.suggested_filename.endswith(
        ".png"
    )
    download.save_as(tmp_path / "day.png")
    pixels = np.asarray(Image.open(tmp_path / "day.png").convert("RGB")).astype(int)
    assert pixels.shape[1] == 1080
    red, green, blue = pixels[..., 0], pixels[..., 1], pixels[..., 2]
    contested = (red > 200) & (green > 200) & (blue < 170)  # the contested yellow (Bustan al-Basha among them)
    government = (red > 200) & (green > 120) & (green < 190) & (blue < 140)  # the government's orange
    assert contested.sum() > 200 and government.sum() > 5000
    cite = page.inner_text("#cite-view")  # the line to cite the view with, beside the download
    assert cite.startswith("Cite this view: “Aleppo, 2012–2016”, data version ") and "date=2016-10-07" in cite
