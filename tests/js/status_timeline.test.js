// Node's built-in test runner: node --test tests/js/
// tests/test_map_script.py runs this with FRONTLINES_FIXTURES naming a JSON file of cases that
// Python generated from geo (every day of the Aleppo data and of a synthetic theatre).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");

const timeline = require(path.join(__dirname, "..", "..", "mapui", "map", "status_timeline.js"));

const FORMAT = { stated: 48, low: 97 };

test("a hand-made timeline: initial status, a low-confidence change, same-day order", () => {
  // district 0: opposition on day 10 (low), government on day 20; district 1: no change;
  // district 2: contested then opposition on the same day (the later row wins).
  const t = { base_day: 1000, initial: 0, offsets: [0, 2, 2, 4], days: [10, 20, 5, 5], codes: "b0" + "41" };
  assert.equal(timeline.codesAt(t, 1009, FORMAT), "001");
  assert.equal(timeline.codesAt(t, 1010, FORMAT), "b01");
  assert.equal(timeline.codesAt(t, 1004, FORMAT), "000");
  assert.equal(timeline.codesAt(t, 1005, FORMAT), "001");
  assert.equal(timeline.codesAt(t, 1020, FORMAT), "001");
  assert.equal(timeline.codesAt(t, 999, FORMAT), "000");
  assert.deepEqual(timeline.decode("b".charCodeAt(0), FORMAT), { code: 1, low: true });
  assert.deepEqual(timeline.decode("4".charCodeAt(0), FORMAT), { code: 4, low: false });
});

test("dates and day numbers round-trip", () => {
  assert.equal(timeline.dayOf("1970-01-02"), 1);
  assert.equal(timeline.isoOf(timeline.dayOf("2016-10-07")), "2016-10-07");
  assert.equal(timeline.dayOf(""), null);
  assert.equal(timeline.dayOf("not a date"), null);
});

const fixtures = process.env.FRONTLINES_FIXTURES;
test("codesAt equals geo's status_codes_at on every day of each fixture", { skip: !fixtures && "run through pytest" }, () => {
  const cases = JSON.parse(fs.readFileSync(fixtures, "utf8"));
  assert.ok(cases.length > 0);
  for (const c of cases) {
    assert.equal(c.expected.length, c.last_day - c.first_day + 1);
    for (let day = c.first_day; day <= c.last_day; day++) {
      const got = timeline.codesAt(c.timeline, day, c.format);
      if (got !== c.expected[day - c.first_day]) {
        assert.equal(got, c.expected[day - c.first_day], `${c.name} on ${timeline.isoOf(day)}`);
      }
    }
  }
});
