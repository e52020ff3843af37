"""Which tenants can share one engine run, and the placeholder tenant that run renders."""

from __future__ import annotations

from stodmaterial.render_context import template_values
from stodmaterial.tenant.model import LocalSupport, SecurityOfficer, Tenant

PLACEHOLDER_SLUG = "fleet-placeholder"
LEAK = "SMLEAK"  # in the placeholder tenant's text: a value that reaches a page without a slot shows up
VariantKey = tuple[tuple[str, ...], tuple[tuple[str, bool], ...]]


def variant_key(tenant: Tenant) -> VariantKey:
    flags = tuple(sorted((k, v) for k, v in template_values(tenant, tenant.ordered_languages[0]).items() if isinstance(v, bool)))
    return tuple(tenant.ordered_languages), flags


def describe(key: VariantKey) -> str:
    languages, flags = key
    return "+".join(languages) + "".join(f", {k}={'ja' if v else 'nej'}" for k, v in flags)


def placeholder_tenant(representative: Tenant) -> Tenant:
    """The representative's structure (languages, flags) with LEAK text in place of its own, so a value
    that reaches a page by a path without a slot is found, never another tenant's data."""

    def m(key: str) -> str:
        return f"{LEAK}{key}"

    return representative.model_copy(update={
        "slug": PLACEHOLDER_SLUG,
        "name": m("name"),
        "security_officers": [SecurityOfficer.model_construct(name=m("oname"), role=m("orole"), phone=m("ophone"), email=f"{m('oemail')}@leak.invalid")],
        "local_support": [LocalSupport.model_construct(name=m("sname"), offers=m("soffers"), phone=m("sphone"), url=f"https://{m('surl')}.invalid/")],
    })
