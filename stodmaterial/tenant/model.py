"""The tenant file's schema: one licensed municipality or region.

Every string here is untrusted text. It is validated here and escaped wherever it is written.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Literal
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from stodmaterial import i18n
from stodmaterial.model_errors import shown_value
from stodmaterial.tenant.colour import AA_NORMAL_TEXT, HEX_COLOUR, WHITE, contrast_ratio

SLUG = re.compile(r"\A[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?\Z")  # \Z: "$" would accept a final newline
EMAIL = re.compile(r"^[A-Za-z0-9._%+\-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$")
PHONE = re.compile(r"^\+?[0-9][0-9 \-]*[0-9]$")
LOGO_NAME = re.compile(r"^[A-Za-z0-9_-][A-Za-z0-9._-]{0,60}\.(svg|png)$")
# C0 and C1 controls, bidirectional overrides, embeddings, isolates and marks, line and paragraph
# separators, zero-width and byte-order characters: invisible, and able to reorder or split what a
# reader sees.
FORBIDDEN = re.compile("[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]")
# The tenant file's translated fields (role_en, offers_en) are English: the one language besides Swedish
# that tenants are asked to write. On any other language's pages the Swedish text shows, marked lang="sv".
TRANSLATED = "en"


def invalid(message: str, fix: str) -> PydanticCustomError:
    return PydanticCustomError("stodmaterial", "{message}", {"message": message, "fix": fix})


def _line(value: str) -> str:
    value = value.strip()
    if (bad := FORBIDDEN.search(value)):
        what = "en radbrytning" if bad.group(0) in "\n\r\u2028\u2029" else "ett osynligt styrtecken"
        raise invalid(
            f"texten innehåller {what} (U+{ord(bad.group(0)):04X}) på tecken {bad.start() + 1}.",
            "Skriv texten på en rad, utan styrtecken: skriv om den för hand i stället för att klistra in den.",
        )
    if not value:
        raise invalid("texten är tom.", "Fyll i en text eller ta bort fältet om det är valfritt.")
    return value


def _phone(value: str) -> str:
    value = _line(value)
    digits = sum(ch.isdigit() for ch in value)
    if not PHONE.match(value) or not 5 <= digits <= 15:
        raise invalid(
            f"'{value}' är inget giltigt telefonnummer.",
            "Skriv numret med siffror, mellanslag och bindestreck, t.ex. 010-123 45 67 eller +46 10 123 45 67.",
        )
    return value


def _email(value: str) -> str:
    value = _line(value)
    if not EMAIL.match(value) or len(value) > 254:
        raise invalid(f"'{value}' är ingen giltig e-postadress.", "Skriv adressen som namn@exempel.se.")
    return value


def _url(value: str) -> str:
    value = _line(value)
    parts = urlsplit(value)
    host = parts.hostname or ""
    if parts.scheme not in ("https", "http") or "." not in host or any(c in value for c in " <>\"'`\\"):
        raise invalid(
            f"'{value}' är ingen giltig webbadress.",
            "Skriv hela adressen med https://, t.ex. https://www.exempel.se/stod.",
        )
    return value


def _colour(value: str) -> str:
    value = value.strip()
    if not HEX_COLOUR.match(value):
        raise invalid(
            f"'{value}' är ingen färgkod.",
            "Skriv färgen som # följt av sex hexadecimala tecken, inom citattecken, t.ex. \"#1f5c99\".",
        )
    ratio = contrast_ratio(value, WHITE)
    if ratio < AA_NORMAL_TEXT:
        raise invalid(
            f"färgen {value} ger för låg kontrast mot vit text ({ratio:.2f}:1; WCAG AA kräver minst 4,5:1).",
            "Välj en mörkare nyans av färgen.",
        )
    return value.lower()


def _logo_name(value: str) -> str:
    value = value.strip()
    if not LOGO_NAME.match(value):
        raise invalid(
            f"'{value}' är inget tillåtet filnamn för logotypen.",
            "Lägg logotypen i samma mapp som tenant.yml och skriv bara filnamnet, t.ex. logo.svg eller logo.png.",
        )
    return value


Line = Annotated[str, AfterValidator(_line), Field(max_length=200)]
Phone = Annotated[str, AfterValidator(_phone)]
Email = Annotated[str, AfterValidator(_email)]
Url = Annotated[str, AfterValidator(_url)]
Colour = Annotated[str, AfterValidator(_colour)]
LogoName = Annotated[str, AfterValidator(_logo_name)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


def _iso_date(value: object) -> object:
    # YAML keeps dates as text here (yamlsource.py); a bare number would otherwise be read as seconds
    # since 1970, and 20271231 would silently become a date in 1970.
    if not isinstance(value, (str, date)) or isinstance(value, str) and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        raise invalid(f"{value!r} är inget giltigt datum (skriv ÅÅÅÅ-MM-DD).", "Skriv datumet som ÅÅÅÅ-MM-DD, t.ex. 2027-12-31.")
    return value


IsoDate = Annotated[date, BeforeValidator(_iso_date)]


class Licence(Strict):
    valid_from: IsoDate = Field(description="första dagen licensen gäller, t.ex. 2026-01-01")
    valid_until: IsoDate = Field(description="sista dagen licensen gäller, t.ex. 2027-12-31")

    @model_validator(mode="after")
    def _ordered(self) -> "Licence":
        if self.valid_until < self.valid_from:
            raise invalid(
                f"licensen slutar ({self.valid_until}) innan den börjar ({self.valid_from}).",
                "Kontrollera valid_from och valid_until.",
            )
        return self


class SecurityOfficer(Strict):
    name: Line = Field(description="namnet på den säkerhetsansvariga")
    role: Line = Field(description="rollen, t.ex. Säkerhetschef")
    role_en: Line | None = Field(default=None, description="rollen på engelska, för den engelska webbplatsen, t.ex. Head of security")
    phone: Phone = Field(description="telefonnummer, t.ex. 010-123 45 67")
    email: Email = Field(description="e-postadress, t.ex. sakerhet@exempel.se")

    def role_in(self, locale: str) -> str | None:
        """The role translated into `locale`, or None (then the Swedish role shows, marked as Swedish)."""
        return self.role_en if locale == TRANSLATED else None


class LocalSupport(Strict):
    name: Line = Field(description="namnet på stödet, t.ex. Företagshälsovården")
    offers: Line = Field(description="vad stödet erbjuder, i en mening")
    offers_en: Line | None = Field(default=None, description="vad stödet erbjuder, på engelska, för den engelska webbplatsen")
    phone: Phone | None = None
    url: Url | None = None

    def offers_in(self, locale: str) -> str | None:
        """The description translated into `locale`, or None (then the Swedish one shows, marked)."""
        return self.offers_en if locale == TRANSLATED else None

    @model_validator(mode="after")
    def _reachable(self) -> "LocalSupport":
        if self.phone is None and self.url is None:
            raise invalid(
                f"stödet '{self.name}' har varken telefonnummer eller webbadress.",
                "Lägg till phone: eller url: så att läsaren kan nå stödet.",
            )
        return self


def _known_language(code: str) -> str:
    known = i18n.codes()
    if code not in known:
        names = ", ".join(f"{other} ({i18n.get(other).sv_name})" for other in known)
        raise invalid(f"språket {shown_value(code)} finns inte i materialet.", f"Skriv något av de kända språken: {names}.")
    return code


LanguageCode = Annotated[str, AfterValidator(_known_language)]


class QuickExit(Strict):
    enabled: bool = False
    url: Url = "https://www.smhi.se/"


class Tenant(Strict):
    """A licensed municipality or region. `slug` comes from the folder name, not from the file."""

    slug: str
    name: Line = Field(max_length=80, description="kommunens eller regionens namn, t.ex. Exempelkommun")
    kind: Literal["kommun", "region"] = Field(description="kommun eller region")
    licence: Licence = Field(description="licensperioden, med valid_from och valid_until")
    security_officers: list[SecurityOfficer] = Field(
        min_length=1, max_length=10, description="minst en säkerhetsansvarig med name, role, phone och email"
    )
    local_support: list[LocalSupport] = Field(default_factory=list, max_length=20)
    primary_color: Colour = Field(description="huvudfärg som \"#1f5c99\"")
    logo: LogoName = Field(description="filnamnet på logotypen i samma mapp, t.ex. logo.svg")
    languages: list[LanguageCode] = Field(default_factory=lambda: list(i18n.codes()))
    quick_exit: QuickExit = Field(default_factory=QuickExit)

    @model_validator(mode="after")
    def _languages(self) -> "Tenant":
        first = i18n.default()
        if first.code not in self.languages:
            raise invalid(
                f"{first.sv_name} ({first.code}) saknas i languages.",
                f"{first.sv_name.capitalize()} finns alltid med: skriv languages: [{first.code}] eller [{', '.join(i18n.codes())}].",
            )
        if len(set(self.languages)) != len(self.languages):
            raise invalid("ett språk står två gånger i languages.", "Skriv varje språk en gång.")
        return self

    @property
    def ordered_languages(self) -> list[str]:
        return [lang for lang in i18n.codes() if lang in self.languages]
