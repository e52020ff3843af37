"""The risk guide's and the preparation plan's data files: the model's results, and validation that
names the file and the line of every mistake an editor can make."""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import replace
from pathlib import Path

import markdown
import pytest
import yaml

from stodmaterial.build import build_site
from stodmaterial.content.check import check_content
from stodmaterial.paths import Layout
from stodmaterial.problems import ProblemError
from stodmaterial.render_context import RenderContext
from stodmaterial.riskguide import check_riskguide, load_riskguide
from stodmaterial.riskguide.check import PLAN_FILE, RISKGUIDE_FILE, data_file
from stodmaterial.riskguide.scoring import assess, final_level
from stodmaterial.tenant import load_tenant
from stodmaterial.themes import load_themes

from conftest import ROOT, TODAY

VECTORS = yaml.safe_load((ROOT / "tests" / "riskguide_vectors.yml").read_text(encoding="utf-8"))


@pytest.fixture
def data_copy(tmp_path) -> Layout:
    """A layout holding only the four data files, for breaking them on purpose."""
    layout = Layout(tmp_path)
    for stem in (RISKGUIDE_FILE, PLAN_FILE):
        for locale in ("sv", "en"):
            source = data_file(ROOT / "docs", stem, locale)
            target = data_file(layout.docs, stem, locale)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(source, target)
    return layout


def edit(path: Path, old: str, new: str, count: int = 1) -> int:
    """Replace the `count`-th occurrence of `old`; return the line it is on (1-based)."""
    text = path.read_text(encoding="utf-8")
    start = -1
    for _ in range(count):
        start = text.index(old, start + 1)
    path.write_text(text[:start] + new + text[start + len(old):], encoding="utf-8")
    return text[:start].count("\n") + 1


def line_of(path: Path, needle: str, count: int = 1) -> int:
    text = path.read_text(encoding="utf-8")
    start = -1
    for _ in range(count):
        start = text.index(needle, start + 1)
    return text[:start].count("\n") + 1


def only_problem(layout: Layout):
    problems = check_riskguide(layout)
    assert len(problems) == 1, [p.format() for p in problems]
    return problems[0]


# -- the real data ---------------------------------------------------------------------------------

def test_the_shipped_data_files_are_valid(repo):
    assert check_riskguide(repo) == []


@pytest.mark.parametrize("vector", VECTORS["quick"], ids=lambda v: v["name"])
def test_quick_vectors_match_the_model(repo, vector):
    guide = load_riskguide(repo.docs, "sv")
    assert assess(guide.quick, vector["answers"]).level == vector["level"]


@pytest.mark.parametrize("vector", VECTORS["full"], ids=lambda v: v["name"])
def test_full_vectors_match_the_model(repo, vector):
    guide = load_riskguide(repo.docs, "sv")
    assert assess(guide.quick, vector["quick"]).level == vector["quick_level"]
    assert final_level(guide, vector["quick"], vector["deep"]) == vector["level"]


def test_vectors_cover_every_level_at_least_twice():
    for group in ("quick", "full"):
        levels = [v["level"] for v in VECTORS[group]]
        for level in ("low", "moderate", "high"):
            assert levels.count(level) >= 2, (group, level)


def test_drivers_name_the_answers_that_gave_points(repo):
    guide = load_riskguide(repo.docs, "sv")
    result = assess(guide.deep, VECTORS["full"][-4]["deep"])  # a colleague already threatened
    assert [(d.question.id, d.option.id) for d in result.drivers] == [("signaler", "hot")]


# -- validation: file and line ---------------------------------------------------------------------

def test_an_option_without_weight_is_named_with_its_line(data_copy):
    path = data_file(data_copy.docs, RISKGUIDE_FILE, "sv")
    line = edit(path, "          weight: 1\n", "", count=2)  # quick › tidigare › vet-inte
    problem = only_problem(data_copy)
    assert problem.file == path
    assert "weight" in problem.message and "'tidigare'" in problem.message and "'vet-inte'" in problem.message
    assert problem.line == line - 2  # the option's "- id: vet-inte" line


@pytest.mark.parametrize("bad", ["7", "-1", '"2"', "1.5"])
def test_a_bad_weight_is_named_with_its_line(data_copy, bad):
    path = data_file(data_copy.docs, RISKGUIDE_FILE, "sv")
    line = edit(path, "weight: 2", f"weight: {bad}", count=3)
    problem = only_problem(data_copy)
    assert (problem.file, problem.line) == (path, line)
    assert "weight" in problem.message
    assert problem.fix


