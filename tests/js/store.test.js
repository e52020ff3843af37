// store.js, the private storage of what a reader types: nothing stored before the reader chooses,
// everything of this tenant removed when they change their mind, other tenants left alone.
// The script runs as in a page: a fresh global per page load (node:vm), over a shared localStorage.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");
const { SCRIPTS } = require("./helpers.js");

const SOURCE = fs.readFileSync(path.join(SCRIPTS, "store.js"), "utf8");

// The Web Storage interface, enough for store.js; `refuse` makes it throw like a locked-down browser.
class FakeStorage {
  constructor({ refuse = false, quota = Infinity } = {}) {
    this.items = new Map();
    this.refuse = refuse;
    this.quota = quota;
  }
  get length() { return this.items.size; }
  key(i) { return [...this.items.keys()][i] ?? null; }
  getItem(key) { return this.items.has(key) ? this.items.get(key) : null; }
  setItem(key, value) {
    if (this.refuse) throw new Error("SecurityError");
    if (this.items.size >= this.quota && !this.items.has(key)) throw new Error("QuotaExceededError");
    this.items.set(key, String(value));
  }
  removeItem(key) { this.items.delete(key); }
  dump() { return Object.fromEntries(this.items); }
}

class CustomEvent extends Event {
  constructor(type, init = {}) {
    super(type);
    this.detail = init.detail ?? null;
  }
}

// One page load: returns the page's smStore and the events it sent.
function page({ storage = new FakeStorage(), session = new FakeStorage(), tenant = "exempelkommun", scope = "/" } = {}) {
  const target = new EventTarget();
  const events = [];
  const sandbox = {
    document: {
      querySelector: (selector) => (selector === 'meta[name="sm-tenant"]' && tenant !== null
        ? { getAttribute: () => tenant } : null),
    },
    CustomEvent,
    addEventListener: target.addEventListener.bind(target),
    removeEventListener: target.removeEventListener.bind(target),
    dispatchEvent: (event) => {
      events.push(event.detail);
      return target.dispatchEvent(event);
    },
    __md_scope: new URL("http://example.test" + scope),
  };
  Object.defineProperty(sandbox, "localStorage", {
    get() {
      if (storage === "throws") throw new Error("SecurityError");
      return storage;
    },
  });
  sandbox.sessionStorage = session;
  sandbox.window = sandbox;
  vm.runInNewContext(SOURCE, sandbox, { filename: "store.js" });
  const store = sandbox.smStore;
  // What the page's realm returns is compared as plain data.
  const wrapped = { ...store, get: (key) => plain(store.get(key)), keys: (prefix) => plain(store.keys(prefix)) };
  return { store: wrapped, raw: store, events, window: sandbox, storage };
}

