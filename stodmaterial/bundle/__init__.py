"""Bundles: one zip per tenant with the built site, checksums, an optional SSH signature, a manifest and
ready hosting configurations (nginx, Apache, IIS) that all send the same security headers.

`make_bundle` takes an already built site folder, so any build (single tenant or fleet) can feed it.
"""

from stodmaterial.bundle.make import BundleResult, make_bundle

__all__ = ["BundleResult", "make_bundle"]
