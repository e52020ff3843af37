"""The risk guide for matters and the personal preparation plan: data files, validation, scoring, HTML."""

from stodmaterial.riskguide.check import check_riskguide, load_plan, load_riskguide

__all__ = ["check_riskguide", "load_plan", "load_riskguide"]
