"""Hostile data and a server restart, in a real browser (issue 14).

Blank lines inside data text must not end an HTML block and let markdown
(headings, links, remote images) render; bare URLs in data are not linked; and a
key press sent right after the browser reconnects to a restarted server is kept.
"""

from __future__ import annotations

import pytest

from frontlines_dev.server import Server, map_frame
from synthetic import CHANGES, district_features, write_theatre

pytestmark = pytest.mark.browser
TRACKER = "tracker.invalid"
HOSTILE = f"حي\n\n# Heading\n\n![x](https://{TRACKER}/pixel.png)\n\n<img src=https://{TRACKER}/raw.png>"


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory):
    features = district_features()
    features[0]["properties"]["name_ar"] = HOSTILE
    changes = [dict(CHANGES[0], note=f"see https://{TRACKER}/a or www.{TRACKER}"), *CHANGES[1:]]
    folder = write_theatre(tmp_path_factory.mktemp("hostile") / "theatre", features=features, changes=changes)
    (folder / "sources.csv").write_text("id,url,publisher,published,title\nwire,https://example.org/w,W,,T\n")
    (folder / "events.csv").write_text(
        "date,end_date,title,note,sources\n"
        f'2020-03-01,,"Siege\n\n# closes ![x](https://{TRACKER}/event.png)","n\n\nhttps://{TRACKER}/n",wire\n'
    )
    server = Server(folder)
    yield server
    server.stop()


def test_blank_lines_and_urls_in_data_render_as_text(page, hostile_server):
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{hostile_server.url}/?date=2020-03-01&district=north-east")
    map_frame(page)
    main = page.locator("[data-testid=stMain]")
    main.get_by_text("Heading", exact=False).first.wait_for(timeout=20_000)
    assert main.locator("h1", has_text="Heading").count() == 0
    assert main.locator(f"img[src*='{TRACKER}']").count() == 0
    assert main.locator(f"a[href*='{TRACKER}']").count() == 0
    assert "# Heading" in main.locator("[dir=rtl]").inner_text()
    assert f"Siege # closes ![x](https://{TRACKER}/event.png)" in main.inner_text().replace("\u2060", "")
    assert f"see https://{TRACKER}/a or www.{TRACKER}" in main.inner_text().replace("\u2060", "")
    assert not [url for url in requested if TRACKER in url]
    assert page.dialogs == []


def test_a_key_press_right_after_reconnecting_to_a_restarted_server_is_kept(page, tmp_path):
    folder = write_theatre(tmp_path / "theatre")
    server = Server(folder)
    try:
        page.goto(f"{server.url}/?date=2020-03-01")
        map_frame(page)
        page.wait_for_function("location.search.includes('date=2020-03-01')")
        server.stop()
        page.wait_for_timeout(1500)  # the page notices the lost connection
        server = Server(folder, port=server.port)
        page.wait_for_timeout(4000)  # and reconnects to a new server session
        page.get_by_role("slider").focus()
        page.keyboard.press("ArrowRight")
        page.wait_for_function("location.search.includes('date=2020-03-02')", timeout=20_000)
        page.wait_for_timeout(1000)
        assert "date=2020-03-02" in page.evaluate("location.search")
    finally:
        server.stop()
