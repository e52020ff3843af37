/* Unit tests of the SCORM adapter's pure parts (overrides/assets/javascripts/stodmaterial/lms.js):
   node --test tests/scorm/ */
"use strict";

const test = require("node:test");
const assert = require("node:assert");
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");

const SOURCE = path.join(__dirname, "..", "..", "overrides", "assets", "javascripts", "stodmaterial", "lms.js");
const THEMES = ["a", "b", "c", "d"];

function load(windowExtra) {
  const window = Object.assign({}, windowExtra);
  window.parent = window.parent || window;
  const context = { window, document: { body: null, querySelector: () => null } };
  vm.runInNewContext(fs.readFileSync(SOURCE, "utf8"), context);
  return window.smLms;
}

test("suspend data keeps only known themes, once each, in the themes' order", () => {
  const lms = load();
  assert.deepStrictEqual([...lms.parseDone("c,x,a,c,", THEMES)], ["c", "a"]);
  assert.strictEqual(lms.encodeDone(["c", "a"], THEMES), "a,c");
  assert.deepStrictEqual([...lms.parseDone("", THEMES)], []);
  assert.deepStrictEqual([...lms.parseDone(undefined, THEMES)], []);
});

test("lesson status is completed only when all four themes are done", () => {
  const lms = load();
  assert.strictEqual(lms.statusFor(["a", "b", "c"], THEMES), "incomplete");
  assert.strictEqual(lms.statusFor(["d", "c", "b", "a"], THEMES), "completed");
  assert.strictEqual(lms.statusFor([], []), "incomplete");
});

test("the API is found in a parent, at most seven levels up, and a cross-origin parent is skipped", () => {
  const lms = load();
  const api = { LMSInitialize() {} };
  const top = { API: api };
  top.parent = top;
  const crossOrigin = { parent: top };
  Object.defineProperty(crossOrigin, "API", { get() { throw new Error("SecurityError"); } });
  const frame = { parent: crossOrigin };
  assert.strictEqual(lms.findAPI(frame), api);
  let deep = top;
  for (let i = 0; i < 8; i += 1) deep = { parent: deep };
  assert.strictEqual(lms.findAPI(deep), null);
  assert.strictEqual(lms.findAPI(null), null);
});
