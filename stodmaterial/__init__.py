"""Stödmaterial: builds one offline, bilingual learning site per licensed municipality or region."""

__version__ = "0.1.0"
