"""An unpacked bundle served by real nginx on 127.0.0.1 with the bundle's own configuration, and the same
bundle opened as file://. Checks status codes, headers on pages and assets (nginx's add_header
inheritance trap), media types, and zero Content-Security-Policy violations in Chromium while a reader
searches, switches language and uses the interactive parts."""

from __future__ import annotations

import os
import pwd
import re
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from datetime import datetime, timezone
from pathlib import Path

import pytest
from playwright.sync_api import Error as PlaywrightError

from stodmaterial.bundle import make_bundle
from stodmaterial.bundle.hosting import NGINX_HEADERS, NGINX_LISTEN, NGINX_ROOT, NGINX_SERVER, NGINX_TYPES
from stodmaterial.paths import Layout
from stodmaterial.tenant import load_tenant

from bundle_helpers import ROOT, unpack

SECURITY_HEADERS = ("Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "Permissions-Policy",
                    "X-Frame-Options", "Cross-Origin-Opener-Policy")
WATCH_CSP = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber} ${e.sample}`);
});
"""
POLICY_WORDS = re.compile(r"Content Security Policy|Content-Security-Policy|Permissions-Policy|Refused to", re.I)


def nginx_binary() -> str:
    found = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
    if not found:
        pytest.fail("nginx is missing: run scripts/test, which installs Debian's nginx")
    return found


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def nginx_conf(folder: Path) -> str:
    """A main configuration that runs unprivileged in `folder` and includes the bundle's server."""
    user = f"user {pwd.getpwuid(0).pw_name};\n" if os.geteuid() == 0 else ""
    temp = "".join(f"    {kind}_temp_path {folder}/temp/{kind};\n" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    return (
        f"{user}worker_processes 1;\ndaemon off;\npid {folder}/nginx.pid;\nerror_log {folder}/error.log;\n"
        "events { worker_connections 64; }\n"
        f"http {{\n    access_log {folder}/access.log;\n{temp}    include sites/*.conf;\n}}\n"
    )


@pytest.fixture(scope="module")
def bundle(demo_site, tmp_path_factory) -> Path:
    layout = Layout(ROOT)
    result = make_bundle(layout, load_tenant(layout.tenants, "exempelkommun"), demo_site,
                         tmp_path_factory.mktemp("dist"), built=datetime.now(timezone.utc).replace(microsecond=0))
    folder = unpack(result.zip, tmp_path_factory.mktemp("unpacked") / "bundle")
    # Files the demo may not contain, to check their media types.
    (folder / "site" / "probe.vtt").write_text("WEBVTT\n\n00:00.000 --> 00:01.000\nHej\n")
    (folder / "site" / "probe.webmanifest").write_text("{}")
    return folder


@pytest.fixture(scope="module")
def nginx(bundle, tmp_path_factory):
    """nginx serving bundle/site with the shipped server example and snippets. Yields (base URL, nginx -t output)."""
    folder = tmp_path_factory.mktemp("nginx")
    for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (folder / "temp" / kind).mkdir(parents=True)
    (folder / "snippets").mkdir()
    (folder / "sites").mkdir()
    for name in (NGINX_HEADERS, NGINX_TYPES):
        shutil.copy(bundle / "hosting" / "nginx" / name, folder / "snippets" / name)
    server = (bundle / "hosting" / "nginx" / NGINX_SERVER).read_text()
    assert NGINX_LISTEN in server and NGINX_ROOT in server
    (folder / "nginx.conf").write_text(nginx_conf(folder))
    binary = nginx_binary()
    command = [binary, "-p", str(folder), "-e", str(folder / "error.log"), "-c", str(folder / "nginx.conf")]
    for _attempt in range(3):
        port = free_port()
        (folder / "sites" / "stodmaterial.conf").write_text(
            server.replace(NGINX_LISTEN, f"listen 127.0.0.1:{port};").replace(NGINX_ROOT, f"root {bundle / 'site'};"))
        checked = subprocess.run([*command, "-t"], capture_output=True, text=True, timeout=30)
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and process.poll() is None:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.05)
        if process.poll() is None:
            break
    else:
        pytest.fail(f"nginx did not start: {process.stderr.read().decode()}")
    yield f"http://127.0.0.1:{port}/", checked
    process.terminate()
    process.wait(timeout=10)


def fetch(url: str) -> tuple[int, dict[str, str], bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, dict(response.headers.items()), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers.items()), error.read()


def test_nginx_accepts_the_shipped_configuration(nginx):
    _base, checked = nginx
    assert checked.returncode == 0, checked.stderr
    assert "test is successful" in checked.stderr
    assert "[warn]" not in checked.stderr and "[emerg]" not in checked.stderr


def test_nginx_never_follows_a_symlink_placed_in_the_site(nginx, bundle, tmp_path):
    base, _ = nginx
    secret = tmp_path / "hemlig.txt"
    secret.write_text("HEMLIGT-INNEHALL\n")
    links = {bundle / "site" / "lankad.txt": secret, bundle / "site" / "lankad-mapp": tmp_path}
    try:
        for link, target in links.items():
            link.symlink_to(target)
        for path in ("lankad.txt", "lankad-mapp/hemlig.txt"):
            status, _headers, body = fetch(base + path)
            assert status in (403, 404) and b"HEMLIGT" not in body, (path, status)
        status, _headers, _body = fetch(base + "index.html")
        assert status == 200
    finally:
        for link in links:
            link.unlink()


def test_every_page_is_served_with_every_security_header(nginx, bundle):
    base, _ = nginx
    pages = sorted(p.relative_to(bundle / "site").as_posix() for p in (bundle / "site").rglob("*.html"))
    assert len(pages) >= 20
    policy = None
    for page in pages:
        status, headers, _ = fetch(base + page)
        assert status == 200, page
        assert headers["Content-Type"] == "text/html; charset=utf-8", page
        assert headers["Cache-Control"] == "private, no-cache", page
        for name in SECURITY_HEADERS:
            assert name in headers, (page, name)
        policy = policy or headers["Content-Security-Policy"]
        assert headers["Content-Security-Policy"] == policy
    assert "'unsafe-inline'" not in policy and "frame-ancestors 'none'" in policy
    status, headers, body = fetch(base + "finns-inte.html")
    assert status == 404 and all(name in headers for name in SECURITY_HEADERS)
    assert "Sidan finns inte".encode() in body  # the site's own 404 page, in Swedish


def test_assets_get_the_headers_too_and_the_right_types(nginx, bundle):
    base, _ = nginx
    site = bundle / "site"
    hashed_js = next(p for p in (site / "assets/javascripts").glob("bundle.*.min.js"))
    hashed_css = next(p for p in (site / "assets/stylesheets").glob("main.*.min.css"))
    expected = {
        hashed_js.relative_to(site).as_posix(): ("text/javascript; charset=utf-8", "private, max-age=31536000, immutable"),
        hashed_css.relative_to(site).as_posix(): ("text/css; charset=utf-8", "private, max-age=31536000, immutable"),
        "assets/javascripts/stodmaterial/store.js": ("text/javascript; charset=utf-8", "private, no-cache"),
        "search/search_index.json": ("application/json; charset=utf-8", "private, no-cache"),
        "assets/tenant/logo.svg": ("image/svg+xml; charset=utf-8", "private, no-cache"),
        "probe.vtt": ("text/vtt; charset=utf-8", "private, no-cache"),
        "probe.webmanifest": ("application/manifest+json; charset=utf-8", "private, no-cache"),
    }
    for path, (content_type, cache) in expected.items():
        status, headers, _ = fetch(base + path)
        assert status == 200, path
        assert headers["Content-Type"] == content_type, path
        assert headers["Cache-Control"] == cache, path
        for name in SECURITY_HEADERS:
            assert name in headers, (path, name)


def search(page, query: str) -> None:
    """Type a query key by key, as a reader does (Material reads the field on key-up, not on fill)."""
    field = page.locator("input.md-search__input")
    field.click()
    field.press_sequentially(query, delay=30)


# Types into every text field, ticks every box and presses every button in the page's content, in the
# page itself: the same handlers run as for a reader's input (the scripts do not look at how an event
# came), with no round trip to the test per control. Buttons are looked up again after each press, since
# a press can show new ones; a dialog a button opened (presentation view, confirm) is closed as by Escape.
USE_INTERACTIVE_PARTS = """
async () => {
  const shown = (element) => element.getClientRects().length > 0 && getComputedStyle(element).visibility !== "hidden";
  const settle = () => new Promise((done) => setTimeout(done, 0));
  for (const field of document.querySelectorAll("article textarea:not([readonly]), article input[type=text]:not([readonly])")) {
    if (!shown(field) || field.disabled) continue;
    field.focus();
    field.value = "Min egen anteckning";
    field.dispatchEvent(new InputEvent("input", {bubbles: true, inputType: "insertText", data: field.value}));
    field.dispatchEvent(new Event("change", {bubbles: true}));
  }
  for (const box of document.querySelectorAll("article input[type=checkbox], article input[type=radio]")) {
    if (shown(box) && !box.disabled && !box.checked) box.click();
  }
  await settle();
  for (let index = 0; ; index += 1) {
    const buttons = [...document.querySelectorAll("article button")].filter(shown);
    if (index >= buttons.length) break;
    if (buttons[index].disabled) continue;
    buttons[index].click();
    await settle();
    for (const dialog of document.querySelectorAll("dialog[open]")) {
      if (dialog.requestClose) dialog.requestClose(); else dialog.close();
    }
    await settle();
  }
}
"""


def _use_interactive_parts(page) -> None:
    try:
        page.evaluate(USE_INTERACTIVE_PARTS)
    except PlaywrightError as error:  # a button that leaves the page ends the page's turn, as for a reader
        if "Execution context was destroyed" not in str(error) and "navigat" not in str(error):
            raise
        page.wait_for_load_state("load")


@pytest.mark.browser
def test_no_policy_violations_while_reading_searching_and_using_the_tools(nginx, bundle, browser):
    base, _ = nginx
    context = browser.new_context()
    context.add_init_script(WATCH_CSP)
    # Every request is recorded, not intercepted: a route would hold each request of the walk until
    # Playwright's driver lets it go (measured: twice the walk's CPU time).
    outside: list[str] = []
    context.on("request", lambda request: None if request.url.startswith((base, "data:", "blob:")) else outside.append(request.url))
    page = context.new_page()
    messages: list[str] = []
    page.on("console", lambda m: messages.append(f"{m.type}: {m.text}"))
    page.on("pageerror", lambda e: messages.append(f"pageerror: {e}"))
    violations: list[str] = []
    try:
        for path in sorted(p.relative_to(bundle / "site").as_posix() for p in (bundle / "site").rglob("*.html")):
            page.goto(base + path)
            page.wait_for_load_state("load")
            _use_interactive_parts(page)
            if page.url.startswith(base):
                violations += page.evaluate("window.__cspViolations")

        page.goto(base + "index.html")
        search(page, "stöd")
        page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
        assert page.locator(".md-search-result__item").count() > 0
        violations += page.evaluate("window.__cspViolations")

        page.goto(base + "om.html")
        page.locator(".md-select button").click()
        page.locator('a.md-select__link[hreflang="en"]').click()
        page.wait_for_url(re.compile(r"/en/"))
        assert page.locator("html").get_attribute("lang") == "en"
        violations += page.evaluate("window.__cspViolations")
    finally:
        context.close()
    assert violations == []
    assert outside == []
    assert [m for m in messages if POLICY_WORDS.search(m)] == []


@pytest.mark.browser
def test_unpacked_bundle_works_as_file(bundle, open_page):
    recorded = open_page()
    page = recorded.page
    page.goto((bundle / "site" / "index.html").as_uri())
    search(page, "stöd")
    page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    assert page.locator(".md-search-result__item").count() > 0
    page.locator(".md-search-result__item a").first.click()
    page.wait_for_load_state("load")
    assert page.url.startswith("file://")
    assert all(url.startswith(("file://", "data:", "blob:", "about:")) for url in recorded.requests), recorded.requests
