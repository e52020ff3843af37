/* Stödmaterial: the search index is fetched when the reader opens search, not with every page.
 *
 * Material 9.8.1 does this itself over file:// only (it waits for the search toggle there); over
 * http it fetches search/search_index.json with XMLHttpRequest as soon as the page loads, a third
 * of a page's first view. Material has no option for it, so this script (loaded before Material's
 * bundle, as a polyfill) holds back the send() of that one request until search is opened: the
 * search toggle is ticked, or focus enters the search dialog (also Material's keys "/", "s", "f").
 * Every other request passes untouched. Classic script (no ES modules over file://).
 */
(function () {
  "use strict";

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
})();
