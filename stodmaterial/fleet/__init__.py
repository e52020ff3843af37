"""Build every licensed tenant at once: one engine run per build variant, then stamp each tenant.

A variant is a distinct set of languages plus the tenant options that change a page's structure (the
booleans in render_context.template_values). Each variant is rendered once with a placeholder tenant
whose values are markers (render_context.marker); each tenant's site is that output with the markers
and the tenant-dependent blocks replaced by the tenant's own values, escaped for each file type.
tests/test_fleet.py proves the result equals a direct single-tenant build, file for file.
"""

from stodmaterial.fleet.build import FleetResult, build_fleet

__all__ = ["FleetResult", "build_fleet"]
