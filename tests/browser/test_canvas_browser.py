"""Canvas mode (issue 11): a small synthetic theatre forced over the canvas threshold, in headless Chromium.

Above ``canvasThreshold`` districts the map draws them on a canvas instead of SVG paths. The
dashboard never lowers the threshold, so the test wraps FrontlinesMap.init in the map's
frame (an init script) to pass ``canvasThreshold: 0``: every district is then drawn on the
canvas, and the test reads its status with frontlines.statusOf and its colour from the pixels.
"""

from __future__ import annotations

import datetime as dt

import pytest

from frontlines_dev.server import Server, map_frame
from geo import load_theatre
from geo.dates import day_number
from geo.statuses import STATUSES, encode_status_chars
from geo.synth import synth_theatre

# In every frame, before its scripts: FrontlinesMap.init gets canvasThreshold 0 (and the
# options the placeholder is replaced with).
FORCE_CANVAS = """
(() => {
  let wrapped;
  Object.defineProperty(self, "FrontlinesMap", {
    configurable: true,
    get() { return wrapped; },
    set(api) {
      wrapped = Object.assign({}, api, {
        init: (options) => api.init(Object.assign({}, options, {canvasThreshold: 0}, EXTRA_OPTIONS)),
      });
    },
  });
})();
"""
# ... and rasterMin 0: districts and front line drawn as pixels however few are in view.
FORCE_PIXELS = FORCE_CANVAS.replace("EXTRA_OPTIONS", "{rasterMin: 0}")
FORCE_CANVAS = FORCE_CANVAS.replace("EXTRA_OPTIONS", "{}")
# In the map's frame: keep a copy of both canvases' pixels as drawn (incrementally, restyle by
# restyle), redraw both from scratch as a view change does, and count the bytes that differ.
STALE_BYTES = """
() => {
  const f = window.frontlines;
  const canvases = ["canvas.frontlines-districts", "canvas.frontlines-frontline-canvas"].map((s) => document.querySelector(s));
  const read = (c) => c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
  const before = canvases.map(read);
  for (const renderer of [f.canvas, f.frontline.renderer]) {
    renderer._redrawBounds = null;
    renderer._redraw();
  }
  const after = canvases.map(read);
  let differ = 0;
  before.forEach((b, k) => { for (let i = 0; i < b.length; i++) differ += b[i] !== after[k][i] ? 1 : 0; });
  return {differ: differ, inked: after[0].filter((v, i) => i % 4 === 3 && v > 0).length};
}
"""
# In the map's frame: every district's status fill against the pixel at its centre, as
# [id, expected rgb, drawn rgba]; and the pixel at the middle of its outline's first side.
ALL_PIXELS = """
() => {
  const f = window.frontlines;
  const c = f.canvas;
  const data = c._ctx.getImageData(0, 0, c._container.width, c._container.height).data;
  const at = (x, y) => { const i = 4 * (Math.floor(y - c._bounds.min.y) * c._container.width + Math.floor(x - c._bounds.min.x)); return Array.from(data.slice(i, i + 4)); };
  return f.layer.getLayers().map((l) => {
    const ring = l._parts[0];
    let x = 0, y = 0;
    for (const p of ring) { x += p.x; y += p.y; }
    x /= ring.length; y /= ring.length;
    const side = [(ring[0].x + ring[1].x) / 2, (ring[0].y + ring[1].y) / 2];
    return {id: l.feature.properties.id, fill: l.options.fillColor, low: l.lowConfidence, centre: at(x, y),
            // a pixel inside the district, next to the middle of its first side
            side: at(side[0] + 0.3 * Math.sign(x - side[0]), side[1] + 0.3 * Math.sign(y - side[1]))};
  });
}
"""
# In the map's frame: the pixel at a point inside a district (its vertices' mean: the synthetic
# shapes are convex), the point in the map container's coordinates, and the look drawn there.
PIXEL = """
(id) => {
  const f = window.frontlines;
  const l = f.layer.getLayers().find((x) => x.feature.properties.id === id);
  const ring = l._parts[0];
  let x = 0, y = 0;
  for (const p of ring) { x += p.x; y += p.y; }
  x /= ring.length; y /= ring.length;
  const c = f.canvas;
  const rgba = Array.from(c._ctx.getImageData(Math.round(x - c._bounds.min.x), Math.round(y - c._bounds.min.y), 1, 1).data);
  const at = f.layer._map.layerPointToContainerPoint([x, y]);
  return {rgba: rgba, x: at.x, y: at.y, fill: l.options.fillColor};
}
"""


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    folder = synth_theatre(tmp_path_factory.mktemp("canvas") / "theatre", districts=36, changes=400, seed=5)
    server = Server(folder)
    yield server, load_theatre(folder)
    server.stop()


def rgb(hex_colour: str) -> list[int]:
    return [int(hex_colour[i : i + 2], 16) for i in (1, 3, 5)]


