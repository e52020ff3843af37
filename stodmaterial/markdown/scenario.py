"""`/// scenario`: an exercise where the reader decides what to do and learns why, written in plain text.

    /// scenario | Övning: Fredagskvällen
        id: t3-scenario-drevet
        section: Nätverk och samordnade kampanjer
    The situation, in one or more paragraphs.

    The question, the last paragraph before the choices?

    - A choice.
      > Feedback on that choice: what happens and why.
    - Another choice.
      > Its feedback.
    ///

Two to four choices, each with feedback. `section` names a heading on the same page; the exercise
links to it. The text is plain: no Markdown, no HTML is parsed in it, everything is escaped as text.

The page carries the whole exercise as readable text (the situation, each choice with its feedback),
which is what readers get without JavaScript and on paper. scenario.js turns it into native radio
buttons in a fieldset with a button and a live region for the feedback; nothing is stored.
"""

from __future__ import annotations

import logging
import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass, field

from markdown.extensions.toc import slugify
from markdown.util import AtomicString

from stodmaterial.markdown.context import ContextBlock, ContextBlocksExtension
from stodmaterial.i18n import t

log = logging.getLogger("mkdocs.plugins.stodmaterial")
SCENARIO_ID = re.compile(r"^[a-z0-9][a-z0-9-]{1,62}$")
CHOICE = re.compile(r"^- +(.*)$")
FEEDBACK = re.compile(r"^\s*> ?(.*)$")
CHOICES = (2, 4)


@dataclass
class Choice:
    text: str
    line: int  # offset of the choice's first line in the block's content
    feedback: str = ""


@dataclass
class Scenario:
    situation: list[str] = field(default_factory=list)
    question: str = ""
    choices: list[Choice] = field(default_factory=list)


@dataclass(frozen=True)
class Fault:
    line: int  # offset in the block's content
    message: str
    fix: str


def _paragraphs(lines: list[str]) -> list[str]:
    paragraphs, current = [], []
    for line in lines + [""]:
        if line.strip():
            current.append(line.strip())
        elif current:
            paragraphs.append(" ".join(current))
            current = []
    return paragraphs


def parse_scenario(lines: list[str]) -> tuple[Scenario, list[Fault]]:
    """Read the block's content (without its options); every fault is worded for an editor, in Swedish."""
    scenario, faults = Scenario(), []
    first = next((i for i, line in enumerate(lines) if CHOICE.match(line)), None)
    before = lines if first is None else lines[:first]
    paragraphs = _paragraphs(before)
    if first is None:
        faults.append(Fault(0, "övningen har inga val.", "Skriv varje val på en egen rad som börjar med '- ', och kommentaren under på en rad som börjar med '> '."))
    if len(paragraphs) < 2:
        faults.append(Fault(0, "övningen saknar en situation och en fråga före valen.", "Beskriv situationen i ett stycke, skriv frågan i ett eget stycke under, och sedan valen."))
    else:
        scenario.situation, scenario.question = paragraphs[:-1], paragraphs[-1]
    if first is None:
        return scenario, faults
    current: Choice | None = None
    in_feedback = False
    for offset in range(first, len(lines)):
        line = lines[offset]
        if (choice := CHOICE.match(line)):
            current, in_feedback = Choice(choice.group(1).strip(), offset), False
            scenario.choices.append(current)
        elif (feedback := FEEDBACK.match(line)):
            current.feedback = f"{current.feedback} {feedback.group(1).strip()}".strip()
            in_feedback = True
        elif not line.strip():
            continue
        elif line.startswith(" "):
            if in_feedback:
                current.feedback = f"{current.feedback} {line.strip()}"
            else:
                current.text = f"{current.text} {line.strip()}"
        else:
            faults.append(Fault(offset, "text efter valen hör inte till något val.", "Flytta texten före valen, eller gör den till en kommentar med '> ' under ett val."))
    low, high = CHOICES
    if not low <= len(scenario.choices) <= high:
        faults.append(Fault(first, f"övningen har {len(scenario.choices)} val, men ska ha {low} till {high}.", "Lägg till eller ta bort val ('- ')."))
    for choice in scenario.choices:
        if not choice.text:
            faults.append(Fault(choice.line, "ett val saknar text.", "Skriv valet efter '- '."))
        if not choice.feedback:
            faults.append(Fault(choice.line, f"valet '{choice.text[:40]}' saknar kommentar.", "Skriv under valet en rad som börjar med '> ' och förklarar vad som händer och varför."))
    return scenario, faults


