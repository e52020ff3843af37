/* Stödmaterial: the practical templates (incident log, message to the security officer, rota).
 *
 * A template's fields are answer fields like the reflections': interactive.js keeps what is typed in
 * smStore (page memory only, or this device if the reader chooses), and "Mina reflektioner" lists and
 * erases it. This script adds the template's own tools:
 * - "Ladda ner som textfil": the template as plain text, with what the reader filled in, made in
 *   the browser (nothing is sent anywhere);
 * - "Töm fälten": after a confirmation, empties this template's fields (and so removes them from
 *   smStore through interactive.js).
 * "Skriv ut" is handled by interactive.js like every print button.
 *
 * Classic script, loaded after store.js, dom.js and interactive.js. No inline handlers, no eval.
 */
(function () {
  "use strict";

  var D = window.smDom;
  var T = D.texts();  /* from stodmaterial/strings.py, by the page's language */
  var TEXT = {
    empty: T.templateEmpty,
    confirmText: T.templateConfirmText,
    confirmYes: T.templateConfirmYes,
    confirmNo: T.templateConfirmNo,
    cleared: T.templateCleared,
    cancelled: T.templateCancelled,
    date: T.templateDate,
    downloaded: function (name) { return D.format(T.templateDownloaded, { name: name }); },
  };

  var dom = window.smDom;

  function words(node) {
    return node.textContent.replace(/\s+/g, " ").trim();
  }

  /* The template as lines of plain text: headings, paragraphs, list items, table rows, fields. */
  function collect(node, out) {
    Array.prototype.forEach.call(node.children, function (child) {
      if (child.matches("[data-sm-template-tools], script, style, [hidden]")) return;
      if (child.matches(".sm-field")) {
        var field = child.querySelector("textarea");
        var value = field ? field.value.trim() : "";
        out.push(words(child.querySelector(".sm-field__label")));
        out.push(value || TEXT.empty, "");
      } else if (/^H[1-6]$/.test(child.tagName)) {
        out.push(words(child), "");
      } else if (child.tagName === "P") {
        out.push(words(child), "");
      } else if (child.tagName === "LI") {
        out.push("- " + words(child));
      } else if (child.tagName === "TR") {
        out.push(Array.prototype.map.call(child.children, words).join(" | "));
      } else {
        collect(child, out);
        if (child.tagName === "UL" || child.tagName === "OL" || child.tagName === "TABLE") out.push("");
      }
    });
    return out;
  }

  function plainText(root) {
    var title = document.querySelector("article h1");
    var lines = [title ? words(title) : "", TEXT.date + new Date().toISOString().slice(0, 10) + ".", ""];
    return collect(root, lines).join("\n").replace(/\n{3,}/g, "\n\n").trim() + "\n";
  }

  function template(root) {
    var tools = root.querySelector("[data-sm-template-tools]");
    if (!tools) return;
    var status = tools.querySelector("[data-sm-template-status]");
    var confirmBox = tools.querySelector("[data-sm-template-confirm]");
    var clearButton = tools.querySelector('[data-sm-action="template-clear"]');
    var name = root.getAttribute("data-sm-template") + ".txt";
    tools.hidden = false;

    tools.querySelector('[data-sm-action="template-download"]').addEventListener("click", function () {
      dom.downloadText(name, plainText(root), "text/plain;charset=utf-8");
      dom.announce(status, TEXT.downloaded(name));
    });

    function closeConfirm(message) {
      confirmBox.hidden = true;
      confirmBox.textContent = "";
      clearButton.focus();
      dom.announce(status, message);
    }

    clearButton.addEventListener("click", function () {
      var textId = "sm-template-confirm-" + root.getAttribute("data-sm-template");
      confirmBox.textContent = "";
      confirmBox.appendChild(dom.el("p", { id: textId }, TEXT.confirmText));
      var yes = dom.el("button", { type: "button", "class": "md-button md-button--primary", "aria-describedby": textId }, TEXT.confirmYes);
      var no = dom.el("button", { type: "button", "class": "md-button" }, TEXT.confirmNo);
      confirmBox.appendChild(yes);
      confirmBox.appendChild(no);
      confirmBox.hidden = false;
      yes.focus();
      yes.addEventListener("click", function () {
        /* Through the fields' own input handler (interactive.js): an empty field is removed from smStore. */
        Array.prototype.forEach.call(root.querySelectorAll("textarea[data-reflection-answer]"), function (field) {
          field.value = "";
          field.dispatchEvent(new Event("input", { bubbles: true }));
        });
        closeConfirm(TEXT.cleared);
      });
      no.addEventListener("click", function () { closeConfirm(TEXT.cancelled); });
    });
  }

  function start() {
    if (!dom) return;
    Array.prototype.forEach.call(document.querySelectorAll("[data-sm-template]"), template);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
