// Shared by the JS unit tests: the risk guide's data as the page carries it, and the test vectors.
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const yaml = require("js-yaml");

const ROOT = path.resolve(__dirname, "..", "..");
const SCRIPTS = path.join(ROOT, "overrides", "assets", "javascripts", "stodmaterial");

function readYaml(...parts) {
  return yaml.load(fs.readFileSync(path.join(ROOT, ...parts), "utf8"));
}

// The same shape as stodmaterial/riskguide/render.py's _data() writes into the page (sm-rg__data).
function guideData(locale = "sv") {
  const raw = readYaml("docs", "forebyggande", locale === "sv" ? "riskguide.yml" : `riskguide.${locale}.yml`);
  const step = (s) => ({
    title: s.title,
    thresholds: { moderate: s.thresholds.moderate, high: s.thresholds.high },
    questions: s.questions.map((q) => ({
      id: q.id,
      short: q.short,
      options: q.options.map((o) => ({ id: o.id, text: o.text, weight: o.weight, atLeast: o.at_least || null })),
    })),
  });
  return {
    format: 1,
    version: raw.version,
    maxMatters: 30,
    maxLabel: 60,
    levels: raw.levels.map((lv) => ({ id: lv.id, name: lv.name, summary: lv.summary, measures: lv.measures })),
    quick: step(raw.quick),
    deep: step(raw.deep),
  };
}

const VECTORS = readYaml("tests", "riskguide_vectors.yml");

// {question id: option id} -> one option index per question, as the page keeps answers.
function indexes(step, answers) {
  return step.questions.map((question) => {
    if (!(question.id in answers)) return -1;
    const index = question.options.findIndex((option) => option.id === answers[question.id]);
    if (index < 0) throw new Error(`unknown answer ${question.id}: ${answers[question.id]}`);
    return index;
  });
}

module.exports = { ROOT, SCRIPTS, guideData, VECTORS, indexes };
