"""The editor's mistakes: each gives a Swedish problem with file, line and fix in `check` and the build,
never a traceback and never English from a library. The CLI is called in-process."""

from __future__ import annotations

import re

import pytest

from stodmaterial.cli import main, parser
from stodmaterial.tenant import load_tenant
from stodmaterial.themes import load_themes
from stodmaterial.problems import ProblemError

from conftest import TODAY

ENGLISH = re.compile(r"Input should|Field required|Extra inputs|valid string|cannot start any token|mapping values|"
                     r"Traceback|found character|expected <block end>|could not find", re.I)


def run(layout, *args: str, capsys) -> tuple[int, str]:
    code = main(["--repo", str(layout.root), "--today", TODAY.isoformat(), *args])
    out = capsys.readouterr()
    return code, out.out + out.err


def check(layout, capsys) -> tuple[int, str]:
    return run(layout, "check", "--quiet", capsys=capsys)


def build(layout, tmp_path, capsys) -> tuple[int, str]:
    return run(layout, "build", "--tenant", "exempelkommun", "--out", str(tmp_path / "out"), capsys=capsys)


def append(path, text: str) -> int:
    """Append `text` to `path`; return the line number of its first line."""
    before = path.read_text(encoding="utf-8")
    if not before.endswith("\n"):
        before += "\n"
    path.write_text(before + text, encoding="utf-8")
    return before.count("\n") + 1


# --- blocks and encodings ----------------------------------------------------------------------------

def test_a_block_without_its_closing_fence_fails_check_and_build_at_its_start(repo_copy, tmp_path, capsys):
    page = repo_copy.docs / "om.md"
    line = append(page, "\n/// case | Fallbeskrivning\nTexten slutar aldrig.\n\nMer text.\n") + 1
    for code, output in (check(repo_copy, capsys), build(repo_copy, tmp_path, capsys)):
        assert code == 1
        assert f"docs/om.md:{line}: fel: blocket '/// case' som börjar här avslutas aldrig" in output
        assert "Åtgärd: Lägg en rad med bara /// där blocket ska sluta." in output
    assert not (tmp_path / "out").exists()


def test_a_nested_block_closed_once_reports_the_outer_block(repo_copy, capsys):
    page = repo_copy.docs / "om.md"
    line = append(page, "\n//// details | Yttre\n/// note\nInre.\n///\nText.\n") + 1
    code, output = check(repo_copy, capsys)
    assert code == 1 and f"docs/om.md:{line}: fel: blocket '//// details'" in output
    assert "'/// note'" not in output


def test_markdown_saved_as_latin1_names_the_line_of_the_first_bad_byte(repo_copy, tmp_path, capsys):
    page = repo_copy.docs / "om.en.md"
    line = append(page, "\nOne more line.\n") + 1
    page.write_bytes(page.read_bytes() + "Räksmörgås\n".encode("latin-1"))
    line += 1
    for code, output in (check(repo_copy, capsys), build(repo_copy, tmp_path, capsys)):
        assert code == 1
        assert f"docs/om.en.md:{line}: fel: filen är inte sparad som UTF-8" in output
        assert "spara den med teckenkodningen UTF-8" in output
        assert "Traceback" not in output and "UnicodeDecodeError" not in output


def test_yaml_saved_as_latin1_names_the_line(repo_copy, capsys):
    path = repo_copy.tenants / "exempelkommun" / "tenant.yml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("name: Exempelkommun", "name: Exempelkommun Väst")
    path.write_bytes(text.encode("latin-1"))
    line = next(i for i, l in enumerate(text.splitlines(), 1) if not l.isascii())
    code, output = check(repo_copy, capsys)
    assert code == 1 and f"tenants/exempelkommun/tenant.yml:{line}: fel: filen är inte sparad som UTF-8" in output


