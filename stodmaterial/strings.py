"""Interface text that the generator writes into pages, in every site language."""

from __future__ import annotations

from datetime import date

STRINGS: dict[str, dict[str, str]] = {
    "sv": {
        "content_note": "Innehållsvarning",
        "case_label": "Fallbeskrivningen är sammansatt och fiktiv.",
        "key_points": "Det viktigaste",
        "reflection": "Reflektionsfråga",
        "reflection_self": "för dig själv",
        "reflection_group": "för gruppen eller organisationen",
        "minutes": "Cirka {n} minuter",
        "goals": "Lärandemål",
        "themes_label": "Teman",
        "security_officer": "Säkerhetsansvarig",
        "phone": "Telefon",
        "email": "E-post",
        "web": "Webb",
        "local_support": "Annat stöd i din organisation",
        "licence_line": "Licensierat för {name} t.o.m. {until}.",
        "kommun": "kommun",
        "region": "region",
    },
    "en": {
        "content_note": "Content note",
        "case_label": "This case description is a composite and fictional.",
        "key_points": "Key points",
        "reflection": "Reflection question",
        "reflection_self": "for you",
        "reflection_group": "for your group or organisation",
        "minutes": "About {n} minutes",
        "goals": "Learning goals",
        "themes_label": "Themes",
        "security_officer": "Security officer",
        "phone": "Phone",
        "email": "E-mail",
        "web": "Web",
        "local_support": "Other support in your organisation",
        "licence_line": "Licensed to {name} until {until}.",
        "kommun": "municipality",
        "region": "region",
    },
}


def t(locale: str, key: str, **values: object) -> str:
    text = STRINGS.get(locale, STRINGS["sv"])[key]
    return text.format(**values) if values else text


def format_date(value: date) -> str:
    return value.isoformat()
