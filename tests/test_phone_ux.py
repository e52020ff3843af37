"""The councillor's phone (issue 13): what covers what, what shifts, what loads, what is stored.

Browser tests run in Chromium at 390x844 (a phone) and 1280x900 (a laptop), some also at 320 and
430 px, on the demo site built once per session (conftest.py)."""

from __future__ import annotations

import gzip
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from axe_source import AXE
from conftest import IDLE

PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1280, "height": 900}
THEME = "teman/forovarna/index.html"
RISKGUIDE = "forebyggande/riskguide.html"
NEUTRAL = "https://www.smhi.se/"  # quick_exit.url of the demo tenant
# One page of every type.
PAGE_TYPES = [
    "index.html", THEME, "fa-stod.html", "forebyggande/index.html", "forebyggande/fas-1-grundlaggande-forutsattningar.html",
    RISKGUIDE, "forberedelseplan.html", "mina-reflektioner.html", "skriv-ut.html", "om.html", "lamna-sidan-snabbt.html",
    "tillganglighet.html", "en/index.html", "en/" + THEME,
]
FIRST_FIELD = "textarea[data-reflection-answer] >> nth=0"


def phone(open_page, size=PHONE):
    return open_page(viewport=size).page


def search(page, query: str) -> None:
    """Open search as a reader does, wait until it is ready (its placeholder shows), then type."""
    page.click("label.md-header__button[for=__search]")
    page.wait_for_function(
        "() => ['Skriv sökord', 'Type to start searching'].includes(document.querySelector('.md-search-result__meta').textContent.trim())",
        timeout=45000,
    )
    page.keyboard.type(query, delay=20)
    page.wait_for_selector(".md-search-result__item a", timeout=45000)


def neutral_page(page) -> None:
    page.route(NEUTRAL + "**", lambda route: route.fulfill(status=200, content_type="text/html", body="<title>Väder</title><p>Väder</p>"))


# -- the quick-exit button covers nothing ----------------------------------------------------------

# What the button covers at the current scroll position: every text or control whose box meets the
# button's box within the reading area (the viewport below the sticky header, which already covers
# whatever scrolls under it).
COVERED = """(selector) => {
  const button = document.querySelector(selector).getBoundingClientRect();
  const header = document.querySelector('.md-header').getBoundingClientRect();
  const top = Math.max(0, header.bottom);
  const hit = [];
  const content = document.querySelectorAll(
    '.md-content p, .md-content li, .md-content h1, .md-content h2, .md-content h3, .md-content td, .md-content th,' +
    '.md-content a, .md-content button, .md-content input, .md-content textarea, .md-content label, .md-content summary,' +
    '.md-content figcaption, .md-footer a, .md-footer p, .md-search-result__link');
  for (const e of content) {
    if (e.closest('.sm-quick-exit')) continue;
    const style = getComputedStyle(e);
    if (style.visibility === 'hidden') continue;
    for (const r of e.getClientRects()) {
      const y0 = Math.max(r.top, top), y1 = r.bottom;
      if (r.width < 1 || y1 - y0 < 1) continue;
      if (r.left < button.right && r.right > button.left && y0 < button.bottom && y1 > button.top) {
        hit.push(e.tagName + ': ' + (e.textContent || e.value || '').trim().slice(0, 40));
        break;
      }
    }
  }
  return hit;
}"""


def scroll_positions(page, count: int = 6) -> list[int]:
    height = page.evaluate("() => document.documentElement.scrollHeight - innerHeight")
    return sorted({round(height * i / (count - 1)) for i in range(count)})


def covered_anywhere(page, url: str) -> list[str]:
    page.goto(url)
    page.wait_for_load_state("load")
    found = []
    for y in scroll_positions(page):
        page.evaluate(f"() => window.scrollTo(0, {y})")
        page.wait_for_function(f"() => Math.abs(scrollY - Math.min({y}, document.documentElement.scrollHeight - innerHeight)) < 2")
        found += [f"{url} @{y}: {what}" for what in page.evaluate(COVERED, ".sm-quick-exit__button")]
    return found


