"""Every reflection question in the material, read from the editors' Markdown at build time.

Used by "Mina reflektioner" to group the reader's answers by theme and question, in the order of
the material, with the question text in the page's language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from stodmaterial.content.syntax import BLOCK_END, BLOCK_START, OPTION, TENANT_FIELD
from stodmaterial.i18n import localized
from stodmaterial.render_context import RenderContext
from stodmaterial.themes import URL_PREFIX

TITLE = re.compile(r"^#\s+(.+?)\s*#*\s*$")
LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)(.+?)\1")


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    audience: str


@dataclass(frozen=True)
class QuestionPage:
    staged_uri: str  # the Swedish page's path in the staged site, e.g. teman/forovarna/index.md
    title: str
    questions: tuple[Question, ...]


def plain_text(markdown_text: str, fields: dict[str, str]) -> str:
    """Markdown of a question as plain text: links keep their words, emphasis marks go."""
    text = TENANT_FIELD.sub(lambda m: fields.get(m.group(1), m.group(0)), markdown_text)
    text = LINK.sub(lambda m: m.group(1), text)
    for _ in range(2):
        text = EMPHASIS.sub(lambda m: m.group(2), text)
    return " ".join(text.split())


def read_page(path: Path, staged_uri: str, fields: dict[str, str]) -> QuestionPage | None:
    if not path.is_file():
        return None
    lines = path.read_text(encoding="utf-8").splitlines()
    title, questions, index = staged_uri, [], 0
    found_title = False
    while index < len(lines):
        line = lines[index]
        if not found_title and (heading := TITLE.match(line)):
            title, found_title = plain_text(heading.group(1), fields), True
        if (start := BLOCK_START.match(line)) and start.group(2) in ("reflection", "field"):
            options, body = {}, []
            index += 1
            while index < len(lines) and (option := OPTION.match(lines[index])):
                options[option.group(1)] = option.group(2)
                index += 1
            while index < len(lines) and not BLOCK_END.match(lines[index]):
                body.append(lines[index])
                index += 1
            if options.get("id"):
                questions.append(Question(options["id"], plain_text(" ".join(body), fields), options.get("for", "self")))
        index += 1
    return QuestionPage(staged_uri, title, tuple(questions)) if questions else None


def question_pages(context: RenderContext) -> list[QuestionPage]:
    """Pages with reflection questions, in the page's language: the themes first, in their order."""
    layout, locale, fields = context.layout, context.locale, context.tenant_fields()
    pages: list[QuestionPage] = []
    for theme in context.themes:
        page = read_page(localized(theme.folder / "index.md", locale), theme.src_uri, fields)
        if page:
            pages.append(page)
    for path in sorted(layout.docs.rglob("*.md")):
        if path.name.count(".") > 1 or any(part.startswith(".") for part in path.relative_to(layout.docs).parts):
            continue  # translations are read through their Swedish twin
        staged = path.relative_to(layout.docs).as_posix()
        if staged.startswith(f"{URL_PREFIX}/"):
            continue
        page = read_page(localized(path, locale), staged, fields)
        if page:
            pages.append(page)
    return pages
