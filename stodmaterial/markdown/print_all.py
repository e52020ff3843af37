"""`/// print-all`: every theme on one printable page, in the page's language ("Skriv ut hela materialet").

A preprocessor replaces the block with the themes' own Markdown, read from the editors' files at build
time: headings one level down (the page keeps its own h1), relative links and images rewritten to
work from the printing page, a page break before each theme. A tree pass then keeps element ids
unique and moves the themes' "Key points" headings under their theme.
"""

from __future__ import annotations

import posixpath
import re
import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from stodmaterial.markdown.context import ContextExtension
from stodmaterial.i18n import localized
from stodmaterial.markdown.sources import EXTERNAL
from stodmaterial.render_context import RenderContext

START = re.compile(r"^/{3,}\s*print-all\s*$")
END = re.compile(r"^/{3,}\s*$")
HEADING = re.compile(r"^(#{1,5})(\s)")
FENCE = re.compile(r"^(```|~~~)")
# [text](target) and ![alt](target): the target up to whitespace or ")".
LINK_TARGET = re.compile(r"(\]\()([^)\s]+)")
THEME_BREAK = '<div class="sm-print-break" aria-hidden="true"></div>'


def rewrite_target(target: str, from_uri: str, to_uri: str) -> str:
    """A link written in the page `from_uri`, rewritten to work from the page `to_uri`."""
    path, hash_mark, anchor = target.partition("#")
    if not path:
        return target  # an anchor on the same page: its heading is on the printing page too
    if EXTERNAL.match(path) or path.startswith("/"):
        return target
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(from_uri), path))
    rewritten = posixpath.relpath(joined, posixpath.dirname(to_uri) or ".")
    return rewritten + (hash_mark + anchor if hash_mark else "")


def theme_markdown(text: str, from_uri: str, to_uri: str) -> list[str]:
    lines, fenced = [], False
    for line in text.splitlines():
        if FENCE.match(line):
            fenced = not fenced
        if not fenced:
            line = HEADING.sub(lambda m: "#" + m.group(1) + m.group(2), line)
            line = LINK_TARGET.sub(lambda m: m.group(1) + rewrite_target(m.group(2), from_uri, to_uri), line)
        lines.append(line)
    return lines


class PrintAllPreprocessor(Preprocessor):
    def __init__(self, md: Markdown, extension: "PrintAllExtension"):
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        context: RenderContext = self.extension.context
        out, index, expanded = [], 0, False
        while index < len(lines):
            if START.match(lines[index]):
                index += 1
                while index < len(lines) and not END.match(lines[index]):
                    index += 1
                out.extend(self.expand(context))
                expanded = True
            else:
                out.append(lines[index])
            index += 1
        self.md.sm_print_all = expanded
        return out

    def expand(self, context: RenderContext) -> list[str]:
        lines = []
        for theme in context.themes:
            source = localized(theme.folder / "index.md", context.locale)
            text = source.read_text(encoding="utf-8")
            lines += ["", THEME_BREAK, ""]
            lines += theme_markdown(text, theme.src_uri, context.page)
            lines.append("")
        return lines


class PrintAllTreeprocessor(Treeprocessor):
    """On the printing page only: unique ids, and each theme's "Key points" heading under its theme."""

    def run(self, root: etree.Element) -> None:
        if not getattr(self.md, "sm_print_all", False):
            return
        for section in root.iter("section"):
            if "sm-key-points" in section.get("class", "").split():
                for heading in section.findall("h2"):
                    heading.tag = "h3"
        seen: set[str] = set()
        for element in root.iter():
            ident = element.get("id")
            if ident is None:
                continue
            unique, number = ident, 2
            while unique in seen:
                unique, number = f"{ident}-{number}", number + 1
            seen.add(unique)
            element.set("id", unique)


class PrintAllExtension(ContextExtension):
    def extendMarkdown(self, md: Markdown) -> None:
        self.setup(md)
        md.sm_print_all = False
        # Before the raw-HTML preprocessor (20), so the page breaks are stashed as HTML blocks.
        md.preprocessors.register(PrintAllPreprocessor(md, self), "stodmaterial-print-all", 25)
        # After attr_list (8), before toc (5), which then sees every id already in place.
        md.treeprocessors.register(PrintAllTreeprocessor(md), "stodmaterial-print-all-ids", 6)


def makeExtension(**kwargs):
    return PrintAllExtension(**kwargs)
