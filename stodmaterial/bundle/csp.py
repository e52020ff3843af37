"""What a strict Content-Security-Policy must allow in a built site, read from the built pages.

Material writes small inline scripts whose text depends on the page's depth (`__md_scope`), so the
hashes are computed from every page of the build, never written down by hand. Markup that no hash can
allow (inline event handlers, `style` attributes, `javascript:` links) is reported as a problem.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

# Script types a browser executes; any other type (application/json, text/template, …) is data.
JAVASCRIPT_TYPES = {
    "", "module", "text/javascript", "application/javascript", "application/ecmascript", "text/ecmascript",
    "application/x-javascript", "text/x-javascript", "text/jscript", "text/livescript",
}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href"}


def csp_hash(text: str) -> str:
    """The CSP source expression for an inline element's text, as the browser hashes it."""
    # Browsers normalise CR LF and lone CR to LF before they hash.
    data = text.replace("\r\n", "\n").replace("\r", "\n").encode("utf-8")
    return "'sha256-" + base64.b64encode(hashlib.sha256(data).digest()).decode("ascii") + "'"


def executes(attrs: dict[str, str | None]) -> bool:
    """Whether a <script> with these attributes runs as JavaScript (HTML's rule for the type)."""
    if "type" not in attrs:
        return True
    kind = (attrs["type"] or "").split(";")[0].strip().lower()
    return kind in JAVASCRIPT_TYPES


@dataclass
class InlineCode:
    """Inline code found in the pages: hashes to allow, and markup that no policy without
    'unsafe-inline' can allow (file, description)."""

    scripts: set[str] = field(default_factory=set)
    styles: set[str] = field(default_factory=set)
    forbidden: list[tuple[str, str]] = field(default_factory=list)
    # Origins of external films (stodmaterial/markdown/video.py), framed only when the reader asks.
    frames: set[str] = field(default_factory=set)


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
            digest = csp_hash("".join(self._text))
            (self.found.scripts if tag == "script" else self.found.styles).add(digest)
            self._inside = None


def scan_site(site: Path) -> InlineCode:
    """Every inline script and style in every HTML page of `site`."""
    found = InlineCode()
    for page in sorted(site.rglob("*.html")):
        scanner = _PageScanner(page.relative_to(site).as_posix(), found)
        scanner.feed(page.read_text(encoding="utf-8"))
        scanner.close()
    return found
