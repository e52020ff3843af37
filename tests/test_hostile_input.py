"""A core that cannot be tricked: a corpus of hostile tenant files and content snippets.

Each tenant file is either rejected with a Swedish message naming the file and a line, or accepted and
then built (test_oracle.py proves accepted values are escaped and equal to the reference rendering).
Nothing crashes, and one bad file never stops the others.
"""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest
import yaml

from stodmaterial.content.rules.active_content import active_content_problems
from stodmaterial.problems import ProblemError
from stodmaterial.tenant import load_tenant, tenant_problems
from stodmaterial.tenant.logo import logo_problem

from conftest import ROOT, TODAY
from test_tenant_validation import base_tenant, write_tenant

SVG_NS = 'xmlns="http://www.w3.org/2000/svg"'


def _with(path: tuple, value) -> dict:
    data = base_tenant()
    target = data
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    return data


BAD_CHARACTERS = {
    "nul": "\x00", "vertical-tab": "\x0b", "form-feed": "\x0c", "escape": "\x1b", "delete": "\x7f",
    "c1-nel": "\x85", "c1-csi": "\x9b", "rlo": "\u202e", "lro": "\u202d", "rle": "\u202b", "pdf": "\u202c",
    "lri": "\u2066", "rli": "\u2067", "fsi": "\u2068", "pdi": "\u2069", "line-separator": "\u2028",
    "paragraph-separator": "\u2029", "zero-width-space": "\u200b", "rlm": "\u200f", "bom": "\ufeff",
}

# (case id, raw YAML text or data dict): every one must be rejected with a problem that has a line.
REJECTED: list[tuple[str, object]] = [
    *[(f"name-with-{key}", "name: \"Norr" + ch.encode("unicode_escape").decode().replace("\\x", "\\x") + "stad\"\n" + yaml.safe_dump({k: v for k, v in base_tenant().items() if k != "name"}, allow_unicode=True))
      for key, ch in BAD_CHARACTERS.items()],
    # Written with YAML escapes (a raw NEL or LS in a YAML file is itself a line break).
    *[(f"role-with-{key}", yaml.safe_dump(_with(("security_officers", 0, "role"), f"Chef{ch}x"), allow_unicode=False, sort_keys=False))
      for key, ch in list(BAD_CHARACTERS.items())[:8]],
    ("alias-bomb", "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"),
    ("anchor-reused", "name: &n Norrstad\nkind: kommun\nextra: *n\n"),
    ("deep-nesting", "name: " + "[" * 40 + "x" + "]" * 40 + "\n"),
    ("bare-number-date", _with(("licence", "valid_until"), 20281231)),
    ("epoch-date", _with(("licence", "valid_from"), 0)),
    ("date-with-time", _with(("licence", "valid_until"), "2028-12-31T10:00:00")),
    ("tab-indent", "name: Norrstad\nlicence:\n\tvalid_from: 2026-01-01\n"),
    ("javascript-url", _with(("local_support", 1, "url"), "javascript:alert(1)")),
    ("data-url", _with(("local_support", 1, "url"), "data:text/html,<script>alert(1)</script>")),
    ("quick-exit-javascript", _with(("quick_exit", "url"), "javascript:alert(1)")),
    ("quick-exit-quote", _with(("quick_exit", "url"), "https://x.se/\"onmouseover=\"alert(1)")),
    ("colour-css-injection", _with(("primary_color",), "#000000;}body{background:url(https://x.se/)}")),
    ("colour-named", _with(("primary_color",), "red")),
    ("email-with-script", _with(("security_officers", 0, "email"), "<script>@x.se")),
    ("phone-with-letters", _with(("security_officers", 0, "phone"), "010-ABC")),
    ("logo-path-traversal", _with(("logo",), "../exempelkommun/logo.svg")),
    ("logo-absolute", _with(("logo",), "/etc/passwd.svg")),
    ("languages-unknown", _with(("languages",), ["sv", "de"])),
    ("no-swedish", _with(("languages",), ["en"])),
    ("name-too-long", _with(("name",), "N" * 500)),
    ("slug-field", _with(("slug",), "annan")),
    ("not-a-mapping", "- en lista\n- i stället\n"),
    ("duplicate-key", "name: A\nname: B\n"),
    ("empty-name", _with(("name",), "   ")),
    ("python-tag", "name: !!python/object/apply:os.system [echo hej]\n"),
]
LOGOS = {
    "script": f"<svg {SVG_NS}><script>alert(1)</script></svg>",
    "onload": f'<svg {SVG_NS} onload="alert(1)"></svg>',
    "url-upper": f'<svg {SVG_NS}><rect fill="URL(https://x.se/a)"/></svg>',
    "css-escape": f'<svg {SVG_NS}><rect fill="\\75rl(https://x.se/a)"/></svg>',
    "css-comment": f'<svg {SVG_NS}><rect fill="u/**/rl(https://x.se/a)"/></svg>',
    "stylesheet-pi": f'<?xml-stylesheet href="https://x.se/a.css"?><svg {SVG_NS}></svg>',
    "doctype": f'<!DOCTYPE svg [<!ENTITY x "y">]><svg {SVG_NS}>&x;</svg>',
    "foreign-object": f"<svg {SVG_NS}><foreignObject><p>x</p></foreignObject></svg>",
    "href": f'<svg {SVG_NS} xmlns:xlink="http://www.w3.org/1999/xlink"><a xlink:href="javascript:alert(1)"><rect/></a></svg>',
    "style-element": f"<svg {SVG_NS}><style>rect{{fill:url(https://x.se/)}}</style></svg>",
    "html-root": "<html><body>x</body></html>",
}


