"""The risk guide and the preparation plan on the real built site, in Chromium: the test vectors, the
state kept in memory and written to a link only on request, keyboard use, axe in light and dark, no request leaving the origin over
http and file://, print, download and storage only under the reader's choice."""

from __future__ import annotations

import base64

import pytest
import yaml
from playwright.sync_api import expect

from axe_source import AXE, WCAG_RULES
from conftest import ROOT

RISKGUIDE = "forebyggande/riskguide.html"
PLAN = "forberedelseplan.html"
VECTORS = yaml.safe_load((ROOT / "tests" / "riskguide_vectors.yml").read_text(encoding="utf-8"))
GUIDE = {
    locale: yaml.safe_load((ROOT / "docs" / "forebyggande" / name).read_text(encoding="utf-8"))
    for locale, name in (("sv", "riskguide.yml"), ("en", "riskguide.en.yml"))
}


def level_name(level: str, locale: str = "sv") -> str:
    return next(item["name"] for item in GUIDE[locale]["levels"] if item["id"] == level)


def matter(label: str, quick: str = "", deep: str = "", checks: str = "") -> str:
    """One matter in a link, written by hand from the documented format (riskguide-codec.js)."""
    code = base64.urlsafe_b64encode(label.encode("utf-8")).decode("ascii").rstrip("=")
    return ".".join([code, quick, deep, checks]).rstrip(".")


def link(*matters: str, version: int = 1) -> str:
    return f"#rg1.{version}~" + "~".join(matters)


# A high matter with three measures ticked ("h" + "11": 37 in base 36, bits 0, 2 and 5), a low one
# and an unfinished one.
STATE = link(matter("Ny väg norr", "2210", "2222131201", "h11"), matter("Bärndel", "0000"), matter("Skola", "2"))


def settle(page) -> None:
    """The address and the summary follow a burst of answers a moment later (data-pending meanwhile)."""
    page.wait_for_selector(".sm-rg:not([data-pending])", state="attached")


def add_matter(page, label: str) -> str:
    page.fill("#sm-rg-label", label)
    page.press("#sm-rg-label", "Enter")
    return page.locator(".sm-rg-matter").last.get_attribute("data-key")


def answer(page, key: str, step: str, answers: dict[str, str]) -> None:
    """Click the answers' radio buttons on the page (as a click by the reader would; fast, in one go)."""
    ids = [f"sm-rg-{key}-{step}-{question}-{option}" for question, option in answers.items()]
    missing = page.evaluate("ids => ids.filter(id => { const r = document.getElementById(id); if (r) r.click(); return !r; })", ids)
    assert missing == []


def outside(requests: list[str], base: str) -> list[str]:
    return [url for url in requests if not url.startswith((base, "data:", "blob:"))]


FILL_IN = """([label, ids]) => {
    const field = document.getElementById("sm-rg-label");
    field.value = label;
    field.form.requestSubmit();
    const key = [...document.querySelectorAll(".sm-rg-matter")].pop().dataset.key;
    for (const id of ids) document.getElementById(id.replace("KEY", key)).click();
    return key;
}"""
READ_LEVELS = """() => [...document.querySelectorAll(".sm-rg-matter")].map(item => [
    item.querySelector(".sm-rg-matter__status").textContent,
    (item.querySelector(".sm-rg-result:not([hidden]) .sm-rg-result__level") || {}).textContent || "",
])"""


def fill_in(page, label: str, **steps: dict[str, str]) -> str:
    """Add a matter and click its answers, as the reader's clicks would (in one go, to keep it fast)."""
    ids = [f"sm-rg-KEY-{step}-{q}-{o}" for step, answers in steps.items() for q, o in answers.items()]
    return page.evaluate(FILL_IN, [label, ids])


