/* Stödmaterial: the interactive layer of the learning site.
 *
 * - Reflection answers: the answer fields under each reflection question keep what is typed in
 *   smStore (store.js): page memory only, or this device if the reader chooses so.
 * - The choice "Spara mina svar på den här enheten", wherever it is needed.
 * - Progress: a theme page can be marked done; the start page shows each theme as not started,
 *   begun or done, in no imposed order.
 * - "Mina reflektioner": every answer grouped by theme and question, with download, print and
 *   "Radera allt".
 * - Quick exit (tenant option): the button, the skip link first in the tab order, Shift three times.
 * - External films load nothing until the reader presses play.
 * - Print: answers are copied into text that prints in full.
 *
 * Nothing typed leaves the page: no request, no cookie. Classic script (no ES modules over file://),
 * no inline handlers, no eval.
 */
(function () {
  "use strict";

  /* The texts for the page's language, from stodmaterial/strings.py (strings.js, see dom.js). */
  var TEXT = window.smDom.texts();
  var fmt = window.smDom.format;

  var store = window.smStore;
  var ANSWER = "answer:";
  var PROGRESS = "progress:";
  var counter = 0;
  /* Set by the quick exit: leaving then never stops to ask about unsaved answers. */
  var leaving = false;

  var el = window.smDom.el;

  function each(selector, callback, root) {
    Array.prototype.forEach.call((root || document).querySelectorAll(selector), callback);
  }

  var say = window.smDom.announce;

  function answerText(value) {
    return value && typeof value.text === "string" ? value.text : "";
  }

  /* -- Quick exit --------------------------------------------------------------------------- */

  function quickExit() {
    var box = document.querySelector("[data-sm-quick-exit-url]");
    if (!box) return;
    var url = box.getAttribute("data-sm-quick-exit-url");
    var status = box.querySelector("[data-sm-quick-exit-status]");
    var skip = document.querySelector(".sm-quick-exit-skip");
    if (skip) {
      /* First in the tab order, with Material's "skip to content" after it, both in one landmark
         (then no content is outside landmarks, and the skip link is still known as one). */
      var landmark = skip.closest("nav") || skip;
      var materialSkip = document.querySelector('[data-md-component="skip"]');
      if (materialSkip && landmark !== skip) landmark.appendChild(materialSkip);
      document.body.insertBefore(landmark, document.body.firstChild);
    }

    function leave(event) {
      if (event) event.preventDefault();
      leaving = true;
      document.documentElement.classList.add("sm-leaving");
      /* replace(): the page leaves no entry in the back button's history. Inside a frame (a learning
         platform) the whole window leaves, where the browser lets us; otherwise this frame does. */
      try {
        window.top.location.replace(url);
      } catch (error) {
        window.location.replace(url);
      }
    }

    each("[data-sm-quick-exit]", function (link) {
      link.addEventListener("click", leave);
    });

    /* Shift three times within five seconds; Shift held for a capital letter does not count. */
    var presses = 0;
    var timer = null;
    var lastWasModified = false;
    function reset() {
      presses = 0;
      window.clearTimeout(timer);
      timer = null;
      if (status) status.textContent = "";
    }
    document.addEventListener("keyup", function (event) {
      if (event.key === "Shift" && !lastWasModified) {
        presses += 1;
        if (presses >= 3) {
          reset();
          leave();
          return;
        }
        if (!timer) timer = window.setTimeout(reset, 5000);
        if (status) status.textContent = fmt(presses === 2 ? TEXT.exitPressesOne : TEXT.exitPresses, { n: 3 - presses });
      } else if (event.key !== "Shift" && presses) {
        reset();
      }
      lastWasModified = event.shiftKey;
    });

    window.addEventListener("pageshow", function () {
      document.documentElement.classList.remove("sm-leaving");
    });
  }

  /* -- The choice to save on this device ---------------------------------------------------- */

  function saveChoice(container) {
    var box = container.querySelector(".sm-save-choice");
    var input, note, status;
    if (box) {
      /* Written into the page by the generator (disabled until this script runs). */
      input = box.querySelector("input[type=checkbox]");
      note = box.querySelector(".sm-save-choice__note");
      status = box.querySelector(".sm-save-choice__status");
      input.disabled = false;
    } else {
      counter += 1;
      var id = "sm-save-" + counter;
      box = el("div", { "class": "sm-save-choice" });
      var row = el("div", { "class": "sm-save-choice__row" });
      input = el("input", { type: "checkbox", id: id, "class": "sm-save-choice__input", "aria-describedby": id + "-note" });
      row.appendChild(input);
      row.appendChild(el("label", { "for": id }, TEXT.save));
      box.appendChild(row);
      note = el("p", { "class": "sm-save-choice__note", id: id + "-note" }, TEXT.saveNote);
      box.appendChild(note);
      status = el("p", { "class": "sm-save-choice__status", role: "status" });
      box.appendChild(status);
      container.appendChild(box);
    }

    if (!store.available()) {
      input.disabled = true;
      note.textContent = TEXT.saveUnavailable;
      return box;
    }
    input.checked = store.enabled();
    input.addEventListener("change", function () {
      store.setEnabled(input.checked);
      say(status, input.checked ? TEXT.saveOn : TEXT.saveOff);
    });
    window.addEventListener("sm-store-change", function () {
      input.checked = store.enabled();
    });
    return box;
  }

  /* -- Reflection answers ------------------------------------------------------------------- */

  function currentTheme() {
    var meta = document.querySelector('meta[name="sm-theme"]');
    return meta ? meta.getAttribute("content") : "";
  }

  function reflections() {
    var fields = document.querySelectorAll("textarea[data-reflection-answer]");
    if (!fields.length) return null;
    var theme = currentTheme();

    function printed(id, text) {
      var box = document.querySelector('[data-reflection-printed="' + id + '"]');
      if (!box) return;
      box.querySelector(".sm-reflection__printed-text").textContent = text;
      box.hidden = !text.trim();
    }

    function fill(field) {
      var id = field.getAttribute("data-reflection-answer");
      var text = answerText(store.get(ANSWER + id));
      if (field.value !== text) field.value = text;
      printed(id, text);
    }

    Array.prototype.forEach.call(fields, function (field) {
      var id = field.getAttribute("data-reflection-answer");
      var question = document.getElementById("fraga-" + id);
      fill(field);
      field.addEventListener("input", function () {
        printed(id, field.value);
        if (!field.value.trim()) {
          store.remove(ANSWER + id);
          return;
        }
        store.set(ANSWER + id, {
          text: field.value,
          question: question ? question.textContent.trim() : "",
          theme: theme,
          lang: document.documentElement.lang,
        });
      });
    });

    window.addEventListener("sm-store-change", function (event) {
      if (event.detail && event.detail.key !== null) return;
      Array.prototype.forEach.call(fields, fill);
    });

    /* The choice goes right before the first question, where it matters. */
    var first = document.querySelector(".sm-reflection");
    var holder = el("div", { "class": "sm-save-choice-holder" });
    first.parentNode.insertBefore(holder, first);
    return saveChoice(holder);
  }

  /* -- Progress ------------------------------------------------------------------------------ */

  function homeHref() {
    var logo = document.querySelector("a.md-header__button.md-logo");
    return logo ? logo.getAttribute("href") : null;
  }

  function themePage(choice) {
    var theme = currentTheme();
    var article = document.querySelector("article.md-content__inner");
    if (!theme || !article) return;
    var key = PROGRESS + theme;
    if (store.get(key) !== "done") store.set(key, "begun");

    var section = el("section", { "class": "sm-theme-done", "aria-labelledby": "sm-theme-done-title" });
    section.appendChild(el("h2", { id: "sm-theme-done-title" }, TEXT.doneTitle));
    var row = el("div", { "class": "sm-save-choice__row" });
    var input = el("input", { type: "checkbox", id: "sm-theme-done", "aria-describedby": "sm-theme-done-note" });
    row.appendChild(input);
    row.appendChild(el("label", { "for": "sm-theme-done" }, TEXT.doneLabel));
    section.appendChild(row);
    var note = el("p", { id: "sm-theme-done-note", "class": "sm-save-choice__note" });
    section.appendChild(note);
    var status = el("p", { role: "status", "class": "sm-save-choice__status" });
    section.appendChild(status);
    var home = homeHref();
    if (home) {
      var back = el("p");
      back.appendChild(el("a", { href: home }, TEXT.toStart));
      section.appendChild(back);
    }
    article.appendChild(section);

    function update() {
      input.checked = store.get(key) === "done";
      note.textContent = "";
      if (store.enabled()) {
        note.textContent = TEXT.doneNoteSaved;
      } else {
        note.appendChild(document.createTextNode(TEXT.doneNoteMemory + " "));
        if (choice) {
          var link = el("a", { href: "#" + choice.querySelector("input").id }, TEXT.doneLink);
          note.appendChild(link);
        }
      }
    }
    if (!choice) {
      var holder = el("div");
      section.insertBefore(holder, status);
      saveChoice(holder);
    }
    input.addEventListener("change", function () {
      store.set(key, input.checked ? "done" : "begun");
      say(status, input.checked ? TEXT.doneOn : TEXT.doneOff);
    });
    window.addEventListener("sm-store-change", update);
    update();
  }

  function startPage() {
    var box = document.querySelector("[data-sm-progress]");
    if (!box) return;
    var total = parseInt(box.getAttribute("data-total"), 10) || 0;
    /* The page has the box's parts in place already (no layout shift); only the texts change. */
    var summary = box.querySelector(".sm-progress__summary");
    var fill = box.querySelector(".sm-progress__fill");
    if (!summary || !fill) {
      summary = el("p", { "class": "sm-progress__summary" });
      var bar = el("div", { "class": "sm-progress__bar", "aria-hidden": "true" });
      fill = el("div", { "class": "sm-progress__fill" });
      bar.appendChild(fill);
      box.appendChild(summary);
      box.appendChild(bar);
      box.appendChild(el("p", { "class": "sm-progress__hint" }, TEXT.progressHint));
    }
    saveChoice(box);
    box.hidden = false;

    function update() {
      var done = 0;
      var begun = 0;
      each("[data-theme-status]", function (line) {
        var state = store.get(PROGRESS + line.getAttribute("data-theme-status"));
        var label = state === "done" ? TEXT.done : state === "begun" ? TEXT.begun : TEXT.notStarted;
        if (state === "done") done += 1;
        else if (state === "begun") begun += 1;
        line.textContent = "";
        line.appendChild(document.createTextNode(TEXT.status + ": "));
        line.appendChild(el("span", { "class": "sm-badge sm-badge--" + (state || "new") }, label));
        line.hidden = false;
      });
      summary.textContent = fmt(begun ? TEXT.progressSummaryBegun : TEXT.progressSummary, { done: done, begun: begun, total: total });
      fill.style.width = (total ? Math.round((100 * done) / total) : 0) + "%";
    }
    window.addEventListener("sm-store-change", update);
    update();
  }

  /* -- Mina reflektioner ---------------------------------------------------------------------- */

  function myReflections() {
    var root = document.querySelector("[data-sm-my-reflections]");
    if (!root) return;
    var tools = root.querySelector("[data-sm-tools]");
    var status = root.querySelector("[data-sm-status]");
    var empty = root.querySelector("[data-sm-empty]");
    var other = root.querySelector("[data-sm-other]");
    var confirmBox = root.querySelector("[data-sm-confirm]");
    var deleteButton = root.querySelector('[data-sm-action="delete-all"]');
    saveChoice(root.querySelector("[data-sm-save-choice]"));
    tools.hidden = false;

    function render() {
      var known = {};
      var count = 0;
      each("[data-sm-answer-for]", function (item) {
        var id = item.getAttribute("data-sm-answer-for");
        known[id] = true;
        var text = answerText(store.get(ANSWER + id));
        item.querySelector("[data-sm-answer-text]").textContent = text;
        item.hidden = !text.trim();
        if (text.trim()) count += 1;
      }, root);
      each("[data-sm-extra]", function (item) { item.remove(); }, root);
      store.keys(ANSWER).forEach(function (key) {
        var id = key.slice(ANSWER.length);
        var value = store.get(key);
        if (known[id] || !answerText(value).trim()) return;
        var item = el("div", { "class": "sm-my-reflections__item", "data-sm-extra": "" });
        var question = el("p", { "class": "sm-my-reflections__question" });
        question.appendChild(el("strong", value.lang && value.lang !== document.documentElement.lang ? { lang: value.lang } : {}, value.question || id));
        item.appendChild(question);
        item.appendChild(el("p", { "class": "sm-my-reflections__answer" }, answerText(value)));
        other.appendChild(item);
        count += 1;
      });
      each("[data-sm-group]", function (group) {
        group.hidden = !group.querySelector(".sm-my-reflections__item:not([hidden])");
      }, root);
      empty.textContent = store.enabled() ? TEXT.emptySaved : TEXT.emptyMemory;
      empty.hidden = count > 0;
    }

    function markdown() {
      var lines = ["# " + TEXT.downloadTitle, "", TEXT.downloadIntro + new Date().toISOString().slice(0, 10) + ".", ""];
      var any = false;
      each("[data-sm-group]:not([hidden])", function (group) {
        var heading = group.querySelector("h2");
        lines.push("## " + heading.textContent.trim(), "");
        each(".sm-my-reflections__item:not([hidden])", function (item) {
          any = true;
          lines.push("### " + item.querySelector(".sm-my-reflections__question").textContent.trim(), "");
          lines.push(item.querySelector(".sm-my-reflections__answer").textContent.trim(), "");
        }, group);
      }, root);
      if (!any) lines.push(TEXT.downloadNone, "");
      return lines.join("\n");
    }

    function download() {
      window.smDom.downloadText(TEXT.downloadName, markdown(), "text/markdown;charset=utf-8");
      say(status, TEXT.downloadStarted);
    }

    function askDelete() {
      confirmBox.textContent = "";
      confirmBox.appendChild(el("p", { id: "sm-confirm-text" }, TEXT.confirmText));
      var yes = el("button", { type: "button", "class": "md-button md-button--primary", "aria-describedby": "sm-confirm-text" }, TEXT.confirmYes);
      var no = el("button", { type: "button", "class": "md-button" }, TEXT.confirmNo);
      confirmBox.appendChild(yes);
      confirmBox.appendChild(no);
      confirmBox.hidden = false;
      /* The safe choice has the focus: Enter right away deletes nothing. */
      no.focus();
      yes.addEventListener("click", function () {
        store.clearAll();
        confirmBox.hidden = true;
        confirmBox.textContent = "";
        deleteButton.focus();
        say(status, TEXT.deleted);
      });
      no.addEventListener("click", function () {
        confirmBox.hidden = true;
        confirmBox.textContent = "";
        deleteButton.focus();
        say(status, TEXT.cancelled);
      });
    }

    root.querySelector('[data-sm-action="download"]').addEventListener("click", download);
    deleteButton.addEventListener("click", askDelete);
    window.addEventListener("sm-store-change", render);
    render();
  }

  /* -- Unsaved answers -------------------------------------------------------------------------- */

  function typedAnswers() {
    return Array.prototype.filter.call(document.querySelectorAll("textarea[data-reflection-answer]"), function (field) {
      return field.value.trim();
    });
  }

  /* The browser asks before the page is left while answers are typed and not saved on the device;
     never on the quick exit. Listening only while it matters keeps the page in the back cache. */
  function unsavedWarning() {
    var on = false;
    function warn(event) {
      if (leaving) return;
      event.preventDefault();
      event.returnValue = "";
    }
    function update() {
      var needed = typedAnswers().length > 0 && !store.enabled();
      if (needed === on) return;
      on = needed;
      if (on) window.addEventListener("beforeunload", warn);
      else window.removeEventListener("beforeunload", warn);
    }
    document.addEventListener("input", update);
    window.addEventListener("sm-store-change", update);
    update();
  }

  /* Download and print of this page's answers, on the page itself (not only on Mina reflektioner). */
  function pageAnswers() {
    var article = document.querySelector("article.md-content__inner");
    if (!article || !document.querySelector("textarea[data-reflection-answer]")) return;
    var section = el("section", { "class": "sm-page-answers", "aria-labelledby": "sm-page-answers-title" });
    section.appendChild(el("h2", { id: "sm-page-answers-title" }, TEXT.pageAnswersTitle));
    var note = el("p", { "class": "sm-save-choice__note" });
    section.appendChild(note);
    var actions = el("div", { "class": "sm-page-answers__actions" });
    var download = el("button", { type: "button", "class": "md-button", "data-sm-page-download": "" }, TEXT.pageDownload);
    var print = el("button", { type: "button", "class": "md-button", "data-sm-page-print": "" }, TEXT.pagePrint);
    actions.appendChild(download);
    actions.appendChild(print);
    section.appendChild(actions);
    var status = el("p", { "class": "sm-status", role: "status" });
    section.appendChild(status);
    var done = article.querySelector(".sm-theme-done");
    if (done) article.insertBefore(section, done);
    else article.appendChild(section);

    function update() {
      note.textContent = store.enabled() ? TEXT.pageAnswersSaved : TEXT.pageAnswersMemory;
    }
    var heading = article.querySelector("h1");
    var page = currentTheme() || (location.pathname.split("/").pop() || "sida").replace(/\.html$/, "");
    download.addEventListener("click", function () {
      var lines = ["# " + (heading ? heading.textContent.trim() : document.title), ""];
      typedAnswers().forEach(function (field) {
        var question = document.getElementById("fraga-" + field.getAttribute("data-reflection-answer"));
        lines.push("## " + (question ? question.textContent.trim() : ""), "", field.value.trim(), "");
      });
      if (lines.length === 2) lines.push(TEXT.downloadNone, "");
      var name = fmt(TEXT.pageDownloadName, { page: page });
      window.smDom.downloadText(name, lines.join("\n"), "text/markdown;charset=utf-8");
      say(status, fmt(TEXT.pageDownloadStarted, { name: name }));
    });
    print.addEventListener("click", function () { window.print(); });
    window.addEventListener("sm-store-change", update);
    update();
  }

  /* -- Print, external films ------------------------------------------------------------------- */

  function printing() {
    each('[data-sm-action="print"]', function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
    /* Closed <details> (transcripts, learning goals) print open, and close again afterwards. */
    var opened = [];
    window.addEventListener("beforeprint", function () {
      each("details:not([open])", function (details) {
        details.open = true;
        opened.push(details);
      });
    });
    window.addEventListener("afterprint", function () {
      opened.forEach(function (details) { details.open = false; });
      opened = [];
    });
  }

  function externalFilms() {
    each("[data-sm-external-video]", function (figure) {
      var src = figure.getAttribute("data-sm-external-video");
      var button = figure.querySelector("[data-sm-play-external]");
      if (!button || !/^https:\/\//.test(src)) return;
      button.hidden = false;
      button.addEventListener("click", function () {
        var frame = el("iframe", {
          src: src,
          title: figure.getAttribute("data-sm-title") || "",
          allow: "fullscreen; picture-in-picture",
          allowfullscreen: "",
          referrerpolicy: "no-referrer",
          "class": "sm-video__frame",
        });
        var poster = figure.querySelector("[data-sm-poster]");
        if (poster) poster.parentNode.removeChild(poster);
        figure.insertBefore(frame, button.parentNode);
        button.parentNode.removeChild(button);
        frame.focus();
      });
    });
  }

  function start() {
    quickExit();
    printing();
    externalFilms();
    if (!store) return;
    var choice = reflections();
    themePage(choice);
    pageAnswers();
    unsavedWarning();
    startPage();
    myReflections();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
