"""Learning themes: one folder each under themes/, with theme.yml (metadata) and its pages."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, create_model

from stodmaterial import i18n
from stodmaterial.model_errors import validation_problems
from stodmaterial.problems import Problem, ProblemError
from stodmaterial.tenant.model import SLUG
from stodmaterial.yamlsource import load_yaml

THEME_FILE = "theme.yml"
URL_PREFIX = "teman"


class ThemeText(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    title: str = Field(min_length=3, max_length=120)
    summary: str = Field(min_length=10, max_length=240)
    goals: list[str] = Field(min_length=1, max_length=6)


class ThemeMeta(BaseModel):
    """order and minutes, and the theme's text under each language's code (sv:, en:, …): every
    registered language is required (the fields are added per registry: `theme_meta_model`)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    order: int = Field(ge=1, le=99)
    minutes: int = Field(ge=5, le=240)

    def text(self, locale: str) -> ThemeText:
        return getattr(self, locale if locale in type(self).model_fields else i18n.default_code())


@lru_cache(maxsize=8)
def _meta_model(codes: tuple[str, ...]) -> type[ThemeMeta]:
    fields: dict = {code: (ThemeText, Field(description=f"temats rubrik, sammanfattning och mål på {i18n.get(code).sv_name}")) for code in codes}
    return create_model("ThemeMeta", __base__=ThemeMeta, **fields)


def theme_meta_model() -> type[ThemeMeta]:
    """ThemeMeta with one required text per registered language."""
    return _meta_model(i18n.codes())


@dataclass(frozen=True)
class Theme:
    slug: str
    folder: Path
    meta: ThemeMeta

    def text(self, locale: str) -> ThemeText:
        return self.meta.text(locale)

    @property
    def src_uri(self) -> str:
        """Where the theme's index page lives in the built site's source tree."""
        return f"{URL_PREFIX}/{self.slug}/index.md"


def load_themes(themes_dir: Path) -> list[Theme]:
    """Every theme, ordered for the start page. Raises ProblemError listing every problem."""
    themes, problems = [], []
    for folder in sorted(p for p in themes_dir.iterdir() if p.is_dir()):
        path = folder / THEME_FILE
        if not SLUG.match(folder.name):
            problems.append(Problem(folder, "mappnamnet är inget giltigt kortnamn.", "Använd små bokstäver a–z, siffror och bindestreck."))
            continue
        if not path.is_file():
            problems.append(Problem(path, "temat saknar theme.yml.", "Kopiera theme.yml från ett annat tema och fyll i det."))
            continue
        try:
            doc = load_yaml(path)
            meta = theme_meta_model().model_validate(doc.data)
        except ProblemError as error:
            problems.extend(error.problems)
            continue
        except ValidationError as error:
            problems.extend(validation_problems(error, doc, theme_meta_model(), "ett annat temas theme.yml"))
            continue
        themes.append(Theme(slug=folder.name, folder=folder, meta=meta))
    if problems:
        raise ProblemError(problems)
    return sorted(themes, key=lambda t: (t.meta.order, t.slug))