@pytest.mark.parametrize("case, content", REJECTED, ids=[c for c, _ in REJECTED])
def test_hostile_tenant_file_is_rejected_with_file_and_line(tmp_path, case, content):
    text = content if isinstance(content, str) else yaml.safe_dump(content, allow_unicode=True, sort_keys=False)
    write_tenant(tmp_path, "fientlig", text)
    tenant, problems = tenant_problems(tmp_path, "fientlig", TODAY)
    assert tenant is None, f"{case} was accepted"
    assert problems, case
    for problem in problems:
        text = problem.format(tmp_path)
        assert text.startswith("fientlig/tenant.yml"), text
        assert problem.line is not None, f"{case}: no line in {text}"
        assert "Åtgärd:" in text


def test_invisible_characters_are_named_with_their_position(tmp_path):
    write_tenant(tmp_path, "fientlig", _with(("name",), "Norr\u202estad"))
    [problem] = tenant_problems(tmp_path, "fientlig", TODAY)[1]
    assert "U+202E" in problem.message and "tecken 5" in problem.message


@pytest.mark.parametrize("case", sorted(LOGOS))
def test_hostile_logo_is_rejected(tmp_path, case):
    path = tmp_path / "logo.svg"
    path.write_text(LOGOS[case], encoding="utf-8")
    assert logo_problem(path), case


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_a_doctype_hidden_by_another_encoding_is_found(tmp_path, encoding):
    svg = f'<?xml version="1.0" encoding="{encoding.upper()}"?><!DOCTYPE svg [<!ENTITY x "y">]><svg {SVG_NS}/>'
    data = svg.encode(encoding)
    if encoding == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    path = tmp_path / "logo.svg"
    path.write_bytes(data)
    assert logo_problem(path)


def test_a_folder_name_ending_in_a_newline_is_rejected_not_crashed(tmp_path):
    write_tenant(tmp_path, "norrstad\n", base_tenant())
    tenant, problems = tenant_problems(tmp_path, "norrstad\n", TODAY)
    assert tenant is None and "inget giltigt kortnamn" in problems[0].message


def test_a_tenant_file_linked_from_outside_is_refused(tmp_path):
    outside = tmp_path / "hemlig.yml"
    outside.write_text(yaml.safe_dump(base_tenant(), allow_unicode=True), encoding="utf-8")
    folder = write_tenant(tmp_path / "tenants", "lankad", base_tenant())
    (folder / "tenant.yml").unlink()
    os.symlink(outside, folder / "tenant.yml")
    with pytest.raises(ProblemError) as caught:
        load_tenant(tmp_path / "tenants", "lankad")
    assert "länk" in caught.value.problems[0].message


def test_hostile_but_valid_text_is_accepted_as_text(tmp_path):
    # Quotes, markup, entities, marker-like text and Swedish letters are ordinary text: accepted, and
    # escaped wherever they are written (test_oracle.py builds such tenants).
    for value in ['X"><script>alert(1)</script>', "Norr' onload='alert(1)", "A &amp; B &lt;i&gt;", "SMSLOT00M6e616d65_svQ", "Åsa-Öland & Ärla"]:
        folder = write_tenant(tmp_path, "text", _with(("name",), value))
        assert load_tenant(tmp_path, "text").name == value
        (folder / "tenant.yml").unlink()


# -- content --------------------------------------------------------------------------------------

