"""One engine boundary: MkDocs by default, ProperDocs proven byte for byte, nothing else imports either."""

from __future__ import annotations

import re
from pathlib import Path

from stodmaterial.build import build_site
from stodmaterial.engine import engine_subprocess

from conftest import ROOT, TODAY
from oracle import tree

IMPORT = re.compile(r"^\s*(import|from) (mkdocs|material|mkdocs_static_i18n|properdocs)\b", re.M)


def test_only_the_engine_package_imports_the_engine():
    offenders = []
    for path in sorted((ROOT / "stodmaterial").rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        if not rel.startswith("stodmaterial/engine/") and IMPORT.search(path.read_text(encoding="utf-8")):
            offenders.append(rel)
    assert offenders == []


def test_the_overrides_name_no_hashed_theme_file():
    for path in (ROOT / "overrides").rglob("*.html"):
        assert not re.search(r"\.[0-9a-f]{8}\.min\.(js|css)", path.read_text(encoding="utf-8")), path


def test_properdocs_builds_the_demo_byte_identical_to_mkdocs(repo_copy, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1763769600")
    default = build_site(repo_copy, "exempelkommun", tmp_path / "mkdocs" / "exempelkommun", today=TODAY).out
    result = engine_subprocess(["--repo", str(repo_copy.root), "--today", TODAY.isoformat(), "build", "--engine", "properdocs",
                                "--tenant", "exempelkommun", "--out", str(tmp_path / "properdocs" / "exempelkommun")],
                               "properdocs", timeout=600)
    assert result.returncode == 0, result.stderr
    expected, actual = tree(default), tree(tmp_path / "properdocs" / "exempelkommun")
    assert sorted(actual) == sorted(expected)
    assert [name for name in expected if expected[name] != actual[name]] == []


def test_a_broken_link_names_file_and_line_under_properdocs(repo_copy, tmp_path):
    page = repo_copy.docs / "om.md"
    lines = page.read_text(encoding="utf-8").splitlines()
    lines.insert(4, "Se [den saknade sidan](finns-inte.md).")
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = engine_subprocess(["--repo", str(repo_copy.root), "--today", TODAY.isoformat(), "build", "--engine", "properdocs",
                                "--out", str(tmp_path / "site")], "properdocs", timeout=600)
    assert result.returncode == 1
    assert "docs/om.md:5:" in result.stderr and "finns-inte.md" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_changed_template_is_compiled_again_in_the_same_process(repo_copy, tmp_path):
    """Templates are compiled once per process (CompiledTemplates); a template changed between two runs,
    as under `stodmaterial serve`, shows in the next run."""
    first = build_site(repo_copy, "exempelkommun", tmp_path / "first", today=TODAY).out
    assert "sm-template-changed" not in (first / "om.html").read_text(encoding="utf-8")
    main = repo_copy.root / "overrides" / "main.html"
    main.write_text(main.read_text(encoding="utf-8").replace(
        "{% block site_meta %}", '{% block site_meta %}\n  <meta name="sm-template-changed">', 1), encoding="utf-8")
    second = build_site(repo_copy, "exempelkommun", tmp_path / "second", today=TODAY).out
    assert '<meta name="sm-template-changed">' in (second / "om.html").read_text(encoding="utf-8")
    assert '<meta name="sm-template-changed">' in (second / "en" / "om.html").read_text(encoding="utf-8")