def test_quick_exit_covers_nothing_on_any_page_type_at_any_scroll_position(open_page, http_base):
    page = phone(open_page)
    covered = []
    for path in PAGE_TYPES:
        covered += covered_anywhere(page, http_base + path)
    assert covered == []


@pytest.mark.parametrize("width", [320, 430])
def test_quick_exit_covers_nothing_at_the_narrowest_and_widest_phones(open_page, http_base, width):
    page = phone(open_page, {"width": width, "height": 740})
    covered = covered_anywhere(page, http_base + THEME) + covered_anywhere(page, http_base + "index.html")
    assert covered == []
    # Always there, always the same place, whole, and the header leaves most of the screen to the page.
    box = page.locator(".sm-quick-exit__button").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= width
    assert page.evaluate("() => document.querySelector('.md-header').getBoundingClientRect().height") <= 0.2 * 740


def test_quick_exit_stays_visible_and_covers_nothing_on_a_laptop(open_page, http_base):
    page = open_page(viewport=LAPTOP).page
    assert covered_anywhere(page, http_base + THEME) == []
    assert page.locator(".sm-quick-exit__button").is_visible()


def test_quick_exit_covers_neither_the_last_search_result_nor_a_focused_control(open_page, http_base):
    page = phone(open_page)
    page.goto(http_base + "index.html")
    search(page, "hot")
    page.evaluate("() => { const w = document.querySelector('.md-search__scrollwrap'); w.scrollTop = w.scrollHeight; }")
    assert page.evaluate(COVERED, ".sm-quick-exit__button") == []
    assert page.locator(".sm-quick-exit__button").is_visible()

    page.keyboard.press("Escape")
    page.goto(http_base + THEME)
    for _ in range(120):
        page.keyboard.press("Tab")
        where = page.evaluate("""() => { const e = document.activeElement, r = e.getBoundingClientRect();
          const b = document.querySelector('.sm-quick-exit__button').getBoundingClientRect();
          const h = document.querySelector('.md-header').getBoundingClientRect();
          return {inside: !!e.closest('.md-header, .sm-quick-exit-skip-nav, .md-skip'), tag: e.tagName, text: e.textContent.trim().slice(0, 30), meets: r.left < b.right && r.right > b.left && r.top < b.bottom && r.bottom > b.top,
                  under: r.top < h.bottom, end: !!e.closest('.md-footer')}; }""")
        if where["inside"]:
            continue
        assert not where["meets"], where
        assert not where["under"], where
        if where["end"]:
            break


# -- nothing shifts on the start page (CLS) ----------------------------------------------------------

def test_the_start_page_does_not_shift_when_its_script_runs(open_page, http_base):
    page = phone(open_page)
    # A slow phone network: the page paints before the scripts at its end have arrived.
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", {"offline": False, "latency": 150, "downloadThroughput": 200_000, "uploadThroughput": 100_000})
    page.add_init_script("""window.__shift = 0; new PerformanceObserver(list => { for (const e of list.getEntries())
      if (!e.hadRecentInput) window.__shift += e.value; }).observe({type: 'layout-shift', buffered: true});""")
    page.goto(http_base + "index.html")
    page.wait_for_function("() => !document.querySelector('[data-sm-progress] input[type=checkbox]').disabled")
    assert page.evaluate("() => window.__shift") <= 0.01
    assert page.locator(".sm-progress__summary").inner_text() == "Du har gjort klart 0 av 4 teman."
    assert page.locator("[data-theme-status] >> nth=0").inner_text().startswith("Status:")


# -- what the first view loads -----------------------------------------------------------------------

