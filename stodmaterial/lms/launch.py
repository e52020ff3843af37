"""The launch pages of a package (scorm/<item>.html): one page of the site in a frame, and the adapter.

Written with ElementTree's HTML serializer, so titles and attributes are escaped; no inline script or
style, so the site's Content-Security-Policy (script-src 'self' plus hashes) holds for them too.
"""

from __future__ import annotations

import posixpath
import xml.etree.ElementTree as etree

from stodmaterial import i18n

LAUNCH_DIR = "scorm"
ADAPTER = "assets/javascripts/stodmaterial/lms.js"
STYLE = "assets/stylesheets/lms.css"


def launch_path(key: str) -> str:
    return f"{LAUNCH_DIR}/{key}.html"


def _relative(target: str, page: str) -> str:
    return posixpath.relpath(target, posixpath.dirname(page))


def launch_page(key: str, page: str, title: str, frame_title: str, themes: list[str], language: str | None = None) -> bytes:
    """The launch page for `page` (a path in the site); `themes` are the ids the adapter tracks.
    Its texts are in `language`, by default the default language (the package's titles are)."""
    here = launch_path(key)
    html = etree.Element("html", lang=language or i18n.default_code())
    head = etree.SubElement(html, "head")
    etree.SubElement(head, "meta", charset="utf-8")
    etree.SubElement(head, "meta", name="viewport", content="width=device-width,initial-scale=1")
    etree.SubElement(head, "meta", name="referrer", content="no-referrer")
    etree.SubElement(head, "title").text = title
    etree.SubElement(head, "link", rel="stylesheet", href=_relative(STYLE, here))
    etree.SubElement(head, "script", src=_relative(ADAPTER, here), defer="").text = ""
    body = etree.SubElement(html, "body", {"class": "sm-lms", "data-sm-lms-themes": " ".join(themes)})
    etree.SubElement(body, "iframe", {
        "class": "sm-lms__frame",
        "data-sm-lms-frame": "",
        "src": _relative(page, here),
        "title": frame_title,
    }).text = ""
    return b"<!DOCTYPE html>\n" + etree.tostring(html, encoding="utf-8", method="html", xml_declaration=False) + b"\n"
