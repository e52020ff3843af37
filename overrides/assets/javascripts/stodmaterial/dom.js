/* Stödmaterial: small DOM helpers shared by interactive.js and riskguide.js (loaded before them).
 *
 *   smDom.el(tag, attributes, text)  -> a new element; attribute values null/undefined/false are
 *                                       left out, true gives an empty attribute; text as textContent
 *   smDom.announce(region, message)  -> say message in a live region; the same message twice is
 *                                       announced twice (the region is emptied first)
 *   smDom.downloadText(name, text, type) -> save text as a file, made in the browser (works over
 *                                       file://; nothing is sent anywhere)
 *
 * Classic script: ES modules do not run over file://. No inline scripts, no eval.
 */
(function () {
  "use strict";

  function el(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      var value = attributes[name];
      if (value === null || value === undefined || value === false) return;
      node.setAttribute(name, value === true ? "" : String(value));
    });
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  var timers = new WeakMap();

  function announce(region, message) {
    if (!region) return;
    window.clearTimeout(timers.get(region));
    region.textContent = "";
    timers.set(region, window.setTimeout(function () {
      region.textContent = message;
    }, 80));
  }

  function downloadText(name, text, type) {
    var url = URL.createObjectURL(new Blob([text], { type: type }));
    var link = el("a", { href: url, download: name, hidden: true });
    document.body.appendChild(link);
    link.click();
    link.remove();
    window.setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
  }

  window.smDom = { el: el, announce: announce, downloadText: downloadText };
})();
