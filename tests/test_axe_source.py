"""tests/axe_source.py: its colour cache changes how fast axe runs, not what it finds; its axe measures
the settled page."""

from __future__ import annotations

from axe_source import AXE, AXE_CORE, AXE_SOURCE, WCAG_RULES
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


def test_axe_measures_the_page_after_the_header_title_has_faded(open_page, http_base):
    """Checking a box scrolls it into view, and Material's header title fades to the page's name. axe
    measured halfway through the fade finds a contrast no reader sees for long (3.4:1 on the dark plan
    page; 1 sequential run of the suite in 1 on 2026-12-04). Animations run at a fifth of their speed here,
    so that the fade is surely still running when axe is called."""
    page = open_page("dark").page
    session = page.context.new_cdp_session(page)
    session.send("Animation.enable")
    session.send("Animation.setPlaybackRate", {"playbackRate": 0.2})
    page.goto(http_base + "forberedelseplan.html")
    page.check("#sm-plan-uppgifter-adress")
    fading = "() => document.getAnimations().some(a => a.playState === 'running' && a.effect.target.matches('.md-header__topic'))"
    assert page.evaluate(fading)
    assert AXE.run(page, options=WCAG_RULES).response["violations"] == []
