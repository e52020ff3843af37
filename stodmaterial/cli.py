"""Command line: `stodmaterial build | serve | check | bundle | hosting | login | lms | pdf`."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
from contextlib import nullcontext
from datetime import date
from pathlib import Path

from stodmaterial.cli_text import use_swedish
from stodmaterial.paths import Layout, find_layout
from stodmaterial.problems import Problem, ProblemError

DEMO_TENANT = "exempelkommun"


def _print_problems(layout: Layout, problems: list[Problem]) -> None:
    for problem in problems:
        print(problem.format(layout.root), file=sys.stderr)


def cmd_build(layout: Layout, args: argparse.Namespace) -> int:
    from stodmaterial.build import build_site, reproducible_timestamp

    reproducible_timestamp(layout)
    if args.all:
        return _build_all(layout, args)
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


def _build_all(layout: Layout, args: argparse.Namespace) -> int:
    from stodmaterial.fleet import build_fleet
    from stodmaterial.tenant import list_slugs

    slugs = list_slugs(layout.tenants)
    out_root = Path(args.out) if args.out else None
    interactive = sys.stdout.isatty() and not os.environ.get("CI")
    try:
        if interactive:
            from rich.progress import Progress

            with Progress() as progress:
                task = progress.add_task("Bygger", total=len(slugs))

                def report(event: str, text: str) -> None:
                    if event == "variant":
                        progress.console.print(f"Variant: {text}")
                    else:
                        progress.advance(task)

                result = build_fleet(layout, slugs, out_root, today=args.today, report=report)
        else:
            def report(event: str, text: str) -> None:
                labels = {"variant": "variant", "tenant": "byggd", "failed": "misslyckades"}
                print(f"{labels[event]}: {text}", flush=True)

            result = build_fleet(layout, slugs, out_root, today=args.today, report=report)
    except ProblemError as error:
        _print_problems(layout, error.problems)
        print("Inget byggdes: rätta innehållet först.", file=sys.stderr)
        return 1
    for slug, problems in sorted(result.failed.items()):
        _print_problems(layout, problems)
    print(f"{len(result.built)} byggda, {len(result.failed)} misslyckade ({result.variants} varianter).")
    return 1 if result.failed else 0


def cmd_serve(layout: Layout, args: argparse.Namespace) -> int:
    from stodmaterial.tenant.load import tenant_dir
    from stodmaterial.serve import serve

    try:
        tenant_dir(layout.tenants, args.tenant)
    except ProblemError as error:
        _print_problems(layout, error.problems)
        return 1
    if not (layout.tenants / args.tenant).is_dir():
        print(f"Organisationen '{args.tenant}' finns inte i tenants/. Ange en som finns, t.ex. --tenant {DEMO_TENANT}.", file=sys.stderr)
        return 1
    host, _, port = args.dev_addr.rpartition(":")
    if not host or not (port.isdigit() or args.port is not None):
        print(f"--dev-addr '{args.dev_addr}' ska vara adress:port, t.ex. 127.0.0.1:8000.", file=sys.stderr)
        return 1
    return serve(layout, args.tenant, host, args.port if args.port is not None else int(port), args.today)


def cmd_check(layout: Layout, args: argparse.Namespace) -> int:
    from stodmaterial.build import build_site
    from stodmaterial.content.check import check_content
    from stodmaterial.tenant import list_slugs, tenant_problems
    from stodmaterial.themes import load_themes

    problems: list[Problem] = []
    for slug in list_slugs(layout.tenants):
        problems += tenant_problems(layout.tenants, slug, args.today)[1]
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
                build_site(layout, DEMO_TENANT, Path(work) / DEMO_TENANT, today=args.today, content=content)
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


def cmd_bundle(layout: Layout, args: argparse.Namespace) -> int:
    from stodmaterial.build import build_site
    from stodmaterial.bundle import make_bundle
    from stodmaterial.bundle.sign import KEY_ENV, check_key, configured_key
    from stodmaterial.fleet import build_fleet
    from stodmaterial.pdf import PdfPrinter
    from stodmaterial.tenant import list_slugs, load_tenant

    key = configured_key(args.signing_key)
    if key is None:
        print(f"OBS: ingen signeringsnyckel angiven (--signing-key eller {KEY_ENV}). Paketen blir OSIGNERADE: "
              "mottagaren kan se att filerna är hela, men inte att de kommer från SKR.", file=sys.stderr)
    else:
        try:
            check_key(key, layout.root)
        except ProblemError as error:
            _print_problems(layout, error.problems)
            return 1
    dist = Path(args.out).resolve() if args.out else layout.root / "dist"
    slugs = list_slugs(layout.tenants) if args.all else [args.tenant]
    failed: list[str] = []
    with tempfile.TemporaryDirectory(prefix="stodmaterial-bundle-") as work:
        built: dict[str, tuple] = {}
        try:
            if args.all:
                # The fleet build: one engine run per variant, every tenant stamped in.
                fleet = build_fleet(layout, slugs, Path(work), today=args.today)
                for slug, problems in sorted(fleet.failed.items()):
                    _print_problems(layout, problems)
                    failed.append(slug)
                built = {slug: (load_tenant(layout.tenants, slug), out) for slug, out in fleet.built.items()}
            else:
                result = build_site(layout, args.tenant, Path(work) / args.tenant, today=args.today)
                built = {args.tenant: (result.tenant, result.out)}
        except ProblemError as error:
            _print_problems(layout, error.problems)
            print("Inga paket skapades.", file=sys.stderr)
            return 1
        try:
            with (nullcontext() if args.no_pdf else PdfPrinter()) as printer:
                for slug, (tenant, site) in sorted(built.items()):
                    try:
                        documents = {}
                        if printer is not None:
                            # The whole material as an accessible PDF per language, under pdf/.
                            printed = printer.print(tenant, site, Path(work) / "pdf" / slug, slug)
                            documents = {pdf.path.name: pdf.path.read_bytes() for pdf in printed}
                        result = make_bundle(layout, tenant, site, dist, key, documents=documents)
                    except ProblemError as error:
                        _print_problems(layout, error.problems)
                        failed.append(slug)
                        continue
                    status = f"signerat med nyckeln {result.fingerprint}" if result.signed else "OSIGNERAT"
                    print(f"Klart: {result.zip} ({status})")
        except ProblemError as error:
            _print_problems(layout, error.problems)
            print("Inga paket skapades.", file=sys.stderr)
            return 1
    if failed:
        print(f"{len(failed)} av {len(slugs)} paket misslyckades: {', '.join(sorted(failed))}", file=sys.stderr)
        return 1
    return 0


def cmd_verify(layout: Layout | None, args: argparse.Namespace) -> int:
    from stodmaterial.bundle.verify import verify_bundle

    signers = Path(args.allowed_signers).expanduser() if args.allowed_signers else None
    verdict = verify_bundle(Path(args.bundle), args.tenant, args.not_older_than, signers)
    print(verdict.report(), file=sys.stdout if verdict.ok else sys.stderr)
    return 0 if verdict.ok else 1


def _hosting_config(layout: Layout, args: argparse.Namespace):
    """The operator's settings (--config or $STODMATERIAL_HOSTING_CONFIG), or None after printing why."""
    from stodmaterial.hosting.config import CONFIG_ENV, config_path, load_hosting_config

    path = config_path(args.config)
    if path is None:
        print(f"Ange inställningsfilen med --config eller {CONFIG_ENV} (se DRIFT.md).", file=sys.stderr)
        return None
    try:
        return load_hosting_config(path)
    except ProblemError as error:
        _print_problems(layout, error.problems)
        return None


