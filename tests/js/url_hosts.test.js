// node --test tests/js/: every source URL validation accepts, the static site can label and link.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");

const site = require(path.join(__dirname, "..", "..", "static_site", "template", "site_data.js"));
const { cases } = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "url_host_cases.json"), "utf8"));

test("every URL validation accepts parses in the browser's URL parser, with the dashboard's label", () => {
  for (const { url, valid, label } of cases.filter((c) => c.valid)) {
    assert.notEqual(site.hostLabel(url), null, url);
    if (label && /^[\x21-\x7e]+$/.test(label) && !label.includes(":")) {
      assert.equal(site.hostLabel(url), label, url);
    }
    assert.ok(valid);
  }
});

test("the URLs a browser cannot parse are among those validation refuses", () => {
  for (const { url, valid } of cases) {
    if (site.hostLabel(url) === null) {
      assert.equal(valid, false, url);
    }
  }
});
