"""Files of the built site that no reader's browser ever loads, left out of bundles.

- Source maps (`*.map`): only a developer's tools ask for them.
- Material's search worker loads, for the languages of the search index, `lunr/min/lunr.<lang>.min.js`
  (not for English, which lunr has built in), `lunr.stemmer.support.min.js` when any is needed,
  `lunr.multi.min.js` for more than one language, `lunr/tinyseg.js` for Japanese and `lunr/wordcut.js`
  for Hindi and Thai (material/templates/assets/javascripts/workers/search.*.min.js). Every other
  lunr file is dead weight, so the set kept is derived from the tenant's languages.
"""

from __future__ import annotations

import re

LUNR = "assets/javascripts/lunr/"
LUNR_LANGUAGE = re.compile(r"^assets/javascripts/lunr/min/lunr\.([a-z]{2})\.min\.js$")


def lunr_files(languages: list[str]) -> set[str]:
    """The lunr files Material's search worker can load for a site in `languages`."""
    keep = {f"{LUNR}min/lunr.stemmer.support.min.js", f"{LUNR}min/lunr.multi.min.js"}
    for language in languages:
        if language != "en":  # lunr's own language: built in, no file (a fact of lunr, not of our languages)
            keep.add(f"{LUNR}min/lunr.{language}.min.js")
        if language == "ja":
            keep.add(f"{LUNR}tinyseg.js")
        if language in ("hi", "th"):
            keep.add(f"{LUNR}wordcut.js")
    return keep


def never_loaded(site_paths: list[str], languages: list[str]) -> set[str]:
    """The paths (relative to the site's root) that a bundle can leave out."""
    keep = lunr_files(languages)
    return {
        path for path in site_paths
        if path.endswith(".map") or (path.startswith(LUNR) and path not in keep)
    }
