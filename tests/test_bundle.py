"""Bundles: integrity (SHA256SUMS), SSH signature, manifest, isolation, deterministic zip, hosting files."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from datetime import datetime, timezone
from pathlib import Path

import pytest

from stodmaterial.build import build_site
from stodmaterial.bundle import make_bundle
from stodmaterial.bundle.trim import never_loaded
from stodmaterial.bundle.csp import csp_hash, scan_site
from stodmaterial.bundle.media_types import media_type
from stodmaterial.paths import Layout
from stodmaterial.problems import ProblemError
from stodmaterial.tenant import load_tenant

from bundle_helpers import ROOT, make_key, sha256sum_check, unpack, verify, write_allowed_signers
from conftest import TODAY, copy_repo

BUILT = datetime(2026, 11, 22, 9, 15, 0, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def key(tmp_path_factory) -> Path:
    return make_key(tmp_path_factory.mktemp("keys"))


@pytest.fixture(scope="module")
def signed(demo_site, key, tmp_path_factory):
    layout = Layout(ROOT)
    tenant = load_tenant(layout.tenants, "exempelkommun")
    result = make_bundle(layout, tenant, demo_site, tmp_path_factory.mktemp("dist"), key, built=BUILT)
    return result


@pytest.fixture
def unpacked(signed, key, tmp_path) -> Path:
    folder = unpack(signed.zip, tmp_path / "bundle")
    write_allowed_signers(key, folder.parent / "allowed_signers")
    return folder


def run_cli(layout: Layout, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k != "STODMATERIAL_SIGNING_KEY"} | (env or {})
    return subprocess.run(
        [sys.executable, "-m", "stodmaterial", "--repo", str(layout.root), "--today", TODAY.isoformat(), *args],
        capture_output=True, text=True, timeout=300, env=environment,
    )


def test_bundle_is_named_after_tenant_and_version_and_holds_everything(signed):
    assert signed.zip.name == f"exempelkommun-{signed.version}.zip"
    assert re.fullmatch(r"[0-9A-Za-z._-]+-20261122T0915Z", signed.version)
    names = zipfile.ZipFile(signed.zip).namelist()
    assert "site/index.html" in names and "site/en/index.html" in names
    for name in ("SHA256SUMS", "SHA256SUMS.sig", "manifest.json", "hosting/HOSTING.md",
                 "hosting/nginx/stodmaterial-headers.conf", "hosting/nginx/stodmaterial-server.conf",
                 "hosting/nginx/stodmaterial-types.conf", "hosting/apache/.htaccess", "hosting/iis/web.config"):
        assert name in names, name
    assert "OSIGNERAT.txt" not in names
    assert (ROOT / "HOSTING.md").read_bytes() == zipfile.ZipFile(signed.zip).read("hosting/HOSTING.md")


def test_sha256sums_pass_and_a_modified_file_fails(unpacked):
    checked = sha256sum_check(unpacked)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    listed = [line.split("  ", 1)[1] for line in (unpacked / "SHA256SUMS").read_text().splitlines()]
    on_disk = sorted(p.relative_to(unpacked).as_posix() for p in unpacked.rglob("*") if p.is_file())
    assert sorted(listed + ["SHA256SUMS", "SHA256SUMS.sig"]) == on_disk

    page = unpacked / "site" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("Exempelkommun", "Exempelkommum", 1), encoding="utf-8")
    checked = sha256sum_check(unpacked)
    assert checked.returncode != 0
    assert "site/index.html: FAILED" in checked.stdout


def test_signature_verifies_with_the_guides_command(unpacked):
    verified = verify(unpacked)
    assert verified.returncode == 0, verified.stderr
    assert 'Good "file" signature for skr-stodmaterial' in verified.stdout + verified.stderr


@pytest.mark.parametrize("change", ["flip one digit", "add a line", "drop a line", "add a newline"])
def test_signature_fails_after_any_change_to_sha256sums(unpacked, change):
    sums = unpacked / "SHA256SUMS"
    text = sums.read_text()
    if change == "flip one digit":
        text = ("1" if text[0] != "1" else "2") + text[1:]
    elif change == "add a line":
        text += f"{'0' * 64}  site/extra.html\n"
    elif change == "drop a line":
        text = "".join(text.splitlines(keepends=True)[1:])
    else:
        text += "\n"
    sums.write_text(text)
    assert verify(unpacked).returncode != 0


def test_signature_from_another_key_is_refused(unpacked, tmp_path):
    stranger = make_key(tmp_path / "stranger")
    write_allowed_signers(stranger, unpacked.parent / "allowed_signers")
    assert verify(unpacked).returncode != 0


def test_manifest_describes_the_bundle(signed, unpacked):
    manifest = json.loads((unpacked / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["tenant"] == {"slug": "exempelkommun", "name": "Exempelkommun", "kind": "kommun"}
    assert manifest["licence"] == {"valid_from": "2026-01-01", "valid_until": "2028-12-31"}
    described = subprocess.run(["git", "-C", str(ROOT), "describe", "--always", "--dirty"], capture_output=True, text=True)
    assert manifest["content_version"] == described.stdout.strip()
    assert manifest["version"] == signed.version
    assert manifest["built_at"] == "2026-11-22T09:15:00Z"
    assert manifest["languages"] == ["sv", "en"]
    assert manifest["signature"]["signed"] is True
    assert manifest["signature"]["key_fingerprint"].startswith("SHA256:")
    assert manifest["content_security_policy"] == signed.content_security_policy
    files = {f["path"]: f for f in manifest["files"]}
    on_disk = {p.relative_to(unpacked).as_posix() for p in unpacked.rglob("*") if p.is_file()}
    assert set(files) == on_disk - {"manifest.json", "SHA256SUMS", "SHA256SUMS.sig"}
    for path, entry in files.items():
        data = (unpacked / path).read_bytes()
        assert entry["size"] == len(data), path
        assert entry["sha256"] == hashlib.sha256(data).hexdigest(), path


def test_zip_is_deterministic_and_dated_with_the_build_time(demo_site, key, signed, tmp_path):
    layout = Layout(ROOT)
    tenant = load_tenant(layout.tenants, "exempelkommun")
    manifest = json.loads(zipfile.ZipFile(signed.zip).read("manifest.json"))
    unsigned = [make_bundle(layout, tenant, demo_site, tmp_path / name, None, built=BUILT, content=manifest["content_version"])
                for name in ("one", "two")]
    assert unsigned[0].zip.read_bytes() == unsigned[1].zip.read_bytes()
    entries = zipfile.ZipFile(unsigned[0].zip).infolist()
    assert [e.filename for e in entries] == sorted(e.filename for e in entries)
    assert {e.date_time for e in entries} == {(2026, 11, 22, 9, 15, 0)}


def test_csp_allows_exactly_the_inline_scripts_the_build_contains(demo_site, signed):
    policy = signed.content_security_policy
    assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy
    script_src = next(d for d in policy.split("; ") if d.startswith("script-src "))
    hashes = set(re.findall(r"'sha256-[A-Za-z0-9+/=]+'", script_src))
    found = set()
    for page in demo_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for attrs, body in re.findall(r"<script([^>]*)>(.*?)</script>", html, re.S):
            if "src=" not in attrs and "application/json" not in attrs:
                found.add(csp_hash(body))
    assert found and hashes == found
    for directive in ("default-src 'self'", "style-src 'self'", "img-src 'self' data:", "media-src 'self' data:",
                      "frame-ancestors 'none'", "base-uri 'none'", "form-action 'self'", "object-src 'none'"):
        assert directive in policy.split("; "), directive


def test_inline_code_that_no_hash_can_allow_stops_the_bundle(demo_site, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(demo_site, site)
    page = site / "om.html"
    page.write_text(page.read_text(encoding="utf-8").replace("<article", '<article onclick="go()"', 1), encoding="utf-8")
    layout = Layout(ROOT)
    with pytest.raises(ProblemError) as caught:
        make_bundle(layout, load_tenant(layout.tenants, "exempelkommun"), site, tmp_path / "dist", built=BUILT)
    assert "om.html" in str(caught.value.problems[0].file)
    assert not (tmp_path / "dist").exists() or not any((tmp_path / "dist").iterdir())


def test_script_data_blocks_need_no_hash(tmp_path):
    (tmp_path / "index.html").write_text(
        '<script>run()</script><script type="application/json">{"a": 1}</script>'
        '<script src="x.js"></script><script type="text/javascript">\r\ngo()</script>'
    )
    inline = scan_site(tmp_path)
    assert inline.scripts == {csp_hash("run()"), csp_hash("\ngo()")}
    assert not inline.forbidden


def test_every_file_type_in_the_site_has_a_media_type(demo_site):
    assert {p.suffix for p in demo_site.rglob("*") if p.is_file() and media_type(p.name) is None} == set()
    assert media_type("captions.vtt") == "text/vtt"
    assert media_type("site.webmanifest") == "application/manifest+json"


def test_hosting_recipes_send_the_same_headers(unpacked):
    nginx = (unpacked / "hosting/nginx/stodmaterial-headers.conf").read_text()
    apache = (unpacked / "hosting/apache/.htaccess").read_text()
    iis = ET.parse(unpacked / "hosting/iis/web.config").getroot()
    from_nginx = dict(re.findall(r'^add_header (\S+) "([^"]*)" always;$', nginx, re.MULTILINE))
    from_apache = dict(re.findall(r'^Header always set (\S+) "([^"]*)"$', apache, re.MULTILINE))
    from_iis = {a.get("name"): a.get("value") for a in iis.iter("add") if a.get("name")}
    from_apache.pop("Cache-Control")
    assert from_nginx == from_apache == from_iis
    manifest = json.loads((unpacked / "manifest.json").read_text())
    assert from_nginx["Content-Security-Policy"] == manifest["content_security_policy"]
    assert from_nginx["Referrer-Policy"] == "no-referrer"
    assert from_nginx["X-Content-Type-Options"] == "nosniff"
    assert "camera=()" in from_nginx["Permissions-Policy"]
    for kind in ("text/vtt", "application/manifest+json", "image/svg+xml", "text/javascript"):
        assert kind in (unpacked / "hosting/nginx/stodmaterial-types.conf").read_text()
        assert f"AddType {kind}" in apache
        assert any(m.get("mimeType", "").startswith(kind) for m in iis.iter("mimeMap"))
    # IIS has no pattern match: every hashed Material asset gets its own long-lived cache rule.
    hashed = {p.relative_to(unpacked / "site").as_posix() for p in (unpacked / "site").rglob("*.min.*")
              if re.search(r"\.[0-9a-f]{8}\.min\.(js|css)$", p.name)}
    assert hashed and {loc.get("path") for loc in iis.iter("location")} == hashed


def test_cli_without_key_makes_an_unsigned_bundle_and_says_so(repo, tmp_path):
    done = run_cli(repo, "bundle", "--out", str(tmp_path / "dist"))
    assert done.returncode == 0, done.stderr
    assert "OSIGNERADE" in done.stderr and "OSIGNERAT" in done.stdout
    archive = next((tmp_path / "dist").glob("exempelkommun-*.zip"))
    bundle = zipfile.ZipFile(archive)
    assert "SHA256SUMS.sig" not in bundle.namelist()
    assert "INTE signerat" in bundle.read("OSIGNERAT.txt").decode()
    assert json.loads(bundle.read("manifest.json"))["signature"] == {"signed": False}
    # The command prints the whole material as a PDF per language into the bundle, under checksum.
    sums = bundle.read("SHA256SUMS").decode()
    for locale in ("sv", "en"):
        assert bundle.read(f"pdf/exempelkommun-{locale}.pdf").startswith(b"%PDF-")
        assert f"pdf/exempelkommun-{locale}.pdf" in sums
    folder = unpack(archive, tmp_path / "bundle")
    assert sha256sum_check(folder).returncode == 0


def test_cli_signs_with_the_key_from_the_environment(repo, key, tmp_path):
    done = run_cli(repo, "bundle", "--no-pdf", "--out", str(tmp_path / "dist"), env={"STODMATERIAL_SIGNING_KEY": str(key)})
    assert done.returncode == 0, done.stderr
    assert "OSIGNERA" not in done.stderr + done.stdout
    folder = unpack(next((tmp_path / "dist").glob("exempelkommun-*.zip")), tmp_path / "bundle")
    assert not (folder / "pdf").exists()  # --no-pdf: the PDFs are left out (the unsigned test has them)
    write_allowed_signers(key, folder.parent / "allowed_signers")
    assert verify(folder).returncode == 0


def test_a_signing_key_inside_the_repository_is_refused(repo_copy, key, tmp_path):
    inside = repo_copy.root / "signing-key"
    shutil.copy(key, inside)
    done = run_cli(repo_copy, "bundle", "--out", str(tmp_path / "dist"), "--signing-key", str(inside))
    assert done.returncode != 0
    assert "repot" in done.stderr
    assert not (tmp_path / "dist").exists()


def test_a_bundle_holds_only_its_own_tenant(tmp_path):
    layout = copy_repo(tmp_path / "repo")
    shutil.copy(ROOT / "HOSTING.md", layout.root / "HOSTING.md")
    other = layout.tenants / "annanstad"
    shutil.copytree(layout.tenants / "exempelkommun", other)
    tenant_file = other / "tenant.yml"
    tenant_file.write_text(
        tenant_file.read_text(encoding="utf-8")
        .replace("name: Exempelkommun", "name: Annanstads kommun")
        .replace("Kim Exempelsson", "Alva Annansson")
        .replace("sakerhet@exempelkommun.se", "trygg@annanstad.se"),
        encoding="utf-8",
    )
    sites = tmp_path / "site"
    for slug in ("annanstad", "exempelkommun"):
        build_site(layout, slug, sites / slug, today=TODAY)
    result = make_bundle(layout, load_tenant(layout.tenants, "exempelkommun"), sites / "exempelkommun",
                         tmp_path / "dist", built=BUILT, content="test")
    bundle = zipfile.ZipFile(result.zip)
    manifest = json.loads(bundle.read("manifest.json"))
    built = [p.relative_to(sites / "exempelkommun").as_posix() for p in (sites / "exempelkommun").rglob("*") if p.is_file()]
    own = {"site/" + p for p in set(built) - never_loaded(built, ["sv", "en"])}
    assert {f["path"] for f in manifest["files"] if f["path"].startswith("site/")} == own
    for name in bundle.namelist():
        data = bundle.read(name).decode("utf-8", errors="replace")
        for secret in ("annanstad", "Annanstad", "Alva Annansson", "trygg@annanstad.se"):
            assert secret not in name and secret not in data, (name, secret)
