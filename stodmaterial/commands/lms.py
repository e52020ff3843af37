"""`stodmaterial lms --tenant SLUG|--all --format scorm12`: packages for learning platforms."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from stodmaterial.commands.built import build_tenants, print_problems
from stodmaterial.paths import Layout
from stodmaterial.problems import ProblemError


def add_parser(sub, default_tenant: str) -> None:
    lms = sub.add_parser("lms", help="bygg och packa en organisations webbplats för en lärplattform (SCORM 1.2)")
    which = lms.add_mutually_exclusive_group()
    which.add_argument("--tenant", default=default_tenant, help="organisationens kortnamn (mappnamnet i tenants/)")
    which.add_argument("--all", action="store_true", help="alla organisationer i tenants/")
    lms.add_argument("--format", choices=["scorm12"], default="scorm12", help="paketformat (standard: scorm12)")
    lms.add_argument("--out", help="utmapp för zip-filerna (standard: dist/)")
    lms.set_defaults(run=run)


def run(layout: Layout, args: argparse.Namespace) -> int:
    from stodmaterial.build import reproducible_timestamp
    from stodmaterial.lms import make_scorm12
    from stodmaterial.tenant import list_slugs

    reproducible_timestamp(layout)
    dist = Path(args.out).resolve() if args.out else layout.root / "dist"
    slugs = list_slugs(layout.tenants) if args.all else [args.tenant]
    with tempfile.TemporaryDirectory(prefix="stodmaterial-lms-") as work:
        try:
            built, failed = build_tenants(layout, slugs, Path(work), args.today, fleet=args.all)
        except ProblemError as error:
            print_problems(layout, error.problems)
            print("Inga paket skapades.", file=sys.stderr)
            return 1
        for slug, (tenant, site) in sorted(built.items()):
            try:
                result = make_scorm12(layout, tenant, site, dist)
            except ProblemError as error:
                print_problems(layout, error.problems)
                failed.append(slug)
                continue
            print(f"Klart: {result.zip} (SCORM 1.2, {result.items} delar)")
    if failed:
        print(f"{len(failed)} av {len(slugs)} paket misslyckades: {', '.join(sorted(failed))}", file=sys.stderr)
        return 1
    return 0
