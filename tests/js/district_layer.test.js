// node --test tests/js/: the pure part of district_layer.js (canvas mode) and the status characters.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");

const MAP = path.join(__dirname, "..", "..", "mapui", "map");
const timeline = require(path.join(MAP, "status_timeline.js"));
const frontline = require(path.join(MAP, "frontline.js"));
const districtLayer = require(path.join(MAP, "district_layer.js"));

const FORMAT = { stated: 48, low: 97 };

test("districts are drawn on a canvas only above the threshold, 3000 unless told", () => {
  assert.equal(districtLayer.CANVAS_THRESHOLD, 3000);
  assert.equal(districtLayer.drawMode(130), "svg");
  assert.equal(districtLayer.drawMode(3000), "svg");
  assert.equal(districtLayer.drawMode(3001), "canvas");
  assert.equal(districtLayer.drawMode(10000, null), "canvas");
  assert.equal(districtLayer.drawMode(5, 4), "canvas");
  assert.equal(districtLayer.drawMode(5, 5), "svg");
  assert.equal(districtLayer.drawMode(1, 0), "canvas");
  assert.equal(districtLayer.drawMode(10000, 20000), "svg");
});

test("paths of one look are drawn together, thicker outlines last, then by the look's key", () => {
  const plain = { fillColor: "#e69f00", fillOpacity: 0.62, color: "#8a5a00", opacity: 1, weight: 1, lineCap: "butt" };
  const pale = Object.assign({}, plain, { fillOpacity: 0.3 });
  const changed = Object.assign({}, plain, { color: "#0072B2", weight: 3.5 });
  const picked = Object.assign({}, plain, { color: "#111111", weight: 4 });
  const dashed = Object.assign({}, plain, { dashArray: "6 4" });
  // weight 1, by key: "#e69f00|0.3|..." < "#e69f00|0.62|...|6 4|butt" < "#e69f00|0.62|...||butt"
  assert.deepEqual(districtLayer.groupByLook([picked, plain, changed, pale, plain, dashed, pale]), [
    [3, 6],
    [5],
    [1, 4],
    [2],
    [0],
  ]);
  assert.deepEqual(districtLayer.groupByLook([]), []);
  // the order depends on the looks, not on which paths come first
  assert.deepEqual(districtLayer.groupByLook([pale, plain]), [[0], [1]]);
  assert.deepEqual(districtLayer.groupByLook([plain, pale]), [[1], [0]]);
});

test("a look's name, where the options carry one, stands for the whole look", () => {
  const a = { look: "0s", weight: 1, fillColor: "#000" };
  const b = { look: "0s", weight: 1, fillColor: "#fff" }; // the name wins: styleFor names each look once
  const c = { look: "0sp", weight: 4 };
  assert.deepEqual(districtLayer.groupByLook([c, a, b]), [[1, 2], [0]]);
});

test("each part of every border is owned by its border, in order", () => {
  const lines = [[[[0, 0], [1, 1]]], [], [[[2, 2], [3, 3]], [[4, 4], [5, 5]]], [[[6, 6], [7, 7]]]];
  assert.deepEqual(Array.from(frontline.partBorders(lines)), [0, 2, 2, 3]);
  assert.deepEqual(Array.from(frontline.partBorders([])), []);
});

test("codeOf is decode's code, for stated and low-confidence characters", () => {
  for (const ch of "012345abcdef") {
    const c = ch.charCodeAt(0);
    assert.equal(timeline.codeOf(c, FORMAT), timeline.decode(c, FORMAT).code);
  }
  assert.deepEqual(timeline.decode("c".charCodeAt(0), FORMAT), { code: 2, low: true });
  assert.deepEqual(timeline.decode("2".charCodeAt(0), FORMAT), { code: 2, low: false });
});