def first_view_kb(page, site: Path, base: str, path: str) -> tuple[float, list[str]]:
    urls: list[str] = []
    page.on("request", lambda r: urls.append(r.url))
    page.goto(base + path)
    page.wait_for_load_state("load")
    page.evaluate(IDLE)
    total = 0
    for url in dict.fromkeys(urls):
        if not url.startswith(base):
            continue
        file = site / unquote(urlsplit(url).path.lstrip("/"))
        total += len(gzip.compress(file.read_bytes(), 6))
    return total / 1024, urls


@pytest.mark.parametrize("path", PAGE_TYPES)
def test_first_view_stays_under_150_kb_gzip(open_page, demo_site, http_base, path):
    page = phone(open_page)
    kb, urls = first_view_kb(page, demo_site, http_base, path)
    print(f"first view of {path}: {kb:.1f} KB gzip")
    assert kb <= 150, f"{path}: {kb:.1f} KB"
    assert not [u for u in urls if u.endswith(".mp4")], "a film is fetched before it is played"
    loads_riskguide = any(u.endswith(("riskguide.js", "riskguide.css")) for u in urls)
    assert loads_riskguide == (path in (RISKGUIDE, "forberedelseplan.html")), urls
    assert not [u for u in urls if "search_index" in u or "/workers/search." in u]  # both when search is opened


@pytest.mark.parametrize("base", ["http_base", "file_base"])
def test_the_search_index_and_worker_are_fetched_when_search_is_opened(open_page, request, base):
    base = request.getfixturevalue(base)
    page = phone(open_page)
    urls: list[str] = []
    page.on("request", lambda r: urls.append(r.url))
    page.goto(base + THEME)
    page.wait_for_load_state("load")
    page.evaluate(IDLE)
    assert not [u for u in urls if "search_index" in u or "/workers/search." in u]
    assert page.evaluate("() => performance.getEntriesByType('resource').filter(e => e.name.includes('/workers/search.')).length") == 0
    search(page, "förövare")
    assert page.locator(".md-search-result__item").count() > 0
    assert [u for u in urls if "/workers/search." in u]
    if base.startswith("http"):
        assert [u for u in urls if u.endswith("/search/search_index.json")]


def test_the_risk_guide_and_the_plan_still_work_with_their_own_assets(open_page, http_base):
    page = phone(open_page)
    page.goto(http_base + RISKGUIDE)
    page.wait_for_function("() => document.querySelector('.sm-rg__nojs').hidden")
    assert page.evaluate("() => getComputedStyle(document.querySelector('.sm-rg')).display") != "inline"
    page.goto(http_base + "forberedelseplan.html")
    page.wait_for_function("() => document.querySelector('.sm-plan__nojs').hidden")


# -- the tenant in the header -----------------------------------------------------------------------

@pytest.mark.parametrize("size", [{"width": 320, "height": 640}, PHONE, LAPTOP], ids=["320", "390", "1280"])
def test_the_tenants_name_and_logo_are_in_the_header_at_every_width(open_page, http_base, size):
    page = open_page(viewport=size).page
    page.goto(http_base + THEME)
    brand = page.locator(".md-header .sm-brand")
    assert brand.is_visible()
    assert brand.locator(".sm-brand__name").inner_text() == "Exempelkommun"
    logo = brand.locator("img")
    assert logo.is_visible() and logo.bounding_box()["height"] >= 24
    assert page.evaluate("() => document.querySelector('.md-header .sm-brand img').naturalWidth") > 0
    # Whole, on one line where it fits, and over nothing else in the header.
    name = brand.locator(".sm-brand__name").bounding_box()
    assert name["x"] >= 0 and name["x"] + name["width"] <= size["width"]
    assert name["height"] < 2 * 0.8 * 20
    overlaps = page.evaluate("""() => { const name = document.querySelector('.sm-brand__name').getBoundingClientRect();
      return [...document.querySelectorAll('.md-header__button, .md-header__option, .sm-quick-exit')]
        .filter(e => !e.contains(document.querySelector('.sm-brand__name')) && e.getClientRects().length)
        .map(e => e.getBoundingClientRect()).filter(r => r.width && r.left < name.right && r.right > name.left && r.top < name.bottom && r.bottom > name.top).length; }""")
    assert overlaps == 0
    # The link names the tenant the reader sees, then where it leads.
    assert brand.get_attribute("href")
    assert page.get_by_role("link", name=re.compile(r"^Exempelkommun – startsidan$")).count() == 1


