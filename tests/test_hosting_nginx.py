"""The hosted service on real nginx (127.0.0.1, TLS with a throwaway certificate): every tenant behind its
own login, a neutral start page, locked and left-out tenants, path tricks, rotate/revoke, rate limit,
the fail2ban filter from DRIFT.md, and proof that no password or hash reaches a site, bundle or commit.

One fleet build per module: the demo tenant and synthetic tenants in a throwaway copy of the repo.
Tests run in file order: the ones that change logins (rotate, revoke) come last.
"""

from __future__ import annotations

import configparser
import re
import shutil
import socket
import ssl
import stat
import subprocess
import zipfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import pytest
import yaml

from stodmaterial.bundle import make_bundle
from stodmaterial.bundle.csp import scan_site
from stodmaterial.bundle.headers import content_security_policy
from stodmaterial.fleet import build_fleet
from stodmaterial.fleet.synthetic import write_synthetic_tenants
from stodmaterial.hosting.page_view import largest_page_view, page_view, pages
from stodmaterial.paths import Layout
from stodmaterial.tenant import load_tenant

from conftest import CHROMIUM, CHROMIUM_ARGS, ROOT, TODAY, copy_repo
from hosting_helpers import Client, Nginx, basic, cli, free_port, password_from, self_signed_certificate

OPEN = ["exempelkommun", "synt-kommun-001", "synt-region-001"]
LOCKED = "synt-kommun-002"      # licence ended before TODAY
NO_LOGIN = "synt-kommun-003"    # built, but no login was ever created
SECURITY_HEADERS = ("content-security-policy", "x-content-type-options", "referrer-policy", "permissions-policy",
                    "x-frame-options", "cross-origin-opener-policy", "strict-transport-security")
BUNDLE_FILES = ("manifest.json", "SHA256SUMS", "SHA256SUMS.sig", "hosting/HOSTING.md", "hosting/nginx/stodmaterial-server.conf",
                "site/index.html", "exempelkommun-okand.zip")
# Sent from other loopback addresses: 127.0.0.1 is exempt from the rate limit in this configuration, so
# the many requests of the other tests are never limited; these two addresses get the real limit.
READER_ADDRESS, FLOOD_ADDRESS = "127.0.0.2", "127.0.0.3"


@dataclass
class Hosted:
    layout: object
    config: Path
    sites: Path
    output: Path
    credentials: Path
    logs: Path
    nginx: Nginx
    https_port: int
    http_port: int
    passwords: dict[str, str]
    names: dict[str, str]
    checked: subprocess.CompletedProcess
    every_password: list[str] = field(default_factory=list)
    every_hash: list[str] = field(default_factory=list)

    def client(self, source: str = "127.0.0.1") -> Client:
        return Client(self.https_port, source)

    def auth(self, slug: str) -> tuple[str, str]:
        return slug, self.passwords[slug]

    def remember_hashes(self) -> None:
        for path in self.credentials.glob("*.htpasswd"):
            for line in path.read_text().splitlines():
                if line and not line.startswith("#"):
                    self.every_hash.append(line.split(":", 1)[1])

    def hosting(self) -> tuple[int, str, str]:
        return cli("--repo", str(self.layout.root), "--today", TODAY.isoformat(), "hosting", "--config", str(self.config))

    def login(self, action: str, slug: str) -> tuple[int, str, str]:
        return cli("--repo", str(self.layout.root), "login", action, slug, "--config", str(self.config))


def _expire(layout, slug: str) -> None:
    path = layout.tenants / slug / "tenant.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["licence"] = {"valid_from": "2025-01-01", "valid_until": "2026-06-30"}
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


