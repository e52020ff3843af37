"""Pages that need an expert's review before release carry a visible note, "Granskad av … den …".

The note is written with placeholders ("…") and SKR fills in who reviewed the page and when. While a
placeholder is left, `check` warns (it does not fail): the page may be built for review, but an editor
sees on every run that it has not been signed off.
"""

from __future__ import annotations

import re

from stodmaterial import i18n
from stodmaterial.paths import Layout
from stodmaterial.problems import Problem

# "Granskad av <who> den <when>" (Swedish), "Reviewed by <who> on <when>" (English), anywhere in a line:
# each language file's content.review_note, with its example content.review_example.
# What an unfilled part looks like: nothing, ellipses, dots, underscores, brackets, emphasis marks.
PLACEHOLDER = re.compile(r"^[\s.…_\[\]()*:,–-]*$")


def unfilled(line: str, locale: str) -> bool:
    match = i18n.get(locale).review_pattern().search(line)
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
                    f"Låt en jurist eller polisen läsa sidan. Skriv sedan in namn, roll och datum, till exempel {i18n.get(report.locale).content.review_example}",
                    number,
                    warning=True,
                ))
    return found
