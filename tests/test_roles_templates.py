"""The people-around pages, the templates and the preparation plan's fixed lines.

The incident log is filled in on the page, kept only under the reader's choice (the reflections'
storage), downloaded as text and emptied; every template prints on one A4 page; the plan always holds
the national support lines; the log in use passes axe (every page as it loads is checked in
test_site_browser.py) and the new pages stay readable (LIX)."""

from __future__ import annotations

import re

import pytest

from stodmaterial.content.check import check_content, scan_page
from stodmaterial.riskguide.check import load_plan

from axe_source import AXE, WCAG_RULES
from conftest import ROOT, SETTLED

LOG = "mallar/incidentlogg.html"
TEMPLATES = ["mallar/incidentlogg.html", "mallar/meddelande-till-sakerhetsansvarig.html", "mallar/bevakningsschema.html", "roller/familj.html"]
SAVE = "Spara mina svar på den här enheten"
PREFIX = "stodmaterial:exempelkommun:"
STORED_KEYS = f"() => Object.keys(localStorage).filter(k => k.startsWith('{PREFIX}'))"
NEW_PAGES = sorted((ROOT / "docs" / "roller").glob("*.md")) + sorted((ROOT / "docs" / "mallar").glob("*.md"))


def test_the_incident_log_keeps_nothing_before_the_reader_chooses(open_page, http_base):
    page = open_page().page
    page.goto(http_base + LOG)
    page.get_by_label("Datum").fill("2026-11-20")
    page.get_by_label("Vad sades, skrevs eller hände?").fill("Ett hot i en kommentar")
    assert page.evaluate(STORED_KEYS) == []
    page.reload()
    assert page.get_by_label("Datum").input_value() == ""

    page.get_by_label("Datum").fill("2026-11-21")
    page.get_by_label(SAVE).check()
    page.reload()
    assert page.get_by_label("Datum").input_value() == "2026-11-21"
    assert f"{PREFIX}data:answer:logg-datum" in page.evaluate(STORED_KEYS)
    # Listed, and erasable, with every other answer on "Mina reflektioner".
    page.goto(http_base + "mina-reflektioner.html")
    assert "2026-11-21" in page.locator("[data-sm-answer-for='logg-datum']").inner_text()


def test_the_incident_log_downloads_as_text_and_empties(open_page, file_base):
    page = open_page(accept_downloads=True).page
    page.goto(file_base + "en/" + LOG)
    page.get_by_label("Save my answers on this device").check()
    page.get_by_label("Date", exact=True).fill("2026-11-20")
    page.get_by_label("Witnesses").fill("A colleague, Sam")
    with page.expect_download() as caught:
        page.get_by_role("button", name="Download as a text file").click()
    assert caught.value.suggested_filename == "incident-log.txt"
    text = open(caught.value.path(), encoding="utf-8").read()
    assert text.startswith("Incident log\n")
    assert re.search(r"Date\n2026-11-20\n", text)
    assert re.search(r"Witnesses: [^\n]*\nA colleague, Sam\n", text)
    assert re.search(r"Time\n\(not filled in\)\n", text)

    page.get_by_role("button", name="Empty the fields").click()
    page.get_by_role("button", name="Yes, empty the fields").click()
    page.get_by_role("status").filter(has_text="The fields are empty").wait_for()
    assert page.get_by_label("Date", exact=True).input_value() == ""
    assert page.evaluate(STORED_KEYS) == [f"{PREFIX}enabled"]  # the choice stays, the log is gone
    page.reload()
    assert page.get_by_label("Witnesses").input_value() == ""