@pytest.fixture(scope="module")
def hosted(tmp_path_factory):
    root = tmp_path_factory.mktemp("hosting")
    layout = copy_repo(root / "repo")
    write_synthetic_tenants(layout.tenants, kommuner=3, regioner=1)
    _expire(layout, LOCKED)
    sites = root / "srv" / "webbplatser"
    mp = pytest.MonkeyPatch()
    mp.setenv("SOURCE_DATE_EPOCH", "1763769600")
    result = build_fleet(layout, out_root=sites, today=TODAY)
    mp.undo()
    assert set(result.built) == {*OPEN, NO_LOGIN}, result.failed
    assert set(result.failed) == {LOCKED}

    etc = root / "etc"
    cert, key = self_signed_certificate(etc / "tls")
    https_port, http_port = free_port(), free_port()
    config = etc / "hosting.yml"
    config.write_text(yaml.safe_dump({
        "server_name": "stodmaterial.test",
        "listen": ["127.0.0.1"],
        "https_port": https_port,
        "http_port": http_port,
        "tls_certificate": str(cert),
        "tls_certificate_key": str(key),
        "site_root": str(sites),
        "credentials_dir": str(etc / "inloggning"),
        "credentials_group": None,
        "output_dir": str(etc / "nginx"),
        "log_dir": str(root / "log"),
        # A low rate, so the flood test needs few requests; the burst still holds ten page views.
        "rate_limit": {"requests_per_second": 5, "exempt": ["127.0.0.1/32"]},
    }))
    (root / "log").mkdir()
    passwords = {}
    for slug in [*OPEN, LOCKED]:
        code, out, err = cli("--repo", str(layout.root), "login", "create", slug, "--config", str(config))
        assert code == 0, err
        passwords[slug] = password_from(out)
    names = {slug: load_tenant(layout.tenants, slug).name for slug in [*OPEN, LOCKED, NO_LOGIN]}

    nginx = Nginx(root / "nginx", etc / "nginx" / "stodmaterial.conf")
    hosted = Hosted(layout, config, sites, etc / "nginx", etc / "inloggning", root / "log", nginx, https_port, http_port,
                    passwords, names, checked=None, every_password=list(passwords.values()))
    code, out, err = hosted.hosting()
    assert code == 0, out + err
    hosted.checked = nginx.test()
    hosted.remember_hashes()
    nginx.start(https_port)
    yield hosted
    nginx.stop()


def same_answer(a, b) -> bool:
    """Status, body and every header but Date are equal: nothing tells the two paths apart."""
    strip = lambda r: (r.status, r.body, {k: v for k, v in r.headers.items() if k != "date"})  # noqa: E731
    return strip(a) == strip(b)


def site_files(hosted, slug) -> list[str]:
    site = hosted.sites / slug
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())


# --- the configuration and the neutral pages --------------------------------------------------------

def test_nginx_accepts_the_generated_configuration(hosted):
    assert hosted.checked.returncode == 0, hosted.checked.stderr
    assert "test is successful" in hosted.checked.stderr
    assert "[warn]" not in hosted.checked.stderr and "[emerg]" not in hosted.checked.stderr


def test_start_page_is_open_and_names_no_tenant(hosted):
    client = hosted.client()
    for path in ("/", "/sida.css", "/robots.txt"):
        response = client.get(path)
        assert response.status == 200, path
        assert all(name in response.headers for name in SECURITY_HEADERS), path
        text = response.body.decode("utf-8").lower()
        for slug, name in hosted.names.items():
            assert slug not in text and name.lower() not in text, (path, slug)
    start = client.get("/")
    assert start.headers["strict-transport-security"].startswith("max-age=")
    assert '<html lang="sv">' in start.body.decode() and 'lang="en"' in start.body.decode()
    assert client.get("/robots.txt").body == b"User-agent: *\nDisallow: /\n"


def test_http_redirects_to_https_without_revealing_anything(hosted):
    plain = Client(hosted.http_port, tls=False)
    for path in ("/", "/exempelkommun/", "/finns-inte/"):
        response = plain.get(path)
        assert response.status == 301
        assert response.headers["location"] == f"https://stodmaterial.test:{hosted.https_port}{path}"


# --- without credentials ----------------------------------------------------------------------------

