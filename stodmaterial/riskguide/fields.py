"""Field types shared by the risk guide's and the preparation plan's data files."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field
from pydantic_core import PydanticCustomError

ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,39}$")
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def invalid(message: str, fix: str, at: tuple = ()) -> PydanticCustomError:
    """An error worded for an editor; `at` points below the failing value (for the line number)."""
    return PydanticCustomError("stodmaterial", "{message}", {"message": message, "fix": fix, "at": at})


def _text(value: str) -> str:
    # One line: YAML may fold a long text over several lines; the page shows it as one paragraph.
    value = " ".join(value.split())
    if CONTROL.search(value):
        raise invalid("texten innehåller styrtecken.", "Skriv om texten med vanliga tecken.")
    if not value:
        raise invalid("texten är tom.", "Skriv en text, eller ta bort fältet om det är valfritt.")
    return value


def _id(value: str) -> str:
    if not ID.match(value):
        raise invalid(
            f"'{value}' är inget giltigt id.",
            "Använd små bokstäver a–z, siffror och bindestreck, högst 40 tecken, t.ex. vet-inte.",
        )
    return value


Text = Annotated[str, AfterValidator(_text), Field(max_length=400)]
Id = Annotated[str, AfterValidator(_id)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=False)
