"""Validate a tenant's logo. An SVG is active content: opened directly it could run script on the
site's own origin, so only a small allowlist of drawing elements and attributes is accepted."""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree import ElementTree

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
LOCAL_REFERENCE = re.compile(r"^url\(#[A-Za-z0-9_.-]+\)$")


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
    if b"<!DOCTYPE" in data.upper() or b"<!ENTITY" in data.upper():
        return "SVG-filen innehåller DOCTYPE eller ENTITY, som inte är tillåtet"
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as error:
        return f"SVG-filen är inte giltig XML ({error})"
    if root.tag != f"{SVG_NS}svg":
        return "filen är ingen SVG-bild (rotelementet är inte <svg> i SVG:s namnrymd)"
    for element in root.iter():
        name = element.tag.removeprefix(SVG_NS)
        if name not in ALLOWED_ELEMENTS:
            return f"SVG-filen innehåller elementet <{name}>, som inte är tillåtet i en logotyp"
        for attribute, value in element.attrib.items():
            if attribute not in ALLOWED_ATTRIBUTES:
                return f"SVG-filen innehåller attributet {attribute}, som inte är tillåtet i en logotyp"
            if "url(" in value and not LOCAL_REFERENCE.match(value.strip()):
                return f"SVG-filen hänvisar till något utanför filen ({attribute}={value!r})"
    return None
