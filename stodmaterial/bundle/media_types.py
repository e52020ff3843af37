"""Media types for every kind of file a site may contain, shared by every hosting recipe.

Web servers' default tables often lack `.vtt` and `.webmanifest`, and with `nosniff` a wrong type
breaks scripts, styles and captions, so the recipes carry this table themselves.
"""

from __future__ import annotations

from pathlib import PurePosixPath

MEDIA_TYPES: dict[str, str] = {
    ".html": "text/html",
    ".css": "text/css",
    ".js": "text/javascript",
    ".mjs": "text/javascript",
    ".json": "application/json",
    ".map": "application/json",
    ".webmanifest": "application/manifest+json",
    ".xml": "application/xml",
    ".txt": "text/plain",
    ".vtt": "text/vtt",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".avif": "image/avif",
    ".ico": "image/x-icon",
    ".woff2": "font/woff2",
    ".woff": "font/woff",
    ".mp4": "video/mp4",
    ".webm": "video/webm",
    ".mp3": "audio/mpeg",
    ".ogg": "audio/ogg",
    ".pdf": "application/pdf",
    ".gz": "application/gzip",
}

# Text types: served with "; charset=utf-8".
TEXT_TYPES = {
    "text/html", "text/css", "text/javascript", "application/json", "application/manifest+json",
    "application/xml", "text/plain", "text/vtt", "image/svg+xml",
}


def media_type(path: str) -> str | None:
    return MEDIA_TYPES.get(PurePosixPath(path).suffix.lower())


def unknown_suffixes(paths: list[str]) -> list[str]:
    """Files whose type no recipe would know (they would be served as application/octet-stream)."""
    return [p for p in paths if media_type(p) is None]
