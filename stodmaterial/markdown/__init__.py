"""Python-Markdown extensions for the site's own building blocks (pymdownx Blocks API)."""