def test_a_graphic_needs_its_long_description(repo_copy, capsys):
    page = repo_copy.themes / "forovarna" / "index.md"
    text = page.read_text(encoding="utf-8")
    start = text.index("/// details | Bildbeskrivning")
    end = text.index("///\n", start + 3) + 4
    page.write_text(text[:start] + text[end:], encoding="utf-8")
    line = next(i for i, l in enumerate(page.read_text(encoding="utf-8").splitlines(), 1) if "eskaleringstrappa.svg" in l)
    code, output = check(repo_copy, capsys)
    assert code == 1
    assert f"themes/forovarna/index.md:{line}: fel: grafiken 'eskaleringstrappa.svg' saknar en fullständig textbeskrivning" in output
    assert "'/// details | Bildbeskrivning'" in output


def test_an_empty_long_description_is_an_error(repo_copy, capsys):
    page = repo_copy.themes / "forovarna" / "index.en.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(re.sub(r"(/// details \| Image description\n).*?\n(///\n)", r"\1\n\2", text, count=1, flags=re.S), encoding="utf-8")
    code, output = check(repo_copy, capsys)
    assert code == 1 and "themes/forovarna/index.en.md:" in output and "bildbeskrivningen till 'eskaleringstrappa.en.svg' är tom" in output


# --- YAML and schema errors in Swedish ----------------------------------------------------------------

def tenant_messages(layout) -> list[str]:
    with pytest.raises(ProblemError) as caught:
        load_tenant(layout.tenants, "exempelkommun")
    return [p.format(layout.root) for p in caught.value.problems]


def test_unquoted_colour_says_that_hash_starts_a_comment(repo_copy):
    path = repo_copy.tenants / "exempelkommun" / "tenant.yml"
    lines = path.read_text(encoding="utf-8").splitlines()
    number = next(i for i, l in enumerate(lines, 1) if l.startswith("primary_color:"))
    lines[number - 1] = "primary_color: #7a1f3d"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    [message] = tenant_messages(repo_copy)
    assert f"tenant.yml:{number}: fel: primary_color:" in message and "kommentar" in message
    assert 'primary_color: "#7a1f3d"' in message and not ENGLISH.search(message)


def test_a_number_where_text_belongs_asks_for_quotes(repo_copy):
    path = repo_copy.tenants / "exempelkommun" / "tenant.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("name: Exempelkommun", "name: 1234", 1), encoding="utf-8")
    [message] = tenant_messages(repo_copy)
    assert "name: här ska stå en text" in message and 'citattecken, t.ex. "1234"' in message and not ENGLISH.search(message)


def test_a_tab_in_yaml_is_explained_in_swedish(repo_copy):
    path = repo_copy.tenants / "exempelkommun" / "tenant.yml"
    lines = path.read_text(encoding="utf-8").splitlines()
    number = next(i for i, l in enumerate(lines, 1) if l.startswith("  valid_until:"))
    lines[number - 1] = "\t" + lines[number - 1].lstrip()
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    [message] = tenant_messages(repo_copy)
    assert f"tenant.yml:{number}: fel: filen går inte att läsa som YAML: ett tabbtecken" in message
    assert "Byt tabben mot mellanslag" in message and not ENGLISH.search(message)


@pytest.mark.parametrize("text, words", [
    ("name: Kommun: Väst\n", "ett kolon står där det inte får stå"),
    ("name: @kommun\n", "inte får stå först"),
])
def test_yaml_parser_errors_are_translated(repo_copy, text, words):
    path = repo_copy.tenants / "exempelkommun" / "tenant.yml"
    original = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"^name: .*\n", text, original, count=1, flags=re.M), encoding="utf-8")
    [message] = tenant_messages(repo_copy)
    assert words in message and "Åtgärd:" in message and not ENGLISH.search(message), message


def test_an_unclosed_quote_is_explained(repo_copy):
    path = repo_copy.tenants / "exempelkommun" / "tenant.yml"
    path.write_text(path.read_text(encoding="utf-8") + 'extra: "oavslutad\n', encoding="utf-8")
    [message] = tenant_messages(repo_copy)
    assert "citattecken stängs aldrig" in message and not ENGLISH.search(message), message


