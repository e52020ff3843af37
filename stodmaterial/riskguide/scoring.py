"""The risk guide's calculation model in Python: the reference for the test vectors and for the
page's explanation. The browser runs the same rules in riskguide-scoring.js; tests hold both to the vectors."""

from __future__ import annotations

from dataclasses import dataclass

from stodmaterial.riskguide.model import LEVELS, Option, Question, RiskGuide, Step, level_rank


@dataclass(frozen=True)
class Driver:
    question: Question
    option: Option


@dataclass(frozen=True)
class Result:
    score: int
    level: str
    drivers: tuple[Driver, ...]  # answers that gave points or a lowest level, most important first


def level_for_score(step: Step, score: int) -> str:
    if score >= step.thresholds.high:
        return "high"
    if score >= step.thresholds.moderate:
        return "moderate"
    return "low"


def assess(step: Step, answers: dict[str, str]) -> Result:
    """Level for complete answers {question id: option id}. Raises KeyError for a missing or unknown answer."""
    score, level, drivers = 0, "low", []
    for question in step.questions:
        chosen = answers[question.id]
        option = next((o for o in question.options if o.id == chosen), None)
        if option is None:
            raise KeyError(f"{question.id}: {chosen}")
        score += option.weight
        if option.at_least and level_rank(option.at_least) > level_rank(level):
            level = option.at_least
        if option.weight or option.at_least:
            drivers.append(Driver(question, option))
    by_score = level_for_score(step, score)
    level = LEVELS[max(level_rank(level), level_rank(by_score))]
    order = {id(q): n for n, q in enumerate(step.questions)}
    drivers.sort(key=lambda d: (d.option.at_least is None, -d.option.weight, order[id(d.question)]))
    return Result(score=score, level=level, drivers=tuple(drivers))


def final_level(guide: RiskGuide, quick: dict[str, str], deep: dict[str, str] | None) -> str:
    """Step 1 decides a low matter; a moderate or high one gets step 2's level once step 2 is done.
    An answer in step 1 that alone gives a level (at_least) holds after step 2 too."""
    first = assess(guide.quick, quick)
    if first.level == "low" or not deep:
        return first.level
    kept = [level_rank(d.option.at_least) for d in first.drivers if d.option.at_least]
    return LEVELS[max([level_rank(assess(guide.deep, deep).level), *kept])]
