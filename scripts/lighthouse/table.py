"""Print one row per page from Lighthouse reports (JSON files given on the command line), and the
targets. With several runs of a page, the row is the run with the median performance score."""

from __future__ import annotations

import json
import sys

TARGETS = "Mål: tillgänglighet, bästa praxis och SEO 100; prestanda minst 95; CLS högst 0,05."


def main() -> int:
    runs: dict[str, list[tuple]] = {}
    for path in sys.argv[1:]:
        report = json.load(open(path, encoding="utf-8"))
        scores = {k: round(100 * (v["score"] or 0)) for k, v in report["categories"].items()}
        cls = report["audits"]["cumulative-layout-shift"]["numericValue"]
        kb = report["audits"]["total-byte-weight"]["numericValue"] / 1024
        page = report["finalDisplayedUrl"].split("/", 3)[-1] or "index.html"
        runs.setdefault(page, []).append((page, scores["performance"], scores["accessibility"], scores["best-practices"], scores["seo"], cls, kb))
    rows, ok = [], True
    for page, found in runs.items():
        found.sort(key=lambda row: row[1])
        row = found[len(found) // 2]
        rows.append(row)
        _, perf, a11y, bp, seo, cls, _ = row
        ok &= a11y == bp == seo == 100 and perf >= 95 and max(r[5] for r in found) <= 0.05
        if len(found) > 1:
            print(f"{page}: prestanda i {len(found)} körningar: {', '.join(str(r[1]) for r in found)}")
    print(f"{'sida (mobil)':38} {'prest.':>6} {'tillg.':>6} {'praxis':>6} {'SEO':>4} {'CLS':>6} {'kB':>7}")
    for page, perf, a11y, bp, seo, cls, kb in rows:
        print(f"{page:38} {perf:6d} {a11y:6d} {bp:6d} {seo:4d} {cls:6.3f} {kb:7.1f}")
    print(TARGETS, "Uppfyllda." if ok else "EJ uppfyllda.")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
