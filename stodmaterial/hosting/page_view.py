"""What a browser fetches for one page view of a built site: the page and everything it loads at once.

Used to size the rate limit (a reader must never be refused part of a page) and by the benchmark,
which fetches whole page views. Counted from the built HTML: style sheets, icons, scripts, images,
media (preload="metadata" still fetches), and the search: Material's worker script, the lunr language
files it imports and the search index of the page's language.
"""

from __future__ import annotations

import html
import json
import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

LOADED_LINKS = {"stylesheet", "icon", "manifest", "preload", "modulepreload", "apple-touch-icon"}
# Tags are found with a regular expression rather than a full HTML parser: it is many times faster
# over hundreds of sites, and an over-count (a tag inside a comment) only makes the limit more generous.
TAG = re.compile(r"<(link|script|img|source|track|video|audio|input)\b([^>]*)>", re.IGNORECASE)
ATTRIBUTE = re.compile(r"""([^\s"'=<>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")
CONFIG = re.compile(r"""<script\b[^>]*\bid=["']?__config\b[^>]*>(.*?)</script>""", re.IGNORECASE | re.DOTALL)


def _attributes(text: str) -> dict[str, str]:
    return {m.group(1).lower(): html.unescape(m.group(2) or m.group(3) or m.group(4) or "") for m in ATTRIBUTE.finditer(text)}


def _resources(text: str) -> list[str]:
    urls = []
    for tag, attributes in TAG.findall(text):
        values = _attributes(attributes)
        tag = tag.lower()
        if tag == "link":
            if LOADED_LINKS & set(values.get("rel", "").lower().split()):
                urls.append(values.get("href", ""))
            continue
        if values.get("src"):
            urls.append(values["src"])
        if tag == "video" and values.get("poster"):
            urls.append(values["poster"])
    return urls


def _local(page: str, url: str) -> str | None:
    """`url` as a path relative to the site's root, or None for other origins and data: URLs."""
    parts = urlsplit(url)
    if not url or parts.scheme or parts.netloc or url.startswith("#"):
        return None
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(parts.path)))
    return None if joined.startswith("..") else joined.lstrip("/")


def page_view(site: Path, page: str) -> list[str]:
    """Every file (relative to `site`) that loading `page` fetches, the page first, each once."""
    text = (site / page).read_text(encoding="utf-8")
    found = [page]
    for url in _resources(text):
        local = _local(page, url)
        if local:
            found.append(local)
    config_script = CONFIG.search(text)
    if config_script and config_script.group(1).strip():
        config = json.loads(config_script.group(1))
        base = posixpath.normpath(posixpath.join(posixpath.dirname(page), config.get("base", ".")))
        base = "" if base == "." else base + "/"
        worker = config.get("search")
        if worker:
            found.append(_local(page, worker) or "")
            found.append(f"{base}search/search_index.json")
            lunr = site / "assets/javascripts/lunr/min"
            for name in ("lunr.stemmer.support.min.js", "lunr.multi.min.js", "lunr.sv.min.js"):
                if (lunr / name).is_file():
                    found.append(f"assets/javascripts/lunr/min/{name}")
    unique = list(dict.fromkeys(p for p in found if p))
    return [p for p in unique if (site / p).is_file()]


def pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


def largest_page_view(site: Path) -> int:
    """The most requests any single page of `site` makes when it loads."""
    return max((len(page_view(site, page)) for page in pages(site)), default=1)