def test_vectors_give_their_level_on_the_page(open_page, http_base):
    recorded = open_page()
    page = recorded.page
    page.goto(http_base + RISKGUIDE)
    expected = []
    for number, vector in enumerate(VECTORS["quick"]):
        fill_in(page, f"Snabb {number}", quick=vector["answers"])
        name = level_name(vector["level"])
        # A low matter is done after step 1 and shows its result; the others go on to step 2.
        expected.append((vector["name"], f"Steg 1: {name}", f"Nivå: {name}" if vector["level"] == "low" else ""))
    for number, vector in enumerate(VECTORS["full"]):
        fill_in(page, f"Fördjupad {number}", quick=vector["quick"], deep=vector["deep"])
        quick, final = level_name(vector["quick_level"]), level_name(vector["level"])
        expected.append((vector["name"], f"Steg 1: {quick} · Steg 2: ", f"Nivå: {final}"))
    shown = page.evaluate(READ_LEVELS)
    settle(page)
    assert len(shown) == len(expected)
    for (name, status, level), (shown_status, shown_level) in zip(expected, shown):
        assert shown_status.startswith(status), name
        assert shown_level == level, name
    assert page.locator(".sm-rg-table tbody tr").count() == len(expected)
    assert recorded.errors == []


def test_the_result_explains_itself_and_recommends_measures(open_page, http_base):
    page = open_page().page
    page.goto(http_base + RISKGUIDE)
    vector = next(v for v in VECTORS["full"] if v["name"].startswith("a colleague"))
    key = add_matter(page, "Bibliotek")
    answer(page, key, "quick", vector["quick"])
    answer(page, key, "deep", vector["deep"])
    result = page.locator(".sm-rg-result")
    drivers = result.locator(".sm-rg-result__drivers li").all_inner_texts()
    assert drivers == ["Signaler från kollegor: Ja, någon har redan fått hot (3 poäng, ger ensamt minst hög risk)"]
    assert "3 poäng. Måttlig risk från 5 poäng, hög risk från 10 poäng." in result.inner_text()
    high = next(level for level in GUIDE["sv"]["levels"] if level["id"] == "high")
    labels = result.locator(".sm-rg-measures label").all_inner_texts()
    assert labels == [measure["text"] for measure in high["measures"]]
    expect(page.locator(".sm-rg [role=status]")).to_have_text("Bibliotek: Hög risk efter steg 2.")


ADDRESS = "() => [location.href, history.length]"


def test_answering_leaves_the_address_and_the_history_alone(open_page, http_base):
    page = open_page().page
    page.goto(http_base + RISKGUIDE)
    before = page.evaluate(ADDRESS)
    vector = VECTORS["full"][-1]
    key = add_matter(page, "Ny väg norr")
    answer(page, key, "quick", vector["quick"])
    answer(page, key, "deep", vector["deep"])
    page.check(f"#sm-rg-{key}-measure-polisen")
    settle(page)
    assert page.locator(".sm-rg-result__level").inner_text() == "Nivå: Hög risk"
    assert page.evaluate(ADDRESS) == before
    assert page.evaluate("location.hash") == ""
    # No link exists until the reader asks for one, not even in the language switch.
    assert page.locator(".sm-rg__link").is_hidden()
    assert page.locator("#sm-rg-link").input_value() == ""
    assert "#" not in page.locator('a.md-select__link[hreflang="en"]').get_attribute("href")


