"""Blocks editors write in Markdown: `/// content-note`, `/// case`, `/// reflection`, `/// key-points`,
the templates' `//// template` and `/// field`, and blocks the build fills from data: `/// theme-cards`,
`/// tenant-contacts`.

Every value that comes from a tenant file or theme metadata is put into the element tree as text or
attribute values, so Python-Markdown's serializer escapes it; nothing is pasted in as raw HTML.
"""

from __future__ import annotations

import logging
import posixpath
import re
import xml.etree.ElementTree as etree

from markdown.util import AtomicString
from pymdownx.blocks.block import type_string_in

from stodmaterial import i18n
from stodmaterial.markdown.context import ContextBlock, ContextBlocksExtension, tenant_box
from stodmaterial.markdown.escaping import set_text
from stodmaterial.i18n import t

log = logging.getLogger("mkdocs.plugins.stodmaterial")
REFLECTION_ID = re.compile(r"^[a-z0-9][a-z0-9-]{1,62}$")
FILE_NAME = re.compile(r"^[a-z0-9][a-z0-9-]{0,40}$")


_text = set_text  # data (tenant or theme values) as literal text: no Markdown, no HTML is parsed in it


def _titled(parent: etree.Element, classes: str, title: str) -> etree.Element:
    box = etree.SubElement(parent, "div", {"class": f"admonition {classes}"})
    _text(etree.SubElement(box, "p", {"class": "admonition-title"}), title)
    return box


class ContentNote(ContextBlock):
    NAME = "content-note"

    def on_create(self, parent):
        box = _titled(parent, "warning sm-content-note", t(self.context.locale, "content_note"))
        box.set("role", "note")
        return box


class Case(ContextBlock):
    """A composite, fictional case; the label saying so is added here, so it can never be left out."""

    NAME = "case"
    ARGUMENT = True

    def on_create(self, parent):
        box = _titled(parent, "example sm-case", self.argument)
        _text(etree.SubElement(etree.SubElement(box, "p", {"class": "sm-case__label"}), "em"), t(self.context.locale, "case_label"))
        return box


class KeyPoints(ContextBlock):
    NAME = "key-points"

    def on_create(self, parent):
        section = etree.SubElement(parent, "section", {"class": "sm-key-points"})
        _text(etree.SubElement(section, "h2"), t(self.context.locale, "key_points"))
        return section


class Reflection(ContextBlock):
    """A reflection question with a stable id and a labelled answer field under it.

    The field is plain HTML, so it can be used without scripts; interactive.js keeps what is typed in
    the page's memory (or on the device, if the reader chooses) under the question's id.
    """

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
        self._box = box = etree.SubElement(
            parent,
            "div",
            {"class": f"sm-reflection sm-reflection--{audience}", "data-reflection-id": rid, "data-audience": audience},
        )
        label = etree.SubElement(box, "p", {"class": "sm-reflection__label"})
        _text(label, f"{t(locale, 'reflection')}, {t(locale, f'reflection_{audience}')}")
        if audience == "self":
            # A personal question is never an obligation, alone or in a group: said on every one.
            note = {"class": "sm-reflection__optional", "id": f"valfri-{rid}", "data-search-exclude": ""}
            _text(etree.SubElement(box, "p", note), t(locale, "reflection_optional"))
        return etree.SubElement(box, "div", {"class": "sm-reflection__question", "id": f"fraga-{rid}"})

    def on_end(self, block):
        locale, rid = self.context.locale, self.options["id"]
        # The field's words are not content: kept out of the search index.
        answer = etree.SubElement(self._box, "div", {"class": "sm-reflection__answer", "data-search-exclude": ""})
        _text(etree.SubElement(answer, "label", {"for": f"svar-{rid}", "class": "sm-reflection__answer-label"}), t(locale, "your_answer"))
        field = etree.SubElement(answer, "textarea", {
            "id": f"svar-{rid}",
            "class": "sm-reflection__input",
            "rows": "5",
            "autocomplete": "off",
            "aria-describedby": f"fraga-{rid} valfri-{rid}" if self.options["for"] == "self" else f"fraga-{rid}",
            "data-reflection-answer": rid,
        })
        field.text = AtomicString("")
        # What the reader wrote, as text for paper: a textarea prints only its visible part.
        printed = etree.SubElement(answer, "div", {"class": "sm-reflection__printed", "data-reflection-printed": rid, "hidden": "hidden"})
        _text(etree.SubElement(printed, "p", {"class": "sm-reflection__printed-label"}), t(locale, "answer_printed"))
        etree.SubElement(printed, "p", {"class": "sm-reflection__printed-text"})


