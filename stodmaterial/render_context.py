"""Every way a tenant's values enter a page, in one place.

- `tenant_fields()`: what editors write into Markdown as `{{ tenant.<field> }}` (escaped as text by
  Python-Markdown's serializer).
- `template_values()`: what templates read as `sm.<key>` (escaped with Jinja's `|e`), with the page's
  language: `sm.locale`, `sm.default` (the default language?), `sm.prefix` ("" or "en/") and the
  interface texts `sm.text.<key>` (stodmaterial/languages/<code>.yml), which are not tenant values.
- Blocks marked TENANT_DEPENDENT in stodmaterial/markdown/ read `tenant` directly.

In a variant build (`slots` set) every string value is a slot marker instead (stodmaterial/fleet/slots.py),
which each tenant's site later gets filled with its own value, escaped for the context the marker sits in.
Booleans are part of the variant (they may change a page's structure) and are never slots.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from stodmaterial import i18n
from stodmaterial.fleet.slots import MARKDOWN, TEMPLATE, SlotTable
from stodmaterial.paths import Layout
from stodmaterial.i18n import t
from stodmaterial.strings import format_date
from stodmaterial.tenant.model import Tenant
from stodmaterial.themes import Theme

TENANT_FIELDS = ("name", "kind", "licence_from", "licence_until", "licence_line", "contact_email")
TENANT_LOGO_DIR = "assets/tenant"


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
        "logo": f"{TENANT_LOGO_DIR}/logo{Path(tenant.logo).suffix.lower()}",  # = tenant/assets.logo_path
        "quick_exit": tenant.quick_exit.enabled,
        "quick_exit_url": tenant.quick_exit.url,
    }


def language_values(locale: str) -> dict[str, object]:
    """What templates know of a page's language: the same for every tenant, so never a slot."""
    language = i18n.get(locale)
    default = i18n.is_default(language.code)
    return {"locale": locale, "default": default, "prefix": "" if default else f"{language.code}/", "text": dict(language.strings)}


def scalar_values(tenant: Tenant, locale: str) -> dict[tuple[str, str], dict[str, str]]:
    """Every string a tenant's slots can hold in `locale`, by origin: {MARKDOWN: {...}, TEMPLATE: {...}}."""
    return {
        MARKDOWN: tenant_fields(tenant, locale),
        TEMPLATE: {k: v for k, v in template_values(tenant, locale).items() if isinstance(v, str)},
    }


@dataclass(frozen=True)
class RenderContext:
    tenant: Tenant
    themes: tuple[Theme, ...]
    layout: Layout
    locale: str = field(default_factory=i18n.default_code)
    page: str = ""  # the page's path in the staged docs, e.g. teman/forovarna/index.en.md
    slots: SlotTable | None = None  # set in a variant build: tenant values become slots

    @property
    def placeholder(self) -> bool:
        return self.slots is not None

    def tenant_fields(self) -> dict[str, str]:
        values = tenant_fields(self.tenant, self.locale)
        if self.slots is None:
            return values
        return {k: self.slots.scalar(MARKDOWN, k, self.locale) for k in values}

    def template_values(self) -> dict[str, str | bool]:
        values = template_values(self.tenant, self.locale)
        # Every value has a declared type: a string is a slot, a boolean part of the variant. Anything
        # else could neither be escaped for its context nor vary per variant: an error, never a silent
        # placeholder.
        for key, value in values.items():
            if not isinstance(value, (str, bool)):
                raise TypeError(f"template value {key!r} is a {type(value).__name__}; only str (a slot) and bool (the variant) are allowed")
        if self.slots is not None:
            values = {k: self.slots.scalar(TEMPLATE, k, self.locale) if isinstance(v, str) else v for k, v in values.items()}
        return {**values, **language_values(self.locale)}
