"""A tenant's own files in its site: tenant.css (its colour) and its logo."""

from __future__ import annotations

import shutil
from pathlib import Path

from stodmaterial.render_context import TENANT_LOGO_DIR
from stodmaterial.tenant.model import Tenant

TENANT_CSS = "assets/stylesheets/tenant.css"


def logo_path(tenant: Tenant) -> str:
    return f"{TENANT_LOGO_DIR}/logo{Path(tenant.logo).suffix.lower()}"


def tenant_css(tenant: Tenant) -> str:
    """The one place a tenant's colour enters the site: the custom property --sm-tenant-primary.
    The colour was checked at the edge (tenant/model.py: a #rrggbb value with enough contrast)."""
    return (
        f"/* Generated from tenants/{tenant.slug}/tenant.yml. Used by stodmaterial.css. */\n"
        f":root {{ --sm-tenant-primary: {tenant.primary_color}; }}\n"
    )


def write_tenant_assets(tenant: Tenant, logo: Path, root: Path) -> None:
    """tenant.css and the logo, under the site folder `root`."""
    css = root / TENANT_CSS
    css.parent.mkdir(parents=True, exist_ok=True)
    css.write_text(tenant_css(tenant), encoding="utf-8")
    target = root / logo_path(tenant)
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(logo, target)


def is_tenant_asset(rel: str) -> bool:
    return rel == TENANT_CSS or rel.startswith(TENANT_LOGO_DIR + "/")
