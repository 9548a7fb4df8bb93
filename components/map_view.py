"""The control map: districts drawn once, restyled on every date change.

The base map (tiles and every district's shape) is the same on every rerun, so
streamlit-folium keeps the Leaflet map it already has: zoom and pan survive.
What changes on a scrub travels as a tiny feature group whose script calls
``window.frontlines.apply(codes, selected)``: one status digit per district.
"""
from __future__ import annotations

import folium
import streamlit as st
import numpy as np
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
  function styleFor(code, id) {
    var s = styles[code], picked = id === selected;
    return {fillColor: s.fillColor, fillOpacity: 0.62, color: picked ? "#111111" : s.color,
            weight: picked ? 4 : 1, opacity: 1, dashArray: s.dashArray};
  }
  function tooltipFor(layer) {
    var p = layer.feature.properties, box = document.createElement("div");
    var en = document.createElement("strong"); en.textContent = p.name_en; box.appendChild(en);
    if (p.name_ar) { var ar = document.createElement("div"); ar.dir = "rtl"; ar.textContent = p.name_ar; box.appendChild(ar); }
    var st = document.createElement("div"); st.className = "district-tooltip-status";
    st.textContent = styles[layer.statusCode] ? styles[layer.statusCode].label : ""; box.appendChild(st);
    return box;
  }
  var layer = L.geoJson({{ this.features_js }}, {
    style: function (f) { return Object.assign({className: "district district-" + f.properties.id}, styleFor({{ this.unknown_code }}, null)); },
    onEachFeature: function (f, l) { layers.push(l); l.bindTooltip(tooltipFor, {sticky: true}); }
  }).addTo(map);
  window.frontlines = {
    layer: layer,
    date: null,
    apply: function (codes, picked, date) {
      var before = selected; selected = picked;
      for (var i = 0; i < layers.length; i++) {
        var l = layers[i], code = codes.charCodeAt(i) - 48, id = l.feature.properties.id;
        if (code !== l.statusCode || id === picked || id === before) {
          l.statusCode = code;
          l.setStyle(styleFor(code, id));
          if (l._path) { l._path.setAttribute("data-status", styles[code].status); }
        }
        if (id === picked && l.bringToFront) { l.bringToFront(); }
      }
      window.frontlines.date = date;
      document.body.setAttribute("data-frontlines-date", date);
    }
  };
})();
{% endmacro %}
""")

    def __init__(self, features_js: str, unknown_code: int):
        super().__init__()
        self._name = "DistrictLayer"
        self.features_js = features_js
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

    def __init__(self, codes: np.ndarray, selected: str | None, date: str):
        super().__init__(name="status", control=False)
        self.codes_js = js_literal("".join(map(chr, (np.asarray(codes, dtype=np.int64) + 48).tolist())))
        self.selected_js = js_literal(selected)
        self.date_js = js_literal(date)


def render_map(*, features_js: str, center: tuple[float, float], zoom: int, unknown_code: int,
               codes: np.ndarray, selected: str | None, date: str, on_click, key: str = "map",
               height: int = 620) -> None:
    """Draw the map; ``on_click(district_id)`` is called when a district is clicked."""
    base = LeafletOnlyMap(location=list(center), zoom_start=zoom, tiles="OpenStreetMap", control_scale=True)
    DistrictLayer(features_js, unknown_code).add_to(base)

    def clicked() -> None:
        value = st.session_state.get(key) or {}
        feature = value.get("last_active_drawing") or {}
        district_id = (feature.get("properties") or {}).get("id")
        if isinstance(district_id, str):
            on_click(district_id)

    st_folium(
        base, key=key, height=height, use_container_width=True,
        returned_objects=["last_active_drawing"],
        feature_group_to_add=StatusUpdate(codes, selected, date),
        on_change=clicked,
    )