def section_anchor(title: str) -> str:
    """The id the toc extension gives a heading with this text (mkdocs.yml keeps toc's default slugify)."""
    return slugify(title, "-")


def _text(element: etree.Element, value: str) -> etree.Element:
    element.text = AtomicString(value)
    return element


class ScenarioBlock(ContextBlock):
    NAME = "scenario"
    ARGUMENT = True
    OPTIONS = {"id": ("", str), "section": ("", str)}

    def on_markdown(self) -> str:
        return "raw"

    def on_validate(self, parent):
        if not SCENARIO_ID.match(self.options["id"]):
            log.warning(f"{self.context.page}: a scenario lacks a valid id (id: t1-scenario-name).")
            return False
        return True

    def on_create(self, parent):
        self._root = etree.SubElement(parent, "div", {
            "class": "admonition question sm-scenario",
            "data-sm-scenario": self.options["id"],
            "role": "group",
            "aria-labelledby": f"ovning-{self.options['id']}",
        })
        return self._root

    def on_end(self, block):
        locale, sid = self.context.locale, self.options["id"]
        text = str(block.text or "")
        block.text = None
        scenario, faults = parse_scenario(text.splitlines())
        for fault in faults:
            log.warning(f"{self.context.page}: scenario '{sid}': {fault.message} (run 'stodmaterial check' for the line)")
        root = self._root
        title = self.argument or t(locale, "scenario")
        _text(etree.SubElement(root, "p", {"class": "admonition-title", "id": f"ovning-{sid}"}), title)
        _text(etree.SubElement(etree.SubElement(root, "p", {"class": "sm-scenario__label"}), "em"), t(locale, "scenario_label"))
        situation = etree.SubElement(root, "div", {"class": "sm-scenario__situation"})
        for paragraph in scenario.situation:
            _text(etree.SubElement(situation, "p"), paragraph)
        # What readers get without scripts and on paper: every choice with its feedback.
        static = etree.SubElement(root, "div", {"class": "sm-scenario__static", "data-sm-scenario-static": ""})
        _text(etree.SubElement(static, "p", {"class": "sm-scenario__question", "data-sm-scenario-question": ""}), scenario.question)
        choices = etree.SubElement(static, "ol", {"class": "sm-scenario__choices"})
        for number, choice in enumerate(scenario.choices, 1):
            item = etree.SubElement(choices, "li", {"class": "sm-scenario__choice", "data-sm-choice": str(number)})
            _text(etree.SubElement(item, "p", {"class": "sm-scenario__choice-text", "data-sm-choice-text": ""}), choice.text)
            feedback = etree.SubElement(item, "p", {"class": "sm-scenario__feedback", "data-sm-feedback": ""})
            _text(etree.SubElement(feedback, "strong"), t(locale, "scenario_feedback") + " ")
            etree.SubElement(feedback, "span").text = AtomicString(choice.feedback)
        # scenario.js puts the radio buttons here.
        etree.SubElement(root, "div", {"class": "sm-scenario__form", "data-sm-scenario-form": "", "hidden": "hidden"})
        if self.options["section"]:
            more = etree.SubElement(root, "p", {"class": "sm-scenario__more"})
            _text(more, t(locale, "scenario_more") + " ")
            link = _text(etree.SubElement(more, "a", {"href": "#" + section_anchor(self.options["section"])}), self.options["section"])
            link.tail = "."


class ScenarioExtension(ContextBlocksExtension):
    BLOCKS = (ScenarioBlock,)


def makeExtension(*args, **kwargs):
    return ScenarioExtension(*args, **kwargs)
