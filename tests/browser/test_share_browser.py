"""Share links, Back and Forward, a stale data version, embed mode and the downloads, in the dashboard."""

from __future__ import annotations

import csv
import io
import json
import re
from urllib.parse import parse_qs, urlsplit

from frontlines_dev.server import ROOT, click_district, map_frame
from geo import load_theatre
from geo.export import download_name
from mapui.i18n import t

ALEPPO = ROOT / "data" / "aleppo"


def query_of(url: str) -> dict[str, str]:
    return {k: v[-1] for k, v in parse_qs(urlsplit(url).query, keep_blank_values=True).items()}


def status_of(frame, district_id: str) -> str:
    return frame.get_attribute(f"path.district-{district_id}", "data-status")


def test_a_share_link_with_every_parameter_restores_the_whole_view(page, aleppo_server):
    version = load_theatre(ALEPPO).version
    link = (
        f"{aleppo_server.url}/?date=2016-10-07&district=bustan-al-basha&map=14/36.19000/37.13500"
        f"&layers=hrw-damage-sites,cultural-sites&v={version}"
    )
    page.goto(link)
    frame = map_frame(page)
    assert status_of(frame, "bustan-al-basha") == "contested"
    assert frame.get_attribute("path.district-bustan-al-basha", "stroke-width") == "4"
    assert frame.evaluate("map.getZoom()") == 14
    centre = frame.evaluate("[map.getCenter().lat, map.getCenter().lng]")
    assert abs(centre[0] - 36.19) < 1e-4 and abs(centre[1] - 37.135) < 1e-4  # within a pixel at zoom 14
    assert "map=14/36.19000/37.13500" in page.url  # the restored view does not drift
    assert frame.evaluate("window.frontlines.viewFromLink") is True  # the link's view, not the whole city
    assert frame.evaluate("window.frontlines.layers()") == ["hrw-damage-sites", "cultural-sites"]
    frame.wait_for_function("document.querySelectorAll('path.evidence-cultural-sites').length > 0")
    page.get_by_role("heading", name="Bustan al-Basha").wait_for()
    assert page.get_by_text("This link was made with data version").count() == 0  # not stale

    # panning rewrites the address in place (no rerun), readable
    frame.evaluate("map.setView([36.2, 37.15], 15, {animate: false})")
    page.wait_for_function("location.search.includes('map=15/36.20000/37.15000')")
    # the reader switches a layer off in the legend: the address follows
    frame.click("input.evidence-toggle[data-layer='hrw-damage-sites']")
    page.wait_for_function("location.search.includes('layers=cultural-sites&')")
    # the map's Copy link holds the whole view
    frame.click(".frontlines-copy-link")
    shared = frame.input_value(".frontlines-share-text")
    assert query_of(shared) == {
        "date": "2016-10-07",
        "district": "bustan-al-basha",
        "map": "15/36.20000/37.15000",
        "layers": "cultural-sites",
        "v": version,
    }
    assert "map=15/36.20000/37.15000&layers=cultural-sites" in shared  # short and readable, in order

    # the same link in a fresh page restores the moved map
    page.goto(shared)
    frame = map_frame(page)
    assert frame.evaluate("map.getZoom()") == 15
    assert frame.evaluate("window.frontlines.layers()") == ["cultural-sites"]


def test_back_and_forward_move_between_views(page, aleppo_server):
    page.goto(f"{aleppo_server.url}/?date=2016-11-26&map=13/36.21000/37.16000")
    frame = map_frame(page)
    frame.evaluate("document.querySelector('.frontlines-legend').open = false")  # Hanano lies under it at zoom 13
    click_district(page, frame, "hanano")
    page.wait_for_function("location.search.includes('district=hanano')", timeout=20_000)
    page.get_by_role("button", name="Next change ▶").click()
    page.wait_for_function("!location.search.includes('date=2016-11-26')", timeout=20_000)
    moved = query_of(page.url)["date"]
    assert moved > "2016-11-26"
    assert query_of(page.url)["map"] == "13/36.21000/37.16000"  # kept through the app's own writes
    frame = map_frame(page)
    frame.evaluate("map.setView([36.22, 37.17], 14, {animate: false})")
    page.wait_for_function("location.search.includes('map=14/')")

    page.go_back()
    page.wait_for_function("location.search.includes('date=2016-11-26')", timeout=20_000)
    frame = map_frame(page)
    frame.wait_for_function("window.frontlines.date === '2016-11-26'", timeout=20_000)
    page.get_by_text("Saturday 26 November 2016").wait_for(timeout=20_000)
    frame.wait_for_function("map.getZoom() === 13", timeout=20_000)
    page.get_by_role("heading", name="Hanano").wait_for()

    page.go_back()
    page.wait_for_function("!location.search.includes('district=')", timeout=20_000)
    page.get_by_text(t("panel.hint", "en")).wait_for(timeout=20_000)

    page.go_forward()
    page.wait_for_function("location.search.includes('district=hanano')", timeout=20_000)
    page.get_by_role("heading", name="Hanano").wait_for(timeout=20_000)
    page.go_forward()
    page.wait_for_function(f"location.search.includes('date={moved}')", timeout=20_000)
    frame = map_frame(page)
    frame.wait_for_function(f"window.frontlines.date === '{moved}'", timeout=20_000)
    frame.wait_for_function("map.getZoom() === 14", timeout=20_000)


