/* Stödmaterial: scenario exercises (`/// scenario`, stodmaterial/markdown/scenario.py).
 *
 * The page holds the whole exercise as text: the situation, every choice and its feedback. That is
 * what readers get without scripts and on paper. Here it becomes a fieldset of native radio buttons
 * with a button; the feedback on the chosen answer is written into a live region, so a screen reader
 * says it. The printed page still shows every choice with its feedback (CSS).
 *
 * Nothing is stored: no localStorage, no sessionStorage, no cookie; the choice lives in the page.
 * Classic script (no ES modules over file://), uses smDom (dom.js).
 */
(function () {
  "use strict";

  var D = window.smDom;
  var T = D.texts();  /* from stodmaterial/strings.py, by the page's language */
  var TEXT = {
    show: T.scenarioShow,
    chooseFirst: T.scenarioChooseFirst,
    youChose: T.scenarioYouChose,
    comment: T.scenarioComment,
  };

  var el = window.smDom.el;
  var say = window.smDom.announce;

  function textOf(node) {
    return node ? node.textContent.trim() : "";
  }

  function enhance(root) {
    var id = root.getAttribute("data-sm-scenario");
    var holder = root.querySelector("[data-sm-scenario-form]");
    var question = root.querySelector("[data-sm-scenario-question]");
    if (!holder || !question) return;
    var choices = Array.prototype.map.call(root.querySelectorAll("[data-sm-choice]"), function (item) {
      var feedback = item.querySelector("[data-sm-feedback] span");
      return { text: textOf(item.querySelector("[data-sm-choice-text]")), feedback: textOf(feedback) };
    });
    if (!choices.length) return;

    var fieldset = el("fieldset", { "class": "sm-scenario__fieldset" });
    fieldset.appendChild(el("legend", { "class": "sm-scenario__legend" }, textOf(question)));
    var inputs = choices.map(function (choice, index) {
      var inputId = "sm-scenario-" + id + "-" + (index + 1);
      var row = el("div", { "class": "sm-scenario__option" });
      var input = el("input", { type: "radio", name: "sm-scenario-" + id, id: inputId, value: String(index), "class": "sm-scenario__input" });
      row.appendChild(input);
      row.appendChild(el("label", { "for": inputId, "class": "sm-scenario__option-label" }, choice.text));
      fieldset.appendChild(row);
      return input;
    });
    var button = el("button", { type: "button", "class": "md-button sm-scenario__show" }, TEXT.show);
    var response = el("div", { "class": "sm-scenario__response", role: "status", "aria-live": "polite", "data-sm-scenario-response": "" });

    holder.appendChild(fieldset);
    holder.appendChild(button);
    holder.appendChild(response);

    inputs.forEach(function (input) {
      input.addEventListener("change", function () {
        response.textContent = "";
        response.removeAttribute("data-choice");
      });
    });
    button.addEventListener("click", function () {
      var chosen = inputs.filter(function (input) { return input.checked; })[0];
      if (!chosen) {
        response.removeAttribute("data-choice");
        say(response, TEXT.chooseFirst);
        return;
      }
      var choice = choices[Number(chosen.value)];
      response.setAttribute("data-choice", String(Number(chosen.value) + 1));
      say(response, TEXT.youChose + choice.text + "\n" + TEXT.comment + choice.feedback);
    });

    holder.hidden = false;
    root.classList.add("sm-scenario--enhanced");
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-sm-scenario]"), enhance);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
