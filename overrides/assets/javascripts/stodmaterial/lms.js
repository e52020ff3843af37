/* Stödmaterial: the SCORM 1.2 adapter of a learning-platform package (stodmaterial lms).
 *
 * Loaded only by the launch pages under scorm/ that the package adds; no page of the normal site
 * loads it. A launch page shows one page of the site in a frame and, when it finds the platform's
 * SCORM 1.2 API (walking up `parent`, then `opener`, as the SCORM 1.2 run-time environment says):
 *
 * - initialises once per launch and finishes when the launch page is closed;
 * - marks a theme as done when the reader has scrolled to the end of its page;
 * - writes cmi.suspend_data (only the ids of the themes done, comma-separated),
 *   cmi.core.lesson_status ("incomplete", then "completed" when all four themes are done) and
 *   cmi.core.exit ("suspend", so the platform keeps the themes done for the next launch).
 *
 * Nothing else goes to the platform: no answer, no plan, no risk-guide choice, no search term, no
 * time, no score. Without an API (the package opened as plain files) the launch page gives way to
 * the site's page, which then works exactly as in the normal site. Classic script, no eval.
 */
(function () {
  "use strict";

  var MAX_PARENTS = 7; /* as ADL's APIWrapper.js */

  /* The platform's API object in `win` or one of its parents, or null. */
  function findAPI(win) {
    var tries = 0;
    while (win) {
      try {
        if (win.API && typeof win.API.LMSInitialize === "function") return win.API;
      } catch (error) {
        /* A cross-origin window: look further up. */
      }
      if (!win.parent || win.parent === win || tries >= MAX_PARENTS) return null;
      tries += 1;
      win = win.parent;
    }
    return null;
  }

  function getAPI() {
    var api = findAPI(window.parent === window ? null : window.parent);
    if (!api && window.opener) {
      try {
        api = findAPI(window.opener);
      } catch (error) {
        api = null;
      }
    }
    return api;
  }

  /* Pure helpers, also used by the unit tests (window.smLms). */
  function parseDone(text, themes) {
    var done = [];
    String(text || "").split(",").forEach(function (id) {
      if (themes.indexOf(id) !== -1 && done.indexOf(id) === -1) done.push(id);
    });
    return done;
  }

  function encodeDone(done, themes) {
    return themes.filter(function (id) { return done.indexOf(id) !== -1; }).join(",");
  }

  function statusFor(done, themes) {
    return themes.length && themes.every(function (id) { return done.indexOf(id) !== -1; }) ? "completed" : "incomplete";
  }

  window.smLms = { findAPI: findAPI, parseDone: parseDone, encodeDone: encodeDone, statusFor: statusFor };

  var body = document.body;
  var frame = document.querySelector("iframe[data-sm-lms-frame]");
  if (!body || !frame) return;
  var themes = (body.getAttribute("data-sm-lms-themes") || "").split(" ").filter(Boolean);

  var api = getAPI();
  if (!api) {
    /* Not inside a learning platform: show the site's own page, as the normal site. */
    window.location.replace(frame.getAttribute("src"));
    return;
  }

  var open = String(api.LMSInitialize("")) === "true";
  if (!open) return;
  var done = parseDone(api.LMSGetValue("cmi.suspend_data"), themes);
  var status = String(api.LMSGetValue("cmi.core.lesson_status") || "");
  var finished = false;

  function report() {
    if (finished) return;
    var wanted = statusFor(done, themes);
    /* Never take back a completion the platform has already recorded. */
    if (status !== "completed" && status !== "passed" && status !== wanted) {
      api.LMSSetValue("cmi.core.lesson_status", wanted);
      status = wanted;
    }
    api.LMSSetValue("cmi.suspend_data", encodeDone(done, themes));
    api.LMSSetValue("cmi.core.exit", "suspend");
    api.LMSCommit("");
  }

  function reached(theme) {
    if (done.indexOf(theme) !== -1) return;
    done.push(theme);
    report();
  }

  /* Each page shown in the frame: on a theme page, watch for the end of its text. */
  function watch() {
    var doc, win;
    try {
      doc = frame.contentDocument;
      win = frame.contentWindow;
    } catch (error) {
      return; /* another site, e.g. an external link: nothing to watch */
    }
    if (!doc || !win || !win.IntersectionObserver) return;
    var meta = doc.querySelector('meta[name="sm-theme"]');
    var article = doc.querySelector("article.md-content__inner");
    var theme = meta ? meta.getAttribute("content") : "";
    if (!article || themes.indexOf(theme) === -1 || done.indexOf(theme) !== -1) return;
    var end = doc.createElement("div");
    end.className = "sm-lms-end";
    end.setAttribute("aria-hidden", "true");
    article.appendChild(end);
    var observer = new win.IntersectionObserver(function (entries) {
      if (entries.some(function (entry) { return entry.isIntersecting; })) {
        observer.disconnect();
        reached(theme);
      }
    });
    observer.observe(end);
  }

  function finish() {
    if (finished) return;
    report();
    finished = true;
    api.LMSFinish("");
  }

  report();
  frame.addEventListener("load", watch);
  if (frame.contentDocument && frame.contentDocument.readyState === "complete") watch();
  window.addEventListener("pagehide", finish);
})();
