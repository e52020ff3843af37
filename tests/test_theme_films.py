"""A film in every theme, made from its manuscript, costing nothing until played; lättläst pages.

The films themselves are not rendered here (scripts/make-film needs ffmpeg and takes minutes): the
committed captions and chapters are compared with what the manuscripts give, and each committed film's
length with its manuscript's.
"""

from __future__ import annotations

import re
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from stodmaterial.content.check import check_content
from stodmaterial.content.lix import lix

from conftest import ROOT
from test_site_browser import same_origin

SCRIPT = ROOT / "scripts" / "make-film"
THEMES = sorted(p.name for p in (ROOT / "themes").iterdir() if (p / "theme.yml").is_file())
THEME_PAGES = [f"teman/{slug}/index.html" for slug in THEMES] + [f"en/teman/{slug}/index.html" for slug in THEMES]


def messages(layout, warnings: bool = False) -> list[str]:
    return [p.format(layout.root) for p in check_content(layout)[1] if p.warning == warnings]


# -- the committed films match their manuscripts ------------------------------------------------------

def mp4_seconds(path: Path) -> float:
    """The length of an MP4 from its movie header (moov/mvhd), without ffmpeg."""
    data = path.read_bytes()
    at = data.index(b"mvhd") - 4
    version = data[at + 8]
    if version == 1:
        timescale, duration = struct.unpack(">IQ", data[at + 28:at + 40])
    else:
        timescale, duration = struct.unpack(">II", data[at + 20:at + 28])
    return duration / timescale


def manuscript_end(manuscript: Path) -> float:
    ends = re.findall(r"^==\s*\S+\s+(\d+):(\d{2}(?:\.\d+)?)\s*\|", manuscript.read_text(encoding="utf-8"), re.MULTILINE)
    minutes, seconds = ends[-1]
    return int(minutes) * 60 + float(seconds)


