"""Building one tenant: strict, all-or-nothing, and safe with hostile tenant text."""

from __future__ import annotations

import hashlib
import os
import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from stodmaterial.build import build_site
from stodmaterial.problems import ProblemError

from conftest import TODAY

HOSTILE_NAME = '<script>alert("namn")</script> & \'Q\' "R"'
HOSTILE_OFFICER = "<img src=x onerror=alert(1)> **fet** {{ tenant.name }}"
HOSTILE_ROLE = "</textarea><b>roll</b>"


def snapshot(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


def run_cli(layout, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "stodmaterial", "--repo", str(layout.root), "--today", TODAY.isoformat(), *args],
        capture_output=True, text=True, timeout=300,
    )


def test_demo_site_has_both_languages_with_the_right_lang(demo_site):
    pages = sorted(demo_site.rglob("*.html"))
    assert len(pages) >= 20
    for page in pages:
        html = page.read_text(encoding="utf-8")
        want = "en" if page.relative_to(demo_site).parts[0] == "en" else "sv"
        assert f'<html lang="{want}"' in html, page


def test_every_page_has_the_licence_line_and_the_statement_link(demo_site):
    for page in demo_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        english = page.relative_to(demo_site).parts[0] == "en"
        line = "Licensed to Exempelkommun until 2028-12-31." if english else "Licensierat för Exempelkommun t.o.m. 2028-12-31."
        assert line in html, page
        assert "tillganglighet.html" in html, page


def test_tenant_colour_and_logo_are_applied(demo_site):
    css = (demo_site / "assets/stylesheets/tenant.css").read_text()
    assert "--sm-tenant-primary: #1f5c99;" in css
    assert (demo_site / "assets/tenant/logo.svg").is_file()
    assert 'src="assets/tenant/logo.svg"' in (demo_site / "index.html").read_text()


def test_each_language_has_its_own_search_index(demo_site):
    sv = json.loads((demo_site / "search/search_index.json").read_text())
    en = json.loads((demo_site / "en/search/search_index.json").read_text())
    assert sv["config"]["lang"] == ["sv"] and en["config"]["lang"] == ["en"]
    assert all(not d["location"].startswith("en/") for d in sv["docs"])
    assert any("Få stöd" in d["title"] for d in sv["docs"])
    assert any("Get support" in d["title"] for d in en["docs"])
    assert not any("Få stöd" in d["title"] for d in en["docs"])
    for folder in ("search", "en/search"):
        assert (demo_site / folder / "search_index.js").read_text().startswith("var __index = ")


def test_failed_build_leaves_the_previous_site_untouched(repo_copy, tmp_path):
    out = tmp_path / "out" / "exempelkommun"
    build_site(repo_copy, "exempelkommun", out, today=TODAY)
    before = snapshot(out)
    tenant_file = repo_copy.tenants / "exempelkommun" / "tenant.yml"
    tenant_file.write_text(tenant_file.read_text().replace('"#1f5c99"', '"#ffd700"'))
    with pytest.raises(ProblemError) as caught:
        build_site(repo_copy, "exempelkommun", out, today=TODAY)
    assert "kontrast" in caught.value.problems[0].message
    assert snapshot(out) == before
    assert sorted(p.name for p in out.parent.iterdir()) == [".exempelkommun.releases", "exempelkommun"]
    releases = out.parent / ".exempelkommun.releases"
    assert not [p for p in releases.iterdir() if p.name.startswith(".building-")], "a failed build left a half-written release"


def test_expired_licence_is_not_built(repo_copy, tmp_path):
    result = run_cli(repo_copy, "--today", "2031-01-01", "build", "--out", str(tmp_path / "site"))
    assert result.returncode == 1
    assert "licensen gick ut 2028-12-31; webbplatsen byggs inte." in result.stderr
    assert not (tmp_path / "site").exists()


