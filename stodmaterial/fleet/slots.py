"""Typed slots: where a tenant's values go in a variant's output, and the escaping of each exact context.

A variant is rendered once with slot markers in place of every tenant value. Markers carry a nonce drawn
for the run, so no text in content or in a tenant file can pose as one. After the engine run each output
file is cut once into literal pieces and slots, and for each slot the context it actually sits in is
found by reading the file (not by its type): HTML text, a quoted HTML attribute, JSON inside
<script type="application/json">, a JSON string in a search index (.json, or JSON inside a .js file),
XML text or attribute. A tenant's file is then its pieces joined with each value escaped for its slot's
context: no search-and-replace over finished files. A slot in any other context (script code, CSS, a
comment, an unquoted attribute, a tag name) stops the build with a message: it has no safe escaping.

Kinds of slot:
- a scalar from Markdown (MARKDOWN, `{{ tenant.x }}` and other text our extensions write): in HTML text
  escaped as Python-Markdown escapes text (& < >);
- a scalar from a template (TEMPLATE, `sm.x`): escaped as the templates' |e does (& < > " ');
- a block (BLOCK): a tenant-dependent block's inner HTML, made by the block's own renderer from the
  tenant's typed data (ElementTree, every value as text), allowed only as HTML element content.
"""

from __future__ import annotations

import html
import json
import re
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from markupsafe import escape as markup_escape

from stodmaterial.tenant.model import Tenant

MARKDOWN, TEMPLATE, BLOCK = "M", "T", "B"
SCALARS = (MARKDOWN, TEMPLATE)
PREFIX = "SMSLOT"

# Contexts a slot may sit in.
HTML_TEXT = "html-text"
HTML_ATTR = "html-attribute"
SCRIPT_JSON = "json-in-script"
SEARCH_JSON = "search-index-json"
XML_TEXT = "xml"
UNSAFE = "unsafe"

BlockRenderer = Callable[[Tenant], str]  # the block's inner HTML for one tenant


class SlotError(Exception):
    """A slot where no escaping is safe, or a marker the slot table does not know."""


@dataclass
class SlotTable:
    """The slots of one variant run. `nonce` makes the markers of this run unguessable."""

    nonce: str = field(default_factory=lambda: secrets.token_hex(6))
    blocks: dict[str, BlockRenderer] = field(default_factory=dict)

    @property
    def pattern(self) -> re.Pattern:
        return re.compile(rf"{PREFIX}{self.nonce}([MTB])([0-9a-f]+)_([a-z]{{2,3}})Q")

    def scalar(self, origin: str, key: str, locale: str) -> str:
        assert origin in SCALARS
        return f"{PREFIX}{self.nonce}{origin}{key.encode().hex()}_{locale}Q"

    def block(self, render: BlockRenderer, locale: str) -> str:
        number = f"{len(self.blocks):x}"
        self.blocks[number] = render
        return f"{PREFIX}{self.nonce}{BLOCK}{number}_{locale}Q"


# -- escaping, one function per context -----------------------------------------------------------

def _html(value: str) -> str:
    # markupsafe, like the templates' |e: & < > " ' all escaped, so one form is right in text and in
    # quoted attributes alike.
    return str(markup_escape(value))


def _markdown_text(value: str) -> str:
    # As Python-Markdown's serializer writes text that markdown/escaping.py prepared: & < > escaped.
    return html.escape(value, quote=False)


def _script_json(value: str) -> str:
    # As riskguide/html.json_script writes data: a JSON string that cannot end the <script> element
    # or open a comment.
    text = json.dumps(value, ensure_ascii=False)[1:-1]
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _search_json(value: str) -> str:
    # What the search indexer stores for page text: the text as read back from the HTML, escaped with
    # html.escape(quote=False), in a JSON string (stodmaterial/search_index.py writes ensure_ascii=False).
    return json.dumps(html.escape(value, quote=False), ensure_ascii=False)[1:-1]


ESCAPE: dict[tuple[str, str], Callable[[str], str]] = {
    (MARKDOWN, HTML_TEXT): _markdown_text,
    (TEMPLATE, HTML_TEXT): _html,
    (MARKDOWN, HTML_ATTR): _html,
    (TEMPLATE, HTML_ATTR): _html,
    (MARKDOWN, XML_TEXT): _html,
    (TEMPLATE, XML_TEXT): _html,
    (MARKDOWN, SCRIPT_JSON): _script_json,
    (TEMPLATE, SCRIPT_JSON): _script_json,
    (MARKDOWN, SEARCH_JSON): _search_json,
    (TEMPLATE, SEARCH_JSON): _search_json,
}


# -- finding each marker's context ------------------------------------------------------------------

_RAW_TEXT = re.compile(r"<(script|style|textarea|title)\b([^>]*)>(.*?)</\1\s*>", re.S | re.I)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_TAG = re.compile(r"<[A-Za-z][^\s/>]*(?:\s+[^\s=/>]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'>]+))?)*\s*/?>|</[A-Za-z][^>]*>")
_QUOTED = re.compile(r"=\s*(\"[^\"]*\"|'[^']*')")
_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.S)


