/*
 * The front line on the map: the borders between neighbouring districts held by different
 * sides, switched on and off from the day's status string on every scrub. The borders are
 * computed once per data version in geo (geo.frontline.borders_payload) and fetched once.
 *
 * Pure part (Node tests hold it equal to geo.frontline.front_mask on every day of Aleppo):
 *   activeMask(pairs, codes, format, frontCodes) -> Uint8Array, 1 where a border is on the front
 *     pairs       flat [a0, b0, a1, b1, ...] district positions
 *     codes       the status string window.frontlines.apply gets (one character per district)
 *     format      geo.statuses.STATUS_CHAR_BASES
 *     frontCodes  per status code, true for the statuses a front line separates
 *                 (geo.frontline.FRONT_STATUSES: the sides and contested)
 *
 * Browser part: attach(L, map, frontlines, options) draws each active border as an SVG path
 * with the classes "frontline frontline-<id of one district> frontline-<id of the other>";
 * a border that leaves the front is hidden and loses the class "frontline".
 */
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    root.frontlinesFrontline = api;
  }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  function activeMask(pairs, codes, format, frontCodes) {
    var n = pairs.length >> 1;
    var out = new Uint8Array(n);
    for (var k = 0; k < n; k++) {
      var a = codes.charCodeAt(pairs[2 * k]);
      var b = codes.charCodeAt(pairs[2 * k + 1]);
      a = a >= format.low ? a - format.low : a - format.stated;
      b = b >= format.low ? b - format.low : b - format.stated;
      out[k] = a !== b && frontCodes[a] && frontCodes[b] ? 1 : 0;
    }
    return out;
  }

  function attach(L, map, frontlines, options) {
    var settings = options.frontline;
    var pane = map.createPane("frontlines-frontline");
    pane.style.zIndex = 450; // above the districts (400), below labels and markers
    pane.style.pointerEvents = "none";
    var group = L.layerGroup().addTo(map);
    var data = null;
    var lines = []; // Leaflet polylines, created the first time a border is on the front
    var shown = new Uint8Array(0);
    var lastCodes = null;
    var state = { shown: 0, ready: false };

    function lineFor(k) {
      if (!lines[k]) {
        var ids = frontlines.ids; // district ids in the order of the status string
        var a = ids[data.pairs[2 * k]];
        var b = ids[data.pairs[2 * k + 1]];
        var latlngs = data.lines[k].map(function (part) {
          return part.map(function (xy) {
            return [xy[1], xy[0]];
          });
        });
        lines[k] = L.polyline(latlngs, {
          pane: "frontlines-frontline",
          className: "frontline frontline-" + a + " frontline-" + b,
          color: settings.color,
          weight: settings.weight,
          opacity: 1,
          lineCap: "round",
          interactive: false,
        });
      }
      return lines[k];
    }

    // A segment is created the first time it is on the front; after that it is only shown or
    // hidden (and loses its "frontline" class while hidden): no path is re-created on a scrub.
    function show(k, on) {
      var line = lineFor(k);
      if (!line._path) {
        if (on) {
          group.addLayer(line);
        }
        return;
      }
      line._path.style.display = on ? "" : "none";
      (on ? L.DomUtil.addClass : L.DomUtil.removeClass)(line._path, "frontline");
    }

    function update(codes) {
      lastCodes = codes;
      if (!data || codes === null) {
        return;
      }
      var mask = activeMask(data.pairs, codes, options.format, settings.frontCodes);
      for (var k = 0; k < mask.length; k++) {
        if (mask[k] !== shown[k]) {
          show(k, mask[k] === 1);
          state.shown += mask[k] ? 1 : -1;
          shown[k] = mask[k];
        }
      }
    }

    frontlines.on("apply", function (codes) {
      update(codes);
    });
    frontlines
      .fetchJson(settings.url, settings.data)
      .then(function (loaded) {
        data = loaded;
        shown = new Uint8Array(data.pairs.length >> 1);
        state.ready = true;
        state.borders = shown.length;
        update(lastCodes === null ? frontlines.codes : lastCodes);
      })
      .catch(function () {
        state.failed = true; // the districts still work without their front line
      });
    return state;
  }

  return { activeMask: activeMask, attach: attach };
});
