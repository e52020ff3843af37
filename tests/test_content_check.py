"""The content lint: reflection ids, translations of questions, block names, theme parts."""

from __future__ import annotations

from stodmaterial.content.check import check_content


def messages(layout) -> list[str]:
    return [p.format(layout.root) for p in check_content(layout)[1] if not p.warning]


def test_the_repository_content_passes(repo):
    assert messages(repo) == []


def test_duplicate_reflection_id_names_both_places(repo_copy):
    page = repo_copy.themes / "forovarna" / "index.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("id: t3-din-bild-av-forovaren", "id: t1-kritik-eller-hat"), encoding="utf-8")
    found = [m for m in messages(repo_copy) if "används redan" in m]
    assert found and "themes/forovarna/index.md:" in found[0]
    assert "themes/vad-ar-sexistiskt-hot-och-hat/index.md:" in found[0]


def test_missing_reflection_id_is_an_error_with_its_line(repo_copy):
    page = repo_copy.themes / "forovarna" / "index.md"
    lines = page.read_text(encoding="utf-8").splitlines()
    number = next(i for i, line in enumerate(lines) if "id: t3-din-bild-av-forovaren" in line)
    del lines[number]
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert any(f"themes/forovarna/index.md:{number}: fel: reflektionsfrågan saknar ett giltigt id" in m for m in messages(repo_copy))


def test_english_questions_must_keep_the_swedish_ids(repo_copy):
    page = repo_copy.themes / "forovarna" / "index.en.md"
    page.write_text(page.read_text(encoding="utf-8").replace("id: t3-var-kunskap", "id: t3-our-knowledge"), encoding="utf-8")
    [message] = [m for m in messages(repo_copy) if "stämmer inte med den svenska sidan" in m]
    assert "saknas: t3-var-kunskap" in message and "finns bara här: t3-our-knowledge" in message


def test_misspelled_block_and_unknown_tenant_field(repo_copy):
    page = repo_copy.docs / "om.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n/// reflektion\nFråga?\n///\n\n{{ tenant.namn }}\n", encoding="utf-8")
    found = messages(repo_copy)
    assert any("okänt block '/// reflektion'" in m for m in found)
    assert any("okänt fält '{{ tenant.namn }}'" in m for m in found)


def test_a_theme_without_sources_or_key_points_fails(repo_copy):
    page = repo_copy.themes / "forbered-dig" / "index.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.split("/// key-points")[0], encoding="utf-8")
    found = messages(repo_copy)
    assert any("themes/forbered-dig/index.md: fel: temat saknar källförteckning" in m for m in found)
    assert any("temat saknar en sammanfattning av det viktigaste" in m for m in found)


def warnings(layout) -> list[str]:
    return [p.format(layout.root) for p in check_content(layout)[1] if p.warning]


def add_before_sources(page, heading: str, paragraph: str) -> int:
    """Insert a paragraph just before the page's source list; return its line number."""
    lines = page.read_text(encoding="utf-8").splitlines()
    at = lines.index(heading)
    lines[at:at] = [paragraph, ""]
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return at + 1


def test_a_figure_without_a_listed_source_fails_with_its_line(repo_copy):
    page = repo_copy.themes / "forbered-dig" / "index.md"
    number = add_before_sources(page, "## Källor", "Hela 40 procent av ledamöterna har fått hot.")
    found = [m for m in messages(repo_copy) if "har ingen källa" in m]
    assert len(found) == 1
    assert found[0].startswith(f"themes/forbered-dig/index.md:{number}: fel: siffran ”40 procent”")
    assert "PTU 2019" in found[0]  # the fix lists the short names the page's Källor offers


def test_a_source_named_but_missing_from_the_list_still_fails(repo_copy):
    page = repo_copy.themes / "forovarna" / "index.en.md"
    add_before_sources(page, "## Sources", "About 7 in 10 councillors were harassed (PTU 2025).")
    assert any("themes/forovarna/index.en.md:" in m and "”7 in 10”" in m for m in messages(repo_copy))


def test_a_figure_with_a_listed_source_passes(repo_copy):
    page = repo_copy.themes / "forbered-dig" / "index.md"
    add_before_sources(page, "## Källor", "Hela 40 procent av ledamöterna har fått hot (PTU 2019).")
    assert messages(repo_copy) == []


def test_the_law_page_warns_until_its_review_is_filled_in(repo_copy):
    page = repo_copy.docs / "ar-det-ett-brott.md"
    assert any(m.startswith("docs/ar-det-ett-brott.md:4: varning: granskningen är inte ifylld") for m in warnings(repo_copy))
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("Granskad av … den ….", "Granskad av Anna Berg, jurist, den 15 januari 2027."), encoding="utf-8")
    assert not any("ar-det-ett-brott.md:" in m and "granskningen" in m for m in warnings(repo_copy))
    assert any("ar-det-ett-brott.en.md:4: varning: granskningen är inte ifylld" in m for m in warnings(repo_copy))
