"""Proof by an oracle: with hostile tenant values in every context content can use, the fleet's output
equals the naive reference rendering (tests/oracle.py) byte for byte, and Chromium runs no injected script.

Hypothesis draws the values; every tenant of one draw is built in one fleet run (one engine run for the
variant), and each is rendered once more by the reference renderer.
"""

from __future__ import annotations

import re
import string

import pytest
import yaml
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from stodmaterial.fleet import build_fleet
from stodmaterial.tenant.model import FORBIDDEN

from conftest import TODAY
from oracle import reference_build, tree
from test_tenant_validation import base_tenant

# Every context content can use: body text, a list item, a table cell, emphasis, a link's text, the
# print-all page (themes gathered), the contacts block, the preparation plan (text and JSON data).
CONTEXT_PAGE = """# Kontexter

Brödtext med {{ tenant.name }} mitt i en mening, och {{ tenant.licence_line }}

- En punkt om {{ tenant.name }}
- **{{ tenant.name }}** i fetstil och *{{ tenant.kind }}* i kursiv

| Organisation | Kontakt |
| --- | --- |
| {{ tenant.name }} | {{ tenant.contact_email }} |

[Länktext med {{ tenant.name }}](fa-stod.md)

/// tenant-contacts
///
"""

PIECES = ['"', "'", "<", ">", "&", "&amp;", "&#60;", "&lt;script&gt;", "</script>", "<script>window.__smInjected=1</script>",
          '" onmouseover="window.__smInjected=1', "' onload='window.__smInjected=1", "{{ tenant.name }}", "SMSLOT",
          "SMSLOTabc123M6e616d65_svQ", "SMLEAK", "{: onclick=x }", "*", "_", "`", "[", "]", "(", ")", "\\", "/", "Åsa", "Öland",
          "ärlig", "é", "—", " ", "😀"]
TEXT = st.lists(st.one_of(st.sampled_from(PIECES), st.text(alphabet=string.ascii_letters + "åäöÅÄÖ ", min_size=1, max_size=8)),
                min_size=1, max_size=8).map("".join)


def _clean(value: str) -> str:
    value = FORBIDDEN.sub("", value).strip()
    return value[:70] or "Tomt"


def hostile_tenant(name: str, role: str, officer: str, offers: str, english: bool) -> dict:
    data = base_tenant()
    data["name"] = _clean(name)
    data["security_officers"][0]["name"] = _clean(officer)
    data["security_officers"][0]["role"] = _clean(role)
    data["local_support"][0]["offers"] = _clean(offers)
    data["languages"] = ["sv", "en"] if english else ["sv"]
    return data


@pytest.fixture(scope="module")
def context_repo(tmp_path_factory):
    from conftest import copy_repo

    layout = copy_repo(tmp_path_factory.mktemp("oracle") / "repo")
    for locale, suffix in (("sv", ".md"), ("en", ".en.md")):
        (layout.docs / f"kontexter{suffix}").write_text(CONTEXT_PAGE, encoding="utf-8")
    nav = (layout.config_file).read_text(encoding="utf-8").replace("  - tillganglighet.md", "  - tillganglighet.md\n  - kontexter.md")
    layout.config_file.write_text(nav, encoding="utf-8")
    return layout


# Each draw costs engine runs (seconds each): few draws, no shrinking (the failure message names the
# differing files; the drawn values are printed by Hypothesis).
@settings(max_examples=4, deadline=None, derandomize=True, phases=[Phase.explicit, Phase.generate], suppress_health_check=list(HealthCheck))
@given(values=st.lists(st.tuples(TEXT, TEXT, TEXT, TEXT), min_size=2, max_size=2))
def test_fleet_equals_the_reference_rendering_for_hostile_values(context_repo, values, tmp_path_factory, monkeypatch_session):
    layout = context_repo
    work = tmp_path_factory.mktemp("draw")
    slugs = []
    for number, (name, role, officer, offers) in enumerate(values):
        slug = f"fientlig-{number}"
        folder = layout.tenants / slug
        folder.mkdir(exist_ok=True)
        data = hostile_tenant(name, role, officer, offers, english=False)
        (folder / "tenant.yml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        (folder / "logo.svg").write_bytes((layout.tenants / "exempelkommun" / "logo.svg").read_bytes())
        slugs.append(slug)
    result = build_fleet(layout, slugs, out_root=work / "fleet", today=TODAY)
    assert result.failed == {}, {k: [p.format() for p in v] for k, v in result.failed.items()}
    for slug in slugs:
        expected = tree(reference_build(layout, slug, work / "reference" / slug))
        actual = tree(result.built[slug])
        assert sorted(actual) == sorted(expected)
        differing = [name for name in expected if expected[name] != actual[name]]
        assert differing == [], f"{slug}: {differing[:5]}"


@pytest.fixture(scope="module")
def monkeypatch_session():
    mp = pytest.MonkeyPatch()
    mp.setenv("SOURCE_DATE_EPOCH", "1763769600")
    yield mp
    mp.undo()


INJECTED = {
    "name": 'Norr"><script>window.__smInjected=1</script><img src=x onerror="window.__smInjected=2">',
    "role": "' onmouseover='window.__smInjected=3' x='",
    "officer": "</textarea></script><svg onload=window.__smInjected=4>",
    "offers": "{: onclick=\"window.__smInjected=5\" } &lt;b&gt; &amp;",
}


@pytest.fixture(scope="module")
def injected_site(context_repo, tmp_path_factory, monkeypatch_session):
    layout = context_repo
    folder = layout.tenants / "injektion"
    folder.mkdir()
    data = hostile_tenant(INJECTED["name"], INJECTED["role"], INJECTED["officer"], INJECTED["offers"], english=True)
    data["name"] = INJECTED["name"][:80]
    (folder / "tenant.yml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    (folder / "logo.svg").write_bytes((layout.tenants / "exempelkommun" / "logo.svg").read_bytes())
    result = build_fleet(layout, ["injektion"], out_root=tmp_path_factory.mktemp("injected"), today=TODAY)
    assert result.failed == {}
    return result.built["injektion"]


@pytest.mark.browser
def test_chromium_runs_no_injected_script_on_any_page(injected_site, open_page):
    pages = sorted(p for p in injected_site.rglob("*.html") if "Norr" in p.read_text(encoding="utf-8"))
    assert len(pages) >= 10, "the tenant's name should be on every page (footer) and in the contexts page"
    recorded = open_page()
    dialogs = []
    recorded.page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    for path in pages:
        recorded.page.goto(path.as_uri())
        recorded.page.mouse.move(200, 300)
        assert recorded.page.evaluate("window.__smInjected === undefined"), path
    assert dialogs == []
    contexts = (injected_site / "kontexter.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;window.__smInjected=1&lt;/script&gt;" in contexts
    assert re.search(r"<script>window.__smInjected", contexts) is None


def test_a_template_value_of_an_unsupported_type_is_an_error_not_a_placeholder(monkeypatch):
    from stodmaterial import render_context
    from stodmaterial.fleet.slots import SlotTable
    from stodmaterial.paths import Layout
    from stodmaterial.tenant import load_tenant

    from conftest import ROOT

    original = render_context.template_values
    monkeypatch.setattr(render_context, "template_values", lambda tenant, locale: {**original(tenant, locale), "count": 3})
    context = render_context.RenderContext(tenant=load_tenant(ROOT / "tenants", "exempelkommun"), themes=(), layout=Layout(ROOT), slots=SlotTable())
    with pytest.raises(TypeError, match="'count' is a int"):
        context.template_values()
