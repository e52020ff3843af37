"""Build the tenants a command works on into a temporary folder: one tenant with build_site, all
with the fleet. Shared by the commands that package a built site (lms, pdf)."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from stodmaterial.paths import Layout
from stodmaterial.problems import ProblemError


def build_tenants(layout: Layout, slugs: list[str], work: Path, today: date, fleet: bool) -> tuple[dict, list[str]]:
    """({slug: (tenant, site folder)}, failed slugs). Problems are printed; raises ProblemError when
    nothing can be built at all."""
    from stodmaterial.build import build_site
    from stodmaterial.fleet import build_fleet
    from stodmaterial.tenant import load_tenant

    if not fleet:
        result = build_site(layout, slugs[0], work / slugs[0], today=today)
        return {slugs[0]: (result.tenant, result.out)}, []
    result = build_fleet(layout, slugs, work, today=today)
    failed = []
    for slug, problems in sorted(result.failed.items()):
        print_problems(layout, problems)
        failed.append(slug)
    return {slug: (load_tenant(layout.tenants, slug), out) for slug, out in result.built.items()}, failed


def print_problems(layout: Layout, problems) -> None:
    for problem in problems:
        print(problem.format(layout.root), file=sys.stderr)


__all__ = ["ProblemError", "build_tenants", "print_problems"]
