"""What a page of the built site needs: the local files its HTML refers to, and its first heading."""

from __future__ import annotations

import posixpath
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit

# (tag, attribute) pairs whose value is a file the page loads or shows.
FILE_ATTRIBUTES = {
    ("script", "src"), ("img", "src"), ("source", "src"), ("video", "src"), ("video", "poster"),
    ("audio", "src"), ("track", "src"), ("iframe", "src"), ("embed", "src"), ("object", "data"),
    ("image", "href"), ("image", "xlink:href"), ("use", "href"), ("use", "xlink:href"),
}
LINK_RELATIONS = {"stylesheet", "icon", "preload", "modulepreload", "manifest"}


class _Scanner(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.targets: list[str] = []
        self.h1: list[str] = []
        self._in_h1 = False
        self._h1_done = False

    def handle_starttag(self, tag, attrs):
        values = {name: value or "" for name, value in attrs}
        for name, value in values.items():
            if (tag, name) in FILE_ATTRIBUTES:
                self.targets.append(value)
        if tag == "link" and LINK_RELATIONS & set(values.get("rel", "").lower().split()):
            self.targets.append(values.get("href", ""))
        if tag == "h1" and not self._h1_done:
            self._in_h1 = True

    def handle_endtag(self, tag):
        if tag == "h1" and self._in_h1:
            self._in_h1, self._h1_done = False, True

    def handle_data(self, data):
        if self._in_h1:
            self.h1.append(data)


def local_target(value: str, page: str) -> str | None:
    """The site path a reference in `page` points to, or None for other origins, data: and anchors."""
    parts = urlsplit(value.strip())
    if parts.scheme or parts.netloc or not parts.path:
        return None
    path = unquote(parts.path)
    if path.startswith("/"):
        return None
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
    return None if joined.startswith("..") else joined


def page_files(html: str, page: str) -> list[str]:
    """Every local file `page` (a path in the site, e.g. teman/x/index.html) loads, itself first."""
    scanner = _Scanner()
    scanner.feed(html)
    scanner.close()
    found = [page]
    for value in scanner.targets:
        target = local_target(value, page)
        if target and target not in found:
            found.append(target)
    return found


def first_heading(html: str) -> str:
    scanner = _Scanner()
    scanner.feed(html)
    scanner.close()
    return " ".join("".join(scanner.h1).split())
