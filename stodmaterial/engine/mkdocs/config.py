from mkdocs.config.base import Config


class StodmaterialConfig(Config):
    """The plugin takes no options: everything it needs comes with the EngineRequest."""
