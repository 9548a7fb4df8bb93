// Node's built-in test runner: node --test tests/js/ (run by tests/test_map_script.py).
// The pure stepping of mapui/map/playback.js.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");

const playback = require(path.join(__dirname, "..", "..", "mapui", "map", "playback.js"));
const day = (iso) => Math.round(Date.parse(iso + "T00:00:00Z") / 86400000);
const iso = (d) => new Date(d * 86400000).toISOString().slice(0, 10);

test("a step is a day, a week or the same day of the next month", () => {
  assert.equal(iso(playback.nextDay(day("2016-12-31"), "day")), "2017-01-01");
  assert.equal(iso(playback.nextDay(day("2016-02-26"), "week")), "2016-03-04");
  assert.equal(iso(playback.nextDay(day("2016-01-15"), "month")), "2016-02-15");
  assert.equal(iso(playback.nextDay(day("2016-12-15"), "month")), "2017-01-15");
});

test("a month step from a longer month ends on the shorter month's last day", () => {
  assert.equal(iso(playback.nextDay(day("2016-01-31"), "month")), "2016-02-29");
  assert.equal(iso(playback.nextDay(day("2015-01-31"), "month")), "2015-02-28");
  assert.equal(iso(playback.nextDay(day("2016-03-31"), "month")), "2016-04-30");
});

test("playback shows the last day and stops there, or loops to the first", () => {
  const options = { first: day("2012-07-01"), last: day("2016-12-31"), speed: "week", loop: false };
  assert.deepEqual(playback.advance(day("2016-12-20"), options), { day: day("2016-12-27"), done: false });
  assert.deepEqual(playback.advance(day("2016-12-27"), options), { day: day("2016-12-31"), done: true });
  assert.deepEqual(playback.advance(day("2016-12-31"), options), { day: day("2016-12-31"), done: true });
  const looping = Object.assign({}, options, { loop: true });
  assert.deepEqual(playback.advance(day("2016-12-27"), looping), { day: day("2016-12-31"), done: false });
  assert.deepEqual(playback.advance(day("2016-12-31"), looping), { day: day("2012-07-01"), done: false });
});

test("play starts from the day shown, or from the first day when at the end or outside", () => {
  const options = { first: 100, last: 200 };
  assert.equal(playback.startDay(150, options), 150);
  assert.equal(playback.startDay(200, options), 100);
  assert.equal(playback.startDay(null, options), 100);
  assert.equal(playback.startDay(50, options), 100);
});

test("every speed steps forward and has a frame rate", () => {
  for (const [speed, spec] of Object.entries(playback.SPEEDS)) {
    assert.ok(playback.nextDay(1000, speed) > 1000, speed);
    assert.ok(spec.fps > 0, speed); // names come from the catalogue (options.text.speeds)
  }
});
