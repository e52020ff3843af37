/* Stödmaterial: small DOM helpers shared by the other scripts (loaded before them).
 *
 *   smDom.el(tag, attributes, text)  -> a new element; attribute values null/undefined/false are
 *                                       left out, true gives an empty attribute; text as textContent
 *   smDom.announce(region, message)  -> say message in a live region; the same message twice is
 *                                       announced twice (the region is emptied first)
 *   smDom.downloadText(name, text, type) -> save text as a file, made in the browser (works over
 *                                       file://; nothing is sent anywhere)
 *   smDom.texts()                    -> the interface texts for the page's language (<html lang>),
 *                                       from window.stodmaterialStrings (strings.js, written by the
 *                                       build from stodmaterial/strings.py); the first language there,
 *                                       the site's default, when the page's is missing
 *   smDom.format(template, values)   -> "{name}" replaced by values.name; unknown names stay
 *   smDom.readJson(root, cls)        -> the parsed <script type="application/json" class=cls>, or null
 *   smDom.printOnly(cls)             -> print with cls on <html> (the print stylesheet hides the rest)
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

  function texts() {
    var table = window.stodmaterialStrings || {};
    var lang = String(document.documentElement.lang || "").toLowerCase();
    var own = Object.prototype.hasOwnProperty;
    if (own.call(table, lang)) return table[lang];
    if (own.call(table, lang.split("-")[0])) return table[lang.split("-")[0]];
    var first = Object.keys(table)[0];
    return first ? table[first] : {};
  }

  function format(template, values) {
    return String(template).replace(/\{(\w+)\}/g, function (whole, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : whole;
    });
  }

  function readJson(root, cls) {
    var node = root.querySelector("script." + cls);
    if (!node) return null;
    try {
      return JSON.parse(node.textContent);
    } catch (error) {
      return null;
    }
  }

  function printOnly(cls) {
    var html = document.documentElement;
    html.classList.add(cls);
    var done = function () {
      html.classList.remove(cls);
      window.removeEventListener("afterprint", done);
    };
    window.addEventListener("afterprint", done);
    window.print();
  }

  window.smDom = {
    el: el, announce: announce, downloadText: downloadText,
    texts: texts, format: format, readJson: readJson, printOnly: printOnly,
  };
})();