def test_broken_link_fails_check_and_build_naming_file_and_line(repo_copy, tmp_path):
    page = repo_copy.docs / "om.md"
    lines = page.read_text(encoding="utf-8").splitlines()
    lines.insert(4, "Se också [en sida som inte finns](finns-inte.md).")
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(ProblemError) as caught:
        build_site(repo_copy, "exempelkommun", tmp_path / "site", today=TODAY)
    [problem] = [p for p in caught.value.problems if "finns-inte.md" in p.message]
    assert problem.file == page and problem.line == 5
    result = run_cli(repo_copy, "check", "--quiet")
    assert result.returncode == 1
    assert "docs/om.md:5: fel: länken 'finns-inte.md' leder till en sida eller fil som inte finns." in result.stderr


def test_broken_link_in_a_theme_names_the_theme_file(repo_copy, tmp_path):
    page = repo_copy.themes / "forovarna" / "index.en.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[Broken](../nowhere/index.md)\n", encoding="utf-8")
    with pytest.raises(ProblemError) as caught:
        build_site(repo_copy, "exempelkommun", tmp_path / "site", today=TODAY)
    assert any(p.file == page and "../nowhere/index.md" in p.message for p in caught.value.problems)


def test_untranslated_page_fails_check_and_build(repo_copy, tmp_path):
    (repo_copy.docs / "om.en.md").unlink()
    result = run_cli(repo_copy, "check", "--quiet")
    assert result.returncode == 1
    assert "docs/om.md: fel: sidan saknar engelsk översättning. Åtgärd: Skapa om.en.md" in result.stderr
    with pytest.raises(ProblemError):
        build_site(repo_copy, "exempelkommun", tmp_path / "site", today=TODAY)


def test_check_passes_on_the_repository(repo):
    result = run_cli(repo, "check")
    assert result.returncode == 0, result.stderr
    assert "docs/om.md:" in result.stdout and "LIX" in result.stdout


def test_hostile_tenant_text_is_escaped_in_every_output_file(repo_copy, tmp_path):
    folder = repo_copy.tenants / "fientlig"
    folder.mkdir()
    data = yaml.safe_load((repo_copy.tenants / "exempelkommun" / "tenant.yml").read_text())
    data["name"] = HOSTILE_NAME
    data["security_officers"][0]["name"] = HOSTILE_OFFICER
    data["security_officers"][0]["role"] = HOSTILE_ROLE
    data["local_support"][0]["offers"] = "<a href=javascript:alert(2)>klicka</a>"
    (folder / "tenant.yml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    (folder / "logo.svg").write_bytes((repo_copy.tenants / "exempelkommun" / "logo.svg").read_bytes())
    out = tmp_path / "site"
    build_site(repo_copy, "fientlig", out, today=TODAY)

    raw = ['<script>alert("namn")', "<img src=x onerror", "</textarea><b>", "<a href=javascript:alert(2)>", "<b>roll</b>"]
    for path in out.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".json", ".js", ".css", ".xml", ".svg"):
            text = path.read_text(encoding="utf-8")
            for needle in raw:
                assert needle not in text, f"{needle!r} unescaped in {path}"
    support = (out / "fa-stod.html").read_text(encoding="utf-8")
    assert "&lt;img src=x onerror=alert(1)&gt; **fet** {{ tenant.name }}" in support
    assert "&lt;/textarea&gt;&lt;b&gt;roll&lt;/b&gt;" in support
    about = (out / "om.html").read_text(encoding="utf-8")
    assert "<p>Licensierat för &lt;script&gt;alert(\"namn\")&lt;/script&gt; &amp; " in about
    assert "Licensierat för &lt;script&gt;alert(&#34;namn&#34;)&lt;/script&gt; &amp; &#39;Q&#39;" in about


def test_plain_mkdocs_build_is_refused_with_a_swedish_message(repo_copy, tmp_path):
    # The sources are staged by stodmaterial before the engine runs; MkDocs alone would build the raw
    # docs/ folder without tenant, themes or slots, so it is refused instead of building a wrong site.
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(tmp_path / "site")],
        cwd=repo_copy.root, capture_output=True, text=True, timeout=300,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode != 0
    assert "Bygg med 'stodmaterial build'" in result.stderr
    assert not (tmp_path / "site" / "index.html").exists()
