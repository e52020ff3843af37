"""`/// session-questions`: the group questions of a facilitator's session plan, taken from the themes.

    /// session-questions | Tema 3 på 60 minuter
        questions: t3-arg-eller-hotfull, t3-drev-mot-en-kollega
    Optional Markdown shown first, for example the ground rules of the conversation.
    ///

The questions are the themes' own group reflection questions (`for: group`), looked up by id, in the
page's language, each linked to where it stands in its theme: a plan never carries a second copy that
could drift from the theme. The list is plain, readable text; presentation.js adds a button that shows
the slides one at a time in large text (keyboard arrows, buttons), for a projector. Nothing is stored.
"""

from __future__ import annotations

import posixpath
import re
import xml.etree.ElementTree as etree

from markdown.util import AtomicString

from stodmaterial.markdown.context import ContextBlock, ContextBlocksExtension
from stodmaterial.markdown.reflection_index import question_pages
from stodmaterial.i18n import t

SEPARATOR = re.compile(r"[\s,]+")


def question_ids(value: str) -> list[str]:
    return [part for part in SEPARATOR.split(value or "") if part]


def _text(element: etree.Element, value: str) -> etree.Element:
    element.text = AtomicString(value)
    return element


class SessionQuestions(ContextBlock):
    NAME = "session-questions"
    ARGUMENT = None
    OPTIONS = {"questions": ("", str)}

    def on_create(self, parent):
        locale = self.context.locale
        self._root = root = etree.SubElement(parent, "div", {"class": "sm-session", "data-sm-session": ""})
        _text(etree.SubElement(root, "p", {"class": "sm-session__title", "data-sm-session-title": ""}), self.argument or t(locale, "session_questions"))
        return etree.SubElement(root, "div", {"class": "sm-session__intro", "data-sm-session-intro": ""})

    def on_end(self, block):
        context, root = self.context, self._root
        here = posixpath.dirname(context.page) or "."
        known = {q.id: (page, q) for page in question_pages(context) for q in page.questions}
        questions = etree.SubElement(root, "ol", {"class": "sm-session__questions"})
        for rid in question_ids(self.options["questions"]):
            if rid not in known:
                continue  # `stodmaterial check` names the file and line
            page, question = known[rid]
            item = etree.SubElement(questions, "li", {"class": "sm-session__question", "data-sm-slide": ""})
            _text(etree.SubElement(item, "p", {"class": "sm-session__text"}), question.text)
            source = etree.SubElement(item, "p", {"class": "sm-session__from"})
            _text(source, t(context.locale, "session_from") + " ")
            link = etree.SubElement(source, "a", {"href": f"{posixpath.relpath(page.staged_uri, here)}#fraga-{rid}"})
            _text(link, page.title)
        # presentation.js puts its button here.
        present = etree.SubElement(root, "div", {"class": "sm-session__present", "data-sm-present": "", "hidden": "hidden"})
        _text(etree.SubElement(present, "p", {"class": "sm-session__present-hint"}), t(context.locale, "session_present_hint"))


class SessionExtension(ContextBlocksExtension):
    BLOCKS = (SessionQuestions,)


def makeExtension(*args, **kwargs):
    return SessionExtension(*args, **kwargs)