class Field(Reflection):
    """A field of a template (the incident log, the message to the security officer, the rota).

    The same machinery as a reflection answer: the same attributes, so interactive.js keeps what is
    typed under `answer:<id>` (page memory, or the device under the reader's choice), "Mina
    reflektioner" lists it and "Radera allt" erases it. Its content is the field's label.
    """

    NAME = "field"
    OPTIONS = {"id": ("", str), "size": ("short", type_string_in(["short", "long"]))}

    def on_create(self, parent):
        rid, size = self.options["id"], self.options["size"]
        self._box = box = etree.SubElement(
            parent, "div", {"class": f"sm-reflection sm-field sm-field--{size}", "data-reflection-id": rid, "data-audience": "field"}
        )
        return etree.SubElement(box, "div", {"class": "sm-reflection__question sm-field__label", "id": f"fraga-{rid}"})

    def on_end(self, block):
        rid, size = self.options["id"], self.options["size"]
        answer = etree.SubElement(self._box, "div", {"class": "sm-reflection__answer sm-field__answer", "data-search-exclude": ""})
        field = etree.SubElement(answer, "textarea", {
            "id": f"svar-{rid}",
            "class": "sm-reflection__input sm-field__input",
            "rows": "2" if size == "short" else "5",
            "autocomplete": "off",
            "aria-labelledby": f"fraga-{rid}",
            "data-reflection-answer": rid,
        })
        field.text = AtomicString("")
        printed = etree.SubElement(answer, "div", {"class": "sm-reflection__printed", "data-reflection-printed": rid, "hidden": "hidden"})
        etree.SubElement(printed, "p", {"class": "sm-reflection__printed-text"})


class Template(ContextBlock):
    """A practical template: its text and fields, with tools to download it as a text file, print it
    and empty its fields (templates.js). The tools show only when scripts run; the page prints anyway.

        //// template
            file: incidentlogg
        /// field
            id: logg-datum
        Datum
        ///
        ////
    """

    NAME = "template"
    OPTIONS = {"file": ("", str)}

    def on_validate(self, parent):
        if not FILE_NAME.match(self.options["file"]):
            log.warning(f"{self.context.page}: a template lacks a valid file name (file: incidentlogg).")
            return False
        return True

    def on_create(self, parent):
        return etree.SubElement(parent, "div", {"class": "sm-template", "data-sm-template": self.options["file"]})

    def on_end(self, block):
        locale = self.context.locale
        tools = etree.SubElement(block, "div", {"class": "sm-template__tools", "data-sm-template-tools": "", "data-search-exclude": "", "hidden": "hidden"})
        actions = etree.SubElement(tools, "div", {"class": "sm-template__actions"})
        for action, key in (("template-download", "template_download"), ("print", "print"), ("template-clear", "template_clear")):
            _text(etree.SubElement(actions, "button", {"type": "button", "class": "md-button", "data-sm-action": action}), t(locale, key))
        etree.SubElement(tools, "div", {"class": "sm-template__confirm", "data-sm-template-confirm": "", "hidden": "hidden"})
        etree.SubElement(tools, "p", {"class": "sm-status", "role": "status", "data-sm-template-status": ""})


