// node --test tests/js/: what mapui/map/host_page.js reads of the page around the map.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");

const host = require(path.join(__dirname, "..", "..", "mapui", "map", "host_page.js"));

// A map's window inside a hosting page whose document answers querySelector from `inputs`.
function mapWindow(inputs) {
  const asked = [];
  const document = {
    baseURI: "https://example.org/aleppo/",
    body: {},
    querySelector(selector) {
      asked.push(selector);
      return Object.prototype.hasOwnProperty.call(inputs, selector) ? inputs[selector] : null;
    },
  };
  return { window: { parent: { document } }, asked };
}

test("the slider's day comes from Streamlit's keyed container, in microseconds", () => {
  const day = 17081; // 2016-10-07
  const { window, asked } = mapWindow({
    ".st-key-date input[type=range]": { value: String(day * host.MICROSECONDS_PER_DAY) },
  });
  assert.equal(host.sliderDay("date", window), day);
  assert.deepEqual(asked, [".st-key-date input[type=range]"]);
});

test("no slider, or a value that is no number, is no day", () => {
  assert.equal(host.sliderDay("date", mapWindow({}).window), null);
  const { window } = mapWindow({ ".st-key-date input[type=range]": { value: "soon" } });
  assert.equal(host.sliderDay("date", window), null);
});

test("files are addressed from the hosting page's base URL", () => {
  assert.equal(host.baseURI(mapWindow({}).window), "https://example.org/aleppo/");
});
