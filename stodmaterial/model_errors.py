"""The one translator from validation and YAML parser errors to Swedish problems with a likely fix.

Tenant files, theme files and the risk guide's data files all go through here, so an editor reads the
same words for the same mistake wherever it is made, and never pydantic's or PyYAML's English.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from stodmaterial.problems import Problem

Describe = Callable[[Any, tuple], str]

QUOTE_FIX = "Skriv texten inom citattecken, t.ex. name: \"Text: med kolon\"."


def dotted(_data: Any, location: tuple) -> str:
    """security_officers.0.email: the default way to name a place in a file."""
    return ".".join(str(p) for p in location) or "filen"


def owner_model(model: type[BaseModel], location: tuple) -> type[BaseModel] | None:
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


def _source_line(path: Path, line: int | None) -> str:
    if not line:
        return ""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return ""
    return lines[line - 1] if 0 < line <= len(lines) else ""


def shown_value(value: Any) -> str:
    """A value from an editor's file as a message shows it: quoted, cut after 60 characters, and with
    every character that is not printable (terminal escapes, bidi controls) written as \\x1b, \\u202e."""
    if value is None:
        return "tomt"
    if isinstance(value, (dict, list)):
        return "en lista" if isinstance(value, list) else "en grupp av fält"
    text = str(value)
    text = f"{text[:60]}…" if len(text) > 60 else text
    return "'" + "".join(c if c.isprintable() else ascii(c)[1:-1] for c in text) + "'"


def _limit(ctx: dict, *keys: str) -> str:
    for key in keys:
        if key in ctx:
            return str(ctx[key])
    return ""


def _translate(kind: str, item: dict, where: str, hint: str | None, example: str, source: str) -> tuple[str, str]:
    """(message, fix) in Swedish for one pydantic error that is not about a field's name."""
    ctx = item.get("ctx") or {}
    value = item.get("input")
    shown = shown_value(value)
    if kind == "stodmaterial":
        return f"{where}: {ctx['message']}", ctx["fix"]
    if value is None and kind.endswith("_type"):
        if "#" in source.partition(":")[2]:
            return (f"{where}: värdet är tomt, eftersom allt efter # läses som en kommentar.",
                    "Skriv värdet inom citattecken, t.ex. primary_color: \"#7a1f3d\".")
        return f"{where}: värdet saknas.", f"Skriv {hint} efter kolonet." if hint else "Skriv ett värde efter kolonet eller ta bort raden."
    if kind == "string_type":
        if isinstance(value, (list, dict)):
            return f"{where}: här ska stå en text, men det står {shown}.", "Skriv texten på samma rad som fältnamnet, utan - eller indrag."
        return (f"{where}: här ska stå en text, men {shown} läses som ett tal, ett datum eller sant/falskt.",
                f"Skriv värdet inom citattecken, t.ex. \"{value}\".")
    if kind in ("int_type", "int_parsing", "int_from_float", "float_type", "float_parsing", "decimal_parsing"):
        return f"{where}: här ska stå ett heltal, men det står {shown}.", f"Skriv {hint}." if hint else "Skriv bara siffror, utan citattecken."
    if kind in ("bool_type", "bool_parsing"):
        return f"{where}: här ska stå true eller false, men det står {shown}.", "Skriv true (ja) eller false (nej), utan citattecken."
    if kind in ("literal_error", "enum"):
        return f"{where}: värdet {shown} är inte tillåtet.", f"Tillåtna värden: {ctx.get('expected', '')}."
    if kind.startswith(("date", "datetime")):
        return f"{where}: {shown} är inget giltigt datum.", "Skriv datumet som ÅÅÅÅ-MM-DD, t.ex. 2027-12-31."
    if kind in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
        low = _limit(ctx, "ge", "gt")
        high = _limit(ctx, "le", "lt")
        bound = f"minst {low}" if low else f"högst {high}"
        return f"{where}: värdet {shown} är för {'litet' if low else 'stort'} (ska vara {bound}).", f"Skriv {hint}." if hint else f"Skriv ett tal som är {bound}."
    if kind in ("string_too_short", "string_too_long"):
        short = kind == "string_too_short"
        limit = _limit(ctx, "min_length" if short else "max_length")
        what = f"minst {limit}" if short else f"högst {limit}"
        return (f"{where}: texten är för {'kort' if short else 'lång'} (ska ha {what} tecken).",
                f"Det ska vara {hint}." if hint else ("Skriv en längre text." if short else "Korta texten."))
    if kind in ("too_short", "too_long"):
        short = kind == "too_short"
        limit = _limit(ctx, "min_length" if short else "max_length")
        what = f"minst {limit}" if short else f"högst {limit}"
        return (f"{where}: listan har för {'få' if short else 'många'} punkter (ska ha {what}).",
                f"Det ska vara {hint}." if hint else ("Lägg till punkter (rader som börjar med -)." if short else "Ta bort punkter."))
    if kind == "string_pattern_mismatch":
        return f"{where}: {shown} har inte rätt form.", f"Det ska vara {hint}." if hint else f"Jämför med {example}."
    if kind in ("list_type", "tuple_type", "set_type"):
        return f"{where}: här ska stå en lista, men det står {shown}.", "Skriv varje punkt på en egen rad som börjar med - (bindestreck och mellanslag)."
    if kind in ("model_type", "model_attributes_type", "dict_type", "dataclass_type"):
        return (f"{where}: här ska stå fält med namn och värde, men det står {shown}.",
                "Skriv fälten på egna rader, indragna två mellanslag: namn: värde.")
    if kind in ("url_parsing", "url_scheme", "url_type"):
        return f"{where}: {shown} är ingen giltig webbadress.", "Skriv hela adressen med https://, t.ex. https://www.exempel.se/."
    if kind in ("value_error", "assertion_error"):
        return f"{where}: värdet {shown} är inte tillåtet.", f"Det ska vara {hint}." if hint else f"Jämför med {example}."
    return f"{where}: värdet {shown} passar inte här.", f"Jämför med {example}."


