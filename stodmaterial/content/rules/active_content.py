"""Content is untrusted text like tenant data: no active or external content in an editor's Markdown.

Rejected, each with file, line and fix:
- elements that run code, load something or change how the page is read: script, iframe, object, embed,
  base, form, meta, link, style, svg, math, template and their kin;
- event attributes (`onclick=` …) and `style` attributes with `url(`/`expression(`;
- any address outside the allowlist of schemes (https, http, mailto, tel, relative), read as the browser
  reads it: entities decoded, spaces and control characters removed, case folded (`&#106;avascript:`,
  `JaVaScRiPt:` and `java\tscript:` are all `javascript:`);
- anything that loads from another origin (an image, a source, a poster): the one way to show outside
  media is the click-to-load film `![type:video](https://…)`, which loads nothing before the reader asks;
- `{{ tenant.… }}` anywhere but body text: in raw HTML, in an attribute list `{: … }`, in an image's
  text alternative or a link's title, where its escaping would depend on a context content controls.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from stodmaterial.content.syntax import TENANT_FIELD
from stodmaterial.problems import Problem

ACTIVE_ELEMENTS = (
    "script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "form", "meta", "link",
    "style", "svg", "math", "template", "portal", "noscript", "input", "textarea", "select", "isindex",
)
ACTIVE_TAG = re.compile(r"<\s*/?\s*(" + "|".join(ACTIVE_ELEMENTS) + r")\b", re.I)
RAW_TAG = re.compile(r"<[A-Za-z][^>]*>")
EVENT_ATTRIBUTE = re.compile(r"(?:^|[\s\"'/])on[a-z]+\s*=", re.I)
STYLE_URL = re.compile(r"style\s*=", re.I)
URL_ATTRIBUTE = re.compile(r"\b(href|src|srcset|action|formaction|poster|data|xlink:href|background|cite|longdesc|ping)\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+)", re.I)
MARKDOWN_LINK = re.compile(r"(!?)\[([^\]]*)\]\(\s*<?([^)\s>]*)>?(?:\s+(\"[^\"]*\"|'[^']*'))?\s*\)")
REFERENCE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)")
ATTR_LIST = re.compile(r"\{:?[^{}]*\}")
CODE_SPAN = re.compile(r"`+[^`]*`+")
SAFE_SCHEMES = ("https", "http", "mailto", "tel")
RESOURCE_ATTRIBUTES = {"src", "srcset", "poster", "data", "background", "xlink:href"}
FILM_ALT = "type:video"
INVISIBLE = re.compile(r"[\x00-\x20\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]")


def browser_reading(address: str) -> str:
    """An address as a browser reads it before it looks at the scheme."""
    return INVISIBLE.sub("", html.unescape(html.unescape(address))).lower()


def scheme_of(address: str) -> str | None:
    reading = browser_reading(address)
    if reading.startswith("//"):
        return "//"
    match = re.match(r"^([a-z][a-z0-9+.-]*):", reading)
    return match.group(1) if match else None


def _problem(path: Path, line: int, message: str, fix: str) -> Problem:
    return Problem(path, message, fix, line)


def _address_problems(path: Path, number: int, address: str, resource: bool, film: bool = False) -> list[Problem]:
    scheme = scheme_of(address)
    if scheme is None:
        return []
    if scheme not in SAFE_SCHEMES and scheme != "//":
        return [_problem(path, number, f"adressen '{address}' använder '{scheme}:', som inte är tillåtet.",
                         "Länka bara med https:, mailto:, tel: eller till en fil i materialet.")]
    if resource and scheme in ("http", "https", "//") and not film:
        return [_problem(path, number, f"'{address}' hämtas från en annan webbplats när sidan visas.",
                         "Lägg bilden eller filen i materialet och länka relativt. En film från en annan webbplats skrivs som ![type:video](https://…) och hämtas först när läsaren väljer det.")]
    return []


def _outside(spans: list[tuple[int, int]], start: int) -> bool:
    return not any(a <= start < b for a, b in spans)


def active_content_problems(path: Path, text: str) -> list[Problem]:
    problems: list[Problem] = []
    fence = False
    for number, line in enumerate(text.splitlines(), 1):
        if re.match(r"^\s*(```|~~~)", line):
            fence = not fence
            continue
        if fence:
            continue
        code = [m.span() for m in CODE_SPAN.finditer(line)]
        for match in ACTIVE_TAG.finditer(line):
            if _outside(code, match.start()):
                problems.append(_problem(path, number, f"<{match.group(1).lower()}> är inte tillåtet i innehållet.",
                                         "Ta bort elementet; skriv texten i Markdown. Interaktiva delar görs som block (se REDAKTORER.md)."))
        for tag in RAW_TAG.finditer(line):
            if not _outside(code, tag.start()):
                continue
            body = tag.group(0)
            if EVENT_ATTRIBUTE.search(body[1:]):
                problems.append(_problem(path, number, "ett HTML-attribut som kör skript (on…=) är inte tillåtet.", "Ta bort attributet."))
            if STYLE_URL.search(body) and re.search(r"url\(|expression\(|@import", browser_reading(body)):
                problems.append(_problem(path, number, "ett style-attribut hämtar något (url(…)).", "Ta bort style-attributet; utseendet sköts av webbplatsens CSS."))
            for attribute in URL_ATTRIBUTE.finditer(body):
                name, value = attribute.group(1).lower(), attribute.group(2).strip("\"'")
                problems += _address_problems(path, number, value, resource=name in RESOURCE_ATTRIBUTES)
            if TENANT_FIELD.search(body):
                problems.append(_problem(path, number, "en organisations uppgift ({{ tenant.… }}) står i rå HTML.",
                                         "Skriv {{ tenant.… }} i vanlig brödtext, utanför HTML-taggar."))
        for link in MARKDOWN_LINK.finditer(line):
            if not _outside(code, link.start()):
                continue
            image, alt, address, title = link.group(1) == "!", link.group(2), link.group(3), link.group(4) or ""
            problems += _address_problems(path, number, address, resource=image, film=image and alt.strip() == FILM_ALT)
            if (image and TENANT_FIELD.search(alt)) or TENANT_FIELD.search(title) or TENANT_FIELD.search(address):
                problems.append(_problem(path, number, "en organisations uppgift ({{ tenant.… }}) står i en bilds textalternativ, en länks titel eller adress.",
                                         "Skriv {{ tenant.… }} i vanlig brödtext i stället."))
        if (reference := REFERENCE.match(line)):
            problems += _address_problems(path, number, reference.group(1), resource=False)
        masked = TENANT_FIELD.sub(lambda m: "\x00" * len(m.group(0)), line)
        for attrs in ATTR_LIST.finditer(masked):
            if "\x00" in attrs.group(0) and _outside(code, attrs.start()):
                problems.append(_problem(path, number, "en organisations uppgift ({{ tenant.… }}) står i en attributlista {: … }.",
                                         "Skriv {{ tenant.… }} i vanlig brödtext i stället."))
    return problems
