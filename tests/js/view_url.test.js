// node --test tests/js/: the share link's view, parsed and written by mapui/map/view_url.js.
// tests/url_view_cases.json is shared with the Python twin (tests/test_url_view.py).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");

const urls = require(path.join(__dirname, "..", "..", "mapui", "map", "view_url.js"));
const { cases } = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "url_view_cases.json"), "utf8"));

test("every shared case parses to its view and problems", () => {
  for (const c of cases) {
    const { view, problems } = urls.parse(c.query);
    const expected = Object.fromEntries(urls.KEYS.map((k) => [k, k in c.view ? c.view[k] : null]));
    assert.deepEqual(view, expected, c.query);
    assert.deepEqual(problems, c.problems, c.query);
  }
});

test("serialise writes the keys in order, short and readable, and parses back", () => {
  const view = {
    v: "3f52cc5a",
    mode: "embed",
    lang: "ar",
    layers: ["frontline", "labels"],
    map: { zoom: 14, lat: 36.2010004, lon: 37.134 },
    district: "bustan-al-basha",
    date: "2016-10-07",
  };
  const query = urls.serialise(view);
  assert.equal(query, "date=2016-10-07&district=bustan-al-basha&map=14/36.20100/37.13400&layers=frontline,labels&mode=embed&lang=ar&v=3f52cc5a");
  assert.deepEqual(urls.parse(query).problems, []);
  assert.equal(urls.serialise({ date: "2016-10-07", district: null }), "date=2016-10-07");
  assert.equal(urls.serialise({ layers: [] }), "layers=");
});

test("merge replaces some keys and keeps every other parameter", () => {
  assert.equal(urls.merge("?date=2016-10-07&map=12/1.00000/2.00000&x=1", { map: "14/3.00000/4.00000", v: "00000000" }),
    "date=2016-10-07&map=14/3.00000/4.00000&v=00000000&x=1");
  assert.equal(urls.merge("?date=2016-10-07&mode=embed", { mode: null }), "date=2016-10-07");
  assert.equal(urls.merge("", {}), "");
  assert.equal(urls.merge("?lang=ar&date=2016-10-07", { mode: "embed" }), "date=2016-10-07&mode=embed&lang=ar");
});
