"""The editor's preview, its parts: every rebuild is checked first; a mistake never stops the preview.
The editor sees the problems in the terminal and, in the browser, on an error page that names file,
line and fix and reloads by itself when the next build succeeds (serve.py runs the loop).
"""

from __future__ import annotations

import errno
import html
import socket
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from stodmaterial.paths import Layout
from stodmaterial.problems import Problem, ProblemError

# The editors' preview page: like every message to editors, Swedish only (not a site language).
PAGE = """<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Förhandsvisningen: {count} att rätta</title>
<style>
body {{ font-family: system-ui, sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; color: #1b1b1b; }}
h1 {{ font-size: 1.6rem; }}
li {{ margin-bottom: 1rem; }}
.fil {{ font-family: ui-monospace, monospace; font-weight: bold; }}
.atgard {{ display: block; }}
</style>
</head>
<body>
<main>
<h1>Förhandsvisningen kan inte visas: {count} att rätta</h1>
<p>Rätta felen nedan och spara filen. Sidan laddas om av sig själv när bygget lyckas.
Samma fel står i terminalen där du startade <code>stodmaterial serve</code>.</p>
<ol>
{items}
</ol>
</main>
</body>
</html>
"""


def error_page(layout: Layout, problems: list[Problem]) -> str:
    """The error page: every problem with file, line, what is wrong and the fix, all escaped."""
    items = []
    for problem in problems:
        path = problem.file
        try:
            path = problem.file.resolve().relative_to(layout.root.resolve())
        except ValueError:
            pass
        where = f"{path}:{problem.line}" if problem.line else str(path)
        fix = f'<span class="atgard">Åtgärd: {html.escape(problem.fix)}</span>' if problem.fix else ""
        items.append(f'<li><span class="fil">{html.escape(where)}</span>: {html.escape(problem.message)}{fix}</li>')
    return PAGE.format(count=len(problems), items="\n".join(items))


def write_error_page(layout: Layout, site_dir: Path, problems: list[Problem]) -> None:
    """Show the error page at every address of the preview: the start page, every page built before
    (so the browser's own page reloads into it) and any other address (404.html)."""
    text = error_page(layout, problems)
    site_dir.mkdir(parents=True, exist_ok=True)
    pages = {site_dir / "index.html", site_dir / "404.html", *site_dir.rglob("*.html")}
    for page in pages:
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(text, encoding="utf-8")


def guarded_build(
    layout: Layout,
    slug: str,
    today: date,
    build: Callable[..., None],
    out: Any = None,
    error_dir: Path | None = None,
) -> Callable[..., bool]:
    """`build(config)` (config.site_dir: where the preview is), checked first and never raising for the
    editor's mistakes: problems go to the terminal (`out`, default stderr) and to the error page (in
    `error_dir`, default the site folder). The returned function answers whether the build succeeded."""
    from stodmaterial.build import validate

    def run(config, **kwargs) -> bool:
        stream = out or sys.stderr
        site_dir = Path(config.site_dir)
        started = time.monotonic()
        problems: list[Problem] = []
        try:
            validate(layout, slug, today)
        except ProblemError as error:
            problems = error.problems
        if not problems:
            try:
                build(config, **kwargs)
            except ProblemError as error:
                problems = error.problems
            except Exception as error:  # the engine's own errors: never stop the preview
                problems = [Problem(layout.config_file, str(error).strip() or type(error).__name__,
                                    "Rätta felet och spara igen; fråga en utvecklare om meddelandet är oklart.")]
        clock = time.strftime("%H:%M:%S")
        if problems:
            for problem in problems:
                print(problem.format(layout.root), file=stream)
            print(f"[{clock}] {len(problems)} att rätta: webbläsaren visar dem tills du har rättat och sparat.",
                  file=stream, flush=True)
            write_error_page(layout, error_dir or site_dir, problems)
            return False
        print(f"[{clock}] Förhandsvisningen är uppdaterad ({time.monotonic() - started:.0f} s).", file=stream, flush=True)
        return True

    return run


def port_problem(host: str, port: int) -> str | None:
    """Why the preview cannot listen on host:port, in Swedish, or None when it can."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror:
        return f"adressen '{host}' finns inte på den här datorn. Använd 127.0.0.1."
    family, kind, _, _, address = infos[0]
    with socket.socket(family, kind) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as error:
            if error.errno == errno.EADDRINUSE:
                return (f"port {port} används redan, troligen av en annan förhandsvisning som fortfarande är igång. "
                        f"Stoppa den (Ctrl+C i dess terminal) eller välj en annan port: stodmaterial serve --port {port + 1}")
            if error.errno == errno.EACCES:
                return f"port {port} får bara användas av administratörer. Välj en port över 1024, t.ex. --port 8000."
            return f"det går inte att lyssna på {host}:{port} ({error.strerror}). Välj en annan port med --port."
    return None
