"""What the Markdown extensions need to know about the site being built, page by page."""

from __future__ import annotations

from dataclasses import dataclass

from stodmaterial.strings import format_date, t
from stodmaterial.tenant.model import Tenant
from stodmaterial.themes import Theme


@dataclass(frozen=True)
class RenderContext:
    tenant: Tenant
    themes: tuple[Theme, ...]
    locale: str = "sv"
    page: str = ""

    def tenant_fields(self) -> dict[str, str]:
        """The tenant values editors may write into pages as {{ tenant.<field> }}."""
        tenant = self.tenant
        until = format_date(tenant.licence.valid_until)
        return {
            "name": tenant.name,
            "kind": t(self.locale, tenant.kind),
            "licence_from": format_date(tenant.licence.valid_from),
            "licence_until": until,
            "licence_line": t(self.locale, "licence_line", name=tenant.name, until=until),
            "contact_email": tenant.security_officers[0].email,
        }


TENANT_FIELDS = ("name", "kind", "licence_from", "licence_until", "licence_line", "contact_email")
