"""Build one tenant's site: the fleet build with one tenant (fleet/build.py), plus the translation of
the engine's warnings into problems that name the editor's own file and line.

A failed build raises ProblemError and leaves the previous site exactly as it was.
"""

from __future__ import annotations

import os
import posixpath
import re
import subprocess
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from stodmaterial.content.check import check_content
from stodmaterial.markdown.print_all import rewrite_target
from stodmaterial.paths import Layout
from stodmaterial.problems import Problem, ProblemError, raise_if_errors
from stodmaterial.stage import source_of
from stodmaterial.tenant import Tenant, tenant_problems
from stodmaterial.themes import load_themes

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def reproducible_timestamp(layout: Layout) -> None:
    """Pin the engine's build time (sitemap dates, gzip headers) to the content's last commit, so the
    same content gives the same files. An explicit SOURCE_DATE_EPOCH wins."""
    if "SOURCE_DATE_EPOCH" in os.environ:
        return
    try:
        stamp = subprocess.run(["git", "-C", str(layout.root), "log", "-1", "--format=%ct"], capture_output=True, text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return
    if stamp.isdigit():
        os.environ["SOURCE_DATE_EPOCH"] = stamp

LINK_WARNING = re.compile(r"Doc file '([^']+)' contains (?:a link|an absolute link|a link to) '([^']+)'")
ANCHOR_WARNING = re.compile(r"Doc file '([^']+)' contains a link '([^']+)', but the doc '([^']+)' does not contain an anchor '([^']+)'")


@dataclass(frozen=True)
class BuildResult:
    tenant: Tenant
    out: Path


def _line_of(path: Path, needle: str) -> int | None:
    try:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if needle in line:
                return number
    except OSError:
        pass
    return None


def problem_from_warning(layout: Layout, message: str) -> Problem:
    """Turn an engine warning about a staged file into a problem naming the editor's own file."""
    if (anchor := ANCHOR_WARNING.search(message)):
        source = source_of(layout, anchor.group(1))
        return Problem(
            source,
            f"länken '{anchor.group(2)}' pekar på rubriken '{anchor.group(4)}', som inte finns på sidan den leder till.",
            "Rätta ankaret efter # så att det matchar en rubrik på målsidan (små bokstäver, bindestreck).",
            _line_of(source, anchor.group(2)),
        )
    if (link := LINK_WARNING.search(message)):
        source = source_of(layout, link.group(1))
        target = link.group(2).partition("#")[0]
        staged = posixpath.normpath(posixpath.join(posixpath.dirname(link.group(1)), target))
        if target.endswith(".en.md") and not staged.startswith("..") and source_of(layout, staged).is_file():
            swedish = target.removesuffix(".en.md") + ".md"
            return Problem(
                source,
                f"länken '{link.group(2)}' leder till den engelska filen.",
                f"Länka till den svenska filen i stället, '{swedish}': bygget väljer själv rätt språk.",
                _line_of(source, link.group(2)),
            )
        return Problem(
            source,
            f"länken '{link.group(2)}' leder till en sida eller fil som inte finns.",
            "Rätta sökvägen: skriv den relativt den här filen och till den svenska .md-filen, t.ex. ../../fa-stod.md.",
            _line_of(source, link.group(2)),
        )
    return Problem(layout.config_file, message.strip(), "Se meddelandet; fråga en utvecklare om det är oklart.")


def _link_of(message: str) -> tuple[str, str] | None:
    """(staged page, link) of a link or anchor warning."""
    found = ANCHOR_WARNING.search(message) or LINK_WARNING.search(message)
    return (found.group(1), found.group(2)) if found else None


def problems_from_warnings(layout: Layout, messages: list[str]) -> list[Problem]:
    """The engine's warnings as problems, once each: a page that prints every theme (`/// print-all`)
    repeats the themes' broken links, rewritten; those copies are left out, since the theme's own
    problem names the editor's file and line."""
    links = [_link_of(m) for m in messages]
    kept = []
    for message, link in zip(messages, links):
        if link and _is_copy(layout, link, [other for other in links if other and other[0] != link[0]]):
            continue
        kept.append(problem_from_warning(layout, message))
    return kept


def _is_copy(layout: Layout, link: tuple[str, str], others: list[tuple[str, str]]) -> bool:
    page, target = link
    try:
        if "print-all" not in source_of(layout, page).read_text(encoding="utf-8"):
            return False
    except (OSError, UnicodeDecodeError):
        return False
    return any(rewrite_target(other_target, other_page, page) == target for other_page, other_target in others)


def validate(layout: Layout, slug: str, today: date) -> Tenant:
    """Everything that can be checked before building. Raises ProblemError."""
    tenant, problems = tenant_problems(layout.tenants, slug, today)
    try:
        load_themes(layout.themes)
    except ProblemError as error:
        problems += error.problems
    problems += check_content(layout)[1]
    raise_if_errors(problems)
    return tenant


def build_site(layout: Layout, slug: str, out: Path | None = None, today: date | None = None,
               content: list[Problem] | None = None) -> BuildResult:
    """Validate and build one tenant (a fleet of one) to `out` (default site/<slug>), published in one
    step. Raises ProblemError with every problem found. `content`: as for build_fleet."""
    from stodmaterial.fleet.build import build_fleet

    fleet = build_fleet(layout, [slug], today=today, outs={slug: out} if out else None, content=content)
    if slug in fleet.failed:
        raise ProblemError(fleet.failed[slug])
    return BuildResult(tenant=fleet.tenants[slug], out=fleet.built[slug])


def swap_into_place(work: Path, out: Path) -> None:
    """Move the finished `work/site` to `out`; the previous `out` goes to `work/previous`, which the
    caller removes. Both are on one file system, so readers see the old site or the new one."""
    if out.exists():
        os.replace(out, work / "previous")
    os.replace(work / "site", out)
