// @ts-check
/*
 * The districts of a theatre on a Leaflet map, restyled in place when the date changes.
 * Loaded by components/map_view.py (DistrictLayer) and the static site after the files before
 * it in mapui.map_scripts.MAP_SCRIPT_FILES, then started with one call,
 * FrontlinesMap.init(options). The options, the window.frontlines object it returns and what
 * the DOM carries for tests and tooling are typed in contract.d.ts (checked by tsc).
 */
(function (root, factory) {
  "use strict";
  var api = factory(root);
  if (typeof module === "object" && module.exports) {
    module.exports = api; // Node's tests (tests/js/district_layer.test.js): the pure part
  } else {
    root.FrontlinesMap = api;
  }
})(/** @type {Window} */ (typeof self !== "undefined" ? self : this), function (root) {
  "use strict";
  /** A district's Leaflet path, with what the map keeps on it.
   * @typedef {import("leaflet").Polygon & {statusChar: string, statusCode: number, lowConfidence: boolean,
   *   changed: boolean, _path: DistrictPathElement}} DistrictPath
   * @typedef {SVGPathElement & {frontlinesLayer?: DistrictPath}} DistrictPathElement */
  var timelineApi = root.frontlinesTimeline;
  var CHANGED_COLOR = "#0072B2"; // Okabe-Ito blue: no status uses it
  // Above this many districts they are drawn on one canvas: the browser's restyle and repaint
  // of ten thousand SVG paths took 5 to 10 times a frame's budget (issue 11, bench/frame_breakdown.py).
  var CANVAS_THRESHOLD = 3000;

  /** "canvas" where a theatre of `count` districts is drawn on a canvas, else "svg".
   * threshold null or undefined: the default, CANVAS_THRESHOLD. */
  function drawMode(count, threshold) {
    var limit = threshold === null || threshold === undefined ? CANVAS_THRESHOLD : threshold;
    return count > limit ? "canvas" : "svg";
  }

  /** The order to draw paths in, grouped by look: `looks` holds each path's Leaflet options;
   * returns lists of positions in `looks`, one per distinct look, thinner outlines first (a
   * changed or selected district's thicker one comes last, on top), and among equal widths in
   * the order of the looks' keys. A look is the fill, outline, their opacities, width, dashes
   * and caps; or, where the options carry it, `look`: a name for all of those (styleFor's),
   * quicker. The order depends on the looks alone, never on which paths are drawn: a partial
   * repaint (groupedCanvas's redraw of the dirty paths) lays outlines over each other as a full
   * redraw does. */
  function groupByLook(looks) {
    var groups = [];
    var at = Object.create(null);
    for (var i = 0; i < looks.length; i++) {
      var o = looks[i];
      var key =
        o.look !== undefined
          ? o.look
          : [o.fillColor, o.fillOpacity, o.color, o.opacity, o.weight, o.dashArray, o.lineCap].join("|");
      if (!(key in at)) {
        at[key] = groups.length;
        groups.push({ weight: o.weight, key: key, members: [] });
      }
      groups[at[key]].members.push(i);
    }
    return groups
      .sort(function (a, b) {
        return a.weight - b.weight || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
      })
      .map(function (g) {
        return g.members;
      });
  }

  // From this many districts in view they are drawn as pixels (canvas_raster.js): each is then
  // a few pixels across, where a path's antialiasing shows little and costs the most.
  var RASTER_MIN = 2000;
  // Outlines at least this wide (a selected district's, a compare mark's) are drawn as paths
  // over the pixels.
  var THICK = 3;

  /** A district's outline as a Path2D in layer pixels, made once per view: Leaflet makes new
   * parts (clipped and simplified for the zoom) when the view changes, and only then. */
  function pathOf(l) {
    if (l._frontlinesParts !== l._parts) {
      var path = new Path2D();
      var parts = l._parts;
      for (var i = 0; i < parts.length; i++) {
        var ring = parts[i];
        path.moveTo(ring[0].x, ring[0].y);
        for (var j = 1; j < ring.length; j++) {
          path.lineTo(ring[j].x, ring[j].y);
        }
        path.closePath();
      }
      l._frontlinesPath = path;
      l._frontlinesParts = parts;
    }
    return l._frontlinesPath;
  }

  // A Leaflet canvas renderer for thousands of districts. With fewer than options.rasterMin
  // in view it fills and strokes every district of one look as one path (Leaflet's own fills
  // and strokes each path apart, ten thousand calls a frame). With more, they are pixels
  // (canvas_raster.js): the owner map is made once per view (pan, zoom, resize), and a
  // restyle writes only the restyled districts' pixels and puts the image on the canvas,
  // then draws the few thick outlines over it.
  var GroupedCanvas = null;
  function groupedCanvas(options) {
    var raster = root.frontlinesRaster;
    if (!GroupedCanvas) {
      GroupedCanvas = L.Canvas.extend({
        _requestRedraw: function (layer) {
          if (this._map && !layer._frontlinesDirty) {
            layer._frontlinesDirty = true;
            (this._dirty = this._dirty || []).push(layer);
          }
          /** @type {any} */ (L.Canvas.prototype)._requestRedraw.call(this, layer); // Leaflet's own, private
        },

        _redraw: function () {
          this._redrawRequest = null;
          var dirty = this._dirty || [];
          this._dirty = [];
          var positions = [];
          var unknown = false; // a district drawn since the owner map was made (none after the first)
          for (var d = 0; d < dirty.length; d++) {
            var l = dirty[d];
            l._frontlinesDirty = false;
            if (l._frontlinesAt !== undefined) {
              positions.push(l._frontlinesAt);
            } else if (l._parts && l._parts.length) {
              unknown = true;
            } // else out of view: nothing of it is drawn
          }
          // Leaflet's view change (_updatePaths) redraws with no bounds: the owner map is made again
          var view = !this._redrawBounds;
          this._redrawBounds = null;
          if (this._pixels && !view && !unknown) {
            this._paintPixels(positions);
          } else {
            this._clear();
            this._draw();
          }
        },

        _draw: function () {
          var shown = [];
          for (var order = this._drawFirst; order; order = order.next) {
            var l = order.layer;
            l._frontlinesAt = undefined;
            if (l._parts.length) {
              l._frontlinesAt = shown.length;
              shown.push(l);
            }
          }
          this._shown = shown;
          this._pixels = null;
          var pixels = shown.length >= this.options.rasterMin;
          // The first view (and its first restyles, in the same task) is drawn as paths and
          // the owner map made in the task after: making it first held back a link's first paint.
          var later = pixels && !this._pixelsSince;
          this.frontlinesMode = pixels && !later ? "pixels" : "paths";
          if (this.frontlinesMode === "pixels") {
            this._makePixels();
            this._paintPixels(null);
            return;
          }
          this._ctx.save();
          this._drawGroups(shown, false);
          this._ctx.restore();
          if (later && !this._pixelsTimer) {
            var self = this;
            this._pixelsTimer = setTimeout(function () {
              self._pixelsTimer = null;
              self._pixelsSince = performance.now();
              if (self._map && !self._pixels && self._shown && self._shown.length >= self.options.rasterMin) {
                self.frontlinesMode = "pixels";
                self._makePixels();
                self._paintPixels(null);
              }
            }, 0);
          }
        },

        // The owner map of the districts in view, in the canvas's device pixels.
        _makePixels: function () {
          var container = this._container;
          var min = this._bounds.min;
          var scale = container.width / Math.max(1, this._bounds.getSize().x); // 2 on a retina screen
          var shapes = this._shown.map(function (l) {
            return l._parts.map(function (ring) {
              var flat = new Float64Array(2 * ring.length);
              for (var i = 0; i < ring.length; i++) {
                flat[2 * i] = (ring[i].x - min.x) * scale;
                flat[2 * i + 1] = (ring[i].y - min.y) * scale;
              }
              return flat;
            });
          });
          var image = this._ctx.createImageData(container.width, container.height);
          this._pixels = {
            raster: raster.rasterize(shapes, container.width, container.height),
            image: image,
            words: new Uint32Array(image.data.buffer),
            looks: new Array(shapes.length),
          };
        },

        // Write the pixels of the districts at `positions` in this._shown (null: all), put the
        // image on the canvas and draw the thick outlines over it.
        _paintPixels: function (positions) {
          var px = this._pixels;
          var shown = this._shown;
          if (positions === null) {
            positions = shown.map(function (l, i) {
              return i;
            });
          }
          for (var k = 0; k < positions.length; k++) {
            var o = shown[positions[k]].options;
            var dash = raster.dashOf(o.dashArray);
            px.looks[positions[k]] = {
              fill: raster.rgba(o.fillColor, o.fillOpacity),
              line: raster.rgba(o.color, o.opacity),
              on: dash.on,
              period: dash.period,
            };
          }
          raster.paint(px.words, px.raster, positions, px.looks);
          var ctx = this._ctx;
          ctx.putImageData(px.image, 0, 0);
          var thick = shown.filter(function (l) {
            return l.options.weight >= THICK;
          });
          if (thick.length) {
            ctx.save();
            this._drawGroups(thick, true);
            ctx.restore();
          }
          this.frontlinesLastPaint = { districts: positions.length, thick: thick.length };
        },

        _drawGroups: function (layers, strokeOnly) {
          var ctx = this._ctx;
          var groups = groupByLook(
            layers.map(function (l) {
              return l.options;
            })
          );
          for (var g = 0; g < groups.length; g++) {
            var members = groups[g];
            var path = new Path2D();
            for (var m = 0; m < members.length; m++) {
              path.addPath(pathOf(layers[members[m]]));
            }
            var o = layers[members[0]].options;
            if (!strokeOnly) {
              ctx.globalAlpha = o.fillOpacity;
              ctx.fillStyle = o.fillColor;
              ctx.fill(path, "evenodd");
            }
            ctx.setLineDash(o._dashArray || []);
            ctx.globalAlpha = o.opacity;
            ctx.lineWidth = o.weight;
            ctx.strokeStyle = o.color;
            ctx.lineCap = o.lineCap;
            ctx.lineJoin = o.lineJoin;
            ctx.stroke(path);
          }
        },
      });
    }
    return new GroupedCanvas(options);
  }

  /** Draw a Leaflet canvas renderer's pending changes now rather than on the next animation
   * frame (Leaflet 1.9 waits for one): the frame that restyles the districts shows them, and
   * a scrub's time includes the drawing. Marks the canvas with the date drawn, where anything
   * was (or the first time): a rerun that confirms the statuses shown changes nothing, as
   * with SVG paths. */
  function drawNow(renderer, date) {
    var first = !renderer._container.hasAttribute("data-frontlines-drawn");
    if (renderer._redrawRequest) {
      L.Util.cancelAnimFrame(renderer._redrawRequest);
      renderer._redraw();
    } else if (!first) {
      return;
    }
    renderer._container.setAttribute("data-frontlines-drawn", date || "");
  }

  /**
   * @param {FrontlinesInitOptions} options
   * @returns {Frontlines}
   */
  function init(options) {
    var map = /** @type {import("leaflet").Map} */ (root[options.map]);
    var styles = options.styles;
    var format = options.format;
    var selected = null;
    /** @type {DistrictPath[]} */
    var layers = [];
    var ready = false;
    var pending = null;
    var timeline = null;
    var followedDay = null;
    var firstCodes = null; // the first status string, used while the paths are created
    var clicks = 0;
    var canvas = null; // the districts' Leaflet canvas renderer, above options.canvasThreshold
    var positionOf = Object.create(null); // district id -> position in the status string

    var text = options.text;
    var arabicFirst = options.lang === "ar";
    var fromCodes = null; // compare mode: the status string at the "from" date

    /** A district's path options (a Leaflet PathOptions with `look`, the name for all of them).
     * @returns {import("leaflet").PathOptions & {look: string}} */
    function styleFor(code, id, low, changed, approx) {
      var s = styles[code];
      var picked = id === selected;
      return {
        look: code + (low ? "l" : "s") + (picked ? "p" : changed ? "c" : "") + (approx ? "a" : ""),
        fillColor: s.fillColor,
        fillOpacity: low ? options.fillOpacity.low : options.fillOpacity.stated,
        color: picked ? "#111111" : changed ? CHANGED_COLOR : s.color,
        weight: picked ? 4 : changed ? 3.5 : approx ? 2 : 1,
        opacity: 1,
        // approximate shapes: a dotted outline
        dashArray: changed && !picked ? null : approx ? "1 5" : s.dashArray,
        lineCap: approx ? "round" : "butt",
      };
    }

    function names(p) {
      var first = arabicFirst && p.name_ar ? p.name_ar : p.name_en;
      var second = arabicFirst && p.name_ar ? p.name_en : p.name_ar;
      return { first: first, second: second === first ? "" : second };
    }

    function statusText(l) {
      var s = styles[l.statusCode];
      return s ? s.label + (l.lowConfidence ? " " + text.lowConfidence : "") : "";
    }

    function mark(l) {
      if (!l._path) {
        return;
      }
      l._path.setAttribute("data-status", styles[l.statusCode].status);
      l._path.setAttribute("data-confidence", l.lowConfidence ? "low" : "stated");
      l._path.setAttribute("aria-label", names(l.feature.properties).first + ": " + statusText(l));
      l._path.setAttribute("data-changed", l.changed ? "true" : "false");
      l._path.classList.toggle("changed", l.changed);
    }

    function changedAt(index, code) {
      return fromCodes !== null && timelineApi.codeOf(fromCodes.charCodeAt(index), format) !== code;
    }

    // Built with textContent: names from data are never parsed as HTML.
    function tooltipFor(l) {
      var n = names(l.feature.properties);
      var box = document.createElement("div");
      box.dir = "auto";
      var first = document.createElement("strong");
      first.textContent = n.first;
      box.appendChild(first);
      if (n.second) {
        var second = document.createElement("div");
        second.dir = "auto";
        second.textContent = n.second;
        box.appendChild(second);
      }
      var status = document.createElement("div");
      status.className = "district-tooltip-status";
      status.textContent = statusText(l);
      box.appendChild(status);
      return box;
    }

    function firstChar(index) {
      return firstCodes ? firstCodes.charCodeAt(index) : format.stated + options.unknownCode;
    }

    function firstStatus(index) {
      return timelineApi.decode(firstChar(index), format);
    }

    var layer = L.geoJson(null, {
      style: function (f) {
        var s = firstStatus(layers.length);
        var approx = !!f.properties.approx;
        return Object.assign(
          { className: "district district-" + f.properties.id + (approx ? " district-approximate" : "") },
          styleFor(s.code, f.properties.id, s.low, changedAt(layers.length, s.code), approx)
        );
      },
      onEachFeature: function (f, layer) {
        var l = /** @type {DistrictPath} */ (layer);
        var s = firstStatus(layers.length);
        l.statusChar = firstChar(layers.length);
        l.statusCode = s.code;
        l.lowConfidence = s.low;
        l.changed = changedAt(layers.length, s.code);
        layers.push(l);
        // Before streamlit-folium reads the clicked feature: a count that makes a second click
        // on the same district a new value (its panel opens again after being closed).
        // A new object, not a change to the old one: streamlit-folium keeps the last value it
        // sent, which shares the old properties, to compare with.
        l.on("click", function () {
          clicks += 1;
          f.properties = Object.assign({}, f.properties, { click: clicks });
        });
      },
    }).addTo(map);
    layer.bindTooltip(tooltipFor, { sticky: true }); // one tooltip for the group: far cheaper than one each

    function sliderDay() {
      if (!options.follow || !timeline) {
        return null;
      }
      return root.frontlinesHost.sliderDay(options.follow.sliderKey);
    }

    function apply(codes, picked, date) {
      if (!ready) {
        pending = [codes, picked, date];
        return;
      }
      var shown = sliderDay();
      if (shown !== null && shown !== timelineApi.dayOf(date)) {
        // a stale rerun: the slider has moved on since the server computed these codes
        codes = null;
        date = frontlines.date;
      }
      paint(codes, picked, date);
    }

    // Restyle the districts whose look changes; codes null keeps every status as it is.
    // The loop makes no object for an unchanged district: at ten thousand a frame, they add up.
    function paint(codes, picked, date) {
      var before = selected;
      var count = 0;
      selected = picked;
      for (var i = 0; i < layers.length; i++) {
        var l = layers[i];
        var id = l.feature.properties.id;
        var ch = codes === null ? l.statusChar : codes.charCodeAt(i);
        var changed = fromCodes !== null && changedAt(i, timelineApi.codeOf(ch, format));
        count += changed ? 1 : 0;
        if (ch !== l.statusChar || changed !== l.changed || id === picked || id === before) {
          var s = timelineApi.decode(ch, format);
          l.statusChar = ch;
          l.statusCode = s.code;
          l.lowConfidence = s.low;
          l.changed = changed;
          l.setStyle(styleFor(s.code, id, s.low, changed, !!l.feature.properties.approx));
          mark(l);
        }
        if (id === picked && l.bringToFront) {
          l.bringToFront();
          if (current !== l) {
            setCurrent(l, false);
          }
        }
      }
      if (canvas) {
        drawNow(canvas, date);
      }
      frontlines.changed = count;
      frontlines.date = date;
      frontlines.day = timelineApi.dayOf(date);
      if (codes !== null) {
        frontlines.codes = codes;
      }
      document.body.setAttribute("data-frontlines-date", date);
      emit("apply", frontlines.codes, picked, date);
    }

    var handlers = {};
    function on(event, fn) {
      (handlers[event] = handlers[event] || []).push(fn);
    }
    function emit(event) {
      var args = Array.prototype.slice.call(arguments, 1);
      (handlers[event] || []).forEach(function (fn) {
        fn.apply(null, args);
      });
    }

    function fitCity(animate) {
      if (layers.length) {
        // keep the districts clear of the controls in the top right corner (the legend)
        var legendBox = /** @type {HTMLElement | null} */ (map.getContainer().querySelector(".leaflet-top.leaflet-right"));
        var right = legendBox && legendBox.offsetWidth < map.getSize().x / 2 ? legendBox.offsetWidth + 12 : 6;
        // and of the controls along the bottom left (the play bar, the scale)
        var bottomBox = /** @type {HTMLElement | null} */ (map.getContainer().querySelector(".leaflet-bottom.leaflet-left"));
        var bottom = bottomBox && bottomBox.offsetHeight < map.getSize().y / 3 ? bottomBox.offsetHeight + 6 : 6;
        // and of the buttons down the top left (zoom, fit city, share), where the map is wide enough
        var leftBox = /** @type {HTMLElement | null} */ (map.getContainer().querySelector(".leaflet-top.leaflet-left"));
        var left = leftBox && leftBox.offsetWidth < map.getSize().x / 4 ? leftBox.offsetWidth + 6 : 6;
        map.fitBounds(layer.getBounds(), {
          paddingTopLeft: [left, 6],
          paddingBottomRight: [right, bottom],
          animate: animate !== false,
        });
      }
    }

    function showDay(day) {
      if (!timeline || !ready) {
        return false;
      }
      paint(timelineApi.codesAt(timeline, day, format), selected, timelineApi.isoOf(day));
      return true;
    }

    /** @returns {FrontlinesDistrictState | null} */
    function statusOf(id) {
      var l = layers[positionOf[id]];
      if (!ready || !l) {
        return null;
      }
      return {
        status: styles[l.statusCode].status,
        confidence: l.lowConfidence ? "low" : "stated",
        changed: l.changed,
      };
    }

    function markChanged(codes) {
      fromCodes = codes || null;
      if (ready) {
        paint(null, selected, frontlines.date);
      }
    }

    var focusToken = null;
    var pendingFocus = null;
    function focus(id, token) {
      if (token !== undefined && token === focusToken) {
        return;
      }
      focusToken = token;
      if (ready) {
        fitTo(id);
      } else {
        pendingFocus = id;
      }
    }

    function fitTo(id) {
      for (var i = 0; i < layers.length; i++) {
        if (layers[i].feature.properties.id === id) {
          map.fitBounds(layers[i].getBounds(), {
            maxZoom: Math.max(map.getZoom(), 14),
            padding: [40, 40],
            animate: false,
          });
          return;
        }
      }
    }

    // Tell the server something (loader.js's tell; none on the static site).
    function tell(fields) {
      if (root.FrontlinesLoader) {
        root.FrontlinesLoader.tell(fields);
      }
    }
    var reports = 0;
    function report(iso) {
      reports += 1;
      tell({ frontlines_played: { date: iso, report: reports } });
    }

    function followSlider() {
      var day = sliderDay();
      if (day === null || day === followedDay || !ready) {
        return;
      }
      followedDay = day;
      if (frontlines.playback) {
        frontlines.playback.stop(); // the reader took the slider: it wins over playback
      }
      showDay(day);
      frontlines.followedSlider += 1;
    }

    function fetchJson(url, inline) {
      if (inline) {
        return Promise.resolve(inline);
      }
      return fetch(new URL(url, root.frontlinesHost.baseURI())).then(function (response) {
        if (!response.ok) {
          throw new Error("HTTP " + response.status);
        }
        return response.json();
      });
    }

    function loadTimeline() {
      if (options.timeline) {
        timeline = options.timeline;
        frontlines.following = true;
        return;
      }
      fetchJson(options.follow.timelineUrl)
        .then(function (loaded) {
          timeline = loaded;
          followedDay = sliderDay(); // the day already shown: a re-render of the slider at it repaints nothing
          root.frontlinesHost.observeSliders(followSlider);
          frontlines.following = true;
        })
        .catch(function () {
          timeline = null; // scrubbing still works, through reruns
        });
    }

    function showLoadError(error) {
      var box = new L.Control({ position: "topright" });
      box.onAdd = function () {
        var div = L.DomUtil.create("div", "frontlines-load-error");
        div.setAttribute("role", "alert");
        div.textContent = text.loadError.replace("{error}", error.message);
        return div;
      };
      box.addTo(map);
    }

    // Leaflet focuses the map on mousedown; inside Streamlit's iframe that scrolls the page
    // to show the whole map, the mouseup lands on another district and the click is lost.
    if (map.keyboard) {
      map.keyboard.disable();
      /** @type {any} */ (map.keyboard)._onMouseDown = function () { // Leaflet's own, private
        if (!this._focused) {
          this._map._container.focus({ preventScroll: true });
        }
      };
      map.keyboard.enable();
    }

    // Keyboard and screen readers: each district is a button; one at a time is in the tab
    // order (a roving tabindex), so Tab leaves the map after one district, not after all.
    var current = null; // the district layer that is in the tab order

    var collator = null; // one: localeCompare with a locale makes one per comparison
    function compareNames(a, b) {
      collator = collator || new Intl.Collator(options.lang);
      return collator.compare(names(a.feature.properties).first, names(b.feature.properties).first);
    }

    function byName() {
      return layers.slice().sort(compareNames);
    }

    function firstByName() {
      var first = null; // byName()[0], without sorting them all
      for (var i = 0; i < layers.length; i++) {
        if (first === null || compareNames(layers[i], first) < 0) {
          first = layers[i];
        }
      }
      return first;
    }

    function setCurrent(l, focus) {
      if (current && current._path) {
        current._path.setAttribute("tabindex", "-1");
      }
      current = l;
      if (!l._path) {
        return;
      }
      l._path.setAttribute("tabindex", "0");
      if (focus) {
        var centre = l.getBounds().getCenter();
        if (!map.getBounds().contains(centre)) {
          map.panTo(centre, { animate: false });
        }
        l._path.focus({ preventScroll: true });
      }
    }

    function choose(l) {
      l.fire("click", { latlng: l.getBounds().getCenter(), originalEvent: null }, true);
    }

    function onKey(event) {
      var index = layers.indexOf(event.target.frontlinesLayer);
      if (index < 0) {
        return;
      }
      var l = layers[index];
      var order = byName();
      var at = order.indexOf(l);
      var next = null;
      if (event.key === "Enter" || event.key === " ") {
        choose(l);
      } else if (event.key === "ArrowDown" || event.key === "ArrowRight") {
        next = order[(at + 1) % order.length];
      } else if (event.key === "ArrowUp" || event.key === "ArrowLeft") {
        next = order[(at - 1 + order.length) % order.length];
      } else if (event.key === "Home") {
        next = order[0];
      } else if (event.key === "End") {
        next = order[order.length - 1];
      } else {
        return;
      }
      event.preventDefault();
      event.stopPropagation();
      if (next) {
        setCurrent(next, true);
      }
    }

    function makeFocusable() {
      for (var i = 0; i < layers.length; i++) {
        var path = layers[i]._path;
        if (path) {
          path.frontlinesLayer = layers[i];
          path.setAttribute("role", "button");
          path.setAttribute("tabindex", "-1");
          path.addEventListener("keydown", onKey);
          path.addEventListener("focus", function (event) {
            var target = /** @type {DistrictPathElement} */ (event.target);
            if (target.frontlinesLayer !== current) {
              setCurrent(target.frontlinesLayer, false);
            }
          });
        }
      }
      // The first by name needs a collator, whose first use loads the language's collation
      // (some 10 ms): the tab stop waits for the task after the first view, unless a district
      // has it by then (a link's or a click's).
      setTimeout(function () {
        var first = current === null ? firstByName() : null;
        if (first) {
          setCurrent(first, false);
        }
      }, 0);
    }

    var container = map.getContainer();
    container.setAttribute("role", "region");
    container.setAttribute("aria-label", text.label);
    container.setAttribute("aria-description", text.keyboardHelp);
    document.documentElement.setAttribute("lang", options.lang);
    try {
      if (root.frameElement) {
        root.frameElement.setAttribute("title", text.label);
      }
    } catch {
      // another origin's page embeds the map: its frame is not ours to title
    }
    if (options.touch && root.FrontlinesTouch) {
      root.FrontlinesTouch.init(map, options.touch);
    }

    /** @type {Frontlines} */
    var frontlines = {
      layer: layer,
      date: null,
      day: null,
      codes: null,
      ids: [],
      apply: apply,
      showDay: showDay,
      markChanged: markChanged,
      statusOf: statusOf,
      canvas: null,
      drawNow: drawNow,
      // canvas mode: from this many districts (front-line parts) in view, pixels rather than paths
      rasterMin: options.rasterMin === undefined || options.rasterMin === null ? RASTER_MIN : options.rasterMin,
      focus: focus,
      changed: 0,
      following: false,
      followedSlider: 0,
      on: on,
      emit: emit,
      fitCity: fitCity,
      fetchJson: fetchJson,
      layers: function () {
        return [];
      },
      setLayers: function () {},
    };
    root.frontlines = frontlines;
    if (options.playback && root.frontlinesPlayback) {
      root.frontlinesPlayback.attach(frontlines, map, {
        first: options.playback.first,
        last: options.playback.last,
        text: options.playback.text,
        report: report,
      });
    }

    // The optional parts, each in its own file (see the list of options above).
    var legend = options.legend && root.frontlinesLegend ? root.frontlinesLegend.attach(L, map, frontlines, options) : null;
    if (options.frontline && root.frontlinesFrontline) {
      frontlines.frontline = root.frontlinesFrontline.attach(L, map, frontlines, options);
    }
    if (options.labels && root.frontlinesLabels) {
      frontlines.labels = root.frontlinesLabels.attach(L, map, frontlines, options);
    }
    if (options.layers && options.layers.length && root.frontlinesEvidence) {
      frontlines.evidence = root.frontlinesEvidence.attach(L, map, frontlines, options, legend && legend.layersBox);
    }
    // After the layers: a link's layers= switches them on through frontlines.setLayers.
    if (options.view && root.FrontlinesView) {
      root.FrontlinesView.attach(frontlines, map, options.view);
    }

    // The shapes come from a static file, fetched once: reruns then carry no geometry.
    (options.shapes ? Promise.resolve(options.shapes) : fetchJson(options.shapesUrl))
      .then(function (shapes) {
        performance.mark("frontlines-shapes-loaded");
        if (pending) {
          firstCodes = pending[0];
          selected = pending[1];
        }
        if (drawMode(shapes.features.length, options.canvasThreshold) === "canvas") {
          // every district's polygon takes the GeoJSON layer's options, the renderer with them
          canvas = groupedCanvas({ padding: 0.1, rasterMin: frontlines.rasterMin });
          /** @type {import("leaflet").PathOptions} */ (layer.options).renderer = canvas;
          frontlines.canvas = canvas;
        }
        layer.addData(shapes);
        if (canvas) {
          L.DomUtil.addClass(canvas._container, "frontlines-districts");
        }
        performance.mark("frontlines-shapes-drawn");
        ready = true;
        frontlines.ids = shapes.features.map(function (f, i) {
          positionOf[f.properties.id] = i;
          return f.properties.id;
        });
        if (options.fitCity && !frontlines.viewFromLink) {
          fitCity(false); // the first view: no animation, the zoom is final at once
        }
        emit("shapes", shapes.features);
        for (var i = 0; i < layers.length; i++) {
          mark(layers[i]);
        }
        makeFocusable();
        if (pending) {
          apply.apply(null, pending);
        }
        if (pendingFocus) {
          fitTo(pendingFocus);
        }
        if (options.follow || options.timeline) {
          setTimeout(loadTimeline, 0); // after the first paint: the timelines can be large
        }
        setTimeout(function () {
          tell({ frontlines_drawn: true });
        }, 0);
      })
      .catch(function (error) {
        showLoadError(error);
        tell({ frontlines_drawn: true }); // done trying: the page need not wait for the map
      });
    return frontlines;
  }

  return {
    init: init,
    drawMode: drawMode,
    groupByLook: groupByLook,
    CANVAS_THRESHOLD: CANVAS_THRESHOLD,
    RASTER_MIN: RASTER_MIN,
  };
});
