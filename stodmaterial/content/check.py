"""Lint the site's Markdown before any build: each problem names the file, the line and the fix.

What is checked here (the build itself checks links and anchors):
- every page exists in every site language (`x.md`, `x.en.md`, … for each stodmaterial/languages/<code>.yml),
  never a silent fallback;
- blocks are spelled right, reflection questions have unique, stable ids, the same in both languages;
- `{{ tenant.<field> }}` names a known field;
- images have a text alternative, and graphics (SVG) a full text description right below them;
- every block (`/// name`) is closed, and every file is UTF-8;
- theme pages have every required part (content note, case, graphic, film, five reflection questions,
  key points, sources, four to six sections) and Swedish theme pages a LIX of at most 45;
- films have captions (with text, for the transcript) and a poster; a film file over 15 MB is a warning;
- a theme's easy-to-read page (`lattlast.md`, Swedish only: the build adds an English page pointing to
  it) has a LIX of at most 30.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from stodmaterial import i18n
from stodmaterial.content.exercises import check_exercises
from stodmaterial.content.lix import lix
from stodmaterial.content.rules import review_note, sourced_figures
from stodmaterial.content.rules.active_content import active_content_problems
from stodmaterial.content.syntax import BLOCK_END, BLOCK_START, OPTION, TENANT_FIELD, id_difference
from stodmaterial.markdown.video import VIDEO_ALT, caption_path, has_transcript, poster_path
from stodmaterial.paths import Layout
from stodmaterial.problems import Problem, ProblemError
from stodmaterial.render_context import TENANT_FIELDS
from stodmaterial.riskguide import check_riskguide
from stodmaterial.sourcetext import read_text

KNOWN_BLOCKS = {
    "content-note", "case", "reflection", "field", "template", "key-points", "theme-cards", "tenant-contacts",
    "my-reflections", "print-all", "quick-exit-status",
    "risk-guide", "risk-guide-model", "preparation-plan",
    "scenario", "session-questions",
    "details", "admonition", "note", "attention", "caution", "danger", "error", "tip", "hint", "warning",
}
IMAGE = re.compile(r"!\[([^\]]*)\]\(([^)\s]+)[^)]*\)(\{[^}]*\})?")
ATTRIBUTE = re.compile(r'([a-z]+)="([^"]*)"')
MAX_FILM_BYTES = 15_000_000
REFLECTION_ID = re.compile(r"^[a-z0-9][a-z0-9-]{1,62}$")
FILE_NAME = re.compile(r"^[a-z0-9][a-z0-9-]{0,40}$")
H2 = re.compile(r"^## (.+?)\s*$")
MAX_LIX = 45
EASY_READ = "lattlast.md"
MAX_EASY_READ_LIX = 30
THEME_WORDS = (1500, 2500)
THEME_SECTIONS = (4, 6)
MIN_REFLECTIONS = 5


@dataclass
class Reflection:
    id: str
    line: int
    audience: str


@dataclass
class PageReport:
    """What one page contains, for the per-page summary and the theme requirements."""

    path: Path
    locale: str
    words: int = 0
    lix: float = 0.0
    blocks: Counter = field(default_factory=Counter)
    reflections: list[Reflection] = field(default_factory=list)
    films: int = 0
    images_with_alt: int = 0
    images_without_alt: int = 0
    sections: list[str] = field(default_factory=list)
    text: str = ""  # the page as read once; the rules read it here, never from disk again
    easy_read: bool = False

    def summary(self, root: Path) -> str:
        rel = self.path.relative_to(root)
        lix_part = f", LIX {self.lix:.0f}" if i18n.get(self.locale).content.lix else ""
        fields = sum(1 for r in self.reflections if r.audience == "field")
        field_part = f", {fields} fält i mallar" if fields else ""
        if self.easy_read:
            lix_part += f" (lättläst, högst {MAX_EASY_READ_LIX})"
        return (
            f"{rel}: {self.words} ord{lix_part}, {len(self.reflections) - fields} reflektionsfrågor{field_part}, "
            f"bilder {self.images_with_alt} med och {self.images_without_alt} utan textalternativ"
        )


def scan_page(path: Path) -> tuple[PageReport, list[Problem]]:
    report = PageReport(path=path, locale=i18n.locale_of(path))
    try:
        text = read_text(path)
    except ProblemError as error:
        return report, error.problems
    report.text = text
    problems: list[Problem] = []
    lines = text.splitlines()
    blocks = OpenBlocks(path)
    index = 0
    while index < len(lines):
        line = lines[index]
        number = index + 1
        start = BLOCK_START.match(line)
        if start and not start.group(2):
            problems.extend(blocks.close(len(start.group(1))))
        if start and start.group(2):
            name = start.group(2)
            blocks.open(name, len(start.group(1)), number)
            report.blocks[name] += 1
            if name not in KNOWN_BLOCKS:
                problems.append(Problem(path, f"okänt block '/// {name}'.", f"Rätta stavningen. Kända block: {', '.join(sorted(KNOWN_BLOCKS))}.", number))
            options = {}
            while index + 1 < len(lines) and (option := OPTION.match(lines[index + 1])):
                options[option.group(1)] = option.group(2)
                index += 1
            if name == "template" and not FILE_NAME.match(options.get("file", "")):
                problems.append(Problem(path, "mallen saknar ett giltigt filnamn.", "Skriv en rad '    file: kort-namn' (små bokstäver, siffror, bindestreck) direkt under '//// template'.", number))
            if name in ("reflection", "field"):
                # A template's fields keep their text like reflection answers: the same id rules.
                rid = options.get("id", "")
                audience = options.get("for", "self") if name == "reflection" else "field"
                if not REFLECTION_ID.match(rid):
                    problems.append(Problem(
                        path,
                        ("reflektionsfrågan" if name == "reflection" else "fältet") + " saknar ett giltigt id." if not rid else f"id '{rid}' är inte giltigt.",
                        f"Skriv en rad '    id: t1-kort-namn' (fyra mellanslag, små bokstäver, siffror, bindestreck) direkt under '/// {name}'.",
                        number,
                    ))
                if name == "reflection" and audience not in ("self", "group"):
                    problems.append(Problem(path, f"for: '{audience}' är inte tillåtet.", "Skriv for: self eller for: group.", number))
                report.reflections.append(Reflection(rid, number, audience))
        elif (heading := H2.match(line)):
            report.sections.append(heading.group(1))
        if line.startswith("#") and TENANT_FIELD.search(line):
            problems.append(Problem(
                path,
                "en rubrik innehåller en organisations uppgift ({{ tenant.… }}).",
                "Skriv organisationens uppgifter i brödtexten i stället: rubriker blir ankare och sökträffar som ska vara lika för alla organisationer.",
                number,
            ))
        for match in TENANT_FIELD.finditer(line):
            if match.group(1) not in TENANT_FIELDS:
                problems.append(Problem(path, f"okänt fält '{{{{ tenant.{match.group(1)} }}}}'.", f"Använd något av: {', '.join(TENANT_FIELDS)}.", number))
        for match in IMAGE.finditer(line):
            if match.group(1).strip() == VIDEO_ALT:
                report.films += 1
                attributes = dict(ATTRIBUTE.findall(match.group(3) or ""))
                problems.extend(film_problems(path, match.group(2), report.locale, number, attributes))
            elif match.group(1).strip():
                report.images_with_alt += 1
            else:
                report.images_without_alt += 1
                problems.append(Problem(path, f"bilden '{match.group(2)}' saknar textalternativ.", "Skriv en kort beskrivning mellan hakparenteserna: ![Beskrivning](bild.svg).", number))
            if match.group(1).strip() != VIDEO_ALT:
                problems.extend(description_problems(path, match.group(2), lines, index, report.locale))
        index += 1
    problems.extend(blocks.unclosed())
    problems += active_content_problems(path, text)
    report.lix, report.words = lix(text)
    return report, problems


class OpenBlocks:
    """The blocks (`/// name` … `///`) open at a line: an end fence closes the innermost block whose
    start fence has as many slashes, as pymdownx.blocks does."""

    def __init__(self, path: Path):
        self.path = path
        self.stack: list[tuple[str, int, int]] = []

    def open(self, name: str, fence: int, line: int) -> None:
        self.stack.append((name, fence, line))

    def close(self, fence: int) -> list[Problem]:
        for depth in range(len(self.stack) - 1, -1, -1):
            if self.stack[depth][1] == fence:
                inner = self.stack[depth + 1:]
                del self.stack[depth:]
                return [self._problem(*block) for block in inner]
        return []

    def unclosed(self) -> list[Problem]:
        problems = [self._problem(*block) for block in self.stack]
        self.stack = []
        return problems

    def _problem(self, name: str, fence: int, line: int) -> Problem:
        slashes = "/" * fence
        return Problem(
            self.path,
            f"blocket '{slashes} {name}' som börjar här avslutas aldrig; resten av sidan hamnar annars inuti det.",
            f"Lägg en rad med bara {slashes} där blocket ska sluta.",
            line,
        )


GRAPHIC = re.compile(r"\.svg(?:[?#].*)?$", re.IGNORECASE)


def description_problems(path: Path, src: str, lines: list[str], index: int, locale: str) -> list[Problem]:
    """A graphic (SVG) needs a full text description right after it: `/// details | Bildbeskrivning`
    (`Image description` in English) with text inside."""
    if not GRAPHIC.search(src):
        return []
    title = i18n.get(locale).content.image_description
    after = index + 1
    while after < len(lines) and not lines[after].strip():
        after += 1
    start = BLOCK_START.match(lines[after]) if after < len(lines) else None
    heading = re.match(r"^/{3,}\s*details\s*\|\s*(.*?)\s*$", lines[after]) if start else None
    if heading and heading.group(1) == title:
        body = []
        for line in lines[after + 1:]:
            if BLOCK_END.match(line):
                break
            body.append(line)
        if any(line.strip() for line in body):
            return []
        return [Problem(path, f"bildbeskrivningen till '{src}' är tom.", "Skriv i text allt som bilden visar: rubrik, delar, pilar och siffror.", after + 1)]
    return [Problem(
        path,
        f"grafiken '{src}' saknar en fullständig textbeskrivning direkt under bilden.",
        f"Lägg ett block under bilden: '/// details | {title}', en text som beskriver allt bilden visar, och '///'.",
        index + 1,
    )]


def film_problems(path: Path, src: str, locale: str, number: int, attributes: dict[str, str] | None = None) -> list[Problem]:
    """`![type:video](film.mp4)`: the film must exist and have captions in the page's language (with
    text, for the transcript) and a poster; an external film names its captions with
    `{ captions="film/namn" }`. A film file over 15 MB is a warning."""
    attributes = attributes or {}
    language = i18n.get(locale).sv_name
    problems: list[Problem] = []
    if re.match(r"^https?://", src):
        if not attributes.get("captions"):
            return [Problem(
                path,
                f"den externa filmen '{src}' saknar textning, text och affischbild.",
                'Lägg filmens filer i en mapp bredvid sidan och skriv var de ligger efter filmen: '
                '![type:video](https://…){ captions="film/namn" } (se REDAKTORER.md, Film).',
                number,
            )]
        base = path.parent / attributes["captions"]
        shown = attributes["captions"]
    else:
        film = path.parent / src
        if not film.is_file():
            return [Problem(path, f"filmen '{src}' finns inte.", "Lägg filmen bredvid sidan eller rätta sökvägen.", number)]
        for candidate in {film, *(i18n.localized(film, code) for code in i18n.codes())}:
            if candidate.is_file() and candidate.stat().st_size > MAX_FILM_BYTES:
                problems.append(Problem(
                    path,
                    f"filmen {candidate.name} är {candidate.stat().st_size / 1_000_000:.0f} MB, över 15 MB. Den tar lång tid att ladda på en telefon och gör paketet stort.",
                    "Komprimera filmen (till exempel 720p, H.264) eller lägg den på en extern tjänst och länka den (se REDAKTORER.md, Film).",
                    number,
                    warning=True,
                ))
        base, shown = film, src
    captions = caption_path(base, locale)
    if not captions.is_file():
        problems.append(Problem(
            path,
            f"filmen '{shown}' saknar textning på {language} ({captions.name}).",
            f"Lägg textningen som WebVTT-fil bredvid filmen: {captions.name} (se scripts/make-film).",
            number,
        ))
    elif not has_transcript(captions.read_text(encoding="utf-8", errors="replace")):
        problems.append(Problem(
            path,
            f"textningen {captions.name} till filmen '{shown}' innehåller ingen text, så filmen får ingen text att läsa under sig.",
            "Skriv det som sägs och visas i filmen i textningsfilen, med tider (se scripts/make-film).",
            number,
        ))
    poster = path.parent / attributes["poster"] if attributes.get("poster") else poster_path(base)
    if not poster.is_file():
        problems.append(Problem(
            path,
            f"filmen '{shown}' saknar affischbild ({poster.name}), bilden som visas innan filmen spelas.",
            f"Lägg en JPEG-bild bredvid filmen: {poster.name}, eller skriv {{ poster=\"bild.jpg\" }} efter filmen.",
            number,
        ))
    return problems


def theme_problems(report: PageReport) -> list[Problem]:
    """The parts every theme page must have (issue: content of the four themes)."""
    path, problems = report.path, []
    has = report.blocks
    required = [
        ("content-note", 1, "en innehållsvarning", "Lägg '/// content-note' … '///' först på sidan."),
        ("case", 1, "en sammansatt fallbeskrivning", "Lägg till '/// case | Rubrik' … '///'."),
        ("key-points", 1, "en sammanfattning av det viktigaste", "Lägg '/// key-points' med en punktlista före källorna."),
    ]
    for name, count, what, fix in required:
        if has[name] < count:
            problems.append(Problem(path, f"temat saknar {what}.", fix))
    if report.films < 1:
        problems.append(Problem(path, "temat saknar en film.", "Lägg till filmen efter första avsnittet: ![type:video](film/film.mp4) (se scripts/make-film och REDAKTORER.md, Film)."))
    questions = [r for r in report.reflections if r.audience != "field"]
    if len(questions) < MIN_REFLECTIONS:
        problems.append(Problem(path, f"temat har {len(questions)} reflektionsfrågor, men ska ha minst {MIN_REFLECTIONS}.", "Lägg till fler '/// reflection'-block."))
    if report.images_with_alt < 1:
        problems.append(Problem(path, "temat saknar en grafisk bild med textalternativ.", "Lägg till en SVG-bild: ![Beskrivning](bild.svg) och en textbeskrivning under."))
    sources = i18n.get(report.locale).content.sources
    if sources not in report.sections:
        problems.append(Problem(path, f"temat saknar källförteckning ('## {sources}').", f"Lägg '## {sources}' sist, med en lista över källorna."))
    body = [s for s in report.sections if s != sources]
    low, high = THEME_SECTIONS
    if not low <= len(body) <= high:
        problems.append(Problem(path, f"temat har {len(body)} avsnitt (##), men ska ha {low} till {high}.", "Slå ihop eller dela upp avsnitten."))
    if i18n.get(report.locale).content.lix and report.lix > MAX_LIX:
        problems.append(Problem(path, f"LIX är {report.lix:.0f}, men får vara högst {MAX_LIX}.", "Skriv kortare meningar och byt långa ord mot kortare."))
    low, high = THEME_WORDS
    if not low <= report.words <= high:
        problems.append(Problem(path, f"temat har {report.words} ord; målet är {low}–{high}.", "Korta eller bygg ut texten.", warning=True))
    return problems


def is_easy_read(path: Path, layout: Layout) -> bool:
    return path.parent.parent == layout.themes and path.name == EASY_READ


def easy_read_problems(report: PageReport) -> list[Problem]:
    """A lättläst page: LIX at most 30 (its value is in the page summary), linked from the top of its
    theme and linking back to it."""
    problems = []
    if report.lix > MAX_EASY_READ_LIX:
        problems.append(Problem(
            report.path,
            f"den lättlästa texten har LIX {report.lix:.0f}, men får ha högst {MAX_EASY_READ_LIX}.",
            "Skriv kortare meningar med en sak i varje, och byt långa ord mot vanliga, korta ord.",
        ))
    if "](index.md" not in report.path.read_text(encoding="utf-8"):
        problems.append(Problem(report.path, "den lättlästa texten länkar inte tillbaka till temat.", "Skriv i början: Hela temat finns på sidan [Temats rubrik](index.md)."))
    theme = report.path.with_name("index.md")
    if theme.is_file() and "](lattlast.md)" not in theme.read_text(encoding="utf-8"):
        problems.append(Problem(
            theme,
            "temat länkar inte till sin lättlästa text (lattlast.md).",
            "Skriv på raden efter innehållsvarningen: **Lättläst:** [Läs en kortare och enklare text om temat på lättläst svenska](lattlast.md).",
        ))
    return problems


def content_pages(layout: Layout) -> list[Path]:
    pages = sorted(layout.docs.rglob("*.md"))
    pages += sorted(layout.themes.glob("*/*.md"))
    return [p for p in pages if not any(part.startswith(".") for part in p.parts)]


def check_content(layout: Layout) -> tuple[list[PageReport], list[Problem]]:
    """Scan every page; return per-page reports and every problem found."""
    reports: list[PageReport] = []
    problems: list[Problem] = []
    pages = content_pages(layout)
    page_set = set(pages)
    for path in pages:
        report, found = scan_page(path)
        reports.append(report)
        problems.extend(found)
        if is_easy_read(path, layout):
            report.easy_read = True
            problems.extend(easy_read_problems(report))
        elif i18n.is_default(report.locale):
            for language in i18n.registry().languages[1:]:
                twin = i18n.localized(path, language.code)
                if twin not in page_set:
                    problems.append(Problem(path, f"sidan saknar {language.sv_adjective} översättning.", f"Skapa {twin.name} bredvid den, med samma innehåll på {language.sv_name}."))
        if not i18n.is_default(report.locale) and i18n.unlocalized(path) not in page_set:
            language, first = i18n.get(report.locale), i18n.default()
            problems.append(Problem(path, f"sidan saknar {first.sv_adjective} förlaga.", f"Skapa {i18n.unlocalized(path).name} eller ta bort den {language.sv_name} sidan."))
        if path.parent.parent == layout.themes and path.stem.startswith("index"):
            problems.extend(theme_problems(report))

    by_path = {r.path: r for r in reports}
    for locale in i18n.codes():
        seen: dict[str, Reflection] = {}
        seen_path: dict[str, Path] = {}
        for report in (r for r in reports if r.locale == locale):
            for reflection in report.reflections:
                if not reflection.id:
                    continue
                if reflection.id in seen:
                    first = seen_path[reflection.id]
                    problems.append(Problem(
                        report.path,
                        f"id '{reflection.id}' används redan ({first.relative_to(layout.root)}:{seen[reflection.id].line}).",
                        "Ge varje reflektionsfråga ett eget id; ändra inte id på en fråga som redan har svar.",
                        reflection.line,
                    ))
                else:
                    seen[reflection.id], seen_path[reflection.id] = reflection, report.path
    for report in (r for r in reports if not i18n.is_default(r.locale)):
        original = by_path.get(i18n.unlocalized(report.path))
        if original is None:
            continue
        sv_ids = [r.id for r in original.reflections]
        en_ids = [r.id for r in report.reflections]
        if sv_ids != en_ids:
            detail = id_difference(sv_ids, en_ids)
            problems.append(Problem(
                report.path,
                f"reflektionsfrågorna stämmer inte med den {i18n.default().sv_name} sidan ({'; '.join(detail) or 'annan ordning'}).",
                f"Använd samma id, i samma ordning, som på den {i18n.default().sv_name} sidan.",
            ))
    questions = {locale: {q.id: q.audience for r in reports if r.locale == locale for q in r.reflections} for locale in i18n.codes()}
    problems.extend(check_exercises(layout.root, pages, questions))
    problems.extend(check_riskguide(layout))
    problems.extend(review_note.problems(layout, reports))
    problems.extend(sourced_figures.problems(layout, reports))
    return reports, problems