def test_a_level_without_measures_is_an_error(data_copy):
    path = data_file(data_copy.docs, RISKGUIDE_FILE, "sv")
    text = path.read_text(encoding="utf-8")
    start = text.index("  - id: low")
    measures = text.index("    measures:", start)
    end = text.index("  - id: moderate", start)
    path.write_text(text[:measures] + "    measures: []\n" + text[end:], encoding="utf-8")
    problems = check_riskguide(data_copy)
    sv = [p for p in problems if p.file == path]
    assert len(sv) == 1 and "measures" in sv[0].message
    assert sv[0].line == line_of(path, "    measures: []")


def test_thresholds_out_of_order_point_at_high(data_copy):
    path = data_file(data_copy.docs, RISKGUIDE_FILE, "sv")
    edit(path, "moderate: 5 ", "moderate: 10 ")
    problems = [p for p in check_riskguide(data_copy) if p.file == path]
    assert len(problems) == 1
    assert "större" in problems[0].message
    assert problems[0].line == line_of(path, "high: 10")


def test_an_unreachable_threshold_is_an_error(data_copy):
    path = data_file(data_copy.docs, RISKGUIDE_FILE, "sv")
    line = edit(path, "high: 10", "high: 21")
    problems = [p for p in check_riskguide(data_copy) if p.file == path]
    assert len(problems) == 1
    assert "20" in problems[0].message and problems[0].line == line


def test_a_yaml_syntax_error_names_its_line(data_copy):
    path = data_file(data_copy.docs, RISKGUIDE_FILE, "sv")
    line = edit(path, "short: Debatt", "short: Debatt: fel")
    problems = [p for p in check_riskguide(data_copy) if p.file == path]
    assert len(problems) == 1 and problems[0].line == line


def test_a_mismatched_translation_points_into_the_english_file(data_copy):
    path = data_file(data_copy.docs, RISKGUIDE_FILE, "en")
    line = edit(path, "- id: manga", "- id: many")
    problem = only_problem(data_copy)
    assert problem.file == path and problem.line == line
    assert "manga" in problem.message and "many" in problem.message


def test_a_translated_weight_must_match(data_copy):
    path = data_file(data_copy.docs, RISKGUIDE_FILE, "en")
    line = edit(path, "weight: 3", "weight: 2")
    problem = only_problem(data_copy)
    assert (problem.file, problem.line) == (path, line)
    assert "weight" in problem.message


def test_a_missing_english_question_is_named(data_copy):
    path = data_file(data_copy.docs, RISKGUIDE_FILE, "en")
    text = path.read_text(encoding="utf-8")
    start = text.index("    - id: motet")
    end = text.index("\nlevels:")
    path.write_text(text[:start] + text[end + 1:], encoding="utf-8")
    problem = only_problem(data_copy)
    assert problem.file == path and "motet" in problem.message and problem.line


def test_the_plan_names_an_unknown_step_with_its_line(data_copy):
    path = data_file(data_copy.docs, PLAN_FILE, "sv")
    line = edit(path, "steps: [synlig-moten]", "steps: [synlig-motet]")
    problems = [p for p in check_riskguide(data_copy) if p.file == path]
    assert len(problems) == 1
    assert "synlig-motet" in problems[0].message and problems[0].line == line


def test_the_plan_translation_must_keep_phases(data_copy):
    path = data_file(data_copy.docs, PLAN_FILE, "en")
    line = edit(path, "phase: during", "phase: after")
    problem = only_problem(data_copy)
    assert (problem.file, problem.line) == (path, line)


def test_the_plan_knows_only_the_organisation_placeholder(data_copy):
    path = data_file(data_copy.docs, PLAN_FILE, "sv")
    line = edit(path, "i {organisation} i mobilen", "i {kommun} i mobilen")
    problem = only_problem(data_copy)
    assert (problem.file, problem.line) == (path, line) and "{kommun}" in problem.message


