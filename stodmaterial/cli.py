"""Command line: `stodmaterial build | serve | check`."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import date
from pathlib import Path

from stodmaterial.paths import Layout, find_layout
from stodmaterial.problems import Problem, ProblemError

DEMO_TENANT = "exempelkommun"


def _print_problems(layout: Layout, problems: list[Problem]) -> None:
    for problem in problems:
        print(problem.format(layout.root), file=sys.stderr)


def cmd_build(layout: Layout, args: argparse.Namespace) -> int:
    from stodmaterial.build import build_site

    out = Path(args.out) if args.out else None
    try:
        result = build_site(layout, args.tenant, out, today=args.today)
    except ProblemError as error:
        _print_problems(layout, error.problems)
        print(f"Bygget av '{args.tenant}' misslyckades; den tidigare webbplatsen är orörd.", file=sys.stderr)
        return 1
    index = result.out / "index.html"
    print(f"Klart: {result.tenant.name} finns i {result.out}")
    print(f"Öppna {index.as_uri()} i en webbläsare, eller kör: stodmaterial serve --tenant {args.tenant}")
    return 0


def cmd_serve(layout: Layout, args: argparse.Namespace) -> int:
    from mkdocs.commands.serve import serve

    from stodmaterial.build import validate

    try:
        validate(layout, args.tenant, args.today)
    except ProblemError as error:
        _print_problems(layout, error.problems)
        return 1
    os.environ["STODMATERIAL_TENANT"] = args.tenant
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    serve(config_file=str(layout.config_file), dev_addr=args.dev_addr, livereload=True, strict=False)
    return 0


def cmd_check(layout: Layout, args: argparse.Namespace) -> int:
    from stodmaterial.build import render
    from stodmaterial.content.check import check_content
    from stodmaterial.tenant import licence_problems, list_slugs, load_tenant
    from stodmaterial.themes import load_themes

    problems: list[Problem] = []
    for slug in list_slugs(layout.tenants):
        try:
            tenant = load_tenant(layout.tenants, slug)
            problems += licence_problems(tenant, layout.tenants, args.today)
        except ProblemError as error:
            problems += error.problems
    try:
        load_themes(layout.themes)
    except ProblemError as error:
        problems += error.problems
    reports, content = check_content(layout)
    problems += content
    if not args.quiet:
        for report in reports:
            print(report.summary(layout.root))
    if not any(not p.warning for p in problems):
        # Links and anchors are only known to the engine: build the demo tenant and throw it away.
        with tempfile.TemporaryDirectory(prefix="stodmaterial-check-") as work:
            try:
                render(layout, DEMO_TENANT, Path(work) / "site", Path(work) / "stage")
            except ProblemError as error:
                problems += error.problems
    _print_problems(layout, problems)
    errors = [p for p in problems if not p.warning]
    warnings = len(problems) - len(errors)
    if errors:
        print(f"{len(errors)} fel och {warnings} varningar.", file=sys.stderr)
        return 1
    print(f"Inga fel ({warnings} varningar).")
    return 0


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' är inget datum (ÅÅÅÅ-MM-DD)")


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="stodmaterial", description="Bygger stödmaterialet för en licensierad kommun eller region.")
    main.add_argument("--repo", help="repots rotmapp (standard: den mapp du står i)")
    main.add_argument("--today", type=_date, default=date.today(), help=argparse.SUPPRESS)
    sub = main.add_subparsers(dest="command", required=True)

    build = sub.add_parser("build", help="bygg en organisations webbplats")
    build.add_argument("--tenant", default=DEMO_TENANT, help="organisationens kortnamn (mappnamnet i tenants/)")
    build.add_argument("--out", help="utmapp (standard: site/<kortnamn>/)")
    build.set_defaults(run=cmd_build)

    serve = sub.add_parser("serve", help="förhandsvisa medan du redigerar")
    serve.add_argument("--tenant", default=DEMO_TENANT)
    serve.add_argument("--dev-addr", default="127.0.0.1:8000")
    serve.set_defaults(run=cmd_serve)

    check = sub.add_parser("check", help="kontrollera alla organisationer och allt innehåll utan att skriva någon webbplats")
    check.add_argument("--quiet", action="store_true", help="visa bara problem, inte sammanfattningen per sida")
    check.set_defaults(run=cmd_check)
    return main


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    layout = Layout(Path(args.repo).resolve()) if args.repo else find_layout()
    return args.run(layout, args)


if __name__ == "__main__":
    raise SystemExit(main())