def test_a_saved_link_says_what_it_holds_and_restores_the_state_over_file(open_page, file_base):
    page = open_page().page
    page.goto(file_base + RISKGUIDE)
    before = page.evaluate(ADDRESS)
    first = add_matter(page, "Ny väg norr")
    answer(page, first, "quick", VECTORS["full"][-1]["quick"])
    answer(page, first, "deep", VECTORS["full"][-1]["deep"])
    page.check(f"#sm-rg-{first}-measure-polisen")
    second = add_matter(page, "Flytt av bisamhälle")
    answer(page, second, "quick", VECTORS["quick"][0]["answers"])
    settle(page)
    summary = page.locator(".sm-rg__summary-body").inner_text()

    page.click(".sm-rg__tools button[data-action=link]")
    assert page.locator(".sm-rg__tools button[data-action=link]").inner_text() == "Spara länk"
    assert page.evaluate("document.activeElement.id") == "sm-rg-link"
    hint = page.locator("#sm-rg-link-hint").inner_text()
    assert "namnen på dina ärenden, dina svar och de åtgärder" in hint and "inte krypterade" in hint
    url = page.locator("#sm-rg-link").input_value()
    assert url.startswith(file_base + RISKGUIDE + "#rg1.") and "Ny väg" not in url  # encoded, not readable
    assert page.evaluate(ADDRESS) == before  # making the link writes nothing into the address or history
    assert page.locator("#sm-rg-link-stale").is_hidden()

    # Following a link to a heading on the page keeps the assessment; a change after the link was
    # made is pointed out.
    page.click('.md-content a[href="#dina-uppgifter-stannar-hos-dig"]')
    page.wait_for_function("location.hash === '#dina-uppgifter-stannar-hos-dig'")
    assert page.locator(".sm-rg-matter__title").all_inner_texts() == ["Ny väg norr", "Flytt av bisamhälle"]
    page.uncheck(f"#sm-rg-{first}-measure-polisen")
    settle(page)
    assert page.locator("#sm-rg-link-stale").is_visible()
    assert page.locator("#sm-rg-link").input_value() == url

    # The state lives in the page only: a reload without the link starts empty.
    page.goto(file_base + RISKGUIDE)
    page.reload()
    assert page.locator(".sm-rg-matter").count() == 0

    again = open_page().page
    again.goto(url)
    assert again.locator(".sm-rg__summary-body").inner_text() == summary
    assert again.locator(".sm-rg-matter__title").all_inner_texts() == ["Ny väg norr", "Flytt av bisamhälle"]
    assert again.locator("#sm-rg-k1-measure-polisen").is_checked()
    assert again.locator("#sm-rg-k1-deep-sociala-uthangning").is_checked()
    assert again.locator(".sm-rg__notice").is_hidden()
    # Once read, the state leaves the address: the entry is replaced, none is added (a new tab holds
    # about:blank and this page).
    assert again.evaluate("location.hash") == ""
    assert again.evaluate("history.length") == 2


GARBAGE = [
    ("#rg1.1~!!!~%%%", True),
    ("#rg9.1~" + matter("Väg"), True),
    ("#rg1.x", True),
    ("#rg1.1~" + matter("Väg", "zz9-", "99999999999999999999", "q!"), True),
    ("#rg1.1~" + "~".join(["QQ"] * 60), True),
    ("#rg1.1~" + matter("\u0000\u202e ") + "~" + matter("Skola", "2"), True),
    ("#" + "A" * 3000, False),
    ("#dina-uppgifter-stannar-hos-dig", False),
]


@pytest.mark.parametrize("fragment,told", GARBAGE, ids=range(len(GARBAGE)))
def test_a_broken_link_is_read_as_far_as_it_goes(open_page, http_base, fragment, told):
    recorded = open_page()
    page = recorded.page
    page.goto(http_base + RISKGUIDE + fragment)
    notice = page.locator(".sm-rg__notice")
    assert notice.is_visible() == told
    full = page.locator(".sm-rg-matter").count() == 30
    add_matter(page, "Efteråt")
    if full:  # at most 30 matters: the rest of the link was left out, and the reader is told why
        assert "högst 30" in page.locator("#sm-rg-label-error").inner_text()
    else:
        assert page.locator(".sm-rg-matter__title").last.inner_text() == "Efteråt"
    assert recorded.errors == []


def test_a_pasted_link_replaces_the_assessment_and_the_language_switch_keeps_it(open_page, http_base):
    page = open_page().page
    page.goto(http_base + RISKGUIDE + STATE)
    other = link(matter("Annat ärende", "0000"))
    page.evaluate("hash => { location.hash = hash; }", other)
    expect(page.locator(".sm-rg-matter__title")).to_have_text(["Annat ärende"])
    page.wait_for_function("location.hash === ''")  # read, then taken out of the address
    switch = page.locator('a.md-select__link[hreflang="en"]')
    assert "#" not in switch.get_attribute("href")  # the switch gets the state only when clicked
    switch.evaluate("a => a.click()")
    page.wait_for_url("**/en/forebyggande/riskguide.html*")
    expect(page.locator(".sm-rg-matter__title")).to_have_text(["Annat ärende"])
    assert page.locator(".sm-rg-matter__status").inner_text() == "Step 1: Low risk"
    page.wait_for_function("location.hash === ''")


