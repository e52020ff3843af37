"""Read `tenants/<slug>/tenant.yml` into a validated Tenant, or every problem with its line."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from pydantic import ValidationError

from stodmaterial.model_errors import validation_problems
from stodmaterial.problems import Problem, ProblemError
from stodmaterial.tenant.logo import logo_problem
from stodmaterial.tenant.model import SLUG, TRANSLATED, Tenant
from stodmaterial.yamlsource import YamlDocument, load_yaml

TENANT_FILE = "tenant.yml"
EXPIRY_WARNING_DAYS = 30


def tenant_dir(tenants_dir: Path, slug: str) -> Path:
    """The folder of tenant `slug`, refusing any slug that could leave `tenants_dir`."""
    if not SLUG.match(slug):
        raise ProblemError([
            Problem(
                tenants_dir / slug,
                f"{slug!r} är inget giltigt kortnamn för en organisation.",
                "Använd bara små bokstäver a–z, siffror och bindestreck, t.ex. exempelkommun eller region-exempel.",
            )
        ])
    folder = tenants_dir / slug
    if folder.is_symlink() or not folder.resolve().is_relative_to(tenants_dir.resolve()):
        raise ProblemError([Problem(folder, "mappen pekar ut ur tenants/.", "Lägg organisationens filer direkt i tenants/<kortnamn>/.")])
    return folder


def list_slugs(tenants_dir: Path) -> list[str]:
    """Every tenant folder, also those with a name that is not a valid slug (load_tenant rejects them
    with a message, so `check` and the fleet report them instead of skipping them silently)."""
    return sorted(p.name for p in tenants_dir.iterdir() if p.is_dir() and not p.name.startswith((".", "_")))


def _problems_from(error: ValidationError, doc: YamlDocument) -> list[Problem]:
    return validation_problems(error, doc, Tenant, "tenants/exempelkommun/tenant.yml", hidden=("slug",))


def load_tenant(tenants_dir: Path, slug: str) -> Tenant:
    """Validate one tenant's file and assets. Raises ProblemError listing every problem."""
    folder = tenant_dir(tenants_dir, slug)
    path = folder / TENANT_FILE
    if not path.is_file():
        raise ProblemError([
            Problem(path, f"organisationen '{slug}' har ingen {TENANT_FILE}.", f"Skapa {path} utifrån tenants/exempelkommun/tenant.yml.")
        ])
    if path.is_symlink() or not path.resolve().is_relative_to(folder.resolve()):
        raise ProblemError([Problem(path, f"{TENANT_FILE} är en länk till en fil utanför organisationens mapp.", f"Lägg en riktig fil {TENANT_FILE} i tenants/{slug}/.")])
    doc = load_yaml(path)
    if not isinstance(doc.data, dict):
        raise ProblemError([Problem(path, "filen innehåller inga fält.", "Jämför med tenants/exempelkommun/tenant.yml.", 1)])
    if "slug" in doc.data:
        raise ProblemError([
            Problem(path, "fältet 'slug' får inte stå i filen.", "Ta bort det: kortnamnet är mappens namn.", doc.line_of(("slug",)))
        ])
    try:
        tenant = Tenant.model_validate({**doc.data, "slug": slug})
    except ValidationError as error:
        raise ProblemError(_problems_from(error, doc))
    logo_path = folder / tenant.logo
    why = logo_problem(logo_path)
    if why is None and not logo_path.resolve().is_relative_to(folder.resolve()):
        why = "logotypen pekar ut ur organisationens mapp"
    if why:
        raise ProblemError([
            Problem(path, f"logo: {why} ({logo_path.name}).", "Lägg en SVG- eller PNG-fil på högst 200 kB i samma mapp och skriv dess namn.", doc.line_of(("logo",)))
        ])
    return tenant


def licence_problems(tenant: Tenant, tenants_dir: Path, today: date) -> list[Problem]:
    """An expired licence is an error (the site is not built); one ending soon is a warning."""
    path = tenants_dir / tenant.slug / TENANT_FILE
    until = tenant.licence.valid_until
    if until < today:
        return [Problem(path, f"licensen gick ut {until}; webbplatsen byggs inte.", "Förnya licensen och ändra licence.valid_until.")]
    if tenant.licence.valid_from > today:
        return [Problem(path, f"licensen börjar först {tenant.licence.valid_from}.", "Vänta till dess eller ändra licence.valid_from.", warning=True)]
    if until - today <= timedelta(days=EXPIRY_WARNING_DAYS):
        return [Problem(path, f"licensen går ut {until}, om {(until - today).days} dagar.", "Kontakta organisationen om förnyelse.", warning=True)]
    return []


def tenant_problems(tenants_dir: Path, slug: str, today: date) -> tuple[Tenant | None, list[Problem]]:
    """Load one tenant and judge its licence: (the tenant or None, every problem and warning)."""
    try:
        tenant = load_tenant(tenants_dir, slug)
    except ProblemError as error:
        return None, error.problems
    return tenant, licence_problems(tenant, tenants_dir, today) + english_text_problems(tenant, tenants_dir)


def english_text_problems(tenant: Tenant, tenants_dir: Path) -> list[Problem]:
    """Warnings: with English licensed, each role and support description should have its English
    text (role_en, offers_en), or the English site shows the Swedish one."""
    if TRANSLATED not in tenant.languages:
        return []
    path = tenants_dir / tenant.slug / TENANT_FILE
    doc = load_yaml(path)
    shown = "den engelska webbplatsen visar den svenska texten"
    problems = []
    for i, officer in enumerate(tenant.security_officers):
        if officer.role_en is None:
            problems.append(Problem(
                path, f"security_officers.{i}: rollen '{officer.role}' saknar engelsk text; {shown}.",
                "Lägg till role_en: med rollen på engelska, t.ex. role_en: Head of security.",
                doc.line_of(("security_officers", i, "role")), warning=True,
            ))
    for i, support in enumerate(tenant.local_support):
        if support.offers_en is None:
            problems.append(Problem(
                path, f"local_support.{i}: beskrivningen av '{support.name}' saknar engelsk text; {shown}.",
                "Lägg till offers_en: med beskrivningen på engelska, i en mening.",
                doc.line_of(("local_support", i, "offers")), warning=True,
            ))
    return problems
