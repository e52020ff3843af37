"""A tenant file is untrusted input: each mistake an editor can make gets its own clear message."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
import yaml

from stodmaterial.problems import ProblemError
from stodmaterial.tenant import licence_problems, load_tenant
from stodmaterial.tenant.logo import MAX_LOGO_BYTES

from conftest import ROOT

DEMO = ROOT / "tenants" / "exempelkommun"


def base_tenant() -> dict:
    return yaml.safe_load((DEMO / "tenant.yml").read_text(encoding="utf-8"))


def write_tenant(tenants: Path, slug: str, data: dict | str, logo: bytes | None = None) -> Path:
    folder = tenants / slug
    folder.mkdir(parents=True, exist_ok=True)
    text = data if isinstance(data, str) else yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    (folder / "tenant.yml").write_text(text, encoding="utf-8")
    if logo is None:
        shutil.copy(DEMO / "logo.svg", folder / "logo.svg")
    else:
        (folder / "logo.svg").write_bytes(logo)
    return folder


def problems_for(tmp_path: Path, data: dict | str, slug: str = "testkommun", logo: bytes | None = None) -> list[str]:
    write_tenant(tmp_path, slug, data, logo)
    with pytest.raises(ProblemError) as caught:
        load_tenant(tmp_path, slug)
    return [p.format(tmp_path) for p in caught.value.problems]


def test_demo_tenant_is_valid():
    tenant = load_tenant(ROOT / "tenants", "exempelkommun")
    assert tenant.name == "Exempelkommun"
    assert tenant.ordered_languages == ["sv", "en"]


def test_misspelled_field_names_the_line_and_suggests_the_right_name(tmp_path):
    data = base_tenant()
    data["primary_colour"] = data.pop("primary_color")
    [message] = problems_for(tmp_path, data)
    line = (tmp_path / "testkommun" / "tenant.yml").read_text().splitlines().index(next(
        l for l in (tmp_path / "testkommun" / "tenant.yml").read_text().splitlines() if l.startswith("primary_colour"))) + 1
    assert f"testkommun/tenant.yml:{line}:" in message
    assert "okänt fält 'primary_colour'" in message
    assert "Menade du 'primary_color'?" in message


def test_missing_required_field(tmp_path):
    data = base_tenant()
    del data["name"]
    [message] = problems_for(tmp_path, data)
    assert "fältet 'name' saknas" in message and "Lägg till name:" in message


def test_every_problem_is_reported_at_once(tmp_path):
    data = base_tenant()
    data["security_officers"][0]["email"] = "inte-en-adress"
    data["security_officers"][0]["phone"] = "ring mig"
    data["local_support"][1]["url"] = "javascript:alert(1)"
    messages = problems_for(tmp_path, data)
    assert len(messages) == 3
    assert any("ingen giltig e-postadress" in m and "security_officers.0.email" in m for m in messages)
    assert any("inget giltigt telefonnummer" in m for m in messages)
    assert any("ingen giltig webbadress" in m and "https://" in m for m in messages)


@pytest.mark.parametrize("value", ["2026-13-01", "31/12/2027", "snart"])
def test_malformed_dates(tmp_path, value):
    data = base_tenant()
    data["licence"]["valid_until"] = value
    [message] = problems_for(tmp_path, data)
    assert "licence.valid_until" in message and "inget giltigt datum" in message and "ÅÅÅÅ-MM-DD" in message


def test_licence_that_ends_before_it_starts(tmp_path):
    data = base_tenant()
    data["licence"] = {"valid_from": "2027-01-01", "valid_until": "2026-01-01"}
    [message] = problems_for(tmp_path, data)
    assert "slutar" in message and "innan den börjar" in message


@pytest.mark.parametrize("slug", ["../exempelkommun", "Stor-Kommun", "a/b", "-", "kommun_1", ""])
def test_slug_that_is_not_safe(tmp_path, slug):
    with pytest.raises(ProblemError) as caught:
        load_tenant(tmp_path, slug)
    assert "inget giltigt kortnamn" in caught.value.problems[0].message


def test_folder_symlinked_out_of_tenants_is_refused(tmp_path):
    outside = tmp_path / "outside"
    write_tenant(outside, "hemlig", base_tenant())
    (tmp_path / "tenants").mkdir()
    (tmp_path / "tenants" / "hemlig").symlink_to(outside / "hemlig")
    with pytest.raises(ProblemError) as caught:
        load_tenant(tmp_path / "tenants", "hemlig")
    assert "pekar ut ur tenants/" in caught.value.problems[0].message


@pytest.mark.parametrize("colour", ["#ffd700", "#888888", "#1f5c9"])
def test_colour_without_enough_contrast_or_malformed(tmp_path, colour):
    data = base_tenant()
    data["primary_color"] = colour
    [message] = problems_for(tmp_path, data)
    assert "primary_color" in message
    assert ("kontrast" in message and "4,5:1" in message) or "ingen färgkod" in message


def test_missing_logo(tmp_path):
    write_tenant(tmp_path, "testkommun", base_tenant())
    (tmp_path / "testkommun" / "logo.svg").unlink()
    with pytest.raises(ProblemError) as caught:
        load_tenant(tmp_path, "testkommun")
    assert "logotypfilen finns inte" in caught.value.problems[0].message


def test_oversized_logo(tmp_path):
    padding = b"<!--" + b"x" * MAX_LOGO_BYTES + b"-->"
    logo = b'<svg xmlns="http://www.w3.org/2000/svg">' + padding + b"</svg>"
    [message] = problems_for(tmp_path, base_tenant(), logo=logo)
    assert "högst 200 kB" in message


@pytest.mark.parametrize("svg", [
    b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
    b'<svg xmlns="http://www.w3.org/2000/svg"><rect fill="url(https://evil.example/x)"/></svg>',
    b'<!DOCTYPE svg [<!ENTITY a "b">]><svg xmlns="http://www.w3.org/2000/svg"/>',
    b'<html><script>alert(1)</script></html>',
])
def test_active_or_external_svg_logo_is_refused(tmp_path, svg):
    [message] = problems_for(tmp_path, base_tenant(), logo=svg)
    assert "logo:" in message


def test_logo_path_cannot_leave_the_tenant_folder(tmp_path):
    data = base_tenant()
    data["logo"] = "../exempelkommun/logo.svg"
    [message] = problems_for(tmp_path, data)
    assert "inget tillåtet filnamn" in message


def test_duplicate_key_is_an_error_with_both_lines(tmp_path):
    text = (DEMO / "tenant.yml").read_text(encoding="utf-8") + "name: Annan kommun\n"
    [message] = problems_for(tmp_path, text)
    assert "står två gånger" in message


def test_yaml_syntax_error_names_the_line(tmp_path):
    text = "name: Testkommun\nkind: kommun\nlicence:\n  valid_from: 2026-01-01\n valid_until: 2027-01-01\n"
    [message] = problems_for(tmp_path, text)
    assert "går inte att läsa som YAML" in message
    assert "tenant.yml:5" in message


def test_swedish_is_required(tmp_path):
    data = base_tenant()
    data["languages"] = ["en"]
    [message] = problems_for(tmp_path, data)
    assert "svenska (sv) saknas" in message


def test_expired_licence_is_an_error_and_a_near_one_a_warning(tmp_path):
    tenant = load_tenant(ROOT / "tenants", "exempelkommun")
    until = tenant.licence.valid_until
    [expired] = licence_problems(tenant, ROOT / "tenants", date(until.year + 1, 1, 1))
    assert not expired.warning and "gick ut" in expired.message
    [soon] = licence_problems(tenant, ROOT / "tenants", date(until.year, until.month, 1))
    assert soon.warning and "går ut" in soon.message
    assert licence_problems(tenant, ROOT / "tenants", date(2027, 1, 1)) == []