def test_a_link_from_older_questions_asks_for_a_check(open_page, http_base):
    page = open_page().page
    page.goto(http_base + RISKGUIDE + link(matter("Skola", "2000"), version=99))
    assert "Frågorna har ändrats" in page.locator(".sm-rg__notice").inner_text()
    assert page.locator(".sm-rg-matter__title").all_inner_texts() == ["Skola"]


def test_keyboard_only(open_page, http_base):
    page = open_page().page
    page.goto(http_base + RISKGUIDE)
    active = "document.activeElement.id"
    for _ in range(120):
        page.keyboard.press("Tab")
        if page.evaluate(active) == "sm-rg-label":
            break
    else:
        pytest.fail("the name field cannot be reached with Tab")
    page.keyboard.type("Ny skola")
    page.keyboard.press("Enter")
    key = page.locator(".sm-rg-matter").last.get_attribute("data-key")
    assert page.evaluate(active) == f"sm-rg-{key}-title"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('aria-expanded')") == "true"

    def choose(index: int) -> None:
        page.keyboard.press("Tab")  # into the next group of answers, on its first answer
        page.keyboard.press("Space" if index == 0 else "ArrowDown")
        for _ in range(index - 1):
            page.keyboard.press("ArrowDown")

    vector = next(v for v in VECTORS["full"] if v["name"].startswith("at high"))
    for step in ("quick", "deep"):
        for question in GUIDE["sv"][step]["questions"]:
            index = [o["id"] for o in question["options"]].index(vector[step][question["id"]])
            choose(index)
    assert page.locator(".sm-rg-result__level").inner_text() == "Nivå: Hög risk"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.type") == "checkbox"
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    page.keyboard.press("Space")
    settle(page)
    assert page.evaluate("location.hash") == ""  # the state stays in the page
    expect(page.locator(".sm-rg [role=status]")).to_have_text("Ny skola: Hög risk efter steg 2.")

    for _ in range(len(GUIDE["sv"]["levels"][2]["measures"])):  # past the other measures to "Ta bort ärendet"
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('data-action')") == "remove"
    page.keyboard.press("Enter")
    assert page.locator(".sm-rg-matter").count() == 0
    assert page.evaluate(active) == "sm-rg-label"
    assert page.evaluate("location.href") == http_base + RISKGUIDE


# Both pages in both palettes; the English pages share every component, so light is enough there.
AXE_PAGES = [(RISKGUIDE, "light"), (RISKGUIDE, "dark"), (PLAN, "light"), (PLAN, "dark"), ("en/" + RISKGUIDE, "light"), ("en/" + PLAN, "light")]


@pytest.mark.parametrize("path,scheme", AXE_PAGES)
def test_axe_finds_nothing(open_page, http_base, path, scheme):
    page = open_page(scheme).page
    page.goto(http_base + path + (STATE if "riskguide" in path else ""))
    assert page.locator("[data-md-color-scheme]").first.get_attribute("data-md-color-scheme") == ("slate" if scheme == "dark" else "default")
    if "riskguide" in path:
        page.locator(".sm-rg-matter").nth(1).locator("button[data-action=toggle]").click()  # open a closed one too
        page.click(".sm-rg__tools button[data-action=link]")  # and the link with what it holds
        expect(page.locator("#sm-rg-link")).to_be_visible()
        if path.startswith("en/"):
            assert page.locator(".sm-rg-table tbody td").first.inner_text() == "High risk"
    else:
        page.check("#sm-plan-synlighet-ofta")
        page.check("#sm-plan-uppgifter-adress")
    result = AXE.run(page, options=WCAG_RULES)
    assert result.response["violations"] == [], result.generate_report()


@pytest.mark.parametrize("where", ["http", "file"])
def test_no_request_leaves_the_origin(open_page, http_base, file_base, where):
    base = http_base if where == "http" else file_base
    recorded = open_page(accept_downloads=True)
    page = recorded.page
    page.goto(base + RISKGUIDE + STATE)
    key = add_matter(page, "Ny idrottshall")
    answer(page, key, "quick", VECTORS["full"][0]["quick"])
    page.goto(base + PLAN)
    page.check("#sm-plan-natet-blandat")
    with page.expect_download():
        page.click(".sm-plan__tools button[data-action=download]")
    assert outside(recorded.requests, base) == []
    assert recorded.errors == []


