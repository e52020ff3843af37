"""The site's languages, as data: one file per language in stodmaterial/languages/<code>.yml.

Each file holds everything that differs between languages and is not content: the language's names,
the engine's site-level values (site name, navigation titles, palette labels), every interface text
(the generator's, the scripts', the risk guide's, the templates') and the words the content check
looks for. Adding a language is a new file here plus its pages (`name.<code>.md`), and the code in the
tenant's `languages`. The default language (exactly one: Swedish) is the language of the editors, of
tenant files and of every page without a language suffix.

The files are validated when first read (`registry()`): every language must have exactly the keys of
the default one, or the problem names the file, the line and the fix, in Swedish.

STODMATERIAL_LANGUAGES_DIR replaces the folder, for trying out a new language before adding it (and
for tests); it reaches subprocesses like any environment variable.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from stodmaterial.model_errors import validation_problems
from stodmaterial.problems import Problem, ProblemError
from stodmaterial.yamlsource import YamlDocument, load_yaml

LANGUAGES_DIR = Path(__file__).parent / "languages"
LANGUAGES_ENV = "STODMATERIAL_LANGUAGES_DIR"
CODE = r"^[a-z]{2,3}$"
# The interface tables every language has, each with exactly the default language's keys.
TABLES = ("strings", "riskguide", "riskguide_model", "plan")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SiteText(_Strict):
    """The engine's site-level values in this language (mkdocs-static-i18n's per-language options)."""

    site_name: str = Field(min_length=1)
    site_description: str = Field(min_length=1)
    dark_mode: str = Field(min_length=1, description="the palette toggle's label in the light scheme")
    light_mode: str = Field(min_length=1, description="the palette toggle's label in the dark scheme")
    nav: dict[str, str] = Field(default_factory=dict, description="the navigation's section titles, from the Swedish ones in mkdocs.yml")


class ContentWords(_Strict):
    """What the content check looks for on this language's pages."""

    sources: str = Field(min_length=1, description="the heading of a theme's source list, e.g. Källor")
    image_description: str = Field(min_length=1, description="the title of a graphic's text description, e.g. Bildbeskrivning")
    review_note: str = Field(min_length=1, description="a regular expression for the review note, with the groups who and when")
    review_example: str = Field(min_length=1)
    number_words: str = Field(min_length=1, description="one to ten as words, separated by |")
    denominator_words: str = Field(min_length=1)
    ratio_words: str = Field(min_length=1)
    lix: bool = Field(default=False, description="whether the readability measure LIX applies (Swedish)")


class Language(_Strict):
    code: str = Field(pattern=CODE, description="the language's code, e.g. sv; the pages' suffix: name.<code>.md")
    name: str = Field(min_length=1, description="the language's own name, in the language switcher, e.g. Svenska")
    sv_name: str = Field(min_length=1, description="its name in Swedish, for editors' messages, e.g. engelska")
    sv_adjective: str = Field(min_length=1, description="its adjective in Swedish, e.g. engelsk (engelsk översättning)")
    default: bool = False
    order: int = Field(ge=1, le=99)
    search: str | None = Field(default=None, description="the search's language (lunr), or none")
    site: SiteText
    content: ContentWords
    strings: dict[str, str]
    riskguide: dict[str, str]
    riskguide_model: dict[str, str]
    plan: dict[str, str]

    def text(self, key: str, **values: object) -> str:
        text = self.strings[key]
        return text.format(**values) if values else text

    def review_pattern(self) -> re.Pattern[str]:
        return re.compile(self.content.review_note)


@dataclass(frozen=True)
class Registry:
    languages: tuple[Language, ...]  # in order, the default first

    @property
    def default(self) -> Language:
        return self.languages[0]

    def codes(self) -> tuple[str, ...]:
        return tuple(language.code for language in self.languages)

    def get(self, code: str) -> Language:
        for language in self.languages:
            if language.code == code:
                return language
        return self.default


def languages_dir() -> Path:
    override = os.environ.get(LANGUAGES_ENV, "").strip()
    return Path(override) if override else LANGUAGES_DIR


def registry() -> Registry:
    """Every language, validated (a ProblemError in Swedish otherwise). Cached per folder: every
    interface text is looked up here, so a call touches no file once the folder is read."""
    return _registry_for(os.environ.get(LANGUAGES_ENV, "").strip())


@lru_cache(maxsize=8)
def _registry_for(override: str) -> Registry:
    return _load(str(languages_dir().resolve()))


