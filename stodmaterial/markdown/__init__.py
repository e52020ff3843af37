"""Python-Markdown extensions for the site's own building blocks (pymdownx Blocks API).

EXTENSIONS is the one registration list: a new block is one module here plus one line below. The build
hands each of them the variant's RenderContext as its `context` option; each page's own language and
path come from the line stage.py writes at the top of every staged page (markdown/context.py).
"""

EXTENSIONS = (
    "stodmaterial.markdown.blocks",
    "stodmaterial.markdown.tenant_fields",
    "stodmaterial.markdown.my_reflections",
    "stodmaterial.markdown.print_all",
    "stodmaterial.markdown.video",
    "stodmaterial.markdown.quick_exit",
    "stodmaterial.markdown.riskguide",
    "stodmaterial.markdown.checklists",
    "stodmaterial.markdown.scenario",
    "stodmaterial.markdown.session",
)
