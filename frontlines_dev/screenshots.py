"""The README's screenshots, made in headless Chromium on the shipped data.

    python -m frontlines_dev.screenshots [--out docs]

writes ``screenshot.png`` (desktop, English), ``phone-map.png`` and ``phone-panel.png``
(390x844 with touch: the map, then the panel a tap on a district brings into view) and
``arabic.png`` (desktop, ``?lang=ar``). Map tiles are blank: the browser is offline.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from frontlines_dev.assets import offline_context
from frontlines_dev.browser import LAUNCH_ARGS, find_chromium
from frontlines_dev.server import ROOT, Server, map_frame

DESKTOP = {"viewport": {"width": 1400, "height": 1000}}
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2}


def _settle(page) -> None:
    page.wait_for_function(
        "!document.querySelector('[data-stale=true]') && !document.querySelector('[data-testid=stStatusWidget]')",
        timeout=60_000,
    )
    page.wait_for_timeout(800)


def take(out: Path) -> list[Path]:
    """Make every screenshot into ``out``; returns their paths."""
    from playwright.sync_api import sync_playwright

    executable = find_chromium()
    if executable is None:
        raise SystemExit("Chromium is needed (apt-get install chromium)")
    out.mkdir(parents=True, exist_ok=True)
    made = []
    server = Server(ROOT / "data" / "aleppo")
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=executable, args=LAUNCH_ARGS)
            for name, query, options in (
                ("screenshot.png", "?date=2016-10-07&district=bustan-al-basha", DESKTOP),
                ("arabic.png", "?date=2016-10-07&district=bustan-al-basha&lang=ar", DESKTOP),
            ):
                context = offline_context(browser, **options)
                page = context.new_page()
                page.goto(f"{server.url}/{query}")
                map_frame(page, timeout_s=90)
                _settle(page)
                page.screenshot(path=out / name)
                made.append(out / name)
                context.close()

            context = offline_context(browser, **PHONE)
            page = context.new_page()
            page.goto(f"{server.url}/?date=2016-10-07")
            frame = map_frame(page, timeout_s=90)
            _settle(page)
            frame.frame_element().evaluate("el => el.scrollIntoView({block: 'center', behavior: 'instant'})")
            page.wait_for_timeout(500)
            page.screenshot(path=out / "phone-map.png")
            made.append(out / "phone-map.png")
            box = frame.frame_element().bounding_box()
            target = frame.evaluate(
                "(() => { const p = map.latLngToContainerPoint(window.frontlines.layer.getLayers().find("
                "l => l.feature.properties.id === 'bustan-al-basha').getBounds().getCenter()); return [p.x, p.y]; })()"
            )
            page.touchscreen.tap(box["x"] + target[0], box["y"] + target[1])
            page.wait_for_function("document.body.hasAttribute('data-frontlines-revealed')", timeout=60_000)
            _settle(page)
            page.screenshot(path=out / "phone-panel.png")
            made.append(out / "phone-panel.png")
            context.close()
            browser.close()
    finally:
        server.stop()
    return made


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    for path in take(parser.parse_args(argv).out):
        print(path)


if __name__ == "__main__":
    main()
