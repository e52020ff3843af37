/* Stödmaterial: private storage for what a reader types and how far they have come.
 *
 * Privacy first: values live in this page's memory only, and are gone when the page is closed or
 * reloaded. Only when the reader turns on "Spara mina svar på den här enheten" are they written to
 * the browser's localStorage, under a prefix for this tenant only. Turning it off removes every
 * stored value. Nothing is ever sent anywhere and no cookie is set.
 *
 * API (stable; other scripts use it if present: `if (window.smStore) { ... }`):
 *   smStore.enabled()          -> true when the reader has chosen to save on this device
 *   smStore.setEnabled(bool)   -> true: write everything in memory to localStorage from now on;
 *                                 false: remove everything stored (memory keeps the current values)
 *   smStore.get(key)           -> the value (any JSON value) or null
 *   smStore.set(key, value)    -> keep a JSON-serialisable value (memory; also stored if enabled)
 *   smStore.remove(key)
 *   smStore.keys(prefix)       -> every key starting with prefix (all keys without one)
 *   smStore.clearAll()         -> forget everything: memory, this tenant's localStorage and the
 *                                 site's own Material preferences; the choice is turned off
 *   smStore.available()        -> false when the browser refuses localStorage
 *   window event "sm-store-change", detail {key, value, enabled}: after every change; key is null
 *   when many values changed at once (enable, disable, clearAll, another tab).
 *
 * Keys are short names such as "answer:t3-var-kunskap" or "progress:forovarna". The tenant comes
 * from <meta name="sm-tenant">; localStorage keys are "stodmaterial:<tenant>:<key>".
 *
 * Classic script: ES modules do not run over file://.
 */
(function () {
  "use strict";

  var meta = document.querySelector('meta[name="sm-tenant"]');
  var tenant = (meta && meta.getAttribute("content")) || "default";
  var PREFIX = "stodmaterial:" + tenant + ":";
  var FLAG = PREFIX + "enabled";
  var DATA = PREFIX + "data:";

  var memory = Object.create(null);
  var storage = null;

  try {
    storage = window.localStorage;
    var probe = PREFIX + "probe";
    storage.setItem(probe, "1");
    storage.removeItem(probe);
  } catch (error) {
    storage = null;
  }

  function enabled() {
    try {
      return !!storage && storage.getItem(FLAG) === "true";
    } catch (error) {
      return false;
    }
  }

  function storedKeys() {
    var keys = [];
    if (!storage) return keys;
    for (var i = 0; i < storage.length; i++) {
      var name = storage.key(i);
      if (name && name.indexOf(PREFIX) === 0) keys.push(name);
    }
    return keys;
  }

  function loadStored() {
    if (!enabled()) return;
    storedKeys().forEach(function (name) {
      if (name.indexOf(DATA) !== 0) return;
      try {
        memory[name.slice(DATA.length)] = JSON.parse(storage.getItem(name));
      } catch (error) {
        /* A damaged value is skipped, not fatal. */
      }
    });
  }

  function removeStored() {
    storedKeys().forEach(function (name) {
      storage.removeItem(name);
    });
  }

  function notify(key, value) {
    var detail = { key: key, value: key === null ? null : value, enabled: enabled() };
    window.dispatchEvent(new CustomEvent("sm-store-change", { detail: detail }));
  }

  function write(key) {
    if (!enabled()) return;
    try {
      if (key in memory) storage.setItem(DATA + key, JSON.stringify(memory[key]));
      else storage.removeItem(DATA + key);
    } catch (error) {
      /* Quota or a refusing browser: the value stays in memory. */
    }
  }

  /* The site's own Material preferences (palette and the like) live under the site's scope. */
  function removeMaterialKeys() {
    var scope = window.__md_scope;
    if (!scope || !scope.pathname) return;
    var prefix = scope.pathname + ".";
    [window.localStorage, window.sessionStorage].forEach(function (area) {
      try {
        var names = [];
        for (var i = 0; i < area.length; i++) {
          var name = area.key(i);
          if (name && name.indexOf(prefix) === 0) names.push(name);
        }
        names.forEach(function (name) { area.removeItem(name); });
      } catch (error) {
        /* Nothing to clear in a refusing browser. */
      }
    });
  }

  var api = {
    available: function () {
      return !!storage;
    },
    enabled: enabled,
    setEnabled: function (on) {
      if (!storage) return false;
      if (on) {
        storage.setItem(FLAG, "true");
        Object.keys(memory).forEach(write);
      } else {
        removeStored();
      }
      notify(null);
      return enabled();
    },
    get: function (key) {
      key = String(key);
      return key in memory ? JSON.parse(JSON.stringify(memory[key])) : null;
    },
    set: function (key, value) {
      key = String(key);
      if (value === undefined || value === null) return api.remove(key);
      memory[key] = JSON.parse(JSON.stringify(value));
      write(key);
      notify(key, api.get(key));
    },
    remove: function (key) {
      key = String(key);
      delete memory[key];
      write(key);
      notify(key, null);
    },
    keys: function (prefix) {
      prefix = prefix ? String(prefix) : "";
      return Object.keys(memory).filter(function (key) {
        return key.indexOf(prefix) === 0;
      }).sort();
    },
    clearAll: function () {
      memory = Object.create(null);
      if (storage) removeStored();
      removeMaterialKeys();
      notify(null);
    },
  };

  /* Another tab changed this tenant's storage: follow it. */
  window.addEventListener("storage", function (event) {
    if (event.key !== null && event.key.indexOf(PREFIX) !== 0) return;
    if (!enabled()) {
      if (event.key === FLAG) notify(null);
      return;
    }
    memory = Object.create(null);
    loadStored();
    notify(null);
  });

  loadStored();
  window.smStore = api;
})();