def test_a_stale_data_version_is_named_in_one_line_and_the_current_data_shown(page, aleppo_server):
    version = load_theatre(ALEPPO).version
    page.goto(f"{aleppo_server.url}/?date=2016-10-07&district=bustan-al-basha&v=00000000")
    frame = map_frame(page)
    notice = page.get_by_text("This link was made with data version 00000000")
    notice.wait_for()
    assert f"the map shows the current data (version {version})" in notice.inner_text()
    assert status_of(frame, "bustan-al-basha") == "contested"
    page.wait_for_function(f"location.search.includes('v={version}')")


def test_embed_mode_and_its_snippet(page, aleppo_server):
    page.goto(f"{aleppo_server.url}/?date=2016-10-07")
    frame = map_frame(page)
    frame.click(".frontlines-embed")
    snippet = frame.input_value(".frontlines-share-text")
    assert snippet.startswith('<iframe src="') and snippet.endswith("></iframe>")
    assert 'title="Aleppo, 2012–2016"' in snippet
    src = snippet.split('"')[1].replace("&amp;", "&")
    assert query_of(src)["mode"] == "embed" and query_of(src)["date"] == "2016-10-07"

    page.goto(src)
    frame = map_frame(page)
    assert status_of(frame, "bustan-al-basha") == "contested"
    assert frame.locator(".frontlines-legend").is_visible()  # on the map (issue 9)
    assert page.get_by_role("slider").is_visible()
    assert page.get_by_role("heading", name=t("app.title", "en")).count() == 0  # no title, panel or chrome
    assert page.get_by_text(t("panel.hint", "en")).count() == 0
    assert not page.locator("header[data-testid=stHeader]").is_visible()
    # links made inside an embed stay in embed mode
    page.get_by_role("slider").focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function("location.search.includes('date=2016-10-08')", timeout=20_000)
    assert query_of(page.url)["mode"] == "embed"
    frame.click(".frontlines-copy-link")
    assert query_of(frame.input_value(".frontlines-share-text"))["mode"] == "embed"


def test_links_and_embeds_keep_the_language(page, aleppo_server):
    page.goto(f"{aleppo_server.url}/?date=2016-10-07&lang=ar")
    frame = map_frame(page)
    page.wait_for_function("document.documentElement.dir === 'rtl'")
    page.wait_for_function("location.search.includes('lang=ar')")
    copy = frame.locator(".frontlines-copy-link")
    assert copy.inner_text() == t("share.copy_link", "ar")
    copy.click()
    assert query_of(frame.input_value(".frontlines-share-text"))["lang"] == "ar"
    link = t("share.link", "ar")
    assert frame.inner_text(".frontlines-share-note") in (
        t("share.press_to_copy", "ar").replace("{what}", link),
        t("share.copied", "ar").replace("{what}", link),
    )
    embed = frame.locator(".frontlines-embed")
    assert embed.inner_text() == t("share.embed", "ar")
    embed.click()
    src = frame.input_value(".frontlines-share-text").split('"')[1].replace("&amp;", "&")
    assert query_of(src)["mode"] == "embed" and query_of(src)["lang"] == "ar"

    page.goto(src)
    frame = map_frame(page)
    page.wait_for_function("document.documentElement.dir === 'rtl'")
    assert frame.locator(".frontlines-embed").inner_text() == t("share.embed", "ar")
    page.get_by_role("slider").focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function("!location.search.includes('date=2016-10-07')", timeout=20_000)
    assert query_of(page.url)["mode"] == "embed" and query_of(page.url)["lang"] == "ar"


def test_downloads_of_the_day_and_the_change_log(page, aleppo_server):
    theatre = load_theatre(ALEPPO)
    page.goto(f"{aleppo_server.url}/?date=2016-10-07")
    map_frame(page)
    page.get_by_text("Downloads: this day's data and the change log").click()
    files = {}
    for label in ("Day as GeoJSON", "Day as CSV", "Change log (CSV)"):
        with page.expect_download(timeout=30_000) as info:
            page.get_by_role("button", name=label).click()
        download = info.value
        files[label] = (download.suggested_filename, download.path().read_text(encoding="utf-8"))
    check_downloads(theatre, files)


