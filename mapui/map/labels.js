// @ts-check
/*
 * District names on the map, inside each shape, from the zoom level where they fit (the
 * selected district's always). Names do not change with the date, so a scrub never touches
 * them: they change only on zoom and on a new selection.
 *
 * Each district's GeoJSON properties carry `label` ([lon, lat], the centre of the largest
 * circle inside the shape) and `label_r` (that circle's radius in metres), from geo.export.
 *
 * Pure part (tested with node --test):
 *   labelWidthPx(text)                      estimated width of a label in pixels
 *   metresPerPixel(zoom, lat)               Web Mercator scale
 *   minZoomFor(radiusM, lat, text, maxZoom) first zoom (in quarter steps) at which the name fits
 *   nameFor(properties, language)           the Arabic name where the interface is Arabic and
 *                                           the district has one, else the English name
 *
 * Browser part: attach(L, map, frontlines, options) adds one element per shown name, with
 * the class "district-label" (and "district-label-<id>").
 */
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    root.frontlinesLabels = api;
  }
})(/** @type {Window} */ (typeof self !== "undefined" ? self : this), function () {
  "use strict";
  var EARTH_CIRCUMFERENCE_M = 40075016.686;
  var CHAR_PX = 6.1; // 11px sans-serif, on average
  var MIN_ZOOM = 10;
  var ZOOM_STEP = 0.25; // the map zooms in quarter steps (zoomSnap)

  function labelWidthPx(text) {
    return text.length * CHAR_PX + 4;
  }

  function metresPerPixel(zoom, lat) {
    return (EARTH_CIRCUMFERENCE_M * Math.cos((lat * Math.PI) / 180)) / (256 * Math.pow(2, zoom));
  }

  function minZoomFor(radiusM, lat, text, maxZoom) {
    // the label may overhang its circle a little: a name is read across a street
    var needed = Math.max(labelWidthPx(text) * 0.8, 14);
    for (var z = MIN_ZOOM; z <= maxZoom; z += ZOOM_STEP) {
      if ((2 * radiusM) / metresPerPixel(z, lat) >= needed) {
        return z;
      }
    }
    return Infinity;
  }

  function nameFor(properties, language) {
    return language === "ar" && properties.name_ar ? properties.name_ar : properties.name_en;
  }

  function attach(L, map, frontlines, options) {
    var pane = map.createPane("frontlines-labels");
    pane.style.zIndex = 460;
    pane.style.pointerEvents = "none";
    var language = options.lang || "en";
    var maxZoom = map.getMaxZoom() || 19;
    var entries = [];
    var selected = null;
    var state = { shown: 0 };

    function markerFor(entry) {
      if (!entry.marker) {
        var box = document.createElement("span");
        box.textContent = entry.text; // names from data are never parsed as HTML
        if (language === "ar" && entry.text === entry.properties.name_ar) {
          box.dir = "rtl";
          box.lang = "ar";
        }
        entry.marker = L.marker(entry.latlng, {
          pane: "frontlines-labels",
          interactive: false,
          keyboard: false,
          icon: L.divIcon({
            className: "district-label district-label-" + entry.id,
            html: box,
            iconSize: null,
          }),
        });
      }
      return entry.marker;
    }

    function refresh() {
      var zoom = map.getZoom();
      state.shown = 0;
      for (var i = 0; i < entries.length; i++) {
        var e = entries[i];
        var show = e.minZoom <= zoom || e.id === selected;
        if (show !== e.shown) {
          if (show) {
            markerFor(e).addTo(map);
          } else {
            map.removeLayer(e.marker);
          }
          e.shown = show;
        }
        state.shown += show ? 1 : 0;
      }
    }

    frontlines.on("shapes", function (features) {
      entries = features
        .filter(function (f) {
          return f.properties.label;
        })
        .map(function (f) {
          var p = f.properties;
          var text = nameFor(p, language);
          return {
            id: p.id,
            properties: p,
            text: text,
            latlng: [p.label[1], p.label[0]],
            minZoom: minZoomFor(p.label_r || 0, p.label[1], text, maxZoom),
            shown: false,
            marker: null,
          };
        });
      refresh();
    });
    frontlines.on("apply", function (codes, picked) {
      if (picked !== selected) {
        selected = picked;
        refresh();
      }
    });
    map.on("zoomend", refresh);
    return state;
  }

  return {
    labelWidthPx: labelWidthPx,
    metresPerPixel: metresPerPixel,
    minZoomFor: minZoomFor,
    nameFor: nameFor,
    attach: attach,
  };
});
