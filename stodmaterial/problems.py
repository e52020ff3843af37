"""Problems found in editors' files: each names the file, the line, what is wrong and how to fix it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One mistake in a tenant file or in content, worded for an editor."""

    file: Path
    message: str
    fix: str = ""
    line: int | None = None
    warning: bool = False

    def format(self, root: Path | None = None) -> str:
        path = self.file
        if root is not None:
            try:
                path = self.file.resolve().relative_to(root.resolve())
            except ValueError:
                pass
        where = f"{path}:{self.line}" if self.line else f"{path}"
        kind = "varning" if self.warning else "fel"
        text = f"{where}: {kind}: {self.message}"
        if self.fix:
            text += f" Åtgärd: {self.fix}"
        return text


class ProblemError(Exception):
    """Raised when input is invalid; carries every problem found, not only the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = [p for p in problems if not p.warning]
        super().__init__("\n".join(p.format() for p in self.problems))


def raise_if_errors(problems: list[Problem]) -> None:
    if any(not p.warning for p in problems):
        raise ProblemError(problems)