def test_the_plan_follows_the_answers_and_downloads_with_the_contacts(open_page, file_base):
    page = open_page(accept_downloads=True).page
    page.goto(file_base + PLAN)
    always = page.locator('.sm-plan__step[data-always="true"]').count()
    assert page.locator(".sm-plan__step:visible").count() == always
    assert page.locator('[data-step="sallskap"]').is_hidden()
    page.check("#sm-plan-synlighet-ofta")
    page.check("#sm-plan-kontakt-nej")
    assert page.locator('[data-step="sallskap"]').is_visible()
    assert page.locator('[data-step="spara-kontakt"]').is_visible()
    with page.expect_download() as download:
        page.click(".sm-plan__tools button[data-action=download]")
    assert download.value.suggested_filename == "forberedelseplan.txt"
    text = open(download.value.path(), encoding="utf-8-sig").read()
    assert text.startswith("Min förberedelseplan – Exempelkommun")
    assert "Kim Exempelsson, Säkerhetschef. Telefon: 010-123 45 67. E-post: sakerhet@exempelkommun.se." in text
    assert "Gå inte ensam till och från möten" in text
    assert "Lägg ut bilder från en plats" not in text  # a step the answers did not ask for


def test_the_plan_is_kept_only_under_the_readers_choice(open_page, http_base):
    page = open_page().page
    page.goto(http_base + PLAN)
    stored = "JSON.stringify(Object.keys(localStorage).filter(k => k.indexOf('plan:') >= 0))"
    page.check("#sm-plan-synlighet-ofta")
    assert page.evaluate(stored) == "[]"
    page.reload()
    assert not page.locator("#sm-plan-synlighet-ofta").is_checked()
    assert "sparas inte" in page.locator(".sm-plan__storage").inner_text()

    page.check("#sm-plan-save")
    page.check("#sm-plan-synlighet-ofta")
    page.check("#sm-plan-uppgifter-bilder")
    page.reload()
    assert page.locator("#sm-plan-synlighet-ofta").is_checked()
    assert page.locator("#sm-plan-uppgifter-bilder").is_checked()
    assert page.locator('[data-step="bilder"]').is_visible()

    page.uncheck("#sm-plan-save")
    assert page.evaluate(stored) == "[]"
    page.reload()
    assert not page.locator("#sm-plan-synlighet-ofta").is_checked()


def test_print_shows_the_results_without_the_controls(open_page, http_base):
    page = open_page().page
    page.goto(http_base + RISKGUIDE + STATE)
    page.emulate_media(media="print")
    for hidden in (".sm-rg__add", ".sm-rg__tools", "#sm-rg-link", ".sm-rg-questions >> nth=0", ".sm-rg-matter__toggle >> nth=0"):
        assert page.locator(hidden).is_hidden(), hidden
    assert page.locator(".sm-rg-result >> nth=0").is_visible()  # in a closed matter on screen
    assert page.locator(".sm-rg-table").is_visible()
    assert page.locator(".sm-rg-model").is_visible()
    page.evaluate("document.documentElement.classList.add('sm-rg-printing')")  # "Skriv ut sammanställningen"
    assert page.locator(".sm-rg-model").is_hidden()
    assert page.locator("h1").is_visible()

    page.goto(http_base + PLAN)
    page.emulate_media(media="print")
    assert page.locator(".sm-plan__form").is_hidden()
    assert page.locator(".sm-plan__tools").is_hidden()
    assert page.locator(".sm-plan__step[data-always] >> nth=0").is_visible()


def test_the_tools_stay_out_of_the_search_index_but_the_model_is_in(demo_site):
    import json

    docs = json.loads((demo_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    plan = " ".join(d["text"] for d in docs if d["location"].startswith("forberedelseplan.html"))
    guide = " ".join(d["text"] for d in docs if d["location"].startswith("forebyggande/riskguide.html"))
    assert "Kim Exempelsson" not in plan and "Spara numret" not in plan  # the plan holds the tenant's values
    assert "Kort, neutralt namn" not in guide and "Fråga kollegorna" not in guide  # the tool's form and questions
    assert "Starka känslor" in guide and "Hög risk" in guide  # the model, written out, is searchable
