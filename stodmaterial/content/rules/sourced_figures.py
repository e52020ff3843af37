"""Every figure in a theme page names its source, and that source is in the page's Källor list.

A figure is a number with "procent", "%", "per cent" or "percent", or a ratio such as "7 av 10" or
"sju av tio" ("7 in 10", "seven out of ten"). Each source in `## Källor` (`## Sources`) starts with a
short name in bold, `- **PTU 2019:** Brå, Politikernas trygghetsundersökning 2019, om 2018.` A figure
passes when the same paragraph or list item names one of those short names, before or after it, for
example "Enligt PTU 2019 …" or "… 14 procent (PTU 2019)". The Källor list itself is not checked.
"""

from __future__ import annotations

import re
from pathlib import Path

from stodmaterial import i18n
from stodmaterial.paths import Layout
from stodmaterial.problems import Problem

# The words per language (the sources heading, one to ten, "av"/"in|out of") are the language files'
# content: sources, number_words, denominator_words, ratio_words (stodmaterial/languages/).
NUMBER = r"\d+(?:[,.]\d+)?"


def figure_pattern(locale: str) -> re.Pattern[str]:
    words = i18n.get(locale).content
    share = rf"(?<![\w,.]){NUMBER}\s?(?:%|procent\w*|per\s?cent|percent)"
    ratio = (
        rf"\b(?:\d+|{words.number_words})\s+(?:{words.ratio_words})\s+(?:\d+|{words.denominator_words})\b"
    )
    return re.compile(rf"{share}|{ratio}", re.IGNORECASE)


H2 = re.compile(r"^##\s+(.+?)\s*$")
NEW_BLOCK = re.compile(r"^\s*(?:#{1,6}\s|[-*+]\s|\d+\.\s|/{3,}|!{3}|\?{3}|\|)")
SOURCE_KEY = re.compile(r"^\s*[-*+]\s+\*\*(.+?)\*\*")
OPTION = re.compile(r"^ {4}[a-z][\w-]*:\s")


def blocks(lines: list[str], locale: str) -> tuple[list[tuple[int, str]], list[str]]:
    """The page's prose blocks (first line number, text) outside the source list, and the source keys."""
    found: list[tuple[int, str]] = []
    keys: list[str] = []
    current: list[str] = []
    start = 0
    in_sources = in_code = False

    def close() -> None:
        nonlocal current
        if current:
            found.append((start, " ".join(current)))
        current = []

    for number, line in enumerate(lines, start=1):
        if line.lstrip().startswith(("```", "~~~")):
            close()
            in_code = not in_code
            continue
        if in_code:
            continue
        heading = H2.match(line)
        if heading:
            close()
            in_sources = heading.group(1) == i18n.get(locale).content.sources
            continue
        if in_sources:
            key = SOURCE_KEY.match(line)
            if key:
                keys.append(key.group(1).strip().rstrip(":").strip())
            continue
        if not line.strip() or OPTION.match(line):
            close()
            continue
        if NEW_BLOCK.match(line) or not current:
            close()
            start = number
        current.append(line.strip())
    close()
    return found, keys


def cites(text: str, keys: list[str]) -> bool:
    return any(re.search(rf"(?<!\w){re.escape(key)}(?![\wÅÄÖåäö])", text, re.IGNORECASE) for key in keys)


def page_problems(path: Path, locale: str, text: str) -> list[Problem]:
    lines = text.splitlines()
    found, keys = blocks(lines, locale)
    sources = i18n.get(locale).content.sources
    named = ", ".join(keys) if keys else "inga"
    problems: list[Problem] = []
    figure = figure_pattern(locale)
    for number, text in found:
        figures = figure.findall(text)
        if figures and not cites(text, keys):
            problems.append(Problem(
                path,
                f"siffran ”{figures[0]}” har ingen källa: stycket nämner ingen källa ur '## {sources}' (kortnamn där: {named}).",
                f"Skriv källans kortnamn i samma stycke eller punkt som siffran, till exempel ”(PTU 2019)”. "
                f"Saknas källan i '## {sources}', lägg till den där med kortnamnet i fetstil först: "
                f"'- **PTU 2019:** Brå, Politikernas trygghetsundersökning 2019.'",
                number,
            ))
    return problems


def problems(layout: Layout, reports) -> list[Problem]:
    found: list[Problem] = []
    for report in reports:
        path = report.path
        if path.parent.parent == layout.themes and path.stem.startswith("index"):
            found.extend(page_problems(path, report.locale, report.text))
    return found
