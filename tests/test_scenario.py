"""Scenario exercises (`/// scenario`): the page, the keyboard, no storage, paper and no scripts, the lint."""

from __future__ import annotations

import re

import pytest

from stodmaterial.content.check import check_content

THEME = "teman/forovarna/index.html"
SECOND_FEEDBACK = "Du ska aldrig behöva hantera ett drev ensam."
# Material keeps its palette choice in localStorage (key ending in "__palette"); everything else is ours.
OUR_STORAGE = """() => ({
  local: Object.keys(localStorage).filter(k => !k.endsWith('__palette')),
  session: Object.keys(sessionStorage),
})"""


@pytest.fixture(params=["http_base", "file_base"])
def base(request):
    return request.getfixturevalue(request.param)


def test_every_theme_has_a_labelled_scenario_in_both_languages(demo_site):
    for page in sorted(demo_site.glob("teman/*/index.html")) + sorted(demo_site.glob("en/teman/*/index.html")):
        html = page.read_text(encoding="utf-8")
        english = "/en/" in page.as_posix()
        assert html.count('data-sm-scenario="') == 1, page
        assert ("This situation is a composite and fictional." if english else "Situationen är sammansatt och fiktiv.") in html
        # Every choice with its feedback is in the page as text; the link leads to an id on the page.
        [block] = re.findall(r'<div [^>]*class="admonition question sm-scenario".*?<section class="sm-key-points">', html, re.S)
        assert 2 <= block.count('data-sm-choice="') <= 4
        assert block.count("data-sm-feedback") == block.count('data-sm-choice="')
        anchor = re.search(r'class="sm-scenario__more">[^<]*<a href="#([^"]+)"', block).group(1)
        assert f'id="{anchor}"' in html


def test_choosing_by_keyboard_says_the_feedback_and_stores_nothing(open_page, base):
    recorded = open_page()
    page = recorded.page
    page.goto(base + THEME)
    page.focus('textarea[data-reflection-answer="t3-var-kunskap"]')
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.classList.contains('sm-scenario__input')"):
            break
    else:
        raise AssertionError("Tab never reached the scenario's radio buttons")
    page.keyboard.press("ArrowDown")  # moves to, and chooses, the second answer
    assert page.evaluate("() => document.activeElement.checked && document.activeElement.value") == "1"
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.textContent") == "Visa kommentaren"
    page.keyboard.press("Enter")
    response = page.locator("[data-sm-scenario-response]")
    response.filter(has_text=SECOND_FEEDBACK).wait_for()
    assert response.get_attribute("role") == "status"
    # The radio buttons have their choice's text as name, in a group named by the question.
    assert page.get_by_role("group", name="Vad gör du först?").get_by_role("radio").count() == 3
    assert page.get_by_role("radio", name="Du tar bort ditt konto direkt.").is_visible()
    assert page.evaluate(OUR_STORAGE) == {"local": [], "session": []}
    assert recorded.errors == []


def test_without_choosing_the_button_asks_for_a_choice(open_page, http_base):
    page = open_page().page
    page.goto(http_base + THEME)
    page.get_by_role("button", name="Visa kommentaren").click()
    page.locator("[data-sm-scenario-response]").filter(has_text="Välj ett av svaren först.").wait_for()


def test_paper_shows_every_choice_with_its_feedback(open_page, http_base):
    page = open_page().page
    page.goto(http_base + THEME)
    page.get_by_role("radio", name="Du tar bort ditt konto direkt.").check()
    page.emulate_media(media="print")
    feedback = page.locator("[data-sm-scenario] [data-sm-feedback]")
    assert feedback.count() == 3
    assert all(feedback.nth(i).is_visible() for i in range(3))
    assert not page.locator("[data-sm-scenario-form]").is_visible()
    page.emulate_media(media="screen")
    assert not feedback.first.is_visible()


def test_without_javascript_the_exercise_is_readable_text(open_page, file_base):
    page = open_page(java_script_enabled=False).page
    page.goto(file_base + "en/" + THEME)
    feedback = page.locator("[data-sm-scenario] [data-sm-feedback]")
    assert feedback.count() == 3 and all(feedback.nth(i).is_visible() for i in range(3))
    assert page.locator("[data-sm-scenario] input").count() == 0
    assert page.get_by_text("What do you do first?").is_visible()


