// The risk guide's calculation in the browser (riskguide-scoring.js) against the vectors that also
// hold the Python model (stodmaterial/riskguide/scoring.py, tests/test_riskguide_model.py).
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");
const { SCRIPTS, guideData, VECTORS, indexes } = require("./helpers.js");

const scoring = require(path.join(SCRIPTS, "riskguide-scoring.js"));

for (const locale of ["sv", "en"]) {
  const data = guideData(locale);

  for (const vector of VECTORS.quick) {
    test(`step 1 (${locale}): ${vector.name}`, () => {
      const result = scoring.assess(data.quick, indexes(data.quick, vector.answers));
      assert.equal(result.complete, true);
      assert.equal(result.level, vector.level);
      const state = scoring.outcome(data, { quick: indexes(data.quick, vector.answers), deep: indexes(data.deep, {}) });
      // A low matter is decided by step 1; the others wait for step 2.
      assert.equal(state.needsDeep, vector.level !== "low");
      assert.equal(state.final ? state.final.level : null, vector.level === "low" ? "low" : null);
    });
  }

  for (const vector of VECTORS.full) {
    test(`steps 1 and 2 (${locale}): ${vector.name}`, () => {
      const matter = { quick: indexes(data.quick, vector.quick), deep: indexes(data.deep, vector.deep) };
      const state = scoring.outcome(data, matter);
      assert.equal(state.quick.level, vector.quick_level);
      assert.equal(state.final.level, vector.level);
    });
  }
}

test("the drivers name the answers that gave points, as the Python model does", () => {
  const data = guideData("sv");
  const vector = VECTORS.full[VECTORS.full.length - 4]; // a colleague already threatened
  const result = scoring.assess(data.deep, indexes(data.deep, vector.deep));
  assert.deepEqual(result.drivers.map((d) => [d.question.id, d.option.id]), [["signaler", "hot"]]);
});

test("drivers: a lowest level first, then the most points, then the question order", () => {
  const data = guideData("sv");
  const answers = indexes(data.quick, { kanslor: "kanske", tidigare: "ja", debatt: "mycket", hot: "ja" });
  const result = scoring.assess(data.quick, answers);
  const order = result.drivers.map((d) => d.question.id);
  assert.equal(order[0], "hot");
  const weights = result.drivers.slice(1).map((d) => d.option.weight);
  assert.deepEqual(weights, [...weights].sort((a, b) => b - a));
});

test("an unfinished step has no level and counts what is answered", () => {
  const data = guideData("sv");
  const answers = indexes(data.quick, { kanslor: "ja", hot: "nej" });
  const result = scoring.assess(data.quick, answers);
  assert.equal(result.level, null);
  assert.equal(result.done, 2);
  assert.equal(result.total, data.quick.questions.length);
  assert.equal(result.score, 2);
  assert.equal(scoring.outcome(data, { quick: answers, deep: indexes(data.deep, {}) }).final, null);
});

test("an answer out of range is no answer", () => {
  const data = guideData("sv");
  const answers = data.quick.questions.map(() => 99);
  const result = scoring.assess(data.quick, answers);
  assert.equal(result.done, 0);
  assert.equal(result.level, null);
});

test("the thresholds are met from both sides", () => {
  const data = guideData("sv");
  const { moderate, high } = data.quick.thresholds;
  const step = {
    thresholds: { moderate, high },
    questions: [{ id: "q", short: "q", options: [moderate - 1, moderate, high - 1, high].map((w, i) => ({ id: `o${i}`, weight: w })) }],
  };
  assert.deepEqual([0, 1, 2, 3].map((i) => scoring.assess(step, [i]).level), ["low", "moderate", "moderate", "high"]);
});
