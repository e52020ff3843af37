"""The CSP scanner (stodmaterial/bundle/csp.py, lexbor) against the naive way it replaced (Python's
html.parser, kept in tests/csp_reference.py), on the demo tenant's built pages, in one run.

`bundle` scans every page of every site it packs: 311 sites in a fleet's `bundle --all`. Builds the demo
tenant once, then scans its site with each scanner in turns, the order swapped each round. Prints each
side's median and fastest time, their ratio, and whether both found the same. Figures, not a test: the
machine is shared.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))


def timed(scan, site: Path) -> tuple[float, object]:
    started = time.process_time()
    found = scan(site)
    return time.process_time() - started, found


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()

    import csp_reference

    from stodmaterial.build import build_site
    from stodmaterial.bundle import csp
    from stodmaterial.paths import Layout

    with tempfile.TemporaryDirectory(prefix="bench-csp-") as temp:
        site = Path(temp) / "exempelkommun"
        build_site(Layout(ROOT), "exempelkommun", site)
        pages = sum(1 for _ in site.rglob("*.html"))
        size = sum(p.stat().st_size for p in site.rglob("*.html")) / 1e6
        sides = {"lexbor (csp.scan_site)": csp.scan_site, "html.parser (the naive way)": csp_reference.scan_site}
        times: dict[str, list[float]] = {name: [] for name in sides}
        results = {}
        for round_ in range(args.rounds):
            order = list(sides) if round_ % 2 == 0 else list(reversed(sides))
            for name in order:
                seconds, results[name] = timed(sides[name], site)
                times[name].append(seconds)
    print(f"{pages} pages, {size:.1f} MB of HTML, {args.rounds} rounds, CPU seconds per site scan:")
    for name, values in times.items():
        print(f"  {name:30} median {statistics.median(values):.3f} s   fastest {min(values):.3f} s")
    new, old = (statistics.median(v) for v in times.values())
    print(f"ratio (lexbor / html.parser): {new / old:.2f}")
    first, second = results.values()
    same = first == second
    print("same inline code found:", "yes" if same else "NO")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
