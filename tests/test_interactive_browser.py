"""The interactive layer in Chromium: private answers, progress, the captioned film, quick exit, print."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from stodmaterial.build import build_site
from stodmaterial.content.check import check_content

from axe_source import wcag_failures
from conftest import TODAY

THEME = "teman/forovarna/index.html"
SAVE = {"sv": "Spara mina svar på den här enheten", "en": "Save my answers on this device"}
DONE = {"sv": "Jag har gått igenom det här temat", "en": "I have worked through this theme"}
NEUTRAL = "https://www.smhi.se/"  # quick_exit.url of the demo tenant
PREFIX = "stodmaterial:exempelkommun:"
FIRST_FIELD = "textarea[data-reflection-answer] >> nth=0"
# Our keys only: Material keeps its palette in localStorage on every page load ("/.__palette").
STORED_KEYS = f"() => Object.keys(localStorage).filter(k => k.startsWith('{PREFIX}'))"


@pytest.fixture(params=["http_base", "file_base"])
def base(request):
    return request.getfixturevalue(request.param)


def neutral_page(page) -> None:
    """The tenant's neutral address, answered locally: the tests make no request to the internet."""
    page.route(NEUTRAL + "**", lambda route: route.fulfill(status=200, content_type="text/html", body="<title>Väder</title><p>Väder</p>"))


def record_post_data(page) -> list[str]:
    bodies: list[str] = []
    page.on("request", lambda request: bodies.append(request.post_data or ""))
    return bodies


FOCUS_IS_VISIBLE = """() => { const s = getComputedStyle(document.activeElement);
  return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none'; }"""


