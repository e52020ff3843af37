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

# Script types a browser runs under script-src (HTML's JavaScript MIME type essences, modules, import
# maps, speculation rules); any other type (application/json, text/template, …) is data.
JAVASCRIPT_TYPES = {
    "", "module", "importmap", "speculationrules",
    "application/ecmascript", "application/javascript", "application/x-ecmascript", "application/x-javascript",
    "text/ecmascript", "text/javascript", "text/javascript1.0", "text/javascript1.1", "text/javascript1.2",
    "text/javascript1.3", "text/javascript1.4", "text/javascript1.5", "text/jscript", "text/livescript",
    "text/x-ecmascript", "text/x-javascript",
}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href"}
# SVG animation that sets one of those attributes, and the attributes that hold the value it sets.
ANIMATIONS = {"set", "animate"}
ANIMATION_VALUES = ("to", "from", "by", "values")


def csp_hash(text: str) -> str:
    """The CSP source expression for an inline element's text exactly as the browser has it (after
    parsing: the HTML parser has already turned CR LF into LF; a CR from a character reference stays)."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def executes(attrs: dict[str, str | None]) -> bool:
    """Whether a <script> with these attributes runs as script (HTML's rule for the type, and for the
    old language attribute when there is no type)."""
    if attrs.get("type"):
        kind = attrs["type"]
    elif "type" not in attrs and attrs.get("language"):
        kind = "text/" + attrs["language"]
    else:
        return True
    return kind.split(";")[0].strip().lower() in JAVASCRIPT_TYPES


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
    roots = [root]
    while roots:
        current = roots.pop()
        for node in current.traverse(include_text=False):
            if node.is_element_node:
                yield node
        roots.extend(current.template_fragments())


def _is_javascript_url(value: str) -> bool:
    # As a browser reads a URL: C0 controls and spaces around it are dropped, tabs and newlines anywhere.
    url = value.strip("".join(map(chr, range(0x21)))).translate({9: None, 10: None, 13: None})
    return url[:11].lower() == "javascript:"


def _own_text(element: LexborNode) -> str:
    """The element's own text, which is what a browser runs and hashes (an SVG script can hold elements)."""
    return element.text(deep=False)


def scan_page(name: str, html: str, found: InlineCode) -> None:
    """Add one page's inline code to `found`. The page is parsed as a browser that runs scripts parses it
    (HTML's own tokenizer and tree builder, lexbor): a script's text is what the browser hashes, an
    attribute is one the browser keeps (the first of two with the same name). A frame's srcdoc document
    takes the page's policy, so its inline code is the page's too."""
    documents = [(name, html)]
    while documents:
        name, html = documents.pop()
        for element in _elements(LexborHTMLParser(html, scripting=True).root):
            tag = element.tag
            # Names as HTML has them; in SVG the parser restores camel case (attributeName).
            attrs = {key.lower(): value for key, value in element.attributes.items()}
            for attribute, value in attrs.items():
                if attribute.startswith("on"):
                    found.forbidden.append((name, f"<{tag} {attribute}=…> (inline händelsehanterare)"))
                elif attribute == "style":
                    found.forbidden.append((name, f"<{tag} style=…> (inline stil)"))
                elif attribute in URL_ATTRIBUTES and _is_javascript_url(value or ""):
                    found.forbidden.append((name, f"<{tag} {attribute}=\"javascript:…\">"))
            if tag in ANIMATIONS and (attrs.get("attributename") or "").strip() in URL_ATTRIBUTES and any(
                _is_javascript_url(part) for key in ANIMATION_VALUES for part in (attrs.get(key) or "").split(";")
            ):
                found.forbidden.append((name, f"<{tag} attributeName=…> (animerar in en javascript:-länk)"))
            if tag == "iframe" and attrs.get("srcdoc") is not None:
                documents.append((f"{name} (srcdoc)", attrs["srcdoc"] or ""))
            external_film = attrs.get("data-sm-external-video")
            if external_film:
                parts = urlsplit(external_film)
                if parts.scheme == "https" and parts.hostname:
                    found.frames.add(f"https://{parts.netloc}")
            if tag == "script" and executes(attrs):
                text = _own_text(element)
                # An HTML script with src runs its file, not its text; an SVG script has no src and runs
                # its text. Hashing the text whenever there is some allows no more than the page holds.
                if "src" not in attrs or text:
                    found.scripts.add(csp_hash(text))
            elif tag == "style":
                found.styles.add(csp_hash(_own_text(element)))


def scan_site(site: Path) -> InlineCode:
    """Every inline script and style in every HTML page of `site`."""
    found = InlineCode()
    for page in sorted(site.rglob("*.html")):
        scan_page(page.relative_to(site).as_posix(), page.read_text(encoding="utf-8"), found)
    return found
