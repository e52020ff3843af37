"""Inline `{{ tenant.name }}` (and the other fields in TENANT_FIELDS) in any page, escaped as text."""

from __future__ import annotations

import logging

from markdown import Markdown
from markdown.inlinepatterns import InlineProcessor
from markdown.util import AtomicString

from stodmaterial.markdown.context import ContextExtension
from stodmaterial.render_context import RenderContext, TENANT_FIELDS

log = logging.getLogger("mkdocs.plugins.stodmaterial")
FIELD_PATTERN = r"\{\{\s*tenant\.([A-Za-z_]+)\s*\}\}"


class TenantFieldProcessor(InlineProcessor):
    def __init__(self, pattern: str, context: RenderContext):
        super().__init__(pattern)
        self.context = context

    def handleMatch(self, m, data):
        fields = self.context.tenant_fields()
        name = m.group(1)
        if name not in fields:
            log.warning(f"{self.context.page}: unknown field {{{{ tenant.{name} }}}}; known: {', '.join(TENANT_FIELDS)}")
            return AtomicString(m.group(0)), m.start(0), m.end(0)
        return AtomicString(fields[name]), m.start(0), m.end(0)


class TenantFieldsExtension(ContextExtension):
    def extendMarkdown(self, md: Markdown) -> None:
        # Above backticks (190) would break code spans; 185 runs right after them.
        md.inlinePatterns.register(TenantFieldProcessor(FIELD_PATTERN, self.getConfig("context")), "stodmaterial-tenant", 185)


def makeExtension(**kwargs):
    return TenantFieldsExtension(**kwargs)
