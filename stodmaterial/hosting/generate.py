"""`stodmaterial hosting`: plan every tenant, render nginx's configuration and the service's own pages,
and replace output_dir in one step.

output_dir/
  stodmaterial.conf           the http-context configuration (see nginx.py)
  snippets/                   MIME types and one security-header snippet per open tenant, plus the neutral one
  public/                     start page, style sheet, robots.txt, error pages (public/_/)
  tom/                        an empty folder: the root of locations that must never serve a file
  ingen-inloggning.htpasswd   a user file without users (every login fails)
  .stodmaterial-hosting       marks the folder as ours: an existing folder without it is never replaced
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from stodmaterial.build import swap_into_place
from stodmaterial.bundle.csp import InlineCode
from stodmaterial.bundle.headers import security_headers
from stodmaterial.hosting import nginx, pages
from stodmaterial.hosting.config import HostingConfig, check_outside_repository
from stodmaterial.hosting.plan import Plan, hsts, plan_tenants
from stodmaterial.paths import Layout
from stodmaterial.problems import Problem, ProblemError

MARKER = ".stodmaterial-hosting"


@dataclass(frozen=True)
class HostingResult:
    plan: Plan
    output: Path


def output_files(config: HostingConfig, plan: Plan, today: date) -> dict[str, str]:
    neutral_headers = [*security_headers(InlineCode()), hsts(config)]
    files = nginx.render_files(config, plan, neutral_headers, today)
    for name, text in pages.neutral_pages().items():
        files[f"{nginx.PUBLIC}/{name}"] = text
    for tenant in plan.open:
        files[f"{nginx.PUBLIC}/_/404-{tenant.slug}.html"] = pages.tenant_not_found(tenant.slug, tenant.languages)
    files[MARKER] = "Skapad av stodmaterial hosting. Hela mappen skrivs om varje gång.\n"
    return files


def _check_replaceable(output: Path) -> None:
    if output.is_symlink() or (output.exists() and not output.is_dir()):
        raise ProblemError([Problem(output, "output_dir är ingen vanlig mapp.", "Ange en mapp som bara stodmaterial hosting använder.")])
    if output.is_dir() and any(output.iterdir()) and not (output / MARKER).is_file():
        raise ProblemError([Problem(output, "mappen finns redan och har inte skapats av stodmaterial hosting; den skrivs inte över.",
                                    "Ange en ny eller tom mapp i output_dir, t.ex. /etc/stodmaterial/nginx.")])


def write_output(output: Path, files: dict[str, str]) -> None:
    """Write every file into a new folder beside `output`, then swap it into place."""
    _check_replaceable(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{output.name}.skrivs-", dir=output.parent))
    try:
        folder = work / "site"
        (folder / nginx.EMPTY).mkdir(parents=True)
        for name, text in sorted(files.items()):
            target = folder / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
            os.chmod(target, 0o644)
        for path in [folder, *folder.rglob("*")]:
            if path.is_dir():
                os.chmod(path, 0o755)
        swap_into_place(work, output)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def generate(layout: Layout, config: HostingConfig, today: date) -> HostingResult:
    """Write the whole configuration. Tenants with problems are left out and listed in the result."""
    check_outside_repository(config, layout.root)
    plan = plan_tenants(layout, config, today)
    write_output(config.output, output_files(config, plan, today))
    return HostingResult(plan, config.output)
