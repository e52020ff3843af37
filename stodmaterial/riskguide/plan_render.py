"""The preparation plan's HTML: the self-assessment and every step of the plan, with the tenant's
contacts filled in. Without JavaScript the whole plan shows; preparation-plan.js keeps the steps that fit the
reader's answers and adds print, download and (only under the reader's choice) storage."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from stodmaterial import i18n
from stodmaterial.riskguide.html import heading, json_script, sub, tail
from stodmaterial.riskguide.plan import PHASES, Plan, PlanQuestion, PlanStep
from stodmaterial.riskguide.ui import PLAN, strings
from stodmaterial.i18n import t
from stodmaterial.markdown.context import tenant_box
from stodmaterial.render_context import RenderContext
from stodmaterial.tenant.model import Tenant

FORMAT = 1
STORE_KEY = "plan:answers"


def _fill(text: str, name: str) -> str:
    return text.replace("{organisation}", name)


def _tel(phone: str) -> str:
    return "tel:" + re.sub(r"[^0-9+]", "", phone)


def _question(parent: etree.Element, question: PlanQuestion, tenant: str) -> None:
    base = f"sm-plan-{question.id}"
    fieldset = sub(parent, "fieldset", {"class": "sm-rg-q", "data-question": question.id})
    sub(fieldset, "legend", {"class": "sm-rg-q__text"}, _fill(question.text, tenant))
    if question.help:
        sub(fieldset, "p", {"class": "sm-rg-q__help", "id": f"{base}-help"}, _fill(question.help, tenant))
        fieldset.set("aria-describedby", f"{base}-help")
    options = sub(fieldset, "div", {"class": "sm-rg-q__options"})
    kind = "checkbox" if question.multiple else "radio"
    for option in question.options:
        row = sub(options, "div", {"class": "sm-rg-q__option"})
        sub(row, "input", {"type": kind, "id": f"{base}-{option.id}", "name": base, "value": option.id})
        sub(row, "label", {"for": f"{base}-{option.id}"}, _fill(option.text, tenant))


def _contacts(parent: etree.Element, step: PlanStep, tenant: Tenant, locale: str) -> None:
    # tenant.yml is written in Swedish: on other pages its words carry lang="sv" (WCAG 3.1.2).
    swedish = i18n.marked_default(locale)
    if step.contacts == "security_officers":
        people = sub(parent, "ul", {"class": "sm-plan__contacts"})
        for officer in tenant.security_officers:
            item = sub(people, "li")
            tail(sub(item, "span", {"class": "sm-plan__contact-name"}, officer.name), ", ")
            tail(sub(item, "span", swedish, officer.role), f". {t(locale, 'phone')}: ")
            tail(sub(item, "a", {"href": _tel(officer.phone)}, officer.phone), f". {t(locale, 'email')}: ")
            tail(sub(item, "a", {"href": f"mailto:{officer.email}"}, officer.email), ".")
    elif step.contacts == "local_support" and tenant.local_support:
        places = sub(parent, "ul", {"class": "sm-plan__contacts"})
        for support in tenant.local_support:
            item = sub(places, "li")
            tail(sub(item, "span", {"class": "sm-plan__contact-name", **swedish}, support.name), " – ")
            last = sub(item, "span", swedish, support.offers)
            if support.phone:
                tail(last, f" {t(locale, 'phone')}: ")
                last = sub(item, "a", {"href": _tel(support.phone)}, support.phone)
            if support.url:
                tail(last, f" {t(locale, 'web')}: ")
                last = sub(item, "a", {"href": support.url}, support.url)


def render_plan(parent: etree.Element, plan: Plan, context: RenderContext) -> etree.Element:
    """The plan for the page's context; the tenant's name is a slot and its contacts a block slot in a
    variant build (fleet/slots.py)."""
    locale = context.locale
    tenant = context.tenant_fields()["name"]
    ui = strings(PLAN, locale)
    # Left out of the search index (tenant values). Material's indexer compares elements by tag name,
    # so a nested element of the same tag would end the exclusion early: the form and the section are
    # excluded each on its own, and neither holds another form or section.
    root = sub(parent, "div", {"class": "sm-plan", "data-sm-plan": ""})

    form = sub(root, "form", {"class": "sm-plan__form", "aria-labelledby": "sm-plan-assessment", "data-search-exclude": ""})
    heading(form, 2, ui["assessment"], {"id": "sm-plan-assessment"})
    for question in plan.questions:
        _question(form, question, tenant)

    section = sub(root, "section", {"class": "sm-plan__plan", "aria-labelledby": "sm-plan-title", "data-search-exclude": ""})
    heading(section, 2, ui["plan"], {"id": "sm-plan-title"})
    sub(section, "p", {"class": "sm-plan__intro", "hidden": "hidden"}, ui["plan_intro"])
    sub(section, "p", {"class": "sm-plan__nojs"}, ui["nojs"])
    for phase in PHASES:
        heading(section, 3, ui[phase], {"id": f"sm-plan-{phase}"})
        steps = sub(section, "ul", {"class": "sm-plan__steps", "data-phase": phase})
        for step in (s for s in plan.steps if s.phase == phase):
            attrs = {"class": "sm-plan__step", "data-step": step.id}
            if step.always:
                attrs["data-always"] = "true"
            item = sub(steps, "li", attrs)
            sub(item, "span", {"class": "sm-plan__text"}, _fill(step.text, tenant))
            if step.contacts:
                tenant_box(context, item, "div", {"class": "sm-plan__contacts-box"},
                           lambda box, real, step=step: _contacts(box, step, real, locale))
    save = sub(section, "div", {"class": "sm-plan__save", "hidden": "hidden"})
    row = sub(save, "div", {"class": "sm-rg-q__option"})
    sub(row, "input", {"type": "checkbox", "id": "sm-plan-save", "aria-describedby": "sm-plan-save-note"})
    sub(row, "label", {"for": "sm-plan-save"}, ui["save"])
    sub(save, "p", {"class": "sm-rg-q__help", "id": "sm-plan-save-note"}, ui["save_note"])
    tools = sub(section, "div", {"class": "sm-plan__tools", "hidden": "hidden"})
    for action, cls in (("download", "sm-btn sm-btn--primary"), ("print", "sm-btn"), ("clear", "sm-btn")):
        sub(tools, "button", {"type": "button", "class": cls, "data-action": action}, ui[action])
    sub(section, "p", {"class": "sm-plan__storage", "hidden": "hidden"})

    sub(root, "div", {"class": "sm-visually-hidden", "role": "status", "aria-live": "polite", "aria-atomic": "true"})
    json_script(root, "sm-plan__data", {
        "format": FORMAT,
        "version": plan.version,
        "storeKey": STORE_KEY,
        "organisation": tenant,
        "questions": [
            {"id": q.id, "multiple": q.multiple, "options": [{"id": o.id, "steps": o.steps} for o in q.options]}
            for q in plan.questions
        ],
        "ui": {**ui, "file_title": _fill(ui["file_title"], tenant)},
    })
    return root