def validation_problems(
    error: ValidationError,
    doc: Any,
    model: type[BaseModel],
    example: str,
    describe: Describe = dotted,
    hidden: tuple[str, ...] = (),
) -> list[Problem]:
    """Every error of `error` as a Swedish problem at its line in `doc` (a YamlDocument).

    `example` names a file to compare with ("tenants/exempelkommun/tenant.yml"); `describe` words a
    location; `hidden` are fields the editor never writes (not offered as spelling suggestions)."""
    items = error.errors()

    def clean(loc: tuple) -> tuple:
        return tuple(p for p in loc if not (isinstance(p, str) and p.startswith("function-")))

    # A misspelled field is both unknown and missing: report it once, as a spelling mistake.
    missing = {clean(tuple(i["loc"])) for i in items if i["type"] == "missing"}
    guesses: dict[tuple, str] = {}
    for item in items:
        if item["type"] == "extra_forbidden":
            loc = clean(tuple(item["loc"]))
            owner = owner_model(model, loc)
            known = [f for f in (owner.model_fields if owner else {}) if f not in hidden]
            spelled = [g for g in difflib.get_close_matches(str(loc[-1]), known, n=3) if loc[:-1] + (g,) in missing]
            if spelled:
                guesses[loc] = spelled[0]
    explained = {loc[:-1] + (g,) for loc, g in guesses.items()}

    problems = []
    for item in items:
        location = clean(tuple(item["loc"]))
        kind, ctx = item["type"], item.get("ctx") or {}
        if kind == "missing" and location in explained:
            continue
        if kind == "stodmaterial":
            location = location + tuple(ctx.get("at") or ())
        line = doc.line_of(location)
        owner = owner_model(model, location)
        name = str(location[-1]) if location else ""
        field = owner.model_fields.get(name) if owner else None
        hint = field.description if field and field.description else None
        parent = describe(doc.data, location[:-1])
        if kind == "missing":
            where = "" if parent == "filen" else f"{parent}: "
            message = f"{where}fältet '{name}' saknas."
            fix = f"Lägg till {name}: med {hint or 'ett värde'}."
        elif kind == "extra_forbidden":
            known = [f for f in (owner.model_fields if owner else {}) if f not in hidden]
            guess = guesses.get(location) or next(iter(difflib.get_close_matches(name, known, n=1)), None)
            where = "" if parent == "filen" else f"{parent}: "
            message = f"{where}okänt fält '{name}'."
            fix = f"Menade du '{guess}'? Rätta stavningen." if guess else f"Ta bort fältet. Tillåtna fält här: {', '.join(known)}."
        else:
            source = _source_line(doc.path, line)
            message, fix = _translate(kind, item, describe(doc.data, location), hint, example, source)
        problems.append(Problem(doc.path, message, fix, line))
    return problems


