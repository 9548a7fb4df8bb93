"""Leaflet for the test and benchmark browser, from the npm registry (no CDN is reachable),
and axe-core, the accessibility checker the browser tests inject into the page.

The dashboard's map asks for Leaflet on a CDN; the browser tests answer those
requests with the same files unpacked from the npm package.
"""

from __future__ import annotations

import base64
import functools
import json
import os
import re
import shutil
import subprocess
import tarfile
from pathlib import Path

ASSETS = Path(__file__).resolve().parents[1] / "tests" / ".assets"
# URL pattern -> (npm package spec, folder inside the package)
PACKAGES = {
    re.compile(r"^https://cdn\.jsdelivr\.net/npm/leaflet@1\.9\.3/(?P<path>dist/[\w./-]+)$"): (
        "leaflet@1.9.3",
        "leaflet-1.9.3",
    ),
}
#: npm packages the tests use themselves (not answers to the page's requests): spec -> folder
TOOLS = {"axe-core@4.14.1": "axe-core-4.14.1"}
CONTENT_TYPES = {".js": "application/javascript", ".css": "text/css", ".png": "image/png", ".svg": "image/svg+xml"}


def ensure_packages() -> None:
    """Fetch and unpack each npm package once (cached in tests/.assets)."""
    ASSETS.mkdir(parents=True, exist_ok=True)
    for spec, folder in [*PACKAGES.values(), *TOOLS.items()]:
        target = ASSETS / folder
        if (target / "package.json").is_file():
            continue
        npm = shutil.which("npm")
        if npm is None:
            raise RuntimeError(
                "npm is needed to fetch Leaflet and axe-core for the browser tests (apt-get install npm)"
            )
        result = subprocess.run(
            [npm, "pack", spec, "--silent", "--pack-destination", str(ASSETS)],
            capture_output=True,
            text=True,
            timeout=300,
        )
        if result.returncode != 0:
            raise RuntimeError(f"npm pack {spec} failed: {result.stderr.strip()}")
        archive = ASSETS / result.stdout.strip().splitlines()[-1]
        with tarfile.open(archive) as tar:
            tar.extractall(ASSETS / (folder + ".tmp"), filter="data")
        shutil.move(ASSETS / (folder + ".tmp") / "package", target)
        shutil.rmtree(ASSETS / (folder + ".tmp"))


@functools.cache
def axe_source() -> str:
    """The text of axe-core's ``axe.min.js``, to inject into a page under test."""
    ensure_packages()
    return (ASSETS / TOOLS["axe-core@4.14.1"] / "axe.min.js").read_text(encoding="utf-8")


@functools.cache
def cdn_har() -> Path:
    """A HAR file that answers the CDN URLs the dashboard uses from the unpacked packages.

    Playwright replays it in the browser driver itself, so the answers do not
    wait for Python (which serves routed requests only while it runs a Playwright call).
    """
    ensure_packages()
    har = ASSETS / "cdn.har"
    entries = []
    for pattern, (spec, folder) in PACKAGES.items():
        name, version = spec.rsplit("@", 1)
        for path in sorted((ASSETS / folder / "dist").rglob("*")):
            if not path.is_file() or path.suffix not in CONTENT_TYPES:
                continue
            url = f"https://cdn.jsdelivr.net/npm/{name}@{version}/{path.relative_to(ASSETS / folder).as_posix()}"
            assert pattern.match(url), url
            body = path.read_bytes()
            entries.append(
                {
                    "startedDateTime": "2026-01-01T00:00:00.000Z",
                    "time": 0,
                    "timings": {"send": 0, "wait": 0, "receive": 0},
                    "cache": {},
                    "request": {
                        "method": "GET",
                        "url": url,
                        "httpVersion": "HTTP/1.1",
                        "headers": [],
                        "queryString": [],
                        "cookies": [],
                        "headersSize": -1,
                        "bodySize": 0,
                    },
                    "response": {
                        "status": 200,
                        "statusText": "OK",
                        "httpVersion": "HTTP/1.1",
                        "cookies": [],
                        "redirectURL": "",
                        "headers": [
                            {"name": "Content-Type", "value": CONTENT_TYPES[path.suffix]},
                            {"name": "Access-Control-Allow-Origin", "value": "*"},
                        ],
                        "content": {
                            "size": len(body),
                            "mimeType": CONTENT_TYPES[path.suffix],
                            "text": base64.b64encode(body).decode(),
                            "encoding": "base64",
                        },
                        "headersSize": -1,
                        "bodySize": len(body),
                    },
                }
            )
    # Written aside and moved into place: another process (a test, a benchmark) may be reading it.
    partial = har.with_name(f"{har.name}.{os.getpid()}.tmp")
    partial.write_text(
        json.dumps(
            {"log": {"version": "1.2", "creator": {"name": "aleppo-frontlines", "version": "1"}, "entries": entries}}
        )
    )
    os.replace(partial, har)
    return har


def offline_context(browser, **options):
    """A browser context whose CDN requests are answered locally and whose map tiles are refused.

    Only narrow URL patterns: a catch-all route stalls Streamlit's lazily loaded widgets.
    """
    context = browser.new_context(**options)
    har = cdn_har()
    context.route_from_har(har, url="https://cdn.jsdelivr.net/**", not_found="abort")
    context.route_from_har(har, url="https://*.tile.openstreetmap.org/**", not_found="abort")
    return context
