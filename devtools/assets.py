"""Leaflet for the test and benchmark browser, from the npm registry (no CDN is reachable).

The dashboard's map asks for Leaflet on a CDN; the browser tests route those
requests to the same files unpacked from the npm package.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import tarfile
from pathlib import Path

ASSETS = Path(__file__).resolve().parents[1] / "tests" / ".assets"
# URL pattern -> (npm package spec, folder inside the package)
PACKAGES = {
    re.compile(r"^https://cdn\.jsdelivr\.net/npm/leaflet@1\.9\.3/(?P<path>dist/[\w./-]+)$"): ("leaflet@1.9.3", "leaflet-1.9.3"),
}
CONTENT_TYPES = {".js": "application/javascript", ".css": "text/css", ".png": "image/png", ".svg": "image/svg+xml"}


def ensure_packages() -> None:
    """Fetch and unpack each npm package once (cached in tests/.assets)."""
    ASSETS.mkdir(parents=True, exist_ok=True)
    for spec, folder in PACKAGES.values():
        target = ASSETS / folder
        if (target / "package.json").is_file():
            continue
        npm = shutil.which("npm")
        if npm is None:
            raise RuntimeError("npm is needed to fetch Leaflet for the browser tests (apt-get install npm)")
        result = subprocess.run([npm, "pack", spec, "--silent", "--pack-destination", str(ASSETS)],
                                capture_output=True, text=True, timeout=300)
        if result.returncode != 0:
            raise RuntimeError(f"npm pack {spec} failed: {result.stderr.strip()}")
        archive = ASSETS / result.stdout.strip().splitlines()[-1]
        with tarfile.open(archive) as tar:
            tar.extractall(ASSETS / (folder + ".tmp"), filter="data")
        shutil.move(ASSETS / (folder + ".tmp") / "package", target)
        shutil.rmtree(ASSETS / (folder + ".tmp"))


def local_file(url: str) -> Path | None:
    """The unpacked file that stands for a CDN URL, if any."""
    for pattern, (_, folder) in PACKAGES.items():
        match = pattern.match(url)
        if match:
            path = ASSETS / folder / match["path"]
            return path if path.is_file() else None
    return None


def route_cdn(route) -> None:
    """Playwright route handler: answer a CDN request from the unpacked package, else 404."""
    path = local_file(route.request.url)
    if path is None:
        route.fulfill(status=404, body="not served here")
    else:
        route.fulfill(path=str(path), content_type=CONTENT_TYPES.get(path.suffix, "application/octet-stream"))


def offline_context(browser, **options):
    """A browser context whose CDN requests are served locally and whose map tiles are blank.

    Only narrow glob routes: a catch-all route stalls Streamlit's lazily loaded widgets.
    """
    context = browser.new_context(**options)
    context.route("https://cdn.jsdelivr.net/**", route_cdn)
    context.route("https://*.tile.openstreetmap.org/**", lambda route: route.fulfill(status=404, body=""))
    return context
