"""Run MkDocs (or ProperDocs) for one EngineRequest and collect its warnings.

The request's data becomes load_config overrides before MkDocs validates anything: the staged docs
folder, the site folder, the languages to build (mkdocs-static-i18n's `build` flag per language) and
our Markdown extensions with their render context. Nothing is written into a validated config.
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

from stodmaterial.engine import EngineRequest, EngineResult  # noqa: E402
from stodmaterial.engine.mkdocs import plugin as plugin_module  # noqa: E402

PLUGIN = "stodmaterial"
I18N = "i18n"


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


def overrides(request: EngineRequest) -> dict:
    """The request as load_config overrides, derived from mkdocs.yml's own values."""
    with open(request.config_file, "rb") as fd:
        raw = yaml_load(fd) or {}
    plugins = []
    for entry in copy.deepcopy(raw.get("plugins") or []):
        if _plugin_name(entry) == I18N and isinstance(entry, dict):
            settings = entry[I18N] or {}
            for language in settings.get("languages", []):
                language["build"] = language.get("locale") in request.languages
        plugins.append(entry)
    extensions = list(copy.deepcopy(raw.get("markdown_extensions") or []))
    extensions += [{name: {"context": request.context}} for name in request.extensions]
    return {
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

