"""`build --all`: every tenant at once, equal to direct builds, isolated, and all-or-nothing per tenant."""

from __future__ import annotations

import subprocess
import sys

import pytest
import yaml

from stodmaterial.build import build_site
from stodmaterial.bundle.csp import scan_site
from stodmaterial.fleet import build_fleet
from stodmaterial.fleet.synthetic import write_synthetic_tenants
from stodmaterial.fleet.variant import variant_key
from stodmaterial.tenant import load_tenant

from conftest import TODAY
import csp_reference
from oracle import reference_build

TEXT = {".html", ".json", ".js", ".xml", ".css", ".svg", ".txt"}


@pytest.fixture(scope="module")
def fleet(tmp_path_factory):
    from conftest import copy_repo

    root = tmp_path_factory.mktemp("fleet")
    layout = copy_repo(root / "repo")
    slugs = write_synthetic_tenants(layout.tenants, kommuner=9, regioner=2)
    mp = pytest.MonkeyPatch()
    mp.setenv("SOURCE_DATE_EPOCH", "1763769600")
    result = build_fleet(layout, out_root=root / "out", today=TODAY)
    yield layout, result, slugs, root
    mp.undo()


def tree(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_fleet_builds_every_tenant_in_few_engine_runs(fleet):
    layout, result, slugs, _ = fleet
    assert result.failed == {}
    assert set(result.built) == set(slugs) | {"exempelkommun"}
    assert result.variants <= 4


@pytest.mark.parametrize("slug", ["synt-kommun-005", "synt-kommun-004", "synt-kommun-007", "synt-region-002", "exempelkommun"])
def test_fleet_output_equals_the_reference_rendering_file_for_file(fleet, slug, monkeypatch):
    layout, result, _, root = fleet
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1763769600")
    direct = reference_build(layout, slug, root / "reference" / slug)
    expected, actual = tree(direct), tree(result.built[slug])
    assert sorted(actual) == sorted(expected)
    assert [name for name in expected if expected[name] != actual[name]] == []


def test_no_tenant_output_contains_another_tenants_data(fleet):
    layout, result, slugs, _ = fleet
    tenants = {slug: load_tenant(layout.tenants, slug) for slug in result.built}

    def needles(tenant):
        found = {tenant.slug, tenant.name}
        for officer in tenant.security_officers:
            found |= {officer.name, officer.email, officer.phone}
        for support in tenant.local_support:
            found |= {support.name, support.offers}
        return found

    for slug, out in result.built.items():
        texts = [p.read_text(encoding="utf-8") for p in out.rglob("*") if p.suffix in TEXT]
        for other, tenant in tenants.items():
            if other == slug:
                continue
            for needle in needles(tenant):
                # Names like "Syntetisk kommun 001" are prefixes of "... 001 & Co": compare whole values.
                if any(needle in other_needle for other_needle in needles(tenants[slug])):
                    continue
                assert not any(needle in text for text in texts), f"{slug} contains {other}'s {needle!r}"


def test_the_csp_scanner_finds_what_the_reference_scanner_finds_on_every_page(fleet):
    # The scanner parses as a browser does (lexbor); on our pages that must change nothing found by
    # Python's html.parser, the scanner before it (tests/csp_reference.py).
    # One tenant of each variant: tenants of a variant have the same pages but for their own values.
    layout, result, _, _ = fleet
    one_each = {variant_key(load_tenant(layout.tenants, slug)): slug for slug in sorted(result.built)}
    assert len(one_each) == result.variants
    for slug in one_each.values():
        site = result.built[slug]
        found = scan_site(site)
        assert found.scripts and found == csp_reference.scan_site(site), slug


def test_invalid_and_expired_tenants_are_reported_and_others_built(fleet, tmp_path):
    layout, _, _, _ = fleet
    bad = layout.tenants / "synt-kommun-001" / "tenant.yml"
    expired = layout.tenants / "synt-kommun-002" / "tenant.yml"
    bad_text, expired_text = bad.read_text(), expired.read_text()
    out = tmp_path / "out"
    try:
        result = build_fleet(layout, ["synt-kommun-003"], out_root=out, today=TODAY)
        previous = tree(out / "synt-kommun-003")
        bad.write_text(bad_text.replace("primary_color:", "primary_colour:"))
        data = yaml.safe_load(expired_text)
        data["licence"]["valid_until"] = "2026-01-31"
        expired.write_text(yaml.safe_dump(data, allow_unicode=True))
        result = subprocess.run(
            [sys.executable, "-m", "stodmaterial", "--repo", str(layout.root), "--today", TODAY.isoformat(),
             "build", "--all", "--out", str(out)],
            capture_output=True, text=True, timeout=600,
        )
        assert result.returncode == 1
        assert "okänt fält 'primary_colour'" in result.stderr
        assert "synt-kommun-002/tenant.yml" in result.stderr and "licensen gick ut 2026-01-31" in result.stderr
        assert "misslyckades: synt-kommun-001" in result.stdout and "byggd: synt-kommun-003" in result.stdout
        assert not (out / "synt-kommun-001").exists()
        assert (out / "synt-kommun-004" / "index.html").is_file()
        assert tree(out / "synt-kommun-003").keys() == previous.keys()
        leftovers = [p for p in out.rglob(".*") if p.name.startswith((".building-", ".fleet-"))]
        assert not leftovers, "the fleet left half-written folders behind"
    finally:
        bad.write_text(bad_text)
        expired.write_text(expired_text)


def test_bundle_all_uses_the_fleet_and_writes_one_bundle_per_tenant(fleet, tmp_path, monkeypatch, capsys):
    """In-process and without the PDFs, which the same loop adds per tenant (test_bundle.py checks them
    for one tenant): printing twelve tenants' PDFs would only repeat that work."""
    import json
    import zipfile

    from stodmaterial.cli import main

    layout, result, _, _ = fleet
    monkeypatch.setenv("STODMATERIAL_SIGNING_KEY", "")
    code = main(["--repo", str(layout.root), "--today", TODAY.isoformat(), "bundle", "--all", "--no-pdf",
                 "--out", str(tmp_path / "dist")])
    assert code == 0, capsys.readouterr().err
    zips = sorted((tmp_path / "dist").glob("*.zip"))
    assert len(zips) == len(result.built)
    for path in zips:
        with zipfile.ZipFile(path) as bundle:
            manifest = json.loads(bundle.read("manifest.json"))
        assert path.name.startswith(manifest["tenant"]["slug"] + "-")
