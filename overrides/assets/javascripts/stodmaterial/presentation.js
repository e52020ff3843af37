/* Stödmaterial: the presentation view of a facilitator's session (`/// session-questions`,
 * stodmaterial/markdown/session.py).
 *
 * The session plan lists its questions as text. Here a button opens them in a modal <dialog>: large
 * text, one slide at a time (the session's title, its introduction, then each question), with
 * buttons and keys: arrow keys, Page Up/Page Down (what presentation clickers send), Home and End;
 * Escape closes. Made for a projector: works offline and over file://, full screen if asked.
 *
 * Nothing is stored. Classic script (no ES modules over file://), uses smDom (dom.js).
 */
(function () {
  "use strict";

  var D = window.smDom;
  var T = D.texts();  /* from stodmaterial/strings.py, by the page's language */
  var TEXT = {
    open: T.presentOpen,
    previous: T.presentPrevious,
    next: T.presentNext,
    close: T.presentClose,
    slide: T.presentSlide,
    fullscreen: T.presentFullscreen,
    keys: T.presentKeys,
    position: function (n, total) { return D.format(T.presentPosition, { n: n, total: total }); },
  };

  var el = window.smDom.el;
  var counter = 0;

  function slidesOf(session) {
    var slides = [];
    var title = session.querySelector("[data-sm-session-title]");
    var heading = el("p", { "class": "sm-presenter__title" }, title ? title.textContent.trim() : "");
    slides.push([heading]);
    var intro = session.querySelector("[data-sm-session-intro]");
    if (intro && intro.textContent.trim()) {
      slides.push(Array.prototype.map.call(intro.children, function (child) {
        var copy = child.cloneNode(true);
        Array.prototype.forEach.call(copy.querySelectorAll("[id]"), function (node) { node.removeAttribute("id"); });
        copy.removeAttribute("id");
        return copy;
      }));
    }
    Array.prototype.forEach.call(session.querySelectorAll("[data-sm-slide] .sm-session__text"), function (text) {
      slides.push([el("p", { "class": "sm-presenter__question" }, text.textContent.trim())]);
    });
    return slides;
  }

  function presenter(session) {
    var holder = session.querySelector("[data-sm-present]");
    if (!holder || typeof HTMLDialogElement === "undefined") return;
    var slides = slidesOf(session);
    counter += 1;
    var titleId = "sm-presenter-title-" + counter;
    var title = session.querySelector("[data-sm-session-title]");

    var dialog = el("dialog", { "class": "sm-presenter", "aria-labelledby": titleId, "data-sm-presenter": "" });
    var top = el("div", { "class": "sm-presenter__top" });
    top.appendChild(el("p", { "class": "sm-presenter__name", id: titleId }, title ? title.textContent.trim() : ""));
    var position = el("p", { "class": "sm-presenter__position", "data-sm-position": "" });
    top.appendChild(position);
    dialog.appendChild(top);
    /* Focusable: a long slide on a small screen scrolls, and must scroll by keyboard too. */
    var stage = el("div", {
      "class": "sm-presenter__slide", role: "region", "aria-label": TEXT.slide, tabindex: "0",
      "aria-live": "polite", "aria-atomic": "true", "data-sm-stage": "",
    });
    dialog.appendChild(stage);
    var controls = el("div", { "class": "sm-presenter__controls" });
    var previous = el("button", { type: "button", "class": "md-button", "data-sm-previous": "" }, TEXT.previous);
    var next = el("button", { type: "button", "class": "md-button md-button--primary", "data-sm-next": "" }, TEXT.next);
    var close = el("button", { type: "button", "class": "md-button", "data-sm-close": "" }, TEXT.close);
    controls.appendChild(previous);
    controls.appendChild(next);
    /* The page, not the dialog, goes full screen (Chromium refuses a modal dialog); the dialog stays
       on top of it. */
    var page = document.documentElement;
    if (page.requestFullscreen && document.fullscreenEnabled) {
      var full = el("button", { type: "button", "class": "md-button", "data-sm-fullscreen": "" }, TEXT.fullscreen);
      full.addEventListener("click", function () {
        if (document.fullscreenElement) document.exitFullscreen().catch(function () {});
        else page.requestFullscreen().catch(function () {});
      });
      controls.appendChild(full);
    }
    controls.appendChild(close);
    dialog.appendChild(controls);
    dialog.appendChild(el("p", { "class": "sm-presenter__keys" }, TEXT.keys));
    document.body.appendChild(dialog);

    var current = 0;
    function show(index) {
      current = Math.max(0, Math.min(slides.length - 1, index));
      stage.textContent = "";
      slides[current].forEach(function (node) { stage.appendChild(node.cloneNode(true)); });
      position.textContent = TEXT.position(current + 1, slides.length);
      var focused = document.activeElement;
      previous.disabled = current === 0;
      next.disabled = current === slides.length - 1;
      if (focused && focused.disabled) (focused === next ? previous : next).focus();
    }

    previous.addEventListener("click", function () { show(current - 1); });
    next.addEventListener("click", function () { show(current + 1); });
    close.addEventListener("click", function () { dialog.close(); });
    dialog.addEventListener("keydown", function (event) {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      var key = event.key;
      if (key === "ArrowRight" || key === "ArrowDown" || key === "PageDown") show(current + 1);
      else if (key === "ArrowLeft" || key === "ArrowUp" || key === "PageUp") show(current - 1);
      else if (key === "Home") show(0);
      else if (key === "End") show(slides.length - 1);
      else return;
      event.preventDefault();
    });

    var open = el("button", { type: "button", "class": "md-button md-button--primary", "data-sm-open-presenter": "" }, TEXT.open);
    dialog.addEventListener("close", function () {
      if (document.fullscreenElement) document.exitFullscreen().catch(function () {});
      open.focus();
    });
    open.addEventListener("click", function () {
      show(0);
      dialog.showModal();
      next.focus();
    });
    holder.insertBefore(open, holder.firstChild);
    holder.hidden = false;
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-sm-session]"), presenter);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