def check_downloads(theatre, files: dict[str, tuple[str, str]]) -> None:
    """The three files of 2016-10-07, as the dashboard and the static site both offer them."""
    name, text = files["Day as GeoJSON"]
    assert (
        name
        == download_name(theatre, "2016-10-07", ".geojson")
        == "aleppo_2016-10-07_data-" + theatre.version + "_CC-BY-4.0.geojson"
    )
    geojson = json.loads(text)
    assert geojson["data_version"] == theatre.version and geojson["licence"] == "CC BY 4.0"
    bustan = next(f for f in geojson["features"] if f["properties"]["district_id"] == "bustan-al-basha")
    assert bustan["properties"]["status"] == "contested" and bustan["properties"]["since"] == "2016-10-06"
    assert (bustan["properties"]["date_precision"], bustan["properties"]["confidence"]) == ("days", "medium")
    assert bustan["geometry"]["type"] in ("Polygon", "MultiPolygon")
    assert len(geojson["features"]) == len(theatre.district_ids)

    name, text = files["Day as CSV"]
    assert name == download_name(theatre, "2016-10-07", ".csv")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0]) == [
        "district_id",
        "name_en",
        "name_ar",
        "alt_names",
        "status",
        "since",
        "date_precision",
        "confidence",
        "source_url",
    ]
    bustan_row = next(r for r in rows if r["district_id"] == "bustan-al-basha")
    assert bustan_row["status"] == "contested" and "uproxx.com" in bustan_row["source_url"]
    assert (bustan_row["date_precision"], bustan_row["confidence"]) == ("days", "medium")
    expected = io.StringIO()
    from geo.export import write_state_csv

    write_state_csv(theatre, "2016-10-07", expected)
    assert text == expected.getvalue()  # the same as `python -m geo state --date 2016-10-07`

    name, text = files["Change log (CSV)"]
    assert name == download_name(theatre, "changes", ".csv")
    log = list(csv.DictReader(io.StringIO(text)))
    assert len(log) == len(theatre.changes)
    assert {"date", "district_id", "status", "sources", "source_url"} <= set(log[0])
    assert all(r["source_url"] for r in log)


def test_the_panels_share_link_carries_the_same_full_view_as_copy_link(page, aleppo_server):
    page.goto(f"{aleppo_server.url}/?date=2016-10-07&district=bustan-al-basha")
    frame = map_frame(page)
    page.get_by_role("heading", name="Bustan al-Basha").wait_for()
    # panning and a layer switched on rewrite the address in place, with no rerun
    frame.evaluate("map.setView([36.2, 37.15], 15, {animate: false})")
    frame.click("input.evidence-toggle[data-layer='cultural-sites']")
    page.wait_for_function("location.search.includes('map=15/36.20000/37.15000&layers=cultural-sites')")
    frame.click(".frontlines-copy-link")
    copied = frame.input_value(".frontlines-share-text")
    page.wait_for_function(
        "document.querySelector('.st-key-share-link code').textContent === location.href", timeout=10_000
    )
    assert page.inner_text(".st-key-share-link code") == copied
    # a rerun (another date) draws the link again: it still holds the map's part of the view
    page.get_by_role("slider").focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function("location.search.includes('date=2016-10-08')", timeout=20_000)
    page.wait_for_function(
        "document.querySelector('.st-key-share-link code').textContent.includes('date=2016-10-08&district=bustan-al-basha"
        "&map=15/36.20000/37.15000&layers=cultural-sites')",
        timeout=10_000,
    )


def test_the_view_as_an_image_and_the_record_as_a_time_lapse_download_from_the_page(page, aleppo_server, tmp_path):
    import imageio.v3 as iio
    from media_files import video_frames

    page.goto(f"{aleppo_server.url}/?date=2016-10-07&district=bustan-al-basha")
    map_frame(page)
    page.get_by_text("Time-lapse and image of this view").click()
    with page.expect_download(timeout=60_000) as info:
        page.get_by_role("button", name="Download image (PNG)").click()
    image = info.value
    assert image.suggested_filename.endswith(".png") and "2016-10-07" in image.suggested_filename
    assert iio.imread(image.path(), extension=".png").shape[:2] == (1080, 1080)
    page.get_by_role("button", name="Make the time-lapse (MP4)").click()  # whole record, a hold per change
    clip_button = page.get_by_role("button", name=re.compile(r"Download the time-lapse \(MP4, [\d.]+ MB\)"))
    clip_button.wait_for(timeout=120_000)
    with page.expect_download(timeout=60_000) as info:
        clip_button.click()
    clip = info.value
    assert clip.suggested_filename.endswith(".mp4")
    clip.save_as(tmp_path / clip.suggested_filename)
    frames = video_frames(tmp_path / clip.suggested_filename)
    assert frames[0].shape[:2] == (1080, 1080) and len(frames) > 20
