// node --test tests/js/: the pure part of canvas_raster.js (districts and front line as pixels).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");

const raster = require(path.join(__dirname, "..", "..", "mapui", "map", "canvas_raster.js"));

// a w x h rectangle at (x, y) as one ring
function box(x, y, w, h) {
  return [[x, y, x + w, y, x + w, y + h, x, y + h]];
}

function grid(r) {
  const rows = [];
  for (let y = 0; y < r.height; y++) {
    let row = "";
    for (let x = 0; x < r.width; x++) {
      const o = r.owner[y * r.width + x];
      row += o < 0 ? "." : String(o);
    }
    rows.push(row);
  }
  return rows;
}

test("a pixel belongs to the shape that holds its centre", () => {
  // two neighbours sharing the line x = 3, and a shape with a hole (even-odd)
  const holed = [
    [5, 0, 10, 0, 10, 5, 5, 5],
    [6.5, 1.5, 8.5, 1.5, 8.5, 3.5, 6.5, 3.5],
  ];
  const r = raster.rasterize([box(0, 0, 3, 2), box(3, 0, 2, 2), holed], 10, 5);
  assert.deepEqual(grid(r), ["0001122222", "000112..22", ".....2..22", ".....22222", ".....22222"]);
  // half-pixel edges: the centre at 0.5 is in [0.5, 2.5), the centre at 2.5 is not
  assert.deepEqual(grid(raster.rasterize([box(0.5, 0, 2, 1)], 4, 1)), ["00.."]);
  // a shape smaller than a pixel, away from its centres, owns none; another beyond the canvas neither
  const tiny = raster.rasterize([box(0.1, 0.1, 0.2, 0.2), box(20, 20, 5, 5)], 3, 3);
  assert.deepEqual(Array.from(tiny.starts), [0, 0, 0]);
});

test("the outline is the pixels whose right or lower neighbour is another district, or next to none", () => {
  const r = raster.rasterize([box(0, 0, 3, 3), box(3, 0, 3, 3)], 7, 4);
  const edges = [];
  for (let y = 0; y < 4; y++) {
    edges.push(Array.from(r.edge.slice(y * 7, y * 7 + 7)).join(""));
  }
  // left district: its right column (the neighbour) and its last row (nothing below); the right
  // district: its right column (nothing right) and last row, not its left column (the left
  // district's outline is there); the canvas's own edges are no outline
  assert.deepEqual(edges, ["0010010", "0010010", "1111110", "0000000"]);
});

test("each shape's pixels are listed once, in order", () => {
  const r = raster.rasterize([box(0, 0, 2, 1), box(2, 0, 1, 2)], 3, 2);
  assert.deepEqual(Array.from(r.starts), [0, 2, 4]);
  assert.deepEqual(Array.from(r.pixels), [0, 1, 2, 5]);
});

test("paint writes fill and outline colours, dashed where the look says", () => {
  const r = raster.rasterize([box(0, 0, 12, 3)], 12, 4);
  const image = new Uint32Array(12 * 4);
  const solid = { fill: 1, line: 2, on: 0, period: 0 };
  raster.paint(image, r, [0], [solid]);
  assert.deepEqual(Array.from(image.slice(0, 12)), [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
  assert.deepEqual(Array.from(image.slice(24, 36)), [2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2]);
  assert.deepEqual(Array.from(image.slice(36)), new Array(12).fill(0)); // not the shape's: untouched
  const dashed = Object.assign({}, solid, raster.dashOf("2 4")); // on where (x + y) % 6 < 2
  raster.paint(image, r, [0], [dashed]);
  assert.deepEqual(Array.from(image.slice(24, 36)), [1, 1, 1, 1, 2, 2, 1, 1, 1, 1, 2, 2]);
  raster.paint(image, r, [], [dashed]); // nothing to paint: nothing changes
  assert.equal(image[28], 2);
});

test("colours are in ImageData's byte order, dashes as whole pixels", () => {
  const words = new Uint32Array([raster.rgba("#0a141e", 0.62)]);
  assert.deepEqual(Array.from(new Uint8Array(words.buffer)), [10, 20, 30, 158]);
  assert.deepEqual(raster.dashOf("6 4"), { on: 6, period: 10 });
  assert.deepEqual(raster.dashOf("1, 5"), { on: 1, period: 6 });
  assert.deepEqual(raster.dashOf(null), { on: 0, period: 0 });
  assert.deepEqual(raster.dashOf("3"), { on: 0, period: 0 });
});

test("a border's pixels lie within the radius of its segments; counts keep shared pixels on", () => {
  // border 0 along y = 2 from x = 0 to 6, border 1 down x = 3 from y = 0 to 5
  const strokes = raster.strokePixels([[[0, 2, 6, 2]], [[3, 0, 3, 5]], []], 7, 5, 1);
  const of = (k) => Array.from(strokes.pixels.slice(strokes.starts[k], strokes.starts[k + 1]));
  // rows 1 and 2 (centres 1.5 and 2.5 lie within 1 of y = 2), x 0..6 (the ends are round:
  // the centre (6.5, 1.5) is 0.71 from the end (6, 2))
  assert.deepEqual(of(0), [7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
  assert.deepEqual(of(1).length, 10); // columns 2 and 3 on all five rows
  assert.deepEqual(of(2), []);
  const counts = new Int32Array(35);
  const image = new Uint32Array(35);
  raster.cover(counts, image, strokes, [0, 1], 1, 9);
  assert.equal(image[9], 9);
  raster.cover(counts, image, strokes, [0], -1, 9); // border 0 leaves the front
  assert.equal(image[7], 0); // its own pixel: cleared
  assert.equal(image[9], 9); // shared with border 1: still on
  assert.equal(counts[9], 1);
});
