"""The SCORM 1.2 package inside a real SCORM 1.2 runtime (scorm-again, pinned in tests/scorm/) in Chromium.

The test platform (tests/scorm/lms.html) and the unpacked package are served from one origin on
127.0.0.1, as a platform serves its packages; the platform page shows a launch page in a frame.
The package is served under the bundle's own Content-Security-Policy (with framing allowed), so a
policy violation by the adapter or the launch pages shows as a console error.
"""

from __future__ import annotations

import functools
import http.server
import json
import re
import shutil
import threading
import zipfile
from pathlib import Path
from urllib.parse import quote

import pytest

from axe_source import AXE, WCAG_TAGS
from conftest import ROOT, _QuietHandler
from stodmaterial.bundle.csp import scan_site
from stodmaterial.bundle.headers import content_security_policy

pytestmark = pytest.mark.browser

RUNTIME = ROOT / "tests" / "scorm"
SCORM_AGAIN = RUNTIME / "node_modules" / "scorm-again" / "dist" / "scorm12.js"
THEMES = ["vad-ar-sexistiskt-hot-och-hat", "uttryck-och-konsekvenser", "forovarna", "forbered-dig"]
WRITES = {"cmi.core.lesson_status", "cmi.suspend_data", "cmi.core.exit"}
NEUTRAL = "https://www.smhi.se/"
# Text a reader types; none of it may reach the platform.
REFLECTION = "Hemligt reflektionssvar 7391"
RISK_LABEL = "Hemligt ärende 5524"
PLAN_CHOICE = "synlighet-ofta"  # the plan has choices, no free text: the choice is its content
SEARCH_TERM = "förövare"


@pytest.fixture(scope="module")
def package_root(scorm_package, tmp_path_factory) -> Path:
    if not SCORM_AGAIN.is_file():
        pytest.fail("scorm-again is missing: run scripts/test, which runs npm ci in tests/scorm/")
    root = tmp_path_factory.mktemp("platform")
    (root / "runtime").mkdir()
    for name in ("lms.html", "harness.js"):
        shutil.copy(RUNTIME / name, root / "runtime" / name)
    shutil.copy(SCORM_AGAIN, root / "runtime" / "scorm12.js")
    with zipfile.ZipFile(scorm_package) as archive:
        archive.extractall(root / "pkg")
    return root


class _PlatformHandler(_QuietHandler):
    """Serves the package under the bundle's own Content-Security-Policy, as computed from the
    package's pages, with framing allowed by the platform (set per server in `policy`)."""

    policy = ""

    def end_headers(self):
        if self.path.startswith("/pkg/"):
            self.send_header("Content-Security-Policy", self.policy)
        super().end_headers()


def package_policy(package: Path, port: int) -> str:
    inline = scan_site(package)
    assert inline.forbidden == []
    policy = content_security_policy(inline)
    # A platform frames its packages; everything else is the bundle's policy unchanged.
    policy = policy.replace("frame-ancestors 'none'", f"frame-ancestors 'self' http://localhost:{port}")
    return policy.replace("frame-src 'none'", "frame-src 'self'")


@pytest.fixture(scope="module")
def platform(package_root) -> str:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), None)
    handler = type("Handler", (_PlatformHandler,), {"policy": package_policy(package_root / "pkg", server.server_address[1])})
    server.RequestHandlerClass = functools.partial(handler, directory=str(package_root))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def test_launch_pages_add_no_inline_code_to_the_policy(package_root, demo_site):
    """The adapter and the launch pages are files from the site's origin: the bundle's hashes suffice."""
    inside, site = scan_site(package_root / "pkg"), scan_site(demo_site)
    assert inside.forbidden == [] and inside.scripts == site.scripts and inside.styles == site.styles
    assert "eval(" not in (package_root / "pkg" / "assets/javascripts/stodmaterial/lms.js").read_text()


def launch(recorded, platform: str, item: str, suspend: str | None = None):
    """Open the test platform with the item's launch page; returns (platform page, site frame)."""
    url = f"{platform}runtime/lms.html?launch={quote('../pkg/scorm/' + item + '.html')}"
    if suspend is not None:
        url += f"&suspend={quote(suspend)}"
    page = recorded.page
    page.goto(url)
    page.wait_for_function("window.lmsCalls.some(c => c.name === 'LMSInitialize')")
    return page, site_frame(page)


