"""The axe-core every browser test runs: axe-playwright-python's axe.min.js, with its colour parsing cached.

axe's color-contrast rule parses computed colours ("rgb(33, 33, 33)", "rgba(0, 0, 0, 0)") with colorjs
for every element under every text, the same few strings thousands of times per page: a CPU profile of
the rule on the theme page put 31 % of its time in that parse. The parse is a function of the string
alone, so each string is parsed once per document and its channels are copied afterwards. A colour that
fails to parse is not cached: axe's own parse runs again and records the failure as before.
tests/test_axe_source.py shows that axe's full results (violations, incomplete and passes, with each
check's data) are the same with and without the cache; scripts/bench-axe measures the difference.
"""

from __future__ import annotations

from pathlib import Path

import axe_playwright_python
from axe_playwright_python.sync_playwright import DEFAULT_OPTIONS, Axe

from conftest import SETTLED

# The WCAG 2.1 A and AA rules: what the tests hold every page to; WCAG_RULES runs them and reports only
# what breaks them.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
WCAG_RULES = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}

AXE_CORE = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")

COLOUR_CACHE = """
(() => {
  const Color = window.axe && axe.commons && axe.commons.color && axe.commons.color.Color;
  if (!Color || typeof Color.prototype.parseString !== "function") {
    throw new Error("tests/axe_source.py: axe.commons.color.Color.prototype.parseString is gone; update the colour cache");
  }
  if (Color.prototype.parseString.cached) return;
  const parse = Color.prototype.parseString;
  const parsed = new Map();
  const cached = function parseString(text) {
    const channels = parsed.get(text);
    if (channels === undefined) {
      parse.call(this, text);
      parsed.set(text, [this.r, this.g, this.b, this.alpha]);
      return this;
    }
    [this.r, this.g, this.b, this.alpha] = channels;
    return this;
  };
  cached.cached = true;
  Color.prototype.parseString = cached;
})();
"""

# For a page's init script (every document of the page gets it) or for axe-playwright-python's Axe,
# which evaluates it before each run.
AXE_SOURCE = AXE_CORE + ";\n" + COLOUR_CACHE


class SettledAxe(Axe):
    """axe-playwright-python's Axe that first waits until the page (or frame) has settled
    (conftest.SETTLED). A check made mid-transition measures a state no reader sees for long: Material's
    header title fades when the page scrolls, as when a checkbox is checked and scrolled into view, and
    halfway through its fade the title's contrast is 3.4:1 (test_riskguide_browser's dark plan page, 1
    sequential run in 1 on 2026-12-04). Every test's axe run goes through here, so none can forget it."""

    def run(self, page, context=None, options=DEFAULT_OPTIONS):
        page.wait_for_function(SETTLED)
        return super().run(page, context=context, options=options)


AXE = SettledAxe(axe_script=AXE_SOURCE)


def wcag_failures(page, label: str) -> list[str]:
    """Every WCAG rule on the page once it has settled (conftest.SETTLED: the state the reader sees),
    each violation as "label: rule [first three targets]"."""
    result = AXE.run(page, options=WCAG_RULES)
    return [f"{label}: {v['id']} {[n['target'] for n in v['nodes']][:3]}" for v in result.response["violations"]]
