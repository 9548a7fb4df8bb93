// node --test tests/js/: the static site's state table, CSV and GeoJSON (geo/site_template/site_data.js).
// tests/test_map_script.py runs this with FRONTLINES_SITE naming a folder that holds a site
// written by geo.site and, in expected/, what geo writes for some days (CSV and GeoJSON).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");

const site = require(path.join(__dirname, "..", "..", "geo", "site_template", "site_data.js"));
const timeline = require(path.join(__dirname, "..", "..", "components", "map", "status_timeline.js"));

test("nearestChange finds the change days either side", () => {
  const days = [10, 20, 30];
  assert.equal(site.nearestChange(days, 20, -1), 10);
  assert.equal(site.nearestChange(days, 20, 1), 30);
  assert.equal(site.nearestChange(days, 25, -1), 20);
  assert.equal(site.nearestChange(days, 10, -1), null);
  assert.equal(site.nearestChange(days, 30, 1), null);
  assert.equal(site.nearestChange([], 5, 1), null);
});

test("CSV fields are quoted as pandas quotes them", () => {
  const csv = site.toCsv(["a", "b"], [{ a: 'say "hi", then', b: "line\nbreak" }, { a: "", b: "plain" }]);
  assert.equal(csv, 'a,b\n"say ""hi"", then","line\nbreak"\n,plain\n');
});

const folder = process.env.FRONTLINES_SITE;
test("the site's day CSV and GeoJSON equal geo's on every expected day", { skip: !folder && "run through pytest" }, () => {
  const read = (name) => JSON.parse(fs.readFileSync(path.join(folder, "data", name), "utf8"));
  const config = read("config.json");
  const rows = [];
  for (let c = 0; fs.existsSync(path.join(folder, "data", `changes-${c}.json`)); c++) {
    rows.push(...read(`changes-${c}.json`));
  }
  const data = {
    config,
    timeline: read("timeline.json"),
    districts: read("districts.json"),
    shapes: read("shapes.geojson"),
    changeAt: (k) => rows[k],
  };
  assert.equal(rows.length, data.timeline.days.length);
  const expected = JSON.parse(fs.readFileSync(path.join(folder, "expected", "days.json"), "utf8"));
  assert.ok(expected.length > 0);
  for (const day of expected) {
    const state = site.stateRows(data, timeline.dayOf(day.date));
    assert.equal(site.toCsv(config.stateColumns, state), day.csv, `CSV on ${day.date}`);
    assert.deepEqual(site.stateGeojson(data, state, day.date), day.geojson, `GeoJSON on ${day.date}`);
    assert.equal(site.downloadName(config, config.downloads.dayCsv, day.date), day.csv_name);
  }
});