def site_frame(page):
    """The site's page inside the launch page inside the platform, once its scripts have run."""
    page.wait_for_function(
        "() => { const l = document.getElementById('sco').contentDocument;"
        " const f = l && l.querySelector('iframe[data-sm-lms-frame]');"
        " const d = f && f.contentDocument; return d && d.readyState === 'complete' && d.querySelector('.md-content'); }"
    )
    (launch_frame,) = page.main_frame.child_frames
    (frame,) = launch_frame.child_frames
    return frame


def cmi(page, element: str) -> str:
    """What the platform holds for `element` (read from the runtime, not through the package's calls)."""
    return page.evaluate("e => e.split('.').slice(1).reduce((o, k) => o[k], window.API.cmi)", element)


def read_to_end(frame) -> None:
    frame.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")


def search(page, frame, query: str, placeholder: str) -> list[str]:
    """Search in the site's frame as a reader does: wait until the search is ready, then type."""
    frame.click("input.md-search__input")
    frame.wait_for_function("p => document.querySelector('.md-search-result__meta').textContent.trim() === p",
                            arg=placeholder, timeout=45000)
    page.keyboard.type(query, delay=20)
    frame.wait_for_selector(".md-search-result__item a", timeout=45000)
    return frame.eval_on_selector_all(".md-search-result__item > a", "els => els.map(e => e.href)")


def settle(frame, placeholder: str = "Skriv sökord") -> None:
    """Wait until the page has loaded. The search index is fetched only when search is opened
    (lazy-search.js), so no request is left half done when the reader moves on."""
    frame.wait_for_load_state("load")


def calls(page) -> list[dict]:
    return page.evaluate("window.lmsCalls")


def test_reading_all_four_themes_completes_and_nothing_typed_reaches_the_platform(open_page, platform):
    recorded = open_page()
    page, frame = launch(recorded, platform, "tema-" + THEMES[0])
    assert cmi(page, "cmi.core.lesson_status") == "incomplete"

    # Everything a reader types, in every tool, while the platform listens.
    frame.locator("textarea[data-reflection-answer]").first.fill(REFLECTION)
    settle(frame)
    frame.goto(f"{platform}pkg/forebyggande/riskguide.html")
    frame.fill("#sm-rg-label", RISK_LABEL)
    frame.press("#sm-rg-label", "Enter")
    frame.wait_for_selector(".sm-rg-matter")
    settle(frame)
    frame.goto(f"{platform}pkg/forberedelseplan.html")
    frame.check(f"#sm-plan-{PLAN_CHOICE}")
    search(page, frame, SEARCH_TERM, "Skriv sökord")

    for number, theme in enumerate(THEMES, 1):
        if number > 1:  # the first page has searched already, so its search has loaded
            settle(frame)
        frame.goto(f"{platform}pkg/teman/{theme}/index.html")
        if number < len(THEMES):
            assert cmi(page, "cmi.core.lesson_status") == "incomplete"
        read_to_end(frame)
        page.wait_for_function("t => window.API.cmi.suspend_data.split(',').includes(t)", arg=theme)
    page.wait_for_function("window.API.cmi.core.lesson_status === 'completed'")
    assert cmi(page, "cmi.suspend_data") == ",".join(THEMES)

    made = calls(page)
    assert [c["name"] for c in made].count("LMSInitialize") == 1
    writes = [c for c in made if c["name"] == "LMSSetValue"]
    assert {c["args"][0] for c in writes} <= WRITES
    everything = json.dumps(made, ensure_ascii=False) + page.evaluate("JSON.stringify(window.API.cmi)")
    for secret in (REFLECTION, RISK_LABEL, PLAN_CHOICE, "synlighet", SEARCH_TERM):
        assert secret not in everything
    assert recorded.errors == []
    assert all(url.startswith(platform) or url.startswith("data:") for url in recorded.requests)


def test_a_theme_read_only_halfway_is_not_done(open_page, platform):
    page, frame = launch(open_page(), platform, "tema-forovarna")
    frame.evaluate("window.scrollTo(0, document.documentElement.scrollHeight / 3)")
    frame.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    assert cmi(page, "cmi.suspend_data") == ""
    assert cmi(page, "cmi.core.lesson_status") == "incomplete"


