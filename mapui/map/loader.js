// @ts-check
/*
 * The dashboard map's loader: the only browser code in the script that streamlit-folium
 * sends with every rerun (components/map_view.py, DistrictLayer). The map library (every
 * other file of this folder, in the order of mapui/map_scripts.py) and its styles are
 * static files, fetched once and cached by the browser, or, where static serving is off,
 * inline after this file.
 *
 *   FrontlinesLoader.start(files, options)
 *       files is {script, styles}: the library's and its styles' paths relative to the
 *       page's base URL (so the map works under a sub-path such as /aleppo/); the library
 *       is then loaded and started with FrontlinesMap.init(options). The districts' shapes
 *       (options.shapesUrl) and the front line (options.frontline.url) are fetched at the
 *       same time and handed to init as options.shapes and options.frontline.data (where
 *       such a fetch fails, init fetches again and reports it). files null: the library is
 *       already inline, start it now. If the library cannot be loaded, the map says so
 *       (options.text.loadError).
 *   FrontlinesLoader.call(fn)
 *       fn(window.frontlines) now if the map has started, or once it has: the reruns'
 *       status scripts (StatusUpdate) may run before the library has arrived. Calls are
 *       kept in order.
 *   FrontlinesLoader.state    "loading", "started" or "failed"
 *   FrontlinesLoader.tell(fields)
 *       tell the server something through streamlit-folium's component value: fields are
 *       added to what streamlit-folium last sent (so no click is replayed) and to what was
 *       told before. Told so far: "frontlines_played" (playback stopped, district_layer.js)
 *       and "frontlines_drawn": true once the districts are first drawn or the map has
 *       failed to load; the dashboard draws its charts only then, so that the map's first
 *       paint does not wait for them.
 *
 * streamlit-folium listens for clicks on the layers the map has when its script ends; the
 * districts' layer comes later, so the loader adds an empty layer group at once and makes it
 * the districts' layer's event parent: their clicks still reach the component.
 */
(function (root) {
  "use strict";
  if (root.FrontlinesLoader) {
    return;
  }
  var waiting = [];
  var loader = { state: "loading", start: start, call: call, tell: tell };

  var told = {};
  function tell(fields) {
    if (!root.Streamlit) {
      return;
    }
    Object.assign(told, fields);
    var last = (root.__GLOBAL_DATA__ && root.__GLOBAL_DATA__.previous_data) || {};
    root.Streamlit.setComponentValue(Object.assign({}, last, told));
  }

  function call(fn) {
    if (loader.state === "started") {
      fn(root.frontlines);
    } else {
      waiting.push(fn);
    }
  }

  function started(options, clicks) {
    root.FrontlinesMap.init(options);
    root.frontlines.layer.addEventParent(clicks);
    loader.state = "started";
    var calls = waiting;
    waiting = [];
    for (var i = 0; i < calls.length; i++) {
      calls[i](root.frontlines);
    }
  }

  function element(tag, attributes, required) {
    return new Promise(function (resolve, reject) {
      var node = document.createElement(tag);
      node.onload = resolve;
      node.onerror = function () {
        (required ? reject : resolve)(new Error(attributes.src || attributes.href));
      };
      for (var name in attributes) {
        node.setAttribute(name, attributes[name]);
      }
      document.head.appendChild(node);
    });
  }

  /** The page's Leaflet map, a global named by options.map (folium's map_<id>).
   * @param {{map: string}} options
   * @returns {import("leaflet").Map} */
  function leafletMap(options) {
    return /** @type {import("leaflet").Map} */ (/** @type {unknown} */ (root[options.map]));
  }

  function failed(options, error) {
    loader.state = "failed";
    var box = new L.Control({ position: "topright" });
    box.onAdd = function () {
      var div = L.DomUtil.create("div", "frontlines-load-error");
      div.setAttribute("role", "alert");
      div.textContent = options.text.loadError.replace("{error}", error.message);
      return div;
    };
    box.addTo(leafletMap(options));
    tell({ frontlines_drawn: true }); // done trying: the page need not wait for the map
  }

  function data(url, base) {
    if (!url) {
      return null;
    }
    return fetch(new URL(url, base))
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .catch(function () {
        return null;
      });
  }

  function start(files, options) {
    var clicks = L.featureGroup().addTo(leafletMap(options));
    if (!files) {
      started(options, clicks);
      return;
    }
    var base = root.frontlinesHost.baseURI();
    var frontline = options.frontline;
    Promise.all([
      element("script", { src: new URL(files.script, base).href }, true),
      element("link", { rel: "stylesheet", href: new URL(files.styles, base).href }, false),
      options.shapes ? null : data(options.shapesUrl, base),
      frontline && !frontline.data ? data(frontline.url, base) : null,
    ]).then(
      function (loaded) {
        options.shapes = options.shapes || loaded[2] || undefined;
        if (frontline && loaded[3]) {
          frontline.data = loaded[3];
        }
        started(options, clicks);
      },
      function (error) {
        failed(options, error);
      },
    );
  }

  root.FrontlinesLoader = loader;
})(self);
