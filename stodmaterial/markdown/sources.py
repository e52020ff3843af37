"""The editor's source files behind the page being rendered, for extensions that read other files
(film captions, the question list of "Mina reflektioner", the themes gathered for printing).

The pages are rendered from a staged copy (stodmaterial/stage.py); these helpers map paths back to
the repository (RenderContext.layout).
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from stodmaterial.render_context import RenderContext
from stodmaterial.stage import source_of

EXTERNAL = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)


def staged_target(context: RenderContext, relative: str) -> str | None:
    """The staged path a page-relative reference points to, or None if it leaves the site."""
    if EXTERNAL.match(relative) or relative.startswith(("/", "#")):
        return None
    target = posixpath.normpath(posixpath.join(posixpath.dirname(context.page), relative))
    if target.startswith(".."):
        return None
    return target


def source_file(context: RenderContext, relative: str) -> Path | None:
    """The editor's file a page-relative reference points to (it may not exist)."""
    target = staged_target(context, relative)
    return None if target is None else source_of(context.layout, target)
