"""Blocks editors write in Markdown: `/// content-note`, `/// case`, `/// reflection`, `/// key-points`,
and blocks the build fills from data: `/// theme-cards`, `/// tenant-contacts`.

Every value that comes from a tenant file or theme metadata is put into the element tree as text or
attribute values, so Python-Markdown's serializer escapes it; nothing is pasted in as raw HTML.
"""

from __future__ import annotations

import logging
import posixpath
import re
import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.util import AtomicString
from pymdownx.blocks import BlocksExtension
from pymdownx.blocks.block import Block, type_string_in

from stodmaterial.render_context import RenderContext
from stodmaterial.strings import t

log = logging.getLogger("mkdocs.plugins.stodmaterial")
REFLECTION_ID = re.compile(r"^[a-z0-9][a-z0-9-]{1,62}$")


class _ContextBlock(Block):
    """A block that reads the page's RenderContext from the extension's configuration."""

    @property
    def context(self) -> RenderContext:
        return self.config["context"]

    def on_markdown(self) -> str:
        return "block"


def _text(element: etree.Element, value: str) -> etree.Element:
    """Set data (tenant or theme values) as literal text: no Markdown, no HTML is parsed in it."""
    element.text = AtomicString(value)
    return element


def _titled(parent: etree.Element, classes: str, title: str) -> etree.Element:
    box = etree.SubElement(parent, "div", {"class": f"admonition {classes}"})
    _text(etree.SubElement(box, "p", {"class": "admonition-title"}), title)
    return box


class ContentNote(_ContextBlock):
    NAME = "content-note"

    def on_create(self, parent):
        box = _titled(parent, "warning sm-content-note", t(self.context.locale, "content_note"))
        box.set("role", "note")
        return box


class Case(_ContextBlock):
    """A composite, fictional case; the label saying so is added here, so it can never be left out."""

    NAME = "case"
    ARGUMENT = True

    def on_create(self, parent):
        box = _titled(parent, "example sm-case", self.argument)
        _text(etree.SubElement(etree.SubElement(box, "p", {"class": "sm-case__label"}), "em"), t(self.context.locale, "case_label"))
        return box


class KeyPoints(_ContextBlock):
    NAME = "key-points"

    def on_create(self, parent):
        section = etree.SubElement(parent, "section", {"class": "sm-key-points"})
        _text(etree.SubElement(section, "h2"), t(self.context.locale, "key_points"))
        return section


class Reflection(_ContextBlock):
    """A reflection question with a stable id; the interactive layer attaches an answer field to it."""

    NAME = "reflection"
    OPTIONS = {"id": ("", str), "for": ("self", type_string_in(["self", "group"]))}

    def on_validate(self, parent):
        if not REFLECTION_ID.match(self.options["id"]):
            log.warning(f"{self.context.page}: a reflection question lacks a valid id (id: t1-my-question).")
            return False
        return True

    def on_create(self, parent):
        locale = self.context.locale
        rid, audience = self.options["id"], self.options["for"]
        box = etree.SubElement(
            parent,
            "div",
            {"class": f"sm-reflection sm-reflection--{audience}", "data-reflection-id": rid, "data-audience": audience},
        )
        label = etree.SubElement(box, "p", {"class": "sm-reflection__label"})
        _text(label, f"{t(locale, 'reflection')}, {t(locale, f'reflection_{audience}')}")
        return etree.SubElement(box, "div", {"class": "sm-reflection__question", "id": f"fraga-{rid}"})


class ThemeCards(_ContextBlock):
    """The start page's cards: every theme, in no imposed order of study."""

    NAME = "theme-cards"

    def on_create(self, parent):
        context, locale = self.context, self.context.locale
        here = posixpath.dirname(context.page)
        grid = etree.SubElement(parent, "ul", {"class": "sm-cards", "aria-label": t(locale, "themes_label")})
        for theme in context.themes:
            text = theme.text(locale)
            card = etree.SubElement(grid, "li", {"class": "sm-card", "data-theme": theme.slug})
            heading = etree.SubElement(card, "h2", {"class": "sm-card__title"})
            link = etree.SubElement(heading, "a", {"href": posixpath.relpath(theme.src_uri, here or ".")})
            _text(link, text.title)
            _text(etree.SubElement(card, "p", {"class": "sm-card__summary"}), text.summary)
            _text(etree.SubElement(card, "p", {"class": "sm-card__time"}), t(locale, "minutes", n=theme.meta.minutes))
            details = etree.SubElement(card, "details", {"class": "sm-card__goals"})
            _text(etree.SubElement(details, "summary"), t(locale, "goals"))
            goals = etree.SubElement(details, "ul")
            for goal in text.goals:
                _text(etree.SubElement(goals, "li"), goal)
        return etree.SubElement(parent, "div", {"class": "sm-cards__after"})


def _tel(phone: str) -> str:
    digits = re.sub(r"[^0-9+]", "", phone)
    return f"tel:{digits}"


def _contact_line(parent: etree.Element, label: str, text: str, href: str) -> None:
    item = etree.SubElement(parent, "li")
    _text(item, f"{label}: ")
    _text(etree.SubElement(item, "a", {"href": href}), text)


class TenantContacts(_ContextBlock):
    """The tenant's security officers and local support, for the "Få stöd" page."""

    NAME = "tenant-contacts"

    def on_create(self, parent):
        tenant, locale = self.context.tenant, self.context.locale
        box = etree.SubElement(parent, "div", {"class": "sm-contacts"})
        for officer in tenant.security_officers:
            card = etree.SubElement(box, "section", {"class": "sm-contact"})
            _text(etree.SubElement(card, "h3"), officer.name)
            _text(etree.SubElement(card, "p", {"class": "sm-contact__role"}), officer.role)
            lines = etree.SubElement(card, "ul")
            _contact_line(lines, t(locale, "phone"), officer.phone, _tel(officer.phone))
            _contact_line(lines, t(locale, "email"), officer.email, f"mailto:{officer.email}")
        if tenant.local_support:
            _text(etree.SubElement(box, "h3"), t(locale, "local_support", name=tenant.name))
            support = etree.SubElement(box, "ul", {"class": "sm-support"})
            for item in tenant.local_support:
                entry = etree.SubElement(support, "li")
                _text(etree.SubElement(entry, "strong"), item.name)
                _text(etree.SubElement(entry, "span"), f" – {item.offers}")
                lines = etree.SubElement(entry, "ul")
                if item.phone:
                    _contact_line(lines, t(locale, "phone"), item.phone, _tel(item.phone))
                if item.url:
                    _contact_line(lines, t(locale, "web"), item.url, item.url)
        return etree.SubElement(parent, "div", {"class": "sm-contacts__after"})


class StodmaterialBlocks(BlocksExtension):
    """Registers the site's blocks. Configuration: `context`, a RenderContext for the page."""

    BLOCKS = (ContentNote, Case, KeyPoints, Reflection, ThemeCards, TenantContacts)

    def __init__(self, *args, **kwargs):
        # The default must not be None: Python-Markdown would parse the value as a boolean.
        self.config = {"context": ["", "RenderContext of the page being rendered"]}
        super().__init__(*args, **kwargs)

    def extendMarkdownBlocks(self, md: Markdown, block_mgr) -> None:
        if not isinstance(self.getConfig("context"), RenderContext):
            raise ValueError("stodmaterial.markdown.blocks needs a RenderContext; build through the stodmaterial plugin")
        for block in self.BLOCKS:
            block_mgr.register(block, self.getConfigs())


def makeExtension(*args, **kwargs):
    return StodmaterialBlocks(*args, **kwargs)