function plain(value) {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

test("nothing is stored before the reader chooses to", () => {
  const { store, storage } = page();
  store.set("answer:t1", { text: "Mitt svar" });
  store.set("progress:forovarna", "begun");
  assert.equal(store.enabled(), false);
  assert.deepEqual(storage.dump(), {});
  assert.deepEqual(store.get("answer:t1"), { text: "Mitt svar" });
});

test("without the choice, a new page load has forgotten everything", () => {
  const storage = new FakeStorage();
  page({ storage }).store.set("answer:t1", { text: "Mitt svar" });
  assert.equal(page({ storage }).store.get("answer:t1"), null);
});

test("choosing to save writes what is in memory, under this tenant's prefix, and it survives a reload", () => {
  const storage = new FakeStorage();
  const first = page({ storage }).store;
  first.set("answer:t1", { text: "Före valet" });
  assert.equal(first.setEnabled(true), true);
  first.set("progress:forovarna", "done");
  assert.deepEqual(storage.dump(), {
    "stodmaterial:exempelkommun:enabled": "true",
    "stodmaterial:exempelkommun:data:answer:t1": JSON.stringify({ text: "Före valet" }),
    "stodmaterial:exempelkommun:data:progress:forovarna": JSON.stringify("done"),
  });
  const again = page({ storage }).store;
  assert.equal(again.enabled(), true);
  assert.deepEqual(again.get("answer:t1"), { text: "Före valet" });
  assert.deepEqual(again.keys("progress:"), ["progress:forovarna"]);
});

test("turning it off removes everything this tenant stored, keeps the page's memory and other tenants", () => {
  const storage = new FakeStorage();
  storage.setItem("stodmaterial:annankommun:data:answer:t1", '"other"');
  storage.setItem("unrelated", "x");
  const { store } = page({ storage });
  store.setEnabled(true);
  store.set("answer:t1", { text: "Svar" });
  store.setEnabled(false);
  assert.equal(store.enabled(), false);
  assert.deepEqual(storage.dump(), { "stodmaterial:annankommun:data:answer:t1": '"other"', unrelated: "x" });
  assert.deepEqual(store.get("answer:t1"), { text: "Svar" });
  store.set("answer:t2", { text: "Efter" });
  assert.equal(storage.getItem("stodmaterial:exempelkommun:data:answer:t2"), null);
});

test("one tenant never reads another tenant's values", () => {
  const storage = new FakeStorage();
  const mine = page({ storage, tenant: "exempelkommun" }).store;
  mine.setEnabled(true);
  mine.set("answer:t1", { text: "Hemligt" });
  const theirs = page({ storage, tenant: "annankommun" }).store;
  assert.equal(theirs.enabled(), false);
  theirs.setEnabled(true);
  assert.equal(theirs.get("answer:t1"), null);
  assert.deepEqual(theirs.keys(), []);
});

test("clearAll forgets memory, this tenant's storage and the site's own Material keys, nothing else", () => {
  const storage = new FakeStorage();
  const session = new FakeStorage();
  storage.setItem("/sv/.__palette", "{}");
  session.setItem("/sv/.__tabs", "[]");
  storage.setItem("/other-site/.__palette", "{}");
  storage.setItem("stodmaterial:annankommun:enabled", "true");
  const { store, events } = page({ storage, session, scope: "/sv/" });
  store.setEnabled(true);
  store.set("answer:t1", { text: "Svar" });
  store.clearAll();
  assert.equal(store.enabled(), false);
  assert.deepEqual(store.keys(), []);
  assert.deepEqual(storage.dump(), { "/other-site/.__palette": "{}", "stodmaterial:annankommun:enabled": "true" });
  assert.deepEqual(session.dump(), {});
  assert.deepEqual(plain(events[events.length - 1]), { key: null, value: null, enabled: false });
});

test("a browser that refuses storage still keeps the answers on the page", () => {
  for (const storage of ["throws", new FakeStorage({ refuse: true })]) {
    const { store } = page({ storage });
    assert.equal(store.available(), false);
    assert.equal(store.setEnabled(true), false);
    assert.equal(store.enabled(), false);
    store.set("answer:t1", { text: "Svar" });
    assert.deepEqual(store.get("answer:t1"), { text: "Svar" });
  }
});

test("a full storage keeps the value in memory", () => {
  const storage = new FakeStorage({ quota: 2 });
  const { store } = page({ storage });
  store.setEnabled(true); // the flag, and the probe came and went
  store.set("answer:t1", { text: "Ett" });
  store.set("answer:t2", { text: "Två" }); // over the quota: not stored
  assert.deepEqual(store.get("answer:t2"), { text: "Två" });
  assert.equal(storage.getItem("stodmaterial:exempelkommun:data:answer:t2"), null);
});

test("a damaged stored value is skipped, the others are read", () => {
  const storage = new FakeStorage();
  storage.setItem("stodmaterial:exempelkommun:enabled", "true");
  storage.setItem("stodmaterial:exempelkommun:data:answer:bad", "{not json");
  storage.setItem("stodmaterial:exempelkommun:data:answer:good", '{"text":"Bra"}');
  const { store } = page({ storage });
  assert.deepEqual(store.keys(), ["answer:good"]);
});

test("values are copies: changing what get returned changes nothing stored", () => {
  const { store, raw } = page();
  const value = { text: "Svar", list: [1] };
  store.set("answer:t1", value);
  value.text = "Ändrat";
  raw.get("answer:t1").list.push(2);
  assert.deepEqual(store.get("answer:t1"), { text: "Svar", list: [1] });
});

test("set, remove and keys, with an event after every change", () => {
  const { store, events } = page();
  store.set("answer:b", { text: "B" });
  store.set("answer:a", { text: "A" });
  store.set("progress:x", "begun");
  assert.deepEqual(store.keys("answer:"), ["answer:a", "answer:b"]);
  store.set("answer:a", null);
  store.remove("answer:b");
  assert.deepEqual(store.keys(), ["progress:x"]);
  assert.deepEqual(plain(events), [
    { key: "answer:b", value: { text: "B" }, enabled: false },
    { key: "answer:a", value: { text: "A" }, enabled: false },
    { key: "progress:x", value: "begun", enabled: false },
    { key: "answer:a", value: null, enabled: false },
    { key: "answer:b", value: null, enabled: false },
  ]);
});

test("another tab's change to this tenant's storage is followed; other keys are ignored", () => {
  const storage = new FakeStorage();
  const tab = page({ storage });
  tab.store.setEnabled(true);
  page({ storage }).store.set("answer:t1", { text: "Från andra fliken" });
  const storageEvent = (key) => Object.assign(new Event("storage"), { key });

  const before = tab.events.length;
  tab.window.dispatchEvent(storageEvent("stodmaterial:annankommun:data:answer:t1"));
  assert.equal(tab.store.get("answer:t1"), null);
  tab.window.dispatchEvent(storageEvent("stodmaterial:exempelkommun:data:answer:t1"));
  assert.deepEqual(tab.store.get("answer:t1"), { text: "Från andra fliken" });
  // The two storage events themselves, and one change notice for the page (key null: many values).
  assert.deepEqual(plain(tab.events.slice(before)), [null, null, { key: null, value: null, enabled: true }]);
});
