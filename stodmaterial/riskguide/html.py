"""Small helpers for building the tools' HTML as element trees.

Data (editors' texts, tenant values) only ever goes in as element text or attribute values, so the
serializer escapes it. Text that is data is never set directly on a heading or table cell, and no tail
is ever data: Python-Markdown's attr_list would read a trailing `{...}` there as attributes. Headings get
a <span> child instead.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as etree

from stodmaterial.markdown.escaping import literal


def sub(parent: etree.Element, tag: str, attrs: dict[str, str] | None = None, text: str | None = None) -> etree.Element:
    element = etree.SubElement(parent, tag, attrs or {})
    if text is not None:
        element.text = literal(text)
    return element


def heading(parent: etree.Element, level: int, text: str, attrs: dict[str, str] | None = None) -> etree.Element:
    element = sub(parent, f"h{level}", attrs)
    sub(element, "span", text=text)
    return element


def tail(element: etree.Element, text: str) -> None:
    """Fixed interface text after an inline element (never data)."""
    element.tail = literal(text)


def json_script(parent: etree.Element, cls: str, data: object) -> etree.Element:
    """Data for the page's script in <script type="application/json">; the browser never runs it.

    Script text is written unescaped by the serializer, so <, > and & are written as JSON escapes:
    no value can close the element or open a comment."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return sub(parent, "script", {"type": "application/json", "class": cls}, text)


def fmt(template: str, **values: object) -> str:
    return template.format(**values)
