"""Run MkDocs (or ProperDocs) for one EngineRequest and collect its warnings.

The request's data becomes load_config overrides before MkDocs validates anything: the staged docs
folder, the site folder, the languages (mkdocs-static-i18n's `languages`, one per language file in
stodmaterial/languages/, with its `build` flag from the request; the site's name, description and
palette labels; the search's languages) and our Markdown extensions with their render context.
Nothing is written into a validated config.
"""

from __future__ import annotations

import copy
import logging
import os
from contextlib import contextmanager
from pathlib import Path

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from mkdocs.commands.build import build as mkdocs_build  # noqa: E402
from mkdocs.config import load_config  # noqa: E402
from mkdocs.exceptions import Abort, MkDocsException  # noqa: E402
from mkdocs.utils.yaml import yaml_load  # noqa: E402

from stodmaterial import i18n  # noqa: E402
from stodmaterial.engine import EngineRequest, EngineResult  # noqa: E402
from stodmaterial.engine.mkdocs import plugin as plugin_module  # noqa: E402

PLUGIN = "stodmaterial"
I18N = "i18n"
SEARCH = "search"


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextmanager
def collected(loggers: tuple[str, ...]):
    """Warnings from every logger the engine may use (ProperDocs logs as properdocs.*)."""
    handler = _Collect()
    targets = [logging.getLogger(name) for name in loggers]
    for logger in targets:
        logger.addHandler(handler)
    try:
        yield handler.messages
    finally:
        for logger in targets:
            logger.removeHandler(handler)


def _plugin_name(entry) -> str:
    return next(iter(entry)) if isinstance(entry, dict) else str(entry)


def palette(theme: dict, language: i18n.Language) -> list[dict]:
    """mkdocs.yml's palette with the toggles' labels in `language` (the dark scheme's toggle switches
    to light mode, every other one to dark mode)."""
    schemes = copy.deepcopy(theme.get("palette") or [])
    for scheme in schemes:
        label = language.site.light_mode if scheme.get("scheme") == "slate" else language.site.dark_mode
        scheme.setdefault("toggle", {})["name"] = label
    return schemes


def i18n_languages(theme: dict, request: EngineRequest) -> list[dict]:
    """mkdocs-static-i18n's `languages`, one per registered language, the default first."""
    entries = []
    for language in i18n.registry().languages:
        entry: dict = {"locale": language.code, "name": language.name}
        if language.default:
            entry["default"] = True
        entry["build"] = language.code in request.languages
        if not language.default:
            entry["site_name"] = language.site.site_name
            entry["site_description"] = language.site.site_description
            if language.site.nav:
                entry["nav_translations"] = dict(language.site.nav)
            entry["theme"] = {"palette": palette(theme, language)}
        entries.append(entry)
    return entries


def overrides(request: EngineRequest) -> dict:
    """The request as load_config overrides, derived from mkdocs.yml's own values and the languages."""
    with open(request.config_file, "rb") as fd:
        raw = yaml_load(fd) or {}
    theme = copy.deepcopy(raw.get("theme") or {})
    first = i18n.default()
    theme["palette"] = palette(theme, first)
    plugins = []
    for entry in copy.deepcopy(raw.get("plugins") or []):
        name = _plugin_name(entry)
        if name == I18N:
            settings = (entry[I18N] if isinstance(entry, dict) else None) or {}
            entry = {I18N: {**settings, "languages": i18n_languages(raw.get("theme") or {}, request)}}
        elif name == SEARCH:
            settings = (entry[SEARCH] if isinstance(entry, dict) else None) or {}
            searched = [language.search for language in i18n.registry().languages if language.search]
            entry = {SEARCH: {**settings, "lang": searched}}
        plugins.append(entry)
    extensions = list(copy.deepcopy(raw.get("markdown_extensions") or []))
    extensions += [{name: {"context": request.context}} for name in request.extensions]
    return {
        "site_name": first.site.site_name,
        "site_description": first.site.site_description,
        "theme": theme,
        "docs_dir": str(request.docs_dir),
        "site_dir": str(request.site_dir),
        "plugins": plugins,
        "markdown_extensions": extensions,
        "strict": True,
    }


def run(request: EngineRequest, loggers: tuple[str, ...]) -> EngineResult:
    result = EngineResult(site_dir=request.site_dir)
    with collected(loggers) as messages, plugin_module.active(request):
        try:
            config = load_config(config_file=str(request.config_file), **overrides(request))
            mkdocs_build(config)
        except (Abort, MkDocsException) as error:
            result.failed = True
            if not messages:
                messages.append(str(error))
        result.warnings = list(messages)
    return result

