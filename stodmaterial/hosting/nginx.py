"""The complete nginx configuration of the hosted service, as text.

`stodmaterial.conf` goes in nginx's http context (Debian: a link in /etc/nginx/conf.d/). It holds the
rate-limit zone, a redirect server on http and the TLS server with, in order:

- `/`, `/sida.css`, `/robots.txt`: the neutral start page, open to all, naming no tenant;
- `/_/…`: the error pages, internal only;
- `location /`: every other path asks for a login that no password satisfies, so a path that is no
  tenant answers exactly like a tenant without credentials (401, same page, same headers);
- per open tenant, `/<slug>/` from `<site_root>/<slug>/` behind `<credentials_dir>/<slug>.htpasswd`,
  with that site's own security headers; per locked tenant, the "closed" page behind the same login.

Two nginx traps handled here:
- `add_header` in a block drops every inherited `add_header`: each location includes its header
  snippet itself, next to its own Cache-Control.
- `return` and `rewrite` run before the login check (rewrite phase < access phase): a location behind a
  login never uses them; it ends in `try_files … =code` (after the check), or in a named location.
"""

from __future__ import annotations

from datetime import date

from stodmaterial.bundle.caching import HASHED_ASSET_NGINX, IMMUTABLE, REVALIDATE
from stodmaterial.bundle.headers import Header
from stodmaterial.bundle.media_types import MEDIA_TYPES, TEXT_TYPES
from stodmaterial.hosting.config import HostingConfig
from stodmaterial.hosting.plan import LockedTenant, OpenTenant, Plan

MAIN = "stodmaterial.conf"
SNIPPETS = "snippets"
PUBLIC = "public"
EMPTY = "tom"
NO_LOGIN = "ingen-inloggning.htpasswd"
REALM = "Stodmaterial"
ZONE = "stodmaterial"
ERROR_LOG = "stodmaterial-error.log"
ACCESS_LOG = "stodmaterial-access.log"
# A reader may open this many pages in quick succession (several tabs, fast clicking, colleagues
# behind one office address) without any request being refused.
PAGE_VIEWS_IN_BURST = 10
MISSING = "/.saknas"  # never exists in an empty root: try_files falls through to its =code
# Mozilla's "intermediate" TLS profile (ECDHE only, so no dhparam file is needed).
TLS_CIPHERS = ":".join([
    "ECDHE-ECDSA-AES128-GCM-SHA256", "ECDHE-RSA-AES128-GCM-SHA256", "ECDHE-ECDSA-AES256-GCM-SHA384",
    "ECDHE-RSA-AES256-GCM-SHA384", "ECDHE-ECDSA-CHACHA20-POLY1305", "ECDHE-RSA-CHACHA20-POLY1305",
])


def quoted(value: str) -> str:
    if any(c in value for c in '"\\$\n\r%'):
        raise ValueError(f"value cannot be quoted safely for nginx: {value!r}")
    return f'"{value}"'


def banner(what: str) -> str:
    return (f"# {what}\n"
            "# Skapad av `stodmaterial hosting`. Ändra inte för hand: ändra inställningsfilen och kör kommandot igen.\n")


def headers_snippet(headers: list[Header], what: str) -> str:
    lines = [banner(what), "# Inkluderas i varje location som har egna add_header (nginx ärver dem inte då).\n"]
    lines += [f"add_header {h.name} {quoted(h.value)} always;\n" for h in headers]
    return "".join(lines)


def types_snippet() -> str:
    by_type: dict[str, list[str]] = {}
    for suffix, kind in MEDIA_TYPES.items():
        by_type.setdefault(kind, []).append(suffix.lstrip("."))
    lines = [banner("Filtyper (MIME) för stödmaterialet; ersätter nginx standardtabell i server-blocket."), "types {\n"]
    lines += [f"    {kind:<28} {' '.join(suffixes)};\n" for kind, suffixes in by_type.items()]
    lines.append("}\ndefault_type application/octet-stream;\ncharset utf-8;\n")
    lines.append(f"charset_types {' '.join(sorted(TEXT_TYPES - {'text/html'}))};\n")
    return "".join(lines)


def header_snippet_name(slug: str | None) -> str:
    return f"headers-{slug}.conf" if slug else "headers-neutral.conf"


