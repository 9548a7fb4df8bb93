// @ts-check
/*
 * The view in a share link's query string, parsed and written the same way by the dashboard
 * (components/url_state.py holds a Python twin; tests/url_view_cases.json holds both equal)
 * and the static site. Pure functions, no DOM.
 *
 *   from=2016-09-01             compare mode's earlier date (the dashboard; YYYY-MM-DD)
 *   date=2016-10-07             the day shown (YYYY-MM-DD)
 *   district=bustan-al-basha    the selected district's id
 *   map=14/36.20100/37.13400    zoom/latitude/longitude of the map
 *   layers=hrw-damage-sites,... the optional map layers switched on (empty: none; absent: defaults)
 *   mode=embed                  map, slider and legend only (the only mode)
 *   lang=ar                     the interface language (absent: English; components/i18n.py)
 *   v=3f52cc5a                  the data version the link was made with (geo.version.data_version)
 *
 * parse(query) returns {view, problems}: view has every key (null where absent or invalid) and
 * problems lists [param, value] for each value ignored. The app checks what needs the data (a
 * date in range, a district that exists). serialise(view) writes the keys in the order above.
 */
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    root.frontlinesViewUrl = api;
  }
})(/** @type {Window} */ (typeof self !== "undefined" ? self : this), function () {
  "use strict";
  var KEYS = ["from", "date", "district", "map", "layers", "mode", "lang", "v"];
  // components/i18n.py LANGUAGES (tests/test_url_view.py holds the two equal)
  var LANGUAGES = ["en", "ar"];
  var SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
  var DATE = /^\d{4}-\d{2}-\d{2}$/;
  var NUMBER = /^-?\d{1,3}(?:\.\d{1,8})?$/;
  var VERSION = /^[0-9a-f]{8}$/;
  var MAX_SLUG = 100;
  var MAX_LAYERS = 12;

  function slug(value) {
    return value.length <= MAX_SLUG && SLUG.test(value);
  }

  function parseMap(value) {
    var parts = value.split("/");
    if (parts.length !== 3 || !parts.every(function (p) { return NUMBER.test(p); })) {
      return null;
    }
    var zoom = Number(parts[0]);
    var lat = Number(parts[1]);
    var lon = Number(parts[2]);
    if (zoom < 0 || zoom > 22 || lat < -90 || lat > 90 || lon < -180 || lon > 180) {
      return null;
    }
    return { zoom: zoom, lat: lat, lon: lon };
  }

  var PARSERS = {
    from: function (v) { return DATE.test(v) ? v : null; },
    date: function (v) { return DATE.test(v) ? v : null; },
    district: function (v) { return slug(v) ? v : null; },
    map: parseMap,
    layers: function (v) {
      var names = v === "" ? [] : v.split(",");
      return names.length <= MAX_LAYERS && names.every(slug) ? names : null;
    },
    mode: function (v) { return v === "embed" ? v : null; },
    lang: function (v) { return LANGUAGES.indexOf(v) >= 0 ? v : null; },
    v: function (v) { return VERSION.test(v) ? v : null; },
  };

  /** The view of a query string ("?a=b&..." or "a=b&..."), and the values it ignored. */
  function parse(query) {
    var params = new URLSearchParams(query);
    var view = {};
    var problems = [];
    KEYS.forEach(function (key) {
      view[key] = null;
      if (!params.has(key)) {
        return;
      }
      var value = params.get(key);
      if (value === "" && key !== "layers") {
        return; // an empty value is an absent one
      }
      view[key] = PARSERS[key](value);
      if (view[key] === null) {
        problems.push([key, value]);
      }
    });
    return { view: view, problems: problems };
  }

  /** "zoom/lat/lon" of a map view: whole zoom levels as integers, 5 decimals (about a metre). */
  function formatMap(map) {
    var zoom = Math.round(map.zoom * 100) / 100;
    return zoom + "/" + map.lat.toFixed(5) + "/" + map.lon.toFixed(5);
  }

  /** The query string ("date=...&...", no "?") of a view; null and absent keys are left out. */
  function serialise(view) {
    var parts = [];
    KEYS.forEach(function (key) {
      var value = view[key];
      if (value === null || value === undefined) {
        return;
      }
      if (key === "map") {
        value = typeof value === "string" ? value : formatMap(value);
      } else if (key === "layers") {
        value = Array.isArray(value) ? value.join(",") : value;
      }
      parts.push(key + "=" + encodeURIComponent(value).replace(/%2C/g, ",").replace(/%2F/g, "/"));
    });
    return parts.join("&");
  }

  /** A query string with some keys replaced (null removes one), keeping every other parameter. */
  function merge(query, changes) {
    var params = new URLSearchParams(query);
    var view = {};
    KEYS.forEach(function (key) {
      view[key] = key in changes ? changes[key] : params.has(key) ? params.get(key) : null;
    });
    var others = [];
    params.forEach(function (value, key) {
      if (KEYS.indexOf(key) < 0) {
        others.push(encodeURIComponent(key) + "=" + encodeURIComponent(value));
      }
    });
    return [serialise(view)].concat(others).filter(Boolean).join("&");
  }

  return { KEYS: KEYS, LANGUAGES: LANGUAGES, parse: parse, serialise: serialise, merge: merge, formatMap: formatMap };
});
