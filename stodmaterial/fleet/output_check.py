"""The templates' output is checked like content: no page of a variant may load anything from another
origin, carry a <base>, refresh itself away or post a form elsewhere. Content rules (content/rules/)
catch an editor's Markdown; this catches what the theme, our templates and our extensions write."""

from __future__ import annotations

import re
from pathlib import Path

from stodmaterial.content.rules.active_content import scheme_of

RESOURCE = re.compile(
    r"<(script|link|img|iframe|frame|source|video|audio|embed|object|track|input|image|use)\b[^>]*?\s"
    r"(src|href|srcset|poster|data|xlink:href)\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+)", re.I)
BASE = re.compile(r"<base\b", re.I)
REFRESH = re.compile(r"<meta\b[^>]*http-equiv\s*=\s*[\"']?refresh", re.I)
FORM_ACTION = re.compile(r"<form\b[^>]*\saction\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+)", re.I)
CSS_URL = re.compile(r"url\(\s*[\"']?((?:https?:)?//[^\"')]+)", re.I)


def _outside(address: str) -> bool:
    return scheme_of(address.strip("\"'")) in ("http", "https", "//")


def output_problems(site: Path) -> list[str]:
    """Every reference to another origin, as 'file: what' (empty when the output is self-contained)."""
    found: list[str] = []
    for path in sorted(site.rglob("*")):
        if path.suffix not in (".html", ".css") or not path.is_file():
            continue
        rel = path.relative_to(site).as_posix()
        text = path.read_text(encoding="utf-8", errors="replace")
        if path.suffix == ".css":
            found += [f"{rel}: url({m.group(1)})" for m in CSS_URL.finditer(text)]
            continue
        for match in RESOURCE.finditer(text):
            values = match.group(3).strip("\"'")
            addresses = [part.strip().split(" ")[0] for part in values.split(",")] if match.group(2).lower() == "srcset" else [values]
            found += [f"{rel}: <{match.group(1)} {match.group(2)}={a}>" for a in addresses if _outside(a)]
        found += [f"{rel}: <base>" for _ in BASE.finditer(text)]
        found += [f"{rel}: <meta http-equiv=refresh>" for _ in REFRESH.finditer(text)]
        found += [f"{rel}: <form action={m.group(1)}>" for m in FORM_ACTION.finditer(text) if _outside(m.group(1))]
    return found
