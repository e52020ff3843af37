"""Build every licensed tenant: one engine run per build variant, then each tenant's slots filled.

A variant is a distinct set of languages plus the tenant options that change a page's structure (the
booleans in render_context.template_values). Each variant is rendered once with slot markers in place of
every tenant value (fleet/slots.py); each tenant's site is that output with its slots filled, each value
escaped for the context its slot sits in. A single tenant is a fleet of one: `build --tenant X` runs this
same code. tests/test_oracle.py proves the result equals a naive reference rendering.
"""


def __getattr__(name):
    # Lazy, so that render_context can import fleet.slots without importing the whole build.
    if name in ("FleetResult", "build_fleet"):
        from stodmaterial.fleet import build

        return getattr(build, name)
    raise AttributeError(name)


__all__ = ["FleetResult", "build_fleet"]
