"""`/// my-reflections`: the reader's answers, grouped by theme and question ("Mina reflektioner").

The page is built with every question of the material, hidden; interactive.js shows the questions the
reader has answered, fills in the answers from smStore and runs "Ladda ner", "Skriv ut" and
"Radera allt". Nothing here holds an answer at build time.
"""

from __future__ import annotations

import posixpath
import xml.etree.ElementTree as etree

from markdown.util import AtomicString

from stodmaterial.markdown.context import ContextBlock, ContextBlocksExtension
from stodmaterial.markdown.reflection_index import question_pages
from stodmaterial.i18n import t


def _text(element: etree.Element, value: str) -> etree.Element:
    element.text = AtomicString(value)
    return element


def _button(parent: etree.Element, action: str, label: str) -> etree.Element:
    return _text(etree.SubElement(parent, "button", {"type": "button", "class": "md-button", "data-sm-action": action}), label)


class MyReflections(ContextBlock):
    NAME = "my-reflections"

    def on_create(self, parent):
        context, locale = self.context, self.context.locale
        here = posixpath.dirname(context.page) or "."
        root = etree.SubElement(parent, "div", {"class": "sm-my-reflections", "data-sm-my-reflections": ""})
        noscript = etree.SubElement(root, "noscript")
        _text(etree.SubElement(noscript, "p"), t(locale, "my_reflections_noscript"))

        tools = etree.SubElement(root, "div", {"class": "sm-my-reflections__tools", "data-sm-tools": "", "hidden": "hidden"})
        etree.SubElement(tools, "div", {"data-sm-save-choice": ""})
        actions = etree.SubElement(tools, "div", {"class": "sm-my-reflections__actions"})
        _button(actions, "download", t(locale, "download"))
        _button(actions, "print", t(locale, "print"))
        _button(actions, "delete-all", t(locale, "delete_all"))
        etree.SubElement(tools, "div", {"class": "sm-my-reflections__confirm", "data-sm-confirm": "", "hidden": "hidden"})
        etree.SubElement(tools, "p", {"class": "sm-status", "role": "status", "data-sm-status": ""})

        _text(etree.SubElement(root, "p", {"class": "sm-my-reflections__empty", "data-sm-empty": "", "hidden": "hidden"}), t(locale, "my_reflections_empty"))
        answers = etree.SubElement(root, "div", {"class": "sm-my-reflections__list", "data-sm-answers": "", "data-search-exclude": ""})
        for page in question_pages(context):
            group = etree.SubElement(answers, "section", {"class": "sm-my-reflections__group", "data-sm-group": page.staged_uri, "hidden": "hidden"})
            heading = etree.SubElement(group, "h2")
            href = posixpath.relpath(page.staged_uri, here)
            _text(etree.SubElement(heading, "a", {"href": href}), page.title)
            for question in page.questions:
                item = etree.SubElement(group, "div", {"class": "sm-my-reflections__item", "data-sm-answer-for": question.id, "hidden": "hidden"})
                # Not a heading: the question texts would fill the table of contents and the search index.
                question_line = etree.SubElement(item, "p", {"class": "sm-my-reflections__question"})
                _text(etree.SubElement(question_line, "strong"), question.text)
                etree.SubElement(item, "p", {"class": "sm-my-reflections__answer", "data-sm-answer-text": ""})
        other = etree.SubElement(answers, "section", {"class": "sm-my-reflections__group", "data-sm-group": "", "data-sm-other": "", "hidden": "hidden"})
        _text(etree.SubElement(other, "h2"), t(locale, "my_reflections_other"))
        return etree.SubElement(parent, "div", {"class": "sm-my-reflections__after"})


class MyReflectionsExtension(ContextBlocksExtension):
    BLOCKS = (MyReflections,)


def makeExtension(*args, **kwargs):
    return MyReflectionsExtension(*args, **kwargs)
