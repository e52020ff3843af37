"""What a strict Content-Security-Policy must allow in a built site, read from the built pages.

Material writes small inline scripts whose text depends on the page's depth (`__md_scope`), so the
hashes are computed from every page of the build, never written down by hand. Markup that no hash can
allow (inline event handlers, `style` attributes, `javascript:` links) is reported as a problem.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

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


def _elements(root: LexborNode) -> Iterator[LexborNode]:
    """Every element under `root`, the content of each <template> (not part of the tree) included."""
    for node in root.traverse(include_text=False):
        if node.is_element_node:
            yield node
    for fragment in root.template_fragments():
        yield from _elements(fragment)


def _is_javascript_url(value: str) -> bool:
    # As a browser reads a URL: C0 controls and spaces around it are dropped, tabs and newlines anywhere.
    url = value.strip("".join(map(chr, range(0x21)))).translate({9: None, 10: None, 13: None})
    return url[:11].lower() == "javascript:"


def scan_page(name: str, html: str, found: InlineCode) -> None:
    """Add one page's inline code to `found`. The page is parsed as a browser parses it (HTML's own
    tokenizer and tree builder, lexbor): a script's text is what the browser hashes, an attribute is one
    the browser keeps (the first of two with the same name)."""
    for element in _elements(LexborHTMLParser(html).root):
        tag = element.tag
        attrs = element.attributes
        for attribute, value in attrs.items():
            if attribute.startswith("on"):
                found.forbidden.append((name, f"<{tag} {attribute}=…> (inline händelsehanterare)"))
            elif attribute == "style":
                found.forbidden.append((name, f"<{tag} style=…> (inline stil)"))
            elif attribute in URL_ATTRIBUTES and _is_javascript_url(value or ""):
                found.forbidden.append((name, f"<{tag} {attribute}=\"javascript:…\">"))
        external_film = attrs.get("data-sm-external-video")
        if external_film:
            parts = urlsplit(external_film)
            if parts.scheme == "https" and parts.hostname:
                found.frames.add(f"https://{parts.netloc}")
        if tag == "script" and "src" not in attrs and executes(attrs):
            found.scripts.add(csp_hash(element.text(deep=True)))
        elif tag == "style":
            found.styles.add(csp_hash(element.text(deep=True)))


def scan_site(site: Path) -> InlineCode:
    """Every inline script and style in every HTML page of `site`."""
    found = InlineCode()
    for page in sorted(site.rglob("*.html")):
        scan_page(page.relative_to(site).as_posix(), page.read_text(encoding="utf-8"), found)
    return found
