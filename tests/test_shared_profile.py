"""The test harness's shared browser profile (conftest.SharedProfile) leaves nothing to the next test:
what one test stored, cached or set as a cookie is gone before the next test's first page loads, and the
tab it keeps from test to test has no history, listener or script of an earlier test."""

from __future__ import annotations

import functools
import http.server
import threading

import pytest

WRITE = """async () => {
  localStorage.setItem('sm-test', '1');
  document.cookie = 'sm-test=1';
  await new Promise(done => { const open = indexedDB.open('sm-test', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('s');
    open.onsuccess = () => { open.result.close(); done(); }; });
  await (await caches.open('sm-test')).put('/sm-test', new Response('x'));
}"""
READ = """async () => ({ local: localStorage.length, cookie: document.cookie,
  indexeddb: (await indexedDB.databases()).map(d => d.name), caches: await caches.keys() })"""
EMPTY = {"local": 0, "cookie": "", "indexeddb": [], "caches": []}


class _Cached(http.server.SimpleHTTPRequestHandler):
    """Serves one text that a browser may keep for an hour."""

    text = "first"

    def do_GET(self):
        body = self.text.encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Cache-Control", "max-age=3600")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def cached_server():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Cached)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.shutdown()


def test_the_wipe_removes_storage_and_cookies_of_every_origin_the_test_reached(shared_profile, http_base):
    first = shared_profile.page("light", None).page
    first.goto(http_base + "om.html")
    first.evaluate(WRITE)
    # The profile is shared: a second page of it sees what the first stored (what the wipe is for).
    second = shared_profile.page("light", None).page
    second.goto(http_base + "index.html")
    assert second.evaluate(READ)["local"] == 1
    shared_profile.wipe()
    assert first.url == "about:blank" and second.is_closed()  # the first is the tab kept for the next test
    after = shared_profile.page("light", None).page
    assert after is first
    after.goto(http_base + "om.html")
    assert after.evaluate(READ) == EMPTY
    assert shared_profile.context.cookies() == []
    shared_profile.wipe()


def test_the_wipe_empties_the_http_cache(shared_profile, cached_server):
    url = f"http://127.0.0.1:{cached_server.server_address[1]}/text"
    page = shared_profile.page("light", None).page
    assert page.goto(url).text() == "first"
    _Cached.text = "second"
    try:
        assert shared_profile.page("light", None).page.goto(url).text() == "first"  # kept for an hour
        shared_profile.wipe()
        assert shared_profile.page("light", None).page.goto(url).text() == "second"
    finally:
        _Cached.text = "first"
        shared_profile.wipe()


def test_a_test_that_reached_two_sites_gets_a_new_profile(shared_profile, http_base):
    page = shared_profile.page("light", None).page
    page.goto(http_base + "om.html")
    before = shared_profile.context
    page.goto(http_base.replace("127.0.0.1", "localhost") + "om.html")
    shared_profile.wipe()
    assert shared_profile.context is None
    assert shared_profile.page("light", None).context is not before
    shared_profile.wipe()


def test_the_page_has_the_colour_scheme_and_size_asked_for(shared_profile, http_base):
    page = shared_profile.page("dark", {"width": 390, "height": 844}).page
    page.goto(http_base + "index.html")
    assert page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches")
    assert page.evaluate("[innerWidth, innerHeight]") == [390, 844]
    assert page.get_attribute("body", "data-md-color-scheme") == "slate"
    shared_profile.wipe()


def test_a_second_page_of_a_test_has_a_profile_of_its_own(open_page, http_base):
    first = open_page().page
    first.goto(http_base + "om.html")
    first.evaluate("() => localStorage.setItem('sm-test', '1')")
    other = open_page().page
    other.goto(http_base + "om.html")
    assert other.evaluate("localStorage.length") == 0


LEAVING_WRITES = """() => addEventListener('pagehide', () => sessionStorage.setItem('sm-left', '1'))"""


@pytest.mark.parametrize("base", ["http_base", "file_base"])
def test_the_kept_tab_has_no_session_storage_history_or_listener_of_the_test_before(shared_profile, request, base):
    base = request.getfixturevalue(base)
    heard = []
    tab = shared_profile.page("light", None).page
    tab.on("console", lambda message: heard.append(message.text))
    tab.goto(base + "om.html")
    tab.evaluate("() => sessionStorage.setItem('sm-test', '1')")
    tab.goto(base + "index.html")
    tab.evaluate(LEAVING_WRITES)  # a page's own handler that writes as the page is left
    assert tab.evaluate("sessionStorage.length") == 1
    shared_profile.wipe()
    again = shared_profile.page("light", None).page
    assert again is tab
    again.goto(base + "om.html")
    assert again.evaluate("sessionStorage.length") == 0
    again.evaluate("() => console.log('after')")
    assert heard == []
    assert again.evaluate("history.length") == 2  # about:blank, then this test's page
    shared_profile.wipe()


@pytest.mark.parametrize("lasting", ["init script", "route", "print media", "key held"])
def test_a_tab_left_with_something_lasting_is_closed_and_the_next_test_gets_a_new_one(shared_profile, http_base, lasting):
    tab = shared_profile.page("light", None).page
    tab.goto(http_base + "om.html")
    if lasting == "init script":
        tab.add_init_script("window.__smEarlier = 1")
    elif lasting == "route":
        tab.route("**/om.html", lambda route: route.fulfill(body="earlier"))
    elif lasting == "print media":
        tab.emulate_media(media="print")
    else:
        tab.keyboard.down("Shift")
    shared_profile.wipe()
    assert tab.is_closed()
    fresh = shared_profile.page("light", None).page
    fresh.goto(http_base + "om.html")
    assert fresh.evaluate("[window.__smEarlier, matchMedia('print').matches, document.body.textContent.includes('earlier')]") == [None, False, False]
    shared_profile.wipe()


def test_a_page_that_asks_before_it_is_left_does_not_hold_the_tab(shared_profile, http_base):
    tab = shared_profile.page("light", None).page
    tab.goto(http_base + "om.html")
    tab.evaluate("() => addEventListener('beforeunload', event => { event.preventDefault(); event.returnValue = ''; })")
    tab.click("h1")  # a page may ask only after the reader has used it
    shared_profile.wipe()
    assert tab.is_closed() or tab.url == "about:blank"
