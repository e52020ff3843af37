// lazy-search.js: the search index and the search worker cost nothing until the reader opens search.
// The script runs as in a page (node:vm) with a fake Worker and XMLHttpRequest that record what is made.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");
const { SCRIPTS } = require("./helpers.js");

const SOURCE = fs.readFileSync(path.join(SCRIPTS, "lazy-search.js"), "utf8");
const WORKER = "assets/javascripts/workers/search.2c215733.min.js";

function page({ protocol = "http:", search = "../" + WORKER } = {}) {
  const base = protocol === "file:" ? "file:///srv/site/teman/index.html" : "http://127.0.0.1:8000/teman/index.html";
  const made = [];
  class FakeWorker {
    constructor(url, options) {
      this.url = url;
      this.options = options;
      this.calls = [];
      made.push(this);
    }
    postMessage(message) { this.calls.push(["postMessage", message]); }
    addEventListener(type, listener) { this.calls.push(["addEventListener", type, listener]); }
    removeEventListener(type, listener) { this.calls.push(["removeEventListener", type, listener]); }
    terminate() { this.calls.push(["terminate"]); }
    set onmessage(handler) { this.calls.push(["onmessage", handler]); }
  }
  const sent = [];
  class FakeXMLHttpRequest {
    open(method, url) { this.url = url; }
    send() { sent.push(this.url); }
  }
  const listeners = {};
  const document = {
    baseURI: base,
    getElementById: (id) => (id === "__config" ? { textContent: JSON.stringify({ base: "..", search }) } : null),
    addEventListener: (type, listener) => { listeners[type] = listener; },
  };
  const window = { Worker: FakeWorker, XMLHttpRequest: FakeXMLHttpRequest, document, location: new URL(base), URL, JSON };
  window.window = window;
  vm.createContext(window);
  vm.runInContext(SOURCE, window);
  return { window, made, sent, listeners };
}

test("the search worker is made when Material first sends it a message, with what it was told before", () => {
  const { window, made } = page();
  const worker = new window.Worker("../" + WORKER);
  const listener = () => {};
  const gone = () => {};
  worker.addEventListener("message", listener);
  worker.addEventListener("error", gone);
  worker.removeEventListener("error", gone);
  assert.equal(made.length, 0, "no worker before the first message");
  worker.postMessage({ type: 0, data: "index" });
  assert.equal(made.length, 1);
  assert.equal(made[0].url, "../" + WORKER);
  assert.deepEqual(made[0].calls, [
    ["addEventListener", "message", listener],
    ["addEventListener", "error", gone],
    ["removeEventListener", "error", gone],
    ["postMessage", { type: 0, data: "index" }],
  ]);
  worker.postMessage({ type: 2, data: "förövare" });
  worker.addEventListener("message", gone);
  assert.equal(made.length, 1, "one worker, however many messages");
  assert.deepEqual(made[0].calls.slice(4), [["postMessage", { type: 2, data: "förövare" }], ["addEventListener", "message", gone]]);
});

test("the address is compared as the page resolves it, and any other worker is made at once", () => {
  const { window, made } = page();
  new window.Worker("http://127.0.0.1:8000/" + WORKER);  // the same address, written absolute
  assert.equal(made.length, 0);
  const other = new window.Worker("../assets/javascripts/other.js", { type: "classic" });
  assert.equal(made.length, 1);
  assert.equal(other, made[0], "the real worker itself, not a stand-in");
  assert.deepEqual(made[0].options, { type: "classic" });
});

test("an onmessage handler set before the worker exists reaches it", () => {
  const { window, made } = page();
  const worker = new window.Worker("../" + WORKER);
  const handler = () => {};
  worker.onmessage = handler;
  assert.equal(worker.onmessage, handler);
  worker.postMessage("setup");
  assert.deepEqual(made[0].calls, [["onmessage", handler], ["postMessage", "setup"]]);
});

test("a worker stopped before its first message is never made", () => {
  const { window, made } = page();
  const worker = new window.Worker("../" + WORKER);
  worker.addEventListener("message", () => {});
  worker.terminate();
  worker.postMessage("setup");
  assert.equal(made.length, 0);
});

test("without a search address in the page's configuration every worker is made at once", () => {
  const { window, made } = page({ search: "" });
  new window.Worker("../" + WORKER);
  assert.equal(made.length, 1);
});

test("over file:// the worker waits too (Material waits for the search toggle there itself)", () => {
  const { window, made, sent } = page({ protocol: "file:" });
  const worker = new window.Worker("../" + WORKER);
  assert.equal(made.length, 0);
  worker.postMessage("setup");
  assert.equal(made.length, 1);
  const request = new window.XMLHttpRequest();
  request.open("GET", "../search/search_index.json");
  request.send();
  assert.deepEqual(sent, ["../search/search_index.json"], "over file:// requests are left alone");
});

test("over http the index request is sent when search is opened, other requests at once", () => {
  const { window, sent, listeners } = page();
  const index = new window.XMLHttpRequest();
  index.open("GET", "../search/search_index.json");
  index.send();
  const other = new window.XMLHttpRequest();
  other.open("GET", "../sitemap.xml");
  other.send();
  assert.deepEqual(sent, ["../sitemap.xml"]);
  listeners.change({ target: { id: "__search", checked: true } });
  assert.deepEqual(sent, ["../sitemap.xml", "../search/search_index.json"]);
});
