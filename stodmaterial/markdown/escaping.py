"""Data into the element tree as literal text, and a tenant-dependent block's HTML for one tenant.

Python-Markdown's serializer leaves `&` alone where it starts something that looks like an entity, so
`A &amp; B` in a tenant file would show as "A & B". `literal()` escapes `&` first: the serializer then
writes exactly html.escape(value, quote=False), and the reader sees the value as written.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from functools import lru_cache
from typing import Callable

import markdown
from markdown.serializers import to_html_string
from markdown.treeprocessors import PrettifyTreeprocessor
from markdown.util import AtomicString


def literal(value: str) -> AtomicString:
    return AtomicString(value.replace("&", "&amp;"))


def set_text(element: etree.Element, value: str) -> etree.Element:
    element.text = literal(value)
    return element


def set_tail(element: etree.Element, value: str) -> etree.Element:
    element.tail = literal(value)
    return element


@lru_cache(maxsize=1)
def _prettify() -> PrettifyTreeprocessor:
    return PrettifyTreeprocessor(markdown.Markdown())


def inner_html(tag: str, attrs: dict[str, str], fill: Callable[[etree.Element], None]) -> str:
    """The content of a `<tag attrs>` element that `fill` builds, serialized as Python-Markdown would
    serialize it inside a page (prettified the same way), without the element's own tags."""
    box = etree.Element(tag, attrs)
    fill(box)
    _prettify().run(box)
    box.tail = None
    whole = to_html_string(box)
    start = whole.index(">") + 1
    return whole[start : whole.rindex("<")]
