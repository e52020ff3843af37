"""Hosting recipes for one built site, rendered from one header set and one media-type table:
an nginx header snippet, types snippet and server example, an Apache `.htaccess` and an IIS `web.config`.

nginx's trap: a block with its own `add_header` drops every `add_header` it would inherit. So every
header lives in one snippet, and every location that adds a header (Cache-Control) includes it again.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from stodmaterial.bundle.caching import (
    HASHED_ASSET, HASHED_ASSET_APACHE, HASHED_ASSET_NGINX, IMMUTABLE, REVALIDATE,
)
from stodmaterial.bundle.headers import Header
from stodmaterial.bundle.media_types import MEDIA_TYPES, TEXT_TYPES

NGINX_HEADERS = "stodmaterial-headers.conf"
NGINX_TYPES = "stodmaterial-types.conf"
NGINX_SERVER = "stodmaterial-server.conf"
# Placeholders in the server example that the host replaces (and the tests rewrite).
NGINX_LISTEN = "listen 80;"
NGINX_ROOT = "root /srv/stodmaterial/site;"
# What the Apache server configuration must allow for the shipped .htaccess (HOSTING.md says the same).
APACHE_ALLOW_OVERRIDE = "AllowOverride FileInfo Indexes Options=Indexes,FollowSymLinks,SymLinksIfOwnerMatch"


def _quoted(value: str) -> str:
    """A header value inside double quotes in nginx or Apache configuration."""
    if any(c in value for c in '"\\$\n\r%'):
        raise ValueError(f"header value cannot be quoted safely: {value!r}")
    return f'"{value}"'


def _banner(comment: str, what: str, label: str) -> str:
    return f"{comment} {what}\n{comment} Skapad av stodmaterial för {label}. Ändra inte för hand: bygg om paketet.\n"


def nginx_headers(headers: list[Header], label: str) -> str:
    lines = [_banner("#", "Alla säkerhetshuvuden för stödmaterialet, på ett ställe.", label)]
    lines.append("# Inkludera filen i server-blocket OCH i varje location som har egna add_header:\n"
                 "# nginx tappar alla ärvda add_header i ett block som har en egen.\n")
    for header in headers:
        lines.append(f"add_header {header.name} {_quoted(header.value)} always;\n")
    return "".join(lines)


def nginx_types(label: str) -> str:
    by_type: dict[str, list[str]] = {}
    for suffix, kind in MEDIA_TYPES.items():
        by_type.setdefault(kind, []).append(suffix.lstrip("."))
    lines = [_banner("#", "Filtyper (MIME) för stödmaterialet; ersätter nginx standardtabell i detta server-block.", label)]
    lines.append("types {\n")
    for kind, suffixes in by_type.items():
        lines.append(f"    {kind:<28} {' '.join(suffixes)};\n")
    lines.append("}\ndefault_type application/octet-stream;\n")
    lines.append("charset utf-8;\n")
    # text/html always gets the charset; naming it again is a warning in `nginx -t`.
    lines.append(f"charset_types {' '.join(sorted(TEXT_TYPES - {'text/html'}))};\n")
    return "".join(lines)


def nginx_server(label: str) -> str:
    return f"""\
