/* Stödmaterial: the risk guide's calculation, with no page in sight (window.smRiskScoring).
 *
 * Each step adds up the points of the answers and compares the sum with its thresholds; an answer
 * with `atLeast` lifts the level to at least that level. Step 1 decides a low matter; a moderate or
 * high one gets step 2's level once step 2 is complete, and an `atLeast` answer in step 1 still
 * holds. The same rules, in Python, are in stodmaterial/riskguide/scoring.py;
 * tests/riskguide_vectors.yml holds both to the same results (tests/js/riskguide-scoring.test.js
 * and tests/test_riskguide_model.py).
 *
 *   smRiskScoring.LEVELS               -> ["low", "moderate", "high"]
 *   smRiskScoring.assess(step, answers) -> {done, total, complete, score, level, drivers}
 *       answers: one option index per question, -1 for no answer; level is null until complete;
 *       drivers: the answers that gave points or a lowest level, most important first
 *   smRiskScoring.outcome(data, matter) -> {quick, deep, needsDeep, final}
 *       matter: {quick: answers, deep: answers}; final: {level, result, step, kept} or null
 *
 * Classic script (ES modules do not run over file://); exported with module.exports for node --test.
 */
(function () {
  "use strict";

  var LEVELS = ["low", "moderate", "high"];

  function rank(level) {
    return LEVELS.indexOf(level);
  }

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
      if (option.atLeast) floor = Math.max(floor, rank(option.atLeast));
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

  /* The result that counts: step 1 for a low matter, step 2 once it is complete. */
  function outcome(data, matter) {
    var quick = assess(data.quick, matter.quick);
    var deep = assess(data.deep, matter.deep);
    var needsDeep = quick.complete && quick.level !== "low";
    var final = null;
    if (quick.complete && !needsDeep) {
      final = { level: quick.level, result: quick, step: data.quick, kept: [] };
    } else if (needsDeep && deep.complete) {
      var kept = quick.drivers.filter(function (driver) {
        return driver.option.atLeast && rank(driver.option.atLeast) > rank(deep.level);
      });
      var level = deep.level;
      kept.forEach(function (driver) {
        if (rank(driver.option.atLeast) > rank(level)) level = driver.option.atLeast;
      });
      final = { level: level, result: deep, step: data.deep, kept: kept };
    }
    return { quick: quick, deep: deep, needsDeep: needsDeep, final: final };
  }

  var api = { LEVELS: LEVELS, rank: rank, assess: assess, outcome: outcome };
  if (typeof window !== "undefined") window.smRiskScoring = api;
  if (typeof module !== "undefined" && module.exports) module.exports = api;
})();
