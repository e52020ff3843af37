// dom.js: the scripts pick their texts by the page's language, and fall back to the site's default
// (the first language in strings.js) for a language the table does not have.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");
const { SCRIPTS } = require("./helpers.js");

const SOURCE = fs.readFileSync(path.join(SCRIPTS, "dom.js"), "utf8");
const TABLE = { sv: { save: "Spara" }, en: { save: "Save" }, xx: { save: "Xx" } };

function dom(lang, table = TABLE) {
  const sandbox = { document: { documentElement: { lang } }, stodmaterialStrings: table, WeakMap };
  sandbox.window = sandbox;
  vm.runInNewContext(SOURCE, sandbox, { filename: "dom.js" });
  return sandbox.smDom;
}

test("the texts follow <html lang>", () => {
  assert.equal(dom("sv").texts().save, "Spara");
  assert.equal(dom("en").texts().save, "Save");
  assert.equal(dom("xx").texts().save, "Xx"); // a third language is only data
  assert.equal(dom("EN-gb").texts().save, "Save");
});

test("a language the table does not have, or none, gets the default language (the first)", () => {
  assert.equal(dom("de").texts().save, "Spara");
  assert.equal(dom("").texts().save, "Spara");
  assert.equal(dom("en", { xx: { save: "Xx" }, en: { save: "Save" } }).texts().save, "Save");
  assert.equal(dom("de", { xx: { save: "Xx" }, en: { save: "Save" } }).texts().save, "Xx");
  assert.deepEqual(Object.keys(dom("sv", null).texts()), []); // strings.js missing: no crash
});

test("format fills in named values and leaves unknown ones", () => {
  const { format } = dom("sv");
  assert.equal(format("{done} av {total}", { done: 1, total: 4 }), "1 av 4");
  assert.equal(format("{x} och {constructor}", {}), "{x} och {constructor}");
});