def tab_until(page, predicate: str, limit: int = 250) -> None:
    """Press Tab until `predicate` (a JS expression on `e`, the focused element) holds."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => {{ const e = document.activeElement; return !!({predicate}); }}"):
            if page.evaluate("() => document.activeElement.tagName") != "VIDEO":  # Chromium rings its own controls
                assert page.evaluate(FOCUS_IS_VISIBLE), f"no visible focus on {predicate}"
            return
    raise AssertionError(f"Tab never reached: {predicate}")


# -- answers ---------------------------------------------------------------------------------------

def test_an_answer_is_gone_after_reload_without_the_choice_and_kept_with_it(open_page, base):
    page = open_page().page
    page.goto(base + THEME)
    field = page.locator(FIRST_FIELD)
    field.fill("Bara i minnet")
    page.reload()
    assert page.locator(FIRST_FIELD).input_value() == ""
    assert page.evaluate(STORED_KEYS) == []

    page.locator(FIRST_FIELD).fill("Skrivet före valet")
    page.get_by_label(SAVE["sv"]).check()
    page.reload()
    assert page.locator(FIRST_FIELD).input_value() == "Skrivet före valet"
    assert page.get_by_label(SAVE["sv"]).is_checked()
    assert page.evaluate(STORED_KEYS)

    page.get_by_label(SAVE["sv"]).uncheck()
    page.get_by_role("status").filter(has_text="Det som var sparat är borttaget").wait_for()
    assert page.evaluate(STORED_KEYS) == []
    page.reload()
    assert page.locator(FIRST_FIELD).input_value() == ""


def test_delete_everything_leaves_local_storage_empty_and_says_so(open_page, http_base):
    page = open_page().page
    page.goto(http_base + THEME)
    page.get_by_label(SAVE["sv"]).check()
    page.locator(FIRST_FIELD).fill("Ett svar att radera")
    question = page.locator(".sm-reflection__question >> nth=0").inner_text().strip()
    page.click("form.md-header__option label:not([hidden])")  # the palette toggle: Material stores it too
    page.goto(http_base + "mina-reflektioner.html")
    listed = page.locator("[data-sm-answer-for]:visible")
    assert listed.count() == 1
    assert question in listed.inner_text() and "Ett svar att radera" in listed.inner_text()
    assert "Vilka är förövarna" in page.locator("[data-sm-group]:visible h2").inner_text()
    assert page.evaluate("() => localStorage.length") > 1

    page.get_by_role("button", name="Radera allt").click()
    page.get_by_role("button", name="Ja, radera allt").click()
    page.wait_for_function("() => /Allt är raderat/.test(document.querySelector('[data-sm-status]').textContent)")
    assert page.evaluate("() => localStorage.length") == 0
    assert page.locator("[data-sm-answer-for]:visible").count() == 0
    assert not page.get_by_label(SAVE["sv"]).is_checked()
    page.goto(http_base + THEME)
    assert page.locator(FIRST_FIELD).input_value() == ""


def test_the_download_contains_the_answers(open_page, base):
    page = open_page().page
    page.goto(base + "en/" + THEME)
    page.get_by_label(SAVE["en"]).check()
    page.locator(FIRST_FIELD).fill("First line of my answer\nsecond line")
    page.goto(base + "en/teman/forbered-dig/index.html")
    page.locator(FIRST_FIELD).fill("An answer in theme four")
    page.goto(base + "en/mina-reflektioner.html")
    with page.expect_download() as caught:
        page.get_by_role("button", name="Download").click()
    download = caught.value
    assert download.suggested_filename == "my-reflections.md"
    text = Path(download.path()).read_text(encoding="utf-8")
    assert text.startswith("# My reflections")
    assert "First line of my answer\nsecond line" in text and "An answer in theme four" in text
    assert "## Who are the perpetrators and how do they act?" in text
    assert "## How you can prepare" in text
    assert text.index("perpetrators") < text.index("How you can prepare")  # the material's order


def test_no_request_carries_typed_text_and_no_cookie_is_set(open_page, base):
    marker = "Hemligt-svar-7f3a"
    recorded = open_page()
    page = recorded.page
    bodies = record_post_data(page)
    page.goto(base + THEME)
    page.get_by_label(SAVE["sv"]).check()
    for index in range(page.locator("textarea[data-reflection-answer]").count()):
        page.locator(f"textarea[data-reflection-answer] >> nth={index}").fill(f"{marker} {index}")
    page.get_by_label(DONE["sv"]).check()
    page.goto(base + "mina-reflektioner.html")
    with page.expect_download():
        page.get_by_role("button", name="Ladda ner").click()
    page.goto(base + "index.html")
    assert recorded.requests
    assert [u for u in recorded.requests if marker in u] == []
    assert [b for b in bodies if marker in b] == []
    assert page.evaluate("() => document.cookie") == ""
    assert recorded.context.cookies() == []
    assert recorded.errors == []


# -- progress ----------------------------------------------------------------------------------------

def card_status(page, slug: str) -> str:
    return page.locator(f'[data-theme-status="{slug}"]').inner_text().strip()


def test_progress_marks_show_on_the_start_page(open_page, http_base):
    page = open_page().page
    page.goto(http_base + "index.html")
    assert card_status(page, "forovarna") == "Status: Inte påbörjat"
    page.get_by_label(SAVE["sv"]).check()
    page.goto(http_base + "teman/forovarna/index.html")
    page.goto(http_base + "teman/forbered-dig/index.html")
    page.get_by_label(DONE["sv"]).check()
    page.goto(http_base + "index.html")
    assert card_status(page, "forovarna") == "Status: Påbörjat"
    assert card_status(page, "forbered-dig") == "Status: Klart"
    assert card_status(page, "vad-ar-sexistiskt-hot-och-hat") == "Status: Inte påbörjat"
    assert page.locator(".sm-progress__summary").inner_text() == "Du har gjort klart 1 av 4 teman och påbörjat 1."

    fresh = open_page().page  # another browser profile: nothing carried over
    fresh.goto(http_base + "teman/forbered-dig/index.html")
    fresh.get_by_label(DONE["sv"]).check()
    fresh.goto(http_base + "index.html")
    assert card_status(fresh, "forbered-dig") == "Status: Inte påbörjat"


def test_keyboard_only_walk_through_a_theme_its_questions_and_the_film(open_page, http_base):
    page = open_page(viewport={"width": 1280, "height": 900}).page
    page.goto(http_base + THEME)
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.classList.contains('sm-quick-exit-skip')")
    assert page.evaluate(FOCUS_IS_VISIBLE)
    tab_until(page, "e.matches('input.sm-save-choice__input')")
    page.keyboard.press("Space")
    tab_until(page, "e.matches('textarea[data-reflection-answer]')")
    page.keyboard.type("Skrivet med tangentbordet")
    tab_until(page, "e.id === 'sm-theme-done'")
    page.keyboard.press("Space")
    assert page.is_checked("#sm-theme-done")
    page.reload()
    assert page.locator(FIRST_FIELD).input_value() == "Skrivet med tangentbordet"

    page.goto(http_base + "index.html")
    assert card_status(page, "forovarna") == "Status: Klart"
    tab_until(page, "e.tagName === 'VIDEO'")
    page.keyboard.press("Space")
    page.wait_for_function("() => { const v = document.querySelector('video'); return !v.paused || v.currentTime > 0; }")
    page.evaluate("() => document.querySelector('video').pause()")
    tab_until(page, "e.matches('.sm-video__transcript > summary')")
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.querySelector('.sm-video__transcript').open")
    assert "Materialet har fyra teman" in page.locator(".sm-video__transcript").inner_text()


# -- film ----------------------------------------------------------------------------------------------

def test_the_film_markup_has_captions_and_a_transcript(demo_site):
    for path, lang in (("index.html", "sv"), ("en/index.html", "en")):
        html = (demo_site / path).read_text(encoding="utf-8")
        video = re.search(r"<video[^>]*>", html).group(0)
        assert 'preload="none"' in video and "controls" in video and " alt=" not in video
        poster = re.search(r'poster="([^"]+)"', video).group(1)
        assert (demo_site / path).parent.joinpath(poster).is_file()
        tracks = [t for t in re.findall(r"<track [^>]*>", html) if 'kind="captions"' in t]
        assert len(tracks) == 2 and all('src="data:text/vtt;base64,' in t for t in tracks)
        assert [t for t in tracks if "default" in t][0].count(f'srclang="{lang}"') == 1
        assert 'class="sm-video__transcript"' in html
    assert (demo_site / "film/film.mp4").stat().st_size < 5_000_000


@pytest.mark.parametrize("path,first_cue", [("index.html", "Det här är en kort film"), ("en/index.html", "This is a short film")])
def test_captions_load_over_http_and_file(open_page, base, path, first_cue):
    recorded = open_page()
    page = recorded.page
    page.goto(base + path)
    page.evaluate("() => { const v = document.querySelector('video'); for (const t of v.textTracks) t.mode = 'showing'; }")
    page.wait_for_function("() => [...document.querySelector('video').textTracks].every(t => t.cues && t.cues.length > 0)")
    cues = page.evaluate("() => { const t = [...document.querySelector('video').textTracks].find(t => t.mode === 'showing' && t.language === document.documentElement.lang); return [...t.cues].map(c => c.text); }")
    assert cues[0].startswith(first_cue)
    # preload="none" loads nothing by itself: ask for the film's metadata, as pressing play would.
    page.evaluate("() => { const v = document.querySelector('video'); v.preload = 'metadata'; v.load(); }")
    page.wait_for_function("() => document.querySelector('video').readyState >= 1")
    assert page.evaluate("() => document.querySelector('video').duration") <= 90
    assert recorded.errors == []


def test_external_film_loads_nothing_until_the_reader_plays_it(repo_copy, tmp_path, open_page):
    film = "https://video.example.org/embed/demo"
    for name in ("om.md", "om.en.md"):
        page_file = repo_copy.docs / name
        page_file.write_text(page_file.read_text(encoding="utf-8") + f'\n![type:video]({film}){{ captions="film/film" }}\n', encoding="utf-8")
    out = tmp_path / "site" / "exempelkommun"
    build_site(repo_copy, "exempelkommun", out, today=TODAY)
    html = (out / "om.html").read_text(encoding="utf-8")
    assert "<iframe" not in html and "video.example.org" in html
    poster = re.search(r'<img [^>]*class="sm-video__poster"[^>]*>', html).group(0)
    assert 'src="film/film.jpg"' in poster and 'alt=""' in poster
    assert 'class="sm-video__transcript"' in html
    english = (out / "en" / "om.html").read_text(encoding="utf-8")
    assert (out / "en").joinpath(re.search(r'<img [^>]*class="sm-video__poster"[^>]*src="([^"]+)"|<img [^>]*src="([^"]+)"[^>]*class="sm-video__poster"', english).group(0).split('src="')[1].split('"')[0]).is_file()

    recorded = open_page()
    page = recorded.page
    page.route("https://video.example.org/**", lambda route: route.fulfill(status=200, content_type="text/html", body="<title>Film</title>"))
    page.goto(out.as_uri() + "/om.html")
    page.wait_for_load_state("networkidle")
    assert [u for u in recorded.requests if "video.example.org" in u] == []
    assert "Ingenting hämtas därifrån förrän du väljer att spela filmen" in page.locator(".sm-video--external").inner_text()
    assert wcag_failures(page, "om.html with an external film") == []
    with page.expect_request(lambda request: request.url == film):
        page.get_by_role("button", name="Spela filmen från video.example.org").click()
    frame = page.locator(".sm-video--external iframe")
    assert page.locator(".sm-video__poster").count() == 0  # the film takes the poster's place
    assert frame.get_attribute("title") == "Film från video.example.org"
    assert frame.get_attribute("src") == film


def test_a_film_without_captions_is_a_check_error(repo_copy):
    (repo_copy.docs / "film" / "film.en.vtt").unlink()
    _, problems = check_content(repo_copy)
    messages = [p.format(repo_copy.root) for p in problems if not p.warning]
    assert any(re.match(r"docs/index\.en\.md:\d+: fel: filmen 'film/film\.mp4' saknar textning .*film\.en\.vtt", m) for m in messages), messages


# -- quick exit ------------------------------------------------------------------------------------

def test_quick_exit_by_button_by_shift_three_times_and_by_the_first_tab(open_page, http_base):
    page = open_page().page
    neutral_page(page)

    def arrive() -> int:
        page.goto(http_base + "index.html")
        page.goto(http_base + THEME)
        return page.evaluate("() => history.length")

    def left_without_a_trace(length: int) -> None:
        page.wait_for_url(NEUTRAL)
        assert page.evaluate("() => history.length") == length
        page.go_back()
        assert page.url == http_base + "index.html"  # the theme page is not in the history

    length = arrive()
    page.locator(".sm-quick-exit__button").click()
    left_without_a_trace(length)

    length = arrive()
    page.locator(FIRST_FIELD).click()
    for _ in range(3):
        page.keyboard.press("Shift+A")  # capitals typed with Shift do not count
    assert page.url == http_base + THEME
    for _ in range(3):
        page.keyboard.press("Shift")
    left_without_a_trace(length)

    length = arrive()
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    left_without_a_trace(length)


# -- print -------------------------------------------------------------------------------------------

def test_print_shows_text_and_answers_without_navigation_or_buttons(open_page, http_base):
    page = open_page().page
    page.goto(http_base + THEME)
    page.locator(FIRST_FIELD).fill("Mitt utskrivna svar")
    page.emulate_media(media="print")
    # Unanswered questions print too, as room to write (tests/test_phone_ux.py).
    assert page.locator(".sm-reflection__printed:not([hidden]):visible").inner_text().endswith("Mitt utskrivna svar")
    for hidden in (".md-header", ".md-sidebar--primary", ".sm-quick-exit", "textarea", ".sm-save-choice", ".sm-theme-done"):
        assert page.locator(f"{hidden} >> visible=true").count() == 0, hidden
    external = page.evaluate("""() => { const a = [...document.querySelectorAll('.md-content a[href^="https:"]')][0];
        return a ? getComputedStyle(a, '::after').content : null; }""")
    assert external is None or "http" in external


@pytest.mark.parametrize("prefix,titles", [
    ("", ["Vad är sexistiskt hot och hat?", "Så kan du förbereda dig"]),
    ("en/", ["What are sexist threats and hate?", "How you can prepare"]),
])
def test_print_all_has_every_theme_in_the_page_language(open_page, http_base, prefix, titles):
    recorded = open_page()
    page = recorded.page
    page.goto(http_base + prefix + "skriv-ut.html")
    page.wait_for_load_state("networkidle")
    headings = page.locator("article h2").all_inner_texts()
    assert all(title in headings for title in titles)
    assert page.locator(".sm-print-break").count() == 4
    assert page.locator("article img[src$='.svg']:visible").count() >= 4
    assert page.evaluate("() => [...document.querySelectorAll('article img')].every(i => i.complete && i.naturalWidth > 0)")
    assert page.evaluate("() => { const ids = [...document.querySelectorAll('[id]')].map(e => e.id); return ids.length === new Set(ids).size; }")


# -- accessibility -------------------------------------------------------------------------------------

@pytest.mark.parametrize("scheme,prefix,lang", [("light", "", "sv"), ("dark", "en/", "en")])
def test_axe_finds_no_violations_on_the_new_pages_and_components(open_page, http_base, scheme, prefix, lang):
    """Every new component in its used state, each palette in one language (the markup is the same in
    both). Every page as it loads, in both languages, is checked by tests/test_site_browser.py."""
    page = open_page(color_scheme=scheme).page
    failures: list[str] = []
    page.goto(http_base + prefix + THEME)
    page.get_by_label(SAVE[lang]).check()
    page.locator(FIRST_FIELD).fill("Svar / answer")
    page.get_by_label(DONE[lang]).check()
    failures += wcag_failures(page, prefix + THEME)
    page.goto(http_base + prefix + "index.html")
    page.locator("details.sm-video__transcript > summary").click()
    failures += wcag_failures(page, prefix + "index.html")
    page.goto(http_base + prefix + "mina-reflektioner.html")
    page.locator('[data-sm-action="delete-all"]').click()
    failures += wcag_failures(page, prefix + "mina-reflektioner.html")
    page.goto(http_base + prefix + "lamna-sidan-snabbt.html")
    page.keyboard.press("Shift")  # the quick-exit hint in its live region
    failures += wcag_failures(page, prefix + "lamna-sidan-snabbt.html, after one Shift")
    assert failures == []