def cmd_hosting(layout: Layout, args: argparse.Namespace) -> int:
    from stodmaterial.hosting.generate import generate

    config = _hosting_config(layout, args)
    if config is None:
        return 1
    try:
        result = generate(layout, config, args.today)
    except ProblemError as error:
        _print_problems(layout, error.problems)
        print("Ingen konfiguration skrevs.", file=sys.stderr)
        return 1
    plan = result.plan
    print(f"Öppna ({len(plan.open)}): {', '.join(t.slug for t in plan.open) or '–'}")
    print(f"Stängda ({len(plan.locked)}): {', '.join(f'{t.slug} ({t.why})' for t in plan.locked) or '–'}")
    print(f"Utan inloggning ({len(plan.without_login)}): {', '.join(plan.without_login) or '–'}")
    _print_problems(layout, plan.problems)
    print(f"Skrev {result.output}. Kontrollera och ladda om: nginx -t && systemctl reload nginx")
    if plan.problems:
        print(f"{len(plan.problems)} problem: de organisationerna är stängda eller inte med i konfigurationen.", file=sys.stderr)
        return 1
    return 0


def cmd_login(layout: Layout, args: argparse.Namespace) -> int:
    from stodmaterial.hosting.config import check_outside_repository
    from stodmaterial.hosting.credentials import CredentialStore
    from stodmaterial.hosting.password import ENTROPY_BITS
    from stodmaterial.tenant import load_tenant

    config = _hosting_config(layout, args)
    if config is None:
        return 1
    store = CredentialStore(config.credentials, config.credentials_group)
    try:
        check_outside_repository(config, layout.root)
        if args.action == "revoke":
            path = store.revoke(args.slug)
            print(f"Inloggningen för '{args.slug}' är återkallad ({path}). Alla lösenord nekas från och med nu.")
            print("Kör stodmaterial hosting och ladda om nginx, så svarar adressen som om organisationen inte fanns.")
            return 0
        tenant = load_tenant(layout.tenants, args.slug)
        login = store.create(args.slug) if args.action == "create" else store.rotate(args.slug)
    except ProblemError as error:
        _print_problems(layout, error.problems)
        return 1
    print(f"{'Ny inloggning' if args.action == 'create' else 'Nytt lösenord'} för {tenant.name} ({tenant.slug})")
    print(f"  Adress:        {config.https_origin}/{tenant.slug}/")
    print(f"  Användarnamn:  {login.user}")
    print(f"  Lösenord:      {login.password}")
    print(f"Lösenordet ({int(ENTROPY_BITS)} bitar slump) visas bara nu; bara dess hash sparas, i {login.path}.")
    print("Lämna det till organisationens säkerhetsansvariga på ett säkert sätt (inte i samma e-post som adressen).")
    if args.action == "rotate":
        print("Det gamla lösenordet nekas från och med nu.")
    else:
        print("Kör stodmaterial hosting och ladda om nginx om organisationen är ny i konfigurationen.")
    return 0


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' är inget datum (ÅÅÅÅ-MM-DD)")


