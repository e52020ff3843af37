"""Synthetic tenants for the fleet benchmark and tests: varied, valid, and each easy to recognise."""

from __future__ import annotations

import random
import struct
import zlib
from pathlib import Path

import yaml

SVG_LOGO = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48" width="48" height="48">'
    '<circle cx="24" cy="24" r="22" fill="#ffffff"/><rect x="12" y="12" width="24" height="24" fill="{colour}"/></svg>\n'
)
COLOURS = ["#1f5c99", "#7a1f5c", "#225e2e", "#5c3d99", "#8a2b0f", "#0f5f73", "#333333", "#6b2fa0"]


def png_logo(colour: str) -> bytes:
    """A valid 8x8 one-colour PNG, made without any imaging library."""
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    raw = b"".join(b"\x00" + bytes((r, g, b)) * 8 for _ in range(8))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 8, 8, 8, 2, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


def tenant_data(number: int, kind: str, rng: random.Random) -> dict:
    slug = f"synt-{kind}-{number:03d}"
    name = f"Syntetisk {kind} {number:03d}" + (" & Co" if number % 7 == 0 else "")
    languages = ["sv"] if number % 5 == 0 else ["sv", "en"]  # benchmark data: the demo's two languages
    officers = [
        {
            "name": f"Säk Person {number:03d}-{i}",
            "role": "Säkerhetschef" if i == 0 else "Säkerhetssamordnare",
            "phone": f"010-{number:03d} {i}0 {rng.randint(10, 99)}",
            "email": f"sakerhet{i}@{slug}.example.se",
        }
        for i in range(1 + number % 3)
    ]
    support = [{"name": f"Stöd {number:03d}", "offers": f"Samtal för förtroendevalda i {name}.", "url": f"https://{slug}.example.se/stod"}]
    return {
        "slug": slug,
        "data": {
            "name": name,
            "kind": kind,
            "licence": {"valid_from": "2026-01-01", "valid_until": "2029-12-31"},
            "security_officers": officers,
            "local_support": support if number % 2 else [],
            "primary_color": COLOURS[number % len(COLOURS)],
            "logo": "logo.png" if number % 4 == 0 else "logo.svg",
            "languages": languages,
            "quick_exit": {"enabled": number % 3 == 0, "url": "https://www.smhi.se/"},
        },
    }


def write_synthetic_tenants(tenants_dir: Path, kommuner: int = 290, regioner: int = 21, seed: int = 1) -> list[str]:
    rng = random.Random(seed)
    slugs = []
    specs = [(n, "kommun") for n in range(1, kommuner + 1)] + [(n, "region") for n in range(1, regioner + 1)]
    for number, kind in specs:
        spec = tenant_data(number, kind, rng)
        folder = tenants_dir / spec["slug"]
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "tenant.yml").write_text(yaml.safe_dump(spec["data"], allow_unicode=True, sort_keys=False), encoding="utf-8")
        colour = spec["data"]["primary_color"]
        if spec["data"]["logo"] == "logo.png":
            (folder / "logo.png").write_bytes(png_logo(colour))
        else:
            (folder / "logo.svg").write_text(SVG_LOGO.format(colour=colour), encoding="utf-8")
        slugs.append(spec["slug"])
    return slugs
