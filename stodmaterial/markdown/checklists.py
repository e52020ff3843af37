"""Checklists (`- [ ] step`) that readers can tick, each box labelled by its own text.

pymdownx.tasklist draws a bare checkbox before the item's text, which leaves the box without an
accessible name (axe: label). Here the box and the text go into one <label>, so the text names the box
and clicking the text ticks it. Nothing is stored: a checklist is a tool for the moment, or for paper.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.treeprocessors import Treeprocessor

from stodmaterial.markdown.context import ContextExtension


class TaskLabelTreeprocessor(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for item in root.iter("li"):
            if "task-list-item" not in (item.get("class") or "").split():
                continue
            host = item
            if not (item.text or "").strip() and len(item) and item[0].tag == "p":
                host = item[0]  # a loose list: the box sits in the item's first paragraph
            label = etree.Element("label", {"class": "sm-task"})
            label.text, host.text = host.text, None
            host.insert(0, label)


class ChecklistsExtension(ContextExtension):
    def extendMarkdown(self, md: Markdown) -> None:
        self.setup(md)
        # After pymdownx.tasklist (25) has put the box in, before inline parsing (20) of the text.
        md.treeprocessors.register(TaskLabelTreeprocessor(md), "stodmaterial-task-labels", 24)


def makeExtension(**kwargs):
    return ChecklistsExtension(**kwargs)
