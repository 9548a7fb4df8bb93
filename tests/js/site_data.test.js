// node --test tests/js/: the static site's state table, CSV and GeoJSON (static_site/template/site_data.js).
// tests/test_map_script.py runs this with FRONTLINES_SITE naming a folder that holds a site
// written by static_site.build and, in expected/, what geo writes for some days (CSV and GeoJSON).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");

const site = require(path.join(__dirname, "..", "..", "static_site", "template", "site_data.js"));
const timeline = require(path.join(__dirname, "..", "..", "mapui", "map", "status_timeline.js"));

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

test("longDate writes a day as en-GB does, weekday first", () => {
  const options = { weekday: "long", day: "2-digit", month: "long", year: "numeric", timeZone: "UTC" };
  assert.equal(site.longDate(timeline.dayOf("2013-01-01")), "Tuesday, 01 January 2013");
  assert.equal(site.longDate(timeline.dayOf("2016-12-22")), "Thursday, 22 December 2016");
  assert.equal(site.longDate(0), "Thursday, 01 January 1970");
  assert.equal(site.longDate(-1), "Wednesday, 31 December 1969");
  for (let day = timeline.dayOf("2012-01-01"); day <= timeline.dayOf("2017-01-01"); day += 37) {
    const intl = new Date(day * 86400000).toLocaleDateString("en-GB", options);
    assert.equal(site.longDate(day).replace(",", ""), intl.replace(",", ""), `day ${day}`); // ICU versions differ on the comma
  }
});

// static_site.build.timeline_bytes' layout, written here by hand: the reader does not lean on the writer.
function timelineFile({ count, changes, baseDay, initial, dayBytes, offsets, days, codes }, magic = "FLT1") {
  const size = 24 + 4 * (count + 1) + dayBytes * changes + codes.length;
  const view = new DataView(new ArrayBuffer(size));
  [...magic].forEach((c, i) => view.setUint8(i, c.charCodeAt(0)));
  [count, changes, baseDay, initial, dayBytes].forEach((v, i) => view.setInt32(4 + 4 * i, v, true));
  let at = 24;
  offsets.forEach((v) => { view.setInt32(at, v, true); at += 4; });
  days.forEach((v) => { dayBytes === 4 ? view.setInt32(at, v, true) : view.setUint16(at, v, true); at += dayBytes; });
  [...codes].forEach((c) => { view.setUint8(at, c.charCodeAt(0)); at += 1; });
  return view.buffer;
}

test("decodeTimeline reads the binary timelines, with two- or four-byte days", () => {
  const plain = { count: 2, changes: 3, baseDay: 15000, initial: 4, offsets: [0, 2, 3], codes: "0a2" };
  const narrow = site.decodeTimeline(timelineFile({ ...plain, dayBytes: 2, days: [5, 65535, 7] }));
  assert.deepEqual(
    { ...narrow, offsets: Array.from(narrow.offsets), days: Array.from(narrow.days) },
    { base_day: 15000, initial: 4, offsets: [0, 2, 3], days: [5, 65535, 7], codes: "0a2" }
  );
  const wide = site.decodeTimeline(timelineFile({ ...plain, dayBytes: 4, days: [-3, 70000, 7] }));
  assert.deepEqual(Array.from(wide.days), [-3, 70000, 7]);
  // the state look-up reads the typed arrays as it reads JSON arrays
  assert.equal(timeline.codesAt(narrow, 15007, { stated: 48, low: 97 }), "02");
  assert.equal(timeline.codesAt(narrow, 15000 + 65535, { stated: 48, low: 97 }), "a2");
  assert.equal(timeline.codesAt(narrow, 15004, { stated: 48, low: 97 }), "44");
});

test("base64Buffer gives back the bytes of a timelines file written into the page", () => {
  const file = { count: 2, changes: 3, baseDay: 15000, initial: 4, dayBytes: 2, offsets: [0, 2, 3], days: [5, 65535, 7], codes: "0a2" };
  const bytes = new Uint8Array(timelineFile(file));
  const text = "\n  " + Buffer.from(bytes).toString("base64") + "\n"; // as an element's text may hold it
  assert.deepEqual(new Uint8Array(site.base64Buffer(text)), bytes);
  const decoded = site.decodeTimeline(site.base64Buffer(text));
  assert.deepEqual(Array.from(decoded.days), [5, 65535, 7]);
  assert.equal(decoded.codes, "0a2");
  assert.equal(site.base64Buffer("").byteLength, 0);
});

test("decodeTimeline refuses another file or a cut one, with a message", () => {
  const file = { count: 1, changes: 1, baseDay: 0, initial: 0, dayBytes: 2, offsets: [0, 1], days: [1], codes: "1" };
  assert.throws(() => site.decodeTimeline(timelineFile(file, "JSON")), /not in the expected format \(FLT1\)/);
  assert.throws(() => site.decodeTimeline(new TextEncoder().encode("{}").buffer), /not in the expected format/);
  const cut = timelineFile(file).slice(0, 34);
  assert.throws(() => site.decodeTimeline(cut), /is 34 bytes long, not 35/);
});

const folder = process.env.FRONTLINES_SITE;
test("the site's timelines equal geo's, and its day CSV and GeoJSON on every expected day", { skip: !folder && "run through pytest" }, () => {
  const read = (name) => JSON.parse(fs.readFileSync(path.join(folder, "data", name), "utf8"));
  const config = read("config.json");
  const rows = [];
  for (let c = 0; fs.existsSync(path.join(folder, "data", `changes-${c}.json`)); c++) {
    rows.push(...read(`changes-${c}.json`));
  }
  const bytes = fs.readFileSync(path.join(folder, "data", "timeline.bin"));
  const decoded = site.decodeTimeline(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
  const geo = JSON.parse(fs.readFileSync(path.join(folder, "expected", "timeline.json"), "utf8"));
  assert.deepEqual({ ...decoded, offsets: Array.from(decoded.offsets), days: Array.from(decoded.days) }, geo);
  const data = {
    config,
    timeline: decoded,
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

test("a cell a spreadsheet would run as a formula is written as text, as geo writes it", () => {
  const cases = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "csv_cell_cases.json"), "utf8")).cases;
  for (const [cell, written] of cases) {
    assert.equal(site.spreadsheetCell(cell), written, JSON.stringify(cell));
  }
  assert.equal(site.spreadsheetCell(-2), -2); // numbers are not text cells
  assert.equal(site.toCsv(["note"], [{ note: "=1+1" }]), "note\n'=1+1\n");
});

test("a date is written with the precision it has, as the dashboard writes it", () => {
  const cases = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "precise_date_cases.json"), "utf8")).cases;
  for (const [iso, precision, written] of cases) {
    assert.equal(site.preciseDate(iso, precision), written, iso + " " + precision);
  }
});
