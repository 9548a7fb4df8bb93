// node --test tests/js/: where names fit (labels.js) and the evidence layers' pure helpers.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");

const labels = require(path.join(__dirname, "..", "..", "mapui", "map", "labels.js"));
const evidence = require(path.join(__dirname, "..", "..", "mapui", "map", "evidence_layers.js"));

test("Web Mercator scale halves with each zoom level", () => {
  assert.ok(Math.abs(labels.metresPerPixel(0, 0) - 156543.03) < 0.01);
  assert.ok(Math.abs(labels.metresPerPixel(15, 36.2) / labels.metresPerPixel(16, 36.2) - 2) < 1e-9);
});

test("a name shows from the first zoom at which it fits its district's circle", () => {
  const text = "Bustan al-Basha"; // about 95 px at 11px
  const z = labels.minZoomFor(120, 36.2, text, 19);
  assert.ok(z >= 14 && z <= 16, String(z));
  const widthAt = (zoom) => (2 * 120) / labels.metresPerPixel(zoom, 36.2);
  assert.ok(widthAt(z) >= labels.labelWidthPx(text) * 0.8);
  assert.ok(widthAt(z - 0.25) < labels.labelWidthPx(text) * 0.8);
  assert.ok(labels.minZoomFor(2000, 36.2, "Hanano", 19) < z); // a large district is named earlier
  assert.equal(labels.minZoomFor(0, 36.2, "Nowhere", 19), Infinity);
});

test("names follow the interface language where the district has one", () => {
  const p = { name_en: "Hanano", name_ar: "هنانو" };
  assert.equal(labels.nameFor(p, "ar"), "هنانو");
  assert.equal(labels.nameFor(p, "en"), "Hanano");
  assert.equal(labels.nameFor({ name_en: "al-Besel", name_ar: "" }, "ar"), "al-Besel");
});

test("dated points are shown up to the day, by binary search", () => {
  const days = [10, 10, 12, 15];
  assert.equal(evidence.shownCount(days, 9), 0);
  assert.equal(evidence.shownCount(days, 10), 2);
  assert.equal(evidence.shownCount(days, 14), 3);
  assert.equal(evidence.shownCount(days, 99), 4);
  assert.equal(evidence.shownCount([], 99), 0);
});

test("density circles grow with the square root of the density", () => {
  assert.equal(evidence.densityRadius(0, 100), 0);
  assert.equal(evidence.densityRadius(100, 100), 20);
  assert.equal(evidence.densityRadius(25, 100), 3 + 17 * 0.5);
});

test("counts take the plural form of the interface language, as Babel's CLDR rules do", () => {
  const en = { one: "{count} structure", other: "{count} structures" };
  assert.equal(evidence.fill(en, { count: 1 }, "en"), "1 structure");
  assert.equal(evidence.fill(en, { count: 14058 }, "en"), "14,058 structures");
  const ar = { zero: "z", one: "o", two: "t", few: "{count} f", many: "{count} m", other: "{count} x" };
  const forms = [0, 1, 2, 3, 11, 100].map((n) => evidence.fill(ar, { count: n }, "ar"));
  assert.deepEqual(forms, ["z", "o", "t", "3 f", "11 m", "100 x"]);
  assert.equal(evidence.fill("seen by {date}", { date: "2016-10-07" }, "en"), "seen by 2016-10-07");
  assert.equal(evidence.fill("{missing} stays", {}, "en"), "{missing} stays");
});
