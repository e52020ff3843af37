"""A host's checks of a bundle: the guide's manual recipe and `stodmaterial verify` both refuse added
files, symbolic links and FIFOs, another tenant's bundle and an older one; bundles leave out files no
browser loads."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import zipfile
from datetime import datetime, timezone
from pathlib import Path

import pytest

from stodmaterial.bundle import make_bundle
from stodmaterial.bundle.trim import lunr_files, never_loaded
from stodmaterial.cli import main
from stodmaterial.paths import Layout
from stodmaterial.tenant import load_tenant

from bundle_helpers import ROOT, make_key, unpack, write_allowed_signers

BUILT = datetime(2026, 11, 22, 9, 15, 0, tzinfo=timezone.utc)
VERSION = "v1.4-20261122T0915Z"


@pytest.fixture(scope="module")
def keys(tmp_path_factory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("keys")
    key = make_key(folder)
    return key, write_allowed_signers(key, folder / "allowed_signers")


@pytest.fixture(scope="module")
def signed(demo_site, keys, tmp_path_factory) -> Path:
    layout = Layout(ROOT)
    result = make_bundle(layout, load_tenant(layout.tenants, "exempelkommun"), demo_site,
                         tmp_path_factory.mktemp("dist"), keys[0], built=BUILT, content="v1.4")
    assert result.version == VERSION
    return result.zip


@pytest.fixture
def folder(signed, tmp_path) -> Path:
    """Unpacked as the guide says: a new, empty folder, the zip and allowed_signers outside it."""
    return unpack(signed, tmp_path / "paket")


def verify(target: Path, capsys, *extra: str, tenant: str = "exempelkommun") -> tuple[int, str]:
    code = main(["verify", str(target), "--tenant", tenant, *extra])
    out = capsys.readouterr()
    return code, out.out + out.err


# --- the guide's manual recipe (bash) ------------------------------------------------------------------

def guide_step(number: int) -> list[str]:
    """The commands of step `number` in the guide's Linux recipe."""
    guide = (ROOT / "HOSTING.md").read_text(encoding="utf-8")
    block = re.search(r"### Linux \(bash\)\n\n```sh\n(.*?)```", guide, re.S).group(1)
    steps = re.split(r"^# (?=\d\. )", block, flags=re.M)
    step = next(s for s in steps if s.startswith(f"{number}. "))
    return [line for line in step.splitlines()[1:] if line.strip()]


def run_guide_step(number: int, folder: Path) -> str:
    """Everything the step prints; the guide says a clean bundle prints nothing in step 2."""
    output = ""
    for command in guide_step(number):
        done = subprocess.run(["bash", "-c", command], cwd=folder, capture_output=True, text=True, timeout=60)
        output += done.stdout + done.stderr
    return output


def test_the_guides_extra_files_check_passes_a_bundle_unpacked_as_the_guide_says(signed, folder):
    # The guide's own recipe keeps the zip and allowed_signers beside the folder, not in it.
    shutil.copy(signed, folder.parent / signed.name)
    assert run_guide_step(2, folder) == ""


@pytest.mark.parametrize("added", ["symlink", "fifo", "file", "hidden file"])
def test_the_guides_extra_files_check_reports_any_added_entry(folder, added):
    add_entry(folder, added)
    assert run_guide_step(2, folder) != ""


def test_the_guides_signature_step_names_an_allowed_signers_file_explained_before(folder):
    guide = (ROOT / "HOSTING.md").read_text(encoding="utf-8")
    first_use = guide.index("ssh-keygen -Y verify")
    explained = guide.index("`allowed_signers` är en textfil")
    assert explained < first_use
    assert any("/etc/stodmaterial/allowed_signers" in line for line in guide_step(1))


def add_entry(folder: Path, kind: str) -> str:
    site = folder / "site"
    if kind == "symlink":
        (site / "losenord.txt").symlink_to("/etc/passwd")
        return "site/losenord.txt"
    if kind == "fifo":
        os.mkfifo(site / "ror")
        return "site/ror"
    if kind == "file":
        (site / "extra.html").write_text("<p>tillagd</p>")
        return "site/extra.html"
    (site / ".dold").write_text("x")
    return "site/.dold"


# --- stodmaterial verify -------------------------------------------------------------------------------

def test_verify_passes_the_genuine_zip_and_folder(signed, folder, keys, capsys):
    for target in (signed, folder):
        code, output = verify(target, capsys, "--allowed-signers", str(keys[1]), "--not-older-than", "v1.3-20261001T0800Z")
        assert code == 0, output
        assert output.strip().splitlines()[-1].startswith("GODKÄNT: paketet för 'exempelkommun', version v1.4-20261122T0915Z")
        assert "FEL:" not in output


def test_verify_without_allowed_signers_says_the_signature_is_unchecked(signed, capsys):
    code, output = verify(signed, capsys)
    assert code == 0 and "GODKÄNT UTAN SIGNATURKONTROLL" in output and "--allowed-signers" in output


@pytest.mark.parametrize("added", ["symlink", "fifo", "file", "hidden file"])
def test_verify_refuses_any_added_entry_in_a_folder(folder, keys, capsys, added):
    name = add_entry(folder, added)
    code, output = verify(folder, capsys, "--allowed-signers", str(keys[1]))
    assert code == 1
    assert f"FEL:  '{name}'" in output and "UNDERKÄNT" in output


