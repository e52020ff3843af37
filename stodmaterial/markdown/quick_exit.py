"""`/// quick-exit-status`: one sentence on whether this site has the quick-exit button.

For the page "Lämna sidan snabbt", which every site has; the button itself is a tenant option
(tenant.yml: quick_exit.enabled), placed on every page by overrides/main.html.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown.util import AtomicString

from stodmaterial.markdown.context import ContextBlock, ContextBlocksExtension
from stodmaterial.i18n import t

# The sentences are the language files' quick_exit_on and quick_exit_off (stodmaterial/languages/).
TEXT_KEY = {True: "quick_exit_on", False: "quick_exit_off"}


class QuickExitStatus(ContextBlock):
    NAME = "quick-exit-status"
    # Reads only the tenant's flag, a boolean and so part of the fleet's build variant: the output is
    # the same for every tenant of a variant, and the block is not TENANT_DEPENDENT.

    def on_create(self, parent):
        context = self.context
        enabled = bool(context.tenant.quick_exit.enabled)
        box = etree.SubElement(parent, "p", {"class": "sm-quick-exit-status"})
        strong = etree.SubElement(box, "strong")
        strong.text = AtomicString(t(context.locale, TEXT_KEY[enabled]))
        return etree.SubElement(parent, "div", {"class": "sm-quick-exit-status__after"})


class QuickExitExtension(ContextBlocksExtension):
    BLOCKS = (QuickExitStatus,)


def makeExtension(*args, **kwargs):
    return QuickExitExtension(*args, **kwargs)
