"""Checks on the editors' Markdown that need no build: translations, blocks, ids, required parts."""
