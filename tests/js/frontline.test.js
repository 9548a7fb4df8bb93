// node --test tests/js/: the front-line mask of frontline.js, by hand and against geo on every day.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");

const frontline = require(path.join(__dirname, "..", "..", "mapui", "map", "frontline.js"));

const FORMAT = { stated: 48, low: 97 };
// government, opposition, kurdish, isil, contested separate; unknown does not
const FRONT = [true, true, true, true, true, false];

test("a border is on the front where its districts differ, contested being a zone", () => {
  // districts: 0 government, 1 opposition (low confidence), 2 contested, 3 contested, 4 unknown
  const codes = "0b445";
  const pairs = [0, 1, 1, 2, 2, 3, 3, 4, 0, 4];
  assert.deepEqual(Array.from(frontline.activeMask(pairs, codes, FORMAT, FRONT)), [1, 1, 0, 0, 0]);
  assert.deepEqual(Array.from(frontline.activeMask([], codes, FORMAT, FRONT)), []);
});

const fixtures = process.env.FRONTLINES_FIXTURES;
test("activeMask equals geo's front_line_at on every day of each fixture", { skip: !fixtures && "run through pytest" }, () => {
  const cases = JSON.parse(fs.readFileSync(fixtures, "utf8"));
  for (const c of cases) {
    assert.ok(c.pairs.length > 0, c.name);
    for (let day = c.first_day; day <= c.last_day; day++) {
      const codes = c.expected[day - c.first_day];
      const got = Array.from(frontline.activeMask(c.pairs, codes, c.format, c.front_codes)).join("");
      if (got !== c.expected_front[day - c.first_day]) {
        assert.equal(got, c.expected_front[day - c.first_day], `${c.name} on day ${day}`);
      }
    }
  }
});
