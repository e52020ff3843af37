"""Blocks for the prevention tools: `/// risk-guide` (the tool), `/// risk-guide-model` (how it
calculates, written out from the same data) and `/// preparation-plan` (self-assessment and plan).

The data comes from docs/forebyggande/riskguide(.en).yml and docs/forberedelseplan(.en).yml, in the
page's language; `stodmaterial check` has validated it before any build (stodmaterial/riskguide/).
"""

from __future__ import annotations

import logging
import xml.etree.ElementTree as etree


from stodmaterial.markdown.context import ContextBlock, ContextBlocksExtension
from stodmaterial.problems import ProblemError
from stodmaterial.riskguide.check import load_plan, load_riskguide
from stodmaterial.riskguide.html import sub
from stodmaterial.riskguide.plan_render import render_plan
from stodmaterial.riskguide.render import render_model, render_tool

log = logging.getLogger("mkdocs.plugins.stodmaterial")


class _DataBlock(ContextBlock):
    def _fail(self, parent: etree.Element, error: ProblemError) -> etree.Element:
        # `check` stops a build long before this; here only `serve` can meet bad data. Strict builds
        # fail on the warning; the page says the tool is missing instead of showing a broken one.
        for problem in error.problems:
            log.warning(f"{self.context.page}: {problem.format()}")
        return sub(parent, "div", {"class": "sm-rg-missing"})

    def _load(self, loader):
        return loader(self.context.layout.docs, self.context.locale)


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
        render_plan(parent, plan, self.context)
        return sub(parent, "div", {"class": "sm-plan__after"})


class RiskGuideExtension(ContextBlocksExtension):
    BLOCKS = (RiskGuideBlock, RiskGuideModelBlock, PreparationPlanBlock)


def makeExtension(*args, **kwargs):
    return RiskGuideExtension(*args, **kwargs)
