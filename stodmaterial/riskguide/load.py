"""Read the risk guide's and the preparation plan's data files; every problem names file and line."""

from __future__ import annotations

import difflib
import hashlib
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

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


def _owner(model: type[BaseModel], location: tuple) -> type[BaseModel] | None:
    """The model that owns the last part of `location` (for field descriptions and spelling hints)."""
    current: type[BaseModel] | None = model
    for part in location[:-1]:
        if current is None:
            return None
        if isinstance(part, int):
            continue
        field = current.model_fields.get(part)
        if field is None:
            return None
        annotation = field.annotation
        candidates = [annotation, *getattr(annotation, "__args__", ())]
        nested = [arg for c in candidates for arg in (c, *getattr(c, "__args__", ()))]
        current = next((t for t in nested if isinstance(t, type) and issubclass(t, BaseModel)), None)
    return current


def problems_from(error: ValidationError, doc: YamlDocument, model: type[BaseModel]) -> list[Problem]:
    problems = []
    for item in error.errors():
        location = tuple(p for p in item["loc"] if not (isinstance(p, str) and p.startswith("function-")))
        kind, ctx = item["type"], item.get("ctx") or {}
        if kind == "stodmaterial":
            location = location + tuple(ctx.get("at") or ())
        where = describe(doc.data, location)
        line = doc.line_of(location)
        owner = _owner(model, location)
        name = str(location[-1]) if location else ""
        field = owner.model_fields.get(name) if owner else None
        hint = field.description if field and field.description else None
        if kind == "stodmaterial":
            message, fix = f"{where}: {ctx['message']}", ctx["fix"]
        elif kind == "missing":
            message = f"{describe(doc.data, location[:-1])}: fältet '{name}' saknas."
            fix = f"Lägg till {name}: med {hint or 'ett värde'}."
        elif kind == "extra_forbidden":
            known = list(owner.model_fields) if owner else []
            guess = difflib.get_close_matches(name, known, n=1)
            message = f"{describe(doc.data, location[:-1])}: okänt fält '{name}'."
            fix = f"Menade du '{guess[0]}'?" if guess else f"Ta bort fältet. Tillåtna fält här: {', '.join(known)}."
        elif kind == "literal_error":
            message = f"{where}: värdet {item['input']!r} är inte tillåtet."
            fix = f"Tillåtna värden: {ctx.get('expected', '')}."
        elif kind in ("int_type", "int_parsing", "int_from_float", "greater_than_equal", "less_than_equal", "bool_type", "bool_parsing"):
            message = f"{where}: värdet {item['input']!r} är inte tillåtet."
            fix = f"Skriv {hint}." if hint else "Jämför med den svenska filen."
        elif kind in ("too_short", "too_long", "string_too_long", "string_too_short"):
            message = f"{where}: för få, för många eller för långa ({item['msg']})."
            fix = f"Det ska vara {hint}." if hint else "Korta texten eller ändra antalet."
        elif kind in ("model_type", "list_type", "dict_type", "model_attributes_type", "string_type"):
            message = f"{where}: fel form på värdet."
            fix = "Listor skrivs med - och fält med namn: värde. Text som innehåller kolon skrivs inom citattecken."
        else:
            message, fix = f"{where}: {item['msg']}.", "Jämför med den svenska filen och exemplen i den."
        problems.append(Problem(doc.path, message, fix, line))
    return problems


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