def test_without_credentials_every_tenant_path_is_refused(hosted):
    client = hosted.client()
    reference = client.get("/exempelkommun/")
    assert reference.status == 401
    assert reference.headers["www-authenticate"] == 'Basic realm="Stodmaterial"'
    assert all(name in reference.headers for name in SECURITY_HEADERS)
    for slug in OPEN:
        paths = [f"/{slug}", f"/{slug}/", *(f"/{slug}/{p}" for p in site_files(hosted, slug)),
                 *(f"/{slug}/{p}" for p in BUNDLE_FILES)]
        assert f"/{slug}/search/search_index.json" in paths
        for path in paths:
            response = client.get(path)
            assert response.status == 401, path
            assert same_answer(response, reference), path
            assert hosted.names[slug].encode() not in response.body


def test_unknown_locked_and_left_out_tenants_answer_exactly_like_a_tenant_without_credentials(hosted):
    client = hosted.client()
    reference = client.get("/exempelkommun/")
    for path in ("/finns-inte/", "/finns-inte", "/Exempelkommun/", "/EXEMPELKOMMUN/om.html", "/exempelkommun./",
                 "/exempelkommun%20/", f"/{LOCKED}/", f"/{LOCKED}", f"/{NO_LOGIN}/", f"/{NO_LOGIN}/index.html",
                 "/credentials/exempelkommun.htpasswd", "/exempelkommun.htpasswd", "/index.html", "/en/"):
        assert same_answer(client.get(path), reference), path


def test_error_pages_are_not_reachable_from_outside(hosted):
    client = hosted.client()
    for path in ("/_/401.html", "/_/stangd.html", "/_/404-exempelkommun.html", "/_/404-finns-inte.html"):
        response = client.get(path)
        assert response.status == 404, path
        assert b"Sidan finns inte" in response.body


# --- with credentials -------------------------------------------------------------------------------

def test_right_credentials_open_every_page_with_the_sites_own_headers(hosted):
    client = hosted.client()
    for slug in OPEN:
        site = hosted.sites / slug
        policy = content_security_policy(scan_site(site))
        for page in pages(site):
            response = client.get(f"/{slug}/{page}", hosted.auth(slug))
            assert response.status == 200, (slug, page)
            assert response.headers["content-type"] == "text/html; charset=utf-8"
            assert response.headers["content-security-policy"] == policy, (slug, page)
            assert response.headers["cache-control"] == "private, no-cache"
            assert all(name in response.headers for name in SECURITY_HEADERS), (slug, page)
            assert response.body == (site / page).read_bytes()
        for path in page_view(site, "index.html")[1:]:
            response = client.get(f"/{slug}/{path}", hosted.auth(slug))
            assert response.status == 200, (slug, path)
            assert response.headers["content-security-policy"] == policy, (slug, path)
        hashed = next(p for p in page_view(site, "index.html") if re.search(r"\.[0-9a-f]{8}\.min\.js$", p))
        response = client.get(f"/{slug}/{hashed}", hosted.auth(slug))
        assert response.headers["cache-control"] == "private, max-age=31536000, immutable"
        assert response.headers["content-security-policy"] == policy


def test_tenants_get_different_policies_when_their_sites_differ(hosted):
    policies = {content_security_policy(scan_site(hosted.sites / slug)) for slug in OPEN}
    served = {hosted.client().get(f"/{slug}/index.html", hosted.auth(slug)).headers["content-security-policy"] for slug in OPEN}
    assert served == policies


def test_folder_without_slash_redirects_only_after_the_login(hosted):
    client = hosted.client()
    response = client.get("/exempelkommun", hosted.auth("exempelkommun"))
    assert response.status == 301 and response.headers["location"] == "/exempelkommun/"
    response = client.get("/exempelkommun/en", hosted.auth("exempelkommun"))
    assert response.status == 301 and response.headers["location"] == "/exempelkommun/en/"
    assert client.get("/exempelkommun/en/", hosted.auth("exempelkommun")).status == 200


def test_a_missing_page_gets_a_404_that_leads_back_to_the_tenants_start(hosted):
    response = hosted.client().get("/exempelkommun/finns-inte.html", hosted.auth("exempelkommun"))
    assert response.status == 404
    assert b'href="/exempelkommun/index.html"' in response.body
    assert all(name in response.headers for name in SECURITY_HEADERS)


