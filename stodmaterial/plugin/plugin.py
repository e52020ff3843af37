"""MkDocs plugin `stodmaterial`: validated tenant and themes in, one tenant's site out.

Events, in the order they run:
- on_config: load and validate the tenant and the themes, stage docs/ + themes/ into docs_dir, write
  the tenant's colour and logo into the staged assets, drop languages the tenant has not licensed and
  register the Markdown extensions.
- on_page_markdown: give the extensions the page's language and path.
- on_page_context / on_template_context: give templates the tenant's values (templates escape them).
- on_post_build: give each language its own search index.
"""

from __future__ import annotations

import logging
import shutil
from dataclasses import replace
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority

from stodmaterial.paths import Layout
from stodmaterial.problems import ProblemError
from stodmaterial.render_context import RenderContext, template_values
from stodmaterial.plugin.config import StodmaterialConfig
from stodmaterial.search_index import split_search_index
from stodmaterial.stage import stage_docs
from stodmaterial.tenant import Tenant, load_tenant
from stodmaterial.themes import load_themes

log = logging.getLogger("mkdocs.plugins.stodmaterial")

# Our Markdown extensions; each takes the page's RenderContext as its `context` option.
EXTENSIONS = (
    "stodmaterial.markdown.blocks",
    "stodmaterial.markdown.tenant_fields",
    "stodmaterial.markdown.my_reflections",
    "stodmaterial.markdown.print_all",
    "stodmaterial.markdown.video",
    "stodmaterial.markdown.quick_exit",
    "stodmaterial.markdown.riskguide",
    "stodmaterial.markdown.checklists",
    "stodmaterial.markdown.scenario",
    "stodmaterial.markdown.session",
)
DEFAULT_LOCALE = "sv"
TENANT_CSS = "assets/stylesheets/tenant.css"


def tenant_css(tenant: Tenant) -> str:
    """The one place a tenant's colour enters the site: the custom property --sm-tenant-primary."""
    return (
        f"/* Generated from tenants/{tenant.slug}/tenant.yml. Used by stodmaterial.css. */\n"
        f":root {{ --sm-tenant-primary: {tenant.primary_color}; }}\n"
    )


def write_tenant_assets(tenant: Tenant, logo: Path, root: Path) -> None:
    """The tenant's own files: tenant.css and the logo, under `root` (staged docs, or a stamped site)."""
    css = root / TENANT_CSS
    css.parent.mkdir(parents=True, exist_ok=True)
    css.write_text(tenant_css(tenant), encoding="utf-8")
    target = root / template_values(tenant, DEFAULT_LOCALE)["logo"]
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(logo, target)


class StodmaterialPlugin(BasePlugin[StodmaterialConfig]):
    supports_multiple_instances = False

    def __init__(self):
        self.layout: Layout | None = None
        self.context: RenderContext | None = None
        self.staging: Path | None = None
        # Set by the fleet build: render this (placeholder) context instead of loading a tenant.
        self.preset_context: RenderContext | None = None

    # -- configuration ---------------------------------------------------------------------------

    @event_priority(100)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        # The i18n plugin runs a whole build per language and so calls on_config again: load once.
        if self.context is not None:
            return config
        self.layout = Layout(Path(config.config_file_path).resolve().parent)
        if self.preset_context is not None:
            self.context = self.preset_context
        else:
            try:
                tenant = load_tenant(self.layout.tenants, self.config.tenant)
                themes = load_themes(self.layout.themes)
            except ProblemError as error:
                raise PluginError("\n" + "\n".join(p.format(self.layout.root) for p in error.problems))
            self.context = RenderContext(tenant=tenant, themes=tuple(themes), layout=self.layout)
        tenant = self.context.tenant

        self.staging = Path(self.config.staging_dir or self.layout.root / ".cache" / "stage" / tenant.slug)
        stage_docs(self.layout, self.staging)
        if not self.context.placeholder:
            self._stage_tenant_assets(tenant)
        config.docs_dir = str(self.staging)

        self._restrict_languages(config, tenant)
        for name in EXTENSIONS:
            if name not in config.markdown_extensions:
                config.markdown_extensions.append(name)
            config.mdx_configs[name] = {"context": self.context}
        return config

    def _stage_tenant_assets(self, tenant: Tenant) -> None:
        write_tenant_assets(tenant, self.layout.tenants / tenant.slug / tenant.logo, self.staging)

    def _restrict_languages(self, config: MkDocsConfig, tenant: Tenant) -> None:
        i18n = config.plugins.get("i18n")
        if i18n is None:
            return
        for language in i18n.config.languages:
            if language.locale not in tenant.languages:
                language.build = False

    def on_pre_build(self, config: MkDocsConfig) -> None:
        # Every language build writes the site-wide 404.html; only the default language's may, or
        # the Swedish site's 404 page would come out in English with lang="en".
        i18n = config.plugins.get("i18n")
        templates = config.theme.static_templates
        if i18n is not None and i18n.current_language not in (None, DEFAULT_LOCALE):
            templates.discard("404.html")
        else:
            templates.add("404.html")

    # -- pages -----------------------------------------------------------------------------------

    def on_page_markdown(self, markdown, page, config, files):
        locale = getattr(page.file, "locale", DEFAULT_LOCALE) or DEFAULT_LOCALE
        page_context = replace(self.context, locale=locale, page=page.file.src_uri)
        for name in EXTENSIONS:
            config.mdx_configs[name] = {"context": page_context}
        return markdown

    def on_page_context(self, context, page, config, nav):
        locale = getattr(page.file, "locale", DEFAULT_LOCALE) or DEFAULT_LOCALE
        context["sm"] = replace(self.context, locale=locale).template_values()
        return context

    def on_template_context(self, context, template_name, config):
        i18n = config.plugins.get("i18n")
        locale = getattr(i18n, "current_language", None) or DEFAULT_LOCALE
        context["sm"] = replace(self.context, locale=locale).template_values()
        return context

    # -- after the build -------------------------------------------------------------------------

    @event_priority(-200)
    def on_post_build(self, config: MkDocsConfig) -> None:
        i18n = config.plugins.get("i18n")
        if i18n is not None and i18n.building:
            return  # a per-language build inside the i18n plugin; the outer build finishes the job
        languages = i18n.build_languages if i18n is not None else [DEFAULT_LOCALE]
        offline = any(name.endswith("offline") for name in config.plugins)
        split_search_index(Path(config.site_dir), DEFAULT_LOCALE, languages, offline=offline)

    def on_serve(self, server, config, builder):
        server.unwatch(str(self.staging))
        for folder in (self.layout.docs, self.layout.themes, self.layout.tenants, self.layout.overrides):
            server.watch(str(folder))
        return server