# --- YAML parser errors -------------------------------------------------------------------------------

_PARSER = [
    # (words in PyYAML's problem text, message, fix)
    ("'\\t'", "ett tabbtecken står där bara mellanslag är tillåtna.",
     "Byt tabben mot mellanslag: två mellanslag per indragsnivå."),
    ("tab character", "ett tabbtecken står där bara mellanslag är tillåtna.",
     "Byt tabben mot mellanslag: två mellanslag per indragsnivå."),
    ("mapping values are not allowed", "ett kolon står där det inte får stå.",
     "Sätt citattecken runt text som innehåller kolon och mellanslag, eller rätta indraget på raden. " + QUOTE_FIX),
    ("could not find expected ':'", "ett kolon saknas efter ett fältnamn, eller en text fortsätter på nästa rad.",
     "Skriv namn: värde på en rad, och sätt citattecken runt text som går över flera rader."),
    ("found unknown escape character", "ett \\ inom dubbla citattecken kan inte läsas.",
     "Använd enkla citattecken runt texten ('…') eller skriv \\\\ för ett omvänt snedstreck."),
    ("found unexpected end of stream", "ett citattecken stängs aldrig.",
     "Avsluta texten med samma sorts citattecken som den börjar med."),
    ("expected alphabetic or numeric character", "ett värde börjar med & eller *, som betyder något särskilt i YAML.",
     QUOTE_FIX),
    ("found undefined alias", "ett värde börjar med *, som betyder något särskilt i YAML.", QUOTE_FIX),
    ("that cannot start any token", "ett värde börjar med ett tecken som inte får stå först (t.ex. @, ` eller %).",
     QUOTE_FIX),
    ("expected <block end>", "indraget stämmer inte: raden står längre in eller ut än raderna runt den.",
     "Rätta indraget: fält på samma nivå börjar lika långt in, två mellanslag per nivå."),
    ("did not find expected key", "indraget stämmer inte, eller en rad i en lista saknar -.",
     "Rätta indraget: fält på samma nivå börjar lika långt in, och varje punkt i en lista börjar med -."),
    ("did not find expected '-'", "en rad i en lista saknar - eller har fel indrag.",
     "Börja varje punkt i listan med - (bindestreck och mellanslag), lika långt in."),
    ("did not find expected node content", "ett värde saknas eller börjar med ett tecken som inte får stå först.",
     QUOTE_FIX),
    ("expected a comment or a line break", "en text fortsätter efter ett avslutande citattecken.",
     "Sätt citattecken runt hela texten, eller använd enkla citattecken om texten innehåller \"."),
    ("expected ',' or ']'", "en lista inom [ ] stängs aldrig eller saknar komma.",
     "Skriv listan som [sv, en], eller en punkt per rad med -."),
    ("expected ',' or '}'", "en grupp inom { } stängs aldrig eller saknar komma.",
     "Skriv fälten på egna rader i stället: namn: värde."),
]
_DEFAULT_FIX = ("Kontrollera indrag (två mellanslag, inga tabbar), kolon efter varje fältnamn och citattecken runt text "
                "som innehåller kolon eller #.")


def yaml_problem(path: Path, error: yaml.MarkedYAMLError) -> Problem:
    """A YAML syntax error as a Swedish problem at its line."""
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark else None
    problem = error.problem or ""
    if problem.startswith("fältet "):
        # Our own duplicate-key check (yamlsource) already speaks Swedish.
        return Problem(path, f"filen går inte att läsa som YAML: {problem}.", "Ta bort den ena av raderna.", line)
    for words, message, fix in _PARSER:
        if words in problem or words in str(error.context or ""):
            return Problem(path, f"filen går inte att läsa som YAML: {message}", fix, line)
    return Problem(path, "filen går inte att läsa som YAML: något på raden kan inte tolkas.", _DEFAULT_FIX, line)
