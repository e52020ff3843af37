"""The scripts' interface texts come from the one table (each language file's `strings`,
stodmaterial/languages/<code>.yml): the build writes them as strings.js, safely encoded, and the
scripts name no language of their own."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest

from stodmaterial import i18n
from stodmaterial.problems import ProblemError
from stodmaterial.strings import SCRIPT_KEYS, SCRIPT_STRINGS_PATH, script_strings_js

from conftest import ROOT

STRINGS = {language.code: language.strings for language in i18n.registry().languages}

SCRIPTS = ROOT / "overrides" / "assets" / "javascripts" / "stodmaterial"
NODE = shutil.which("node")


def run_in_node(source: str) -> object:
    """Run a classic script in node with a bare `window` and return window.stodmaterialStrings."""
    program = "const window = {};\n" + source + "\nprocess.stdout.write(JSON.stringify(window.stodmaterialStrings));"
    done = subprocess.run([NODE, "-e", program], capture_output=True, text=True, encoding="utf-8", check=True, timeout=30)
    return json.loads(done.stdout)


def test_no_key_is_written_twice_in_a_language(tmp_path, monkeypatch):
    """Plain YAML keeps the last of two equal keys silently: a script's text would then replace the
    generator's (or the other way round). The language files are read like editors' files, where a
    key written twice is an error."""
    i18n.registry()  # the shipped files load
    folder = tmp_path / "languages"
    shutil.copytree(i18n.LANGUAGES_DIR, folder)
    en = folder / "en.yml"
    en.write_text(en.read_text(encoding="utf-8").replace("\nstrings:\n", "\nstrings:\n  save: Twice\n", 1), encoding="utf-8")
    monkeypatch.setenv(i18n.LANGUAGES_ENV, str(folder))
    with pytest.raises(ProblemError) as raised:
        i18n.registry()
    assert any(p.file.name == en.name and p.line and "save" in p.message for p in raised.value.problems), [p.message for p in raised.value.problems]


def test_every_text_a_script_reads_is_in_the_table_in_every_language():
    used = set(re.findall(r"\bTEXT\.(\w+)", (SCRIPTS / "interactive.js").read_text(encoding="utf-8")))
    assert used and used <= set(SCRIPT_KEYS), sorted(used - set(SCRIPT_KEYS))
    for locale, table in STRINGS.items():
        assert set(SCRIPT_KEYS) <= set(table), (locale, sorted(set(SCRIPT_KEYS) - set(table)))


def test_the_scripts_name_no_language():
    for path in sorted(SCRIPTS.glob("*.js")):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"""["'](sv|en)(-[A-Za-z]+)?["']""", text), path.name
        assert "english" not in text.lower(), path.name


@pytest.mark.skipif(NODE is None, reason="node is installed by scripts/test")
def test_strings_js_gives_the_scripts_the_table_default_language_first():
    table = run_in_node(script_strings_js())
    assert list(table) == [i18n.default_code()] + [locale for locale in STRINGS if locale != i18n.default_code()]
    assert table == {locale: {key: STRINGS[locale][key] for key in SCRIPT_KEYS} for locale in STRINGS}


@pytest.mark.skipif(NODE is None, reason="node is installed by scripts/test")
def test_strings_js_keeps_hostile_text_inert(monkeypatch):
    hostile = '</script><script>alert(1)</script> "\\ \u2028\u2029 & <!-- ${x} `'
    languages = i18n.registry().languages
    patched = i18n.Registry(tuple(language.model_copy(update={"strings": {**language.strings, "save": hostile}}) for language in languages))
    monkeypatch.setattr(i18n, "registry", lambda: patched)
    source = script_strings_js()
    assert "<" not in source.split("*/", 1)[1] and "\u2028" not in source and source.isascii()
    assert run_in_node(source)["sv"]["save"] == hostile


def test_the_build_writes_strings_js_and_loads_it_before_the_scripts(demo_site):
    assert (demo_site / SCRIPT_STRINGS_PATH).read_text(encoding="utf-8") == script_strings_js()
    for page in ("index.html", "en/index.html", "forebyggande/riskguide.html"):
        html = (demo_site / page).read_text(encoding="utf-8")
        scripts = re.findall(r'<script src="[^"]*assets/javascripts/stodmaterial/([\w-]+\.js)"', html)
        # lazy-search.js is a polyfill, loaded before Material's bundle; it shows no text.
        scripts = [name for name in scripts if name != "lazy-search.js"]
        assert scripts[:3] == ["strings.js", "store.js", "dom.js"], (page, scripts)


@pytest.mark.skipif(NODE is None, reason="node is installed by scripts/test")
@pytest.mark.parametrize("locale", ["sv", "en"])
def test_the_js_unit_tests_see_the_risk_guide_data_as_the_page_carries_it(demo_site, locale):
    """tests/js/helpers.js rebuilds the page's sm-rg__data from the YAML; it must not drift from the
    build, or the scoring tests would test other data than the reader's."""
    page = demo_site / ("" if locale == "sv" else "en/") / "forebyggande" / "riskguide.html"
    found = re.search(r'<script class="sm-rg__data" type="application/json">(.*?)</script>', page.read_text(encoding="utf-8"), re.S)
    built = json.loads(found.group(1))
    built.pop("ui")
    helpers = (ROOT / "tests" / "js" / "helpers.js").as_posix()
    program = f"process.stdout.write(JSON.stringify(require({json.dumps(helpers)}).guideData({json.dumps(locale)})))"
    done = subprocess.run([NODE, "-e", program], capture_output=True, text=True, encoding="utf-8", timeout=30, cwd=ROOT)
    assert done.returncode == 0, done.stderr  # js-yaml comes from `npm ci` (scripts/test)
    assert json.loads(done.stdout) == built


def test_the_tools_scripts_load_only_on_their_pages(demo_site):
    """The risk guide's parts and the plan's script stay off every other page (the first view's weight)."""
    for page in sorted(demo_site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        scripts = re.findall(r'<script src="[^"]*assets/javascripts/stodmaterial/([\w-]+)\.js"', html)
        rel = page.relative_to(demo_site).as_posix()
        guide = ["riskguide-scoring", "riskguide-codec", "riskguide-view", "riskguide-ui"]
        assert [s for s in scripts if s.startswith("riskguide")] == (guide if "data-sm-riskguide" in html else []), rel
        assert ("preparation-plan" in scripts) == ("data-sm-plan" in html), rel
