"""Decide what the server does for each tenant in tenants/:

- open:    valid licence today, an active login and a built site → served behind its login;
- locked:  licence not valid today, active login → after the login, the friendly "closed" page;
- left out: no login or a revoked one → no location at all, so it answers exactly like a path that is
  no tenant (401 for everyone);
- problem: a broken tenant file or login file, or a licensed tenant whose site is not built → left out
  and reported, so the operator can fix it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from stodmaterial.bundle.csp import scan_site
from stodmaterial.bundle.headers import Header, security_headers
from stodmaterial.hosting.config import HostingConfig
from stodmaterial.hosting.credentials import CredentialStore, State
from stodmaterial.hosting.page_view import largest_page_view
from stodmaterial.paths import Layout
from stodmaterial.problems import Problem, ProblemError
from stodmaterial.publish import is_release_link
from stodmaterial.tenant import list_slugs, load_tenant


@dataclass(frozen=True)
class OpenTenant:
    slug: str
    languages: tuple[str, ...]
    headers: list[Header]
    until: date


@dataclass(frozen=True)
class LockedTenant:
    slug: str
    why: str


@dataclass
class Plan:
    open: list[OpenTenant] = field(default_factory=list)
    locked: list[LockedTenant] = field(default_factory=list)
    without_login: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    largest_page_view: int = 1


def hsts(config: HostingConfig) -> Header:
    return Header("Strict-Transport-Security", f"max-age={config.hsts_max_age}")


def tenant_headers(config: HostingConfig, site: Path) -> list[Header]:
    """The bundle's security headers for this site (its own CSP hashes) plus HSTS. Raises ProblemError."""
    inline = scan_site(site)
    if inline.forbidden:
        raise ProblemError([Problem(site / name, f"{what} stoppas av säkerhetspolicyn (CSP).", "Bygg om webbplatsen med en rättad version.")
                            for name, what in inline.forbidden])
    return [*security_headers(inline), hsts(config)]


def plan_tenants(layout: Layout, config: HostingConfig, today: date) -> Plan:
    plan = Plan()
    store = CredentialStore(config.credentials, config.credentials_group)
    for slug in list_slugs(layout.tenants):
        try:
            state = store.state(slug)
        except ProblemError as error:
            plan.problems += error.problems
            continue
        except Exception as error:  # one tenant's trouble never stops the others
            plan.problems.append(Problem(config.credentials / slug, f"inloggningen för '{slug}' går inte att läsa ({type(error).__name__}).", "Skapa inloggningen igen med stodmaterial login rotate."))
            continue
        try:
            tenant = load_tenant(layout.tenants, slug)
        except Exception as error:
            problems = error.problems if isinstance(error, ProblemError) else [
                Problem(layout.tenants / slug, f"organisationens fil går inte att läsa ({type(error).__name__}).", "Rätta tenant.yml och kör stodmaterial check.")]
            plan.problems += problems
            if state is State.ACTIVE:
                # Locked, not left as it was: a broken file must never keep an expired site open.
                plan.locked.append(LockedTenant(slug, "organisationens fil har fel"))
            continue
        if state is not State.ACTIVE:
            plan.without_login.append(slug)
            continue
        licence = tenant.licence
        if today > licence.valid_until:
            plan.locked.append(LockedTenant(slug, f"licensen gick ut {licence.valid_until}"))
            continue
        if today < licence.valid_from:
            plan.locked.append(LockedTenant(slug, f"licensen börjar {licence.valid_from}"))
            continue
        site = config.sites / slug
        if (site.is_symlink() and not is_release_link(site)) or not (site / "index.html").is_file():
            plan.problems.append(Problem(site, f"webbplatsen för '{slug}' är inte byggd.",
                                         f"Bygg alla organisationer: stodmaterial build --all --out {config.sites}"))
            continue
        try:
            headers = tenant_headers(config, site)
        except ProblemError as error:
            plan.problems += error.problems
            continue
        plan.open.append(OpenTenant(slug, tuple(tenant.ordered_languages), headers, licence.valid_until))
        plan.largest_page_view = max(plan.largest_page_view, largest_page_view(site))
    return plan
