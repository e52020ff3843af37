"""One search index per language.

mkdocs-static-i18n merges every language into one index, so a Swedish query on the English site finds
Swedish pages. Here the merged index is split: `search/` for the default language and `<lang>/search/`
for each other one, with locations relative to that language's root (the templates set the search base
to the language root to match), plus `search_index.js` copies for the offline (file://) case.
"""

from __future__ import annotations

import json
from pathlib import Path


def split_search_index(site: Path, default: str, languages: list[str], offline: bool) -> None:
    merged_path = site / "search" / "search_index.json"
    if not merged_path.is_file():
        return
    merged = json.loads(merged_path.read_text(encoding="utf-8"))
    others = [lang for lang in languages if lang != default]
    buckets: dict[str, list[dict]] = {lang: [] for lang in languages}
    for doc in merged["docs"]:
        lang = next((o for o in others if doc["location"].startswith(f"{o}/")), default)
        if lang != default:
            doc = {**doc, "location": doc["location"][len(lang) + 1 :]}
        buckets[lang].append(doc)
    for lang, docs in buckets.items():
        folder = site / "search" if lang == default else site / lang / "search"
        folder.mkdir(parents=True, exist_ok=True)
        index = {"config": {**merged["config"], "lang": [lang]}, "docs": docs}
        data = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
        (folder / "search_index.json").write_text(data, encoding="utf-8")
        if offline:
            (folder / "search_index.js").write_text(f"var __index = {data}", encoding="utf-8")