# Exempel på server-block för stödmaterialet på intranätet. {label}
# 1. Kopiera {NGINX_HEADERS} och {NGINX_TYPES} till /etc/nginx/snippets/.
# 2. Kopiera den här filen till /etc/nginx/sites-available/, ändra listen, server_name och root,
#    lägg till er egen inloggning (SSO) där det står, och länka den till sites-enabled.
# 3. nginx -t && systemctl reload nginx
server {{
    {NGINX_LISTEN}
    server_name stodmaterial.intranat.example;
    {NGINX_ROOT}
    index index.html;
    server_tokens off;
    # Följ aldrig en symbolisk länk under webbplatsens rot: en länk som lagts in i mappen
    # (t.ex. till /etc/passwd) ger 404 i stället för filen. Roten själv får vara en länk (se HOSTING.md avsnitt 7).
    disable_symlinks on from=$document_root;
    include snippets/{NGINX_TYPES};

    # Er organisations inloggning (SSO) hör hemma här, t.ex. auth_request mot er inloggningstjänst,
    # eller i en omvänd proxy framför den här servern. Se HOSTING.md.

    error_page 404 /404.html;

    # Varje location som lägger till ett huvud (här Cache-Control) inkluderar säkerhetshuvudena igen:
    # nginx ärver inga add_header till ett block som har egna.
    location / {{
        include snippets/{NGINX_HEADERS};
        add_header Cache-Control "{REVALIDATE}" always;
        try_files $uri $uri/ =404;
    }}

    # Materials filer med innehållshash i namnet ändras aldrig och får sparas länge.
    location ~ "{HASHED_ASSET_NGINX}" {{
        include snippets/{NGINX_HEADERS};
        add_header Cache-Control "{IMMUTABLE}" always;
    }}
}}
"""


def htaccess(headers: list[Header], label: str) -> str:
    lines = [_banner("#", "Apache: lägg filen i site/ (webbplatsens rot).", label)]
    lines.append(f"# Kräver mod_headers och mod_mime, och {APACHE_ALLOW_OVERRIDE}.\n"
                 "# Saknas mod_headers svarar Apache med fel 500 i stället för att tyst skicka sidor utan skydd.\n"
                 "# Symboliska länkar följs aldrig: en länk som lagts in i mappen (t.ex. till /etc/passwd) ger 403.\n\n")
    lines.append("Options -Indexes -FollowSymLinks -SymLinksIfOwnerMatch\nDirectoryIndex index.html\nErrorDocument 404 /404.html\n\n")
    for suffix, kind in MEDIA_TYPES.items():
        lines.append(f"AddType {kind} {suffix}\n")
    text_suffixes = " ".join(s for s, k in MEDIA_TYPES.items() if k in TEXT_TYPES)
    lines.append(f"AddCharset utf-8 {text_suffixes}\n\n")
    for header in headers:
        lines.append(f"Header always set {header.name} {_quoted(header.value)}\n")
    lines.append(f'\nHeader always set Cache-Control "{REVALIDATE}"\n')
    lines.append(f'<FilesMatch "{HASHED_ASSET_APACHE}">\n    Header always set Cache-Control "{IMMUTABLE}"\n</FilesMatch>\n')
    return "".join(lines)


def _sub(parent: ET.Element, tag: str, **attrs: str) -> ET.Element:
    return ET.SubElement(parent, tag, attrs)


def _client_cache(parent: ET.Element, immutable: bool) -> None:
    static = _sub(parent, "staticContent")
    if immutable:
        _sub(static, "clientCache", cacheControlMode="UseMaxAge", cacheControlMaxAge="365.00:00:00",
             cacheControlCustom="private, immutable")
    else:
        _sub(static, "clientCache", cacheControlMode="DisableCache", cacheControlCustom="private")
    return static


def web_config(headers: list[Header], site_files: list[str], label: str) -> str:
    """IIS: web.config for site/. Hashed assets are listed one by one (IIS has no pattern for them)."""
    configuration = ET.Element("configuration")
    server = _sub(configuration, "system.webServer")
    _sub(server, "directoryBrowse", enabled="false")
    documents = _sub(_sub(server, "defaultDocument", enabled="true"), "files")
    _sub(documents, "clear")
    _sub(documents, "add", value="index.html")
    static = _client_cache(server, immutable=False)
    for suffix, kind in MEDIA_TYPES.items():
        _sub(static, "remove", fileExtension=suffix)
        full = f"{kind}; charset=utf-8" if kind in TEXT_TYPES else kind
        _sub(static, "mimeMap", fileExtension=suffix, mimeType=full)
    custom = _sub(_sub(server, "httpProtocol"), "customHeaders")
    _sub(custom, "remove", name="X-Powered-By")
    for header in headers:
        _sub(custom, "remove", name=header.name)
        _sub(custom, "add", name=header.name, value=header.value)
    for path in sorted(p for p in site_files if HASHED_ASSET.search(p)):
        location = _sub(configuration, "location", path=path)
        _client_cache(_sub(location, "system.webServer"), immutable=True)
    ET.indent(configuration)
    comment = f"<!-- IIS: lägg filen i site/ (webbplatsens rot). Skapad av stodmaterial för {label}. -->\n"
    return '<?xml version="1.0" encoding="utf-8"?>\n' + comment + ET.tostring(configuration, encoding="unicode") + "\n"


def hosting_files(headers: list[Header], site_files: list[str], guide: Path, label: str) -> dict[str, bytes]:
    """Every file of the bundle's hosting/ folder, by its path inside the bundle."""
    files = {
        f"hosting/nginx/{NGINX_HEADERS}": nginx_headers(headers, label),
        f"hosting/nginx/{NGINX_TYPES}": nginx_types(label),
        f"hosting/nginx/{NGINX_SERVER}": nginx_server(label),
        "hosting/apache/.htaccess": htaccess(headers, label),
        "hosting/iis/web.config": web_config(headers, site_files, label),
    }
    encoded = {path: text.encode("utf-8") for path, text in files.items()}
    encoded["hosting/HOSTING.md"] = guide.read_bytes()
    return encoded
