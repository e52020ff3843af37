"""The one build path: validate every tenant, render each variant once, fill every tenant's slots.

`stodmaterial build --tenant X` is this with one tenant. Content errors stop the build (they are the
same for every tenant); a tenant's own problem (its file, its licence, its disk) is reported for that
tenant and never stops the others.
"""

from __future__ import annotations

import shutil
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable

from stodmaterial.content.check import check_content
from stodmaterial.engine import EngineRequest, run_engine
from stodmaterial.fleet.output_check import output_problems
from stodmaterial.fleet.slots import SlotError, SlotTable
from stodmaterial.fleet.stamp import Variant, fill
from stodmaterial.fleet.variant import VariantKey, describe, placeholder_tenant, variant_key
from stodmaterial.markdown import EXTENSIONS
from stodmaterial.paths import Layout
from stodmaterial.problems import Problem, ProblemError, raise_if_errors
from stodmaterial.publish import Release, disk_problem, probe, refuse_unsafe_output
from stodmaterial.render_context import RenderContext
from stodmaterial.search_index import split_search_index
from stodmaterial.stage import stage_docs
from stodmaterial.tenant import Tenant, list_slugs, tenant_problems
from stodmaterial.themes import Theme, load_themes

Report = Callable[[str, str], None]  # (event, text): events "variant", "tenant", "failed"


@dataclass
class FleetResult:
    built: dict[str, Path] = field(default_factory=dict)
    failed: dict[str, list[Problem]] = field(default_factory=dict)
    warnings: dict[str, list[Problem]] = field(default_factory=dict)
    tenants: dict[str, Tenant] = field(default_factory=dict)
    variants: int = 0


def render_variant(layout: Layout, context: RenderContext, languages: tuple[str, ...], work: Path) -> EngineRequest:
    """Stage the sources for `languages` and run the engine once for `context`. Raises ProblemError."""
    from stodmaterial.build import problems_from_warnings

    request = EngineRequest(
        config_file=layout.config_file,
        docs_dir=stage_docs(layout, work / "stage", languages),
        site_dir=work / "site",
        languages=languages,
        context=context,
        extensions=EXTENSIONS,
    )
    result = run_engine(request)
    if result.failed or result.warnings:
        problems = problems_from_warnings(layout, result.warnings)
        raise ProblemError(problems or [Problem(layout.config_file, "motorn avbröt bygget.", "Se meddelandet ovan.")])
    offline = (request.site_dir / "search" / "search_index.js").is_file()
    split_search_index(request.site_dir, languages[0], list(languages), offline=offline)
    return request


def _variant(layout: Layout, themes: list[Theme], key: VariantKey, members: list[Tenant], work: Path) -> Variant:
    languages = key[0]
    slots = SlotTable()
    context = RenderContext(tenant=placeholder_tenant(members[0]), themes=tuple(themes), layout=layout, locale=languages[0], slots=slots)
    request = render_variant(layout, context, languages, work)
    outside = output_problems(request.site_dir)
    if outside:
        raise ProblemError([Problem(
            layout.overrides,
            f"en sida hämtar något från en annan webbplats eller leder bort den: {what}.",
            "Webbplatsen ska fungera utan internet: lägg filen i overrides/ eller docs/ och hänvisa relativt; ta bort <base>, omdirigering och formulär.",
        ) for what in outside[:10]])
    variant = Variant(site=request.site_dir, languages=languages, slots=slots)
    try:
        variant.scan()
    except SlotError as error:
        raise ProblemError([Problem(
            layout.config_file,
            f"en organisations uppgift hamnar där den inte kan kodas säkert: {error}.",
            "Skriv {{ tenant.… }} bara i brödtext (inte i rubriker, attribut, rå HTML eller kod). Kör stodmaterial check.",
        )]) from None
    return variant


def build_fleet(
    layout: Layout,
    slugs: list[str] | None = None,
    out_root: Path | None = None,
    today: date | None = None,
    report: Report | None = None,
    outs: dict[str, Path] | None = None,
    content: list[Problem] | None = None,
) -> FleetResult:
    """Build every tenant in `slugs` (default: all) to `outs[slug]` or `out_root/<slug>`.

    Content errors stop everything (ProblemError). A tenant with a bad file, an expired licence or an
    unwritable output is reported in `failed`, its previous site left as it was; the others are built.
    `content` is what check_content(layout) found, when the caller has just run it (`check` does, to
    print its report); otherwise the content is checked here.
    """
    report = report or (lambda event, text: None)
    today = today or date.today()
    out_root = (out_root or layout.site).resolve()
    outs = dict(outs or {})
    result = FleetResult()

    if content is None:
        content = check_content(layout)[1]
    themes = load_themes(layout.themes)  # raises ProblemError itself
    raise_if_errors(content)

    groups: dict[VariantKey, list[Tenant]] = defaultdict(list)
    for slug in slugs or list_slugs(layout.tenants):
        tenant, problems = tenant_problems(layout.tenants, slug, today)
        live = outs.setdefault(slug, out_root / slug)
        errors = [p for p in problems if not p.warning]
        if tenant is not None and not errors:
            try:
                refuse_unsafe_output(layout, live)
                probe(live)
            except ProblemError as error:
                errors = error.problems
            except OSError as error:
                errors = [disk_problem(live, error)]
        if tenant is None or errors:
            result.failed[slug] = errors
            report("failed", slug)
            continue
        result.warnings[slug] = problems
        result.tenants[slug] = tenant
        groups[variant_key(tenant)].append(tenant)

    if not groups:
        return result
    try:
        scratch_parent = out_root if out_root.is_dir() else Path(tempfile.gettempdir())
        scratch = Path(tempfile.mkdtemp(prefix=".fleet-", dir=scratch_parent))
    except OSError as error:
        raise ProblemError([disk_problem(out_root, error)]) from None
    try:
        for number, (key, members) in enumerate(sorted(groups.items()), 1):
            report("variant", f"{describe(key)} ({len(members)} st)")
            variant = _variant(layout, themes, key, members, scratch / f"variant-{number}")
            result.variants += 1
            for tenant in members:
                try:
                    with Release(outs[tenant.slug]) as release:
                        fill(variant, tenant, layout.tenants / tenant.slug / tenant.logo, release.path)
                        result.built[tenant.slug] = release.publish()
                except OSError as error:
                    result.failed[tenant.slug] = [disk_problem(outs[tenant.slug], error)]
                    report("failed", tenant.slug)
                    continue
                report("tenant", tenant.slug)
            shutil.rmtree(variant.site.parent, ignore_errors=True)
    except OSError as error:
        raise ProblemError([disk_problem(scratch, error)]) from None
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return result