def test_one_tenants_credentials_never_open_another(hosted):
    client = hosted.client()
    reference = client.get("/exempelkommun/")
    for owner in [*OPEN, LOCKED]:
        for other in OPEN:
            if other == owner:
                continue
            for path in [f"/{other}/", f"/{other}", *(f"/{other}/{p}" for p in site_files(hosted, other)[::7])]:
                response = client.get(path, hosted.auth(owner))
                assert response.status == 401, (owner, path)
                assert same_answer(response, reference), (owner, path)
    # A tenant's own user name with another tenant's password is refused too.
    response = client.get("/exempelkommun/", ("exempelkommun", hosted.passwords["synt-kommun-001"]))
    assert response.status == 401


def test_an_expired_licence_shows_the_friendly_locked_page_after_the_login(hosted):
    client = hosted.client()
    for path in (f"/{LOCKED}/", f"/{LOCKED}", f"/{LOCKED}/index.html", f"/{LOCKED}/search/search_index.json"):
        response = client.get(path, hosted.auth(LOCKED))
        assert response.status == 403, path
        text = response.body.decode("utf-8")
        assert "Stödmaterialet är stängt just nu" in text and "licens" in text
        assert '<section lang="en">' in text
        for slug, name in hosted.names.items():
            assert slug not in text and name not in text
        assert all(name in response.headers for name in SECURITY_HEADERS)
    assert client.get(f"/{LOCKED}/", ("x", "y")).status == 401


PATH_TRICKS = [
    "/exempelkommun/../synt-kommun-001/index.html",
    "/exempelkommun/%2e%2e/synt-kommun-001/index.html",
    "/exempelkommun/%2E%2E/synt-kommun-001/index.html",
    "/exempelkommun/..%2fsynt-kommun-001%2findex.html",
    "/exempelkommun/..%2Fsynt-kommun-001%2Findex.html",
    "/exempelkommun%2f..%2fsynt-kommun-001/index.html",
    "/exempelkommun/.%2e/synt-kommun-001/index.html",
    "/exempelkommun//../synt-kommun-001/index.html",
    "//synt-kommun-001/index.html",
    "/exempelkommun/om.html/../../synt-kommun-001/index.html",
    "/exempelkommun/%252e%252e/synt-kommun-001/index.html",
    "/exempelkommun/..\\synt-kommun-001\\index.html",
    "/exempelkommun/%5c..%5csynt-kommun-001%5cindex.html",
    "/exempelkommun/../../inloggning/synt-kommun-001.htpasswd",
    "/exempelkommun/%2e%2e/%2e%2e/inloggning/exempelkommun.htpasswd",
    "/exempelkommun/..%2f..%2finloggning%2fexempelkommun.htpasswd",
    "/exempelkommun/../../../etc/inloggning/exempelkommun.htpasswd",
    "/exempelkommun/../../etc/inloggning/exempelkommun.htpasswd",
    "/exempelkommun/%00../synt-kommun-001/index.html",
    "/Synt-kommun-001/index.html",
    "/synt-kommun-001./index.html",
    "/synt-kommun-001%2e/index.html",
    "/SYNT-KOMMUN-001/index.html",
    "/exempelkommun/.htpasswd",
    "/exempelkommun/../../etc/nginx/stodmaterial.conf",
]


def test_path_tricks_never_reach_another_tenants_files_or_a_credentials_file(hosted):
    client = hosted.client()
    other_name = hosted.names["synt-kommun-001"].encode()
    other_index = (hosted.sites / "synt-kommun-001" / "index.html").read_bytes()
    secrets = [h.encode() for h in hosted.every_hash] + [b"{SSHA}", b"auth_basic_user_file"]
    for path in PATH_TRICKS:
        response = client.get(path, hosted.auth("exempelkommun"))
        assert response.status in (400, 401, 404), (path, response.status)
        assert other_name not in response.body and response.body != other_index, path
        assert not any(secret in response.body for secret in secrets), path


