"""A deliberately naive reference renderer for one tenant, for tests only.

It runs the engine once with the tenant's real values written straight into the pages (no slots, no
variant, no filling): what the site must look like. The product never builds this way; the fleet's
output (slots filled by context) must equal it byte for byte.
"""

from __future__ import annotations

import shutil
import tempfile
from datetime import date
from pathlib import Path

from stodmaterial.fleet.build import render_variant
from stodmaterial.paths import Layout
from stodmaterial.render_context import RenderContext
from stodmaterial.tenant import load_tenant
from stodmaterial.tenant.assets import write_tenant_assets
from stodmaterial.themes import load_themes


def reference_build(layout: Layout, slug: str, out: Path) -> Path:
    tenant = load_tenant(layout.tenants, slug)
    languages = tuple(tenant.ordered_languages)
    context = RenderContext(tenant=tenant, themes=tuple(load_themes(layout.themes)), layout=layout, locale=languages[0])
    with tempfile.TemporaryDirectory(prefix="oracle-") as work:
        request = render_variant(layout, context, languages, Path(work))
        write_tenant_assets(tenant, layout.tenants / slug / tenant.logo, request.site_dir)
        if out.exists():
            shutil.rmtree(out)
        shutil.copytree(request.site_dir, out)
    return out


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}
