"""argparse's own words (usage, help, error messages) in Swedish, so the whole command line speaks one
language. argparse looks its texts up through gettext at call time; this table answers instead."""

from __future__ import annotations

import argparse

SWEDISH = {
    "usage: ": "användning: ",
    "positional arguments": "argument",
    "options": "flaggor",
    "show this help message and exit": "visa den här hjälpen och avsluta",
    "argument %(argument_name)s: %(message)s": "argumentet %(argument_name)s: %(message)s",
    "unrecognized arguments: %s": "okända argument: %s",
    "not allowed with argument %s": "går inte att kombinera med %s",
    "the following arguments are required: %s": "de här argumenten saknas: %s",
    "one of the arguments %s is required": "ett av argumenten %s behövs",
    "expected one argument": "ett värde behövs efter flaggan",
    "expected at most one argument": "högst ett värde får stå efter flaggan",
    "expected at least one argument": "minst ett värde behövs efter flaggan",
    "ambiguous option: %(option)s could match %(matches)s": "flaggan %(option)s är tvetydig: den kan betyda %(matches)s",
    "invalid %(type)s value: %(value)r": "ogiltigt värde: %(value)r",
    "invalid choice: %(value)r (choose from %(choices)s)": "ogiltigt val: %(value)r (välj något av %(choices)s)",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fel: %(message)s\n",
    "unexpected option string: %s": "oväntad flagga: %s",
    "ignored explicit argument %r": "flaggan tar inget värde: %r",
}


def _swedish(text: str) -> str:
    return SWEDISH.get(text, text)


def use_swedish() -> None:
    """Make argparse speak Swedish (process-wide; the command line is the only argparse user)."""
    argparse._ = _swedish  # type: ignore[attr-defined]