def test_check_and_build_fail_on_bad_data(repo_copy, tmp_path):
    path = data_file(repo_copy.docs, RISKGUIDE_FILE, "sv")
    edit(path, "weight: 2", "weight: 9")
    _, problems = check_content(repo_copy)
    assert any(p.file == path for p in problems)
    with pytest.raises(ProblemError) as caught:
        build_site(repo_copy, "exempelkommun", tmp_path / "out", today=TODAY)
    assert any(p.file == path and p.line for p in caught.value.problems)


# -- rendering: escaped, labelled -------------------------------------------------------------------

HOSTILE = '<img src=x onerror=alert(1)> </script><b>x</b> {: onclick=alert(2) }'
SHORT_HOSTILE = '<b>x</b> {: onclick=alert(2) }'
INJECTED = re.compile(r"<[^>]+\s(?:onclick|onerror)=")


def render(page: str, context: RenderContext) -> str:
    md = markdown.Markdown(
        extensions=["attr_list", "toc", "md_in_html", "stodmaterial.markdown.riskguide"],
        extension_configs={"stodmaterial.markdown.riskguide": {"context": context}},
    )
    return md.convert(page)


def context_for(repo: Layout, locale: str = "sv", **tenant_changes) -> RenderContext:
    tenant = load_tenant(repo.tenants, "exempelkommun")
    if tenant_changes:
        tenant = tenant.model_copy(update=tenant_changes)
    return RenderContext(tenant=tenant, themes=tuple(load_themes(repo.themes)), layout=repo, locale=locale)


def test_the_plan_escapes_the_tenants_values(repo):
    tenant = load_tenant(repo.tenants, "exempelkommun")
    officer = tenant.security_officers[0].model_copy(update={"name": HOSTILE, "role": HOSTILE})
    html = render("/// preparation-plan\n///\n", context_for(repo, name=HOSTILE, security_officers=[officer]))
    assert "<img" not in html and "<b>" not in html and not INJECTED.search(html)
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    data = re.search(r'<script class="sm-plan__data" type="application/json">(.*?)</script>', html, re.S).group(1)
    assert "<" not in data and json.loads(data)["organisation"] == HOSTILE


def set_field(path: Path, after: str, field: str, value: str) -> None:
    """Set the first `field:` line that follows the line containing `after`."""
    text = path.read_text(encoding="utf-8")
    start = text.index(f"{field}: ", text.index(after))
    end = text.index("\n", start)
    path.write_text(text[:start] + f"{field}: {value}" + text[end:], encoding="utf-8")


def test_hostile_data_texts_stay_text(data_copy, repo):
    for locale in ("sv", "en"):
        path = data_file(data_copy.docs, RISKGUIDE_FILE, locale)
        set_field(path, "- id: debatt", "short", f"'{SHORT_HOSTILE}'")
        set_field(path, "- id: sociala", "text", f"'{HOSTILE}'")
    assert check_riskguide(data_copy) == []
    html = render("/// risk-guide\n///\n\n/// risk-guide-model\n///\n", replace(context_for(repo), layout=data_copy))
    assert "<img" not in html and "<b>x</b>" not in html and not INJECTED.search(html)
    assert "&lt;b&gt;x&lt;/b&gt; {: onclick=alert(2) }" in html
    data = re.search(r'<script class="sm-rg__data" type="application/json">(.*?)</script>', html, re.S).group(1)
    assert "<" not in data
    assert json.loads(data)["quick"]["questions"][2]["short"] == SHORT_HOSTILE


def test_every_answer_has_a_label_and_every_question_a_legend(repo):
    for page in ("/// risk-guide\n///\n", "/// preparation-plan\n///\n"):
        for locale in ("sv", "en"):
            html = render(page, context_for(repo, locale))
            inputs = re.findall(r'<input [^>]*id="([^"]+)"[^>]*type="(?:radio|checkbox)"', html)
            assert inputs
            for ident in inputs:
                assert f'<label for="{ident}">' in html, ident
            assert html.count("<fieldset") == html.count("<legend")


def test_the_tenants_swedish_words_are_marked_on_english_pages(repo):
    html = render("/// preparation-plan\n///\n", context_for(repo, "en"))
    assert '<span lang="sv">Säkerhetschef</span>' in html
    assert '<span lang="sv">Samtalsstöd för förtroendevalda, utan kostnad.</span>' in html
    assert 'lang="sv"' not in render("/// preparation-plan\n///\n", context_for(repo, "sv"))
