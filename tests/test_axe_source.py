"""The colour cache in tests/axe_source.py changes how fast axe runs, not what it finds."""

from __future__ import annotations

from axe_source import AXE_CORE, AXE_SOURCE
from conftest import SETTLED
from test_site_browser import ALL_RULES, COLOUR_RULES

EVERY_RESULT = {"resultTypes": ["violations", "incomplete", "passes", "inapplicable"]}
WCAG_AND_REGION = {**ALL_RULES, **EVERY_RESULT}
COLOUR = {**COLOUR_RULES, **EVERY_RESULT}
# A page with every WCAG rule in light and a theme page (much text on many backgrounds) with the colour
# rules in dark, as in the sweep; every result type.
CASES = [
    ("en/fa-stod.html", "light", WCAG_AND_REGION),
    ("teman/forovarna/index.html", "dark", COLOUR),
]
# What differs between two runs of axe on the same page: when and where it ran.
RUN = """options => axe.run(document, options).then(result => {
  for (const key of ["timestamp", "url", "testEnvironment", "testRunner", "toolOptions"]) delete result[key];
  return result; })"""


def test_axe_finds_the_same_with_and_without_the_colour_cache(open_page, http_base):
    """The same violations, incomplete checks and passes, node for node, with every check's data (the
    colours and contrast ratios it measured), in both palettes."""
    plain = open_page().page
    plain.add_init_script(AXE_CORE)
    cached = open_page().page
    cached.add_init_script(AXE_SOURCE)
    for path, scheme, options in CASES:
        results = []
        for page in (plain, cached):
            page.emulate_media(color_scheme=scheme)
            page.goto(http_base + path)
            page.wait_for_function(SETTLED)
            results.append(page.evaluate(RUN, options))
        assert cached.evaluate("axe.commons.color.Color.prototype.parseString.cached") is True
        assert plain.evaluate("axe.commons.color.Color.prototype.parseString.cached") is None
        assert cached.get_attribute("body", "data-md-color-scheme") == {"light": "default", "dark": "slate"}[scheme]
        assert sum(len(rule["nodes"]) for rule in results[0]["passes"] if rule["id"] == "color-contrast") > 50, path
        assert results[1] == results[0], (path, scheme)