def parser() -> argparse.ArgumentParser:
    from stodmaterial.engine import DEFAULT_ENGINE, ENGINES

    use_swedish()
    main = argparse.ArgumentParser(prog="stodmaterial", description="Bygger stödmaterialet för en licensierad kommun eller region.")
    main.add_argument("--repo", metavar="MAPP", help="repots rotmapp (standard: den mapp du står i)")
    main.add_argument("--today", type=_date, default=date.today(), help=argparse.SUPPRESS)
    sub = main.add_subparsers(dest="command", required=True, title="kommandon", metavar="KOMMANDO")
    engine = argparse.ArgumentParser(add_help=False)
    engine.add_argument("--engine", choices=ENGINES, default=None, metavar="MOTOR",
                        help=f"motorn som bygger sidorna: {' eller '.join(ENGINES)} (standard: {DEFAULT_ENGINE}, eller $STODMATERIAL_ENGINE)")

    build = sub.add_parser("build", parents=[engine], help="bygg en organisations webbplats")
    which = build.add_mutually_exclusive_group()
    which.add_argument("--tenant", default=DEMO_TENANT, metavar="KORTNAMN", help="organisationens kortnamn (mappnamnet i tenants/)")
    which.add_argument("--all", action="store_true", help="bygg alla organisationer i tenants/")
    build.add_argument("--out", metavar="MAPP", help="utmapp (standard: site/<kortnamn>/; med --all: mappen där varje organisation hamnar)")
    build.set_defaults(run=cmd_build)

    serve = sub.add_parser("serve", parents=[engine], help="förhandsvisa medan du redigerar; sidan laddas om när du sparar",
                           description="Förhandsvisa en organisations webbplats på din egen dator medan du redigerar. "
                                       "Fel visas i terminalen och i webbläsaren. Stoppa med Ctrl+C.")
    serve.add_argument("--tenant", default=DEMO_TENANT, metavar="KORTNAMN", help=f"organisationens kortnamn (mappnamnet i tenants/; standard: {DEMO_TENANT})")
    serve.add_argument("--port", metavar="PORT", type=int, help="porten att lyssna på (standard: 8000); välj en annan om 8000 är upptagen")
    serve.add_argument("--dev-addr", metavar="ADRESS", default="127.0.0.1:8000", help="adress och port, t.ex. 127.0.0.1:8000 (standard)")
    serve.set_defaults(run=cmd_serve)

    bundle = sub.add_parser("bundle", parents=[engine], help="bygg och packa en organisations webbplats som en zip med kontrollsummor och driftrecept")
    which = bundle.add_mutually_exclusive_group()
    which.add_argument("--tenant", default=DEMO_TENANT, metavar="KORTNAMN", help="organisationens kortnamn (mappnamnet i tenants/)")
    which.add_argument("--all", action="store_true", help="alla organisationer i tenants/")
    bundle.add_argument("--out", metavar="MAPP", help="utmapp för zip-filerna (standard: dist/)")
    bundle.add_argument("--no-pdf", action="store_true", help="utan PDF-filerna (som annars skrivs ut med Chromium och läggs i pdf/)")
    bundle.add_argument("--signing-key", metavar="NYCKEL", help="privat SSH-nyckel att signera SHA256SUMS med (standard: $STODMATERIAL_SIGNING_KEY); aldrig en fil i repot")
    bundle.set_defaults(run=cmd_bundle)

    check = sub.add_parser("check", parents=[engine], help="kontrollera alla organisationer och allt innehåll utan att skriva någon webbplats")
    check.add_argument("--quiet", action="store_true", help="visa bara problem, inte sammanfattningen per sida")
    check.set_defaults(run=cmd_check)

    verify = sub.add_parser("verify", help="kontrollera ett paket innan ni använder det (se HOSTING.md)",
                            description="Kontrollerar ett paket (zip-filen eller mappen det är uppackat i) som HOSTING.md beskriver: "
                                        "kontrollsummor, signatur, organisation, version och att inga extra filer eller länkar finns. "
                                        "Slutkoden är 0 när paketet är godkänt, annars 1.")
    verify.add_argument("bundle", metavar="PAKET", help="zip-filen eller mappen med det uppackade paketet")
    verify.add_argument("--tenant", required=True, metavar="KORTNAMN", help="er organisations kortnamn; ett paket för en annan organisation underkänns")
    verify.add_argument("--not-older-than", metavar="VERSION", help="versionen ni har i drift nu (står i manifest.json); ett äldre paket underkänns")
    verify.add_argument("--allowed-signers", metavar="FIL", help="er allowed_signers med SKR:s publika nyckel (HOSTING.md avsnitt 2); utan den kontrolleras inte signaturen")
    verify.set_defaults(run=cmd_verify, needs_repo=False)

    hosting = sub.add_parser("hosting", help="skriv nginx-konfigurationen för den värdade tjänsten (alla organisationer, var och en bakom sin inloggning)")
    hosting.add_argument("--config", metavar="FIL", help="driftens inställningsfil (standard: $STODMATERIAL_HOSTING_CONFIG); se DRIFT.md")
    hosting.set_defaults(run=cmd_hosting)

    login = sub.add_parser("login", help="skapa, byt eller återkalla en organisations inloggning i den värdade tjänsten")
    login.add_argument("action", choices=["create", "rotate", "revoke"], metavar="create|rotate|revoke", help="create: ny inloggning, rotate: nytt lösenord, revoke: stäng")
    login.add_argument("slug", metavar="KORTNAMN", help="organisationens kortnamn (mappnamnet i tenants/)")
    login.add_argument("--config", metavar="FIL", help="driftens inställningsfil (standard: $STODMATERIAL_HOSTING_CONFIG)")
    login.set_defaults(run=cmd_login)

    from stodmaterial.commands import lms as lms_command
    from stodmaterial.commands import pdf as pdf_command

    lms_command.add_parser(sub, DEMO_TENANT)
    pdf_command.add_parser(sub, DEMO_TENANT)
    return main


def main(argv: list[str] | None = None) -> int:
    from stodmaterial import engine, i18n

    args = parser().parse_args(argv)
    if not getattr(args, "needs_repo", True):
        return args.run(None, args)
    layout = Layout(Path(args.repo).resolve()) if args.repo else find_layout()
    try:
        i18n.registry()  # the language files, before anything reads them
    except ProblemError as error:
        _print_problems(layout, error.problems)
        print("Språkfilerna i stodmaterial/languages/ har fel; rätta dem först.", file=sys.stderr)
        return 1
    try:
        engine.activate(getattr(args, "engine", None))
    except RuntimeError:
        # MkDocs is already loaded in this process (a test calling main()): run in a new process.
        result = engine.engine_subprocess(argv or sys.argv[1:], args.engine)
        sys.stdout.write(result.stdout)
        sys.stderr.write(result.stderr)
        return result.returncode
    return args.run(layout, args)


if __name__ == "__main__":
    raise SystemExit(main())
