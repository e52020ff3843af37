"""What every stodmaterial Markdown extension shares: the page's RenderContext as its `context` option.

The plugin (stodmaterial/plugin/plugin.py) passes `{"context": RenderContext}` to each module in its
EXTENSIONS list, page by page.
"""

from __future__ import annotations

from markdown import Markdown
from markdown.extensions import Extension
from pymdownx.blocks import BlocksExtension
from pymdownx.blocks.block import Block

from stodmaterial.render_context import RenderContext


def context_option() -> dict:
    # The default must not be None: Python-Markdown would parse the value as a boolean.
    return {"context": ["", "RenderContext of the page being rendered"]}


class ContextExtension(Extension):
    """A plain Python-Markdown extension that receives the page's RenderContext."""

    def __init__(self, **kwargs):
        self.config = context_option()
        super().__init__(**kwargs)

    @property
    def context(self) -> RenderContext:
        return self.getConfig("context")


class ContextBlock(Block):
    """A pymdownx block that reads the page's RenderContext; its content is Markdown."""

    @property
    def context(self) -> RenderContext:
        return self.config["context"]

    def on_markdown(self) -> str:
        return "block"


class ContextBlocksExtension(BlocksExtension):
    """Registers the blocks in BLOCKS, each with the page's RenderContext."""

    BLOCKS: tuple[type[Block], ...] = ()

    def __init__(self, *args, **kwargs):
        self.config = context_option()
        super().__init__(*args, **kwargs)

    def extendMarkdownBlocks(self, md: Markdown, block_mgr) -> None:
        if not isinstance(self.getConfig("context"), RenderContext):
            raise ValueError(f"{type(self).__module__} needs a RenderContext; build through the stodmaterial plugin")
        for block in self.BLOCKS:
            block_mgr.register(block, self.getConfigs())
