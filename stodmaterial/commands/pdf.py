"""`stodmaterial pdf --tenant SLUG|--all`: the accessible PDF of the whole material, per language."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from stodmaterial.commands.built import build_tenants, print_problems
from stodmaterial.paths import Layout
from stodmaterial.problems import ProblemError


def add_parser(sub, default_tenant: str) -> None:
    pdf = sub.add_parser("pdf", help="skriv ut hela materialet som tillgänglig PDF, en fil per språk")
    which = pdf.add_mutually_exclusive_group()
    which.add_argument("--tenant", default=default_tenant, help="organisationens kortnamn (mappnamnet i tenants/)")
    which.add_argument("--all", action="store_true", help="alla organisationer i tenants/")
    pdf.add_argument("--out", help="utmapp för PDF-filerna (standard: dist/)")
    pdf.set_defaults(run=run)


def run(layout: Layout, args: argparse.Namespace) -> int:
    from stodmaterial.build import reproducible_timestamp
    from stodmaterial.bundle.version import build_time, bundle_version, content_version
    from stodmaterial.pdf import PdfPrinter
    from stodmaterial.tenant import list_slugs

    reproducible_timestamp(layout)
    dist = Path(args.out).resolve() if args.out else layout.root / "dist"
    slugs = list_slugs(layout.tenants) if args.all else [args.tenant]
    version = bundle_version(content_version(layout.root), build_time())
    with tempfile.TemporaryDirectory(prefix="stodmaterial-pdf-") as work:
        try:
            built, failed = build_tenants(layout, slugs, Path(work), args.today, fleet=args.all)
        except ProblemError as error:
            print_problems(layout, error.problems)
            print("Inga PDF-filer skapades.", file=sys.stderr)
            return 1
        try:
            with PdfPrinter() as printer:
                for slug, (tenant, site) in sorted(built.items()):
                    try:
                        printed = printer.print(tenant, site, dist, f"{slug}-{version}")
                    except ProblemError as error:
                        print_problems(layout, error.problems)
                        failed.append(slug)
                        continue
                    for pdf in printed:
                        print(f"Klart: {pdf.path}")
        except ProblemError as error:
            print_problems(layout, error.problems)
            return 1
    if failed:
        print(f"{len(failed)} av {len(slugs)} misslyckades: {', '.join(sorted(failed))}", file=sys.stderr)
        return 1
    return 0