def test_a_reader_is_never_rate_limited_during_normal_page_views(hosted):
    """Whole page views from an address with the real limit: each page with all its assets fetched
    in parallel (six connections, like a browser), ten pages in a row without a pause."""
    site = hosted.sites / "exempelkommun"
    views = [page_view(site, page) for page in pages(site)[:10]]
    assert max(len(v) for v in views) <= largest_page_view(site)
    clients = [hosted.client(READER_ADDRESS) for _ in range(6)]
    statuses = []
    with ThreadPoolExecutor(max_workers=6) as pool:
        for view in views:
            chunks = [view[i::6] for i in range(6)]
            for result in pool.map(lambda pair: [pair[0].get(f"/exempelkommun/{p}", hosted.auth("exempelkommun")).status for p in pair[1]],
                                   zip(clients, chunks)):
                statuses += result
    assert 429 not in statuses
    assert set(statuses) == {200}


# --- fail2ban ---------------------------------------------------------------------------------------

def fail2ban_filter() -> configparser.ConfigParser:
    guide = (ROOT / "DRIFT.md").read_text(encoding="utf-8")
    block = re.search(r"```ini\n(# /etc/fail2ban/filter\.d/stodmaterial\.conf\n.*?)```", guide, re.DOTALL)
    assert block, "DRIFT.md must show the fail2ban filter"
    parser = configparser.ConfigParser(interpolation=None)
    parser.read_string(block.group(1))
    return parser


def failregexes() -> list[re.Pattern]:
    raw = [line.strip() for line in fail2ban_filter()["Definition"]["failregex"].splitlines() if line.strip()]
    # fail2ban's <HOST> matches an IPv4 or IPv6 address; the date is cut off before failregex is tried.
    return [re.compile(r.replace("<HOST>", r"(?P<host>[0-9A-Fa-f.:]+)")) for r in raw]


def banned_hosts(lines: list[str]) -> list[str]:
    hosts = []
    for line in lines:
        rest = re.sub(r"^\d{4}/\d\d/\d\d \d\d:\d\d:\d\d", "", line)
        for pattern in failregexes():
            found = pattern.search(rest)
            if found:
                hosts.append(found.group("host"))
                break
    return hosts


def test_fail2ban_filter_matches_failed_logins_in_the_real_error_log(hosted):
    client = hosted.client()
    log = hosted.logs / "stodmaterial-error.log"
    before = log.read_text().splitlines() if log.exists() else []
    client.get("/exempelkommun/", ("exempelkommun", "fel-losenord"))         # password mismatch
    client.get("/exempelkommun/", ("inte-en-anvandare", "x"))               # user not found
    client.get("/finns-inte/", ("exempelkommun", hosted.passwords["exempelkommun"]))  # unknown path
    client.get("/exempelkommun/")                                             # no credentials: not a failure
    client.get("/exempelkommun/", hosted.auth("exempelkommun"))               # success: not a failure
    http10_without_host(hosted.https_port, ("exempelkommun", "fel-igen"))    # HTTP/1.0, no Host: still a failure
    # A user name crafted to look like another client in the log line must never get that client banned.
    client.get("/exempelkommun/", ('x": password mismatch, client: 203.0.113.9, server: s, request: "GET / HTTP/1.1", host: "h', "y"))
    new = log.read_text().splitlines()[len(before):]
    assert any("password mismatch" in line for line in new) and any("was not found" in line for line in new)
    assert any("HTTP/1.0" in line and "host:" not in line for line in new), new
    hosts = banned_hosts(new)
    assert hosts.count("127.0.0.1") == 4, new
    assert "203.0.113.9" not in hosts
    assert banned_hosts(["2026/11/22 10:00:00 [error] 1#1: *1 open() \"/x\" failed (2: No such file or directory), client: 127.0.0.1, server: s, request: \"GET /x HTTP/1.1\", host: \"h\""]) == []
    jail = (ROOT / "DRIFT.md").read_text(encoding="utf-8")
    assert "logpath  = /var/log/nginx/stodmaterial-error.log" in jail and "filter   = stodmaterial" in jail
    # The real fail2ban (Debian's, installed by scripts/test) must agree, line for line.
    regex = shutil.which("fail2ban-regex")
    assert regex, "fail2ban-regex is missing: run scripts/test, which installs Debian's fail2ban"
    lines = hosted.logs / "failures.log"
    lines.write_text("\n".join(new) + "\n")
    filter_file = hosted.logs / "stodmaterial.conf"
    with filter_file.open("w") as handle:
        fail2ban_filter().write(handle)
    done = subprocess.run([regex, str(lines), str(filter_file)], capture_output=True, text=True, timeout=60)
    assert re.search(r"Failregex: 4 total", done.stdout), done.stdout


