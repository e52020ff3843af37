from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class StodmaterialConfig(Config):
    # Which tenants/<slug>/ to build; `mkdocs build` at the repo root builds the demo tenant.
    tenant = c.Type(str, default="exempelkommun")
    # Where the staged sources go; default .cache/stage/<tenant>/ beside mkdocs.yml.
    staging_dir = c.Optional(c.Type(str))
