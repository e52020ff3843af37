"""A third language is a data change plus content: a throwaway Finnish (fi, a national minority
language in Sweden) is added as a language file in a copied folder (STODMATERIAL_LANGUAGES_DIR), with
`.fi` twins of every English page and data file, fi texts in every theme.yml, and the demo tenant's
languages set to [sv, en, fi]. No code knows the language; the built site must show it as a reader
would see it."""

from __future__ import annotations

import copy
import json
import re
import shutil
from pathlib import Path

import pytest
import yaml

from stodmaterial import i18n
from stodmaterial.build import build_site
from stodmaterial.content.check import check_content
from stodmaterial.paths import Layout
from stodmaterial.problems import ProblemError
from stodmaterial.strings import SCRIPT_STRINGS_PATH
from stodmaterial.tenant import tenant_problems

from conftest import ROOT, TODAY, copy_repo

PREFIX = "[fi] "


def _prefixed(table: dict) -> dict:
    return {key: PREFIX + value for key, value in table.items()}


def finnish_language_file(english: dict) -> dict:
    """fi.yml: the English file with every interface text marked [fi] (fine for a test)."""
    data = dict(english)
    data.update(code="fi", name="Suomi", sv_name="finska", sv_adjective="finsk", order=3, search="fi")
    data["site"] = {**english["site"], "site_name": PREFIX + english["site"]["site_name"]}
    for table in i18n.TABLES:
        data[table] = _prefixed(english[table])
    return data


def add_finnish_content(layout: Layout) -> None:
    """A .fi twin of every English page and file (films themselves excepted: the Swedish film is
    shared), fi texts in every theme.yml, and fi in the demo tenant's languages."""
    for folder in (layout.docs, layout.themes):
        for path in sorted(folder.rglob("*")):
            if path.is_file() and ".en." in path.name and path.suffix != ".mp4":
                twin = path.with_name(path.name.replace(".en.", ".fi."))
                if path.suffix == ".md":  # the pages name their own language's graphics
                    twin.write_text(path.read_text(encoding="utf-8").replace(".en.svg", ".fi.svg"), encoding="utf-8")
                else:
                    shutil.copy(path, twin)
    for path in sorted(layout.themes.glob("*/theme.yml")):
        meta = yaml.safe_load(path.read_text(encoding="utf-8"))
        meta["fi"] = copy.deepcopy(meta["en"])  # a copy: the same object would be dumped as an alias
        path.write_text(yaml.safe_dump(meta, allow_unicode=True, sort_keys=False), encoding="utf-8")
    tenant = layout.tenants / "exempelkommun" / "tenant.yml"
    text = tenant.read_text(encoding="utf-8")
    assert "languages: [sv, en]" in text
    tenant.write_text(text.replace("languages: [sv, en]", "languages: [sv, en, fi]"), encoding="utf-8")


@pytest.fixture(scope="module")
def finnish(tmp_path_factory):
    """(layout, built site) with fi registered; the language folder stays overridden for the module's
    tests only."""
    work = tmp_path_factory.mktemp("third-language")
    languages = work / "languages"
    shutil.copytree(i18n.LANGUAGES_DIR, languages)
    english = yaml.safe_load((languages / "en.yml").read_text(encoding="utf-8"))
    (languages / "fi.yml").write_text(yaml.safe_dump(finnish_language_file(english), allow_unicode=True, sort_keys=False), encoding="utf-8")
    layout = copy_repo(work / "repo")
    add_finnish_content(layout)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(i18n.LANGUAGES_ENV, str(languages))
        assert i18n.codes() == ("sv", "en", "fi")
        out = work / "site"
        build_site(layout, "exempelkommun", out, today=TODAY)
        yield layout, out
    assert i18n.codes() == ("sv", "en")  # nothing leaks into the other tests


def _html(site: Path, page: str) -> str:
    return (site / page).read_text(encoding="utf-8")


def test_the_finnish_pages_exist_in_finnish(finnish):
    _, site = finnish
    for page in ("index.html", "teman/forovarna/index.html", "forebyggande/riskguide.html", "fa-stod.html"):
        html = _html(site, f"fi/{page}")
        assert re.search(r'<html[^>]* lang="fi"', html), page
    assert re.search(r'<html[^>]* lang="sv"', _html(site, "index.html"))


def test_the_language_switcher_offers_suomi_and_links_to_the_finnish_page(finnish):
    _, site = finnish
    html = _html(site, "teman/forovarna/index.html")
    switch = re.search(r'<a href="([^"]*)" hreflang="fi"[^>]*>\s*Suomi\s*</a>', html)
    assert switch, "no Suomi in the language switcher"
    target = (site / "teman" / "forovarna" / switch.group(1)).resolve()
    assert target == (site / "fi" / "teman" / "forovarna" / "index.html").resolve()


