"""The CSP scanner as it was before it used an HTML5 parser: Python's html.parser, kept as a reference.

tests/test_csp_scan.py checks that the scanner finds the same inline code as this one on every page the
tests build, and scripts/bench_csp_scan.py times the two side by side. Only for tests and benchmarks.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

from stodmaterial.bundle.csp import URL_ATTRIBUTES, InlineCode, csp_hash

# The script types and the CR handling as they were.
JAVASCRIPT_TYPES = {
    "", "module", "text/javascript", "application/javascript", "application/ecmascript", "text/ecmascript",
    "application/x-javascript", "text/x-javascript", "text/jscript", "text/livescript",
}


def executes(attrs: dict[str, str | None]) -> bool:
    if "type" not in attrs:
        return True
    return (attrs["type"] or "").split(";")[0].strip().lower() in JAVASCRIPT_TYPES


def raw_text_hash(text: str) -> str:
    return csp_hash(text.replace("\r\n", "\n").replace("\r", "\n"))


class _PageScanner(HTMLParser):
    def __init__(self, name: str, found: InlineCode):
        super().__init__(convert_charrefs=False)
        self.name = name
        self.found = found
        self._inside: str | None = None  # "script" or "style" whose text we collect
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        for attribute, value in attrs:
            if attribute.startswith("on"):
                self.found.forbidden.append((self.name, f"<{tag} {attribute}=…> (inline händelsehanterare)"))
            elif attribute == "style":
                self.found.forbidden.append((self.name, f"<{tag} style=…> (inline stil)"))
            elif attribute in URL_ATTRIBUTES and (value or "").strip().lower().startswith("javascript:"):
                self.found.forbidden.append((self.name, f"<{tag} {attribute}=\"javascript:…\">"))
        external_film = values.get("data-sm-external-video")
        if external_film:
            parts = urlsplit(external_film)
            if parts.scheme == "https" and parts.hostname:
                self.found.frames.add(f"https://{parts.netloc}")
        if tag == "script" and "src" not in values and executes(values):
            self._inside, self._text = "script", []
        elif tag == "style":
            self._inside, self._text = "style", []

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        self._inside = None

    def handle_data(self, data):
        if self._inside:
            self._text.append(data)

    def handle_endtag(self, tag):
        if self._inside and tag == self._inside:
            digest = raw_text_hash("".join(self._text))
            (self.found.scripts if tag == "script" else self.found.styles).add(digest)
            self._inside = None


def scan_page(name: str, html: str, found: InlineCode) -> None:
    scanner = _PageScanner(name, found)
    scanner.feed(html)
    scanner.close()


def scan_site(site: Path) -> InlineCode:
    found = InlineCode()
    for page in sorted(site.rglob("*.html")):
        scan_page(page.relative_to(site).as_posix(), page.read_text(encoding="utf-8"), found)
    return found