# -- unsaved answers ---------------------------------------------------------------------------------

def test_leaving_a_page_with_unsaved_answers_asks_first_but_the_quick_exit_never_does(open_page, http_base):
    page = phone(open_page)
    dialogs: list[str] = []

    def on_dialog(dialog):
        dialogs.append(dialog.type)
        dialog.accept()
    page.on("dialog", on_dialog)
    neutral_page(page)

    page.goto(http_base + THEME)
    page.locator(FIRST_FIELD).click()
    page.keyboard.type("Ett svar")
    page.goto(http_base + "index.html")
    assert dialogs == ["beforeunload"]
    assert page.url == http_base + "index.html"

    # Nothing typed, or everything saved on the device: no question.
    page.goto(http_base + THEME)
    page.goto(http_base + "index.html")
    assert dialogs == ["beforeunload"]
    page.goto(http_base + THEME)
    page.get_by_label("Spara mina svar på den här enheten").first.check()
    page.locator(FIRST_FIELD).click()
    page.keyboard.type("Sparat svar")
    page.goto(http_base + "index.html")
    assert dialogs == ["beforeunload"]
    page.evaluate("() => localStorage.clear()")

    # The quick exit leaves at once, whatever is typed.
    page.goto(http_base + THEME)
    page.locator(FIRST_FIELD).click()
    page.keyboard.type("Ett svar till")
    page.locator(".sm-quick-exit__button").click()
    page.wait_for_url(NEUTRAL)
    assert dialogs == ["beforeunload"]


def test_a_theme_page_offers_download_and_print_of_its_answers(open_page, http_base):
    page = phone(open_page)
    page.add_init_script("window.__printed = 0; window.print = () => { window.__printed += 1; };")
    page.goto(http_base + THEME)
    question = page.locator(".sm-reflection__question >> nth=0").inner_text().strip()
    page.locator(FIRST_FIELD).fill("Mitt svar på frågan")
    section = page.locator(".sm-page-answers")
    assert "försvinner när du lämnar sidan" in section.inner_text()
    with page.expect_download() as info:
        section.get_by_role("button", name="Ladda ner mina svar").click()
    text = Path(info.value.path()).read_text(encoding="utf-8")
    assert question in text and "Mitt svar på frågan" in text
    assert info.value.suggested_filename == "mina-svar-forovarna.md"
    section.get_by_role("button", name="Skriv ut sidan med mina svar").click()
    assert page.evaluate("() => window.__printed") == 1
    assert localStorage_empty(page)


def localStorage_empty(page) -> bool:
    return page.evaluate("() => localStorage.length") == 0


# -- nothing reaches the server, nothing is stored -----------------------------------------------------

def test_search_result_links_carry_no_search_term(open_page, http_base):
    page = phone(open_page)
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(http_base + "index.html")
    search(page, "förövare")
    hrefs = page.eval_on_selector_all(".md-search-result__link", "links => links.map(a => a.getAttribute('href'))")
    assert hrefs and not [h for h in hrefs if "?" in h or "h=" in h]
    page.locator(".md-search-result__link >> nth=0").click()
    page.wait_for_load_state("load")
    assert not [u for u in requests if "f%C3%B6r%C3%B6vare" in u or "förövare" in u or "?h=" in u]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_nothing_is_stored_on_a_first_visit_until_the_reader_chooses_a_colour_scheme(open_page, http_base, scheme):
    page = open_page(color_scheme=scheme, viewport=PHONE).page
    for path in ("index.html", THEME):
        page.goto(http_base + path)
        # Material's palette script has run once its toggle shows.
        page.wait_for_function("() => document.querySelector('form.md-header__option label:not([hidden])')")
        assert localStorage_empty(page)
    page.click("form.md-header__option label:not([hidden])")
    page.wait_for_function("() => Object.keys(localStorage).some(k => k.endsWith('__palette'))")
    page.reload()
    expected = "default" if scheme == "dark" else "slate"
    assert page.get_attribute("body", "data-md-color-scheme") == expected  # the choice is kept


