"""Schema of the preparation plan's data file (docs/forberedelseplan.yml and its English twin).

The reader answers a short self-assessment; every answer may add steps (`steps`) to the plan; steps
with `always: true` are in every plan. Each step belongs to a phase: before, during or after an
incident. `contacts` shows the tenant's security officers or local support under a step.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from stodmaterial.riskguide.fields import Id, Strict, Text, invalid

PHASES = ("before", "during", "after")
PLACEHOLDERS = ("{organisation}",)


class PlanOption(Strict):
    id: Id
    text: Text
    steps: list[Id] = Field(default_factory=list, max_length=10, description="id för stegen som svaret lägger till")


class PlanQuestion(Strict):
    id: Id
    text: Text
    help: Text | None = None
    multiple: bool = Field(default=False, description="true om läsaren får välja flera svar")
    options: list[PlanOption] = Field(min_length=2, max_length=8, description="minst två svar med id och text")

    @model_validator(mode="after")
    def _ids(self) -> "PlanQuestion":
        seen: set[str] = set()
        for index, option in enumerate(self.options):
            if option.id in seen:
                raise invalid(f"svaret '{option.id}' står två gånger.", "Ge varje svar ett eget id.", at=("options", index, "id"))
            seen.add(option.id)
        return self


class PlanStep(Strict):
    id: Id
    phase: Literal["before", "during", "after"] = Field(description="before, during eller after")
    text: Text
    always: bool = False
    contacts: Literal["security_officers", "local_support"] | None = None


class Plan(Strict):
    version: int = Field(ge=1, strict=True)
    questions: list[PlanQuestion] = Field(min_length=1, max_length=12, description="självskattningens frågor")
    steps: list[PlanStep] = Field(min_length=1, max_length=60, description="planens steg")

    @model_validator(mode="after")
    def _references(self) -> "Plan":
        ids: dict[str, int] = {}
        for index, step in enumerate(self.steps):
            if step.id in ids:
                raise invalid(f"steget '{step.id}' står två gånger.", "Ge varje steg ett eget id.", at=("steps", index, "id"))
            ids[step.id] = index
        questions: set[str] = set()
        used: set[str] = set()
        for q_index, question in enumerate(self.questions):
            if question.id in questions:
                raise invalid(f"frågan '{question.id}' står två gånger.", "Ge varje fråga ett eget id.", at=("questions", q_index, "id"))
            questions.add(question.id)
            for o_index, option in enumerate(question.options):
                for s_index, step_id in enumerate(option.steps):
                    if step_id not in ids:
                        raise invalid(
                            f"svaret '{option.id}' i frågan '{question.id}' pekar på steget '{step_id}', som inte finns.",
                            "Rätta stavningen eller lägg till steget under steps.",
                            at=("questions", q_index, "options", o_index, "steps", s_index),
                        )
                    used.add(step_id)
        for index, step in enumerate(self.steps):
            if not step.always and step.id not in used:
                raise invalid(
                    f"steget '{step.id}' kommer aldrig med i någon plan.",
                    "Skriv always: true på steget, eller lägg till dess id under steps för något svar.",
                    at=("steps", index, "id"),
                )
        for phase in PHASES:
            if not any(step.phase == phase for step in self.steps):
                raise invalid(f"planen saknar steg för skedet '{phase}'.", "Lägg till minst ett steg med phase: " + phase + ".", at=("steps",))
        return self

    def step(self, step_id: str) -> PlanStep:
        return next(step for step in self.steps if step.id == step_id)
