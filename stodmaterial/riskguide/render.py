"""The risk guide's HTML: the tool's accessible skeleton (riskguide-ui.js brings it to life) and the
plain-language description of the model, both built from the data file so they can never drift."""

from __future__ import annotations

import xml.etree.ElementTree as etree

from stodmaterial.riskguide.html import fmt, heading, json_script, sub, tail
from stodmaterial.riskguide.model import Question, RiskGuide, Step
from stodmaterial.riskguide.ui import MODEL, RISKGUIDE, strings

FORMAT = 1          # version of the link format (#rg1.…); riskguide-codec.js reads and writes it
MAX_MATTERS = 30
MAX_LABEL = 60
MATTER = "__M__"    # replaced by each matter's key when riskguide-view.js copies a template


def _data(guide: RiskGuide, locale: str) -> dict:
    def step(s: Step) -> dict:
        return {
            "title": s.title,
            "thresholds": {"moderate": s.thresholds.moderate, "high": s.thresholds.high},
            "questions": [
                {
                    "id": q.id,
                    "short": q.short,
                    "options": [{"id": o.id, "text": o.text, "weight": o.weight, "atLeast": o.at_least} for o in q.options],
                }
                for q in s.questions
            ],
        }

    return {
        "format": FORMAT,
        "version": guide.version,
        "maxMatters": MAX_MATTERS,
        "maxLabel": MAX_LABEL,
        "levels": [
            {"id": lv.id, "name": lv.name, "summary": lv.summary, "measures": [{"id": m.id, "text": m.text} for m in lv.measures]}
            for lv in guide.levels
        ],
        "quick": step(guide.quick),
        "deep": step(guide.deep),
        "ui": strings(RISKGUIDE, locale),
    }


def _question(parent: etree.Element, step_name: str, question: Question) -> None:
    base = f"sm-rg-{MATTER}-{step_name}-{question.id}"
    fieldset = sub(parent, "fieldset", {"class": "sm-rg-q", "data-question": question.id})
    sub(fieldset, "legend", {"class": "sm-rg-q__text"}, question.text)
    if question.help:
        sub(fieldset, "p", {"class": "sm-rg-q__help", "id": f"{base}-help"}, question.help)
        fieldset.set("aria-describedby", f"{base}-help")
    options = sub(fieldset, "div", {"class": "sm-rg-q__options"})
    for option in question.options:
        row = sub(options, "div", {"class": "sm-rg-q__option"})
        sub(row, "input", {"type": "radio", "id": f"{base}-{option.id}", "name": base, "value": option.id})
        sub(row, "label", {"for": f"{base}-{option.id}"}, option.text)


def _template(parent: etree.Element, step_name: str, step: Step) -> None:
    template = sub(parent, "template", {"class": "sm-rg__tpl", "data-step": step_name, "data-search-exclude": ""})
    box = sub(template, "div", {"class": f"sm-rg-questions sm-rg-questions--{step_name}"})
    if step.intro:
        sub(box, "p", {"class": "sm-rg-questions__intro"}, step.intro)
    for question in step.questions:
        _question(box, step_name, question)


