// @ts-check
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
 *   partBorders(lines) -> Int32Array: for each part of every border, in order, its border's
 *     position (lines[k] is border k's list of parts): which parts a mask switches on
 *
 * Browser part: attach(L, map, frontlines, options) draws each active border as an SVG path
 * with the classes "frontline frontline-<id of one district> frontline-<id of the other>";
 * a border that leaves the front is hidden and loses the class "frontline". Where the
 * districts are drawn on a canvas (frontlines.canvas, above options.canvasThreshold), the
 * front line is one line holding every border, on a canvas of its own, projected once per
 * zoom by Leaflet. With fewer than frontlines.rasterMin (district_layer.js's) of its
 * parts in view, each restyle redraws the borders on the front as one path; with more, the
 * borders are pixels (canvas_raster.js strokePixels, once per view) and a restyle changes only
 * the pixels of the borders that joined or left the front.
 */
(function (root, factory) {
  "use strict";
  var api = factory(root);
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    root.frontlinesFrontline = api;
  }
})(/** @type {Window} */ (typeof self !== "undefined" ? self : this), function (root) {
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

  function partBorders(lines) {
    var count = 0;
    for (var k = 0; k < lines.length; k++) {
      count += lines[k].length;
    }
    var out = new Int32Array(count);
    for (var b = 0, at = 0; b < lines.length; b++) {
      for (var p = 0; p < lines[b].length; p++) {
        out[at++] = b;
      }
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
    var canvasLine = null; // canvas mode: every border in one polyline, drawn where on the front

    var toggled = []; // canvas mode: borders that joined or left the front since the last drawing

    // The front line's canvas renderer: paths with few borders in view, else pixels.
    function frontCanvas() {
      var raster = root.frontlinesRaster;
      var rasterMin = frontlines.rasterMin; // district_layer.js's, options.rasterMin or RASTER_MIN
      var FrontCanvas = L.Canvas.extend({
        _redraw: function () {
          this._redrawRequest = null;
          var view = !this._redrawBounds; // Leaflet's view change redraws with no bounds
          this._redrawBounds = null;
          var borders = toggled;
          toggled = [];
          if (this._pixels && !view) {
            this._coverToggled(borders);
          } else {
            this._clear();
            this._pixels = null;
            this.frontlinesMode = this._partsInView() >= rasterMin ? "pixels" : "paths";
            state.drawnAs = this.frontlinesMode;
            if (this.frontlinesMode === "pixels") {
              this._makePixels();
            } else {
              this._draw();
            }
          }
        },

        _partsInView: function () {
          var b = this._bounds;
          var count = 0;
          var parts = canvasLine._parts;
          for (var i = 0; i < parts.length; i++) {
            var p = parts[i][0];
            count += p && p.x >= b.min.x && p.x <= b.max.x && p.y >= b.min.y && p.y <= b.max.y ? 1 : 0;
          }
          return count;
        },

        // The borders' pixels in this view, and every border on the front drawn.
        _makePixels: function () {
          var container = this._container;
          var min = this._bounds.min;
          var size = this._bounds.getSize();
          var scale = container.width / Math.max(1, size.x);
          var lines = data.lines.map(function () {
            return [];
          });
          var parts = canvasLine._parts;
          for (var i = 0; i < parts.length; i++) {
            var flat = new Float64Array(2 * parts[i].length);
            for (var j = 0; j < parts[i].length; j++) {
              flat[2 * j] = (parts[i][j].x - min.x) * scale;
              flat[2 * j + 1] = (parts[i][j].y - min.y) * scale;
            }
            lines[owners[i]].push(flat);
          }
          var image = this._ctx.createImageData(container.width, container.height);
          var px = {
            strokes: raster.strokePixels(lines, container.width, container.height, (settings.weight * scale) / 2),
            image: image,
            words: new Uint32Array(image.data.buffer),
            counts: new Int32Array(container.width * container.height),
            drawn: new Uint8Array(shown.length),
            colour: raster.rgba(settings.color, 1),
          };
          this._pixels = px;
          var on = [];
          for (var k = 0; k < shown.length; k++) {
            if (shown[k]) {
              on.push(k);
            }
          }
          this._coverToggled(on);
        },

        _coverToggled: function (borders) {
          var px = this._pixels;
          var joined = [];
          var left = [];
          for (var b = 0; b < borders.length; b++) {
            var k = borders[b];
            if (shown[k] !== px.drawn[k]) {
              (shown[k] ? joined : left).push(k);
              px.drawn[k] = shown[k];
            }
          }
          raster.cover(px.counts, px.words, px.strokes, left, -1, px.colour);
          raster.cover(px.counts, px.words, px.strokes, joined, 1, px.colour);
          this._ctx.putImageData(px.image, 0, 0);
        },
      });
      return new FrontCanvas({ pane: "frontlines-frontline", padding: 0.1 });
    }

    var owners = null; // the border of each part of canvasLine
    function drawOnCanvas(date) {
      if (!canvasLine) {
        owners = partBorders(data.lines);
        var AllBorders = L.Polyline.extend({
          // Leaflet's own draws every part; only the parts of borders on the front are drawn
          // (noClip keeps Leaflet's parts one for one with the borders' parts).
          _updatePath: function () {
            var renderer = this._renderer;
            if (!renderer._drawing) {
              return;
            }
            var ctx = renderer._ctx;
            var parts = this._parts;
            ctx.beginPath();
            for (var i = 0; i < parts.length; i++) {
              if (shown[owners[i]]) {
                for (var j = 0; j < parts[i].length; j++) {
                  var p = parts[i][j];
                  if (j) {
                    ctx.lineTo(p.x, p.y);
                  } else {
                    ctx.moveTo(p.x, p.y);
                  }
                }
              }
            }
            renderer._fillStroke(ctx, this);
          },
        });
        var latlngs = [];
        data.lines.forEach(function (parts) {
          parts.forEach(function (part) {
            latlngs.push(
              part.map(function (xy) {
                return [xy[1], xy[0]];
              })
            );
          });
        });
        canvasLine = new AllBorders(latlngs, {
          renderer: frontCanvas(),
          color: settings.color,
          weight: settings.weight,
          opacity: 1,
          // butt ends, not round: rounding ten thousand short segments' ends and corners took
          // the most of a canvas frame's rasterising (bench/frame_breakdown.py)
          lineCap: "butt",
          lineJoin: "miter",
          noClip: true,
          interactive: false,
        }).addTo(group);
        L.DomUtil.addClass(canvasLine._renderer._container, "frontlines-frontline-canvas");
        state.renderer = canvasLine._renderer;
      } else {
        canvasLine._renderer._requestRedraw(canvasLine);
      }
      frontlines.drawNow(canvasLine._renderer, date);
    }

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

    function update(codes, date) {
      lastCodes = codes;
      if (!data || codes === null) {
        return;
      }
      var mask = activeMask(data.pairs, codes, options.format, settings.frontCodes);
      var moved = false;
      for (var k = 0; k < mask.length; k++) {
        if (mask[k] !== shown[k]) {
          if (!frontlines.canvas) {
            show(k, mask[k] === 1);
          }
          moved = true;
          if (frontlines.canvas) {
            toggled.push(k);
          }
          state.shown += mask[k] ? 1 : -1;
          shown[k] = mask[k];
        }
      }
      if (frontlines.canvas && (moved || !canvasLine)) {
        drawOnCanvas(date);
      }
    }

    frontlines.on("apply", function (codes, picked, date) {
      update(codes, date);
    });
    frontlines
      .fetchJson(settings.url, settings.data)
      .then(function (loaded) {
        data = loaded;
        shown = new Uint8Array(data.pairs.length >> 1);
        state.ready = true;
        state.borders = shown.length;
        update(lastCodes === null ? frontlines.codes : lastCodes, frontlines.date);
      })
      .catch(function () {
        state.failed = true; // the districts still work without their front line
      });
    return state;
  }

  return { activeMask: activeMask, partBorders: partBorders, attach: attach };
});