def http10_without_host(port: int, auth: tuple[str, str]) -> None:
    """One request as an old client sends it: HTTP/1.0 and no Host header (and no SNI)."""
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    with socket.create_connection(("127.0.0.1", port), timeout=30) as raw, context.wrap_socket(raw) as tls:
        tls.sendall(f"GET /exempelkommun/ HTTP/1.0\r\nAuthorization: {basic(*auth)}\r\n\r\n".encode())
        while tls.recv(65536):
            pass


# --- credentials never leak -------------------------------------------------------------------------

def test_credential_files_hold_only_a_hash_with_tight_permissions(hosted):
    folder = hosted.credentials
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    for slug in [*OPEN, LOCKED]:
        path = folder / f"{slug}.htpasswd"
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        text = path.read_text()
        assert hosted.passwords[slug] not in text
        assert re.search(rf"^{slug}:\{{SSHA\}}[A-Za-z0-9+/=]+$", text, re.MULTILINE)
    assert not (folder / f"{NO_LOGIN}.htpasswd").exists()
    assert not folder.is_relative_to(hosted.sites) and not folder.is_relative_to(hosted.output)


def test_no_password_or_hash_reaches_a_site_a_bundle_or_git(hosted, tmp_path):
    bundle = make_bundle(Layout(ROOT), load_tenant(hosted.layout.tenants, "exempelkommun"), hosted.sites / "exempelkommun",
                         tmp_path / "dist", built=datetime(2026, 11, 22, 9, 15, tzinfo=timezone.utc))
    blobs: dict[str, bytes] = {}
    for folder in (hosted.sites, hosted.output):
        for path in folder.rglob("*"):
            if path.is_file():
                blobs[str(path)] = path.read_bytes()
                assert path.suffix != ".htpasswd" or path.name == "ingen-inloggning.htpasswd", path
    with zipfile.ZipFile(bundle.zip) as archive:
        for name in archive.namelist():
            blobs[f"{bundle.zip}:{name}"] = archive.read(name)
            assert not name.endswith(".htpasswd") and "inloggning/" not in name, name
    needles = [p.encode() for p in hosted.every_password] + [h.encode() for h in hosted.every_hash]
    needles += [h.removeprefix("{SSHA}").encode() for h in hosted.every_hash] + [b"{SSHA}"]
    for where, data in blobs.items():
        for needle in needles:
            assert needle not in data, (where, needle[:12])
    tracked = subprocess.run(["git", "--no-optional-locks", "-C", str(ROOT), "ls-files"], capture_output=True, text=True, check=True).stdout.splitlines()
    assert not [p for p in tracked if p.endswith(".htpasswd") or p.startswith("credentials/")]
    for path in ("credentials/exempelkommun.htpasswd", "exempelkommun.htpasswd", "any/folder/x.htpasswd"):
        ignored = subprocess.run(["git", "--no-optional-locks", "-C", str(ROOT), "check-ignore", "-q", "--no-index", path])
        assert ignored.returncode == 0, f"{path} is not ignored by git"


# --- browser ----------------------------------------------------------------------------------------

