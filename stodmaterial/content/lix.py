"""Readability: LIX (läsbarhetsindex) of Swedish text, computed on the text without Markdown syntax.

LIX = words / sentences + 100 * long words / words, where a long word has more than six letters.
Headings and list items end a sentence, like the punctuation marks . ! ? and :.
"""

from __future__ import annotations

import re

WORD = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*|\d+(?:[ ,.]\d+)*", re.UNICODE)
SENTENCE_END = re.compile(r"[.!?:]+(?=\s|$)")


def plain_text(markdown: str) -> list[str]:
    """Prose lines of a Markdown page: block markers, options, code, links' targets removed."""
    lines, in_code, in_options = [], False, False
    for raw in markdown.splitlines():
        line = raw.rstrip()
        if line.lstrip().startswith(("```", "~~~")):
            in_code = not in_code
            continue
        if in_code:
            continue
        if line.startswith("///"):
            in_options = True
            continue
        if in_options and line.startswith("    ") and re.match(r"^\s+[a-z-]+:", line):
            continue
        in_options = False
        if line.startswith("---") or re.match(r"^(hide|title|description):|^\s+- (toc|navigation)$", line):
            continue
        line = re.sub(r"!\[([^\]]*)\]\([^)]*\)", "", line)
        line = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", line)
        line = re.sub(r"\{\{[^}]*\}\}", "X", line)
        line = re.sub(r"[*_`>|]", " ", line)
        stripped = line.strip()
        if re.match(r"^(#+|[-+*]|\d+\.)\s", stripped):
            stripped = re.sub(r"^(#+|[-+*]|\d+\.)\s+", "", stripped)
            if stripped and not SENTENCE_END.search(stripped[-1:] + " "):
                stripped += "."
        lines.append(stripped)
    return lines


def words(text: str) -> list[str]:
    return [w for w in WORD.findall(text) if any(c.isalpha() for c in w)]


def lix(markdown: str) -> tuple[float, int]:
    """(LIX, number of words) of a Markdown page."""
    text = "\n".join(plain_text(markdown))
    found = words(text)
    if not found:
        return 0.0, 0
    sentences = max(1, len(SENTENCE_END.findall(text)))
    long_words = sum(1 for w in found if len(w.replace("-", "")) > 6)
    return len(found) / sentences + 100 * long_words / len(found), len(found)