def _spans(regex: re.Pattern, text: str) -> list[tuple[int, int, re.Match]]:
    return [(m.start(), m.end(), m) for m in regex.finditer(text)]


def _inside(spans, start: int, end: int):
    for a, b, m in spans:
        if a <= start and end <= b:
            return m
        if a > start:
            break
    return None


def html_context(text: str, start: int, end: int, comments, raw, tags) -> str:
    if _inside(comments, start, end):
        return UNSAFE
    if (m := _inside(raw, start, end)) is not None:
        body_start = m.start(3)
        if start < body_start:  # in the opening tag of a raw-text element
            return _attribute_context(m.group(0)[: body_start - m.start()], start - m.start())
        name = m.group(1).lower()
        if name in ("title", "textarea"):
            return HTML_TEXT
        if name == "script" and re.search(r"type\s*=\s*[\"']application/(ld\+)?json[\"']", m.group(2), re.I):
            inner = m.group(3)
            strings = _spans(_JSON_STRING, inner)
            return SCRIPT_JSON if _inside(strings, start - body_start, end - body_start) else UNSAFE
        return UNSAFE  # script code or CSS
    if (m := _inside(tags, start, end)) is not None:
        return _attribute_context(m.group(0), start - m.start())
    return HTML_TEXT


def _attribute_context(tag: str, offset: int) -> str:
    for value in _QUOTED.finditer(tag):
        if value.start(1) < offset < value.end(1) - 1:
            return HTML_ATTR
    return UNSAFE


def contexts(path: Path, text: str, positions: list[tuple[int, int]]) -> list[str]:
    """The context of each marker span in `text`, judged from the file's content."""
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm", ".xml", ".svg"):
        comments, tags = _spans(_COMMENT, text), _spans(_TAG, text)
        raw = _spans(_RAW_TEXT, text)
        found = [html_context(text, a, b, comments, raw, tags) for a, b in positions]
        if suffix != ".html":
            found = [XML_TEXT if c in (HTML_TEXT, HTML_ATTR) else UNSAFE for c in found]
        return found
    if suffix in (".json", ".js") and path.name.startswith("search_index"):
        strings = _spans(_JSON_STRING, text)
        return [SEARCH_JSON if _inside(strings, a, b) else UNSAFE for a, b in positions]
    return [UNSAFE for _ in positions]


# -- cutting a file into pieces and filling it --------------------------------------------------------

@dataclass(frozen=True)
class Slot:
    kind: str  # MARKDOWN, TEMPLATE or BLOCK
    key: str  # the scalar's key, or the block's number
    locale: str
    context: str


@dataclass
class SlottedFile:
    """A variant output file as literal pieces around slots: pieces[0] slot[0] pieces[1] ..."""

    rel: Path
    pieces: list[str]
    slots: list[Slot]

    def fill(self, scalars: dict[tuple[str, str], str], blocks: dict[str, str]) -> str:
        """`scalars`: (origin, key, locale) -> value; `blocks`: block number -> inner HTML for this tenant."""
        out = [self.pieces[0]]
        for slot, piece in zip(self.slots, self.pieces[1:]):
            if slot.kind in SCALARS:
                out.append(ESCAPE[(slot.kind, slot.context)](scalars[(slot.kind, slot.key, slot.locale)]))
            else:
                out.append(blocks[slot.key])
            out.append(piece)
        return "".join(out)


def cut(table: SlotTable, rel: Path, text: str) -> SlottedFile:
    """Cut `text` at every marker of `table`, each slot with the context it sits in."""
    pieces, slots, last = [], [], 0
    matches = list(table.pattern.finditer(text))
    found = contexts(rel, text, [(m.start(), m.end()) for m in matches])
    for match, context in zip(matches, found):
        kind, code, locale = match.group(1), match.group(2), match.group(3)
        key = bytes.fromhex(code).decode() if kind in SCALARS else code
        if context == UNSAFE or (kind == BLOCK and context != HTML_TEXT):
            line = text.count("\n", 0, match.start()) + 1
            what = f"the block slot {code}" if kind == BLOCK else f"the tenant value '{key}'"
            raise SlotError(f"{rel}:{line}: {what} sits where it cannot be escaped safely ({context if context != UNSAFE else 'script, style, comment or unquoted attribute'})")
        if kind == BLOCK and code not in table.blocks:
            raise SlotError(f"{rel}: unknown block slot {code}")
        pieces.append(text[last : match.start()])
        slots.append(Slot(kind, key, locale, context))
        last = match.end()
    pieces.append(text[last:])
    return SlottedFile(rel, pieces, slots)


def holds_marker(table: SlotTable, data: bytes) -> bool:
    return (PREFIX + table.nonce).encode() in data
