"""A tenant's built site as one SCORM 1.2 package:

    <slug>-<version>-scorm12.zip
      imsmanifest.xml   at the root, schema version 1.2
      index.html, en/…  the built site, unchanged (Swedish, and English if the tenant has it)
      scorm/*.html      one launch page per item, loading the adapter (assets/javascripts/stodmaterial/lms.js)

The organisation's items are the four themes, the prevention model and the tools. Each item is a
`sco` resource that lists the files its launch page and its first page load, and depends on one
`asset` resource that lists every file of the site (the site's own links reach all of it).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from urllib.parse import quote

from stodmaterial import i18n
from stodmaterial.bundle.make import site_files
from stodmaterial.bundle.version import build_time, bundle_version, content_version
from stodmaterial.bundle.zipbundle import write_zip
from stodmaterial.lms.launch import ADAPTER, STYLE, launch_page, launch_path
from stodmaterial.lms.manifest import Item, Manifest, Resource, manifest_xml, unsafe_text
from stodmaterial.lms.pages import first_heading, page_files
from stodmaterial.paths import Layout
from stodmaterial.problems import Problem, ProblemError
from stodmaterial.render_context import tenant_fields
from stodmaterial.i18n import t
from stodmaterial.tenant import Tenant
from stodmaterial.themes import load_themes

FORMAT = "scorm12"
MANIFEST = "imsmanifest.xml"
SITE_RESOURCE = "RES-site"
PREVENTION_PAGE = "forebyggande/index.html"
TOOLS_PAGE = "mina-reflektioner.html"


@dataclass(frozen=True)
class Part:
    """One item of the organisation: a key (ids and launch page name), its title and first page."""

    key: str
    title: str
    page: str


@dataclass(frozen=True)
class PackageResult:
    zip: Path
    version: str
    items: int
    files: int

def parts(layout: Layout, files: dict[str, bytes]) -> list[Part]:
    """The organisation's items in reading order: the four themes, the prevention model, the tools."""
    found = [Part(f"tema-{theme.slug}", theme.text(i18n.default_code()).title, f"teman/{theme.slug}/index.html") for theme in load_themes(layout.themes)]
    prevention = files.get(PREVENTION_PAGE)
    tools = files.get(TOOLS_PAGE)
    missing = [page for page, data in ((PREVENTION_PAGE, prevention), (TOOLS_PAGE, tools)) if data is None]
    missing += [part.page for part in found if part.page not in files]
    if missing:
        raise ProblemError([Problem(layout.root / "mkdocs.yml", f"sidan {page} saknas i den byggda webbplatsen.",
                                    "Paketet behöver temana, förebyggandesidan och Mina reflektioner; bygg om.") for page in missing])
    found.append(Part("forebyggande", first_heading(prevention.decode("utf-8")) or t(i18n.default_code(), "material_title"), PREVENTION_PAGE))
    found.append(Part("verktyg", t(i18n.default_code(), "lms_tools"), TOOLS_PAGE))
    return found


def _href(path: str) -> str:
    return quote(path, safe="/")


def _needed(files: dict[str, bytes], page: str) -> list[str]:
    """The files `page` loads that exist in the site (missing ones the site's own checks report)."""
    if page.endswith(".html"):
        wanted = page_files(files[page].decode("utf-8"), page)
    else:
        wanted = [page]
    return [path for path in wanted if path in files]


def make_scorm12(
    layout: Layout,
    tenant: Tenant,
    site: Path,
    dist: Path,
    built: datetime | None = None,
    content: str | None = None,
) -> PackageResult:
    """Write `dist/<slug>-<version>-scorm12.zip` from the built `site` of `tenant`. Raises ProblemError."""
    site = site.resolve()
    built = built or build_time()
    content = content or content_version(layout.root)
    version = bundle_version(content, built)
    files = site_files(site)
    for name in (ADAPTER, STYLE):
        if name not in files:
            raise ProblemError([Problem(site / name, "plattformsskriptet saknas i den byggda webbplatsen.",
                                        "Återställ filen under overrides/ och bygg om.")])
    items = parts(layout, files)
    themes = [part.key.removeprefix("tema-") for part in items if part.key.startswith("tema-")]

    # The metadata names the languages the tenant's site has, not every language the product knows.
    languages = tenant.ordered_languages
    title = {lang: f"{t(lang, 'material_title')}. {tenant_fields(tenant, lang)['licence_line']}" for lang in languages}
    metadata = {
        lang: {"title": title[lang], "description": t(lang, "material_description"),
               "rights": tenant_fields(tenant, lang)["licence_line"]}
        for lang in languages
    }
    resources = [Resource(SITE_RESOURCE, [_href(path) for path in files])]
    manifest_items = []
    for part in items:
        launch = launch_path(part.key)
        files[launch] = launch_page(part.key, part.page, f"{part.title} – {title[i18n.default_code()]}", part.title, themes)
        needed = [launch, ADAPTER, STYLE] + [p for p in _needed(files, part.page) if p not in (ADAPTER, STYLE)]
        resources.append(Resource(f"RES-{part.key}", [_href(p) for p in needed], href=_href(launch),
                                  scormtype="sco", dependencies=[SITE_RESOURCE]))
        manifest_items.append(Item(f"ITEM-{part.key}", part.title, f"RES-{part.key}"))

    manifest = Manifest(
        identifier=f"SKR-stodmaterial-{tenant.slug}",
        version=version,
        title=title[i18n.default_code()],
        metadata=metadata,
        items=manifest_items,
        resources=resources,
    )
    if unsafe_text(manifest):
        raise ProblemError([Problem(layout.tenants / tenant.slug / "tenant.yml",
                                    "en text innehåller tecken som inte kan skrivas i XML (imsmanifest.xml).",
                                    "Ta bort osynliga specialtecken ur namnet och skriv det igen.")])
    files[MANIFEST] = manifest_xml(manifest)
    target = dist / f"{tenant.slug}-{version}-{FORMAT}.zip"
    write_zip(target, files, built)
    return PackageResult(target, version, len(manifest_items), len(files))
