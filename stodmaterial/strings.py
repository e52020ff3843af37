"""Interface text that the generator writes into pages, and that the scripts write themselves, in
every site language. The scripts' texts (SCRIPT_KEYS) reach the browser as a classic script written by
the build (`script_strings_js`, assets/javascripts/stodmaterial/strings.js); the scripts pick the
page's language with smDom.texts() (dom.js)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

DEFAULT_LOCALE = "sv"

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
        # The scripts (interactive.js), keyed as they read them; {name} is filled in by the script.
        "save": "Spara mina svar på den här enheten",
        "saveNote": (
            "Om du inte kryssar i rutan finns dina svar bara kvar tills du lämnar eller laddar om sidan. "
            "Använder du en dator som andra också använder? Låt rutan vara tom, eller radera allt på sidan "
            "Mina reflektioner när du är klar."
        ),
        "saveOn": "Dina svar och hur långt du har kommit sparas nu i webbläsaren på den här enheten.",
        "saveOff": "Ingenting sparas längre på den här enheten. Det som var sparat är borttaget.",
        "saveUnavailable": (
            "Den här webbläsaren låter inte webbplatsen spara något. Dina svar finns bara kvar tills du lämnar sidan."
        ),
        "status": "Status",
        "notStarted": "Inte påbörjat",
        "begun": "Påbörjat",
        "done": "Klart",
        "progressSummary": "Du har gjort klart {done} av {total} teman.",
        "progressSummaryBegun": "Du har gjort klart {done} av {total} teman och påbörjat {begun}.",
        "progressHint": (
            "Välj temana i vilken ordning du vill. Hur långt du har kommit sparas bara om du sparar på den här enheten."
        ),
        "doneTitle": "Klar med temat?",
        "doneLabel": "Jag har gått igenom det här temat",
        "doneNoteSaved": "Markeringen syns på startsidan.",
        "doneNoteMemory": "Markeringen syns på startsidan bara om du sparar dina svar på den här enheten.",
        "doneLink": "Välj att spara",
        "doneOn": "Temat är markerat som klart.",
        "doneOff": "Temat är inte längre markerat som klart.",
        "toStart": "Tillbaka till startsidan",
        "emptySaved": "Du har inga sparade svar på den här enheten.",
        "emptyMemory": (
            "Ingenting är sparat på den här enheten. Svar sparas bara om du väljer \"Spara mina svar på den "
            "här enheten\". Annars försvinner de när du lämnar sidan där du skrev dem."
        ),
        # Templates, scenarios and the presentation view (templates.js, scenario.js, presentation.js).
        "presentOpen": "Visa i presentationsläge",
        "presentPrevious": "Föregående",
        "presentNext": "Nästa",
        "presentClose": "Stäng",
        "presentSlide": "Bild",
        "presentFullscreen": "Helskärm",
        "presentKeys": "Piltangenterna: nästa och föregående. Esc: stäng.",
        "presentPosition": "Bild {n} av {total}",
        "scenarioShow": "Visa kommentaren",
        "scenarioChooseFirst": "Välj ett av svaren först.",
        "scenarioYouChose": "Du valde: ",
        "scenarioComment": "Kommentar: ",
        "templateEmpty": "(inte ifyllt)",
        "templateConfirmText": "Vill du tömma alla fält i mallen? Det du har skrivit här tas bort från sidan och från den här enheten.",
        "templateConfirmYes": "Ja, töm fälten",
        "templateConfirmNo": "Avbryt",
        "templateCleared": "Fälten är tomma. Ingenting från mallen finns kvar.",
        "templateCancelled": "Ingenting togs bort.",
        "templateDate": "Nedladdad ",
        "templateDownloaded": "Filen {name} laddas ner.",
        # The answers box on a theme page (interactive.js).
        "pageAnswersTitle": "Dina svar på den här sidan",
        "pageAnswersMemory": "Dina svar sparas inte på den här enheten: de försvinner när du lämnar sidan. Vill du ha kvar dem? Ladda ner dem eller skriv ut sidan.",
        "pageAnswersSaved": "Dina svar sparas på den här enheten. Du kan också ladda ner dem eller skriva ut sidan.",
        "pageDownload": "Ladda ner mina svar",
        "pagePrint": "Skriv ut sidan med mina svar",
        "pageDownloadName": "mina-svar-{page}.md",
        "pageDownloadStarted": "Filen {name} laddas ner.",
        "downloadName": "mina-reflektioner.md",
        "downloadTitle": "Mina reflektioner",
        "downloadIntro": "Dina svar på reflektionsfrågorna, nedladdade ",
        "downloadNone": "Inga svar.",
        "downloadStarted": "Filen mina-reflektioner.md laddas ner.",
        "confirmText": (
            "Vill du radera alla dina svar, hur långt du har kommit och valet att spara, allt som webbplatsen "
            "har sparat på den här enheten?"
        ),
        "confirmYes": "Ja, radera allt",
        "confirmNo": "Avbryt",
        "deleted": "Allt är raderat. Webbplatsen har ingenting sparat på den här enheten.",
        "cancelled": "Ingenting raderades.",
        "exitPressesOne": "Skift: tryck {n} gång till för att lämna sidan.",
        "exitPresses": "Skift: tryck {n} gånger till för att lämna sidan.",
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
        # The scripts (interactive.js), keyed as they read them; {name} is filled in by the script.
        "save": "Save my answers on this device",
        "saveNote": (
            "If you leave this unticked, your answers are kept only until you leave or reload the page. "
            "On a computer that others use too, leave it unticked, or delete everything on the page My "
            "reflections when you are done."
        ),
        "saveOn": "Your answers and your progress are now saved in this browser on this device.",
        "saveOff": "Nothing is saved on this device any more. What was saved has been removed.",
        "saveUnavailable": (
            "This browser does not allow the site to save anything. Your answers are kept only until you leave the page."
        ),
        "status": "Status",
        "notStarted": "Not started",
        "begun": "Begun",
        "done": "Done",
        "progressSummary": "You have finished {done} of {total} themes.",
        "progressSummaryBegun": "You have finished {done} of {total} themes, and begun {begun}.",
        "progressHint": "Choose the themes in any order. Your progress is remembered only if you save on this device.",
        "doneTitle": "Finished with this theme?",
        "doneLabel": "I have worked through this theme",
        "doneNoteSaved": "The mark shows on the start page.",
        "doneNoteMemory": "The mark shows on the start page only if you save your answers on this device.",
        "doneLink": "Choose to save",
        "doneOn": "The theme is marked as done.",
        "doneOff": "The theme is no longer marked as done.",
        "toStart": "Back to the start page",
        "emptySaved": "You have no saved answers on this device.",
        "emptyMemory": (
            "Nothing is saved on this device. Answers are saved only if you choose \"Save my answers on this "
            "device\"; otherwise they are gone when you leave the page where you wrote them."
        ),
        # Templates, scenarios and the presentation view (templates.js, scenario.js, presentation.js).
        "presentOpen": "Show in presentation view",
        "presentPrevious": "Previous",
        "presentNext": "Next",
        "presentClose": "Close",
        "presentSlide": "Slide",
        "presentFullscreen": "Full screen",
        "presentKeys": "Arrow keys: next and previous. Escape: close.",
        "presentPosition": "Slide {n} of {total}",
        "scenarioShow": "Show the comment",
        "scenarioChooseFirst": "Choose one of the answers first.",
        "scenarioYouChose": "You chose: ",
        "scenarioComment": "Comment: ",
        "templateEmpty": "(not filled in)",
        "templateConfirmText": "Empty every field of this template? What you wrote here is removed from this page and from this device.",
        "templateConfirmYes": "Yes, empty the fields",
        "templateConfirmNo": "Cancel",
        "templateCleared": "The fields are empty. Nothing from this template is kept.",
        "templateCancelled": "Nothing was removed.",
        "templateDate": "Downloaded on ",
        "templateDownloaded": "The file {name} is being downloaded.",
        # The answers box on a theme page (interactive.js).
        "pageAnswersTitle": "Your answers on this page",
        "pageAnswersMemory": "Your answers are not saved on this device: they are gone when you leave the page. To keep them, download them or print the page.",
        "pageAnswersSaved": "Your answers are saved on this device. You can also download them or print the page.",
        "pageDownload": "Download my answers",
        "pagePrint": "Print the page with my answers",
        "pageDownloadName": "my-answers-{page}.md",
        "pageDownloadStarted": "The file {name} is being downloaded.",
        "downloadName": "my-reflections.md",
        "downloadTitle": "My reflections",
        "downloadIntro": "Your answers to the reflection questions, downloaded on ",
        "downloadNone": "No answers.",
        "downloadStarted": "The file my-reflections.md is being downloaded.",
        "confirmText": (
            "Delete all your answers, your progress and your choice to save, everything this site has stored "
            "on this device?"
        ),
        "confirmYes": "Yes, delete everything",
        "confirmNo": "Cancel",
        "deleted": "Everything is deleted. The site has nothing stored on this device.",
        "cancelled": "Nothing was deleted.",
        "exitPressesOne": "Shift: press {n} more time to leave the page.",
        "exitPresses": "Shift: press {n} more times to leave the page.",
    },
}


LANGUAGE_NAMES = {"sv": "Svenska", "en": "English"}

# The keys the scripts read (the block above marked "The scripts"); only these go to the browser.
SCRIPT_KEYS = (
    "save", "saveNote", "saveOn", "saveOff", "saveUnavailable",
    "status", "notStarted", "begun", "done", "progressSummary", "progressSummaryBegun", "progressHint",
    "doneTitle", "doneLabel", "doneNoteSaved", "doneNoteMemory", "doneLink", "doneOn", "doneOff", "toStart",
    "emptySaved", "emptyMemory", "downloadName", "downloadTitle", "downloadIntro", "downloadNone", "downloadStarted",
    "confirmText", "confirmYes", "confirmNo", "deleted", "cancelled", "exitPressesOne", "exitPresses",
    "pageAnswersTitle", "pageAnswersMemory", "pageAnswersSaved", "pageDownload", "pagePrint", "pageDownloadName",
    "pageDownloadStarted",
    "presentOpen", "presentPrevious", "presentNext", "presentClose", "presentSlide", "presentFullscreen", "presentKeys", "presentPosition", "scenarioShow", "scenarioChooseFirst", "scenarioYouChose", "scenarioComment", "templateEmpty", "templateConfirmText", "templateConfirmYes", "templateConfirmNo", "templateCleared", "templateCancelled", "templateDate", "templateDownloaded",
)

SCRIPT_STRINGS_PATH = "assets/javascripts/stodmaterial/strings.js"  # under the site root, for mkdocs.yml


def _js_json(value: object) -> str:
    """JSON that stays inert in any JavaScript context: ASCII only (so U+2028/U+2029 and the file's
    encoding cannot matter), and no <, > or & (so the text could even sit in an inline script)."""
    text = json.dumps(value, ensure_ascii=True, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def script_strings_js() -> str:
    """The scripts' texts as a classic script: window.stodmaterialStrings = {locale: {key: text}}.
    The default language comes first, which is where smDom.texts() falls back."""
    locales = [DEFAULT_LOCALE] + [locale for locale in STRINGS if locale != DEFAULT_LOCALE]
    table = {locale: {key: STRINGS[locale][key] for key in SCRIPT_KEYS} for locale in locales}
    body = ",".join(f"{_js_json(locale)}:{_js_json(table[locale])}" for locale in locales)
    return (
        "/* Written by the build from stodmaterial/strings.py (script_strings_js); do not edit. */\n"
        f"window.stodmaterialStrings = {{{body}}};\n"
    )


def write_script_strings(site_dir: Path) -> None:
    """Write strings.js into a staged docs tree (or any site root)."""
    target = site_dir / SCRIPT_STRINGS_PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(script_strings_js(), encoding="utf-8")


def t(locale: str, key: str, **values: object) -> str:
    text = STRINGS.get(locale, STRINGS[DEFAULT_LOCALE])[key]
    return text.format(**values) if values else text


def format_date(value: date) -> str:
    return value.isoformat()
