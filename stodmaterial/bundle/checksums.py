"""SHA256SUMS in the format `sha256sum -c` reads: `<hex>  <path>` per line, paths relative to the
bundle's root with forward slashes, sorted."""

from __future__ import annotations

import hashlib

SUMS = "SHA256SUMS"


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def check_path(path: str) -> None:
    """Refuse names that sha256sum would escape or that could leave the bundle's folder."""
    if any(c in path for c in "\\\n\r") or path.startswith("/") or ".." in path.split("/"):
        raise ValueError(f"unsafe file name in bundle: {path!r}")


def sha256sums(files: dict[str, bytes]) -> bytes:
    lines = []
    for path in sorted(files):
        check_path(path)
        lines.append(f"{sha256_hex(files[path])}  {path}\n")
    return "".join(lines).encode("utf-8")
