"""Interface text that the generator writes into pages, in every site language. (The scripts in
overrides/assets/javascripts/stodmaterial/ carry their own copy of the texts they write themselves.)"""

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
        # The interactive layer: answers, progress, film, print.
        "your_answer": "Ditt svar",
        "answer_printed": "Ditt svar:",
        "progress_label": "Hur långt du har kommit",
        # The start page's progress box, in its first state (interactive.js updates it; same texts).
        "progress_summary_none": "Du har gjort klart 0 av {total} teman.",
        "progress_hint": "Välj temana i vilken ordning du vill. Hur långt du har kommit sparas bara om du sparar på den här enheten.",
        "theme_not_started": "Inte påbörjat",
        "save_choice": "Spara mina svar på den här enheten",
        "save_note": (
            "Om du inte kryssar i rutan finns dina svar bara kvar tills du lämnar eller laddar om sidan. "
            "Använder du en dator som andra också använder? Låt rutan vara tom, eller radera allt på sidan Mina reflektioner när du är klar."
        ),
        "theme_status": "Status",
        "video_transcript": "Läs det som sägs och visas i filmen",
        "video_unsupported": "Din webbläsare kan inte visa filmen. Läs texten till filmen nedanför.",
        "external_video_notice": (
            "Filmen finns på en annan webbplats, {host}. Ingenting hämtas därifrån förrän du väljer att "
            "spela filmen. När du gör det får {host} veta din IP-adress och kan använda kakor."
        ),
        "external_video_play": "Spela filmen från {host}",
        "external_video_open": "Öppna filmen på {host} i stället",
        "external_video_title": "Film från {host}",
        "my_reflections_noscript": (
            "Dina svar visas här bara när JavaScript är påslaget i webbläsaren. Utan JavaScript sparas "
            "inga svar."
        ),
        "my_reflections_empty": "Du har inte skrivit några svar ännu, eller så har de inte sparats.",
        "my_reflections_other": "Frågor som inte längre finns i materialet",
        "download": "Ladda ner",
        "print": "Skriv ut",
        "delete_all": "Radera allt",
        "print_all_theme": "Tema {n} av {total}",
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
        # The interactive layer: answers, progress, film, print.
        "your_answer": "Your answer",
        "answer_printed": "Your answer:",
        "progress_label": "How far you have come",
        "progress_summary_none": "You have finished 0 of {total} themes.",
        "progress_hint": "Choose the themes in any order. Your progress is remembered only if you save on this device.",
        "theme_not_started": "Not started",
        "save_choice": "Save my answers on this device",
        "save_note": (
            "If you leave this unticked, your answers are kept only until you leave or reload the page. "
            "On a computer that others use too, leave it unticked, or delete everything on the page My reflections when you are done."
        ),
        "theme_status": "Status",
        "video_transcript": "Read what the film says and shows",
        "video_unsupported": "Your browser cannot show the film. Read the text of the film below.",
        "external_video_notice": (
            "The film is on another website, {host}. Nothing is loaded from there until you choose to play "
            "the film. When you do, {host} learns your IP address and may use cookies."
        ),
        "external_video_play": "Play the film from {host}",
        "external_video_open": "Open the film on {host} instead",
        "external_video_title": "Film from {host}",
        "my_reflections_noscript": (
            "Your answers are shown here only when JavaScript is turned on in your browser. Without "
            "JavaScript no answers are saved."
        ),
        "my_reflections_empty": "You have not written any answers yet, or they have not been saved.",
        "my_reflections_other": "Questions no longer in the material",
        "download": "Download",
        "print": "Print",
        "delete_all": "Delete everything",
        "print_all_theme": "Theme {n} of {total}",
    },
}


LANGUAGE_NAMES = {"sv": "Svenska", "en": "English"}


def t(locale: str, key: str, **values: object) -> str:
    text = STRINGS.get(locale, STRINGS["sv"])[key]
    return text.format(**values) if values else text


def format_date(value: date) -> str:
    return value.isoformat()