def _missing_keys_problems(language: Language, default: Language, doc: YamlDocument) -> list[Problem]:
    problems = []
    for table in TABLES:
        expected, found = getattr(default, table), getattr(language, table)
        missing = [key for key in expected if key not in found]
        extra = [key for key in found if key not in expected]
        if missing:
            problems.append(Problem(
                doc.path, f"{table}: texterna {', '.join(missing)} saknas.",
                f"Lägg till dem med texten på {language.sv_name}; jämför med {default.code}.yml.",
                doc.line_of((table,)),
            ))
        if extra:
            problems.append(Problem(
                doc.path, f"{table}: texterna {', '.join(extra)} finns inte i {default.code}.yml.",
                f"Ta bort dem, eller lägg till dem i alla språk, också i {default.code}.yml.",
                doc.line_of((table, extra[0])),
            ))
    return problems


def _load(folder: str) -> Registry:
    directory = Path(folder)
    problems: list[Problem] = []
    loaded: list[tuple[Language, YamlDocument]] = []
    files = sorted(directory.glob("*.yml")) if directory.is_dir() else []
    if not files:
        raise ProblemError([Problem(directory, "mappen har inga språkfiler (<kod>.yml).", "Lägg sv.yml (och de andra språken) i mappen.")])
    for path in files:
        try:
            doc = load_yaml(path)
            language = Language.model_validate(doc.data)
        except ProblemError as error:
            problems.extend(error.problems)
            continue
        except ValidationError as error:
            problems.extend(validation_problems(error, doc, Language, "stodmaterial/languages/sv.yml"))
            continue
        if language.code != path.stem:
            problems.append(Problem(path, f"filen heter {path.name} men code är '{language.code}'.",
                                    f"Döp filen till {language.code}.yml eller skriv code: {path.stem}.", doc.line_of(("code",))))
            continue
        loaded.append((language, doc))
    defaults = [language for language, _ in loaded if language.default]
    if not problems and len(defaults) != 1:
        problems.append(Problem(directory, f"{len(defaults)} språk har default: true, men exakt ett ska ha det.",
                                "Skriv default: true bara i sv.yml (svenska, redaktörernas språk)."))
    if problems:
        raise ProblemError(problems)
    default = defaults[0]
    for language, doc in loaded:
        problems.extend(_missing_keys_problems(language, default, doc))
    if problems:
        raise ProblemError(problems)
    ordered = sorted((language for language, _ in loaded), key=lambda language: (not language.default, language.order, language.code))
    return Registry(tuple(ordered))


# The functions the rest of the package uses.

def codes() -> tuple[str, ...]:
    """Every registered language's code, the default first."""
    return registry().codes()


def default() -> Language:
    return registry().default


def default_code() -> str:
    return registry().default.code


def get(code: str) -> Language:
    """The language `code`, or the default language for an unknown code."""
    return registry().get(code)


def is_default(code: str) -> bool:
    return code == default_code()


def marked_default(locale: str) -> dict[str, str]:
    """Attributes for default-language text (tenant files, Swedish names) on a page in `locale`:
    none on a default-language page, lang="<default>" on any other (WCAG 3.1.2)."""
    return {} if is_default(locale) else {"lang": default_code()}


def t(locale: str, key: str, **values: object) -> str:
    """Interface text `key` in `locale` (the default language's for an unknown locale)."""
    return get(locale).text(key, **values)


SUFFIX = re.compile(r"\.([a-z]{2,3})\.[a-z0-9]+$")


def locale_of(path: Path | str) -> str:
    """The language of a page or data file by its suffix: name.<code>.md; no suffix: the default.
    Only registered codes count, so a name such as `a.b.md` is a default-language page."""
    name = Path(path).name
    match = SUFFIX.search(name)
    return match.group(1) if match and match.group(1) in codes() else default_code()


def localized(path: Path, locale: str) -> Path:
    """`index.md` -> `index.<locale>.md` (the default language's file is the plain name)."""
    return path if is_default(locale) else path.with_name(f"{path.stem}.{locale}{path.suffix}")


def unlocalized(path: Path) -> Path:
    """`index.<code>.md` -> `index.md`: the default language's twin of a page."""
    locale = locale_of(path)
    if is_default(locale):
        return path
    return path.with_name(path.name.removesuffix(f".{locale}{path.suffix}") + path.suffix)
