"""Every way a tenant's values enter a page, in one place.

- `tenant_fields()`: what editors write into Markdown as `{{ tenant.<field> }}` (escaped as text by
  Python-Markdown's serializer).
- `template_values()`: what templates read as `sm.<key>` (escaped with Jinja's `|e`).
- Blocks marked TENANT_DEPENDENT in stodmaterial/markdown/ read `tenant` directly.

In a fleet placeholder build (`placeholder=True`) every string value is a marker instead, which
stodmaterial/fleet/ later replaces with each tenant's value, escaped as the file type needs.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from stodmaterial.paths import Layout
from stodmaterial.strings import format_date, t
from stodmaterial.tenant.model import Tenant
from stodmaterial.themes import Theme

TENANT_FIELDS = ("name", "kind", "licence_from", "licence_until", "licence_line", "contact_email")
TENANT_LOGO_DIR = "assets/tenant"
MARKDOWN, TEMPLATE = "M", "T"


def marker(kind: str, key: str, locale: str) -> str:
    """A token that survives Markdown, Jinja, HTML, JSON and the search indexer unchanged."""
    return f"SMSTAMP{kind}{key.encode().hex()}{locale}Q"


def tenant_fields(tenant: Tenant, locale: str) -> dict[str, str]:
    until = format_date(tenant.licence.valid_until)
    return {
        "name": tenant.name,
        "kind": t(locale, tenant.kind),
        "licence_from": format_date(tenant.licence.valid_from),
        "licence_until": until,
        "licence_line": t(locale, "licence_line", name=tenant.name, until=until),
        "contact_email": tenant.security_officers[0].email,
    }


def template_values(tenant: Tenant, locale: str) -> dict[str, str | bool]:
    """Tenant-derived values for templates. Strings are stamped per tenant in a fleet build; every
    boolean is part of the fleet's build variant, so it may change the page's structure."""
    return {
        "slug": tenant.slug,
        "name": tenant.name,
        "licence_line": tenant_fields(tenant, locale)["licence_line"],
        "logo": f"{TENANT_LOGO_DIR}/logo{Path(tenant.logo).suffix.lower()}",
        "quick_exit": tenant.quick_exit.enabled,
        "quick_exit_url": tenant.quick_exit.url,
    }


def _markers(values: dict, kind: str, locale: str) -> dict:
    return {k: marker(kind, k, locale) if isinstance(v, str) else v for k, v in values.items()}


@dataclass(frozen=True)
class RenderContext:
    tenant: Tenant
    themes: tuple[Theme, ...]
    layout: Layout
    locale: str = "sv"
    page: str = ""  # the page's path in the staged docs, e.g. teman/forovarna/index.en.md
    placeholder: bool = False

    def tenant_fields(self) -> dict[str, str]:
        values = tenant_fields(self.tenant, self.locale)
        return _markers(values, MARKDOWN, self.locale) if self.placeholder else values

    def template_values(self) -> dict[str, str | bool]:
        values = template_values(self.tenant, self.locale)
        values = _markers(values, TEMPLATE, self.locale) if self.placeholder else values
        return {**values, "locale": self.locale}