def test_the_message_downloads_as_a_text_to_paste_into_an_e_mail(open_page, http_base):
    page = open_page(accept_downloads=True).page
    page.goto(http_base + "mallar/meddelande-till-sakerhetsansvarig.html")
    assert page.get_by_text("sakerhet@exempelkommun.se").is_visible()  # the tenant's contact, on screen
    page.get_by_label("Det här har hänt:").fill("Tre hotfulla mejl")
    with page.expect_download() as caught:
        page.get_by_role("button", name="Ladda ner som textfil").click()
    assert caught.value.suggested_filename == "meddelande-sakerhetsansvariga.txt"
    text = open(caught.value.path(), encoding="utf-8").read()
    assert "Hej! Jag är förtroendevald" in text and "Det här har hänt:\nTre hotfulla mejl\n" in text
    assert "sakerhet@exempelkommun.se" not in text  # the message, not the page around it


@pytest.mark.parametrize("path", TEMPLATES + ["en/" + p for p in TEMPLATES])
def test_each_template_prints_on_one_a4_page(open_page, http_base, path):
    page = open_page().page
    page.goto(http_base + path)
    page.emulate_media(media="print")
    pdf = page.pdf(format="A4", print_background=False)
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1


# Every page as it loads is checked by test_site_browser.py (every rule in light, the colour rules in
# dark, on every page of the site). Here: the incident log in use, filled in and kept, in both palettes.
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_on_the_incident_log_in_use(open_page, http_base, scheme):
    page = open_page(scheme).page
    page.goto(http_base + LOG)
    page.get_by_label(SAVE).check()
    page.get_by_label("Datum").fill("2026-11-20")
    page.get_by_label("Vad sades, skrevs eller hände?").fill("Ett hot i en kommentar")
    page.wait_for_function(SETTLED)
    result = AXE.run(page, options=WCAG_RULES)
    assert result.response["violations"] == [], result.generate_report()


@pytest.mark.parametrize("locale", ["sv", "en"])
def test_the_plan_always_lists_the_national_lines(repo, locale):
    plan = load_plan(repo.docs, locale)
    always = " ".join(step.text for step in plan.steps if step.always)
    for line in ("112", "114 14", "116 006", "020-50 50 50", "tystnainte.se"):
        assert line in always, line
    kvinnofrid = next(step.text for step in plan.steps if "020-50 50 50" in step.text)
    assert ("anonym" in kvinnofrid and "tolk finns" in kvinnofrid) if locale == "sv" else ("anonymous" in kvinnofrid and "interpreter" in kvinnofrid)


def test_the_plan_shows_the_lines_before_any_answer(open_page, file_base):
    page = open_page().page
    page.goto(file_base + "forberedelseplan.html")
    plan = page.locator(".sm-plan__plan")
    for line in ("116 006", "020-50 50 50", "tystnainte.se"):
        assert plan.get_by_text(line).first.is_visible(), line


@pytest.mark.parametrize("path", [p for p in NEW_PAGES if not p.name.endswith(".en.md")], ids=lambda p: p.stem)
def test_the_new_swedish_pages_are_easy_to_read_and_cite_sources(path):
    report, problems = scan_page(path)
    assert problems == []
    assert report.lix <= 45, f"{path.name}: LIX {report.lix:.0f}"
    assert "Källor" in report.sections
    english, _ = scan_page(path.with_name(path.stem + ".en.md"))
    assert "Sources" in english.sections


def test_a_template_field_id_must_be_unique_and_the_same_in_english(repo_copy):
    """A field's text is kept under its id, like a reflection answer: the lint guards the ids."""
    message = repo_copy.docs / "mallar" / "meddelande-till-sakerhetsansvarig.md"
    message.write_text(message.read_text(encoding="utf-8").replace("id: sak-nar", "id: logg-datum"), encoding="utf-8")
    log = repo_copy.docs / "mallar" / "incidentlogg.en.md"
    log.write_text(log.read_text(encoding="utf-8").replace("id: logg-vittnen", "id: logg-witnesses"), encoding="utf-8")
    found = [p.format(repo_copy.root) for p in check_content(repo_copy)[1] if not p.warning]
    assert any("meddelande-till-sakerhetsansvarig.md:" in m and "id 'logg-datum' används redan" in m for m in found), found
    assert any("incidentlogg.en.md" in m and "saknas: logg-vittnen" in m for m in found), found
