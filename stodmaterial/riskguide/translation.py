"""The English data files must mirror the Swedish ones: same ids in the same order, same weights,
thresholds, levels, links between answers and steps. Only the texts differ.

Every problem points into the English file (the Swedish file is the original)."""

from __future__ import annotations

from typing import Sequence

from stodmaterial.content.syntax import id_difference
from stodmaterial.problems import Problem
from stodmaterial.riskguide.load import describe
from stodmaterial.riskguide.model import RiskGuide
from stodmaterial.riskguide.plan import Plan
from stodmaterial.yamlsource import YamlDocument

FIX_IDS = "Använd samma id, i samma ordning, som i den svenska filen; översätt bara texterna."
FIX_VALUE = "Skriv samma värde som i den svenska filen; bara texterna ska översättas."


class _Compare:
    def __init__(self, sv_doc: YamlDocument, en_doc: YamlDocument):
        self.sv_doc, self.en_doc = sv_doc, en_doc
        self.problems: list[Problem] = []

    def _problem(self, location: tuple, message: str, fix: str) -> None:
        where = describe(self.en_doc.data, location)
        self.problems.append(Problem(self.en_doc.path, f"{where}: {message}", fix, self.en_doc.line_of(location)))

    def ids(self, location: tuple, sv_items: Sequence, en_items: Sequence, what: str) -> bool:
        """True when both lists have the same ids in the same order; otherwise report how they differ."""
        sv_ids, en_ids = [i.id for i in sv_items], [i.id for i in en_items]
        if sv_ids == en_ids:
            return True
        detail = id_difference(sv_ids, en_ids)
        missing = [i for i in sv_ids if i not in en_ids]
        extra = [i for i in en_ids if i not in sv_ids]
        at = location
        if extra:
            at = location + (en_ids.index(extra[0]), "id")
        elif not missing:
            first = next(n for n, (a, b) in enumerate(zip(sv_ids, en_ids)) if a != b)
            at = location + (first, "id")
        self._problem(at, f"{what} stämmer inte med den svenska filen ({'; '.join(detail) or 'annan ordning'}).", FIX_IDS)
        return False

    def value(self, location: tuple, sv_value, en_value, what: str) -> None:
        if sv_value != en_value:
            self._problem(location, f"{what} är {en_value!r} här men {sv_value!r} i den svenska filen.", FIX_VALUE)


def riskguide_mismatches(sv: RiskGuide, en: RiskGuide, sv_doc: YamlDocument, en_doc: YamlDocument) -> list[Problem]:
    compare = _Compare(sv_doc, en_doc)
    compare.value(("version",), sv.version, en.version, "version")
    for name in ("quick", "deep"):
        sv_step, en_step = getattr(sv, name), getattr(en, name)
        for key in ("moderate", "high"):
            compare.value((name, "thresholds", key), getattr(sv_step.thresholds, key), getattr(en_step.thresholds, key), f"gränsen {key}")
        if not compare.ids((name, "questions"), sv_step.questions, en_step.questions, "frågorna"):
            continue
        for q, (sv_q, en_q) in enumerate(zip(sv_step.questions, en_step.questions)):
            at = (name, "questions", q, "options")
            if not compare.ids(at, sv_q.options, en_q.options, "svaren"):
                continue
            for o, (sv_o, en_o) in enumerate(zip(sv_q.options, en_q.options)):
                compare.value(at + (o, "weight"), sv_o.weight, en_o.weight, "weight")
                compare.value(at + (o, "at_least"), sv_o.at_least, en_o.at_least, "at_least")
    for index, (sv_level, en_level) in enumerate(zip(sv.levels, en.levels)):
        compare.ids(("levels", index, "measures"), sv_level.measures, en_level.measures, "åtgärderna")
    return compare.problems


def plan_mismatches(sv: Plan, en: Plan, sv_doc: YamlDocument, en_doc: YamlDocument) -> list[Problem]:
    compare = _Compare(sv_doc, en_doc)
    compare.value(("version",), sv.version, en.version, "version")
    if compare.ids(("questions",), sv.questions, en.questions, "frågorna"):
        for q, (sv_q, en_q) in enumerate(zip(sv.questions, en.questions)):
            compare.value(("questions", q, "multiple"), sv_q.multiple, en_q.multiple, "multiple")
            at = ("questions", q, "options")
            if not compare.ids(at, sv_q.options, en_q.options, "svaren"):
                continue
            for o, (sv_o, en_o) in enumerate(zip(sv_q.options, en_q.options)):
                compare.value(at + (o, "steps"), sv_o.steps, en_o.steps, "steps")
    if compare.ids(("steps",), sv.steps, en.steps, "stegen"):
        for s, (sv_s, en_s) in enumerate(zip(sv.steps, en.steps)):
            for key in ("phase", "always", "contacts"):
                compare.value(("steps", s, key), getattr(sv_s, key), getattr(en_s, key), key)
    return compare.problems
