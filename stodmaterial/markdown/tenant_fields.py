"""Inline `{{ tenant.name }}` (and the other fields in TENANT_FIELDS) in body text.

In a variant build the field becomes a slot (fleet/slots.py), filled per tenant and escaped for the
context it ends up in; `check` rejects the field where no context is safe (headings, attributes, raw
HTML). Otherwise (a reference rendering) the value is literal text.
"""

from __future__ import annotations

import logging

from markdown import Markdown
from markdown.inlinepatterns import InlineProcessor
from markdown.util import AtomicString

from stodmaterial.markdown.context import ContextExtension
from stodmaterial.markdown.escaping import literal
from stodmaterial.render_context import TENANT_FIELDS

log = logging.getLogger("mkdocs.plugins.stodmaterial")
FIELD_PATTERN = r"\{\{\s*tenant\.([A-Za-z_]+)\s*\}\}"


class TenantFieldProcessor(InlineProcessor):
    def __init__(self, pattern: str, extension: "TenantFieldsExtension"):
        super().__init__(pattern)
        self.extension = extension

    def handleMatch(self, m, data):
        context = self.extension.context
        fields = context.tenant_fields()
        name = m.group(1)
        if name not in fields:
            log.warning(f"{context.page}: unknown field {{{{ tenant.{name} }}}}; known: {', '.join(TENANT_FIELDS)}")
            return AtomicString(m.group(0)), m.start(0), m.end(0)
        return literal(fields[name]), m.start(0), m.end(0)


class TenantFieldsExtension(ContextExtension):
    def extendMarkdown(self, md: Markdown) -> None:
        self.setup(md)
        # Above backticks (190) would break code spans; 185 runs right after them.
        md.inlinePatterns.register(TenantFieldProcessor(FIELD_PATTERN, self), "stodmaterial-tenant", 185)


def makeExtension(**kwargs):
    return TenantFieldsExtension(**kwargs)
