"""The engine boundary: the only package that imports mkdocs, material or mkdocs_static_i18n.

The rest of the product hands an engine a fully prepared request (a staged source tree with pages per
language already chosen, the page identity written into each staged page, the render context typed,
the Markdown extensions as data) and gets back a built tree and the engine's warnings. Everything else
(staging, tenant slots, the search-index split, publishing) is our own code, so another engine needs
only a new adapter here. See MIGRATION.md beside this file for what a Zensical adapter would need.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from stodmaterial.render_context import RenderContext

ENGINES = ("mkdocs", "properdocs")
DEFAULT_ENGINE = "mkdocs"
ENGINE_ENV = "STODMATERIAL_ENGINE"


@dataclass(frozen=True)
class EngineRequest:
    """Everything an engine needs for one run; nothing is read behind its back."""

    config_file: Path  # the engine's own settings (theme, palette, nav), mkdocs.yml
    docs_dir: Path  # the staged source tree
    site_dir: Path  # where the built tree goes (must not exist or be empty)
    languages: tuple[str, ...]  # the languages to build, the default first
    context: RenderContext  # the variant's render context (placeholder tenant in normal builds)
    extensions: tuple[str, ...]  # our Markdown extensions, each given {"context": context}


@dataclass
class EngineResult:
    site_dir: Path
    warnings: list[str] = field(default_factory=list)  # the engine's warnings, as it worded them
    failed: bool = False  # the engine stopped (strict mode turns every warning into a failure)


def selected_engine(name: str | None = None) -> str:
    name = name or os.environ.get(ENGINE_ENV) or DEFAULT_ENGINE
    if name not in ENGINES:
        raise ValueError(f"okänd motor '{name}'; välj {' eller '.join(ENGINES)}")
    return name


def activate(name: str | None = None) -> str:
    """Make `name` the engine of this process. ProperDocs answers imports of `mkdocs.*` once its
    replacement module is loaded, which must happen before the first import of mkdocs."""
    name = selected_engine(name)
    os.environ[ENGINE_ENV] = name
    if name == "properdocs":
        real_mkdocs = sys.modules.get("mkdocs")
        if real_mkdocs is not None and not real_mkdocs.__name__.startswith("properdocs"):
            if getattr(real_mkdocs, "__file__", "") and "properdocs" not in real_mkdocs.__file__:
                raise RuntimeError("MkDocs is already loaded in this process; run ProperDocs in a new process (engine_subprocess)")
        import properdocs.replacement  # noqa: F401
    return name


def run_engine(request: EngineRequest) -> EngineResult:
    """Run the active engine (see activate) for one request."""
    from stodmaterial.engine.mkdocs.adapter import run

    name = selected_engine()
    return run(request, loggers=("properdocs", "mkdocs") if name == "properdocs" else ("mkdocs",))


def engine_subprocess(argv: list[str], engine: str, **kwargs) -> subprocess.CompletedProcess:
    """Run the command line in a new process with `engine` active (ProperDocs cannot share a process
    that has already loaded MkDocs)."""
    env = {**os.environ, ENGINE_ENV: engine, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-m", "stodmaterial", *argv], env=env, capture_output=True, text=True, **kwargs)
