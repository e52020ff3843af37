// The risk guide's link (riskguide-codec.js): what "Spara länk" writes is read back exactly, and a
// broken or hostile link is read as far as it goes, with the reader told.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");
const { SCRIPTS, guideData, VECTORS, indexes } = require("./helpers.js");

const codec = require(path.join(SCRIPTS, "riskguide-codec.js"));
const data = guideData("sv");

function plain(label, quick = {}, deep = {}, checks = null) {
  return { label, quick: indexes(data.quick, quick), deep: indexes(data.deep, deep), checks };
}

function b64(text) {
  return Buffer.from(text, "utf8").toString("base64url");
}

test("a written link is read back exactly", () => {
  const full = VECTORS.full[VECTORS.full.length - 1];
  const matters = [
    plain("Ny väg norr", full.quick, full.deep, { level: "high", mask: 37 }),
    plain("Bärndel", VECTORS.quick[0].answers),
    plain("Skola", { kanslor: "ja" }),
    plain("Tom"),
  ];
  const link = codec.encodeState(data, matters);
  assert.match(link, /^#rg1\.1~/);
  const report = codec.decodeState(data, link);
  assert.deepEqual(report, { partly: false, version: false, matters });
});

test("the label is encoded, not readable in the link", () => {
  const link = codec.encodeState(data, [plain("Ny väg norr – ärende 7")]);
  assert.doesNotMatch(link, /väg|norr|ärende/);
  assert.equal(codec.decodeState(data, link).matters[0].label, "Ny väg norr – ärende 7");
});

test("the documented format, written by hand, is read", () => {
  // Step 1: the third option, the third, the second, the first; measures 0, 2 and 5 ("11" in base 36).
  const report = codec.decodeState(data, `#rg1.1~${b64("Väg")}.2210..h11`);
  assert.equal(report.partly, false);
  assert.deepEqual(report.matters[0].quick, [2, 2, 1, 0]);
  assert.deepEqual(report.matters[0].deep, data.deep.questions.map(() => -1));
  assert.deepEqual(report.matters[0].checks, { level: "high", mask: 37 });
});

test("a percent-encoded link (as some programs paste it) is read", () => {
  const link = codec.encodeState(data, [plain("Skola", { kanslor: "ja" })]);
  const pasted = "#" + encodeURIComponent(link.slice(1)).replace(/~/g, "%7E");
  assert.deepEqual(codec.decodeState(data, pasted), codec.decodeState(data, link));
});

test("no matters, no link; a fragment that is not the risk guide's is left alone", () => {
  assert.equal(codec.encodeState(data, []), "");
  for (const other of ["", "#", "#dina-uppgifter-stannar-hos-dig", "#" + "A".repeat(3000), "#r", "#rgx"]) {
    assert.equal(codec.decodeState(data, other), null, other);
  }
});

const BROKEN = {
  "not base64url": "#rg1.1~!!!~%%%",
  "another format": `#rg9.1~${b64("Väg")}`,
  "no version": "#rg1.x",
  "answers out of range": `#rg1.1~${b64("Väg")}.zz9-.99999999999999999999.q!`,
  "a label of control characters only": `#rg1.1~${b64("\u0000\u202e ")}~${b64("Skola")}.2`,
  "too many fields": `#rg1.1~${b64("Väg")}.0.0.l1.extra`,
  "too many answers": `#rg1.1~${b64("Väg")}.000000`,
  "a bad measure mask": `#rg1.1~${b64("Väg")}.0000..x1`,
};

for (const [name, link] of Object.entries(BROKEN)) {
  test(`a broken link is read as far as it goes: ${name}`, () => {
    const report = codec.decodeState(data, link);
    assert.equal(report.partly, true);
    for (const matter of report.matters) {
      assert.ok(matter.label.length > 0 && matter.label.length <= data.maxLabel);
      assert.equal(matter.quick.length, data.quick.questions.length);
      matter.quick.forEach((index, qi) => assert.ok(index >= -1 && index < data.quick.questions[qi].options.length));
    }
  });
}

test("what can be read of a damaged matter is kept", () => {
  const report = codec.decodeState(data, `#rg1.1~${b64("Väg")}.2z1`);
  assert.deepEqual(report.matters[0].quick, [2, -1, 1, -1]);
  const skipped = codec.decodeState(data, BROKEN["a label of control characters only"]);
  assert.deepEqual(skipped.matters.map((m) => m.label), ["Skola"]);
});

test("at most maxMatters are read, and the reader is told", () => {
  const report = codec.decodeState(data, "#rg1.1~" + Array(60).fill("QQ").join("~"));
  assert.equal(report.matters.length, data.maxMatters);
  assert.equal(report.partly, true);
});

test("a link from older questions is read and flagged", () => {
  const report = codec.decodeState(data, `#rg1.${data.version + 98}~${b64("Skola")}.2000`);
  assert.equal(report.version, true);
  assert.equal(report.partly, false);
  assert.deepEqual(report.matters.map((m) => m.label), ["Skola"]);
});

test("labels lose control, zero-width and direction characters, and are cut to the maximum", () => {
  assert.equal(codec.cleanLabel("  Ny\u0000väg\u202e\tnorr\u200b ", 60), "Ny väg norr");
  assert.equal(codec.cleanLabel("x".repeat(100), 60).length, 60);
  const long = codec.decodeState(data, `#rg1.1~${b64("å".repeat(80))}`);
  assert.equal(long.matters[0].label, "å".repeat(60));
});

test("base64url round-trips any text, and refuses what is not base64url", () => {
  for (const text of ["", "a", "åäö", "😀 emoji", "a/b+c=d"]) {
    if (text) assert.equal(codec.base64urlDecode(codec.base64urlEncode(text)), text);
  }
  assert.doesNotMatch(codec.base64urlEncode("??>>"), /[+/=]/);
  assert.throws(() => codec.base64urlDecode("a+b"));
});