def render_tool(parent: etree.Element, guide: RiskGuide, locale: str) -> etree.Element:
    ui = strings(RISKGUIDE, locale)
    # The tool's controls stay out of the search index. Material's indexer compares elements by tag
    # name, so each excluded element holds no element of its own tag.
    root = sub(parent, "div", {"class": "sm-rg", "data-sm-riskguide": ""})
    sub(root, "p", {"class": "sm-rg__nojs", "data-search-exclude": ""}, ui["nojs"])
    app = sub(root, "div", {"class": "sm-rg__app", "hidden": "hidden"})
    sub(app, "p", {"class": "sm-rg__notice", "hidden": "hidden"})

    step1 = sub(app, "section", {"class": "sm-rg__step", "aria-labelledby": "sm-rg-step1", "data-search-exclude": ""})
    heading(step1, 2, guide.quick.title, {"id": "sm-rg-step1"})
    form = sub(step1, "form", {"class": "sm-rg__add", "novalidate": "novalidate"})
    sub(form, "label", {"for": "sm-rg-label", "class": "sm-rg__label"}, ui["label_label"])
    sub(form, "p", {"class": "sm-rg__hint", "id": "sm-rg-label-hint"}, ui["label_hint"])
    sub(form, "p", {"class": "sm-rg__error", "id": "sm-rg-label-error", "hidden": "hidden"}, ui["label_missing"])
    row = sub(form, "div", {"class": "sm-rg__add-row"})
    sub(row, "input", {
        "type": "text", "id": "sm-rg-label", "name": "label", "maxlength": str(MAX_LABEL),
        "autocomplete": "off", "spellcheck": "false", "aria-describedby": "sm-rg-label-hint",
    })
    sub(row, "button", {"type": "submit", "class": "sm-btn sm-btn--primary"}, ui["add"])
    sub(step1, "p", {"class": "sm-rg__empty"}, ui["empty"])
    sub(step1, "ol", {"class": "sm-rg__matters", "aria-label": ui["matters"]})

    summary = sub(app, "section", {"class": "sm-rg__summary", "aria-labelledby": "sm-rg-summary", "data-search-exclude": ""})
    heading(summary, 2, ui["summary_title"], {"id": "sm-rg-summary"})
    sub(summary, "div", {"class": "sm-rg__summary-body"})
    # The assessment stays in the page's memory; a link is made only when the reader asks for one.
    tools = sub(summary, "div", {"class": "sm-rg__tools"})
    sub(tools, "p", {"class": "sm-rg__hint", "id": "sm-rg-memory"}, ui["memory"])
    for action, cls in (("link", "sm-btn sm-btn--primary"), ("print", "sm-btn"), ("clear", "sm-btn")):
        attrs = {"type": "button", "class": cls, "data-action": action}
        if action == "link":
            attrs["aria-describedby"] = "sm-rg-memory"
        sub(tools, "button", attrs, ui[action])
    link = sub(summary, "div", {"class": "sm-rg__link", "hidden": "hidden"})
    sub(link, "label", {"for": "sm-rg-link", "class": "sm-rg__label"}, ui["link_label"])
    sub(link, "p", {"class": "sm-rg__hint", "id": "sm-rg-link-hint"}, ui["link_hint"])
    sub(link, "p", {"class": "sm-rg__link-stale", "id": "sm-rg-link-stale", "hidden": "hidden"}, ui["link_stale"])
    sub(link, "input", {
        "type": "text", "id": "sm-rg-link", "readonly": "readonly", "autocomplete": "off", "spellcheck": "false",
        "aria-describedby": "sm-rg-link-hint sm-rg-link-stale",
    })
    sub(sub(link, "div", {"class": "sm-rg__link-tools"}), "button", {"type": "button", "class": "sm-btn", "data-action": "copy"}, ui["copy"])

    sub(app, "div", {"class": "sm-visually-hidden", "role": "status", "aria-live": "polite", "aria-atomic": "true"})
    _template(app, "quick", guide.quick)
    _template(app, "deep", guide.deep)
    json_script(root, "sm-rg__data", _data(guide, locale))
    return root


def _model_step(parent: etree.Element, step: Step, guide: RiskGuide, text: dict[str, str]) -> None:
    heading(parent, 3, step.title)
    names = {level.id: level.name for level in guide.levels}
    questions = sub(parent, "ol", {"class": "sm-rg-model__questions"})
    for question in step.questions:
        item = sub(questions, "li")
        line = sub(item, "p")
        tail(sub(line, "strong", text=question.short), " ")
        sub(line, "span", text=question.text)
        answers = sub(item, "ul")
        for option in question.options:
            answer = sub(answers, "li")
            points = fmt(text["points"], n=option.weight)
            if option.at_least:
                points += ", " + fmt(text["floor"], level=names[option.at_least].lower())
            tail(sub(answer, "span", text=option.text), f": {points}.")
    thresholds = step.thresholds
    sub(parent, "p", text=fmt(text["max"], n=step.max_score))
    ranges = sub(parent, "ul", {"class": "sm-rg-model__ranges"})
    sub(ranges, "li", text=fmt(text["range_low"], max=thresholds.moderate - 1, level=names["low"]))
    if thresholds.high - 1 == thresholds.moderate:
        sub(ranges, "li", text=fmt(text["range_single"], n=thresholds.moderate, level=names["moderate"]))
    else:
        sub(ranges, "li", text=fmt(text["range_moderate"], low=thresholds.moderate, high=thresholds.high - 1, level=names["moderate"]))
    sub(ranges, "li", text=fmt(text["range_high"], min=thresholds.high, level=names["high"]))


def render_model(parent: etree.Element, guide: RiskGuide, locale: str) -> etree.Element:
    """Every question, answer, point, threshold and measure, as the tool uses them."""
    text = strings(MODEL, locale)
    root = sub(parent, "div", {"class": "sm-rg-model"})
    _model_step(root, guide.quick, guide, text)
    _model_step(root, guide.deep, guide, text)
    heading(root, 3, text["levels"])
    for level in guide.levels:
        heading(root, 4, level.name)
        sub(root, "p", text=level.summary)
        measures = sub(root, "ul")
        for measure in level.measures:
            sub(measures, "li", text=measure.text)
    return root
