"""The hosted service's own static pages: the neutral start page and the error pages.

None of them names or lists a tenant: the start page is the same for everyone, and the login page
(401) is the answer both for a tenant without credentials and for a path that is no tenant at all.
Each page is Swedish with an English part marked lang="en". No scripts, one shared style sheet.
These pages belong to the host, not to a tenant's site, so they do not follow the site languages
(stodmaterial/languages/): anyone may land on them, and English is the one other language every
visitor is assumed to read.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass

STYLESHEET = "sida.css"
ROBOTS = "User-agent: *\nDisallow: /\n"


@dataclass(frozen=True)
class Text:
    heading: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class Page:
    title: str
    sv: Text
    en: Text


START = Page(
    "Stödmaterial om hot och hat med sexistiska inslag",
    Text("Stödmaterial om hot och hat med sexistiska inslag", (
        "Här finns SKR:s stödmaterial för förtroendevalda i kommuner och regioner som har licens för materialet.",
        "Din organisation har en egen adress och en egen inloggning. Du får båda av din organisations "
        "säkerhetsansvariga. Vet du inte vem det är? Fråga kansliet eller nämndsekreteraren.",
    )),
    Text("Support material on sexist threats and hate", (
        "This is SKR's support material for elected officials in municipalities and regions that hold a licence.",
        "Your organisation has its own address and its own login. You get both from your organisation's "
        "security officer.",
    )),
)

LOGIN = Page(
    "Logga in",
    Text("Logga in för att läsa stödmaterialet", (
        "Skriv användarnamnet och lösenordet som du har fått av din organisations säkerhetsansvariga. "
        "Kopiera gärna lösenordet i stället för att skriva det.",
        "Har du inget lösenord, eller fungerar det inte? Kontakta din säkerhetsansvariga. "
        "Lösenordet kan ha bytts.",
    )),
    Text("Log in to read the support material", (
        "Enter the user name and password that you got from your organisation's security officer.",
        "No password, or does it not work? Contact your security officer; the password may have been changed.",
    )),
)

LOCKED = Page(
    "Stödmaterialet är stängt",
    Text("Stödmaterialet är stängt just nu", (
        "Din organisations licens för stödmaterialet gäller inte just nu. Därför kan du inte läsa materialet här.",
        "Kontakta din organisations säkerhetsansvariga. De kan förnya licensen hos SKR. "
        "Det du har sparat i din webbläsare finns kvar på din enhet.",
        "Behöver du stöd nu? Är någon i fara, ring 112. Vill du anmäla ett brott, ring polisen på 114 14.",
    )),
    Text("The support material is closed right now", (
        "Your organisation's licence for the support material is not valid right now, so the material cannot be read here.",
        "Contact your organisation's security officer, who can renew the licence with SKR.",
        "Do you need support now? If someone is in danger, call 112. To report a crime, call the police on 114 14.",
    )),
)

NOT_FOUND = Page(
    "Sidan finns inte",
    Text("Sidan finns inte", ("Kontrollera adressen, eller gå till startsidan.",)),
    Text("Page not found", ("Check the address, or go to the start page.",)),
)

TOO_MANY = Page(
    "Vänta en stund",
    Text("För många förfrågningar på kort tid", ("Vänta en minut och ladda sedan om sidan.",)),
    Text("Too many requests in a short time", ("Wait a minute, then reload the page.",)),
)

SERVER_ERROR = Page(
    "Tekniskt fel",
    Text("Något gick fel hos oss", ("Försök igen om en stund. Om felet finns kvar, kontakta din säkerhetsansvariga.",)),
    Text("Something went wrong on our side", ("Try again in a while. If the problem remains, contact your security officer.",)),
)

CSS = """\
:root { color-scheme: light dark; --text: #1a1a1a; --bg: #ffffff; --link: #1f4f85; --rule: #6b6b6b; }
@media (prefers-color-scheme: dark) {
  :root { --text: #f0f0f0; --bg: #161616; --link: #9cc7ff; --rule: #9a9a9a; }
}
html { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; line-height: 1.5; }
body { margin: 0; color: var(--text); background: var(--bg); }
main { max-width: 40rem; margin: 0 auto; padding: 2rem 1.25rem 3rem; }
h1 { font-size: 1.75rem; line-height: 1.25; margin: 0 0 1rem; }
h2 { font-size: 1.25rem; margin: 2.5rem 0 0.75rem; padding-top: 1.5rem; border-top: 1px solid var(--rule); }
p { margin: 0 0 1rem; }
a { color: var(--link); text-decoration: underline; }
a:focus-visible { outline: 3px solid var(--link); outline-offset: 2px; }
"""


def _section(parent: ET.Element, text: Text, heading: str, links: list[tuple[str, str]], lang: str | None) -> None:
    section = ET.SubElement(parent, "section")
    if lang:
        section.set("lang", lang)
    ET.SubElement(section, heading).text = text.heading
    for paragraph in text.paragraphs:
        ET.SubElement(section, "p").text = paragraph
    for href, label in links:
        link_paragraph = ET.SubElement(section, "p")
        ET.SubElement(link_paragraph, "a", {"href": href}).text = label


def render(page: Page, links_sv: list[tuple[str, str]] | None = None, links_en: list[tuple[str, str]] | None = None) -> str:
    """One page as HTML5. Links are absolute paths on the host (error pages are served at any URL)."""
    html = ET.Element("html", {"lang": "sv"})
    head = ET.SubElement(html, "head")
    ET.SubElement(head, "meta", {"charset": "utf-8"})
    ET.SubElement(head, "meta", {"name": "viewport", "content": "width=device-width, initial-scale=1"})
    ET.SubElement(head, "meta", {"name": "robots", "content": "noindex, nofollow"})
    ET.SubElement(head, "title").text = page.title
    ET.SubElement(head, "link", {"rel": "stylesheet", "href": "/" + STYLESHEET})
    main = ET.SubElement(ET.SubElement(html, "body"), "main")
    _section(main, page.sv, "h1", links_sv or [], None)
    _section(main, page.en, "h2", links_en or [], "en")
    return "<!DOCTYPE html>\n" + ET.tostring(html, encoding="unicode", method="html") + "\n"


def tenant_not_found(slug: str, languages: tuple[str, ...]) -> str:
    """A tenant's 404 page, linking back to its own start page (served only after its login)."""
    home_en = f"/{slug}/en/index.html" if "en" in languages else f"/{slug}/index.html"
    return render(NOT_FOUND, [(f"/{slug}/index.html", "Till stödmaterialets startsida")], [(home_en, "To the start page")])


def neutral_pages() -> dict[str, str]:
    """File name (relative to the public folder) → text, for every page that is the same for all."""
    return {
        "index.html": render(START),
        STYLESHEET: CSS,
        "robots.txt": ROBOTS,
        "_/401.html": render(LOGIN),
        "_/stangd.html": render(LOCKED),
        "_/404.html": render(NOT_FOUND, [("/", "Till startsidan")], [("/", "To the start page")]),
        "_/429.html": render(TOO_MANY),
        "_/50x.html": render(SERVER_ERROR),
    }