@pytest.mark.parametrize("slug", THEMES)
def test_each_theme_film_is_made_from_its_manuscript(slug, tmp_path):
    manuscript = ROOT / "scripts" / "film" / f"{slug}.txt"
    assert manuscript.is_file(), f"scripts/film/{slug}.txt is missing"
    result = subprocess.run([sys.executable, str(SCRIPT), "--theme", slug, "--captions-only", "--out", str(tmp_path)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    committed = ROOT / "themes" / slug / "film"
    for name in ("film.sv.vtt", "film.en.vtt", "film.chapters.sv.vtt", "film.chapters.en.vtt"):
        assert (tmp_path / name).read_text(encoding="utf-8") == (committed / name).read_text(encoding="utf-8"), f"run scripts/make-film --theme {slug}: {name} is out of date"
    end = manuscript_end(manuscript)
    assert end <= 180
    for film in ("film.mp4", "film.en.mp4"):
        assert abs(mp4_seconds(committed / film) - end) < 0.2, f"run scripts/make-film --theme {slug}: {film} does not match the manuscript"
        assert (committed / film).stat().st_size < 600_000  # the repository is shipped in bundles
    for poster in ("film.jpg", "film.en.jpg"):
        assert (committed / poster).read_bytes()[:3] == b"\xff\xd8\xff"
        assert (committed / poster).stat().st_size < 40_000  # part of the page's first view


def test_the_start_page_film_has_a_poster_and_chapters_from_its_manuscript(tmp_path):
    result = subprocess.run([sys.executable, str(SCRIPT), "--captions-only", "--out", str(tmp_path)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    for code in ("sv", "en"):
        name = f"film.chapters.{code}.vtt"
        assert (tmp_path / name).read_text(encoding="utf-8") == (ROOT / "docs" / "film" / name).read_text(encoding="utf-8")
    assert abs(mp4_seconds(ROOT / "docs" / "film" / "film.mp4") - manuscript_end(ROOT / "scripts" / "film" / "manus.txt")) < 0.2
    assert (ROOT / "docs" / "film" / "film.jpg").is_file()


def test_a_manuscript_picture_must_be_in_the_theme(tmp_path):
    manuscript = tmp_path / "manus.txt"
    manuscript.write_text("== 0:00 0:05 | Rubrik | Title\nimage: finns-inte.svg\n0:00 0:04\nsv: Text\nen: Text\n", encoding="utf-8")
    result = subprocess.run([sys.executable, str(SCRIPT), "--theme", "forovarna", "--captions-only", "--manuscript", str(manuscript), "--out", str(tmp_path)], capture_output=True, text=True, timeout=60)
    assert result.returncode != 0 and "manus.txt:2" in result.stderr and "finns-inte.svg" in result.stderr


# -- the film on every theme page ---------------------------------------------------------------------

@pytest.mark.parametrize("path", THEME_PAGES)
def test_each_theme_page_has_a_film_with_poster_captions_chapters_and_transcript(demo_site, path):
    html = (demo_site / path).read_text(encoding="utf-8")
    lang = "en" if path.startswith("en/") else "sv"
    [video] = re.findall(r"<video[^>]*>", html)
    assert 'preload="none"' in video
    poster = re.search(r'poster="([^"]+)"', video).group(1)
    assert (demo_site / path).parent.joinpath(poster).is_file()
    body = html[html.index("<video"):html.index("</video>")]
    tracks = re.findall(r"<track [^>]*>", body)
    for kind in ("captions", "chapters"):
        own = [t for t in tracks if f'kind="{kind}"' in t and f'srclang="{lang}"' in t]
        assert len(own) == 1 and "default" in own[0] and 'src="data:text/vtt;base64,' in own[0]
    transcript = re.search(r'<details class="sm-video__transcript"[^>]*>(.*?)</details>', html, re.S).group(1)
    assert len(re.sub(r"<[^>]+>", "", transcript)) > 400
    source = re.search(r'<source src="([^"]+)"', body).group(1)
    film = (demo_site / path).parent / source
    # The English page plays the English film (English graphics), the Swedish page the Swedish one.
    slug = path.split("/")[-2]
    expected = ROOT / "themes" / slug / "film" / ("film.en.mp4" if lang == "en" else "film.mp4")
    assert film.read_bytes() == expected.read_bytes()


@pytest.fixture(params=["http_base", "file_base"])
def base(request):
    return request.getfixturevalue(request.param)


@pytest.mark.parametrize("path", ["index.html", "teman/forovarna/index.html"])
def test_no_film_bytes_are_transferred_until_the_reader_plays_the_film(open_page, base, path):
    recorded = open_page(viewport={"width": 1280, "height": 900})
    page = recorded.page
    page.goto(base + path)
    page.wait_for_load_state("load")
    page.locator("video").scroll_into_view_if_needed()
    page.wait_for_function("() => { const v = document.querySelector('video'); return v.poster && v.getBoundingClientRect().height > 100; }")
    page.wait_for_function("() => [...document.images].every(i => i.complete)")
    assert [u for u in recorded.requests if u.endswith(".mp4")] == []
    assert any(u.endswith("film/film.jpg") for u in recorded.requests)
    assert all(same_origin(u, base) for u in recorded.requests)
    with page.expect_request(lambda request: request.url.endswith("film/film.mp4")):
        page.evaluate("() => document.querySelector('video').play()")
    assert recorded.errors == []


# -- check: films ------------------------------------------------------------------------------------

def test_a_film_without_captions_transcript_or_poster_fails_the_check(repo_copy):
    film = repo_copy.themes / "forovarna" / "film"
    (film / "film.jpg").unlink()
    (film / "film.en.vtt").write_text("WEBVTT\n\nNOTE\nRubrik\n", encoding="utf-8")
    found = messages(repo_copy)
    assert any(m.startswith("themes/forovarna/index.md:") and "saknar affischbild (film.jpg)" in m and "Åtgärd: Lägg en JPEG-bild" in m for m in found)
    assert any(m.startswith("themes/forovarna/index.en.md:") and "innehåller ingen text" in m for m in found)
    (film / "film.sv.vtt").unlink()
    found = messages(repo_copy)
    assert any(m.startswith("themes/forovarna/index.md:") and "saknar textning på svenska (film.sv.vtt)" in m for m in found)


def test_a_theme_without_a_film_fails_the_check(repo_copy):
    page = repo_copy.themes / "forbered-dig" / "index.md"
    page.write_text(re.sub(r"^!\[type:video\].*$", "", page.read_text(encoding="utf-8"), flags=re.M), encoding="utf-8")
    assert any("themes/forbered-dig/index.md: fel: temat saknar en film" in m for m in messages(repo_copy))


def test_an_external_film_needs_its_captions_and_a_large_film_is_a_warning(repo_copy):
    page = repo_copy.docs / "om.md"
    big = repo_copy.docs / "film" / "stor.mp4"
    with big.open("wb") as handle:
        handle.truncate(16_000_000)  # sparse: costs no disk
    for name in ("stor.sv.vtt", "stor.en.vtt"):
        (repo_copy.docs / "film" / name).write_text((repo_copy.docs / "film" / "film.sv.vtt").read_text(encoding="utf-8"), encoding="utf-8")
    (repo_copy.docs / "film" / "stor.jpg").write_bytes((repo_copy.docs / "film" / "film.jpg").read_bytes())
    text = page.read_text(encoding="utf-8")
    lines = len(text.splitlines())
    page.write_text(text + "\n![type:video](https://play.example.se/v/1)\n\n![type:video](film/stor.mp4)\n", encoding="utf-8")
    errors = messages(repo_copy)
    assert any(m.startswith(f"docs/om.md:{lines + 2}:") and "den externa filmen" in m and 'captions="film/namn"' in m for m in errors)
    warnings = messages(repo_copy, warnings=True)
    assert any(m.startswith(f"docs/om.md:{lines + 4}:") and "stor.mp4 är 16 MB, över 15 MB" in m for m in warnings)
    page.write_text(text + '\n![type:video](https://play.example.se/v/1){ captions="film/film" }\n', encoding="utf-8")
    assert not [m for m in messages(repo_copy) if "docs/om.md" in m]


# -- lättläst -------------------------------------------------------------------------------------------

def test_each_theme_has_an_easy_to_read_page_within_the_lix_limit(repo):
    for slug in THEMES:
        page = repo.themes / slug / "lattlast.md"
        value, words = lix(page.read_text(encoding="utf-8"))
        assert value <= 30 and words > 200, f"{page}: LIX {value:.0f}"
        theme = (repo.themes / slug / "index.md").read_text(encoding="utf-8")
        after_note = theme.split("/// content-note", 1)[1].split("\n///\n", 1)[1].lstrip().splitlines()[0]
        assert "(lattlast.md)" in after_note, f"{slug}: the theme does not link to lättläst right after its content note"
        assert "](index.md)" in page.read_text(encoding="utf-8")


def test_an_easy_to_read_page_above_lix_30_fails_the_check(repo_copy):
    page = repo_copy.themes / "forovarna" / "lattlast.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nFörtroendevaldas utsatthet för systematiska trakasserier, omfattande hotbilder och långvariga kampanjer påverkar demokratiska beslutsprocesser, kommunikationsstrategier och organisatoriska säkerhetsrutiner avsevärt, vilket kommunstyrelser, regionfullmäktige och partiorganisationer behöver uppmärksamma kontinuerligt och förebyggande i verksamhetsplaneringen.\n" * 6, encoding="utf-8")
    report = next(r for r in check_content(repo_copy)[0] if r.path == page)
    assert report.lix > 30 and "(lättläst, högst 30)" in report.summary(repo_copy.root)
    assert any(m.startswith("themes/forovarna/lattlast.md: fel: den lättlästa texten har LIX") for m in messages(repo_copy))


def test_the_english_site_says_plainly_that_easy_to_read_is_swedish_only(demo_site):
    for slug in THEMES:
        html = (demo_site / "en" / "teman" / slug / "lattlast.html").read_text(encoding="utf-8")
        assert '<html lang="en"' in html and "in Swedish" in html
        link = re.search(r'<a href="([^"]+)" hreflang="sv" lang="sv">Lättläst: ', html)
        assert link and (demo_site / "en" / "teman" / slug / link.group(1)).resolve() == (demo_site / "teman" / slug / "lattlast.html").resolve()
        swedish = (demo_site / "teman" / slug / "lattlast.html").read_text(encoding="utf-8")
        assert '<html lang="sv"' in swedish and 'href="index.html"' in swedish
    start = (demo_site / "index.html").read_text(encoding="utf-8")
    assert start.count('class="sm-card__easy-read"') == len(THEMES)


def test_theme_and_easy_to_read_page_must_link_to_each_other(repo_copy):
    theme = repo_copy.themes / "forovarna" / "index.md"
    theme.write_text(theme.read_text(encoding="utf-8").replace("](lattlast.md)", "](index.md)"), encoding="utf-8")
    easy = repo_copy.themes / "forovarna" / "lattlast.md"
    easy.write_text(easy.read_text(encoding="utf-8").replace("](index.md)", "](../../om.md)"), encoding="utf-8")
    found = messages(repo_copy)
    assert any(m.startswith("themes/forovarna/index.md: fel: temat länkar inte till sin lättlästa text") for m in found)
    assert any(m.startswith("themes/forovarna/lattlast.md: fel: den lättlästa texten länkar inte tillbaka") for m in found)


@pytest.mark.parametrize("path", ["skriv-ut.html", "en/skriv-ut.html"])
def test_the_print_all_page_carries_each_theme_film_as_text(demo_site, path):
    """On paper the film cannot play: each theme's film comes as its transcript (opened for print),
    with no player, poster or caption data to weigh on the page's first view."""
    html = (demo_site / path).read_text(encoding="utf-8")
    assert html.count('class="sm-video__transcript"') == len(THEMES)
    assert "<video" not in html and "data:text/vtt" not in html


def test_reading_the_easy_to_read_page_counts_on_the_start_page(open_page, http_base):
    page = open_page().page
    page.goto(http_base + "index.html")
    page.get_by_label("Spara mina svar på den här enheten").check()
    page.goto(http_base + "teman/forovarna/lattlast.html")
    page.get_by_label("Jag har gått igenom det här temat").check()
    page.goto(http_base + "index.html")
    assert page.locator('[data-theme-status="forovarna"]').inner_text().strip() == "Status: Klart"
    # The English page that only points to the Swedish text is nothing to work through.
    page.goto(http_base + "en/teman/forovarna/lattlast.html")
    assert page.locator("#sm-theme-done").count() == 0
    assert page.locator('meta[name="sm-theme"]').count() == 0
