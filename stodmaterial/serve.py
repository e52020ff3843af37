"""`stodmaterial serve`: a live preview built by the one build path.

Each change under docs/, themes/, tenants/, overrides/ or mkdocs.yml rebuilds the tenant's site with
build_site (the same code as `stodmaterial build`) into .cache/serve/<slug>, checked first
(preview.guarded_build). A failed build shows the problems in the terminal and on every page of the
preview; each page served carries a small live-reload script, so the browser reloads by itself when the
next build is done. No part of the engine's own server is used.
"""

from __future__ import annotations

import http.server
import shutil
import sys
import threading
import time
from datetime import date
from pathlib import Path
from types import SimpleNamespace

from stodmaterial.paths import Layout
from stodmaterial.preview import guarded_build, port_problem

POLL_SECONDS = 0.5
RELOAD_PATH = "/__stodmaterial_livereload"
# livereload: asks the preview for its build number and reloads the page when it changes.
RELOAD_SCRIPT = (
    "<script>/* stodmaterial livereload */(function(){var seen=null;function ask(){"
    "fetch('" + RELOAD_PATH + "',{cache:'no-store'}).then(function(r){return r.text()}).then(function(n){"
    "if(seen!==null&&n!==seen){location.reload()}seen=n}).catch(function(){})}setInterval(ask,1000);ask()})();</script>"
).encode()


class Preview:
    def __init__(self, layout: Layout, slug: str, today: date):
        from stodmaterial.build import build_site

        self.layout = layout
        self.site = layout.root / ".cache" / "serve" / slug
        self.errors = layout.root / ".cache" / "serve" / f".{slug}.fel"
        self.out = self.site
        self.generation = 0
        self.build = guarded_build(layout, slug, today, lambda config: build_site(layout, slug, Path(config.site_dir), today=today),
                                   out=sys.stdout, error_dir=self.errors)

    def rebuild(self) -> None:
        if self.errors.exists():
            shutil.rmtree(self.errors)
        ok = self.build(SimpleNamespace(site_dir=str(self.site)))
        # A failed build keeps the last good site built, but every page shows the problems.
        self.out = self.site if ok else self.errors
        self.generation += 1

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
            if self.path == RELOAD_PATH:
                return self._send(200, "text/plain; charset=utf-8", str(preview.generation).encode())
            path = Path(self.translate_path(self.path))
            if path.is_dir():
                path = path / "index.html"
            if path.suffix == ".html" or not path.exists():
                page = path if path.is_file() else preview.out / "404.html"
                try:
                    body = page.read_bytes()
                except OSError:
                    body = b"<!doctype html><html lang=\"sv\"><title>Bygger</title><p>Bygger webbplatsen ...</p></html>"
                body = body.replace(b"</body>", RELOAD_SCRIPT + b"</body>") if b"</body>" in body else body + RELOAD_SCRIPT
                return self._send(200 if path.is_file() else 404, "text/html; charset=utf-8", body)
            return super().do_GET()

        def _send(self, status: int, kind: str, body: bytes) -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    return Handler


def watch(preview: Preview, wait=lambda: time.sleep(POLL_SECONDS)) -> None:
    """Build, then build again after each change, until interrupted. Each stamp is taken before its build,
    so a file saved while a build runs (the first one too) is built next."""
    stamp = preview.sources_stamp()
    preview.rebuild()
    while True:
        wait()  # polling the editor's files: no file-system events on every host
        now = preview.sources_stamp()
        if now != stamp:
            stamp = now
            preview.rebuild()


def serve(layout: Layout, slug: str, host: str, port: int, today: date) -> int:
    if (why := port_problem(host, port)):
        print(f"Förhandsvisningen startade inte: {why}", file=sys.stderr)
        return 1
    preview = Preview(layout, slug, today)
    try:
        server = http.server.ThreadingHTTPServer((host, port), _handler(preview))
    except OSError as error:
        print(f"Förhandsvisningen startade inte: {error.strerror}. Välj en annan port med --port.", file=sys.stderr)
        return 1
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"Förhandsvisning av '{slug}': öppna http://{host}:{port}/ i webbläsaren när första bygget är klart.")
    print("Sidan laddas om när du sparar en fil. Fel visas här och i webbläsaren. Stoppa med Ctrl+C.", flush=True)
    try:
        watch(preview)
    except KeyboardInterrupt:
        print("Förhandsvisningen är stoppad.")
    finally:
        server.shutdown()
    return 0
