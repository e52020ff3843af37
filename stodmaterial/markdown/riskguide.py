"""Blocks for the prevention tools: `/// risk-guide` (the tool), `/// risk-guide-model` (how it
calculates, written out from the same data) and `/// preparation-plan` (self-assessment and plan).

The data comes from docs/forebyggande/riskguide(.en).yml and docs/forberedelseplan(.en).yml, in the
page's language; `stodmaterial check` has validated it before any build (stodmaterial/riskguide/).
"""

from __future__ import annotations

import logging
import xml.etree.ElementTree as etree
from pathlib import Path

from markdown import Markdown
from pymdownx.blocks import BlocksExtension
from pymdownx.blocks.block import Block

from stodmaterial.paths import find_layout
from stodmaterial.problems import ProblemError
from stodmaterial.render_context import RenderContext
from stodmaterial.riskguide.check import load_plan, load_riskguide
from stodmaterial.riskguide.html import sub
from stodmaterial.riskguide.plan_render import render_plan
from stodmaterial.riskguide.render import render_model, render_tool

log = logging.getLogger("mkdocs.plugins.stodmaterial")


def docs_dir(context: RenderContext) -> Path:
    """The repository's docs/ folder. RenderContext carries no path of its own; every theme's folder
    is themes/<slug>/ in the same repository, so the first one leads to it."""
    if context.themes:
        return context.themes[0].folder.parent.parent / "docs"
    return find_layout().docs


class _DataBlock(Block):
    @property
    def context(self) -> RenderContext:
        return self.config["context"]

    def on_markdown(self) -> str:
        return "block"

    def _fail(self, parent: etree.Element, error: ProblemError) -> etree.Element:
        # `check` stops a build long before this; here only `serve` can meet bad data. Strict builds
        # fail on the warning; the page says the tool is missing instead of showing a broken one.
        for problem in error.problems:
            log.warning(f"{self.context.page}: {problem.format()}")
        return sub(parent, "div", {"class": "sm-rg-missing"})

    def _load(self, loader):
        return loader(docs_dir(self.context), self.context.locale)


class RiskGuideBlock(_DataBlock):
    NAME = "risk-guide"

    def on_create(self, parent):
        try:
            guide = self._load(load_riskguide)
        except ProblemError as error:
            return self._fail(parent, error)
        render_tool(parent, guide, self.context.locale)
        return sub(parent, "div", {"class": "sm-rg__after"})


class RiskGuideModelBlock(_DataBlock):
    NAME = "risk-guide-model"

    def on_create(self, parent):
        try:
            guide = self._load(load_riskguide)
        except ProblemError as error:
            return self._fail(parent, error)
        render_model(parent, guide, self.context.locale)
        return sub(parent, "div", {"class": "sm-rg-model__after"})


class PreparationPlanBlock(_DataBlock):
    """Tenant-dependent (the tenant's name and contacts): left out of the search index; its headings
    are fixed interface text, never a tenant's value."""

    NAME = "preparation-plan"
    TENANT_DEPENDENT = True

    def on_create(self, parent):
        try:
            plan = self._load(load_plan)
        except ProblemError as error:
            return self._fail(parent, error)
        render_plan(parent, plan, self.context.tenant, self.context.locale)
        return sub(parent, "div", {"class": "sm-plan__after"})


class RiskGuideExtension(BlocksExtension):
    """Configuration: `context`, a RenderContext for the page."""

    BLOCKS = (RiskGuideBlock, RiskGuideModelBlock, PreparationPlanBlock)

    def __init__(self, *args, **kwargs):
        self.config = {"context": ["", "RenderContext of the page being rendered"]}
        super().__init__(*args, **kwargs)

    def extendMarkdownBlocks(self, md: Markdown, block_mgr) -> None:
        if not isinstance(self.getConfig("context"), RenderContext):
            raise ValueError("stodmaterial.markdown.riskguide needs a RenderContext; build through the stodmaterial plugin")
        for block in self.BLOCKS:
            block_mgr.register(block, self.getConfigs())


def makeExtension(*args, **kwargs):
    return RiskGuideExtension(*args, **kwargs)
