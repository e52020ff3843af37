"""Interface text that the generator writes into pages, and that the scripts write themselves, in
every site language: the `strings` table of each language file (stodmaterial/languages/<code>.yml,
read by stodmaterial/i18n.py). The scripts' texts (SCRIPT_KEYS) reach the browser as a classic script
written by the build (`script_strings_js`, assets/javascripts/stodmaterial/strings.js); the scripts
pick the page's language with smDom.texts() (dom.js)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from stodmaterial import i18n

# The keys the scripts read; only these go to the browser.
SCRIPT_KEYS = (
    "save", "saveNote", "saveOn", "saveOff", "saveUnavailable",
    "status", "notStarted", "begun", "done", "progressSummary", "progressSummaryBegun", "progressHint",
    "doneTitle", "doneLabel", "doneNoteSaved", "doneNoteMemory", "doneLink", "doneOn", "doneOff", "toStart",
    "emptySaved", "emptyMemory", "downloadName", "downloadTitle", "downloadIntro", "downloadNone", "downloadStarted",
    "confirmText", "confirmYes", "confirmNo", "deleted", "cancelled", "exitPressesOne", "exitPresses", "menuClose",
    "menuBack",
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
    languages = i18n.registry().languages
    table = {language.code: {key: language.strings[key] for key in SCRIPT_KEYS} for language in languages}
    body = ",".join(f"{_js_json(code)}:{_js_json(texts)}" for code, texts in table.items())
    return (
        "/* Written by the build from stodmaterial/languages/ (script_strings_js); do not edit. */\n"
        f"window.stodmaterialStrings = {{{body}}};\n"
    )


def write_script_strings(site_dir: Path) -> None:
    """Write strings.js into a staged docs tree (or any site root)."""
    target = site_dir / SCRIPT_STRINGS_PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(script_strings_js(), encoding="utf-8")


def format_date(value: date) -> str:
    return value.isoformat()
