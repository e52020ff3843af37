"""Read an editor's text file as UTF-8, or say in Swedish where the first byte that is not UTF-8 is."""

from __future__ import annotations

from pathlib import Path

from stodmaterial.problems import Problem, ProblemError


def encoding_problem(path: Path, data: bytes, error: UnicodeDecodeError) -> Problem:
    """The problem for a file that is not UTF-8, at the line of its first bad byte."""
    line = data[: error.start].count(b"\n") + 1
    byte = data[error.start]
    return Problem(
        path,
        f"filen är inte sparad som UTF-8 (tecknet med kod 0x{byte:02X} på raden kan inte läsas; "
        "filen är troligen sparad som Latin-1 eller Windows-1252).",
        "Öppna filen i din textredigerare och spara den med teckenkodningen UTF-8 "
        "(i VS Code: klicka på kodningen i statusraden, välj Save with Encoding, UTF-8).",
        line,
    )


def read_text(path: Path) -> str:
    """The file's text. Raises ProblemError naming file and line when it is not UTF-8."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ProblemError([encoding_problem(path, data, error)]) from None
