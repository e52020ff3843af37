"""MkDocs plugin `stodmaterial`: the engine side of an EngineRequest, and nothing else.

Everything that is ours (staging, the tenant, languages, the search-index split, slots) happens in our
own build code before and after the engine run. The plugin only does what needs the engine's events:
- on_config: refuse a build that was not started by `stodmaterial build` (the sources are staged by it);
- on_pre_build: only the default language writes the site-wide 404.html (static-i18n's other builds
  would overwrite the Swedish one with their lang); it carries every built language's text;
- on_page_context / on_template_context: the templates' `sm` values (escaped with |e in templates): the
  page's language and interface texts, every built language's (`sm.languages`), and the theme's hashed
  asset names, looked up in the installed theme, never hard-coded.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority

from stodmaterial.engine import EngineRequest
from stodmaterial.engine.mkdocs.config import StodmaterialConfig
from stodmaterial.render_context import language_values

_ACTIVE: list[EngineRequest] = []


@contextmanager
def active(request: EngineRequest):
    """The request the plugin serves while the engine runs (one at a time in a process)."""
    _ACTIVE.append(request)
    try:
        yield request
    finally:
        _ACTIVE.remove(request)


def theme_asset(config: MkDocsConfig, pattern: str) -> str:
    """The theme's file matching `pattern` (e.g. a hashed worker name), relative to the site root."""
    for folder in config.theme.dirs:
        found = sorted(Path(folder).glob(pattern))
        found = [p for p in found if not p.name.endswith(".map")]
        if found:
            return found[0].relative_to(folder).as_posix()
    raise PluginError(f"the theme has no file matching {pattern}")


class StodmaterialPlugin(BasePlugin[StodmaterialConfig]):
    supports_multiple_instances = False

    def __init__(self):
        self.request: EngineRequest | None = None
        self.search_worker = ""

    @event_priority(100)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if not _ACTIVE:
            raise PluginError(
                "Bygg med 'stodmaterial build' (eller 'stodmaterial serve'): källorna förbereds av stodmaterial "
                "innan MkDocs körs, så 'mkdocs build' direkt fungerar inte."
            )
        self.request = _ACTIVE[-1]
        self.search_worker = theme_asset(config, "assets/javascripts/workers/search.*.min.js")
        return config

    def on_pre_build(self, config: MkDocsConfig) -> None:
        i18n = config.plugins.get("i18n")
        default = self.request.languages[0]
        templates = config.theme.static_templates
        if i18n is not None and i18n.current_language not in (None, default):
            templates.discard("404.html")
        else:
            templates.add("404.html")

    def _values(self, locale: str) -> dict:
        built = [language_values(code) for code in self.request.languages]
        return {**replace(self.request.context, locale=locale).template_values(), "search_worker": self.search_worker, "languages": built}

    def on_page_context(self, context, page, config, nav):
        locale = getattr(page.file, "locale", None) or self.request.languages[0]
        context["sm"] = self._values(locale)
        return context

    def on_template_context(self, context, template_name, config):
        i18n = config.plugins.get("i18n")
        locale = getattr(i18n, "current_language", None) or self.request.languages[0]
        context["sm"] = self._values(locale)
        return context
