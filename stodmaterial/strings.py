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
        "theme_status": "Status",
        "video_transcript": "Läs det som sägs och visas i filmen",
        "video_chapters": "Kapitel",
        "easy_read_link": "Lättläst",
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
        "template_download": "Ladda ner som textfil",
        "template_clear": "Töm fälten",
        # Learning design: scenario exercises, optional questions, the facilitator's sessions.
        "scenario": "Övning",
        "scenario_label": "Situationen är sammansatt och fiktiv.",
        "scenario_feedback": "Kommentar:",
        "scenario_more": "Läs mer i avsnittet",
        "reflection_optional": "Du behöver inte svara.",
        "session_questions": "Frågor till samtalet",
        "session_from": "Från temat",
        "session_present_hint": (
            "Visar frågorna en i taget, i stor text, till exempel på en projektor. Byt fråga med "
            "piltangenterna eller knapparna. Esc stänger. Ingenting sparas."
        ),
        # Learning-platform package (stodmaterial/lms/) and PDF (stodmaterial/pdf.py).
        "material_title": "Hot och hat med sexistiska inslag – stödmaterial",
        "material_description": "Stödmaterial för förtroendevalda om hot, hat och våld med inslag av sexistisk karaktär.",
        "lms_tools": "Dina verktyg",
        "pdf_page": "Sida {page} av {pages}",
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
        "theme_status": "Status",
        "video_transcript": "Read what the film says and shows",
        "video_chapters": "Chapters",
        "easy_read_link": "Easy-to-read Swedish",
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
        "template_download": "Download as a text file",
        "template_clear": "Empty the fields",
        # Learning design: scenario exercises, optional questions, the facilitator's sessions.
        "scenario": "Exercise",
        "scenario_label": "This situation is a composite and fictional.",
        "scenario_feedback": "Comment:",
        "scenario_more": "Read more in the section",
        "reflection_optional": "You don't have to answer.",
        "session_questions": "Questions for the conversation",
        "session_from": "From the theme",
        "session_present_hint": (
            "Shows the questions one at a time, in large text, for example on a projector. Move between "
            "them with the arrow keys or the buttons. Escape closes. Nothing is stored."
        ),
        # Learning-platform package (stodmaterial/lms/) and PDF (stodmaterial/pdf.py).
        "material_title": "Sexist threats and hate – support material",
        "material_description": "Support material for elected officials on threats, hate and violence of a sexist character.",
        "lms_tools": "Your tools",
        "pdf_page": "Page {page} of {pages}",
    },
}


LANGUAGE_NAMES = {"sv": "Svenska", "en": "English"}


def t(locale: str, key: str, **values: object) -> str:
    text = STRINGS.get(locale, STRINGS["sv"])[key]
    return text.format(**values) if values else text


def format_date(value: date) -> str:
    return value.isoformat()