def rezip(source: Path, target: Path, extra: zipfile.ZipInfo, data: bytes) -> Path:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            new.writestr(info, old.read(info))
        new.writestr(extra, data)
    return target


def test_verify_refuses_a_symlink_entry_in_the_zip_even_when_listed(signed, keys, tmp_path, capsys):
    # A symlink entry named like a listed file: unzip would create a link to /etc/passwd.
    link = zipfile.ZipInfo("site/lankad.txt")
    link.create_system = 3
    link.external_attr = 0o120777 << 16
    forged = rezip(signed, tmp_path / "forged.zip", link, b"/etc/passwd")
    code, output = verify(forged, capsys, "--allowed-signers", str(keys[1]))
    assert code == 1 and "'site/lankad.txt' är en symbolisk länk" in output


def test_verify_refuses_a_changed_file(folder, keys, capsys):
    page = folder / "site" / "index.html"
    page.write_bytes(page.read_bytes().replace(b"Exempelkommun", b"Exempelkommum", 1))
    code, output = verify(folder, capsys, "--allowed-signers", str(keys[1]))
    assert code == 1 and "'site/index.html' har ändrats" in output


def test_verify_refuses_another_tenants_bundle(signed, keys, capsys):
    code, output = verify(signed, capsys, "--allowed-signers", str(keys[1]), tenant="region-exempel")
    assert code == 1 and "byggt för 'exempelkommun', inte för 'region-exempel'" in output


def test_verify_refuses_an_older_bundle(signed, keys, capsys):
    code, output = verify(signed, capsys, "--allowed-signers", str(keys[1]), "--not-older-than", "v1.5-20261201T1000Z")
    assert code == 1 and "paketet är äldre (v1.4-20261122T0915Z) än den version ni redan har" in output


def test_verify_refuses_another_key_and_an_unsigned_bundle(signed, demo_site, tmp_path, capsys):
    stranger = write_allowed_signers(make_key(tmp_path / "stranger"), tmp_path / "stranger_signers")
    code, output = verify(signed, capsys, "--allowed-signers", str(stranger))
    assert code == 1 and "signaturen stämmer inte" in output
    layout = Layout(ROOT)
    unsigned = make_bundle(layout, load_tenant(layout.tenants, "exempelkommun"), demo_site, tmp_path / "dist",
                           built=BUILT, content="v1.4").zip
    code, output = verify(unsigned, capsys, "--allowed-signers", str(stranger))
    assert code == 1 and "paketet är inte signerat" in output


def test_verify_refuses_a_test_build(demo_site, keys, tmp_path, capsys):
    layout = Layout(ROOT)
    dirty = make_bundle(layout, load_tenant(layout.tenants, "exempelkommun"), demo_site, tmp_path / "dist", keys[0],
                        built=BUILT, content="7d7acca-dirty").zip
    code, output = verify(dirty, capsys, "--allowed-signers", str(keys[1]))
    assert code == 1 and "byggd för test (dirty)" in output


def test_the_manifest_names_tenant_and_version(signed):
    manifest = json.loads(zipfile.ZipFile(signed).read("manifest.json"))
    assert manifest["tenant"]["slug"] == "exempelkommun" and manifest["version"] == VERSION


# --- files no browser loads ----------------------------------------------------------------------------

def test_bundles_leave_out_source_maps_and_lunr_languages_the_tenant_does_not_have(signed, demo_site):
    names = zipfile.ZipFile(signed).namelist()
    site_files = {p.relative_to(demo_site).as_posix() for p in demo_site.rglob("*") if p.is_file()}
    assert any(p.endswith(".map") for p in site_files) and "assets/javascripts/lunr/min/lunr.de.min.js" in site_files
    assert not any(n.endswith(".map") for n in names)
    lunr = sorted(n.removeprefix("site/") for n in names if n.startswith("site/assets/javascripts/lunr/"))
    assert lunr == sorted(lunr_files(["sv", "en"]) & site_files)
    assert "assets/javascripts/lunr/min/lunr.sv.min.js" in lunr
    left_out = sum((demo_site / p).stat().st_size for p in site_files - {n.removeprefix("site/") for n in names if n.startswith("site/")})
    assert left_out > 1_500_000


def test_the_lunr_files_kept_follow_the_tenants_languages():
    paths = [f"assets/javascripts/lunr/min/lunr.{lang}.min.js" for lang in ("sv", "de", "ja", "fi")] + [
        "assets/javascripts/lunr/tinyseg.js", "assets/javascripts/lunr/wordcut.js",
        "assets/javascripts/lunr/min/lunr.stemmer.support.min.js", "assets/javascripts/bundle.x.min.js.map",
        "assets/javascripts/bundle.x.min.js"]
    assert never_loaded(paths, ["sv"]) == {
        "assets/javascripts/lunr/min/lunr.de.min.js", "assets/javascripts/lunr/min/lunr.ja.min.js",
        "assets/javascripts/lunr/min/lunr.fi.min.js", "assets/javascripts/lunr/tinyseg.js",
        "assets/javascripts/lunr/wordcut.js", "assets/javascripts/bundle.x.min.js.map"}
    kept_for_japanese = set(paths) - never_loaded(paths, ["sv", "ja"])
    assert "assets/javascripts/lunr/tinyseg.js" in kept_for_japanese
    assert "assets/javascripts/lunr/min/lunr.ja.min.js" in kept_for_japanese
