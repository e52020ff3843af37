/* Stödmaterial: the personal preparation plan ([data-sm-plan]), brought to life.
 *
 * Rendered as plain HTML by the build (stodmaterial/riskguide/plan_render.py), its data in the page as
 * <script type="application/json" class="sm-plan__data">. The answers choose which steps of the plan
 * show. Print and download (a text file made in the browser). The answers are stored only when the
 * reader has chosen to save on this device (window.smStore, see store.js); otherwise they live in this
 * page's memory only.
 *
 * Classic script: ES modules do not run over file://. No inline scripts, no eval.
 */
(function () {
  "use strict";

  var dom = window.smDom;
  var fmt = dom.format;

  function toArray(list) {
    return Array.prototype.slice.call(list);
  }

  function PreparationPlan(root, data) {
    var ui = data.ui;
    var form = root.querySelector(".sm-plan__form");
    var steps = toArray(root.querySelectorAll(".sm-plan__step"));
    var tools = root.querySelector(".sm-plan__tools");
    var storageNote = root.querySelector(".sm-plan__storage");
    var region = root.querySelector('[role="status"]');
    var say = function (message) { dom.announce(region, message); };
    var shown = -1;

    function storeOn() {
      var store = window.smStore;
      try {
        return !!(store && typeof store.enabled === "function" && store.enabled());
      } catch (err) {
        return false;
      }
    }

    function answers() {
      var out = {};
      data.questions.forEach(function (question) {
        var chosen = toArray(form.querySelectorAll('input[name="sm-plan-' + question.id + '"]:checked')).map(function (box) {
          return box.value;
        });
        if (chosen.length) out[question.id] = question.multiple ? chosen : chosen[0];
      });
      return out;
    }

    function setAnswers(saved) {
      data.questions.forEach(function (question) {
        var value = saved[question.id];
        var wanted = Array.isArray(value) ? value : [value];
        toArray(form.querySelectorAll('input[name="sm-plan-' + question.id + '"]')).forEach(function (box) {
          box.checked = wanted.indexOf(box.value) >= 0;
        });
      });
    }

    function wantedSteps(given) {
      var wanted = {};
      data.questions.forEach(function (question) {
        var value = given[question.id];
        var chosen = Array.isArray(value) ? value : value ? [value] : [];
        question.options.forEach(function (option) {
          if (chosen.indexOf(option.id) < 0) return;
          option.steps.forEach(function (id) {
            wanted[id] = true;
          });
        });
      });
      return wanted;
    }

    function save(given) {
      if (!storeOn()) return;
      try {
        if (Object.keys(given).length) window.smStore.set(data.storeKey, { v: data.format, answers: given });
        else window.smStore.remove(data.storeKey);
      } catch (err) {
        /* The answers stay on the page. */
      }
    }

    function restore() {
      if (!storeOn()) return;
      var saved = null;
      try {
        saved = window.smStore.get(data.storeKey);
        if (typeof saved === "string") saved = JSON.parse(saved);
      } catch (err) {
        saved = null;
      }
      if (saved && typeof saved === "object" && saved.answers && typeof saved.answers === "object") setAnswers(saved.answers);
    }

    function showStorage() {
      storageNote.textContent = storeOn() ? ui.stored_on : ui.stored_off;
      storageNote.hidden = false;
    }

    function update(announce) {
      var given = answers();
      var wanted = wantedSteps(given);
      var count = 0;
      steps.forEach(function (step) {
        var on = step.getAttribute("data-always") === "true" || !!wanted[step.getAttribute("data-step")];
        step.hidden = !on;
        if (on) count += 1;
      });
      toArray(root.querySelectorAll(".sm-plan__steps")).forEach(function (group) {
        var any = toArray(group.children).some(function (child) {
          return !child.hidden;
        });
        group.hidden = !any;
        if (group.previousElementSibling) group.previousElementSibling.hidden = !any;
      });
      if (announce && count !== shown) say(fmt(ui.updated, { n: count }));
      shown = count;
      save(given);
    }

    function squash(text) {
      return String(text).replace(/\s+/g, " ").trim();
    }

    function today() {
      var now = new Date();
      var pad = function (n) {
        return (n < 10 ? "0" : "") + n;
      };
      return now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
    }

    function planText() {
      var lines = [ui.file_title, ""];
      ["before", "during", "after"].forEach(function (phase) {
        var group = root.querySelector('.sm-plan__steps[data-phase="' + phase + '"]');
        if (!group || group.hidden) return;
        lines.push(ui[phase], "");
        toArray(group.children).forEach(function (step) {
          if (step.hidden) return;
          lines.push("[ ] " + squash(step.querySelector(".sm-plan__text").textContent));
          toArray(step.querySelectorAll(".sm-plan__contacts > li")).forEach(function (contact) {
            lines.push("    " + squash(contact.textContent));
          });
        });
        lines.push("");
      });
      lines.push(fmt(ui.file_footer, { date: today() }));
      return lines.join("\r\n") + "\r\n";
    }

    function download() {
      /* The byte order mark makes Windows' Notepad read the file as UTF-8. */
      dom.downloadText(ui.filename, "\ufeff" + planText(), "text/plain;charset=utf-8");
      say(ui.downloaded);
    }

    form.addEventListener("change", function () {
      update(true);
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
    });

    tools.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-action]");
      if (!button) return;
      var action = button.getAttribute("data-action");
      if (action === "download") {
        download();
      } else if (action === "print") {
        dom.printOnly("sm-plan-printing");
      } else if (action === "clear") {
        toArray(form.querySelectorAll("input")).forEach(function (box) {
          box.checked = false;
        });
        update(false);
        var first = form.querySelector("input");
        if (first) first.focus();
        say(ui.cleared);
      }
    });

    /* The same choice as on "Mina reflektioner" (store.js): one switch for everything the reader types. */
    var saveBox = root.querySelector(".sm-plan__save");
    var saveInput = root.querySelector("#sm-plan-save");
    var store = window.smStore;
    if (store && typeof store.setEnabled === "function" && typeof store.available === "function" && store.available()) {
      saveBox.hidden = false;
      saveInput.checked = storeOn();
      saveInput.addEventListener("change", function () {
        store.setEnabled(saveInput.checked);
        say(storeOn() ? ui.stored_on : ui.stored_off);
      });
    }

    window.addEventListener("sm-store-change", function (event) {
      showStorage();
      saveInput.checked = storeOn();
      var detail = event.detail || {};
      if (detail.key === null && storeOn()) save(answers());
    });

    root.querySelector(".sm-plan__nojs").hidden = true;
    root.querySelector(".sm-plan__intro").hidden = false;
    tools.hidden = false;
    restore();
    showStorage();
    update(false);
  }

  function start() {
    toArray(document.querySelectorAll("[data-sm-plan]")).forEach(function (root) {
      var data = dom.readJson(root, "sm-plan__data");
      if (data) PreparationPlan(root, data);
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
