"""Assemble the pages the engine sees: docs/ as it is, each themes/<slug>/ under teman/<slug>/.

MkDocs and its i18n plugin only localise files inside docs_dir, so the themes are copied in rather
than added as outside files. Only the pages of the languages being built are staged, and each staged
page starts (after any front matter) with a line naming its path and language, which our Markdown
extensions read (markdown/context.py): the engine needs no per-page hook. Staged paths map back to the
editor's own files with `source_of`.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from stodmaterial.markdown.context import page_line
from stodmaterial.paths import Layout
from stodmaterial.themes import THEME_FILE, URL_PREFIX

SKIP = {THEME_FILE, ".DS_Store", "Thumbs.db"}
FRONT_MATTER = re.compile(r"\A---[ \t]*\n.*?\n(?:---|\.\.\.)[ \t]*\n", re.S)
LOCALE_SUFFIX = re.compile(r"\.([a-z]{2,3})\.md$")


def page_locale(name: str, default: str) -> str:
    match = LOCALE_SUFFIX.search(name)
    return match.group(1) if match else default


def _ignore(languages: tuple[str, ...]):
    default = languages[0]

    def ignore(folder: str, names: list[str]) -> set[str]:
        skipped = {n for n in names if n in SKIP or n.startswith(".")}
        skipped |= {n for n in names if n.endswith(".md") and page_locale(n, default) not in languages}
        return skipped

    return ignore


def with_identity(text: str, staged_uri: str, locale: str) -> str:
    line = page_line(staged_uri, locale) + "\n"
    match = FRONT_MATTER.match(text)
    return text[: match.end()] + line + text[match.end() :] if match else line + text


def stage_docs(layout: Layout, target: Path, languages: tuple[str, ...] = ("sv", "en")) -> Path:
    """Replace `target` with a fresh copy of the site's sources for `languages` (default first)."""
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(layout.docs, target, ignore=_ignore(languages))
    for folder in sorted(p for p in layout.themes.iterdir() if p.is_dir()):
        shutil.copytree(folder, target / URL_PREFIX / folder.name, ignore=_ignore(languages))
    for page in target.rglob("*.md"):
        uri = page.relative_to(target).as_posix()
        text = page.read_text(encoding="utf-8")
        page.write_text(with_identity(text, uri, page_locale(page.name, languages[0])), encoding="utf-8")
    return target


def source_of(layout: Layout, staged_uri: str) -> Path:
    """The editor's file behind a staged path such as 'teman/forovarna/index.en.md'."""
    parts = Path(staged_uri).parts
    if len(parts) >= 2 and parts[0] == URL_PREFIX:
        return layout.themes.joinpath(*parts[1:])
    return layout.docs / staged_uri
