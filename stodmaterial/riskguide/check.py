"""`check_riskguide`: validate the risk guide's and the preparation plan's data files, in every
language, so that `stodmaterial check` and every build fail on bad data."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Callable

from stodmaterial import i18n
from stodmaterial.paths import Layout
from stodmaterial.problems import Problem, ProblemError
from stodmaterial.riskguide.load import describe, load_model
from stodmaterial.riskguide.model import RiskGuide
from stodmaterial.riskguide.plan import PLACEHOLDERS, Plan
from stodmaterial.riskguide.translation import plan_mismatches, riskguide_mismatches
from stodmaterial.yamlsource import YamlDocument

RISKGUIDE_FILE = "forebyggande/riskguide"
PLAN_FILE = "forberedelseplan"
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def data_file(docs: Path, stem: str, locale: str) -> Path:
    """docs/<stem>.yml for Swedish (the default language), docs/<stem>.<locale>.yml for the others."""
    return i18n.localized(docs / f"{stem}.yml", locale)


def load_riskguide(docs: Path, locale: str) -> RiskGuide:
    return load_model(data_file(docs, RISKGUIDE_FILE, locale), RiskGuide)[1]


def load_plan(docs: Path, locale: str) -> Plan:
    return load_model(data_file(docs, PLAN_FILE, locale), Plan)[1]


def _placeholder_problems(doc: YamlDocument) -> list[Problem]:
    """Only {organisation} may stand in braces in the plan's texts."""
    problems: list[Problem] = []

    def walk(value: Any, location: tuple) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                walk(item, location + (key,))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                walk(item, location + (index,))
        elif isinstance(value, str) and location and location[-1] in ("text", "help"):
            for match in PLACEHOLDER.finditer(value):
                if match.group(0) not in PLACEHOLDERS:
                    problems.append(Problem(
                        doc.path,
                        f"{describe(doc.data, location)}: okänd platshållare {match.group(0)}.",
                        f"Skriv {', '.join(PLACEHOLDERS)} eller ta bort klammerparenteserna.",
                        doc.line_of(location),
                    ))

    walk(doc.data, ())
    return problems


def _check_pair(docs: Path, stem: str, model: type, mismatches: Callable, extra: Callable | None = None) -> list[Problem]:
    problems: list[Problem] = []
    loaded = {}
    for locale in i18n.codes():
        try:
            loaded[locale] = load_model(data_file(docs, stem, locale), model)
        except ProblemError as error:
            problems.extend(error.problems)
            continue
        if extra is not None:
            problems.extend(extra(loaded[locale][0]))
    first = i18n.default_code()
    if first in loaded:
        sv_doc, sv = loaded[first]
        for locale, (other_doc, other) in loaded.items():
            if locale != first:
                problems.extend(mismatches(sv, other, sv_doc, other_doc))
    return problems


def check_riskguide(layout: Layout) -> list[Problem]:
    """Every problem in the risk guide's and the plan's data files (both languages)."""
    return (
        _check_pair(layout.docs, RISKGUIDE_FILE, RiskGuide, riskguide_mismatches)
        + _check_pair(layout.docs, PLAN_FILE, Plan, plan_mismatches, _placeholder_problems)
    )
