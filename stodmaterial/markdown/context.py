"""What every stodmaterial Markdown extension shares: the page's RenderContext.

The build passes the variant's RenderContext as the `context` option of each module in
stodmaterial/markdown/EXTENSIONS, once for the whole run. Each staged page starts with a line naming
its path and language (stage.py, PAGE_LINE); PageIdentity reads and removes it before anything else
runs, so every extension sees the page's own context without any per-page engine hook.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from dataclasses import replace
from typing import Callable

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor
from markdown.util import AtomicString
from pymdownx.blocks import BlocksExtension
from pymdownx.blocks.block import Block

from stodmaterial.markdown.escaping import inner_html
from stodmaterial.render_context import RenderContext
from stodmaterial.tenant.model import Tenant

PAGE_LINE = re.compile(r"^<!-- stodmaterial-page (\S+) ([a-z]{2,3}) -->$")
PAGE_ATTR = "stodmaterial_page_context"


def page_line(staged_uri: str, locale: str) -> str:
    return f"<!-- stodmaterial-page {staged_uri} {locale} -->"


class PageIdentity(Preprocessor):
    """Reads the staged page's identity line (the first line of the Markdown) and removes it."""

    def __init__(self, md: Markdown, base: RenderContext):
        super().__init__(md)
        self.base = base

    def run(self, lines: list[str]) -> list[str]:
        for index, line in enumerate(lines[:3]):
            if (match := PAGE_LINE.match(line.strip())):
                setattr(self.md, PAGE_ATTR, replace(self.base, page=match.group(1), locale=match.group(2)))
                return lines[:index] + lines[index + 1 :]
        return lines


def register_page_identity(md: Markdown, base: RenderContext) -> None:
    if "stodmaterial-page" not in md.preprocessors:
        # Before every other preprocessor (normalize_whitespace 30, html_block 20).
        md.preprocessors.register(PageIdentity(md, base), "stodmaterial-page", 40)


def page_context(md: Markdown | None, base: RenderContext) -> RenderContext:
    return getattr(md, PAGE_ATTR, None) or base


def tenant_box(context: RenderContext, parent: etree.Element, tag: str, attrs: dict[str, str],
               fill: Callable[[etree.Element, Tenant], None]) -> etree.Element:
    """A tenant-dependent part of a page: `fill` writes the tenant's data into a `<tag attrs>` element.
    In a variant build the element holds a block slot instead, filled per tenant with the same `fill`."""
    box = etree.SubElement(parent, tag, attrs)
    if context.slots is None:
        fill(box, context.tenant)
    else:
        box.text = AtomicString(context.slots.block(lambda tenant: inner_html(tag, attrs, lambda b: fill(b, tenant)), context.locale))
    return box


def context_option() -> dict:
    # The default must not be None: Python-Markdown would parse the value as a boolean.
    return {"context": ["", "RenderContext of the page being rendered"]}


class ContextExtension(Extension):
    """A plain Python-Markdown extension that receives the page's RenderContext."""

    def __init__(self, **kwargs):
        self.config = context_option()
        self.md: Markdown | None = None
        super().__init__(**kwargs)

    def setup(self, md: Markdown) -> None:
        """Call first in extendMarkdown: remembers the page's Markdown instance."""
        self.md = md
        register_page_identity(md, self.getConfig("context"))

    @property
    def context(self) -> RenderContext:
        return page_context(self.md, self.getConfig("context"))


class ContextBlock(Block):
    """A pymdownx block that reads the page's RenderContext; its content is Markdown."""

    @property
    def context(self) -> RenderContext:
        return page_context(self.md, self.config["context"])

    def on_markdown(self) -> str:
        return "block"


class ContextBlocksExtension(BlocksExtension):
    """Registers the blocks in BLOCKS, each with the page's RenderContext."""

    BLOCKS: tuple[type[Block], ...] = ()

    def __init__(self, *args, **kwargs):
        self.config = context_option()
        super().__init__(*args, **kwargs)

    def extendMarkdownBlocks(self, md: Markdown, block_mgr) -> None:
        if not isinstance(self.getConfig("context"), RenderContext):
            raise ValueError(f"{type(self).__module__} needs a RenderContext; build with `stodmaterial build`")
        register_page_identity(md, self.getConfig("context"))
        for block in self.BLOCKS:
            block_mgr.register(block, self.getConfigs())
