"""Patterns of the editors' sources that more than one module reads (the lint, the question index, the
risk guide's data check)."""

import re

BLOCK_START = re.compile(r"^(/{3,})\s*([A-Za-z][\w-]*)?")
BLOCK_END = re.compile(r"^/{3,}\s*$")
OPTION = re.compile(r"^ {4}([a-z][\w-]*):\s*(.*?)\s*$")
TENANT_FIELD = re.compile(r"\{\{\s*tenant\.([A-Za-z_]+)\s*\}\}")


def id_difference(sv_ids: list[str], en_ids: list[str]) -> list[str]:
    """How an English list of ids differs from the Swedish one, in words for an editor."""
    missing = [i for i in sv_ids if i not in en_ids]
    extra = [i for i in en_ids if i not in sv_ids]
    detail = []
    if missing:
        detail.append(f"saknas: {', '.join(missing)}")
    if extra:
        detail.append(f"finns bara här: {', '.join(extra)}")
    return detail
