"""Lint of the learning exercises: `/// scenario` and the facilitator's `/// session-questions`.

- a scenario has a valid id, unique in its language; a situation, a question, two to four choices,
  each with feedback; `section` names a heading on the same page;
- the English page has the same scenarios (ids, in order) with the same number of choices;
- a session's questions are group reflection questions that exist in the material, and the English
  session plan lists the same questions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from stodmaterial import i18n
from stodmaterial.content.syntax import BLOCK_END, BLOCK_START, OPTION, id_difference
from stodmaterial.markdown.scenario import SCENARIO_ID, parse_scenario
from stodmaterial.markdown.session import question_ids
from stodmaterial.problems import Problem, ProblemError
from stodmaterial.sourcetext import read_text

HEADING = re.compile(r"^#{2,6}\s+(.+?)\s*#*\s*$")


@dataclass
class Found:
    name: str
    line: int
    options: dict[str, str]
    content: list[str]
    content_line: int  # line number of the content's first line


def blocks(path: Path, names: set[str]) -> list[Found]:
    lines = read_text(path).splitlines()
    found, index = [], 0
    while index < len(lines):
        start = BLOCK_START.match(lines[index])
        if start and start.group(2) in names:
            number, options = index + 1, {}
            index += 1
            while index < len(lines) and (option := OPTION.match(lines[index])):
                options[option.group(1)] = option.group(2).strip("\"'")
                index += 1
            content_line, content = index + 1, []
            while index < len(lines) and not BLOCK_END.match(lines[index]):
                content.append(lines[index])
                index += 1
            found.append(Found(start.group(2), number, options, content, content_line))
        index += 1
    return found


def headings(path: Path) -> set[str]:
    return {m.group(1) for line in read_text(path).splitlines() if (m := HEADING.match(line))}


def check_exercises(root: Path, pages: list[Path], reflections: dict[str, dict[str, str]]) -> list[Problem]:
    """`reflections`: per language, every reflection id in the material and whom it is for."""
    problems: list[Problem] = []
    scenarios: dict[Path, list[tuple[str, int, int]]] = {}
    sessions: dict[Path, list[str]] = {}
    seen: dict[tuple[str, str], tuple[Path, int]] = {}
    for path in pages:
        locale = i18n.locale_of(path)
        try:
            found = blocks(path, {"scenario", "session-questions"})
            titles = headings(path) if found else set()
        except ProblemError:
            continue  # not UTF-8: scan_page reports it with its line
        if not found:
            continue
        for block in found:
            if block.name == "session-questions":
                ids = question_ids(block.options.get("questions", ""))
                sessions.setdefault(path, []).extend(ids)
                if not ids:
                    problems.append(Problem(path, "samtalet saknar frågor.", "Skriv '    questions: t1-id, t1-annat-id' direkt under '/// session-questions'.", block.line))
                for rid in ids:
                    audience = reflections[locale].get(rid)
                    if audience is None:
                        problems.append(Problem(path, f"frågan '{rid}' finns inte i materialet.", "Använd id:t på en reflektionsfråga i ett tema (raden 'id:' under '/// reflection').", block.line))
                    elif audience != "group":
                        problems.append(Problem(path, f"frågan '{rid}' är en personlig fråga (for: self).", "Välj frågor för gruppen (for: group). Ingen ska behöva svara på en personlig fråga inför andra.", block.line))
                continue
            sid = block.options.get("id", "")
            if not SCENARIO_ID.match(sid):
                problems.append(Problem(
                    path,
                    "övningen saknar ett giltigt id." if not sid else f"id '{sid}' är inte giltigt.",
                    "Skriv en rad '    id: t1-ovning-kort-namn' (fyra mellanslag, små bokstäver, siffror, bindestreck) direkt under '/// scenario'.",
                    block.line,
                ))
            elif (locale, sid) in seen:
                first, line = seen[(locale, sid)]
                problems.append(Problem(path, f"övningens id '{sid}' används redan ({first.relative_to(root)}:{line}).", "Ge varje övning ett eget id.", block.line))
            else:
                seen[(locale, sid)] = (path, block.line)
            section = block.options.get("section", "")
            if not section:
                problems.append(Problem(path, "övningen länkar inte till något avsnitt.", "Skriv '    section: Rubriken på avsnittet' under '/// scenario', med rubriken precis som den står på sidan.", block.line))
            elif section not in titles:
                problems.append(Problem(path, f"avsnittet '{section}' finns inte på sidan.", "Skriv rubriken precis som den står efter '## ' på sidan.", block.line))
            scenario, faults = parse_scenario(block.content)
            for fault in faults:
                problems.append(Problem(path, fault.message, fault.fix, block.content_line + fault.line))
            scenarios.setdefault(path, []).append((sid, len(scenario.choices), block.line))
    for path in pages:
        if i18n.is_default(i18n.locale_of(path)):
            continue
        original, here = i18n.unlocalized(path), scenarios.get(path, [])
        there = scenarios.get(original, [])
        if [s[0] for s in here] != [s[0] for s in there]:
            detail = id_difference([s[0] for s in there], [s[0] for s in here])
            problems.append(Problem(path, f"övningarna stämmer inte med den svenska sidan ({'; '.join(detail) or 'annan ordning'}).", "Använd samma id, i samma ordning, som på den svenska sidan."))
        else:
            for (sid, count, line), (_, sv_count, _) in zip(here, there):
                if count != sv_count:
                    problems.append(Problem(path, f"övningen '{sid}' har {count} val, men på den svenska sidan {sv_count}.", "Översätt varje val, inga fler och inga färre.", line))
        if sessions.get(path, []) != sessions.get(original, []):
            detail = id_difference(sessions.get(original, []), sessions.get(path, []))
            problems.append(Problem(path, f"samtalets frågor stämmer inte med den svenska sidan ({'; '.join(detail) or 'annan ordning'}).", "Använd samma frågor, i samma ordning, som på den svenska sidan."))
    return problems
