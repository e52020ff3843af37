/* Stödmaterial: search costs nothing until the reader opens it, not with every page.
 *
 * 1. The search index. Material 9.8 waits for the search toggle over file:// only; over http it
 *    fetches search/search_index.json with XMLHttpRequest as soon as the page loads, a third of a
 *    page's first view. Material has no option for it, so this script (loaded before Material's
 *    bundle, as a polyfill) holds back the send() of that one request until search is opened: the
 *    search toggle is ticked, or focus enters the search dialog (also Material's keys "/", "s", "f").
 *    Every other request passes untouched.
 * 2. The search worker. Material starts it on every page load (the worker script and lunr, about a
 *    third of a phone's work for a page view here), although it has nothing to do before the index
 *    arrives. The worker at the address the page's configuration names (#__config "search") is made
 *    when Material first sends it a message, which it does once the index has arrived; until then
 *    Material holds a stand-in that keeps its listeners. Any other worker is made at once.
 * Classic script (no ES modules over file://); node's tests load it with a fake window.
 */
(function () {
  "use strict";

  deferSearchWorker();
  if (location.protocol === "file:" || !window.XMLHttpRequest) return;
  var INDEX = /\/search\/search_index\.json(?:[?#]|$)/;
  var proto = window.XMLHttpRequest.prototype;
  var open = proto.open;
  var send = proto.send;
  var held = [];
  var released = false;

  proto.open = function (method, url) {
    this.smSearchIndex = INDEX.test(String(url));
    return open.apply(this, arguments);
  };
  proto.send = function () {
    if (this.smSearchIndex && !released) {
      held.push({ request: this, args: arguments });
      return undefined;
    }
    return send.apply(this, arguments);
  };

  function release() {
    if (released) return;
    released = true;
    held.forEach(function (call) { send.apply(call.request, call.args); });
    held = [];
  }

  document.addEventListener("change", function (event) {
    if (event.target && event.target.id === "__search" && event.target.checked) release();
  }, true);
  document.addEventListener("focusin", function (event) {
    if (event.target && event.target.closest && event.target.closest(".md-search")) release();
  }, true);

  function searchWorkerAddress() {
    var config = document.getElementById("__config");
    try {
      var search = config && JSON.parse(config.textContent).search;
      return search ? new URL(search, document.baseURI).href : null;
    } catch (error) {
      return null;
    }
  }

  // The worker is made on the first message; what Material did with the stand-in before (listeners
  // added or removed, onmessage set) is done to it then, in the same order. Stopped before it was
  // made, it is never made.
  function deferSearchWorker() {
    var RealWorker = window.Worker;
    if (typeof RealWorker !== "function") return;

    function DeferredWorker(url, options) {
      var address = null;
      try {
        address = new URL(url, document.baseURI).href;
      } catch (error) {
        address = null;
      }
      if (address === null || address !== searchWorkerAddress()) return new RealWorker(url, options);
      this.smCalls = [];
      this.smWorker = null;
      this.smStopped = false;
      this.smStart = function () { return new RealWorker(url, options); };
    }
    function started(stand) {
      if (!stand.smWorker) {
        var worker = stand.smStart();
        stand.smCalls.forEach(function (call) { call(worker); });
        stand.smCalls = [];
        stand.smWorker = worker;
      }
      return stand.smWorker;
    }
    function later(stand, call) {
      if (stand.smWorker) call(stand.smWorker);
      else if (!stand.smStopped) stand.smCalls.push(call);
    }
    DeferredWorker.prototype.postMessage = function () {
      var args = arguments;
      if (this.smStopped) return;
      var worker = started(this);
      worker.postMessage.apply(worker, args);
    };
    DeferredWorker.prototype.terminate = function () {
      if (this.smWorker) this.smWorker.terminate();
      this.smStopped = true;
      this.smCalls = [];
    };
    ["addEventListener", "removeEventListener"].forEach(function (name) {
      DeferredWorker.prototype[name] = function () {
        var args = arguments;
        later(this, function (worker) { worker[name].apply(worker, args); });
      };
    });
    ["onmessage", "onmessageerror", "onerror"].forEach(function (name) {
      Object.defineProperty(DeferredWorker.prototype, name, {
        get: function () { return this.smWorker ? this.smWorker[name] : this["sm" + name] || null; },
        set: function (handler) {
          this["sm" + name] = handler;
          later(this, function (worker) { worker[name] = handler; });
        },
      });
    });
    window.Worker = DeferredWorker;
  }
})();