def a_change(theatre):
    """A district and two dates on which its status differs: (id, first date, second date)."""
    start = theatre.meta.start_date
    for days in range(30, 1500, 30):
        later = start + dt.timedelta(days=days)
        before, after = theatre.status_codes_at(start), theatre.status_codes_at(later)
        for i, district_id in enumerate(theatre.district_ids):
            if before[i] != after[i]:
                return district_id, start, later
    raise AssertionError("no district changes in the synthetic theatre")


def test_canvas_mode_paints_scrubs_marks_plays_and_clicks(page, synthetic):
    server, theatre = synthetic
    district_id, first, second = a_change(theatre)
    position = theatre.district_ids.index(district_id)
    page.context.add_init_script(FORCE_CANVAS)
    page.goto(f"{server.url}/?date={first}")
    frame = map_frame(page, timeout_s=60)
    frame.wait_for_function("window.frontlines.following")

    # drawn on a canvas: no district paths, the contract's statusOf instead
    assert frame.evaluate("window.frontlines.canvas !== null")
    assert frame.locator("path.district").count() == 0
    assert frame.locator("canvas.frontlines-districts").count() == 1
    assert frame.get_attribute("canvas.frontlines-districts", "data-frontlines-drawn") == first.isoformat()
    status = frame.evaluate("(id) => window.frontlines.statusOf(id)", district_id)
    assert status["status"] == STATUSES[theatre.status_codes_at(first)[position]]
    assert frame.evaluate("window.frontlines.statusOf('no-such-district')") is None

    # painted in the status's colour, at the fill opacity
    pixel = frame.evaluate(PIXEL, district_id)
    assert all(abs(a - b) <= 3 for a, b in zip(pixel["rgba"][:3], rgb(pixel["fill"]), strict=True))
    assert 100 < pixel["rgba"][3] < 255

    # a scrub repaints: the district's status and colour change
    frame.evaluate(f"window.frontlines.showDay({day_number(second)})")
    assert frame.get_attribute("canvas.frontlines-districts", "data-frontlines-drawn") == second.isoformat()
    assert (
        frame.evaluate("(id) => window.frontlines.statusOf(id).status", district_id)
        == STATUSES[theatre.status_codes_at(second)[position]]
    )
    repainted = frame.evaluate(PIXEL, district_id)
    assert repainted["fill"] != pixel["fill"]
    assert all(abs(a - b) <= 3 for a, b in zip(repainted["rgba"][:3], rgb(repainted["fill"]), strict=True))

    # the front line (the district changed sides) is drawn on its own canvas
    frame.wait_for_function("window.frontlines.frontline && window.frontlines.frontline.ready")
    assert frame.evaluate("window.frontlines.frontline.shown") > 0
    assert frame.locator("path.frontline").count() == 0
    assert frame.evaluate(
        """Array.from(document.querySelector('canvas.frontlines-frontline-canvas').getContext('2d')
             .getImageData(0, 0, 2000, 2000).data).some((v, i) => i % 4 === 3 && v > 0)"""
    )

    # compare mode marks the districts that differ from the "from" date
    codes = encode_status_chars(theatre.status_codes_at(first), [False] * len(theatre.district_ids))
    frame.evaluate("(codes) => window.frontlines.markChanged(codes)", codes)
    differ = sum(a != b for a, b in zip(theatre.status_codes_at(first), theatre.status_codes_at(second), strict=True))
    assert frame.evaluate("window.frontlines.changed") == differ
    assert frame.evaluate("(id) => window.frontlines.statusOf(id).changed", district_id) is True
    frame.evaluate("window.frontlines.markChanged(null)")
    assert frame.evaluate("(id) => window.frontlines.statusOf(id).changed", district_id) is False

    # hovering shows the district's tooltip; a click opens its panel
    container = frame.locator(".leaflet-container")
    container.scroll_into_view_if_needed()
    page.wait_for_timeout(400)
    point = frame.evaluate(PIXEL, district_id)
    container.hover(position={"x": point["x"], "y": point["y"]})
    name = f"District {int(district_id[1:])}"  # geo.synth's names
    frame.locator(".leaflet-tooltip", has_text=name).wait_for(timeout=5_000)
    container.click(position={"x": point["x"], "y": point["y"]})
    page.get_by_role("heading", name=name).wait_for(timeout=20_000)
    page.wait_for_function(f"location.search.includes('district={district_id}')", timeout=20_000)

    # playback advances the date and the canvas with it
    frame.evaluate(f"window.frontlines.showDay({day_number(first)})")
    frame.get_by_role("button", name="Play").click()
    later = (first + dt.timedelta(days=5)).isoformat()
    frame.wait_for_function(f"window.frontlines.date > '{later}'", timeout=10_000)
    frame.wait_for_function(  # redrawn on the days a district changes
        f"document.querySelector('canvas.frontlines-districts').dataset.frontlinesDrawn > '{later}'", timeout=10_000
    )
    frame.evaluate("window.frontlines.playback.stop()")