# -- the support page, the tenant's English texts ----------------------------------------------------

@pytest.mark.parametrize("path", ["fa-stod.html", "en/fa-stod.html"])
def test_national_lines_are_tel_links(demo_site, path):
    html = (demo_site / path).read_text(encoding="utf-8")
    for number, href in [("112", "tel:112"), ("114 14", "tel:11414"), ("116 006", "tel:116006"), ("020-50 50 50", "tel:020505050")]:
        assert f'<a href="{href}">{number}</a>' in html


def test_the_english_site_shows_the_tenants_english_role_and_support_texts(demo_site):
    english = (demo_site / "en/fa-stod.html").read_text(encoding="utf-8")
    assert '<p class="sm-contact__role">Head of security</p>' in english
    assert "Counselling for elected officials, free of charge." in english
    assert "Säkerhetschef" not in english and "Samtalsstöd" not in english
    swedish = (demo_site / "fa-stod.html").read_text(encoding="utf-8")
    assert "Säkerhetschef" in swedish and "Head of security" not in swedish


def test_check_warns_when_english_is_on_and_english_texts_are_missing(repo_copy):
    from conftest import TODAY
    from stodmaterial.tenant import tenant_problems

    path = repo_copy.tenants / "exempelkommun" / "tenant.yml"
    text = path.read_text(encoding="utf-8")
    assert tenant_problems(repo_copy.tenants, "exempelkommun", TODAY)[1] == []
    lines = [line for line in text.splitlines() if "role_en:" not in line and "offers_en:" not in line]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    tenant, problems = tenant_problems(repo_copy.tenants, "exempelkommun", TODAY)
    assert tenant is not None and all(p.warning for p in problems)
    messages = [p.format(repo_copy.root) for p in problems]
    assert len(messages) == 3
    assert any("role_en" in m and "Säkerhetschef" in m and ":10:" in m for m in messages), messages
    assert sum("offers_en" in m for m in messages) == 2
    # Swedish only: nothing to warn about.
    path.write_text(path.read_text(encoding="utf-8").replace("languages: [sv, en]", "languages: [sv]"), encoding="utf-8")
    assert tenant_problems(repo_copy.tenants, "exempelkommun", TODAY)[1] == []


# -- boxes, the 404 page ---------------------------------------------------------------------------------

ICON = """(selector) => getComputedStyle(document.querySelector(selector), '::before').maskImage
  || getComputedStyle(document.querySelector(selector), '::before').webkitMaskImage"""


def icon_path(name: str) -> str:
    """The path of one of Material's bundled icons, e.g. material/account-group-outline."""
    import material

    svg = (Path(material.__file__).parent / "templates" / ".icons" / f"{name}.svg").read_text(encoding="utf-8")
    return re.search(r' d="([^"]+)"', svg).group(1)


