"""`stodmaterial build --all`: validate every tenant, render each variant once, stamp every tenant."""

from __future__ import annotations

import shutil
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, MkDocsException

from stodmaterial.build import problem_from_warning, collect_warnings, swap_into_place
from stodmaterial.content.check import check_content
from stodmaterial.fleet.stamp import Variant, stamp, tenant_block_snippets
from stodmaterial.fleet.variant import describe, placeholder_tenant, variant_key
from stodmaterial.paths import Layout
from stodmaterial.problems import Problem, ProblemError, raise_if_errors
from stodmaterial.render_context import RenderContext
from stodmaterial.tenant import Tenant, list_slugs, tenant_problems
from stodmaterial.themes import load_themes

Report = Callable[[str, str], None]  # (event, text): events "variant", "tenant", "failed"


@dataclass
class FleetResult:
    built: dict[str, Path] = field(default_factory=dict)
    failed: dict[str, list[Problem]] = field(default_factory=dict)
    variants: int = 0


def _render_variant(layout: Layout, context: RenderContext, work: Path) -> Variant:
    site, staging = work / "site", work / "stage"
    with collect_warnings() as records:
        try:
            config = load_config(config_file=str(layout.config_file), site_dir=str(site), strict=True)
            plugin = config.plugins["stodmaterial"]
            plugin.preset_context = context
            plugin.config.staging_dir = str(staging)
            mkdocs_build(config)
        except (Abort, MkDocsException) as error:
            problems = [problem_from_warning(layout, r.getMessage()) for r in records]
            raise ProblemError(problems or [Problem(layout.config_file, str(error), "Se meddelandet ovan.")]) from None
    variant = Variant(
        site=site,
        languages=tuple(context.tenant.ordered_languages),
        context=context,
        extensions=list(config.markdown_extensions),
        extension_configs=dict(config.mdx_configs),
        snippets=tenant_block_snippets(staging),
    )
    variant.scan()
    return variant


def build_fleet(
    layout: Layout,
    slugs: list[str] | None = None,
    out_root: Path | None = None,
    today: date | None = None,
    report: Report | None = None,
) -> FleetResult:
    """Build every tenant in `slugs` (default: all) into `out_root/<slug>/`.

    Content errors stop everything (ProblemError). A tenant with a bad file or an expired licence is
    reported in `failed` and left as it was; the others are built.
    """
    report = report or (lambda event, text: None)
    today = today or date.today()
    out_root = (out_root or layout.site).resolve()
    result = FleetResult()

    content = check_content(layout)[1]
    themes = load_themes(layout.themes)  # raises ProblemError itself
    raise_if_errors(content)

    tenants: dict[str, Tenant] = {}
    for slug in slugs or list_slugs(layout.tenants):
        tenant, problems = tenant_problems(layout.tenants, slug, today)
        if tenant is None or any(not p.warning for p in problems):
            result.failed[slug] = [p for p in problems if not p.warning]
            report("failed", slug)
        else:
            tenants[slug] = tenant

    groups: dict[tuple, list[Tenant]] = defaultdict(list)
    for tenant in tenants.values():
        groups[variant_key(tenant)].append(tenant)

    out_root.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".fleet-", dir=out_root) as scratch:
        for number, (key, members) in enumerate(sorted(groups.items()), 1):
            report("variant", f"{describe(key)} ({len(members)} st)")
            context = RenderContext(tenant=placeholder_tenant(members[0]), themes=tuple(themes), layout=layout, placeholder=True)
            variant = _render_variant(layout, context, Path(scratch) / f"variant-{number}")
            result.variants += 1
            for tenant in members:
                work = Path(tempfile.mkdtemp(prefix=f".{tenant.slug}.building-", dir=out_root))
                try:
                    stamp(variant, tenant, layout.tenants / tenant.slug / tenant.logo, work / "site")
                    swap_into_place(work, out_root / tenant.slug)
                finally:
                    shutil.rmtree(work, ignore_errors=True)
                result.built[tenant.slug] = out_root / tenant.slug
                report("tenant", tenant.slug)
            shutil.rmtree(variant.site.parent, ignore_errors=True)
    return result
