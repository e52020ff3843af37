"""The accessible PDF (stodmaterial pdf): language, bookmarks, extractable text in reading order,
page numbers, licence line and links, read with pypdf and Debian's pdftotext."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import ROOT, TODAY

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory) -> dict[str, Path]:
    """Both languages' PDFs of the demo tenant, made once by the command SKR runs (in its own
    process: Playwright's sync API runs once per process, and the session's browser may be open)."""
    if not shutil.which("pdftotext"):
        pytest.fail("pdftotext is missing: run scripts/test, which installs Debian's poppler-utils")
    dist = tmp_path_factory.mktemp("pdf-dist")
    done = subprocess.run([sys.executable, "-m", "stodmaterial", "--repo", str(ROOT), "--today", TODAY.isoformat(),
                           "pdf", "--tenant", "exempelkommun", "--out", str(dist)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    found = {}
    for path in dist.iterdir():
        match = re.fullmatch(r"exempelkommun-[0-9A-Za-z._-]+-\d{8}T\d{4}Z-(sv|en)\.pdf", path.name)
        assert match, path.name
        found[match.group(1)] = path
    assert set(found) == {"sv", "en"}
    return found


class _Headings(HTMLParser):
    """(level, text) of every heading inside the page's article, in document order."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.headings: list[tuple[int, str]] = []
        self._level: int | None = None
        self._text: list[str] = []
        self._in_article = False

    def handle_starttag(self, tag, attrs):
        if tag == "article":
            self._in_article = True
        elif self._in_article and re.fullmatch(r"h[1-6]", tag):
            self._level, self._text = int(tag[1]), []

    def handle_endtag(self, tag):
        if tag == "article":
            self._in_article = False
        elif self._level is not None and tag == f"h{self._level}":
            self.headings.append((self._level, " ".join("".join(self._text).split())))
            self._level = None

    def handle_data(self, data):
        if self._level is not None:
            self._text.append(data)


def headings(demo_site: Path, locale: str) -> list[tuple[int, str]]:
    page = demo_site / ("skriv-ut.html" if locale == "sv" else "en/skriv-ut.html")
    parser = _Headings()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.headings


def outline(reader: PdfReader, entries=None, depth: int = 1) -> list[tuple[int, str]]:
    found = []
    for entry in reader.outline if entries is None else entries:
        if isinstance(entry, list):
            found += outline(reader, entry, depth + 1)
        else:
            found.append((depth, " ".join(entry.title.split())))
    return found


def text(path: Path, *pages: int) -> str:
    args = ["pdftotext", "-enc", "UTF-8"]
    if pages:
        args += ["-f", str(pages[0]), "-l", str(pages[-1])]
    return subprocess.run([*args, str(path), "-"], capture_output=True, text=True, check=True).stdout


@pytest.mark.parametrize("locale", ["sv", "en"])
def test_pdf_is_tagged_and_opens_in_the_right_language(pdfs, locale):
    reader = PdfReader(pdfs[locale])
    root = reader.trailer["/Root"]
    assert root["/Lang"] == locale
    assert bool(root["/MarkInfo"]["/Marked"]) is True
    assert "/StructTreeRoot" in root
    assert "Exempelkommun" in reader.metadata.title


@pytest.mark.parametrize("locale", ["sv", "en"])
def test_one_bookmark_per_heading_of_level_one_and_two(pdfs, demo_site, locale):
    wanted = [h for h in headings(demo_site, locale) if h[0] <= 2]
    assert len(wanted) == 5  # the page's own h1 and the four themes
    got = [entry for entry in outline(PdfReader(pdfs[locale])) if entry[0] <= 2]
    assert got == wanted


@pytest.mark.parametrize("locale", ["sv", "en"])
def test_text_is_extractable_in_reading_order(pdfs, demo_site, locale):
    flowing = " ".join(text(pdfs[locale]).split())
    position = 0
    for level, heading in headings(demo_site, locale):
        found = flowing.find(heading, position)
        assert found >= 0, f"h{level} '{heading}' missing or out of order"
        position = found + len(heading)


@pytest.mark.parametrize("locale", ["sv", "en"])
def test_every_page_has_its_number_and_the_licence_line(pdfs, locale):
    pages = len(PdfReader(pdfs[locale]).pages)
    assert pages > 10
    licence = {"sv": "Licensierat för Exempelkommun t.o.m. 2028-12-31.", "en": "Licensed to Exempelkommun until 2028-12-31."}[locale]
    number = {"sv": "Sida {} av {}", "en": "Page {} of {}"}[locale]
    for page in (1, pages // 2, pages):
        on_page = " ".join(text(pdfs[locale], page).split())
        assert licence in on_page and number.format(page, pages) in on_page


def test_links_to_other_websites_are_kept_and_none_points_into_the_build(pdfs, demo_site):
    uris = []
    for page in PdfReader(pdfs["sv"]).pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A")
            if action and "/URI" in action:
                uris.append(str(action["/URI"]))
    external = set(re.findall(r'href="(https://[^"]+)"', (demo_site / "skriv-ut.html").read_text(encoding="utf-8")))
    assert external and set(uris) >= {u.replace("&amp;", "&") for u in external if "smhi.se" not in u}
    assert not [u for u in uris if not u.startswith(("https://", "http://", "mailto:", "tel:"))]


def test_the_bundle_carries_the_pdfs_under_checksum(pdfs, repo, demo_site, tmp_path):
    import zipfile

    from stodmaterial.bundle import make_bundle
    from stodmaterial.tenant import load_tenant

    documents = {f"exempelkommun-{locale}.pdf": path.read_bytes() for locale, path in pdfs.items()}
    result = make_bundle(repo, load_tenant(repo.tenants, "exempelkommun"), demo_site, tmp_path, documents=documents)
    with zipfile.ZipFile(result.zip) as archive:
        sums = archive.read("SHA256SUMS").decode()
        assert archive.read("pdf/exempelkommun-sv.pdf") == pdfs["sv"].read_bytes()
    assert "pdf/exempelkommun-sv.pdf" in sums and "pdf/exempelkommun-en.pdf" in sums
