"""Schema of the risk guide's data file (docs/forebyggande/riskguide.yml and its English twin).

The model, in short: every answer has a weight (points); a step's points are added up and compared
with its thresholds (from `moderate` points the level is moderate, from `high` points high); an answer
with `at_least` lifts the level to at least that level whatever the sum. The file's header comment and
the tool's page explain the same in plain Swedish.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator

from stodmaterial.riskguide.fields import Id, Strict, Text, invalid

LEVELS = ("low", "moderate", "high")
Level = Literal["low", "moderate", "high"]
MAX_WEIGHT = 3


def level_rank(level: str) -> int:
    return LEVELS.index(level)


def _unique(items, what: str, where: str, field: str) -> None:
    seen: set[str] = set()
    for index, item in enumerate(items):
        if item.id in seen:
            raise invalid(
                f"id '{item.id}' står två gånger bland {what} {where}.",
                "Ge varje id ett eget namn (små bokstäver, siffror och bindestreck).",
                at=(field, index, "id"),
            )
        seen.add(item.id)


class Option(Strict):
    id: Id
    text: Text
    weight: int = Field(ge=0, le=MAX_WEIGHT, strict=True, description="poäng för svaret, ett heltal 0–3")
    at_least: Literal["moderate", "high"] | None = Field(
        default=None, description="lägsta nivå som svaret ensamt ger: moderate eller high"
    )


class Question(Strict):
    id: Id
    short: Annotated[Text, Field(max_length=40)] = Field(description="kort namn, visas i förklaringen av nivån")
    text: Text
    help: Text | None = None
    options: list[Option] = Field(min_length=2, max_length=8, description="minst två svar, vart och ett med id, text och weight")

    @model_validator(mode="after")
    def _ids(self) -> "Question":
        _unique(self.options, "svaren", f"i frågan '{self.id}'", "options")
        return self

    @property
    def max_weight(self) -> int:
        return max(option.weight for option in self.options)


class Thresholds(Strict):
    moderate: int = Field(ge=1, strict=True, description="lägsta summa för måttlig risk, ett heltal")
    high: int = Field(ge=1, strict=True, description="lägsta summa för hög risk, ett heltal")

    @model_validator(mode="after")
    def _ordered(self) -> "Thresholds":
        if self.high <= self.moderate:
            raise invalid(
                f"gränsen för hög risk ({self.high}) måste vara större än gränsen för måttlig risk ({self.moderate}).",
                "Skriv gränserna i stigande ordning: moderate först, sedan ett större tal för high.",
                at=("high",),
            )
        return self


class Step(Strict):
    title: Text
    intro: Text | None = None
    thresholds: Thresholds = Field(description="gränserna moderate och high")
    questions: list[Question] = Field(min_length=1, max_length=20, description="minst en fråga")

    @model_validator(mode="after")
    def _reachable(self) -> "Step":
        _unique(self.questions, "frågorna", "i steget", "questions")
        top = self.max_score
        if self.thresholds.high > top:
            raise invalid(
                f"gränsen för hög risk ({self.thresholds.high}) är större än den högsta möjliga summan ({top}).",
                f"Sänk thresholds.high till högst {top}, eller höj poängen i frågorna.",
                at=("thresholds", "high"),
            )
        return self

    @property
    def max_score(self) -> int:
        return sum(question.max_weight for question in self.questions)


class Measure(Strict):
    id: Id
    text: Text


class LevelText(Strict):
    id: Level
    name: Annotated[Text, Field(max_length=40)]
    summary: Text
    measures: list[Measure] = Field(min_length=1, max_length=15, description="minst en rekommenderad åtgärd")

    @model_validator(mode="after")
    def _ids(self) -> "LevelText":
        _unique(self.measures, "åtgärderna", f"för nivån '{self.id}'", "measures")
        return self


class RiskGuide(Strict):
    version: int = Field(ge=1, strict=True, description="datans version; räkna upp den när en fråga eller ett svar byter betydelse")
    quick: Step = Field(description="steg 1, den snabba sorteringen")
    deep: Step = Field(description="steg 2, den fördjupade bedömningen")
    levels: list[LevelText] = Field(min_length=3, max_length=3, description="nivåerna low, moderate och high")

    @model_validator(mode="after")
    def _levels(self) -> "RiskGuide":
        ids = tuple(level.id for level in self.levels)
        if ids != LEVELS:
            raise invalid(
                f"nivåerna står som {', '.join(ids)}.",
                "Skriv nivåerna low, moderate och high, en gång var och i den ordningen.",
                at=("levels",),
            )
        return self

    def level(self, level_id: str) -> LevelText:
        return self.levels[level_rank(level_id)]
