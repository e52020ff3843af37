"""The repository's layout, found from mkdocs.yml."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Layout:
    root: Path

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    @property
    def themes(self) -> Path:
        return self.root / "themes"

    @property
    def tenants(self) -> Path:
        return self.root / "tenants"

    @property
    def overrides(self) -> Path:
        return self.root / "overrides"

    @property
    def config_file(self) -> Path:
        return self.root / "mkdocs.yml"

    @property
    def site(self) -> Path:
        return self.root / "site"


def find_layout(start: Path | None = None) -> Layout:
    """The repository containing `start` (default: the current directory), by its mkdocs.yml."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "mkdocs.yml").is_file() and (folder / "themes").is_dir():
            return Layout(folder)
    package_root = Path(__file__).resolve().parent.parent
    return Layout(package_root)
