"""Pages that need an expert's review before release carry a visible note, "Granskad av … den …".

The note is written with placeholders ("…") and SKR fills in who reviewed the page and when. While a
placeholder is left, `check` warns (it does not fail): the page may be built for review, but an editor
sees on every run that it has not been signed off.
"""

from __future__ import annotations

import re

from stodmaterial.paths import Layout
from stodmaterial.problems import Problem

# "Granskad av <who> den <when>" (Swedish) and "Reviewed by <who> on <when>" (English), anywhere in a line.
NOTE = {
    "sv": re.compile(r"Granskad av(?P<who>.*?)\bden\b(?P<when>.*)$"),
    "en": re.compile(r"Reviewed by(?P<who>.*?)\bon\b(?P<when>.*)$"),
}
# What an unfilled part looks like: nothing, ellipses, dots, underscores, brackets, emphasis marks.
PLACEHOLDER = re.compile(r"^[\s.…_\[\]()*:,–-]*$")
EXAMPLE = {
    "sv": "”Granskad av Anna Berg, jurist på kommunen, den 15 januari 2027.”",
    "en": "”Reviewed by Anna Berg, lawyer at the municipality, on 15 January 2027.”",
}


def unfilled(line: str, locale: str) -> bool:
    match = NOTE[locale].search(line)
    if not match:
        return False
    when = re.split(r"[.!?](?=\s|$)", match.group("when"), maxsplit=1)[0]
    return bool(PLACEHOLDER.match(match.group("who")) or PLACEHOLDER.match(when))


def problems(layout: Layout, reports) -> list[Problem]:
    found: list[Problem] = []
    for report in reports:
        lines = report.text.splitlines()
        for number, line in enumerate(lines, start=1):
            if unfilled(line, report.locale):
                found.append(Problem(
                    report.path,
                    "granskningen är inte ifylld: sidan är ännu inte granskad av en jurist eller av polisen.",
                    f"Låt en jurist eller polisen läsa sidan. Skriv sedan in namn, roll och datum, till exempel {EXAMPLE[report.locale]}",
                    number,
                    warning=True,
                ))
    return found
