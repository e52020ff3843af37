"""The facilitator's kit: session plans, the presentation view, "Du behöver inte svara", axe on the new pages."""

from __future__ import annotations

import re

import pytest

from axe_source import wcag_failures

THEMES = ["vad-ar-sexistiskt-hot-och-hat", "uttryck-och-konsekvenser", "forovarna", "forbered-dig"]
KIT = ["samtalsledare/index.html", "samtalsledare/tryggt-samtal.html", *(f"samtalsledare/{t}.html" for t in THEMES)]
PLAN = "samtalsledare/forovarna.html"
POSITION = "[data-sm-presenter][open] [data-sm-position]"


@pytest.fixture(params=["http_base", "file_base"])
def base(request):
    return request.getfixturevalue(request.param)


def test_every_theme_has_two_plans_with_the_themes_own_group_questions(demo_site):
    for theme in THEMES:
        for prefix in ("", "en/"):
            html = (demo_site / prefix / "samtalsledare" / f"{theme}.html").read_text(encoding="utf-8")
            assert html.count("data-sm-session=") == 2
            # Each question links to where it stands in the theme, and that page has it.
            target = (demo_site / prefix / "teman" / theme / "index.html").read_text(encoding="utf-8")
            for rid in re.findall(r'index\.html#fraga-([a-z0-9-]+)"', html):
                assert f'id="fraga-{rid}"' in target and f'data-reflection-id="{rid}"' in target
                assert f'data-audience="group" data-reflection-id="{rid}"' in target


def test_the_safety_page_has_national_lines_and_the_tenants_contacts(demo_site):
    html = (demo_site / "samtalsledare" / "tryggt-samtal.html").read_text(encoding="utf-8")
    for line in ("116 006", "020-50 50 50", "114 14", "tystnainte.se", "Ingen behöver berätta om sig själv"):
        assert line in html
    assert 'class="sm-contacts"' in html


def test_personal_questions_say_you_do_not_have_to_answer(open_page, http_base):
    page = open_page().page
    for prefix, words in (("", "Du behöver inte svara."), ("en/", "You don't have to answer.")):
        page.goto(http_base + prefix + "teman/forovarna/index.html")
        personal = page.locator('[data-audience="self"]')
        assert personal.count() == 2
        for i in range(personal.count()):
            assert personal.nth(i).locator(".sm-reflection__optional").inner_text() == words
        assert page.locator('[data-audience="group"] .sm-reflection__optional').count() == 0
        # A screen reader hears it with the answer field.
        field = page.locator('[data-audience="self"] textarea').first
        described = field.get_attribute("aria-describedby").split()
        assert any(page.locator(f"#{d}").inner_text() == words for d in described)


def test_presentation_view_by_keyboard(open_page, base):
    recorded = open_page()
    page = recorded.page
    page.goto(base + PLAN)
    opener = page.get_by_role("button", name="Visa i presentationsläge").first
    opener.focus()
    page.keyboard.press("Enter")
    dialog = page.get_by_role("dialog", name="Tema 3 på 60 minuter")
    dialog.wait_for()
    # Title, the ground rules, then the two questions of the 60-minute plan.
    assert page.inner_text(POSITION) == "Bild 1 av 4"
    assert page.evaluate("() => document.activeElement.textContent") == "Nästa"
    page.keyboard.press("ArrowRight")
    assert "Ingen behöver berätta om egna erfarenheter." in dialog.inner_text()
    page.keyboard.press("PageDown")
    assert page.inner_text(POSITION) == "Bild 3 av 4"
    assert "Var drar ni gränsen mellan en arg medborgare" in page.inner_text("[data-sm-presenter][open] [data-sm-stage]")
    page.keyboard.press("End")
    assert page.inner_text(POSITION) == "Bild 4 av 4"
    # At the end "Nästa" is off and the focus is on "Föregående", never lost.
    assert page.evaluate("() => document.activeElement.textContent") == "Föregående"
    page.keyboard.press("ArrowLeft")
    assert page.inner_text(POSITION) == "Bild 3 av 4"
    page.keyboard.press("Enter")  # "Föregående" has the focus
    assert page.inner_text(POSITION) == "Bild 2 av 4"
    page.keyboard.press("Escape")
    dialog.wait_for(state="hidden")
    assert page.evaluate("() => document.activeElement.dataset.smOpenPresenter") == ""
    assert page.evaluate("() => Object.keys(localStorage).filter(k => !k.endsWith('__palette')).length + sessionStorage.length") == 0
    assert recorded.errors == []


def test_presentation_buttons_and_english(open_page, file_base):
    page = open_page().page
    page.goto(file_base + "en/" + PLAN)
    page.get_by_role("button", name="Show in presentation view").nth(1).click()
    dialog = page.get_by_role("dialog", name="Theme 3, 90 minutes")
    page.get_by_role("button", name="Next").click()
    page.get_by_role("button", name="Next").click()
    assert page.inner_text(POSITION) == "Slide 3 of 6"
    page.get_by_role("button", name="Previous").click()
    assert page.inner_text(POSITION) == "Slide 2 of 6"
    # For a projector: the page goes full screen with the slide still on top; closing leaves it.
    page.get_by_role("button", name="Full screen").click()
    page.wait_for_function("() => document.fullscreenElement === document.documentElement")
    assert page.evaluate("() => !!document.elementFromPoint(innerWidth / 2, innerHeight / 2).closest('dialog[open]')")
    page.get_by_role("button", name="Close").click()
    dialog.wait_for(state="hidden")
    page.wait_for_function("() => document.fullscreenElement === null")


def test_without_javascript_the_plan_lists_its_questions(open_page, file_base):
    page = open_page(java_script_enabled=False).page
    page.goto(file_base + PLAN)
    assert page.locator(".sm-session__question").count() == 6
    assert page.get_by_role("button", name="Visa i presentationsläge").count() == 0


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_on_the_new_pages(open_page, http_base, scheme):
    page = open_page(color_scheme=scheme).page
    failures = []
    for prefix in ("", "en/"):
        # The kit's pages as they load are checked by test_site_browser.py, on every page the site has
        # (every rule in light, the colour rules in dark). Here: the exercise after a choice, and the
        # presentation view open.
        page.goto(http_base + prefix + "teman/forovarna/index.html")
        page.locator(".sm-scenario__input").nth(1).check()
        page.locator(".sm-scenario__show").click()
        page.locator("[data-sm-scenario-response]:not(:empty)").wait_for()
        failures += wcag_failures(page, prefix + "theme with a scenario answered")
        page.goto(http_base + prefix + PLAN)
        page.locator("[data-sm-open-presenter]").first.click()
        page.keyboard.press("ArrowRight")
        failures += wcag_failures(page, prefix + "presentation view")
    assert failures == []
