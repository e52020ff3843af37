"""The MkDocs adapter (also used for ProperDocs, which answers the same imports): mkdocs.yml as the
engine's settings, Material as the theme, mkdocs-static-i18n for the languages."""
