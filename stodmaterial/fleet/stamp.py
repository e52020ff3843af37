"""Fill a variant's slots for one tenant: each file's pieces joined with the tenant's values, each value
escaped for the context of its slot (fleet/slots.py), and the tenant's own files added."""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

from stodmaterial.fleet.slots import SlotError, SlotTable, SlottedFile, cut, holds_marker
from stodmaterial.fleet.variant import LEAK
from stodmaterial.render_context import scalar_values
from stodmaterial.tenant.assets import is_tenant_asset, write_tenant_assets
from stodmaterial.tenant.model import Tenant

TEXT_SUFFIXES = {".html", ".json", ".js", ".xml", ".css", ".txt", ".svg", ".vtt", ".webmanifest", ".map"}


@dataclass
class Variant:
    """One engine run's output, cut into pieces and slots once, for every tenant of the variant."""

    site: Path
    languages: tuple[str, ...]
    slots: SlotTable
    slotted: list[SlottedFile] = field(default_factory=list)
    to_copy: list[Path] = field(default_factory=list)

    def scan(self) -> None:
        """Cut every file that holds a slot; every other file is copied as it is. Raises SlotError for a
        slot in a context with no safe escaping, or for a tenant value that reached a page without one."""
        for path in sorted(self.site.rglob("*")):
            if not path.is_file():
                continue
            rel = path.relative_to(self.site)
            if is_tenant_asset(rel.as_posix()):
                continue
            data = path.read_bytes()
            if LEAK.encode() in data or LEAK.lower().encode() in data:
                raise SlotError(f"{rel}: a tenant value reaches this file without a slot")
            if holds_marker(self.slots, data):
                if path.suffix not in TEXT_SUFFIXES:
                    raise SlotError(f"{rel}: a slot in a binary file")
                self.slotted.append(cut(self.slots, rel, data.decode("utf-8")))
            else:
                self.to_copy.append(rel)


def fill(variant: Variant, tenant: Tenant, logo: Path, out: Path) -> None:
    """Write `tenant`'s site into the new folder `out`."""
    scalars: dict[tuple[str, str], str] = {}
    blocks: dict[str, str] = {}
    for locale in variant.languages:
        for origin, values in scalar_values(tenant, locale).items():
            for key, value in values.items():
                scalars[(origin, key, locale)] = value
    for number, render in variant.slots.blocks.items():
        blocks[number] = render(tenant)
    folders: set[Path] = set()
    for rel in variant.to_copy:
        target = out / rel
        if target.parent not in folders:
            target.parent.mkdir(parents=True, exist_ok=True)
            folders.add(target.parent)
        shutil.copyfile(variant.site / rel, target)
    for slotted in variant.slotted:
        target = out / slotted.rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(slotted.fill(scalars, blocks), encoding="utf-8")
    write_tenant_assets(tenant, logo, out)
