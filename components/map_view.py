"""The control map: districts drawn once, restyled on every date change.

The base map (tiles and every district's shape) is the same on every rerun, so
streamlit-folium keeps the Leaflet map it already has: zoom and pan survive.
What changes on a scrub travels as a tiny feature group whose script calls
``window.frontlines.apply(codes, selected)``: one character per district, the
status code as a digit, or as a letter (a, b, ...) where the status rests on a
change of low confidence, which the map shows paler.
"""

from __future__ import annotations

import folium
import numpy as np
import streamlit as st
from branca.element import MacroElement
from jinja2 import Template
from streamlit_folium import st_folium

from components.js import js_literal
from components.palette import styles_in_code_order

_LEAFLET_JS = ("leaflet", "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js")
_LEAFLET_CSS = ("leaflet_css", "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.css")


class LeafletOnlyMap(folium.Map):
    """A folium Map that loads Leaflet alone (no jQuery, Bootstrap or icon fonts)."""

    default_js = [_LEAFLET_JS]
    default_css = [_LEAFLET_CSS]


class DistrictLayer(MacroElement):
    """Every district as an SVG path with the class ``district district-<id>``.

    Tooltips are built with ``textContent``, so names from data are never parsed as HTML.
    """

    _template = Template("""
{% macro script(this, kwargs) %}
(function () {
  var map = {{ this._parent.get_name() }};
  var styles = {{ this.styles_js }};
  var selected = null;
  var layers = [];
  function styleFor(code, id, low) {
    var s = styles[code], picked = id === selected;
    return {fillColor: s.fillColor, fillOpacity: low ? 0.3 : 0.62, color: picked ? "#111111" : s.color,
            weight: picked ? 4 : 1, opacity: 1, dashArray: s.dashArray};
  }
  // One character per district: "0".."5" a status code, "a".."f" the same with low confidence.
  function codeOf(ch) { return ch >= 97 ? ch - 97 : ch - 48; }
  function isLow(ch) { return ch >= 97; }
  function mark(l) {
    if (!l._path) { return; }
    l._path.setAttribute("data-status", styles[l.statusCode].status);
    l._path.setAttribute("data-confidence", l.lowConfidence ? "low" : "stated");
  }
  function tooltipFor(layer) {
    var p = layer.feature.properties, box = document.createElement("div");
    var en = document.createElement("strong"); en.textContent = p.name_en; box.appendChild(en);
    if (p.name_ar) { var ar = document.createElement("div"); ar.dir = "rtl"; ar.textContent = p.name_ar; box.appendChild(ar); }
    var st = document.createElement("div"); st.className = "district-tooltip-status";
    st.textContent = styles[layer.statusCode] ? styles[layer.statusCode].label + (layer.lowConfidence ? " (low confidence)" : "") : "";
    box.appendChild(st);
    return box;
  }
  var ready = false, pending = null;
  var firstCodes = null;  // the first status string, used while the paths are created (no restyle pass)
  function firstChar(index) { return firstCodes ? firstCodes.charCodeAt(index) : 48 + {{ this.unknown_code }}; }
  var layer = L.geoJson(null, {
    style: function (f) {
      var ch = firstChar(layers.length);
      return Object.assign({className: "district district-" + f.properties.id}, styleFor(codeOf(ch), f.properties.id, isLow(ch)));
    },
    onEachFeature: function (f, l) {
      var ch = firstChar(layers.length);
      l.statusCode = codeOf(ch); l.lowConfidence = isLow(ch); layers.push(l);
    }
  }).addTo(map);
  layer.bindTooltip(tooltipFor, {sticky: true});  // one tooltip for the group: far cheaper than one per district
  function apply(codes, picked, date) {
    if (!ready) { pending = [codes, picked, date]; return; }
    var shown = sliderDay();
    if (shown !== null && shown !== dayOf(date)) { codes = null; date = window.frontlines.date; }  // stale rerun: the slider moved on
    var before = selected; selected = picked;
    for (var i = 0; i < layers.length; i++) {
      var l = layers[i], id = l.feature.properties.id, ch = codes === null ? null : codes.charCodeAt(i);
      var code = ch === null ? l.statusCode : codeOf(ch), low = ch === null ? l.lowConfidence : isLow(ch);
      if (code !== l.statusCode || low !== l.lowConfidence || id === picked || id === before) {
        l.statusCode = code; l.lowConfidence = low;
        l.setStyle(styleFor(code, id, low));
        mark(l);
      }
      if (id === picked && l.bringToFront) { l.bringToFront(); }
    }
    window.frontlines.date = date;
    document.body.setAttribute("data-frontlines-date", date);
  }
  window.frontlines = {layer: layer, date: null, apply: apply, following: false, followedSlider: 0};
  // Leaflet focuses the map on mousedown; inside Streamlit's iframe that scrolls the page
  // to show the whole map, the mouseup lands on another district and the click is lost.
  if (map.keyboard) {
    map.keyboard.disable();
    map.keyboard._onMouseDown = function () {
      if (!this._focused) { this._map._container.focus({preventScroll: true}); }
    };
    map.keyboard.enable();
  }

  // Instant scrubbing: with every district's timeline in the page, follow the date
  // slider in the parent page and restyle at once; the rerun that follows confirms it.
  var follow = {{ this.follow_js }}, timeline = null, followedDay = null;
  function dayOf(iso) { return iso ? Math.round(Date.parse(iso + "T00:00:00Z") / 86400000) : null; }
  function isoOf(day) { return new Date(day * 86400000).toISOString().slice(0, 10); }
  function sliderDay() {
    if (!follow || !timeline) { return null; }
    var input = window.parent.document.querySelector(".st-key-" + follow.key + " input[type=range]");
    var micros = input ? Number(input.value) : NaN;  // Streamlit's date slider counts microseconds
    return isFinite(micros) ? Math.round(micros / 86400000000) : null;
  }
  function codesAt(day) {
    var t = timeline, rel = day - t.base_day, out = new Array(layers.length);
    for (var i = 0; i < layers.length; i++) {
      var lo = t.offsets[i], hi = t.offsets[i + 1], ch = 48 + t.initial;
      while (lo < hi) { var mid = (lo + hi) >> 1; if (t.days[mid] <= rel) { lo = mid + 1; } else { hi = mid; } }
      if (lo > t.offsets[i]) { ch = t.codes.charCodeAt(lo - 1) + (t.low.charCodeAt(lo - 1) === 49 ? 49 : 0); }
      out[i] = String.fromCharCode(ch);
    }
    return out.join("");
  }
  function followSlider() {
    var day = sliderDay();
    if (day === null || day === followedDay || !ready) { return; }
    followedDay = day;
    apply(codesAt(day), selected, isoOf(day));
    window.frontlines.followedSlider += 1;  // scrubs painted in the page, before any rerun
  }
  function loadTimeline() {
    fetch(new URL(follow.timeline, window.parent.document.baseURI)).then(function (response) {
      if (!response.ok) { throw new Error("HTTP " + response.status); }
      return response.json();
    }).then(function (loaded) {
      timeline = loaded;
      new MutationObserver(followSlider).observe(window.parent.document.body,
        {subtree: true, attributes: true, attributeFilter: ["value"]});
      window.frontlines.following = true;
    }).catch(function () { timeline = null; });  // scrubbing still works through reruns
  }
  // The shapes come from a static file, fetched once: reruns then carry no geometry.
  var inline = {{ this.inline_js }};
  (inline ? Promise.resolve(inline) : fetch(new URL({{ this.shapes_path_js }}, window.parent.document.baseURI)).then(function (response) {
    if (!response.ok) { throw new Error("HTTP " + response.status); }
    return response.json();
  })).then(function (shapes) {
    performance.mark("frontlines-shapes-loaded");
    if (pending) { firstCodes = pending[0]; selected = pending[1]; }
    layer.addData(shapes);
    performance.mark("frontlines-shapes-drawn");
    ready = true;
    for (var i = 0; i < layers.length; i++) { mark(layers[i]); }
    if (pending) { apply.apply(null, pending); }
    if (follow) { setTimeout(loadTimeline, 0); }  // after the first paint: the timelines can be large
  }).catch(function (error) {
    var box = L.control({position: "topright"});
    box.onAdd = function () {
      var div = L.DomUtil.create("div", "frontlines-load-error");
      div.style.cssText = "background:#fff;padding:.5em;border:2px solid #b00;max-width:18em";
      div.textContent = "The district shapes could not be loaded (" + error.message + "). Reload the page to try again.";
      return div;
    };
    box.addTo(map);
  });
})();
{% endmacro %}
""")

    def __init__(
        self,
        *,
        shapes_path: str | None,
        inline_shapes_js: str | None,
        unknown_code: int,
        follow_slider: dict | None = None,
    ):
        super().__init__()
        self._name = "DistrictLayer"
        self.follow_js = js_literal(follow_slider)
        self.shapes_path_js = js_literal(shapes_path)
        self.inline_js = inline_shapes_js or "null"
        self.styles_js = js_literal(styles_in_code_order())
        self.unknown_code = int(unknown_code)


