"""Hosting as documented in the README's Deploy section: Streamlit Community Cloud's way of
running the app, and two replicas behind nginx under a sub-path (the deployment's own
nginx configuration, on loopback)."""

from __future__ import annotations

import os
import time
from urllib.parse import parse_qs, urlsplit

import pytest

from frontlines_dev.nginx import Nginx, find_nginx
from frontlines_dev.server import ROOT, Server, click_district, free_port, map_frame
from mapui.i18n import t

IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
BASE = "aleppo"
WAIT_MS = 90_000  # generous: the full suite runs on a loaded machine


def status_of(frame, district_id: str) -> str:
    return frame.get_attribute(f"path.district-{district_id}", "data-status")


def test_the_app_runs_as_community_cloud_runs_it(page):
    """`streamlit run dashboard.py` from the repository root with no arguments: the shipped
    data, the repository's .streamlit/config.toml, nothing else."""
    server = Server(None)
    try:
        page.goto(f"{server.url}/?date=2016-10-07")
        frame = map_frame(page)
        assert status_of(frame, "bustan-al-basha") == "contested"
        page.get_by_role("heading", name=t("app.title", "en")).wait_for()
        assert frame.evaluate("performance.getEntriesByType('resource').some(e => e.name.includes('app/static/'))")
    finally:
        server.stop()


@pytest.fixture(scope="module")
def replicas(tmp_path_factory):
    if find_nginx() is None:
        if IN_CI:
            pytest.fail("nginx is not installed (apt-get install nginx)", pytrace=False)
        pytest.skip("nginx is not installed")
    data = ROOT / "data" / "aleppo"
    apps = [Server(data, base_path=BASE), Server(data, base_path=BASE)]
    proxy = None
    try:
        proxy = Nginx(
            tmp_path_factory.mktemp("nginx"),
            port=free_port(),
            base_path=f"/{BASE}",
            replicas=[f"127.0.0.1:{a.port}" for a in apps],
        )
        yield proxy, apps
    finally:
        if proxy is not None:
            proxy.stop()
        for app in apps:
            app.stop()


def test_share_links_through_nginx_and_a_replica_restart(page, replicas):
    proxy, apps = replicas
    url = f"http://localhost:{proxy.port}/{BASE}/?date=2016-10-05&map=13/36.20500/37.16000"
    response = page.goto(url)
    assert response is not None and response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "strict-origin-when-cross-origin"
    frame = map_frame(page, timeout_s=60)
    # the map paints; static files come through the sub-path
    assert status_of(frame, "bustan-al-basha") == "opposition"
    assert frame.evaluate("map.getZoom()") == 13
    # Streamlit's frontend bundle comes from nginx itself, none of it from a replica
    assert any(p.startswith(f"/{BASE}/static/js/index.") for p in proxy.served_itself(f"/{BASE}/static/"))
    assert proxy.upstreams(f"/{BASE}/static/") == []
    for folder in ("theatres", "map"):  # the data, and the map's own code
        assert frame.evaluate(
            f"performance.getEntriesByType('resource').some(e => e.name.includes('/{BASE}/app/static/{folder}/'))"
        )
    # a scrub
    frame.wait_for_function("window.frontlines.following", timeout=WAIT_MS)
    page.get_by_role("slider").focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    frame.wait_for_function(
        "document.querySelector('path.district-bustan-al-basha').getAttribute('data-status') === 'contested'",
        timeout=WAIT_MS,
    )
    page.wait_for_function("location.search.includes('date=2016-10-07')", timeout=WAIT_MS)
    # a click
    click_district(page, frame, "bustan-al-basha")
    page.get_by_role("heading", name="Bustan al-Basha").wait_for(timeout=WAIT_MS)
    page.wait_for_function("location.search.includes('district=bustan-al-basha')", timeout=WAIT_MS)
    # the share link keeps the sub-path and the whole view
    frame.click(".frontlines-copy-link")
    link = frame.input_value(".frontlines-share-text")
    parts = urlsplit(link)
    assert parts.path == f"/{BASE}/"
    query = parse_qs(parts.query)
    assert query["date"] == ["2016-10-07"] and query["district"] == ["bustan-al-basha"]
    assert query["map"] == ["13/36.20500/37.16000"]

    # stop the replica that serves this reader: the page reconnects to the other, same view
    serving = proxy.upstreams(f"/{BASE}/app/static/")[-1]
    victim = next(a for a in apps if serving.endswith(f":{a.port}"))
    survivor = next(a for a in apps if a is not victim)
    victim.stop()
    deadline = time.monotonic() + WAIT_MS / 1000
    while not served_by(proxy, f"/{BASE}/_stcore/", survivor):  # the page reconnects (health, host-config)
        assert time.monotonic() < deadline, "the page did not reconnect to the other replica"
        page.wait_for_timeout(200)
    page.get_by_role("heading", name="Bustan al-Basha").wait_for(timeout=WAIT_MS)
    frame = map_frame(page, timeout_s=WAIT_MS / 1000)
    frame.wait_for_function("window.frontlines.date === '2016-10-07'", timeout=WAIT_MS)
    assert status_of(frame, "bustan-al-basha") == "contested"
    assert "date=2016-10-07" in page.url and "district=bustan-al-basha" in page.url
    assert pinned_replica(page) in ("1", "2")  # the reader is pinned to where it was served

    # the replica comes back on its port; the reader stays with the survivor (its session is
    # there), and the page reloaded from its address shows the same view
    apps[apps.index(victim)] = Server(ROOT / "data" / "aleppo", base_path=BASE, port=victim.port)
    page.reload()
    frame = map_frame(page, timeout_s=WAIT_MS / 1000)
    assert status_of(frame, "bustan-al-basha") == "contested"
    assert frame.evaluate("map.getZoom()") == 13
    page.get_by_role("heading", name="Bustan al-Basha").wait_for(timeout=WAIT_MS)
    assert served_by(proxy, "/component/", survivor)  # the map's component files, with the session


def served_by(proxy: Nginx, uri_part: str, app: Server) -> bool:
    """Whether the last request whose path holds ``uri_part`` was answered by ``app``."""
    served = proxy.upstreams(uri_part)
    return bool(served) and served[-1].endswith(f":{app.port}")


def pinned_replica(page) -> str | None:
    return next((c["value"] for c in page.context.cookies() if c["name"] == "frontlines_replica"), None)
