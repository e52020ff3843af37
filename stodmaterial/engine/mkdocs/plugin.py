"""MkDocs plugin `stodmaterial`: the engine side of an EngineRequest, and nothing else.

Everything that is ours (staging, the tenant, languages, the search-index split, slots) happens in our
own build code before and after the engine run. The plugin only does what needs the engine's events:
- on_config: refuse a build that was not started by `stodmaterial build` (the sources are staged by it);
- on_pre_build: only the default language writes the site-wide 404.html (static-i18n's other builds
  would overwrite the Swedish one with their lang); it carries every built language's text;
- on_page_context / on_template_context: the templates' `sm` values (escaped with |e in templates): the
  page's language and interface texts, every built language's (`sm.languages`), and the theme's hashed
  asset names, looked up in the installed theme, never hard-coded;
- on_env: the templates compiled once per process, not once per engine run (compiled_templates).
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

import jinja2
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


class CompiledTemplates(jinja2.BytecodeCache):
    """Jinja's compiled templates kept in memory for the process. MkDocs makes a new Jinja environment
    for every engine run (each language of each variant: `build --all` runs several, the tests many),
    and compiling Material's 80-odd templates was a third of a run (0.7 of 2 s). Jinja checks each
    template's source checksum, so a changed template is compiled again; one cache per environment
    setting that changes the compiled code."""

    def __init__(self):
        self._compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        compiled = self._compiled.get(bucket.key)
        if compiled is not None:
            bucket.bytecode_from_string(compiled)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._compiled[bucket.key] = bucket.bytecode_to_string()


_COMPILED: dict[tuple, CompiledTemplates] = {}


def compiled_templates(env: jinja2.Environment) -> CompiledTemplates:
    settings = (
        type(env), env.block_start_string, env.block_end_string, env.variable_start_string, env.variable_end_string,
        env.comment_start_string, env.comment_end_string, env.line_statement_prefix, env.line_comment_prefix,
        env.trim_blocks, env.lstrip_blocks, env.newline_sequence, env.keep_trailing_newline, env.optimized,
        env.autoescape, env.finalize, env.is_async, tuple(sorted(env.extensions)),
    )
    return _COMPILED.setdefault(settings, CompiledTemplates())


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

    def on_env(self, env: jinja2.Environment, config: MkDocsConfig, files) -> jinja2.Environment:
        env.bytecode_cache = compiled_templates(env)
        return env

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