WATCH_CSP = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
"""


@pytest.mark.browser
def test_in_a_browser_a_page_view_fits_the_limit_and_breaks_no_policy(hosted, playwright):
    from axe_source import AXE, WCAG_RULES

    base = f"https://127.0.0.1:{hosted.https_port}"
    site = hosted.sites / "exempelkommun"
    # Its own browser: the test's host name maps to 127.0.0.1.
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=[*CHROMIUM_ARGS, "--host-resolver-rules=MAP stodmaterial.test 127.0.0.1"])
    try:
        context = browser.new_context(ignore_https_errors=True, http_credentials={
            "username": "exempelkommun", "password": hosted.passwords["exempelkommun"], "origin": base, "send": "always"})
        context.add_init_script(WATCH_CSP)
        page = context.new_page()
        seen: list[tuple[int, str]] = []
        page.on("response", lambda r: seen.append((r.status, r.url)))
        for path in ("index.html", "om.html", "en/index.html"):
            seen.clear()
            page.goto(f"{base}/exempelkommun/{path}")
            page.wait_for_load_state("networkidle")
            assert page.evaluate("window.__cspViolations") == [], path
            assert all(status < 400 for status, _ in seen), seen
            fetched = {url.removeprefix(f"{base}/exempelkommun/").split("?")[0] for _, url in seen if url.startswith(base)}
            assert fetched <= set(page_view(site, path)), fetched - set(page_view(site, path))
        page.locator("input.md-search__input").click()
        page.locator("input.md-search__input").press_sequentially("stöd", delay=30)
        page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
        assert page.evaluate("window.__cspViolations") == []
        context.close()

        # The neutral start page and the locked page meet WCAG 2.1 AA, in light and dark.
        for scheme in ("light", "dark"):
            context = browser.new_context(ignore_https_errors=True, color_scheme=scheme, http_credentials={
                "username": LOCKED, "password": hosted.passwords[LOCKED], "origin": base, "send": "always"})
            page = context.new_page()
            for path in ("/", f"/{LOCKED}/"):
                page.goto(base + path)
                result = AXE.run(page, options=WCAG_RULES)
                assert result.response["violations"] == [], (scheme, path, result.response["violations"])
            context.close()
    finally:
        browser.close()


# --- changing logins (last: they change the state the tests above rely on) -------------------------

def test_rotate_then_reload_the_old_password_fails_and_the_new_one_works(hosted):
    client = hosted.client()
    old = hosted.passwords["synt-kommun-001"]
    code, out, err = hosted.login("rotate", "synt-kommun-001")
    assert code == 0, err
    new = password_from(out)
    assert new != old and old not in out
    hosted.passwords["synt-kommun-001"] = new
    hosted.every_password.append(new)
    hosted.remember_hashes()
    hosted.nginx.reload()
    assert client.get("/synt-kommun-001/index.html", ("synt-kommun-001", old)).status == 401
    assert client.get("/synt-kommun-001/index.html", ("synt-kommun-001", new)).status == 200
    assert client.get("/exempelkommun/index.html", hosted.auth("exempelkommun")).status == 200


def test_revoke_locks_everyone_out_and_then_the_tenant_looks_like_no_tenant(hosted):
    client = hosted.client()
    slug = "synt-region-001"
    code, out, err = hosted.login("revoke", slug)
    assert code == 0, err
    for path in (f"/{slug}/", f"/{slug}/index.html", f"/{slug}/search/search_index.json"):
        assert client.get(path, hosted.auth(slug)).status == 401, path
    assert hosted.login("rotate", slug)[0] == 1  # nothing to rotate once revoked
    code, out, err = hosted.hosting()
    assert code == 0, err
    assert f"Utan inloggning (2): {NO_LOGIN}, {slug}" in out
    assert hosted.nginx.test().returncode == 0
    hosted.nginx.reload()
    reference = client.get("/finns-inte/")
    for path in (f"/{slug}/", f"/{slug}/index.html"):
        assert same_answer(client.get(path, hosted.auth(slug)), reference), path
    assert f"/{slug}/" not in (hosted.output / "stodmaterial.conf").read_text()
    assert client.get("/exempelkommun/index.html", hosted.auth("exempelkommun")).status == 200


def test_a_flood_from_one_address_is_limited(hosted):
    """The limit exists: far more requests than any page view, as fast as one connection can send."""
    client = hosted.client(FLOOD_ADDRESS)
    statuses = []
    while len(statuses) < 3000 and 429 not in statuses:
        statuses.append(client.get("/exempelkommun/index.html", hosted.auth("exempelkommun"), method="HEAD").status)
    assert statuses[0] == 200
    assert 429 in statuses
    response = client.get("/exempelkommun/index.html", hosted.auth("exempelkommun"))
    assert response.status == 429 and "Vänta en minut".encode() in response.body
