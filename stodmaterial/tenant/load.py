"""Read `tenants/<slug>/tenant.yml` into a validated Tenant, or every problem with its line."""

from __future__ import annotations

import difflib
from datetime import date, timedelta
from pathlib import Path

from pydantic import BaseModel, ValidationError

from stodmaterial.problems import Problem, ProblemError
from stodmaterial.tenant.logo import logo_problem
from stodmaterial.tenant.model import SLUG, Tenant
from stodmaterial.yamlsource import YamlDocument, load_yaml

TENANT_FILE = "tenant.yml"
EXPIRY_WARNING_DAYS = 30


def tenant_dir(tenants_dir: Path, slug: str) -> Path:
    """The folder of tenant `slug`, refusing any slug that could leave `tenants_dir`."""
    if not SLUG.match(slug):
        raise ProblemError([
            Problem(
                tenants_dir / slug,
                f"'{slug}' är inget giltigt kortnamn för en organisation.",
                "Använd bara små bokstäver a–z, siffror och bindestreck, t.ex. exempelkommun eller region-exempel.",
            )
        ])
    folder = tenants_dir / slug
    if folder.is_symlink() or not folder.resolve().is_relative_to(tenants_dir.resolve()):
        raise ProblemError([Problem(folder, "mappen pekar ut ur tenants/.", "Lägg organisationens filer direkt i tenants/<kortnamn>/.")])
    return folder


def list_slugs(tenants_dir: Path) -> list[str]:
    return sorted(p.name for p in tenants_dir.iterdir() if p.is_dir() and not p.name.startswith((".", "_")))


def _field_model(model: type[BaseModel], location: tuple) -> type[BaseModel] | None:
    """The pydantic model that owns the last part of `location` (for spelling suggestions)."""
    current: type[BaseModel] | None = model
    for part in location[:-1]:
        if current is None or isinstance(part, int):
            continue
        field = current.model_fields.get(part)
        if field is None:
            return None
        annotation = field.annotation
        inner = getattr(annotation, "__args__", (annotation,))
        current = next((t for t in inner if isinstance(t, type) and issubclass(t, BaseModel)), None)
    return current


def _problems_from(error: ValidationError, doc: YamlDocument) -> list[Problem]:
    problems = []
    items = error.errors()
    # A misspelled field is both unknown and missing; report it once, as a spelling mistake.
    missing = {tuple(i["loc"]) for i in items if i["type"] == "missing"}
    explained: set[tuple] = set()
    for item in items:
        if item["type"] == "extra_forbidden":
            loc = tuple(item["loc"])
            owner = _field_model(Tenant, loc)
            known = list(owner.model_fields) if owner else []
            for guess in difflib.get_close_matches(str(loc[-1]), known, n=1):
                if loc[:-1] + (guess,) in missing:
                    explained.add(loc[:-1] + (guess,))
    for item in items:
        if item["type"] == "missing" and tuple(item["loc"]) in explained:
            continue
        location = tuple(p for p in item["loc"] if p not in ("function-after",))
        field_path = ".".join(str(p) for p in location) or "filen"
        line = doc.line_of(location)
        kind = item["type"]
        ctx = item.get("ctx") or {}
        if kind == "stodmaterial":
            message, fix = f"{field_path}: {ctx['message']}", ctx["fix"]
        elif kind == "extra_forbidden":
            owner = _field_model(Tenant, location)
            known = [f for f in (owner.model_fields if owner else {}) if f != "slug"]
            guess = difflib.get_close_matches(str(location[-1]), known, n=1)
            message = f"okänt fält '{location[-1]}'."
            fix = f"Menade du '{guess[0]}'?" if guess else f"Ta bort fältet. Tillåtna fält här: {', '.join(known)}."
        elif kind == "missing":
            owner = _field_model(Tenant, location)
            field = owner.model_fields.get(str(location[-1])) if owner else None
            hint = field.description if field and field.description else "ett värde"
            message = f"fältet '{field_path}' saknas."
            fix = f"Lägg till {location[-1]}: med {hint}."
        elif kind in ("literal_error", "enum"):
            message = f"{field_path}: värdet {item['input']!r} är inte tillåtet."
            fix = f"Tillåtna värden: {ctx.get('expected', '')}."
        elif kind.startswith("date"):
            message = f"{field_path}: {item['input']!r} är inget giltigt datum."
            fix = "Skriv datumet som ÅÅÅÅ-MM-DD, t.ex. 2027-12-31."
        elif kind in ("too_short", "too_long", "string_too_long", "string_too_short"):
            message = f"{field_path}: fel antal eller för lång text ({item['msg']})."
            fix = "Se exemplet i tenants/exempelkommun/tenant.yml."
        elif kind in ("model_type", "list_type", "dict_type", "model_attributes_type"):
            message = f"{field_path}: fel form på värdet."
            fix = "Jämför med tenants/exempelkommun/tenant.yml: listor skrivs med - och fält med namn: värde."
        else:
            message = f"{field_path}: {item['msg']}."
            fix = "Jämför med tenants/exempelkommun/tenant.yml."
        problems.append(Problem(doc.path, message, fix, line))
    return problems


def load_tenant(tenants_dir: Path, slug: str) -> Tenant:
    """Validate one tenant's file and assets. Raises ProblemError listing every problem."""
    folder = tenant_dir(tenants_dir, slug)
    path = folder / TENANT_FILE
    if not path.is_file():
        raise ProblemError([
            Problem(path, f"organisationen '{slug}' har ingen {TENANT_FILE}.", f"Skapa {path} utifrån tenants/exempelkommun/tenant.yml.")
        ])
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
    if "en" not in tenant.languages:
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