def test_admonition_icons_fit_and_urgent_advice_is_in_full_size_type(open_page, http_base):
    page = phone(open_page)
    page.goto(http_base + "teman/vad-ar-sexistiskt-hot-och-hat/index.html")
    case = unquote(page.evaluate(ICON, ".sm-case > .admonition-title"))
    note = unquote(page.evaluate(ICON, ".admonition.note > .admonition-title"))
    # People for a composite case, an "i" for advice; not Material's test tube and pencil.
    assert icon_path("material/account-group-outline") in case
    assert icon_path("material/information-outline") in note
    assert icon_path("material/test-tube") not in case and icon_path("material/pencil-circle") not in note
    sizes = page.evaluate("""() => [getComputedStyle(document.querySelector('.admonition.note p:not(.admonition-title)')).fontSize,
      getComputedStyle(document.querySelector('.md-content > article > p')).fontSize].map(parseFloat)""")
    assert sizes[0] >= sizes[1]


def test_the_404_page_speaks_swedish_on_the_swedish_site(demo_site):
    html = (demo_site / "404.html").read_text(encoding="utf-8")
    assert '<html lang="sv"' in html
    assert "<h1>Sidan finns inte</h1>" in html
    assert "Not found" not in html
    assert '<div lang="en">' in html and "Page not found" in html


# -- the region rule, text spacing, print -----------------------------------------------------------

def test_axe_region_rule_finds_no_content_outside_landmarks_on_a_phone(open_page, http_base):
    """On a phone, where the drawer and the header show other parts than on a laptop; at 1280 px the
    rule runs on every page in the axe sweep (tests/test_site_browser.py)."""
    page = open_page(viewport=PHONE).page
    failures = []
    for path in ("index.html", THEME, "fa-stod.html", RISKGUIDE, "mina-reflektioner.html", "en/index.html"):
        page.goto(http_base + path)
        page.wait_for_load_state("load")  # after interactive.js, which runs on DOMContentLoaded
        result = AXE.run(page, options={"runOnly": {"type": "rule", "values": ["region"]}})
        failures += [f"{path}: {[n['target'] for n in v['nodes']][:3]}" for v in result.response["violations"]]
    assert failures == []


TEXT_SPACING = """() => { const s = document.createElement('style');
  s.textContent = '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }';
  document.head.appendChild(s); }"""
CUT_LABELS = """() => [...document.querySelectorAll('body *')].filter(e => {
  const s = getComputedStyle(e);
  return s.textOverflow === 'ellipsis' && s.visibility !== 'hidden' && e.getClientRects().length && e.scrollWidth > e.clientWidth + 1;
}).map(e => e.textContent.trim().slice(0, 40))"""


@pytest.mark.parametrize("path", ["index.html", THEME, "en/" + RISKGUIDE])
def test_with_wider_text_spacing_no_label_is_cut_on_a_phone(open_page, http_base, path):
    page = phone(open_page)
    page.goto(http_base + path)
    page.evaluate(TEXT_SPACING)
    assert page.evaluate(CUT_LABELS) == []
    page.locator("[data-sm-menu-button]").click()
    page.wait_for_function("() => getComputedStyle(document.querySelector('.md-sidebar--primary')).visibility === 'visible'")
    assert page.evaluate(CUT_LABELS) == []


def test_print_has_room_to_write_and_body_text_of_at_least_11_pt(open_page, http_base):
    page = phone(open_page)
    page.goto(http_base + THEME)
    page.locator(FIRST_FIELD).fill("Ett besvarat svar")
    page.emulate_media(media="print")
    size = page.evaluate("() => parseFloat(getComputedStyle(document.querySelector('.md-content article > p')).fontSize)")
    assert size * 0.75 >= 11  # px to pt
    boxes = page.evaluate("""() => [...document.querySelectorAll('.sm-reflection')].map(r => {
      const printed = r.querySelector('.sm-reflection__printed');
      const text = r.querySelector('.sm-reflection__printed-text');
      return {shown: getComputedStyle(printed).display !== 'none', room: text.getBoundingClientRect().height, text: text.textContent}; })""")
    answered, unanswered = boxes[0], boxes[1:]
    assert answered["shown"] and answered["text"] == "Ett besvarat svar"
    assert unanswered and all(b["shown"] and b["room"] >= 150 for b in unanswered), unanswered
