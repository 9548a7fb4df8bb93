// @ts-check
/*
 * Many small districts as pixels (issue 11). When a view shows thousands of districts, each
 * a few pixels across, the browser's rasterising of their fills and outlines as paths was
 * most of a playback frame (bench/frame_breakdown.py) and it grows with the number of
 * districts, not with what changed. Instead, once per view, every pixel of the canvas is
 * given the district whose shape holds its centre (an "owner" map) and whether it lies on
 * the district's edge; a restyle then writes only the changed districts' pixels, fill or
 * outline colour, into one image, and puts the image on the canvas: a frame's cost no longer
 * depends on how many districts there are. district_layer.js uses it above a number of
 * districts in view and draws outlines thicker than a pixel (selected, compare marks) as
 * paths on top.
 *
 * Pure part (Node tests: tests/js/canvas_raster.test.js):
 *   rasterize(shapes, width, height) -> raster
 *       shapes[s] is a list of rings, each a flat [x0, y0, x1, y1, ...] in canvas pixels; a
 *       pixel belongs to shape s where its centre is inside s (even-odd over its rings; a later
 *       shape wins, but districts do not overlap). raster = {width, height, owner: Int32Array
 *       (shape per pixel, -1 for none), edge: Uint8Array (1 where the pixel's right or lower
 *       neighbour belongs to another shape, or any neighbour to none: a one-pixel outline),
 *       starts, pixels (the pixels of shape s are pixels[starts[s] .. starts[s + 1] - 1])}
 *   paint(image, raster, shapes, looks)
 *       write the pixels of each shape in `shapes` (positions) into `image` (a Uint32Array over
 *       an ImageData's bytes): looks[s] = {fill, line, on, period} with fill and line from
 *       rgba(); an edge pixel takes `line` where the dash pattern is on ((x + y) % period < on;
 *       period 0: a solid line), `fill` elsewhere
 *   rgba(hex, opacity) -> the colour as a Uint32Array element (ImageData's byte order)
 *   dashOf(dashArray) -> {on, period}: a Leaflet dashArray ("6 4") as a pixel pattern
 *   strokePixels(lines, width, height, radius) -> {starts, pixels}
 *       the front line's borders as pixels (frontline.js): lines[k] is border k's list of
 *       parts, each a flat [x0, y0, ...] polyline in canvas pixels; border k covers the pixels
 *       whose centre lies within `radius` of one of its segments (pixels[starts[k] ..
 *       starts[k + 1] - 1], each once)
 *   cover(counts, image, strokes, borders, delta, colour)
 *       add delta (1 or -1) to the count of every pixel of each border in `borders`, and give
 *       those pixels `colour` where some border on the front covers them, else transparency
 */
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    root.frontlinesRaster = api;
  }
})(/** @type {Window} */ (typeof self !== "undefined" ? self : this), function () {
  "use strict";

  function rasterize(shapes, width, height) {
    var owner = new Int32Array(width * height).fill(-1);
    var xs = [];
    for (var s = 0; s < shapes.length; s++) {
      var rings = shapes[s];
      var minY = Infinity;
      var maxY = -Infinity;
      for (var r = 0; r < rings.length; r++) {
        for (var i = 1; i < rings[r].length; i += 2) {
          minY = Math.min(minY, rings[r][i]);
          maxY = Math.max(maxY, rings[r][i]);
        }
      }
      var y0 = Math.max(0, Math.ceil(minY - 0.5));
      var y1 = Math.min(height - 1, Math.floor(maxY - 0.5));
      for (var y = y0; y <= y1; y++) {
        var cy = y + 0.5;
        xs.length = 0;
        for (r = 0; r < rings.length; r++) {
          var ring = rings[r];
          var n = ring.length >> 1;
          for (var a = 0, b = n - 1; a < n; b = a++) {
            var ya = ring[2 * a + 1];
            var yb = ring[2 * b + 1];
            if (ya <= cy !== yb <= cy) {
              xs.push(ring[2 * a] + ((cy - ya) * (ring[2 * b] - ring[2 * a])) / (yb - ya));
            }
          }
        }
        xs.sort(byNumber);
        for (var k = 0; k + 1 < xs.length; k += 2) {
          // the pixels whose centre x + 0.5 lies in [xs[k], xs[k + 1])
          var xa = Math.max(0, Math.ceil(xs[k] - 0.5));
          var xb = Math.min(width - 1, Math.ceil(xs[k + 1] - 0.5) - 1);
          for (var x = xa; x <= xb; x++) {
            owner[y * width + x] = s;
          }
        }
      }
    }
    var edge = new Uint8Array(width * height);
    var counts = new Int32Array(shapes.length + 1);
    for (var p = 0; p < owner.length; p++) {
      var o = owner[p];
      if (o < 0) {
        continue;
      }
      counts[o + 1] += 1;
      var px = p % width;
      // beyond the canvas the district goes on (the canvas is clipped): no outline there
      var right = px + 1 < width ? owner[p + 1] : o;
      var down = p + width < owner.length ? owner[p + width] : o;
      var left = px > 0 ? owner[p - 1] : o;
      var up = p >= width ? owner[p - width] : o;
      edge[p] = right !== o || down !== o || left < 0 || up < 0 ? 1 : 0;
    }
    for (s = 0; s < shapes.length; s++) {
      counts[s + 1] += counts[s];
    }
    var next = counts.slice(0, shapes.length);
    var pixels = new Int32Array(counts[shapes.length]);
    for (p = 0; p < owner.length; p++) {
      if (owner[p] >= 0) {
        pixels[next[owner[p]]++] = p;
      }
    }
    return { width: width, height: height, owner: owner, edge: edge, starts: counts, pixels: pixels };
  }

  function byNumber(a, b) {
    return a - b;
  }

  function paint(image, raster, shapes, looks) {
    var width = raster.width;
    var edge = raster.edge;
    var pixels = raster.pixels;
    for (var k = 0; k < shapes.length; k++) {
      var s = shapes[k];
      var look = looks[s];
      var fill = look.fill;
      var line = look.line;
      var on = look.on;
      var period = look.period;
      for (var at = raster.starts[s]; at < raster.starts[s + 1]; at++) {
        var p = pixels[at];
        image[p] = edge[p] && (period === 0 || ((p % width) + ((p / width) | 0)) % period < on) ? line : fill;
      }
    }
  }

  // ImageData holds bytes r, g, b, a; a Uint32Array over them reads them in the machine's order
  var LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

  function rgba(hex, opacity) {
    var r = parseInt(hex.slice(1, 3), 16);
    var g = parseInt(hex.slice(3, 5), 16);
    var b = parseInt(hex.slice(5, 7), 16);
    var a = Math.round(Math.max(0, Math.min(1, opacity)) * 255);
    return LITTLE_ENDIAN ? ((a << 24) | (b << 16) | (g << 8) | r) >>> 0 : ((r << 24) | (g << 16) | (b << 8) | a) >>> 0;
  }

  function dashOf(dashArray) {
    var parts = (dashArray || "")
      .split(/[, ]+/)
      .map(Number)
      .filter(function (v) {
        return v > 0;
      });
    if (parts.length < 2) {
      return { on: 0, period: 0 };
    }
    return { on: Math.max(1, Math.round(parts[0])), period: Math.max(2, Math.round(parts[0] + parts[1])) };
  }

  function strokePixels(lines, width, height, radius) {
    var stamp = new Int32Array(width * height).fill(-1);
    var starts = new Int32Array(lines.length + 1);
    var out = [];
    var reach = Math.ceil(radius);
    var r2 = radius * radius;
    for (var k = 0; k < lines.length; k++) {
      for (var q = 0; q < lines[k].length; q++) {
        var line = lines[k][q];
        for (var i = 0; i + 3 < line.length; i += 2) {
          var x0 = line[i];
          var y0 = line[i + 1];
          var dx = line[i + 2] - x0;
          var dy = line[i + 3] - y0;
          var len2 = dx * dx + dy * dy;
          // the pixels around the segment's box, each tested against the segment
          var px0 = Math.max(0, Math.floor(Math.min(x0, x0 + dx) - reach));
          var px1 = Math.min(width - 1, Math.floor(Math.max(x0, x0 + dx) + reach));
          var py0 = Math.max(0, Math.floor(Math.min(y0, y0 + dy) - reach));
          var py1 = Math.min(height - 1, Math.floor(Math.max(y0, y0 + dy) + reach));
          for (var y = py0; y <= py1; y++) {
            for (var x = px0; x <= px1; x++) {
              var p = y * width + x;
              if (stamp[p] === k) {
                continue;
              }
              var cx = x + 0.5 - x0;
              var cy = y + 0.5 - y0;
              var t = len2 > 0 ? Math.max(0, Math.min(1, (cx * dx + cy * dy) / len2)) : 0;
              var ex = cx - t * dx;
              var ey = cy - t * dy;
              if (ex * ex + ey * ey <= r2) {
                stamp[p] = k;
                out.push(p);
              }
            }
          }
        }
      }
      starts[k + 1] = out.length;
    }
    return { starts: starts, pixels: Int32Array.from(out) };
  }

  function cover(counts, image, strokes, borders, delta, colour) {
    for (var b = 0; b < borders.length; b++) {
      var k = borders[b];
      for (var at = strokes.starts[k]; at < strokes.starts[k + 1]; at++) {
        var p = strokes.pixels[at];
        counts[p] += delta;
        image[p] = counts[p] > 0 ? colour : 0;
      }
    }
  }

  return {
    rasterize: rasterize,
    paint: paint,
    rgba: rgba,
    dashOf: dashOf,
    strokePixels: strokePixels,
    cover: cover,
  };
});
