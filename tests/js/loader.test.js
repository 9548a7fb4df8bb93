// Node's built-in test runner: node --test tests/js/ (run by tests/test_map_script.py).
// What mapui/map/loader.js tells the server through streamlit-folium's component value.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");

const SOURCE = fs.readFileSync(path.join(__dirname, "..", "..", "mapui", "map", "loader.js"), "utf8");

// loader.js in a page of its own: `self` is the page, with streamlit-folium's globals or without.
function page(withStreamlit) {
  const sent = [];
  const self = { __GLOBAL_DATA__: { previous_data: { last_active_drawing: null } } };
  if (withStreamlit) {
    self.Streamlit = { setComponentValue: (value) => sent.push(value) };
  }
  vm.runInNewContext(SOURCE, { self });
  return { self, sent };
}

test("what the map tells keeps streamlit-folium's last value and everything told before", () => {
  const { self, sent } = page(true);
  self.FrontlinesLoader.tell({ frontlines_drawn: true });
  self.__GLOBAL_DATA__.previous_data = { last_active_drawing: { properties: { id: "hanano", click: 1 } } };
  self.FrontlinesLoader.tell({ frontlines_played: { date: "2016-10-07", report: 1 } });
  // the values are made in the page's realm: compared as the JSON the server receives
  assert.deepEqual(JSON.parse(JSON.stringify(sent)), [
    { last_active_drawing: null, frontlines_drawn: true },
    {
      last_active_drawing: { properties: { id: "hanano", click: 1 } },
      frontlines_drawn: true,
      frontlines_played: { date: "2016-10-07", report: 1 },
    },
  ]);
});

test("outside Streamlit nothing is told", () => {
  const { self, sent } = page(false);
  self.FrontlinesLoader.tell({ frontlines_drawn: true });
  assert.deepEqual(sent, []);
});