class StatusUpdate(folium.FeatureGroup):
    """An empty feature group whose script restyles the districts already drawn."""

    _template = Template("""
{% macro script(this, kwargs) %}
var {{ this.get_name() }} = L.featureGroup();
if (window.frontlines) { window.frontlines.apply({{ this.codes_js }}, {{ this.selected_js }}, {{ this.date_js }}); }
{% endmacro %}
""")

    def __init__(self, codes: np.ndarray, low_confidence: np.ndarray, selected: str | None, date: str):
        super().__init__(name="status", control=False)
        chars = np.asarray(codes, dtype=np.int64) + np.where(np.asarray(low_confidence, dtype=bool), 97, 48)
        self.codes_js = js_literal("".join(map(chr, chars.tolist())))
        self.selected_js = js_literal(selected)
        self.date_js = js_literal(date)


def render_map(
    *,
    shapes_path: str | None,
    inline_shapes_js: str | None = None,
    timeline_path: str | None = None,
    slider_key: str | None = None,
    center: tuple[float, float],
    zoom: int,
    unknown_code: int,
    codes: np.ndarray,
    low_confidence: np.ndarray,
    selected: str | None,
    date: str,
    on_click,
    key: str = "map",
    height: int = 620,
) -> None:
    """Draw the map; ``on_click(district_id)`` is called when a district is clicked.

    ``codes`` are the districts' status codes and ``low_confidence`` flags the
    districts whose status rests on a low-confidence change (drawn paler).

    ``shapes_path`` is the districts' GeoJSON, relative to the app's URL (see
    :func:`components.static_files.publish`), in the order of ``codes``; where
    static serving is off, ``inline_shapes_js`` carries the same GeoJSON in the script.
    With ``timeline_path`` (``Theatre.timelines()`` as JSON) and the date slider's
    ``slider_key``, the map follows the slider in the browser without waiting for a rerun.
    """
    base = LeafletOnlyMap(location=list(center), zoom_start=zoom, tiles="OpenStreetMap", control_scale=True)
    follow = {"key": slider_key, "timeline": timeline_path} if timeline_path and slider_key else None
    DistrictLayer(
        shapes_path=shapes_path, inline_shapes_js=inline_shapes_js, unknown_code=unknown_code, follow_slider=follow
    ).add_to(base)

    def clicked() -> None:
        value = st.session_state.get(key) or {}
        feature = value.get("last_active_drawing") or {}
        district_id = (feature.get("properties") or {}).get("id")
        if isinstance(district_id, str):
            on_click(district_id)

    st_folium(
        base,
        key=key,
        height=height,
        use_container_width=True,
        returned_objects=["last_active_drawing"],
        feature_group_to_add=StatusUpdate(codes, low_confidence, selected, date),
        on_change=clicked,
    )