SNIPPETS = {
    "script": "<script>alert(1)</script>",
    "script-upper": "<SCRIPT SRC=//x.se/a.js></SCRIPT>",
    "event-attribute": '<span onmouseover="alert(1)">text</span>',
    "javascript-link": "[klicka](javascript:alert(1))",
    "javascript-entity": "[klicka](&#106;avascript:alert(1))",
    "javascript-case": "[klicka](JaVaScRiPt:alert(1))",
    "javascript-raw": '<a href="jav&#x09;ascript:alert(1)">x</a>',
    "vbscript": "[x](vbscript:msgbox(1))",
    "data-link": "[x](data:text/html;base64,PHNjcmlwdD4=)",
    "external-image": "![Bild](https://x.se/a.png)",
    "external-image-protocol-relative": "![Bild](//x.se/a.png)",
    "external-img-tag": '<img src="https://x.se/a.png" alt="a">',
    "iframe": '<iframe src="https://x.se/"></iframe>',
    "base": '<base href="https://x.se/">',
    "refresh": '<meta http-equiv="refresh" content="0;url=https://x.se/">',
    "form": '<form action="https://x.se/"><button>Skicka</button></form>',
    "style-url": '<span style="background:url(https://x.se/a.png)">x</span>',
    "stylesheet": '<link rel="stylesheet" href="https://x.se/a.css">',
    "tenant-in-raw-html": '<a title="{{ tenant.name }}" href="fa-stod.md">x</a>',
    "tenant-in-attr-list": 'Text {: title="{{ tenant.name }}" }',
    "tenant-in-image-alt": "![Logga för {{ tenant.name }}](bild.svg)",
    "tenant-in-link-title": '[Stöd](fa-stod.md "Stöd i {{ tenant.name }}")',
    "reference-javascript": "[a]: javascript:alert(1)",
    "svg-inline": "<svg><script>alert(1)</script></svg>",
}
ACCEPTED = {
    "link": "[Få stöd](fa-stod.md) och [Polisen](https://polisen.se/).",
    "tenant-in-text": "Kontakta {{ tenant.name }} om du behöver stöd.",
    "film": "![type:video](https://www.youtube-nocookie.com/embed/abc)",
    "code": "Skriv `<script>` i en kodruta om du måste visa det.",
    "mail": "[Skriv](mailto:stod@exempel.se) eller ring [112](tel:112).",
}


@pytest.mark.parametrize("case", sorted(SNIPPETS))
def test_active_or_external_content_is_rejected_with_file_and_line(case):
    text = "# Sida\n\nEn vanlig rad.\n\n" + SNIPPETS[case] + "\n"
    problems = active_content_problems(Path("docs/sida.md"), text)
    assert problems, case
    assert all(p.line == 5 and p.fix for p in problems), [p.format() for p in problems]


@pytest.mark.parametrize("case", sorted(ACCEPTED))
def test_ordinary_content_passes(case):
    assert active_content_problems(Path("docs/sida.md"), ACCEPTED[case] + "\n") == []


def test_check_reports_a_hostile_page_and_a_broken_tenant_and_still_checks_the_rest(repo_copy):
    from stodmaterial.cli import main

    (repo_copy.docs / "om.md").write_text((repo_copy.docs / "om.md").read_text(encoding="utf-8") + "\n<script>alert(1)</script>\n", encoding="utf-8")
    write_tenant(repo_copy.tenants, "trasig", "name: \"A\x00\"\n")
    write_tenant(repo_copy.tenants, "utgangen", _with(("licence", "valid_until"), "2026-01-31"))
    import contextlib
    import io

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--repo", str(repo_copy.root), "--today", TODAY.isoformat(), "check", "--quiet"])
    assert code == 1
    text = err.getvalue()
    assert "docs/om.md:" in text and "<script>" in text
    assert "tenants/trasig/tenant.yml:1:" in text
    assert "tenants/utgangen/tenant.yml" in text and "licensen gick ut" in text
    assert "Traceback" not in text


def test_the_templates_output_is_checked_like_content(repo_copy, tmp_path):
    from stodmaterial.build import build_site

    main = repo_copy.overrides / "main.html"
    main.write_text(main.read_text(encoding="utf-8").replace(
        "{% block extrahead %}", '{% block extrahead %}\n  <script src="https://cdn.example.com/a.js"></script>', 1), encoding="utf-8")
    with pytest.raises(ProblemError) as caught:
        build_site(repo_copy, "exempelkommun", tmp_path / "site", today=TODAY)
    assert "cdn.example.com" in caught.value.problems[0].message
    assert not (tmp_path / "site").exists()