def test_a_resumed_attempt_keeps_the_themes_done_and_finishes_when_closed(open_page, platform):
    page, frame = launch(open_page(), platform, "tema-forbered-dig", suspend=",".join(THEMES[:3]) + ",okänt")
    read_to_end(frame)
    page.wait_for_function("window.API.cmi.core.lesson_status === 'completed'")
    assert cmi(page, "cmi.suspend_data") == ",".join(THEMES)
    page.evaluate("document.getElementById('sco').src = 'about:blank'")
    page.wait_for_function("window.lmsCalls.some(c => c.name === 'LMSFinish')")
    assert all(c["result"] != "false" for c in calls(page) if c["name"] in ("LMSSetValue", "LMSCommit", "LMSFinish"))


@pytest.mark.parametrize("origin", ["same", "other"])
def test_quick_exit_leaves_the_whole_platform_window(open_page, platform, origin):
    recorded = open_page()
    recorded.page.route(NEUTRAL + "**", lambda route: route.fulfill(
        status=200, content_type="text/html; charset=utf-8", body="<title>Väder</title>"))
    if origin == "same":
        page, frame = launch(recorded, platform, "tema-forovarna")
    else:
        # A platform on another origin than its content (no API reachable then): the site's frame
        # must still be able to take the whole window away.
        page = recorded.page
        other = platform.replace("127.0.0.1", "localhost")
        page.goto(f"{other}runtime/lms.html?launch={quote(platform + 'pkg/teman/forovarna/index.html')}")
        page.wait_for_function("document.getElementById('sco').src !== ''")
        frame = page.main_frame.child_frames[0]
        frame.wait_for_selector(".sm-quick-exit__button")
    frame.click(".sm-quick-exit__button")
    page.wait_for_url(NEUTRAL + "**")
    assert page.title() == "Väder"


def test_film_language_switch_and_search_work_inside_the_frame(open_page, platform):
    recorded = open_page()
    page, frame = launch(recorded, platform, "tema-forovarna")
    frame.goto(f"{platform}pkg/index.html")
    frame.evaluate("() => { const v = document.querySelector('video'); v.muted = true; return v.play(); }")
    frame.wait_for_function("() => document.querySelector('video').currentTime > 0")
    frame.evaluate("() => document.querySelector('video').pause()")
    frame.goto(f"{platform}pkg/teman/forovarna/index.html")
    settle(frame)
    frame.locator('a.md-select__link[hreflang="en"]').evaluate("a => a.click()")
    frame.wait_for_url(re.compile(r".*/pkg/en/teman/forovarna/index\.html$"))
    assert frame.evaluate("document.documentElement.lang") == "en"
    hits = search(page, frame, "perpetrator", "Type to start searching")
    assert any("/pkg/en/teman/forovarna/" in hit for hit in hits)
    assert recorded.errors == []


def test_without_a_platform_the_launch_page_gives_way_to_the_site(open_page, platform, package_root):
    for base in (f"{platform}pkg/", (package_root / "pkg").as_uri() + "/"):
        recorded = open_page()
        recorded.page.goto(base + "scorm/tema-forovarna.html")
        recorded.page.wait_for_url(base + "teman/forovarna/index.html")
        recorded.page.wait_for_selector("textarea[data-reflection-answer]")
        assert recorded.errors == []
        assert all(url.startswith(base) or url.startswith("data:") for url in recorded.requests)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violations_inside_the_platform_frame(open_page, platform, scheme):
    page, frame = launch(open_page(color_scheme=scheme), platform, "tema-forovarna")
    launch_frame = page.main_frame.child_frames[0]
    failures = []
    for label, target, options in (
        ("launch page", launch_frame, {"iframes": False}),
        ("theme", frame, {}),
    ):
        result = AXE.run(target, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, **options})
        failures += [f"{label}: {v['id']} {[n['target'] for n in v['nodes']][:3]}" for v in result.response["violations"]]
    frame.goto(f"{platform}pkg/forebyggande/riskguide.html")
    result = AXE.run(frame, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    failures += [f"risk guide: {v['id']}" for v in result.response["violations"]]
    assert failures == []
