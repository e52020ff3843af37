"""Tenants: the licensed municipalities and regions, one folder each under tenants/."""

from stodmaterial.tenant.load import licence_problems, list_slugs, load_tenant, tenant_problems
from stodmaterial.tenant.model import Tenant

__all__ = ["Tenant", "licence_problems", "list_slugs", "load_tenant", "tenant_problems"]
