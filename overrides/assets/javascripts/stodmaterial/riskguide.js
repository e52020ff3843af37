/* Stödmaterial: the risk guide for matters and the personal preparation plan.
 *
 * Both tools are rendered as plain HTML by the build (stodmaterial/riskguide/); this script brings
 * them to life. Their data sits in the page as <script type="application/json">.
 *
 * Risk guide ([data-sm-riskguide]):
 * - Step 1 sorts matters quickly; step 2 assesses the moderate and high ones in depth. Each step adds
 *   up the points of the answers and compares the sum with its thresholds; an answer with `atLeast`
 *   lifts the level to at least that level. The same rules, in Python, are in
 *   stodmaterial/riskguide/scoring.py; tests/riskguide_vectors.yml holds both to the same results.
 * - State lives only in the address's fragment, which browsers never send to a server:
 *     #rg1.<data version>~<matter>~<matter>…
 *     <matter> = <label>.<step 1 answers>.<step 2 answers>.<ticked measures>
 *   label: UTF-8, base64url; answers: one character per question, the option's index in base 36,
 *   "_" for no answer; ticked measures: the level's letter (l, m, h) and a bit mask in base 36.
 *   Every part is read defensively: what cannot be read is skipped and the reader is told.
 *
 * Preparation plan ([data-sm-plan]):
 * - The answers choose which steps of the plan show. Print and download (a text file made in the
 *   browser). The answers are stored only when the reader has chosen to save on this device
 *   (window.smStore, see store.js); otherwise they live in this page's memory only.
 *
 * Classic script: ES modules do not run over file://. No inline scripts, no eval.
 */
