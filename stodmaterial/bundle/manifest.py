"""manifest.json: what a bundle holds, for the people who host it and for tools."""

from __future__ import annotations

import json
from datetime import datetime

from stodmaterial.bundle.checksums import sha256_hex
from stodmaterial.bundle.version import iso_utc
from stodmaterial.tenant import Tenant

FORMAT = 1


def manifest(
    tenant: Tenant,
    version: str,
    content_version: str,
    built: datetime,
    csp: str,
    signature: dict,
    files: dict[str, bytes],
) -> bytes:
    """The manifest as UTF-8 JSON with sorted keys. `files` are the bundle's site and hosting files."""
    document = {
        "format": FORMAT,
        "tenant": {"slug": tenant.slug, "name": tenant.name, "kind": tenant.kind},
        "licence": {
            "valid_from": tenant.licence.valid_from.isoformat(),
            "valid_until": tenant.licence.valid_until.isoformat(),
        },
        "version": version,
        "content_version": content_version,
        "built_at": iso_utc(built),
        "languages": tenant.ordered_languages,
        "content_security_policy": csp,
        "signature": signature,
        "files": [
            {"path": path, "sha256": sha256_hex(data), "size": len(data)}
            for path, data in sorted(files.items())
        ],
    }
    return (json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")
