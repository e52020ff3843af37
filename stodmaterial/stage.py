"""Assemble the pages the engine sees: docs/ as it is, each themes/<slug>/ under teman/<slug>/.

MkDocs and its i18n plugin only localise files inside docs_dir, so the themes are copied in rather
than added as outside files. Staged paths map back to the editor's own files with `source_of`.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from stodmaterial.paths import Layout
from stodmaterial.strings import write_script_strings
from stodmaterial.themes import THEME_FILE, URL_PREFIX

SKIP = {THEME_FILE, ".DS_Store", "Thumbs.db"}


def stage_docs(layout: Layout, target: Path) -> Path:
    """Replace `target` with a fresh copy of the site's sources; return it."""
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(layout.docs, target, ignore=shutil.ignore_patterns(*SKIP, ".*"))
    for folder in sorted(p for p in layout.themes.iterdir() if p.is_dir()):
        shutil.copytree(folder, target / URL_PREFIX / folder.name, ignore=shutil.ignore_patterns(*SKIP, ".*"))
    write_script_strings(target)  # the scripts' interface texts, from the one table
    return target


def source_of(layout: Layout, staged_uri: str) -> Path:
    """The editor's file behind a staged path such as 'teman/forovarna/index.en.md'."""
    parts = Path(staged_uri).parts
    if len(parts) >= 2 and parts[0] == URL_PREFIX:
        return layout.themes.joinpath(*parts[1:])
    return layout.docs / staged_uri
