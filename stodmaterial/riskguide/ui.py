"""Interface text of the risk guide and the preparation plan, in every site language: the language
files' tables riskguide, riskguide_model and plan (stodmaterial/languages/<code>.yml).

Texts with {name} are filled in by the page's scripts (riskguide-ui.js, riskguide-view.js,
preparation-plan.js) or by the renderer."""

from __future__ import annotations

from stodmaterial import i18n

RISKGUIDE = "riskguide"
MODEL = "riskguide_model"
PLAN = "plan"


def strings(table: str, locale: str) -> dict[str, str]:
    """One table's texts in `locale` (the default language's for an unknown locale)."""
    return dict(getattr(i18n.get(locale), table))
