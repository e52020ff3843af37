"""Load YAML written by editors, keeping the line of every value so errors can point at it.

PyYAML silently keeps the last of two equal keys; an editor who writes a field twice would never learn
which one won. Here a duplicate key is an error, like any other mistake. The files are untrusted text:
anchors and aliases are refused (a few hundred bytes of aliases can expand to gigabytes), and size and
nesting depth are limited. Every failure is a Problem with a line, never a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from stodmaterial.model_errors import yaml_problem
from stodmaterial.problems import Problem, ProblemError
from stodmaterial.sourcetext import read_text

Location = tuple[str | int, ...]
MAX_BYTES = 256 * 1024
MAX_DEPTH = 12


@dataclass
class YamlDocument:
    """Parsed YAML plus the line (1-based) where each key or list item starts."""

    path: Path
    data: Any
    lines: dict[Location, int] = field(default_factory=dict)

    def line_of(self, location: Location) -> int | None:
        """Line of the deepest known part of `location` (falls back towards the root)."""
        loc = tuple(location)
        while loc:
            if loc in self.lines:
                return self.lines[loc]
            loc = loc[:-1]
        return self.lines.get((), None)


class _Refused(yaml.MarkedYAMLError):
    pass


class _Loader(yaml.SafeLoader):
    def __init__(self, stream):
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise _Refused(None, None, "filen använder en hänvisning (*alias), som inte är tillåten", event.start_mark)
        event = self.peek_event()
        if getattr(event, "anchor", None):
            raise _Refused(None, None, f"filen använder ett ankare (&{event.anchor}), som inte är tillåtet", event.start_mark)
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise _Refused(None, None, f"filen är nästlad i fler än {MAX_DEPTH} nivåer", event.start_mark)
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def _construct_mapping(loader: _Loader, node: yaml.MappingNode, deep: bool = False) -> dict:
    seen: dict[Any, int] = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"fältet '{key}' står två gånger (först på rad {seen[key]})", key_node.start_mark
            )
        seen[key] = key_node.start_mark.line + 1
    return yaml.SafeLoader.construct_mapping(loader, node, deep=deep)


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
# Keep dates as text: the schema parses them and names a bad one (2026-13-01) with its line.
_Loader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))


def _record_lines(node: yaml.Node, location: Location, lines: dict[Location, int]) -> None:
    lines.setdefault(location, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value
            lines[location + (key,)] = key_node.start_mark.line + 1
            _record_lines(value_node, location + (key,), lines)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            lines[location + (index,)] = item.start_mark.line + 1
            _record_lines(item, location + (index,), lines)


def load_yaml(path: Path) -> YamlDocument:
    """Parse `path`; raise ProblemError naming the line for syntax errors and duplicate keys."""
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ProblemError([Problem(path, f"filen är större än {MAX_BYTES // 1024} kB.", "Kontrollera att det är rätt fil; en sådan fil är några kB.")])
        text = read_text(path)
    except OSError as error:
        raise ProblemError([Problem(path, f"filen går inte att läsa ({error.strerror}).", "Kontrollera att filen finns och går att läsa.")])
    try:
        loader = _Loader(text)
        try:  # one parse: the node tree gives the lines, and the data is built from it (as get_single_data does)
            node = loader.get_single_node()
            data = None if node is None else loader.construct_document(node)
        finally:
            loader.dispose()
    except yaml.reader.ReaderError as error:
        line = text[: error.position].count("\n") + 1
        raise ProblemError([Problem(
            path,
            f"filen innehåller ett otillåtet tecken (U+{error.character:04X}) på tecken {error.position + 1}."
            if isinstance(error.character, int) else "filen innehåller ett otillåtet tecken.",
            "Ta bort tecknet; skriv bara vanlig text.",
            line,
        )])
    except yaml.MarkedYAMLError as error:
        if isinstance(error, _Refused):
            mark = error.problem_mark
            raise ProblemError([Problem(path, f"{error.problem}.", "Skriv värdet direkt i stället för att hänvisa till ett annat.",
                                        mark.line + 1 if mark else None)]) from None
        raise ProblemError([yaml_problem(path, error)]) from None
    except (yaml.YAMLError, RecursionError) as error:
        raise ProblemError([Problem(path, f"filen går inte att läsa som YAML ({type(error).__name__}).", "Jämför med exemplet i tenants/exempelkommun/tenant.yml.")])
    lines: dict[Location, int] = {}
    if node is not None:
        _record_lines(node, (), lines)
    return YamlDocument(path=path, data=data, lines=lines)
