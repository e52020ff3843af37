"""`stodmaterial serve`: a live preview built by the one build path.

Each change under docs/, themes/, tenants/ or overrides/ rebuilds the tenant's site with build_site (the
same code as `stodmaterial build`) into .cache/serve/<slug>. A failed build keeps the last good preview
and every page shows the problems, with file, line and fix, until the next good build; the terminal
shows them too.
"""

from __future__ import annotations

import html
import http.server
import sys
import threading
import time
from datetime import date
from pathlib import Path

from stodmaterial.paths import Layout
from stodmaterial.problems import Problem, ProblemError

POLL_SECONDS = 0.5


class Preview:
    def __init__(self, layout: Layout, slug: str, today: date):
        self.layout, self.slug, self.today = layout, slug, today
        self.out = layout.root / ".cache" / "serve" / slug
        self.problems: list[Problem] = []
        self.lock = threading.Lock()

    def rebuild(self) -> None:
        from stodmaterial.build import build_site

        try:
            build_site(self.layout, self.slug, self.out, today=self.today)
        except ProblemError as error:
            problems = error.problems
        else:
            problems = []
        with self.lock:
            self.problems = problems
        for problem in problems:
            print(problem.format(self.layout.root), file=sys.stderr)
        print("Bygget misslyckades: rätta felen ovan, så byggs förhandsvisningen igen." if problems else "Förhandsvisningen är uppdaterad.", flush=True)

    def error_page(self) -> bytes | None:
        with self.lock:
            problems = list(self.problems)
        if not problems:
            return None
        items = "".join(f"<li><code>{html.escape(p.format(self.layout.root))}</code></li>" for p in problems)
        return (
            "<!doctype html><html lang=\"sv\"><head><meta charset=\"utf-8\"><title>Bygget misslyckades</title></head>"
            f"<body><main><h1>Bygget misslyckades</h1><p>Rätta det här och spara filen, så byggs sidan igen.</p><ul>{items}</ul></main></body></html>"
        ).encode("utf-8")

    def sources_stamp(self) -> tuple:
        newest = []
        for folder in (self.layout.docs, self.layout.themes, self.layout.tenants, self.layout.overrides, self.layout.config_file):
            paths = [folder] if folder.is_file() else folder.rglob("*")
            newest.append(max((p.stat().st_mtime_ns for p in paths if p.is_file()), default=0))
        return tuple(newest)


def _handler(preview: Preview):
    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(preview.out), **kwargs)

        def do_GET(self):
            page = preview.error_page()
            if page is not None and (self.path.endswith("/") or self.path.endswith(".html")):
                self.send_response(500)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(page)))
                self.end_headers()
                self.wfile.write(page)
                return
            super().do_GET()

        def log_message(self, *args):
            pass

    return Handler


def serve(layout: Layout, slug: str, dev_addr: str, today: date) -> int:
    host, _, port = dev_addr.rpartition(":")
    preview = Preview(layout, slug, today)
    preview.rebuild()
    try:
        server = http.server.ThreadingHTTPServer((host or "127.0.0.1", int(port)), _handler(preview))
    except OSError as error:
        print(f"Kan inte starta förhandsvisningen på {dev_addr}: {error.strerror}. Välj en annan port, t.ex. --dev-addr 127.0.0.1:8001.", file=sys.stderr)
        return 1
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"Förhandsvisning: http://{host or '127.0.0.1'}:{port}/  (stoppa med Ctrl+C)", flush=True)
    stamp = preview.sources_stamp()
    try:
        while True:
            time.sleep(POLL_SECONDS)
            now = preview.sources_stamp()
            if now != stamp:
                stamp = now
                preview.rebuild()
    except KeyboardInterrupt:
        print("Förhandsvisningen är stoppad.")
    finally:
        server.shutdown()
    return 0