def assert_fills(pixels: list[dict]) -> None:
    for p in pixels:
        assert all(abs(a - b) <= 3 for a, b in zip(p["centre"][:3], rgb(p["fill"]), strict=True)), p
        assert abs(p["centre"][3] - (round(0.3 * 255) if p["low"] else round(0.62 * 255))) <= 1, p


def test_pixel_mode_repaints_only_what_changed_and_leaves_nothing_stale(page, synthetic):
    """Districts and front line as pixels (canvas_raster.js): every district shows its status's
    fill after scrubs forward and back and playback steps, a restyle repaints only the districts
    it changes, and what the canvases show equals a redraw from scratch (no stale pixel)."""
    server, theatre = synthetic
    district_id, first, second = a_change(theatre)
    page.context.add_init_script(FORCE_PIXELS)
    page.goto(f"{server.url}/?date={first}")
    frame = map_frame(page, timeout_s=60)
    frame.wait_for_function("window.frontlines.following")
    frame.wait_for_function("window.frontlines.frontline && window.frontlines.frontline.ready")
    # the first view is drawn as paths, its owner map made in the task after
    frame.wait_for_function("window.frontlines.canvas.frontlinesMode === 'pixels'")
    assert frame.evaluate("window.frontlines.frontline.drawnAs") == "pixels"
    assert_fills(frame.evaluate(ALL_PIXELS))

    # scrub forward, further, and back: the canvases equal a full redraw each time
    count = len(theatre.district_ids)
    for day in (second, second + dt.timedelta(days=200), first + dt.timedelta(days=3), second):
        frame.evaluate(f"window.frontlines.showDay({day_number(day)})")
        painted = frame.evaluate("window.frontlines.canvas.frontlinesLastPaint.districts")
        assert painted < count  # only the restyled districts' pixels were written
        drawn = frame.evaluate(ALL_PIXELS)
        codes = theatre.status_codes_at(day)
        assert [STATUSES[codes[theatre.district_ids.index(p["id"])]] for p in drawn] == [
            frame.evaluate("(id) => window.frontlines.statusOf(id).status", p["id"]) for p in drawn
        ]
        assert_fills(drawn)
        stale = frame.evaluate(STALE_BYTES)
        assert stale["differ"] == 0 and stale["inked"] > 0
    assert frame.evaluate("window.frontlines.frontline.shown") > 0

    # compare marks and the selected district: thick outlines drawn over the pixels
    codes = encode_status_chars(theatre.status_codes_at(first), [False] * count)
    frame.evaluate("(codes) => window.frontlines.markChanged(codes)", codes)
    changed = frame.evaluate("window.frontlines.changed")
    assert changed > 0 and frame.evaluate("window.frontlines.canvas.frontlinesLastPaint.thick") == changed
    marked = next(p for p in frame.evaluate(ALL_PIXELS) if p["id"] == district_id)
    assert all(abs(a - b) <= 40 for a, b in zip(marked["side"][:3], rgb("#0072B2"), strict=True)), marked
    frame.evaluate("window.frontlines.markChanged(null)")
    assert frame.evaluate("window.frontlines.canvas.frontlinesLastPaint.thick") == 0
    frame.evaluate(f"window.frontlines.apply(window.frontlines.codes, '{district_id}', window.frontlines.date)")
    picked = next(p for p in frame.evaluate(ALL_PIXELS) if p["id"] == district_id)
    assert all(v <= 60 for v in picked["side"][:3]) and picked["side"][3] == 255, picked
    assert frame.evaluate(STALE_BYTES)["differ"] == 0
    frame.evaluate("window.frontlines.apply(window.frontlines.codes, null, window.frontlines.date)")

    # playback steps: still equal to a full redraw, every district in its colour
    frame.evaluate(f"window.frontlines.showDay({day_number(first)})")
    frame.evaluate("window.frontlines.playback.play({speed: 'week', fps: 60})")
    frame.wait_for_function("window.frontlines.playback.frames >= 10", timeout=10_000)
    frame.evaluate("window.frontlines.playback.stop()")
    assert_fills(frame.evaluate(ALL_PIXELS))
    assert frame.evaluate(STALE_BYTES)["differ"] == 0

    # hit-testing is the districts' shapes, as in the other modes: hover shows the name
    container = frame.locator(".leaflet-container")
    container.scroll_into_view_if_needed()
    page.wait_for_timeout(400)
    point = frame.evaluate(PIXEL, district_id)
    container.hover(position={"x": point["x"], "y": point["y"]})
    frame.locator(".leaflet-tooltip", has_text=f"District {int(district_id[1:])}").wait_for(timeout=5_000)
