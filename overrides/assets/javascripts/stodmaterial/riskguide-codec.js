/* Stödmaterial: the risk guide's link, written and read (window.smRiskCodec).
 *
 * The assessment lives in the page's memory. Only when the reader asks for a link ("Spara länk") is
 * it written, as an address fragment, which browsers never send to a server:
 *     #rg1.<data version>~<matter>~<matter>…
 *     <matter> = <label>.<step 1 answers>.<step 2 answers>.<ticked measures>
 *   label: UTF-8, base64url; answers: one character per question, the option's index in base 36,
 *   "_" for no answer; ticked measures: the level's letter (l, m, h) and a bit mask in base 36.
 * Every part is read defensively: what cannot be read is skipped and the report says so.
 *
 *   smRiskCodec.FORMAT                     -> 1, the "rg1" (stodmaterial/riskguide/render.py FORMAT)
 *   smRiskCodec.encodeState(data, matters) -> "#rg1.…", or "" for no matters
 *       matters: [{label, quick: answers, deep: answers, checks: {level, mask} or null}]
 *   smRiskCodec.decodeState(data, hash)    -> null when the fragment is not the risk guide's (a link
 *       to a heading, say); otherwise {partly, version, matters} (partly: something was skipped;
 *       version: the questions have changed since the link was written)
 *   smRiskCodec.cleanLabel(text, max)      -> one line without control or direction characters
 *   data: the page's sm-rg__data (version, maxMatters, maxLabel, quick, deep).
 *
 * Classic script (ES modules do not run over file://); exported with module.exports for node --test.
 */
(function () {
  "use strict";

  var FORMAT = 1;
  var LEVEL_CHAR = { low: "l", moderate: "m", high: "h" };
  var CHAR_LEVEL = { l: "low", m: "moderate", h: "high" };

  function base64urlEncode(text) {
    var bytes = new TextEncoder().encode(text);
    var binary = "";
    for (var i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]);
    return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function base64urlDecode(code) {
    if (!/^[A-Za-z0-9_-]+$/.test(code)) throw new Error("not base64url");
    var padded = code.replace(/-/g, "+").replace(/_/g, "/");
    while (padded.length % 4) padded += "=";
    var binary = atob(padded);
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return new TextDecoder("utf-8").decode(bytes);
  }

  function cleanLabel(text, max) {
    return String(text)
      // eslint-disable-next-line no-control-regex -- control characters are exactly what goes
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

  function encodeState(data, matters) {
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

  function decodeMatter(data, part, report) {
    var fields = part.split(".");
    var label = "";
    try {
      label = cleanLabel(base64urlDecode(fields[0] || ""), data.maxLabel);
    } catch (err) {
      label = "";
    }
    if (!label) {
      report.partly = true;
      return null;
    }
    var matter = {
      label: label,
      quick: decodeAnswers(fields[1] || "", data.quick, report),
      deep: decodeAnswers(fields[2] || "", data.deep, report),
      checks: null,
    };
    var checks = fields[3] || "";
    if (checks) {
      var level = CHAR_LEVEL[checks.charAt(0)];
      var mask = /^[0-9a-z]{1,4}$/.test(checks.slice(1)) ? parseInt(checks.slice(1), 36) : NaN;
      if (level && !isNaN(mask)) matter.checks = { level: level, mask: mask };
      else report.partly = true;
    }
    if (fields.length > 4) report.partly = true;
    return matter;
  }

  function decodeState(data, hash) {
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
      var matter = decodeMatter(data, part, report);
      if (matter) report.matters.push(matter);
    });
    return report;
  }

  var api = {
    FORMAT: FORMAT,
    encodeState: encodeState,
    decodeState: decodeState,
    cleanLabel: cleanLabel,
    base64urlEncode: base64urlEncode,
    base64urlDecode: base64urlDecode,
  };
  if (typeof window !== "undefined") window.smRiskCodec = api;
  if (typeof module !== "undefined" && module.exports) module.exports = api;
})();
