"""Patterns of the editors' Markdown that more than one module reads (the lint, the question index)."""

import re

BLOCK_START = re.compile(r"^(/{3,})\s*([A-Za-z][\w-]*)?")
BLOCK_END = re.compile(r"^/{3,}\s*$")
OPTION = re.compile(r"^ {4}([a-z][\w-]*):\s*(.*?)\s*$")
TENANT_FIELD = re.compile(r"\{\{\s*tenant\.([A-Za-z_]+)\s*\}\}")