class ThemeCards(ContextBlock):
    """The start page's cards: every theme, in no imposed order of study."""

    NAME = "theme-cards"

    def on_create(self, parent):
        context, locale = self.context, self.context.locale
        here = posixpath.dirname(context.page)
        # Progress, in its first state: interactive.js updates the texts in place, so nothing shifts
        # when it runs (CLS). Without scripts nothing is remembered, and the box says so truly.
        total = len(context.themes)
        box = etree.SubElement(parent, "div", {
            "class": "sm-progress",
            "data-sm-progress": "",
            "data-total": str(total),
            "role": "group",
            "aria-label": t(locale, "progress_label"),
        })
        _text(etree.SubElement(box, "p", {"class": "sm-progress__summary"}), t(locale, "progress_summary_none", total=total))
        bar = etree.SubElement(box, "div", {"class": "sm-progress__bar", "aria-hidden": "true"})
        etree.SubElement(bar, "div", {"class": "sm-progress__fill"}).text = AtomicString("")
        _text(etree.SubElement(box, "p", {"class": "sm-progress__hint"}), t(locale, "progress_hint"))
        choice = etree.SubElement(box, "div", {"class": "sm-save-choice"})
        row = etree.SubElement(choice, "div", {"class": "sm-save-choice__row"})
        etree.SubElement(row, "input", {
            "type": "checkbox", "id": "sm-save-progress", "class": "sm-save-choice__input",
            "aria-describedby": "sm-save-progress-note", "disabled": "disabled",
        })
        _text(etree.SubElement(row, "label", {"for": "sm-save-progress"}), t(locale, "save_choice"))
        _text(etree.SubElement(choice, "p", {"class": "sm-save-choice__note", "id": "sm-save-progress-note"}), t(locale, "save_note"))
        etree.SubElement(choice, "p", {"class": "sm-save-choice__status", "role": "status"}).text = AtomicString("")
        grid = etree.SubElement(parent, "ul", {"class": "sm-cards", "aria-label": t(locale, "themes_label")})
        for theme in context.themes:
            text = theme.text(locale)
            card = etree.SubElement(grid, "li", {"class": "sm-card", "data-theme": theme.slug})
            heading = etree.SubElement(card, "h2", {"class": "sm-card__title"})
            link = etree.SubElement(heading, "a", {"href": posixpath.relpath(theme.src_uri, here or ".")})
            _text(link, text.title)
            _text(etree.SubElement(card, "p", {"class": "sm-card__summary"}), text.summary)
            _text(etree.SubElement(card, "p", {"class": "sm-card__time"}), t(locale, "minutes", n=theme.meta.minutes))
            if (theme.folder / "lattlast.md").is_file():
                easy = etree.SubElement(card, "p", {"class": "sm-card__easy-read"})
                easy_uri = posixpath.join(posixpath.dirname(theme.src_uri), "lattlast.md")
                _text(etree.SubElement(easy, "a", {"href": posixpath.relpath(easy_uri, here or ".")}), t(locale, "easy_read_link"))
            # Not started / begun / done: written by interactive.js from what the reader chose to keep.
            status = etree.SubElement(card, "p", {"class": "sm-card__status", "data-theme-status": theme.slug})
            status.text = AtomicString(f"{t(locale, 'theme_status')}: ")
            _text(etree.SubElement(status, "span", {"class": "sm-badge sm-badge--new"}), t(locale, "theme_not_started"))
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


def render_contacts(box: etree.Element, tenant, locale: str) -> None:
    """The tenant's security officers and local support into `box`."""
    # Tenant files are written in Swedish, with optional English roles and descriptions (role_en,
    # offers_en): on other languages' pages, Swedish text is marked as Swedish.
    lang = i18n.marked_default(locale)
    officers = etree.SubElement(box, "ul", {"class": "sm-contacts__officers"})
    for officer in tenant.security_officers:
        card = etree.SubElement(officers, "li", {"class": "sm-contact"})
        name = etree.SubElement(card, "p", {"class": "sm-contact__name"})
        _text(etree.SubElement(name, "strong"), officer.name)
        if (role := officer.role_in(locale)) is not None:
            _text(etree.SubElement(card, "p", {"class": "sm-contact__role"}), role)
        else:
            _text(etree.SubElement(card, "p", {"class": "sm-contact__role", **lang}), officer.role)
        lines = etree.SubElement(card, "ul")
        _contact_line(lines, t(locale, "phone"), officer.phone, _tel(officer.phone))
        _contact_line(lines, t(locale, "email"), officer.email, f"mailto:{officer.email}")
    if tenant.local_support:
        heading = etree.SubElement(box, "p", {"class": "sm-contacts__heading"})
        _text(etree.SubElement(heading, "strong"), t(locale, "local_support"))
        support = etree.SubElement(box, "ul", {"class": "sm-support"})
        for item in tenant.local_support:
            entry = etree.SubElement(support, "li")
            _text(etree.SubElement(entry, "strong", lang), item.name)
            if (offers := item.offers_in(locale)) is not None:
                _text(etree.SubElement(entry, "span"), f" – {offers}")
            else:
                _text(etree.SubElement(entry, "span", lang), f" – {item.offers}")
            lines = etree.SubElement(entry, "ul")
            if item.phone:
                _contact_line(lines, t(locale, "phone"), item.phone, _tel(item.phone))
            if item.url:
                _contact_line(lines, t(locale, "web"), item.url, item.url)


class TenantContacts(ContextBlock):
    """The tenant's security officers and local support, for the "Få stöd" page.

    Tenant-dependent blocks make no headings (a tenant's names never become ids, TOC entries or search
    sections) and are left out of the search index, so pages differ between tenants only inside them.
    """

    NAME = "tenant-contacts"
    TENANT_DEPENDENT = True

    def on_create(self, parent):
        locale = self.context.locale
        tenant_box(self.context, parent, "div", {"class": "sm-contacts", "data-search-exclude": ""},
                   lambda box, tenant: render_contacts(box, tenant, locale))
        return etree.SubElement(parent, "div", {"class": "sm-contacts__after"})


class StodmaterialBlocks(ContextBlocksExtension):
    BLOCKS = (ContentNote, Case, KeyPoints, Reflection, Field, Template, ThemeCards, TenantContacts)


def makeExtension(*args, **kwargs):
    return StodmaterialBlocks(*args, **kwargs)
