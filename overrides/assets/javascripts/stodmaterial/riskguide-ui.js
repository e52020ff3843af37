/* Stödmaterial: the risk guide for matters ([data-sm-riskguide]), brought to life.
 *
 * The tool is rendered as plain HTML by the build (stodmaterial/riskguide/render.py); its data sits
 * in the page as <script type="application/json" class="sm-rg__data">. The parts, loaded in order:
 *   riskguide-scoring.js  the calculation (smRiskScoring), the same rules as scoring.py
 *   riskguide-codec.js    the link's format, written and read (smRiskCodec)
 *   riskguide-view.js     one matter and the summary on the page (smRiskView)
 *   riskguide-ui.js       this file: the matters in memory, the events, the link on request
 *
 * Privacy: the assessment lives in this page's memory only. The address is never written while the
 * reader answers, so neither the history nor the address bar holds a matter's name. A link is made
 * only when the reader chooses "Spara länk", and the page says what it contains. Opening such a
 * link (or pasting one into this tab) restores the assessment; the fragment is then taken out of
 * the address again. The language switch takes the assessment along: its link gets the state at
 * the moment it is clicked, and only then.
 *
 * Classic script: ES modules do not run over file://. No inline scripts, no eval.
 */
(function () {
  "use strict";

  var dom = window.smDom;
  var fmt = dom.format;
  var codec = window.smRiskCodec;
  var view = window.smRiskView;

  function RiskGuide(root, data) {
    var ui = data.ui;
    var form = root.querySelector(".sm-rg__add");
    var input = root.querySelector("#sm-rg-label");
    var error = root.querySelector("#sm-rg-label-error");
    var list = root.querySelector(".sm-rg__matters");
    var empty = root.querySelector(".sm-rg__empty");
    var notice = root.querySelector(".sm-rg__notice");
    var summary = root.querySelector(".sm-rg__summary-body");
    var linkBox = root.querySelector(".sm-rg__link");
    var linkField = root.querySelector("#sm-rg-link");
    var linkStale = root.querySelector(".sm-rg__link-stale");
    var templates = {
      quick: root.querySelector('template[data-step="quick"]'),
      deep: root.querySelector('template[data-step="deep"]'),
    };
    var region = root.querySelector('[role="status"]');
    var say = function (message) { dom.announce(region, message); };
    var matters = [];
    var counter = 0;
    var linkState = null; /* the state the shown link holds, once the reader asked for one */

    function newMatter(plain) {
      counter += 1;
      return {
        key: "k" + counter,
        label: plain.label,
        quick: plain.quick || data.quick.questions.map(function () { return -1; }),
        deep: plain.deep || data.deep.questions.map(function () { return -1; }),
        checks: plain.checks || null,
        view: null,
      };
    }

    function state() {
      return codec.encodeState(data, matters);
    }

    function findMatter(item) {
      var key = item && item.getAttribute("data-key");
      for (var i = 0; i < matters.length; i++) if (matters[i].key === key) return i;
      return -1;
    }

    function addToPage(matter, open) {
      list.appendChild(view.buildMatter(data, templates, matter, open));
    }

    /* -- the link, only on request -- */

    function pageAddress() {
      return location.href.replace(/#.*$/, "");
    }

    function hideLink() {
      linkState = null;
      linkField.value = "";
      linkBox.hidden = true;
    }

    function makeLink() {
      var current = state();
      if (!current) {
        hideLink();
        say(ui.link_nothing);
        return;
      }
      linkState = current;
      linkField.value = pageAddress() + current;
      linkStale.hidden = true;
      linkBox.hidden = false;
      linkField.focus();
      say(ui.link_made);
    }

    /* A link already shown no longer holds what the page shows: say so, keep it as it was. */
    function followLink() {
      if (linkState !== null) linkStale.hidden = state() === linkState;
    }

    function copyLink() {
      var fallback = function () {
        linkField.focus();
        linkField.select();
        say(ui.copy_failed);
      };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(linkField.value).then(function () { say(ui.copied); }, fallback);
      } else {
        fallback();
      }
    }

    /* Opened from a link: the state is in the page now, so it leaves the address (no new entry). */
    function forgetAddress() {
      try {
        history.replaceState(history.state, "", pageAddress());
      } catch (err) {
        /* A browser that refuses keeps the fragment; the page still works. */
      }
    }

    /* The summary follows the answers a moment later, once per burst of changes: no work per arrow
       key. data-pending is set on the tool meanwhile. */
    var pending = null;

    function flush() {
      window.clearTimeout(pending);
      pending = null;
      root.removeAttribute("data-pending");
      empty.hidden = matters.length > 0;
      view.renderSummary(data, summary, matters);
      followLink();
    }

    function changed() {
      root.setAttribute("data-pending", "");
      window.clearTimeout(pending);
      pending = window.setTimeout(flush, 150);
    }

    function showNotice(messages) {
      notice.textContent = messages.join(" ");
      notice.hidden = messages.length === 0;
    }

    /* -- reading a link -- */

    function load(report) {
      list.textContent = "";
      matters = report.matters.map(newMatter);
      matters.forEach(function (matter) {
        addToPage(matter, matters.length === 1);
      });
      var messages = [];
      if (report.version) messages.push(ui.link_version);
      if (report.partly) messages.push(ui.link_partly);
      showNotice(messages);
      hideLink();
      forgetAddress();
      flush();
      if (matters.length || messages.length) {
        say((matters.length ? fmt(ui.restored, { n: matters.length }) + " " : "") + messages.join(" "));
      }
    }

    /* -- events -- */

    function addMatter(event) {
      event.preventDefault();
      var label = codec.cleanLabel(input.value, data.maxLabel);
      var problem = !label ? ui.label_missing : matters.length >= data.maxMatters ? fmt(ui.too_many, { max: data.maxMatters }) : null;
      if (problem) {
        error.textContent = problem;
        error.hidden = false;
        input.setAttribute("aria-invalid", "true");
        input.setAttribute("aria-describedby", "sm-rg-label-hint sm-rg-label-error");
        input.focus();
        say(problem);
        return;
      }
      error.hidden = true;
      input.removeAttribute("aria-invalid");
      input.setAttribute("aria-describedby", "sm-rg-label-hint");
      input.value = "";
      var matter = newMatter({ label: label });
      matters.push(matter);
      addToPage(matter, true);
      showNotice([]);
      flush();
      matter.view.title.focus();
      say(fmt(ui.added, { label: label }));
    }

    function answered(event) {
      var target = event.target;
      var matter = matters[findMatter(target.closest(".sm-rg-matter"))];
      if (!matter) return;
      if (target.hasAttribute("data-measure")) {
        var bit = 1 << Number(target.getAttribute("data-measure"));
        matter.checks.mask = target.checked ? matter.checks.mask | bit : matter.checks.mask & ~bit;
        changed();
        return;
      }
      var stepBox = target.closest("[data-step]");
      var fieldset = target.closest("fieldset[data-question]");
      if (!stepBox || !fieldset || target.type !== "radio") return;
      var stepName = stepBox.getAttribute("data-step");
      var step = data[stepName];
      var qi = -1;
      step.questions.forEach(function (question, index) {
        if (question.id === fieldset.getAttribute("data-question")) qi = index;
      });
      if (qi < 0) return;
      var oi = -1;
      step.questions[qi].options.forEach(function (option, index) {
        if (option.id === target.value) oi = index;
      });
      matter[stepName][qi] = oi;
      var message = view.updateMatter(data, matter, true);
      changed();
      if (message) say(message);
    }

    function matterAction(event) {
      var button = event.target.closest("button[data-action]");
      if (!button) return;
      var item = button.closest(".sm-rg-matter");
      var index = findMatter(item);
      if (index < 0) return;
      var matter = matters[index];
      if (button.getAttribute("data-action") === "toggle") {
        view.setOpen(data, matter, matter.view.body.hidden);
        return;
      }
      matters.splice(index, 1);
      item.parentNode.removeChild(item);
      flush();
      var next = matters[index] || matters[index - 1];
      if (next) next.view.title.focus();
      else input.focus();
      say(fmt(ui.removed, { label: matter.label }));
    }

    function toolAction(event) {
      var button = event.target.closest("button[data-action]");
      if (!button) return;
      var action = button.getAttribute("data-action");
      flush();
      if (action === "link") {
        makeLink();
      } else if (action === "copy") {
        copyLink();
      } else if (action === "print") {
        dom.printOnly("sm-rg-printing");
      } else if (action === "clear") {
        if (!matters.length || !window.confirm(ui.clear_confirm)) return;
        matters = [];
        list.textContent = "";
        showNotice([]);
        hideLink();
        flush();
        input.focus();
        say(ui.cleared);
      }
    }

    /* The language switch leads to this page in the other language: at the moment of the click, and
       only then, its link carries the assessment. */
    function languageSwitch(event) {
      var link = event.target.closest && event.target.closest("a.md-select__link[hreflang]");
      if (!link || !matters.length) return;
      var href = link.getAttribute("href").replace(/#.*$/, "");
      var page = location.pathname.split("/").pop();
      if (!page || href.split("/").pop() !== page) return;
      flush();
      link.setAttribute("href", href + state());
      window.setTimeout(function () { link.setAttribute("href", href); }, 0);
    }

    form.addEventListener("submit", addMatter);
    list.addEventListener("change", answered);
    list.addEventListener("click", matterAction);
    root.querySelector(".sm-rg__summary").addEventListener("click", toolAction);
    document.addEventListener("click", languageSwitch, true);
    linkField.addEventListener("focus", function () {
      linkField.select();
    });

    /* A link pasted into this tab. A link to a heading on this page changes nothing. */
    window.addEventListener("hashchange", function () {
      var report = codec.decodeState(data, location.hash);
      if (report) load(report);
    });

    root.querySelector(".sm-rg__nojs").hidden = true;
    root.querySelector(".sm-rg__app").hidden = false;
    var initial = codec.decodeState(data, location.hash);
    if (initial) load(initial);
    else flush();
  }

  function start() {
    var guide = document.querySelector("[data-sm-riskguide]");
    var data = guide && dom.readJson(guide, "sm-rg__data");
    if (data && data.format === codec.FORMAT) RiskGuide(guide, data);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
