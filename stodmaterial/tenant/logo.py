"""Validate a tenant's logo. An SVG is active content: opened directly it could run script on the
site's own origin, so only a small allowlist of drawing elements and attributes is accepted.

The SVG is parsed by a real XML parser (defusedxml: no DTD, no entities, no external references) in
whatever encoding it declares, so a UTF-16 file cannot hide a DOCTYPE from a byte search. Processing
instructions (`<?xml-stylesheet?>`) are refused, and attribute values are read as CSS would read them
(escapes decoded, case folded, comments and spaces removed) before `url(` is looked for.
"""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree import ElementTree

import defusedxml
from defusedxml.ElementTree import DefusedXMLParser

MAX_LOGO_BYTES = 200 * 1024
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
SVG_NS = "{http://www.w3.org/2000/svg}"
ALLOWED_ELEMENTS = {
    "svg", "g", "path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "text", "tspan",
    "title", "desc", "defs", "linearGradient", "radialGradient", "stop", "clipPath", "mask", "symbol",
}
ALLOWED_ATTRIBUTES = {
    "viewBox", "width", "height", "x", "y", "x1", "x2", "y1", "y2", "cx", "cy", "r", "rx", "ry", "d",
    "points", "fill", "fill-rule", "fill-opacity", "stroke", "stroke-width", "stroke-linecap",
    "stroke-linejoin", "stroke-miterlimit", "stroke-opacity", "opacity", "transform", "id", "class",
    "offset", "stop-color", "stop-opacity", "gradientUnits", "gradientTransform", "clip-path",
    "clip-rule", "mask", "font-family", "font-size", "font-weight", "text-anchor", "role",
    "aria-label", "aria-hidden", "preserveAspectRatio", "version", "focusable", "dominant-baseline",
    "letter-spacing",
}
LOCAL_REFERENCE = re.compile(r"^url\(#[a-z0-9_.-]+\)$")
CSS_ESCAPE = re.compile(r"\\([0-9a-fA-F]{1,6})\s?|\\(.)", re.S)
CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)
ACTIVE_CSS = ("url(", "expression(", "javascript:", "@import", "image(", "image-set(")


def css_reading(value: str) -> str:
    """An attribute value as a CSS parser reads it: escapes decoded, comments gone, no spaces, lower case."""
    def unescape(match: re.Match) -> str:
        if match.group(1):
            code = int(match.group(1), 16)
            return chr(code) if 0 < code <= 0x10FFFF else ""
        return match.group(2)

    text = CSS_ESCAPE.sub(unescape, CSS_COMMENT.sub("", value))
    return "".join(text.split()).lower()


class _Recorder(ElementTree.TreeBuilder):
    def __init__(self):
        super().__init__()
        self.instructions: list[str] = []

    def pi(self, target, data=None):
        self.instructions.append(target)
        return super().pi(target, data)


def logo_problem(path: Path) -> str | None:
    """Return why the logo is unusable, or None when it is fine."""
    if not path.is_file():
        return "logotypfilen finns inte"
    size = path.stat().st_size
    if size > MAX_LOGO_BYTES:
        return f"logotypen är {size // 1024} kB, men får vara högst {MAX_LOGO_BYTES // 1024} kB"
    data = path.read_bytes()
    suffix = path.suffix.lower()
    if suffix == ".png":
        return None if data.startswith(PNG_MAGIC) else "filen heter .png men är ingen PNG-bild"
    if suffix == ".svg":
        return _svg_problem(data)
    return "logotypen måste vara en SVG- eller PNG-fil"


def _svg_problem(data: bytes) -> str | None:
    recorder = _Recorder()
    parser = DefusedXMLParser(target=recorder, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    try:
        parser.feed(data)
        root = parser.close()
    except (defusedxml.DTDForbidden, defusedxml.EntitiesForbidden, defusedxml.ExternalReferenceForbidden):
        return "SVG-filen innehåller DOCTYPE, ENTITY eller en extern hänvisning, som inte är tillåtet"
    except ElementTree.ParseError as error:
        return f"SVG-filen är inte giltig XML ({error})"
    except (ValueError, LookupError) as error:
        return f"SVG-filen har en teckenkodning som inte går att läsa ({error})"
    if recorder.instructions:
        return f"SVG-filen innehåller en instruktion (<?{recorder.instructions[0]} …?>), som inte är tillåten"
    if root.tag != f"{SVG_NS}svg":
        return "filen är ingen SVG-bild (rotelementet är inte <svg> i SVG:s namnrymd)"
    for element in root.iter():
        name = element.tag.removeprefix(SVG_NS)
        if name not in ALLOWED_ELEMENTS:
            return f"SVG-filen innehåller elementet <{name}>, som inte är tillåtet i en logotyp"
        for attribute, value in element.attrib.items():
            if attribute not in ALLOWED_ATTRIBUTES:
                return f"SVG-filen innehåller attributet {attribute}, som inte är tillåtet i en logotyp"
            reading = css_reading(value)
            if any(word in reading for word in ACTIVE_CSS) and not LOCAL_REFERENCE.match(reading):
                return f"SVG-filen hänvisar till något utanför filen ({attribute}={value!r})"
    return None
