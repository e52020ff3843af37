"""Assemble one tenant's bundle from an already built site folder:

    <slug>-<version>.zip
      site/…            the built site, without the files no browser loads (bundle/trim.py)
      hosting/…         nginx, Apache and IIS recipes with the security headers, and HOSTING.md
      pdf/…             the whole material as an accessible PDF per language (stodmaterial/pdf.py)
      manifest.json     tenant, licence, versions, build time, languages, CSP, signature, files
      SHA256SUMS        sha256sum -c compatible, covers every file above
      SHA256SUMS.sig    SSH signature of SHA256SUMS (signed bundles)
      OSIGNERAT.txt     says that the bundle is unsigned (unsigned bundles)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from stodmaterial.bundle import sign as signing
from stodmaterial.bundle.checksums import SUMS, sha256sums
from stodmaterial.bundle.csp import InlineCode, scan_site
from stodmaterial.bundle.headers import content_security_policy, security_headers
from stodmaterial.bundle.hosting import hosting_files
from stodmaterial.bundle.manifest import manifest
from stodmaterial.bundle.media_types import unknown_suffixes
from stodmaterial.bundle.trim import never_loaded
from stodmaterial.bundle.version import build_time, bundle_version, content_version
from stodmaterial.bundle.zipbundle import write_zip
from stodmaterial.paths import Layout
from stodmaterial.problems import Problem, ProblemError
from stodmaterial.tenant import Tenant

GUIDE = "HOSTING.md"
UNSIGNED_NOTE = "OSIGNERAT.txt"
UNSIGNED_TEXT = """\
Det här paketet är INTE signerat.

SHA256SUMS visar att filerna kom fram hela, men inte att paketet kommer från SKR.
Använd inte paketet i drift innan ni har fått ett signerat paket eller bekräftat med SKR
att det är äkta. Se hosting/HOSTING.md.
"""


@dataclass(frozen=True)
class BundleResult:
    zip: Path
    version: str
    signed: bool
    fingerprint: str | None
    content_security_policy: str
    files: int


def site_files(site: Path, prefix: str = "") -> dict[str, bytes]:
    """Every file of a built site by its path (after `prefix`); a symlink inside is refused."""
    if not (site / "index.html").is_file():
        raise ProblemError([Problem(site, "mappen är ingen byggd webbplats (index.html saknas).", "Bygg organisationen först.")])
    files: dict[str, bytes] = {}
    for path in sorted(site.rglob("*")):
        if path.is_symlink():
            raise ProblemError([Problem(path, "webbplatsen innehåller en symbolisk länk.", "Bygg om webbplatsen.")])
        if path.is_file():
            files[prefix + path.relative_to(site).as_posix()] = path.read_bytes()
    return files


def _scan_inline(site: Path) -> InlineCode:
    """The site's inline code; raises ProblemError for markup that no strict policy can allow."""
    inline = scan_site(site)
    if inline.forbidden:
        raise ProblemError([
            Problem(site / name, f"{what} stoppas av säkerhetspolicyn (CSP).",
                    "Flytta koden till en skriptfil eller stilmall och använd data-attribut.")
            for name, what in inline.forbidden
        ])
    return inline


def make_bundle(
    layout: Layout,
    tenant: Tenant,
    site: Path,
    dist: Path,
    signing_key: Path | None = None,
    built: datetime | None = None,
    content: str | None = None,
    documents: dict[str, bytes] | None = None,
) -> BundleResult:
    """Write `dist/<slug>-<version>.zip` from the built `site` of `tenant`, with `documents` (file
    name → bytes, e.g. the PDFs) under pdf/. Raises ProblemError."""
    if signing_key is not None:
        signing.check_key(signing_key, layout.root)
    guide = layout.root / GUIDE
    if not guide.is_file():
        raise ProblemError([Problem(guide, "driftguiden saknas.", "Återställ HOSTING.md i repots rot.")])
    site = site.resolve()
    inline = _scan_inline(site)
    built = built or build_time()
    content = content or content_version(layout.root)
    version = bundle_version(content, built)
    label = f"{tenant.slug} {version}"

    files = site_files(site, "site/")
    for path in never_loaded([p.removeprefix("site/") for p in files], tenant.ordered_languages):
        del files["site/" + path]
    unknown = unknown_suffixes(list(files))
    if unknown:
        raise ProblemError([Problem(site / p.removeprefix("site/"), "filtypen saknas i hostingrecepten.",
                                    "Lägg till filändelsen i stodmaterial/bundle/media_types.py.") for p in unknown])
    headers = security_headers(inline)
    site_paths = [p.removeprefix("site/") for p in files]
    files |= hosting_files(headers, site_paths, guide, label)
    for name, data in sorted((documents or {}).items()):
        files[f"pdf/{name}"] = data

    fingerprint = signing.fingerprint(signing_key) if signing_key else None
    if fingerprint:
        signature = {"signed": True, "principal": signing.PRINCIPAL, "namespace": signing.NAMESPACE,
                     "key_fingerprint": fingerprint}
    else:
        signature = {"signed": False}
        files[UNSIGNED_NOTE] = UNSIGNED_TEXT.encode("utf-8")
    csp = content_security_policy(inline)
    files["manifest.json"] = manifest(tenant, version, content, built, csp, signature, files)
    files[SUMS] = sha256sums(files)
    if signing_key is not None:
        files[SUMS + ".sig"] = signing.sign(files[SUMS], signing_key)

    target = dist / f"{tenant.slug}-{version}.zip"
    write_zip(target, files, built)
    return BundleResult(target, version, fingerprint is not None, fingerprint, csp, len(files))
