/* Stödmaterial: the risk guide's view of one matter and of the summary (window.smRiskView).
 *
 * The questions come from the page's <template data-step>, rendered by the build
 * (stodmaterial/riskguide/render.py); the texts come from the page's data (data.ui, data.levels).
 *
 *   smRiskView.buildMatter(data, templates, matter, open) -> the matter's <li>; matter.view is set
 *   smRiskView.updateMatter(data, matter, announce)       -> after a change: status, step 2, result;
 *                                                            returns the message to announce or null
 *   smRiskView.setOpen(data, matter, open)                -> show or hide the matter's questions
 *   smRiskView.renderSummary(data, box, matters)          -> the table of every matter's level
 *
 * Classic script (ES modules do not run over file://); uses smDom (dom.js) and smRiskScoring.
 */
(function () {
  "use strict";

  var el = window.smDom.el;
  var fmt = window.smDom.format;
  var scoring = window.smRiskScoring;
  var LEVELS = scoring.LEVELS;

  function toArray(list) {
    return Array.prototype.slice.call(list);
  }

  function levelInfo(data, id) {
    return data.levels[scoring.rank(id)];
  }

  function points(ui, n) {
    return n === 1 ? ui.point : fmt(ui.points, { n: n });
  }

  function cloneQuestions(template, matter) {
    var copy = template.content.cloneNode(true);
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

  function setOpen(data, matter, open) {
    matter.view.body.hidden = !open;
    matter.view.toggle.setAttribute("aria-expanded", open ? "true" : "false");
    matter.view.toggle.textContent = open ? data.ui.hide : data.ui.show;
    matter.view.item.classList.toggle("sm-rg-matter--closed", !open);
  }

  function stepBox(data, templates, matter, name, extraClass) {
    var box = el("div", { class: "sm-rg-matter__step", "data-step": name, hidden: name === "deep" });
    box.appendChild(el("h4", { class: "sm-rg-matter__step-title" }, data[name].title));
    box.appendChild(cloneQuestions(templates[name], matter));
    var line = el("p", { class: extraClass });
    box.appendChild(line);
    return { box: box, line: line };
  }

  function buildMatter(data, templates, matter, open) {
    var ui = data.ui;
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

    var quick = stepBox(data, templates, matter, "quick", "sm-rg-matter__quick-result");
    var deep = stepBox(data, templates, matter, "deep", "sm-rg-matter__deep-progress");
    var result = el("div", { class: "sm-rg-result", hidden: true });

    body.appendChild(quick.box);
    body.appendChild(deep.box);
    body.appendChild(result);
    body.appendChild(el("div", { class: "sm-rg-matter__actions" })).appendChild(remove);

    var head = el("div", { class: "sm-rg-matter__head" });
    head.appendChild(title);
    head.appendChild(status);
    head.appendChild(toggle);
    item.appendChild(head);
    item.appendChild(body);

    setRadios(quick.box, data.quick, matter.quick);
    setRadios(deep.box, data.deep, matter.deep);
    matter.view = {
      item: item, title: title, status: status, toggle: toggle, body: body, deepBox: deep.box,
      quickResult: quick.line, deepProgress: deep.line, result: result, signature: null,
    };
    setOpen(data, matter, open);
    updateMatter(data, matter, false);
    return item;
  }

  function driverList(data, key, final) {
    var ui = data.ui;
    var drivers = el("ul", { class: "sm-rg-result__drivers", "aria-labelledby": "sm-rg-" + key + "-drivers" });
    final.kept.forEach(function (driver) {
      var floor = fmt(ui.floor, { level: levelInfo(data, driver.option.atLeast).name.toLowerCase() });
      drivers.appendChild(el("li", null, fmt(ui.driver_kept, { short: driver.question.short, answer: driver.option.text, floor: floor })));
    });
    final.result.drivers.forEach(function (driver) {
      var extra = points(ui, driver.option.weight);
      if (driver.option.atLeast) extra += ", " + fmt(ui.floor, { level: levelInfo(data, driver.option.atLeast).name.toLowerCase() });
      drivers.appendChild(el("li", null, fmt(ui.driver, { short: driver.question.short, answer: driver.option.text, points: extra })));
    });
    return drivers;
  }

  function measureList(data, matter, info) {
    var ui = data.ui;
    var key = matter.key;
    var fieldset = el("fieldset", { class: "sm-rg-measures", "aria-describedby": "sm-rg-" + key + "-measures-hint" });
    fieldset.appendChild(el("legend", null, ui.measures));
    fieldset.appendChild(el("p", { class: "sm-rg-q__help", id: "sm-rg-" + key + "-measures-hint" }, ui.measures_hint));
    info.measures.forEach(function (measure, index) {
      var row = el("div", { class: "sm-rg-q__option" });
      var id = "sm-rg-" + key + "-measure-" + measure.id;
      var box = el("input", { type: "checkbox", id: id, "data-measure": index });
      box.checked = (matter.checks.mask & (1 << index)) !== 0;
      row.appendChild(box);
      row.appendChild(el("label", { for: id }, measure.text));
      fieldset.appendChild(row);
    });
    return fieldset;
  }

  function renderResult(data, matter, final) {
    var ui = data.ui;
    var box = matter.view.result;
    box.textContent = "";
    box.hidden = !final;
    box.className = "sm-rg-result" + (final ? " sm-rg-result--" + final.level : "");
    if (!final) return;
    var key = matter.key;
    var info = levelInfo(data, final.level);
    box.appendChild(el("h4", { class: "sm-rg-result__title" }, ui.result));
    var level = el("p", { class: "sm-rg-result__level" });
    level.appendChild(el("strong", null, fmt(ui.level, { level: info.name })));
    box.appendChild(level);
    box.appendChild(el("p", null, info.summary));
    box.appendChild(el("p", { class: "sm-rg-result__score" }, fmt(ui.score, {
      score: final.result.score, moderate: final.step.thresholds.moderate, high: final.step.thresholds.high,
    })));
    box.appendChild(el("p", { class: "sm-rg-result__drivers-title", id: "sm-rg-" + key + "-drivers" }, ui.drivers));
    if (final.result.drivers.length || final.kept.length) box.appendChild(driverList(data, key, final));
    else box.appendChild(el("p", null, ui.no_drivers));
    if (!matter.checks || matter.checks.level !== final.level) matter.checks = { level: final.level, mask: 0 };
    box.appendChild(measureList(data, matter, info));
  }

  function announcement(data, matter, state) {
    var ui = data.ui;
    var name = function (level) { return levelInfo(data, level).name; };
    if (state.needsDeep && state.deep.complete) return fmt(ui.announce_deep, { label: matter.label, level: name(state.final.level) });
    if (state.needsDeep) return fmt(ui.announce_deep_needed, { label: matter.label, level: name(state.quick.level) });
    if (state.quick.complete) return fmt(ui.announce_quick, { label: matter.label, level: name(state.quick.level) });
    return null;
  }

  function updateMatter(data, matter, announce) {
    var ui = data.ui;
    var view = matter.view;
    var state = scoring.outcome(data, matter);
    var quick = state.quick;
    var deep = state.deep;
    var name = function (result) { return result.complete ? levelInfo(data, result.level).name : ui.not_done; };
    var parts = [fmt(ui.step1_level, { level: name(quick) })];
    if (state.needsDeep) parts.push(fmt(ui.step2_level, { level: name(deep) }));
    view.status.textContent = parts.join(" · ");

    if (quick.complete) {
      view.quickResult.textContent = fmt(ui.step1_level, { level: name(quick) }) + "." + (state.needsDeep ? " " + ui.go_deep : "");
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
      renderResult(data, matter, final);
      view.signature = signature;
    }

    var phase = quick.complete ? quick.level + (state.needsDeep ? "+" + (final ? final.level : "") : "") : "";
    var message = announce && phase !== view.phase ? announcement(data, matter, state) : null;
    view.phase = phase;
    return message;
  }

  function measuresDone(data, matter, final) {
    var total = levelInfo(data, final.level).measures.length;
    var mask = matter.checks && matter.checks.level === final.level ? matter.checks.mask : 0;
    var done = 0;
    for (var i = 0; i < total; i++) if (mask & (1 << i)) done += 1;
    return fmt(data.ui.count, { done: done, total: total });
  }

  function renderSummary(data, box, matters) {
    var ui = data.ui;
    box.textContent = "";
    if (!matters.length) return;
    var table = el("table", { class: "sm-rg-table" });
    table.appendChild(el("caption", null, ui.summary_caption));
    var head = table.appendChild(el("thead")).appendChild(el("tr"));
    [ui.col_matter, ui.col_quick, ui.col_deep, ui.col_measures].forEach(function (text) {
      head.appendChild(el("th", { scope: "col" }, text));
    });
    var body = table.appendChild(el("tbody"));
    matters.forEach(function (matter) {
      var state = scoring.outcome(data, matter);
      var row = body.appendChild(el("tr", { class: state.final ? "sm-rg-row--" + state.final.level : null }));
      row.appendChild(el("th", { scope: "row" }, matter.label));
      row.appendChild(el("td", null, state.quick.complete ? levelInfo(data, state.quick.level).name : ui.not_done));
      var deepText = !state.quick.complete ? "–" : !state.needsDeep ? ui.not_needed : state.deep.complete ? levelInfo(data, state.deep.level).name : ui.not_done;
      row.appendChild(el("td", null, deepText));
      row.appendChild(el("td", null, state.final ? measuresDone(data, matter, state.final) : "–"));
    });
    var wrap = el("div", { class: "sm-rg-table-wrap" });
    wrap.appendChild(table);
    box.appendChild(wrap);
  }

  window.smRiskView = { buildMatter: buildMatter, updateMatter: updateMatter, setOpen: setOpen, renderSummary: renderSummary };
})();
