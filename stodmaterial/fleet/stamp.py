"""Turn a placeholder build into one tenant's site, escaping each value as its file type needs."""

from __future__ import annotations

import html
import importlib
import json
import re
import shutil
from dataclasses import dataclass, field, replace
from pathlib import Path

import markdown
from markdown.serializers import _escape_cdata
from markupsafe import escape as jinja_escape

from stodmaterial.render_context import MARKDOWN, TEMPLATE, TENANT_LOGO_DIR, RenderContext, marker, template_values, tenant_fields
from stodmaterial.plugin.plugin import EXTENSIONS, TENANT_CSS, write_tenant_assets
from stodmaterial.tenant.model import Tenant

MARKER = "SMSTAMP"
TEXT_SUFFIXES = {".html", ".json", ".js", ".xml", ".css", ".txt", ".svg", ".vtt", ".webmanifest"}
SEARCH_FILES = {"search_index.json", "search_index.js"}


def tenant_block_names() -> set[str]:
    """Names of blocks whose output depends on the tenant (class attribute TENANT_DEPENDENT)."""
    names = set()
    for module_name in EXTENSIONS:
        module = importlib.import_module(module_name)
        for value in vars(module).values():
            if isinstance(value, type) and getattr(value, "TENANT_DEPENDENT", False) and getattr(value, "NAME", ""):
                names.add(value.NAME)
    return names


def tenant_block_snippets(staged_docs: Path) -> set[str]:
    """Every tenant-dependent block as written in the sources (they take no content)."""
    names = "|".join(re.escape(n) for n in sorted(tenant_block_names()))
    if not names:
        return set()
    pattern = re.compile(rf"^/{{3,}} *(?:{names})\b[^\n]*\n(?:(?!/{{3}}\s*$).*\n)*?/{{3,}}\s*$", re.MULTILINE)
    found = set()
    for page in staged_docs.rglob("*.md"):
        found.update(m.group(0) for m in pattern.finditer(page.read_text(encoding="utf-8")))
    return found


@dataclass
class Variant:
    """One placeholder build: its output folder and what is needed to stamp tenants into it."""

    site: Path
    languages: tuple[str, ...]
    context: RenderContext
    extensions: list
    extension_configs: dict
    snippets: set[str]
    to_stamp: list[Path] = field(default_factory=list)
    to_copy: list[Path] = field(default_factory=list)

    def scan(self) -> None:
        for path in sorted(self.site.rglob("*")):
            if not path.is_file():
                continue
            rel = path.relative_to(self.site)
            if path.suffix in TEXT_SUFFIXES and MARKER.encode() in path.read_bytes():
                self.to_stamp.append(rel)
            elif rel.as_posix() != TENANT_CSS and not rel.as_posix().startswith(TENANT_LOGO_DIR + "/"):
                self.to_copy.append(rel)

    def render_fragment(self, snippet: str, context: RenderContext) -> str:
        configs = dict(self.extension_configs)
        for name in EXTENSIONS:
            configs[name] = {"context": context}
        return markdown.Markdown(extensions=self.extensions, extension_configs=configs).convert(snippet)


def _replacements(variant: Variant, tenant: Tenant, locale: str) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(html, search-index) replacement pairs for one language, fragments first."""
    real = replace(variant.context, tenant=tenant, locale=locale, placeholder=False)
    fake = replace(variant.context, locale=locale)
    html_pairs = [(variant.render_fragment(s, fake), variant.render_fragment(s, real)) for s in sorted(variant.snippets)]
    search_pairs = []
    for key, value in tenant_fields(tenant, locale).items():
        html_pairs.append((marker(MARKDOWN, key, locale), _escape_cdata(value)))
        search_pairs.append((marker(MARKDOWN, key, locale), json.dumps(html.escape(value, quote=False), ensure_ascii=False)[1:-1]))
    for key, value in template_values(tenant, locale).items():
        if isinstance(value, str):
            html_pairs.append((marker(TEMPLATE, key, locale), str(jinja_escape(value))))
    return html_pairs, search_pairs


def _locale_of(rel: Path, languages: tuple[str, ...]) -> str:
    first = rel.parts[0] if rel.parts else ""
    return first if first in languages[1:] else languages[0]


def stamp(variant: Variant, tenant: Tenant, logo: Path, out: Path) -> None:
    """Write `tenant`'s site into the empty folder `out`."""
    tables = {lang: _replacements(variant, tenant, lang) for lang in variant.languages}
    for rel in variant.to_copy:
        target = out / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(variant.site / rel, target)
    for rel in variant.to_stamp:
        text = (variant.site / rel).read_text(encoding="utf-8")
        html_pairs, search_pairs = tables[_locale_of(rel, variant.languages)]
        for old, new in (search_pairs if rel.name in SEARCH_FILES else html_pairs):
            text = text.replace(old, new)
        if MARKER in text:
            left = re.search(rf"{MARKER}\w+", text).group(0)
            raise RuntimeError(f"fleet stamping left a marker ({left}) in {rel}: a tenant value reaches it by a path stamping does not know")
        target = out / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    write_tenant_assets(tenant, logo, out)