class _Renderer:
    def __init__(self, config: HostingConfig, plan: Plan):
        self.config = config
        self.plan = plan
        out = config.output
        self.public = out / PUBLIC
        self.empty = out / EMPTY
        self.snippets = out / SNIPPETS
        self.no_login = out / NO_LOGIN
        self.burst = PAGE_VIEWS_IN_BURST * plan.largest_page_view

    def include(self, slug: str | None = None) -> str:
        return f"include {self.snippets / header_snippet_name(slug)};"

    def error_pages(self, not_found: str = "/_/404.html", forbidden: str = "/_/404.html") -> list[str]:
        """Every error_page line: a block with one error_page of its own inherits none."""
        return [
            "error_page 401 /_/401.html;",
            f"error_page 403 {forbidden};",
            f"error_page 404 {not_found};",
            "error_page 429 /_/429.html;",
            "error_page 500 502 503 504 /_/50x.html;",
        ]

    def login(self, user_file: str) -> list[str]:
        return [f"limit_req zone={ZONE} burst={self.burst} nodelay;",
                f"auth_basic {quoted(REALM)};", f"auth_basic_user_file {user_file};"]

    @staticmethod
    def block(head: str, lines: list[str], indent: str = "    ", nested: str = "") -> str:
        body = "".join(f"{indent}    {line}\n" for line in lines)
        return f"{indent}{head} {{\n{body}{nested}{indent}}}\n"

    def neutral(self) -> str:
        revalidate = [self.include(), f'add_header Cache-Control "{REVALIDATE}" always;']
        parts = [
            "    # Startsidan, dess stilmall och robots.txt: öppna för alla, utan lista över organisationer.\n",
            self.block("location = /", [*revalidate, "try_files /index.html =404;"]),
            self.block("location = /sida.css", revalidate),
            self.block("location = /robots.txt", revalidate),
            self.block("location = /favicon.ico", [*revalidate, f"root {self.empty};", f"try_files {MISSING} =404;"]),
            "    # Felsidorna nås bara inifrån nginx.\n",
            self.block("location ^~ /_/", ["internal;", *revalidate]),
            "    # Alla andra sökvägar: en inloggning som inget lösenord klarar. En sökväg som inte är någon\n"
            "    # organisation svarar alltså likadant som en organisation utan rätt inloggning (401).\n",
            self.block("location /", [*self.login(str(self.no_login)), *revalidate, f"root {self.empty};", f"try_files {MISSING} =404;"]),
        ]
        return "".join(parts)

    def user_file(self, slug: str) -> str:
        return str(self.config.credentials / f"{slug}.htpasswd")

    def open_tenant(self, tenant: OpenTenant) -> str:
        slug = tenant.slug
        login = self.login(self.user_file(slug))
        # /<slug> without the slash: redirect only after the login (a named location, reached from
        # try_files' 404, which runs after the check), so it reveals nothing without credentials.
        without_slash = [*login, self.include(), f"root {self.empty};", f"try_files {MISSING} =404;",
                         *[line for line in self.error_pages() if not line.startswith("error_page 404")],
                         f"error_page 404 = @{slug}-snedstreck;"]
        # Material's fingerprinted assets never change; the nested location inherits the login.
        hashed = self.block(f'location ~ "{HASHED_ASSET_NGINX}"',
                            [self.include(slug), f'add_header Cache-Control "{IMMUTABLE}" always;'], "        ")
        # The tenant's live path is the build's release link (publish.py): followed only where the link
        # and its target have one owner, as the build leaves them.
        site = [*login, f"root {self.config.sites};", "disable_symlinks if_not_owner from=$document_root;", self.include(slug), f'add_header Cache-Control "{REVALIDATE}" always;',
                *self.error_pages(not_found=f"/_/404-{slug}.html", forbidden=f"/_/404-{slug}.html")]
        return (f"    # {slug}: öppen, licensen gäller till och med {tenant.until}.\n"
                + self.block(f"location = /{slug}", without_slash)
                + self.block(f"location @{slug}-snedstreck", [self.include(), f"return 301 /{slug}/;"])
                + self.block(f"location ^~ /{slug}/", site, nested=hashed))

    def locked_tenant(self, tenant: LockedTenant) -> str:
        slug = tenant.slug
        lines = [*self.login(self.user_file(slug)), self.include(), f'add_header Cache-Control "{REVALIDATE}" always;',
                 f"root {self.empty};", f"try_files {MISSING} =403;", *self.error_pages(forbidden="/_/stangd.html")]
        return (f"    # {slug}: stängd ({tenant.why}). Efter inloggningen visas sidan om stängd licens.\n"
                + self.block(f"location = /{slug}", lines) + self.block(f"location ^~ /{slug}/", lines))

    def main(self, generated: date) -> str:
        c = self.config
        exempt = "".join(f"    {network} 0;\n" for network in c.rate_limit.exempt)
        logs = c.log_dir
        access = f"access_log {logs}/{ACCESS_LOG} stodmaterial_utan_ip;" if c.access_log else "access_log off;"
        listen_https = "".join(f"    listen {self._address(a)}:{c.https_port} ssl http2;\n" for a in c.listen)
        parts = [
            banner(f"nginx-konfiguration för stödmaterialet som värdad tjänst ({c.server_name}), skapad {generated}."),
            "# Inkluderas i http-blocket, t.ex. som /etc/nginx/conf.d/stodmaterial.conf. Se DRIFT.md.\n\n",
            "# Begränsning per IP-adress, anpassad efter den största sidvisningen: en läsare får aldrig 429.\n",
            f"# En sidvisning är upp till {self.plan.largest_page_view} förfrågningar; burst räcker till {PAGE_VIEWS_IN_BURST} sidvisningar i följd.\n",
            f"geo $stodmaterial_begransad {{\n    default 1;\n{exempt}}}\n",
            "map $stodmaterial_begransad $stodmaterial_nyckel {\n    0 \"\";\n    1 $binary_remote_addr;\n}\n",
            f"limit_req_zone $stodmaterial_nyckel zone={ZONE}:10m rate={c.rate_limit.requests_per_second}r/s;\n",
            "# Åtkomstloggen (om den är på) sparar inte läsarens IP-adress, webbläsare eller frågesträng.\n",
            "log_format stodmaterial_utan_ip '$time_iso8601 $status \"$request_method $uri\" $body_bytes_sent $request_time';\n\n",
        ]
        if c.http_port is not None:
            listen_http = "".join(f"    listen {self._address(a)}:{c.http_port};\n" for a in c.listen)
            acme = ""
            if c.acme_webroot:
                acme = self.block("location ^~ /.well-known/acme-challenge/", [f"root {c.acme_webroot};", "default_type text/plain;"])
            parts.append(
                "# http: allt skickas vidare till https (utom certifikatförnyelse med ACME, om den är på).\n"
                f"server {{\n{listen_http}    server_name {c.server_name};\n    server_tokens off;\n"
                f"    error_log {logs}/{ERROR_LOG} error;\n    {access}\n{acme}"
                f"    location / {{\n        return 301 {c.https_origin}$request_uri;\n    }}\n}}\n\n"
            )
        parts.append(
            f"server {{\n{listen_https}    server_name {c.server_name};\n    server_tokens off;\n"
            f"    ssl_certificate {c.tls_certificate};\n    ssl_certificate_key {c.tls_certificate_key};\n"
            "    ssl_protocols TLSv1.2 TLSv1.3;\n"
            f"    ssl_ciphers {TLS_CIPHERS};\n"
            "    ssl_prefer_server_ciphers off;\n"
            "    ssl_session_cache shared:stodmaterial_tls:10m;\n    ssl_session_timeout 1d;\n    ssl_session_tickets off;\n"
            f"    error_log {logs}/{ERROR_LOG} error;\n    {access}\n"
            f"    include {self.snippets / 'types.conf'};\n"
            f"    root {self.public};\n    index index.html;\n    autoindex off;\n    absolute_redirect off;\n"
            "    disable_symlinks on from=$document_root;\n"
            "    limit_req_status 429;\n    limit_req_log_level error;\n"
            f"    {self.include()}\n"
            + "".join(f"    {line}\n" for line in self.error_pages()) + "\n"
            + self.neutral()
        )
        for tenant in self.plan.open:
            parts.append("\n" + self.open_tenant(tenant))
        for tenant in self.plan.locked:
            parts.append("\n" + self.locked_tenant(tenant))
        parts.append("}\n")
        return "".join(parts)

    @staticmethod
    def _address(address: str) -> str:
        return f"[{address}]" if ":" in address else address


def render_files(config: HostingConfig, plan: Plan, neutral_headers: list[Header], generated: date) -> dict[str, str]:
    """Configuration files, relative to output_dir → text."""
    renderer = _Renderer(config, plan)
    files = {
        MAIN: renderer.main(generated),
        f"{SNIPPETS}/types.conf": types_snippet(),
        f"{SNIPPETS}/{header_snippet_name(None)}": headers_snippet(neutral_headers, "Säkerhetshuvuden för startsidan och felsidorna."),
        NO_LOGIN: "# Ingen användare: varje inloggning mot den här filen misslyckas (svaret blir 401).\n",
    }
    for tenant in plan.open:
        files[f"{SNIPPETS}/{header_snippet_name(tenant.slug)}"] = headers_snippet(
            tenant.headers, f"Säkerhetshuvuden för {tenant.slug}, med CSP-hashar från just den webbplatsen.")
    return files
