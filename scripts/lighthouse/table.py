"""Print one row per Lighthouse report (JSON files given on the command line), and the targets."""

from __future__ import annotations

import json
import sys

TARGETS = "Mål: tillgänglighet, bästa praxis och SEO 100; prestanda minst 95; CLS högst 0,05."


def main() -> int:
    rows, ok = [], True
    for path in sys.argv[1:]:
        report = json.load(open(path, encoding="utf-8"))
        scores = {k: round(100 * (v["score"] or 0)) for k, v in report["categories"].items()}
        cls = report["audits"]["cumulative-layout-shift"]["numericValue"]
        kb = report["audits"]["total-byte-weight"]["numericValue"] / 1024
        page = report["finalDisplayedUrl"].split("/", 3)[-1] or "index.html"
        rows.append((page, scores["performance"], scores["accessibility"], scores["best-practices"], scores["seo"], cls, kb))
        ok &= scores["accessibility"] == scores["best-practices"] == scores["seo"] == 100
        ok &= scores["performance"] >= 95 and cls <= 0.05
    print(f"{'sida (mobil)':38} {'prest.':>6} {'tillg.':>6} {'praxis':>6} {'SEO':>4} {'CLS':>6} {'kB':>7}")
    for page, perf, a11y, bp, seo, cls, kb in rows:
        print(f"{page:38} {perf:6d} {a11y:6d} {bp:6d} {seo:4d} {cls:6.3f} {kb:7.1f}")
    print(TARGETS, "Uppfyllda." if ok else "EJ uppfyllda.")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