(function () {
  "use strict";

  /* ---------------------------------------------------------------- shared helpers */

  function readData(root, cls) {
    var node = root.querySelector("script." + cls);
    if (!node) return null;
    try {
      return JSON.parse(node.textContent);
    } catch (error) {
      return null;
    }
  }

  function fmt(template, values) {
    return String(template).replace(/\{(\w+)\}/g, function (whole, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : whole;
    });
  }

  var el = window.smDom.el;

  function toArray(list) {
    return Array.prototype.slice.call(list);
  }

  /* A polite live region: the same message twice is announced twice. */
  function announcer(region) {
    return function (message) {
      window.smDom.announce(region, message);
    };
  }

  /* Print only this tool: the class hides the rest of the page in the print stylesheet. */
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

  /* ---------------------------------------------------------------- risk guide: the model */

  var LEVELS = ["low", "moderate", "high"];
  var LEVEL_CHAR = { low: "l", moderate: "m", high: "h" };
  var CHAR_LEVEL = { l: "low", m: "moderate", h: "high" };
  var FORMAT = 1;

  /* answers: one option index per question, -1 for no answer. */
  function assess(step, answers) {
    var done = 0;
    var score = 0;
    var floor = 0;
    var drivers = [];
    step.questions.forEach(function (question, qi) {
      var oi = answers[qi];
      if (typeof oi !== "number" || oi < 0 || oi >= question.options.length) return;
      var option = question.options[oi];
      done += 1;
      score += option.weight;
      if (option.atLeast) floor = Math.max(floor, LEVELS.indexOf(option.atLeast));
      if (option.weight > 0 || option.atLeast) drivers.push({ question: question, option: option, qi: qi });
    });
    drivers.sort(function (a, b) {
      return (a.option.atLeast ? 0 : 1) - (b.option.atLeast ? 0 : 1) || b.option.weight - a.option.weight || a.qi - b.qi;
    });
    var byScore = score >= step.thresholds.high ? 2 : score >= step.thresholds.moderate ? 1 : 0;
    var complete = done === step.questions.length;
    return {
      done: done,
      total: step.questions.length,
      complete: complete,
      score: score,
      level: complete ? LEVELS[Math.max(floor, byScore)] : null,
      drivers: drivers,
    };
  }

  /* ---------------------------------------------------------------- risk guide: the address */

  function base64urlEncode(text) {
    var bytes = new TextEncoder().encode(text);
    var binary = "";
    for (var i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]);
    return window.btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function base64urlDecode(code) {
    if (!/^[A-Za-z0-9_-]+$/.test(code)) throw new Error("not base64url");
    var padded = code.replace(/-/g, "+").replace(/_/g, "/");
    while (padded.length % 4) padded += "=";
    var binary = window.atob(padded);
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return new TextDecoder("utf-8").decode(bytes);
  }

  function cleanLabel(text, max) {
    return String(text)
      .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g, " ")
      .replace(/\s+/g, " ")
      .trim()
      .slice(0, max)
      .trim();
  }

  function encodeAnswers(answers) {
    return answers
      .map(function (index) {
        return index >= 0 ? index.toString(36) : "_";
      })
      .join("")
      .replace(/_+$/, "");
  }

  function decodeAnswers(text, step, report) {
    var answers = [];
    step.questions.forEach(function (question, qi) {
      var ch = text.charAt(qi);
      var index = -1;
      if (ch && ch !== "_") {
        index = parseInt(ch, 36);
        if (isNaN(index) || index >= question.options.length) {
          report.partly = true;
          index = -1;
        }
      }
      answers.push(index);
    });
    if (text.length > step.questions.length) report.partly = true;
    return answers;
  }

  /* ---------------------------------------------------------------- risk guide: the tool */

  function RiskGuide(root, data) {
    var ui = data.ui;
    var app = root.querySelector(".sm-rg__app");
    var form = root.querySelector(".sm-rg__add");
    var input = root.querySelector("#sm-rg-label");
    var error = root.querySelector("#sm-rg-label-error");
    var list = root.querySelector(".sm-rg__matters");
    var empty = root.querySelector(".sm-rg__empty");
    var notice = root.querySelector(".sm-rg__notice");
    var summary = root.querySelector(".sm-rg__summary-body");
    var linkField = root.querySelector("#sm-rg-link");
    var templates = {
      quick: root.querySelector('template[data-step="quick"]'),
      deep: root.querySelector('template[data-step="deep"]'),
    };
    var say = announcer(root.querySelector('[role="status"]'));
    var matters = [];
    var counter = 0;

    function levelInfo(id) {
      return data.levels[LEVELS.indexOf(id)];
    }

    function points(n) {
      return n === 1 ? ui.point : fmt(ui.points, { n: n });
    }

    function newMatter(label) {
      counter += 1;
      return {
        key: "k" + counter,
        label: label,
        quick: data.quick.questions.map(function () { return -1; }),
        deep: data.deep.questions.map(function () { return -1; }),
        checks: null,
        view: null,
      };
    }

    /* The result that counts: step 1 for a low matter, step 2 once it is complete. An answer in
       step 1 that alone gives a level (atLeast) still holds after step 2. */
    function outcome(matter) {
      var quick = assess(data.quick, matter.quick);
      var deep = assess(data.deep, matter.deep);
      var needsDeep = quick.complete && quick.level !== "low";
      var final = null;
      if (quick.complete && !needsDeep) {
        final = { level: quick.level, result: quick, step: data.quick, kept: [] };
      } else if (needsDeep && deep.complete) {
        var kept = quick.drivers.filter(function (driver) {
          return driver.option.atLeast && LEVELS.indexOf(driver.option.atLeast) > LEVELS.indexOf(deep.level);
        });
        var level = deep.level;
        kept.forEach(function (driver) {
          if (LEVELS.indexOf(driver.option.atLeast) > LEVELS.indexOf(level)) level = driver.option.atLeast;
        });
        final = { level: level, result: deep, step: data.deep, kept: kept };
      }
      return { quick: quick, deep: deep, needsDeep: needsDeep, final: final };
    }

    /* -- the address -- */

    function encodeState() {
      if (!matters.length) return "";
      var parts = matters.map(function (matter) {
        var checks = "";
        if (matter.checks && matter.checks.mask > 0) checks = LEVEL_CHAR[matter.checks.level] + matter.checks.mask.toString(36);
        return [base64urlEncode(matter.label), encodeAnswers(matter.quick), encodeAnswers(matter.deep), checks]
          .join(".")
          .replace(/\.+$/, "");
      });
      return "#rg" + FORMAT + "." + data.version + "~" + parts.join("~");
    }

    /* null when the fragment is not the risk guide's (for example a link to a heading). */
    function decodeState(hash) {
      var text = String(hash || "").replace(/^#/, "");
      try {
        text = decodeURIComponent(text);
      } catch (err) {
        /* Keep the text as it is. */
      }
      if (!/^rg\d/.test(text)) return null;
      var report = { partly: false, version: false, matters: [] };
      var match = /^rg(\d+)\.(\d+)((?:~[^~]*)*)$/.exec(text);
      if (!match || Number(match[1]) !== FORMAT) {
        report.partly = true;
        return report;
      }
      if (Number(match[2]) !== data.version) report.version = true;
      var parts = match[3] ? match[3].split("~").slice(1) : [];
      if (parts.length > data.maxMatters) report.partly = true;
      parts.slice(0, data.maxMatters).forEach(function (part) {
        var fields = part.split(".");
        var label = "";
        try {
          label = cleanLabel(base64urlDecode(fields[0] || ""), data.maxLabel);
        } catch (err) {
          label = "";
        }
        if (!label) {
          report.partly = true;
          return;
        }
        var matter = newMatter(label);
        matter.quick = decodeAnswers(fields[1] || "", data.quick, report);
        matter.deep = decodeAnswers(fields[2] || "", data.deep, report);
        var checks = fields[3] || "";
        if (checks) {
          var level = CHAR_LEVEL[checks.charAt(0)];
          var mask = /^[0-9a-z]{1,4}$/.test(checks.slice(1)) ? parseInt(checks.slice(1), 36) : NaN;
          if (level && !isNaN(mask)) matter.checks = { level: level, mask: mask };
          else report.partly = true;
        }
        if (fields.length > 4) report.partly = true;
        report.matters.push(matter);
      });
      return report;
    }

    /* replaceState: no history entry per answer. A fragment that is not ours (a link to a heading)
       is left alone while there is nothing to keep. */
    function writeAddress() {
      var hash = encodeState();
      var target = null;
      if (hash && location.hash !== hash) target = hash;
      else if (!hash && decodeState(location.hash)) target = location.href.replace(/#.*$/, "");
      if (target !== null) {
        try {
          history.replaceState(history.state, "", target);
        } catch (err) {
          location.replace(hash || "#");
        }
      }
      linkField.value = location.href;
      /* The language switch leads to this tool in the other language: the assessment goes along. */
      toArray(document.querySelectorAll("a.md-select__link[hreflang]")).forEach(function (other) {
        var href = other.getAttribute("href").replace(/#.*$/, "");
        if (/riskguide\.html$/.test(href)) other.setAttribute("href", href + hash);
      });
    }

    /* -- one matter on the page -- */

    function cloneQuestions(stepName, matter) {
      var copy = templates[stepName].content.cloneNode(true);
      toArray(copy.querySelectorAll("[id], [for], [name], [aria-describedby]")).forEach(function (node) {
        ["id", "for", "name", "aria-describedby"].forEach(function (attr) {
          var value = node.getAttribute(attr);
          if (value) node.setAttribute(attr, value.split("__M__").join(matter.key));
        });
      });
      return copy;
    }

    function setRadios(box, step, answers) {
      step.questions.forEach(function (question, qi) {
        var fieldset = box.querySelector('fieldset[data-question="' + question.id + '"]');
        if (!fieldset) return;
        toArray(fieldset.querySelectorAll('input[type="radio"]')).forEach(function (radio) {
          radio.checked = answers[qi] >= 0 && question.options[answers[qi]].id === radio.value;
        });
      });
    }

    function buildMatter(matter, open) {
      var key = matter.key;
      var item = el("li", { class: "sm-rg-matter", "data-key": key });
      var title = el("h3", { class: "sm-rg-matter__title", id: "sm-rg-" + key + "-title", tabindex: "-1" }, matter.label);
      var status = el("p", { class: "sm-rg-matter__status", id: "sm-rg-" + key + "-status" });
      var body = el("div", { class: "sm-rg-matter__body", id: "sm-rg-" + key + "-body" });
      var toggle = el("button", {
        type: "button",
        class: "sm-btn sm-btn--small sm-rg-matter__toggle",
        "aria-expanded": "true",
        "aria-controls": body.id,
        "aria-describedby": title.id,
        "data-action": "toggle",
      });
      var remove = el("button", {
        type: "button",
        class: "sm-btn sm-btn--small sm-rg-matter__remove",
        "aria-describedby": title.id,
        "data-action": "remove",
      }, ui.remove);

      var quickBox = el("div", { class: "sm-rg-matter__step", "data-step": "quick" });
      quickBox.appendChild(el("h4", { class: "sm-rg-matter__step-title" }, data.quick.title));
      quickBox.appendChild(cloneQuestions("quick", matter));
      var quickResult = el("p", { class: "sm-rg-matter__quick-result" });
      quickBox.appendChild(quickResult);

      var deepBox = el("div", { class: "sm-rg-matter__step", "data-step": "deep", hidden: true });
      deepBox.appendChild(el("h4", { class: "sm-rg-matter__step-title" }, data.deep.title));
      deepBox.appendChild(cloneQuestions("deep", matter));
      var deepProgress = el("p", { class: "sm-rg-matter__deep-progress" });
      deepBox.appendChild(deepProgress);

      var result = el("div", { class: "sm-rg-result", hidden: true });

      body.appendChild(quickBox);
      body.appendChild(deepBox);
      body.appendChild(result);
      body.appendChild(el("div", { class: "sm-rg-matter__actions" })).appendChild(remove);

      var head = el("div", { class: "sm-rg-matter__head" });
      head.appendChild(title);
      head.appendChild(status);
      head.appendChild(toggle);
      item.appendChild(head);
      item.appendChild(body);

      setRadios(quickBox, data.quick, matter.quick);
      setRadios(deepBox, data.deep, matter.deep);
      matter.view = {
        item: item, title: title, status: status, toggle: toggle, body: body, deepBox: deepBox,
        quickResult: quickResult, deepProgress: deepProgress, result: result, signature: null,
      };
      setOpen(matter, open);
      list.appendChild(item);
      updateMatter(matter, false);
    }

    function setOpen(matter, open) {
      matter.view.body.hidden = !open;
      matter.view.toggle.setAttribute("aria-expanded", open ? "true" : "false");
      matter.view.toggle.textContent = open ? ui.hide : ui.show;
      matter.view.item.classList.toggle("sm-rg-matter--closed", !open);
    }

    function renderResult(matter, final) {
      var box = matter.view.result;
      box.textContent = "";
      box.hidden = !final;
      box.className = "sm-rg-result" + (final ? " sm-rg-result--" + final.level : "");
      if (!final) return;
      var key = matter.key;
      var info = levelInfo(final.level);
      box.appendChild(el("h4", { class: "sm-rg-result__title" }, ui.result));
      var level = el("p", { class: "sm-rg-result__level" });
      level.appendChild(el("strong", null, fmt(ui.level, { level: info.name })));
      box.appendChild(level);
      box.appendChild(el("p", null, info.summary));
      box.appendChild(el("p", { class: "sm-rg-result__score" }, fmt(ui.score, {
        score: final.result.score, moderate: final.step.thresholds.moderate, high: final.step.thresholds.high,
      })));
      box.appendChild(el("p", { class: "sm-rg-result__drivers-title", id: "sm-rg-" + key + "-drivers" }, ui.drivers));
      if (final.result.drivers.length || final.kept.length) {
        var drivers = el("ul", { class: "sm-rg-result__drivers", "aria-labelledby": "sm-rg-" + key + "-drivers" });
        final.kept.forEach(function (driver) {
          var floor = fmt(ui.floor, { level: levelInfo(driver.option.atLeast).name.toLowerCase() });
          drivers.appendChild(el("li", null, fmt(ui.driver_kept, { short: driver.question.short, answer: driver.option.text, floor: floor })));
        });
        final.result.drivers.forEach(function (driver) {
          var extra = points(driver.option.weight);
          if (driver.option.atLeast) extra += ", " + fmt(ui.floor, { level: levelInfo(driver.option.atLeast).name.toLowerCase() });
          drivers.appendChild(el("li", null, fmt(ui.driver, { short: driver.question.short, answer: driver.option.text, points: extra })));
        });
        box.appendChild(drivers);
      } else {
        box.appendChild(el("p", null, ui.no_drivers));
      }
      if (!matter.checks || matter.checks.level !== final.level) matter.checks = { level: final.level, mask: 0 };
      var fieldset = el("fieldset", { class: "sm-rg-measures", "aria-describedby": "sm-rg-" + key + "-measures-hint" });
      fieldset.appendChild(el("legend", null, ui.measures));
      fieldset.appendChild(el("p", { class: "sm-rg-q__help", id: "sm-rg-" + key + "-measures-hint" }, ui.measures_hint));
      info.measures.forEach(function (measure, index) {
        var row = el("div", { class: "sm-rg-q__option" });
        var id = "sm-rg-" + key + "-measure-" + measure.id;
        var box2 = el("input", { type: "checkbox", id: id, "data-measure": index });
        box2.checked = (matter.checks.mask & (1 << index)) !== 0;
        row.appendChild(box2);
        row.appendChild(el("label", { for: id }, measure.text));
        fieldset.appendChild(row);
      });
      box.appendChild(fieldset);
    }

    /* Update one matter after a change; returns the message to announce, if any. */
    function updateMatter(matter, announce) {
      var view = matter.view;
      var state = outcome(matter);
      var quick = state.quick;
      var deep = state.deep;
      var parts = [];
      parts.push(fmt(ui.step1_level, { level: quick.complete ? levelInfo(quick.level).name : ui.not_done }));
      if (state.needsDeep) parts.push(fmt(ui.step2_level, { level: deep.complete ? levelInfo(deep.level).name : ui.not_done }));
      view.status.textContent = parts.join(" · ");

      if (quick.complete) {
        view.quickResult.textContent = fmt(ui.step1_level, { level: levelInfo(quick.level).name }) + "." + (state.needsDeep ? " " + ui.go_deep : "");
      } else {
        view.quickResult.textContent = fmt(ui.progress, { done: quick.done, total: quick.total });
      }
      view.deepBox.hidden = !state.needsDeep;
      view.deepProgress.textContent = deep.complete ? "" : fmt(ui.progress, { done: deep.done, total: deep.total });
      view.deepProgress.hidden = deep.complete;

      var final = state.final;
      LEVELS.forEach(function (level) {
        view.item.classList.toggle("sm-rg-matter--" + level, !!final && final.level === level);
      });
      var signature = final
        ? final.level + "|" + final.result.score + "|" + final.kept.concat(final.result.drivers).map(function (d) { return d.question.id + ":" + d.option.id; }).join(",")
        : "";
      if (signature !== view.signature) {
        renderResult(matter, final);
        view.signature = signature;
      }

      var phase = quick.complete ? quick.level + (state.needsDeep ? "+" + (final ? final.level : "") : "") : "";
      var message = null;
      if (announce && phase !== view.phase) {
        if (state.needsDeep && deep.complete) message = fmt(ui.announce_deep, { label: matter.label, level: levelInfo(final.level).name });
        else if (state.needsDeep) message = fmt(ui.announce_deep_needed, { label: matter.label, level: levelInfo(quick.level).name });
        else if (quick.complete) message = fmt(ui.announce_quick, { label: matter.label, level: levelInfo(quick.level).name });
      }
      view.phase = phase;
      return message;
    }

    /* -- the summary -- */

    function renderSummary() {
      summary.textContent = "";
      empty.hidden = matters.length > 0;
      if (!matters.length) return;
      var table = el("table", { class: "sm-rg-table" });
      table.appendChild(el("caption", null, ui.summary_caption));
      var head = table.appendChild(el("thead")).appendChild(el("tr"));
      [ui.col_matter, ui.col_quick, ui.col_deep, ui.col_measures].forEach(function (text) {
        head.appendChild(el("th", { scope: "col" }, text));
      });
      var body = table.appendChild(el("tbody"));
      matters.forEach(function (matter) {
        var state = outcome(matter);
        var row = body.appendChild(el("tr", { class: state.final ? "sm-rg-row--" + state.final.level : null }));
        row.appendChild(el("th", { scope: "row" }, matter.label));
        row.appendChild(el("td", null, state.quick.complete ? levelInfo(state.quick.level).name : ui.not_done));
        var deepText = !state.quick.complete ? "–" : !state.needsDeep ? ui.not_needed : state.deep.complete ? levelInfo(state.deep.level).name : ui.not_done;
        row.appendChild(el("td", null, deepText));
        var measuresText = "–";
        if (state.final) {
          var total = levelInfo(state.final.level).measures.length;
          var mask = matter.checks && matter.checks.level === state.final.level ? matter.checks.mask : 0;
          var done = 0;
          for (var i = 0; i < total; i++) if (mask & (1 << i)) done += 1;
          measuresText = fmt(ui.count, { done: done, total: total });
        }
        row.appendChild(el("td", null, measuresText));
      });
      var wrap = el("div", { class: "sm-rg-table-wrap" });
      wrap.appendChild(table);
      summary.appendChild(wrap);
    }

    /* The address and the summary follow the answers a moment later, once per burst of changes:
       fewer rewrites of the address (browsers throttle many in a row) and no work per arrow key.
       data-pending is set on the tool meanwhile. */
    var pending = null;

    function flush() {
      window.clearTimeout(pending);
      pending = null;
      root.removeAttribute("data-pending");
      writeAddress();
      renderSummary();
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
      matters = report.matters;
      matters.forEach(function (matter) {
        buildMatter(matter, matters.length === 1);
      });
      var messages = [];
      if (report.version) messages.push(ui.link_version);
      if (report.partly) messages.push(ui.link_partly);
      showNotice(messages);
      flush();
      if (matters.length || messages.length) {
        say((matters.length ? fmt(ui.restored, { n: matters.length }) + " " : "") + messages.join(" "));
      }
    }

    /* -- events -- */

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var label = cleanLabel(input.value, data.maxLabel);
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
      var matter = newMatter(label);
      matters.push(matter);
      buildMatter(matter, true);
      showNotice([]);
      flush();
      matter.view.title.focus();
      say(fmt(ui.added, { label: label }));
    });

    list.addEventListener("change", function (event) {
      var target = event.target;
      var item = target.closest(".sm-rg-matter");
      var matter = item && matters.filter(function (m) { return m.key === item.getAttribute("data-key"); })[0];
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
      var message = updateMatter(matter, true);
      changed();
      if (message) say(message);
    });

    list.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-action]");
      if (!button) return;
      var item = button.closest(".sm-rg-matter");
      var index = -1;
      matters.forEach(function (m, i) {
        if (m.key === item.getAttribute("data-key")) index = i;
      });
      if (index < 0) return;
      var matter = matters[index];
      if (button.getAttribute("data-action") === "toggle") {
        setOpen(matter, matter.view.body.hidden);
        return;
      }
      matters.splice(index, 1);
      item.parentNode.removeChild(item);
      flush();
      var next = matters[index] || matters[index - 1];
      if (next) next.view.title.focus();
      else input.focus();
      say(fmt(ui.removed, { label: matter.label }));
    });

    root.querySelector(".sm-rg__tools").addEventListener("click", function (event) {
      var button = event.target.closest("button[data-action]");
      if (!button) return;
      var action = button.getAttribute("data-action");
      flush();
      if (action === "print") {
        printOnly("sm-rg-printing");
      } else if (action === "copy") {
        var fallback = function () {
          linkField.focus();
          linkField.select();
          say(ui.copy_failed);
        };
        if (navigator.clipboard && navigator.clipboard.writeText) {
          navigator.clipboard.writeText(location.href).then(function () {
            say(ui.copied);
          }, fallback);
        } else {
          fallback();
        }
      } else if (action === "clear") {
        if (!matters.length || !window.confirm(ui.clear_confirm)) return;
        matters = [];
        list.textContent = "";
        showNotice([]);
        flush();
        input.focus();
        say(ui.cleared);
      }
    });

    linkField.addEventListener("focus", function () {
      linkField.select();
    });

    /* A link pasted into this tab, or a click on a link to a heading on this page. */
    window.addEventListener("hashchange", function () {
      var report = decodeState(location.hash);
      if (report) {
        if (location.hash !== encodeState()) load(report);
      } else if (matters.length) {
        window.setTimeout(writeAddress, 0);
      }
    });

    window.addEventListener("pagehide", function () {
      if (pending !== null) flush();
    });

    root.querySelector(".sm-rg__nojs").hidden = true;
    app.hidden = false;
    var initial = decodeState(location.hash);
    if (initial) load(initial);
    else flush();
  }

  /* ---------------------------------------------------------------- preparation plan */

  function PreparationPlan(root, data) {
    var ui = data.ui;
    var form = root.querySelector(".sm-plan__form");
    var steps = toArray(root.querySelectorAll(".sm-plan__step"));
    var tools = root.querySelector(".sm-plan__tools");
    var storageNote = root.querySelector(".sm-plan__storage");
    var say = announcer(root.querySelector('[role="status"]'));
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
      window.smDom.downloadText(ui.filename, "\ufeff" + planText(), "text/plain;charset=utf-8");
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
        printOnly("sm-plan-printing");
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

  /* ---------------------------------------------------------------- start */

  function start() {
    var guide = document.querySelector("[data-sm-riskguide]");
    var guideData = guide && readData(guide, "sm-rg__data");
    if (guideData && guideData.format === FORMAT) RiskGuide(guide, guideData);
    toArray(document.querySelectorAll("[data-sm-plan]")).forEach(function (root) {
      var planData = readData(root, "sm-plan__data");
      if (planData) PreparationPlan(root, planData);
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
