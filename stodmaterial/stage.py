"""Assemble the pages the engine sees: docs/ as it is, each themes/<slug>/ under teman/<slug>/.

MkDocs and its i18n plugin only localise files inside docs_dir, so the themes are copied in rather
than added as outside files. Only the pages of the languages being built are staged, and each staged
page starts (after any front matter) with a line naming its path and language, which our Markdown
extensions read (markdown/context.py): the engine needs no per-page hook. Staged paths map back to the
editor's own files with `source_of`.

A theme's easy-to-read page (`lattlast.md`) is written in Swedish only. Where the editors have not
written a page in another language beside it (`lattlast.en.md`), a page is staged that says so in that
language and links to the Swedish one (marked lang="sv"), so the other sites and their language
switchers never show Swedish text as another language and never lead to a missing page.
"""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

from stodmaterial import i18n
from stodmaterial.markdown.context import page_line
from stodmaterial.paths import Layout
from stodmaterial.strings import write_script_strings
from stodmaterial.themes import THEME_FILE, URL_PREFIX

SKIP = {THEME_FILE, ".DS_Store", "Thumbs.db"}
FRONT_MATTER = re.compile(r"\A---[ \t]*\n.*?\n(?:---|\.\.\.)[ \t]*\n", re.S)
LOCALE_SUFFIX = re.compile(r"\.([a-z]{2,3})\.md$")
EASY_READ = "lattlast.md"
H1 = re.compile(r"^#\s+(.+?)\s*$", re.MULTILINE)


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


def stage_docs(layout: Layout, target: Path, languages: tuple[str, ...] | None = None) -> Path:
    """Replace `target` with a fresh copy of the site's sources for `languages` (default first; all
    registered languages when not given)."""
    languages = languages or i18n.codes()
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(layout.docs, target, ignore=_ignore(languages))
    for folder in sorted(p for p in layout.themes.iterdir() if p.is_dir()):
        shutil.copytree(folder, target / URL_PREFIX / folder.name, ignore=_ignore(languages))
        for locale in languages[1:]:
            own = i18n.localized(folder / EASY_READ, locale)
            if (folder / EASY_READ).is_file() and not own.is_file():
                stub = easy_read_stub(folder, locale)
                (target / URL_PREFIX / folder.name / own.name).write_text(stub, encoding="utf-8")
    for page in target.rglob("*.md"):
        uri = page.relative_to(target).as_posix()
        text = page.read_text(encoding="utf-8")
        page.write_text(with_identity(text, uri, page_locale(page.name, languages[0])), encoding="utf-8")
    write_script_strings(target)  # the scripts' interface texts, from the one table
    return target


def _title(path: Path, fallback: str) -> str:
    found = H1.search(path.read_text(encoding="utf-8")) if path.is_file() else None
    return found.group(1) if found else fallback


def easy_read_stub(folder: Path, locale: str) -> str:
    """The page in `locale` of a Swedish-only easy-to-read page: what it is, and a link to it.
    The link is HTML, as the Swedish page lies outside the other language's site (en/), where Markdown
    links would be resolved to that language's pages; the page sits at en/teman/<slug>/, the Swedish
    one at teman/<slug>/."""
    theme = _title(i18n.localized(folder / "index.md", locale), folder.name)
    swedish = _title(folder / EASY_READ, i18n.t(i18n.default_code(), "easy_read_link"))
    sv = html.escape(i18n.default_code())
    href = f"../../../{URL_PREFIX}/{folder.name}/{EASY_READ.removesuffix('.md')}.html"
    return (
        # Not a page of the theme to work through: no "I have worked through this theme" here.
        "---\nsm_progress: false\n---\n\n"
        f"# {i18n.t(locale, 'easy_read_stub_title', theme=theme)}\n\n"
        f"{i18n.t(locale, 'easy_read_stub_text')}\n\n"
        f'<p><a href="{html.escape(href)}" hreflang="{sv}" lang="{sv}">{html.escape(swedish)}</a></p>\n\n'
        f"[{i18n.t(locale, 'easy_read_stub_back', theme=theme)}](index.md)\n"
    )


def source_of(layout: Layout, staged_uri: str) -> Path:
    """The editor's file behind a staged path such as 'teman/forovarna/index.en.md'."""
    parts = Path(staged_uri).parts
    if len(parts) >= 2 and parts[0] == URL_PREFIX:
        return layout.themes.joinpath(*parts[1:])
    return layout.docs / staged_uri
