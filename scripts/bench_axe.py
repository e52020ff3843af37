"""axe with its colour parsing cached (tests/axe_source.py) against axe as shipped, in one run.

Builds the demo tenant, serves it on 127.0.0.1 and loads each page in two tabs of one headless Chromium:
one with axe as axe-playwright-python ships it, one with the tests' cache. Each tab runs the sweep's two
sets of rules (tests/test_site_browser.py: every WCAG rule and the region rule, then the colour rules) on
each page, in turns, the order swapped from page to page. Prints the axe time of each side, their ratio,
and whether both found the same violations. Figures, not a test: the machine is shared.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

RUN = """async options => { const started = performance.now(); const result = await axe.run(document, options);
  return [performance.now() - started, result.violations.map(v => v.id + ' ' + v.nodes.map(n => n.target).join(','))]; }"""


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=0, help="only every n-th page so that about this many remain (0: all)")
    args = parser.parse_args()

    from axe_source import AXE_CORE, AXE_SOURCE
    from conftest import CHROMIUM, CHROMIUM_ARGS, TODAY, _QuietHandler
    from playwright.sync_api import sync_playwright
    from test_site_browser import ALL_RULES, COLOUR_RULES

    from stodmaterial.build import build_site
    from stodmaterial.paths import Layout

    work = Path(tempfile.mkdtemp(prefix="bench-axe-"))
    try:
        site = work / "exempelkommun"
        build_site(Layout(ROOT), "exempelkommun", site, today=TODAY)
        paths = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
        if args.pages:
            paths = paths[:: max(1, len(paths) // args.pages)]
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(site)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}/"

        totals = {"plain": [0.0, 0.0], "cached": [0.0, 0.0]}
        differ = []
        started = time.perf_counter()
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            tabs = {}
            for name, source in (("plain", AXE_CORE), ("cached", AXE_SOURCE)):
                tabs[name] = browser.new_page()
                tabs[name].add_init_script(source)
            for number, path in enumerate(paths):
                order = ["plain", "cached"] if number % 2 == 0 else ["cached", "plain"]
                found = {}
                for name in order:
                    tab = tabs[name]
                    tab.goto(base + path)
                    tab.wait_for_load_state("load")
                    wcag_ms, wcag = tab.evaluate(RUN, ALL_RULES)
                    colour_ms, colour = tab.evaluate(RUN, COLOUR_RULES)
                    totals[name][0] += wcag_ms / 1000
                    totals[name][1] += colour_ms / 1000
                    found[name] = (wcag, colour)
                if found["plain"] != found["cached"]:
                    differ.append(path)
            browser.close()
        server.shutdown()

        plain, cached = sum(totals["plain"]), sum(totals["cached"])
        print(f"pages:                    {len(paths)} (each in both tabs, in turns; {time.perf_counter() - started:.0f} s in all)")
        print(f"{'':26}{'plain':>10}{'cached':>10}{'ratio':>8}")
        for label, index in (("every WCAG rule + region", 0), ("colour rules", 1)):
            a, b = totals["plain"][index], totals["cached"][index]
            print(f"{label:26}{a:9.1f}s{b:9.1f}s{b / a:8.2f}")
        print(f"{'axe in all':26}{plain:9.1f}s{cached:9.1f}s{cached / plain:8.2f}")
        print(f"same violations:          {'yes' if not differ else 'NO: ' + ', '.join(differ)}")
        return 1 if differ else 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
