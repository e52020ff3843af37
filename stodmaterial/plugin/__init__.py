"""The MkDocs plugin that turns a tenant file and the content into one tenant's site."""
