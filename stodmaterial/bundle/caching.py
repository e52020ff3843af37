"""Cache rules shared by every hosting recipe.

Pages and unhashed files are revalidated on every visit (`no-cache`: the browser asks, the server
answers 304 when unchanged), so a new bundle shows at once. Material's assets carry a content hash in
their names (bundle.a5f9d56c.min.js) and never change, so browsers may keep them for a year.
`private` everywhere: behind an organisation's login, no shared proxy cache may keep a copy.
"""

from __future__ import annotations

import re

REVALIDATE = "private, no-cache"
IMMUTABLE = "private, max-age=31536000, immutable"

# Material's fingerprinted assets: <name>.<8 hex digits>.min.(js|css)
HASHED_ASSET = re.compile(r"\.[0-9a-f]{8}\.min\.(?:js|css)$")
HASHED_ASSET_NGINX = r"\.[0-9a-f]{8}\.min\.(?:js|css)$"
HASHED_ASSET_APACHE = r"\.[0-9a-f]{8}\.min\.(js|css)$"


def cache_control(path: str) -> str:
    return IMMUTABLE if HASHED_ASSET.search(path) else REVALIDATE