# -- The lint -------------------------------------------------------------------------------------


def errors(layout) -> list[str]:
    return [p.format(layout.root) for p in check_content(layout)[1] if not p.warning]


def line_of(path, text: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


def test_a_choice_without_feedback_is_an_error_with_its_line(repo_copy):
    page = repo_copy.themes / "forovarna" / "index.md"
    source = page.read_text(encoding="utf-8")
    number = line_of(page, "- Du tar bort ditt konto direkt.")
    feedback = "  > Det är begripligt att vilja komma bort."
    page.write_text("\n".join(line for line in source.splitlines() if not line.startswith(feedback)) + "\n", encoding="utf-8")
    assert any(m.startswith(f"themes/forovarna/index.md:{number}: fel: valet 'Du tar bort ditt konto direkt.' saknar kommentar.") for m in errors(repo_copy))


def test_duplicate_ids_unknown_section_and_too_few_choices(repo_copy):
    page = repo_copy.themes / "forbered-dig" / "index.md"
    text = page.read_text(encoding="utf-8")
    text = text.replace("id: t4-ovning-vid-bilen", "id: t3-ovning-drevet")
    text = text.replace('section: "Under: säkerheten först, sedan dokumentation"', "section: Under säkerheten")
    page.write_text(text, encoding="utf-8")
    found = errors(repo_copy)
    start = line_of(page, "/// scenario")
    original = line_of(repo_copy.themes / "forovarna" / "index.md", "/// scenario")
    # Both places are named: the files are read in order, so the later one is the duplicate.
    duplicate = f"themes/forovarna/index.md:{original}: fel: övningens id 't3-ovning-drevet' används redan (themes/forbered-dig/index.md:{start})."
    assert any(m.startswith(duplicate) for m in found)
    assert any(m.startswith(f"themes/forbered-dig/index.md:{start}: fel: avsnittet 'Under säkerheten' finns inte på sidan.") for m in found)

    other = repo_copy.themes / "uttryck-och-konsekvenser" / "index.md"
    lines = other.read_text(encoding="utf-8").splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith("- Du skrattar med"))
    del lines[first + 2:first + 6]  # leaves one choice
    other.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert any(m.startswith(f"themes/uttryck-och-konsekvenser/index.md:{first + 1}: fel: övningen har 1 val, men ska ha 2 till 4.") for m in errors(repo_copy))


def test_the_english_scenario_must_match_the_swedish_one(repo_copy):
    page = repo_copy.themes / "forovarna" / "index.en.md"
    lines = page.read_text(encoding="utf-8").splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith("- You delete your account at once."))
    del lines[first:first + 2]
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    number = line_of(page, "/// scenario")
    assert f"themes/forovarna/index.en.md:{number}: fel: övningen 't3-ovning-drevet' har 2 val, men på den svenska sidan 3." in " ".join(errors(repo_copy))

    page.write_text(page.read_text(encoding="utf-8").replace("id: t3-ovning-drevet", "id: t3-exercise"), encoding="utf-8")
    [message] = [m for m in errors(repo_copy) if "övningarna stämmer inte" in m]
    assert "saknas: t3-ovning-drevet" in message and "finns bara här: t3-exercise" in message


def test_session_questions_must_be_existing_group_questions(repo_copy):
    page = repo_copy.docs / "samtalsledare" / "forovarna.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("questions: t3-arg-eller-hotfull, t3-drev-mot-en-kollega\n", "questions: t3-egna-varningstecken, t3-finns-inte\n", 1), encoding="utf-8")
    number = line_of(page, "/// session-questions")
    found = errors(repo_copy)
    assert any(m.startswith(f"docs/samtalsledare/forovarna.md:{number}: fel: frågan 't3-egna-varningstecken' är en personlig fråga") for m in found)
    assert any(m.startswith(f"docs/samtalsledare/forovarna.md:{number}: fel: frågan 't3-finns-inte' finns inte i materialet.") for m in found)
    assert any("docs/samtalsledare/forovarna.en.md: fel: samtalets frågor stämmer inte med den svenska sidan" in m for m in found)
