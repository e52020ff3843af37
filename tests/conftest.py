"""Shared fixtures: the repository, throwaway copies of it, a built demo site, a web server, Chromium."""

from __future__ import annotations

import contextlib
import fcntl
import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Error as PlaywrightError

from stodmaterial.build import build_site
from stodmaterial.paths import Layout

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"]
TODAY = date(2026, 11, 22)


@pytest.fixture(scope="session")
def repo() -> Layout:
    return Layout(ROOT)


def copy_repo(target: Path) -> Layout:
    """A throwaway copy of everything a build reads, for tests that break things on purpose."""
    for name in ("docs", "themes", "tenants", "overrides"):
        shutil.copytree(ROOT / name, target / name)
    for name in ("mkdocs.yml", "HOSTING.md"):
        shutil.copy(ROOT / name, target / name)
    return Layout(target)


@pytest.fixture
def repo_copy(tmp_path) -> Layout:
    return copy_repo(tmp_path / "repo")


@contextlib.contextmanager
def once_per_run(tmp_path_factory, name: str) -> Iterator[tuple[Path, bool]]:
    """A folder made once per test run, shared by every pytest-xdist worker: the first worker to get
    here makes it (the body sees `missing` True) while the others wait on the lock, then all read it.
    Without xdist this is simply a folder of the session. Whatever is made here is read-only to tests."""
    root = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        root = root.parent  # the run's folder, above each worker's own basetemp
    folder, done = root / f"shared-{name}", root / f"shared-{name}.done"
    with open(root / f"shared-{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        missing = not done.exists()
        if missing and folder.exists():
            shutil.rmtree(folder)  # an earlier worker failed half-way
        folder.mkdir(exist_ok=True)
        yield folder, missing
        done.touch()


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory) -> Path:
    with once_per_run(tmp_path_factory, "demo") as (folder, missing):
        if missing:
            build_site(Layout(ROOT), "exempelkommun", folder / "exempelkommun", today=TODAY)
    return folder / "exempelkommun"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def http_base(demo_site) -> str:
    handler = functools.partial(_QuietHandler, directory=str(demo_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def file_base(demo_site) -> str:
    return demo_site.as_uri() + "/"


@pytest.fixture(scope="session")
def playwright():
    """One sync Playwright per test session: a second one in the same process fails."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run scripts/test, which installs Debian's chromium")
    with sync_playwright() as instance:
        yield instance


@pytest.fixture(scope="session")
def browser(playwright):
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


class RecordedPage:
    """A page that records every request it makes and every console error."""

    def __init__(self, context, page=None):
        self.context = context
        self.page = page or context.new_page()
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))


def _site(origin: str) -> str:
    """The site an origin belongs to as far as Chromium partitions storage here: scheme and host."""
    parts = urlsplit(origin)
    return f"{parts.scheme}://{parts.hostname or ''}"


class SharedProfile:
    """One browser profile per worker, and one tab in it, handed to each test's first page and wiped
    after the test.

    A fresh Playwright context costs about 1.5 core-seconds before its first page has loaded, a new tab
    in a warm one about 0.5 more than a page load in a tab that is already open (measured 2026-12-02: each
    new tab starts a renderer process); most of the suite's browser time went there. After every test the
    tab is taken to about:blank (a tab that does not leave is closed), its history is reset and its
    listeners removed, every other page is closed, then every origin the test reached has its cookies,
    storage (local and, with it, the tabs' session storage, IndexedDB, Cache API, service workers, file
    systems) cleared and the HTTP cache is emptied, so the next test starts as a reader's first visit
    does. A test that reached more than one site (a page framed by another site, whose storage Chromium
    partitions under the framing site) gets the profile closed and replaced instead. A tab on which the
    test left anything that outlives a document (LASTING: an init script, a route, an exposed function,
    emulated print media, a key or button held down, a CDP session of its own) is closed, not kept.
    Options a page can set itself (colour scheme, viewport) are set on the page; any other option
    (JavaScript off, say) and every further page of the same test get a context of their own."""

    STORAGE = "cookies,local_storage,indexeddb,cache_storage,service_workers,file_systems,websql,shared_storage,storage_buckets"
    LASTING = ("add_init_script", "route", "route_from_har", "route_web_socket", "expose_function", "expose_binding",
               "set_extra_http_headers", "add_locator_handler", "set_default_timeout", "set_default_navigation_timeout")
    VIEWPORT = {"width": 1280, "height": 720}  # a new context's, as Playwright sets it

    def __init__(self, browser):
        self.browser = browser
        self.context = None
        self.origins: set[str] = set()
        self.tab = None  # kept from test to test while nothing lasting was done in it
        self.tab_in_use = False
        self.lasting: list[str] = []  # what the current test did to the tab that outlives a document
        self.listeners: list[tuple[str, object]] = []

    def page(self, color_scheme: str, viewport: dict | None) -> RecordedPage:
        if self.context is None:
            self.context = self.browser.new_context()
            self.context.on("request", self._seen)
            self.janitor = self.context.new_page()  # stays on about:blank: the CDP session for the wipe
            self._own_cdp_session = self.context.new_cdp_session
            self.context.new_cdp_session = self._cdp_session
        if self.tab is None:
            self.tab = self.context.new_page()
            self._watch(self.tab)
        if self.tab_in_use:
            page = self.context.new_page()  # a second page of the same test: closed by the wipe
        else:
            page, self.tab_in_use = self.tab, True
        page.emulate_media(color_scheme=color_scheme)
        page.set_viewport_size(viewport or self.VIEWPORT)
        return RecordedPage(self.context, page)

    def _seen(self, request) -> None:
        parts = urlsplit(request.url)
        if parts.scheme in ("http", "https"):  # the origin: no user or password a URL may carry
            port = f":{parts.port}" if parts.port else ""
            self.origins.add(f"{parts.scheme}://{parts.hostname}{port}")
        elif parts.scheme == "file":
            self.origins.add("file://")

    def _watch(self, tab) -> None:
        """Note every call on the tab whose effect outlives its document, and every listener added."""
        def noted(name, call):
            @functools.wraps(call)
            def wrapper(*args, **kwargs):
                self.lasting.append(name)
                return call(*args, **kwargs)
            return wrapper

        for name in self.LASTING:
            setattr(tab, name, noted(name, getattr(tab, name)))
        for device, name in ((tab.keyboard, "down"), (tab.mouse, "down")):
            setattr(device, name, noted(f"{type(device).__name__}.{name}", getattr(device, name)))
        emulate_media, on, once = tab.emulate_media, tab.on, tab.once

        def emulate(**kwargs):
            if set(k for k, v in kwargs.items() if v is not None) - {"color_scheme"}:
                self.lasting.append("emulate_media")
            return emulate_media(**kwargs)

        def listen(event, handler, add=on):
            self.listeners.append((event, handler))
            return add(event, handler)

        tab.emulate_media = emulate
        tab.on = listen
        tab.once = functools.partial(listen, add=once)

    def _cdp_session(self, page):
        if page is self.tab:
            self.lasting.append("new_cdp_session")
        return self._own_cdp_session(page)

    def _leave_tab(self) -> None:
        """Take the kept tab to about:blank with nothing of the test attached, or close it."""
        tab, self.tab_in_use = self.tab, False
        if tab is None or tab.is_closed():
            self.tab = None
            return
        for event, handler in self.listeners:
            with contextlib.suppress(KeyError, ValueError):  # a once-listener that ran, or one the test removed
                tab.remove_listener(event, handler)
        self.listeners = []
        left = not self.lasting
        if left:
            try:
                tab.goto("about:blank", timeout=5_000)
                left = tab.url == "about:blank"
            except PlaywrightError:
                left = False
        self.lasting = []
        if not left:
            tab.close()
            self.tab = None

    def wipe(self) -> None:
        if self.context is None:
            return
        self._leave_tab()
        for page in self.context.pages:
            if page is not self.janitor and page is not self.tab:
                page.close()
        origins, self.origins = self.origins, set()
        if len({_site(origin) for origin in origins}) > 1:
            self.close()
            return
        session = self._own_cdp_session(self.janitor)
        for origin in sorted(origins):
            session.send("Storage.clearDataForOrigin", {"origin": origin, "storageTypes": self.STORAGE})
        session.send("Network.clearBrowserCache")
        session.detach()
        if self.tab is not None:  # the kept tab's history: as a new tab's, with only about:blank in it
            session = self._own_cdp_session(self.tab)
            session.send("Page.resetNavigationHistory")
            session.detach()
        self.context.clear_cookies()

    def close(self) -> None:
        if self.context is not None:
            self.context.close()
            self.context = None
            self.tab, self.tab_in_use, self.lasting, self.listeners = None, False, [], []


@pytest.fixture(scope="session")
def shared_profile(browser):
    profile = SharedProfile(browser)
    yield profile
    profile.close()


PAGE_OPTIONS = {"viewport"}  # what a page in the shared profile can set itself (the colour scheme too)


@pytest.fixture
def open_page(browser, shared_profile):
    """open_page(color_scheme=..., **context options): a recorded page. The test's first page is in the
    worker's shared profile (wiped after the test), every other one in a fresh context: no two pages of
    a test share storage, as before."""
    contexts = []
    shared = False

    def _open(color_scheme: str = "light", **kwargs) -> RecordedPage:
        nonlocal shared
        kwargs = {k: v for k, v in kwargs.items() if not (k == "accept_downloads" and v)}  # the default
        if not shared and set(kwargs) <= PAGE_OPTIONS:
            shared = True
            return shared_profile.page(color_scheme, kwargs.get("viewport"))
        context = browser.new_context(color_scheme=color_scheme, **kwargs)
        contexts.append(context)
        return RecordedPage(context)

    yield _open
    for context in contexts:
        context.close()
    if shared:
        shared_profile.wipe()


@pytest.fixture(scope="session")
def scorm_package(tmp_path_factory) -> Path:
    """The demo tenant's SCORM 1.2 package, made once by the command a security officer runs."""
    from stodmaterial.cli import main

    with once_per_run(tmp_path_factory, "lms-dist") as (dist, missing):
        if missing:
            assert main(["--repo", str(ROOT), "--today", TODAY.isoformat(), "lms", "--tenant", "exempelkommun",
                         "--format", "scorm12", "--out", str(dist)]) == 0
    (package,) = dist.glob("exempelkommun-*-scorm12.zip")
    return package


# Every CSS transition and animation ended: Material's header title fades between the site's and the
# page's name when the page scrolls (as when a dialog opens); measured mid-fade its text has a contrast
# no reader sees for long. Accessibility checks measure the state the reader sees.
SETTLED = "() => document.getAnimations().every(a => a.playState !== 'running')"

# The page's main thread is idle: its scripts have run their start-up work, so every request they make
# on load has been issued (and recorded). Not "networkidle": Python's test server has no range requests,
# so a film keeps the network busy.
IDLE = "() => new Promise(done => requestIdleCallback(() => done(), {timeout: 5000}))"


# Scheduling only: scripts/test runs the files on one worker per core (pytest-xdist, one file per worker at a
# time, in collection order), the longest files first so that both stay busy to the end. Measured on
# 2026-12-02 (2 cores): one browser test alone keeps about 1.7 cores busy with Chromium's processes, so
# two workers gain little over one (480 s against 526 s for the whole suite); what makes the suite
# faster is less work per test. Longest first, as measured with --durations=0 that day.
LONGEST_FIRST = (
    "test_site_browser.py", "test_fleet.py", "test_phone_ux.py", "test_interactive_browser.py",
    "test_oracle.py", "test_riskguide_browser.py", "test_nginx_bundle.py", "test_lms_browser.py",
    "test_bundle.py", "test_build.py", "test_hosting_nginx.py", "test_facilitator.py", "test_roles_templates.py",
)
BROWSER_FIXTURES = {"browser", "open_page", "playwright"}


def pytest_collection_modifyitems(config, items):
    for item in items:
        if BROWSER_FIXTURES & set(item.fixturenames):
            item.add_marker(pytest.mark.browser)  # every test that drives Chromium: -m "not browser" skips them
    rank = {name: index for index, name in enumerate(LONGEST_FIRST)}
    items.sort(key=lambda item: rank.get(item.path.name, len(rank)))  # stable: tests keep their order in a file