def test_the_finnish_pages_show_the_finnish_interface_texts(finnish):
    layout, site = finnish
    fi = yaml.safe_load((Path(i18n.languages_dir()) / "fi.yml").read_text(encoding="utf-8"))
    html = _html(site, "fi/teman/forovarna/index.html")
    assert f'aria-label="{fi["strings"]["menu"]}"' in html  # a template's text
    assert fi["strings"]["key_points"] in html  # a Markdown block's text
    assert "<title>" in html and fi["site"]["site_name"] in html
    assert fi["strings"]["footer_about"] in html
    assert fi["strings"]["quick_exit_label"] in html
    # The Swedish 404 page carries the Finnish text, marked as Finnish.
    assert re.search(r'<div lang="fi">\s*<h2>' + re.escape(fi["strings"]["not_found_title"]), _html(site, "404.html"))
    # The tenant has no Finnish role: the Swedish one shows, marked as Swedish.
    assert '<p class="sm-contact__role" lang="sv">Säkerhetschef</p>' in _html(site, "fi/fa-stod.html")


def test_strings_js_carries_the_finnish_table(finnish):
    _, site = finnish
    source = (site / SCRIPT_STRINGS_PATH).read_text(encoding="utf-8")
    body = source.split("window.stodmaterialStrings = ", 1)[1].rstrip().rstrip(";")
    table = json.loads(body)
    assert list(table) == ["sv", "en", "fi"]
    assert table["fi"]["save"].startswith(PREFIX)


def test_check_passes_and_a_missing_finnish_twin_is_reported(finnish):
    layout, _ = finnish
    _, problems = check_content(layout)
    assert not [p for p in problems if not p.warning], [p.format(layout.root) for p in problems if not p.warning]
    twin = layout.docs / "om.fi.md"
    text = twin.read_text(encoding="utf-8")
    twin.unlink()
    try:
        _, problems = check_content(layout)
    finally:
        twin.write_text(text, encoding="utf-8")
    messages = [p.format(layout.root) for p in problems if not p.warning]
    assert "docs/om.md: fel: sidan saknar finsk översättning. Åtgärd: Skapa om.fi.md bredvid den, med samma innehåll på finska." in messages, messages


def test_an_unknown_language_in_tenant_yml_is_rejected_in_swedish(tmp_path, monkeypatch):
    monkeypatch.delenv(i18n.LANGUAGES_ENV, raising=False)  # the shipped languages only: no fi
    folder = tmp_path / "tenants"
    shutil.copytree(ROOT / "tenants" / "exempelkommun", folder / "exempelkommun")
    path = folder / "exempelkommun" / "tenant.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("languages: [sv, en]", "languages: [sv, fi]"), encoding="utf-8")
    tenant, problems = tenant_problems(folder, "exempelkommun", TODAY)
    assert tenant is None
    [problem] = problems
    text = problem.format(folder)
    assert text.startswith("exempelkommun/tenant.yml:"), text
    assert "språket 'fi' finns inte i materialet" in text
    assert "sv (svenska), en (engelska)" in text


def test_a_language_file_missing_a_text_is_refused_with_file_line_and_fix(tmp_path, monkeypatch):
    folder = tmp_path / "languages"
    shutil.copytree(i18n.LANGUAGES_DIR, folder)
    english = folder / "en.yml"
    english.write_text(re.sub(r"(?m)^  menu: .*\n", "", english.read_text(encoding="utf-8")), encoding="utf-8")
    monkeypatch.setenv(i18n.LANGUAGES_ENV, str(folder))
    with pytest.raises(ProblemError) as raised:
        i18n.registry()
    [problem] = raised.value.problems
    assert problem.file.name == "en.yml" and problem.line
    assert "strings: texterna menu saknas" in problem.message and "engelska" in problem.fix


@pytest.mark.parametrize("code", ["\x1b]0;stodmaterial\x07fi", "fi\u202eas", "x" * 5000])
def test_an_unknown_language_is_shown_safely_in_the_message(tmp_path, monkeypatch, code):
    """The editor's terminal and the preview page get the code visible and short: no escape sequence
    or reordering character passes through, and a long value is cut."""
    monkeypatch.delenv(i18n.LANGUAGES_ENV, raising=False)
    folder = tmp_path / "tenants"
    shutil.copytree(ROOT / "tenants" / "exempelkommun", folder / "exempelkommun")
    path = folder / "exempelkommun" / "tenant.yml"
    quoted = code.encode("unicode_escape").decode("ascii").replace('"', '\\"')
    path.write_text(path.read_text(encoding="utf-8").replace("languages: [sv, en]", f'languages: [sv, "{quoted}"]'), encoding="utf-8")
    tenant, problems = tenant_problems(folder, "exempelkommun", TODAY)
    assert tenant is None
    [problem] = problems
    text = problem.format(folder)
    assert "finns inte i materialet" in text
    assert text.isprintable(), repr(text)
    assert len(text) < 500
