"""Read the risk guide's and the preparation plan's data files; every problem names file and line."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from stodmaterial.model_errors import validation_problems
from stodmaterial.problems import Problem, ProblemError
from stodmaterial.yamlsource import YamlDocument, load_yaml

M = TypeVar("M", bound=BaseModel)

_CACHE: dict[tuple[Path, type, str], Any] = {}


def describe(data: Any, location: tuple) -> str:
    """A location such as ('deep', 'questions', 2, 'options', 1, 'weight') in words an editor can
    follow: deep › questions › signaler › options › enstaka › weight (ids instead of positions)."""
    parts: list[str] = []
    current = data
    for part in location:
        if isinstance(part, int) and isinstance(current, list) and 0 <= part < len(current):
            current = current[part]
            ident = current.get("id") if isinstance(current, dict) else None
            parts.append(f"'{ident}'" if isinstance(ident, str) else f"nr {part + 1}")
            continue
        parts.append(str(part))
        current = current.get(part) if isinstance(current, dict) else None
    return " › ".join(parts) or "filen"


def problems_from(error: ValidationError, doc: YamlDocument, model: type[BaseModel]) -> list[Problem]:
    return validation_problems(error, doc, model, "den svenska filen", describe=describe)


def load_model(path: Path, model: type[M]) -> tuple[YamlDocument, M]:
    """Parse and validate one data file. Raises ProblemError listing every problem, each with its line."""
    if not path.is_file():
        raise ProblemError([Problem(path, "filen saknas.", "Skapa filen; utgå från den svenska filen eller från git-historiken.")])
    # Every page in every language reads the same files: parse each version of a file once.
    key = (path.resolve(), model, hashlib.sha256(path.read_bytes()).hexdigest())
    if key in _CACHE:
        return _CACHE[key]
    doc = load_yaml(path)
    if not isinstance(doc.data, dict):
        raise ProblemError([Problem(path, "filen innehåller inga fält.", "Jämför med den svenska filen.", 1)])
    try:
        value = model.model_validate(doc.data)
    except ValidationError as error:
        raise ProblemError(problems_from(error, doc, model))
    _CACHE[key] = (doc, value)
    return doc, value
