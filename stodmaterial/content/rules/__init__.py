"""Lint rules for editors' pages, one module a rule; content/check.py runs each on every page."""