def test_theme_typos_are_spelling_hints_in_swedish(repo_copy):
    path = repo_copy.themes / "forovarna" / "theme.yml"
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    number = next(i for i, l in enumerate(lines, 1) if l.startswith("  summary:"))
    path.write_text(text.replace("  summary:", "  sumary:", 1).replace("minutes:", "minuter:", 1), encoding="utf-8")
    with pytest.raises(ProblemError) as caught:
        load_themes(repo_copy.themes)
    messages = [p.format(repo_copy.root) for p in caught.value.problems]
    assert any(f"theme.yml:{number}: fel: sv: okänt fält 'sumary'" in m and "Menade du 'summary'?" in m for m in messages), messages
    assert any("okänt fält 'minuter'" in m and "Menade du 'minutes'?" in m for m in messages), messages
    assert len(messages) == 2 and not any(ENGLISH.search(m) for m in messages), messages


def test_theme_values_out_of_range_are_swedish(repo_copy):
    path = repo_copy.themes / "forovarna" / "theme.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"^minutes: .*$", "minutes: 1", re.sub(r"^order: .*$", "order: tre", text, flags=re.M), flags=re.M), encoding="utf-8")
    with pytest.raises(ProblemError) as caught:
        load_themes(repo_copy.themes)
    messages = [p.format(repo_copy.root) for p in caught.value.problems]
    assert any("order: här ska stå ett heltal, men det står 'tre'" in m for m in messages), messages
    assert any("minutes: värdet '1' är för litet (ska vara minst 5)" in m for m in messages), messages
    assert not any(ENGLISH.search(m) for m in messages)


# --- links -------------------------------------------------------------------------------------------

def test_a_broken_link_is_reported_once_in_the_editors_file_and_english_links_point_to_swedish(repo_copy, capsys):
    page = repo_copy.themes / "forbered-dig" / "index.md"
    line = append(page, "\nSe [sidan](finns-inte.md) och [stödet](../../fa-stod.en.md).\n") + 1
    code, output = check(repo_copy, capsys)
    assert code == 1
    problems = [l for l in output.splitlines() if ": fel: " in l]
    assert len(problems) == 2, problems
    assert all(p.startswith(f"themes/forbered-dig/index.md:{line}: fel: länken") for p in problems), problems
    assert "skriv-ut" not in output
    english = next(p for p in problems if "fa-stod.en.md" in p)
    assert "leder till den engelska filen" in english and "'../../fa-stod.md'" in english


# --- the command line speaks Swedish -------------------------------------------------------------------

@pytest.mark.parametrize("command", [[], ["build"], ["serve"], ["check"], ["bundle"], ["hosting"], ["login"], ["verify"]])
def test_cli_help_is_swedish(command, capsys):
    with pytest.raises(SystemExit):
        parser().parse_args([*command, "--help"])
    text = capsys.readouterr().out
    assert text.startswith("användning: ")
    for english in ("usage:", "show this help", "options:", "positional arguments", "show program"):
        assert english not in text


def test_every_option_of_every_command_has_a_help_text():
    import argparse

    main_parser = parser()
    sub = next(a for a in main_parser._actions if isinstance(a, argparse._SubParsersAction))
    for name, command in sub.choices.items():
        for action in command._actions:
            assert action.help, f"{name} {action.option_strings or action.dest} has no help text"


def test_serve_documents_tenant_and_port(capsys):
    with pytest.raises(SystemExit):
        parser().parse_args(["serve", "--help"])
    text = capsys.readouterr().out
    assert re.search(r"--tenant KORTNAMN\s+organisationens kortnamn", text)
    assert re.search(r"--port PORT\s+porten att lyssna på", text)
    assert "Ctrl+C" in text


def test_a_wrong_argument_is_refused_in_swedish(capsys):
    with pytest.raises(SystemExit):
        parser().parse_args(["serve", "--port", "x"])
    assert "fel: argumentet --port: ogiltigt värde: 'x'" in capsys.readouterr().err
