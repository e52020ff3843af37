"""`stodmaterial serve`: problems shown in the browser and the terminal, a preview that recovers by
itself, a clear message for a port in use."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from types import SimpleNamespace

import pytest

from stodmaterial.cli import main
from stodmaterial.preview import guarded_build

from conftest import TODAY
from hosting_helpers import free_port


def test_a_port_in_use_gets_a_swedish_message_and_the_option_to_choose_another(repo_copy, capsys):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        code = main(["--repo", str(repo_copy.root), "serve", "--port", str(port)])
    err = capsys.readouterr().err
    assert code == 1
    assert f"port {port} används redan" in err and f"stodmaterial serve --port {port + 1}" in err


def test_a_misspelled_block_shows_an_error_page_and_the_build_is_not_run(repo_copy, tmp_path, capsys):
    page = repo_copy.docs / "om.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n/// reflektion\nFråga?\n///\n", encoding="utf-8")
    site = tmp_path / "site"
    (site / "om").mkdir(parents=True)
    (site / "om" / "index.html").write_text("<html><body>gammal sida</body></html>")
    engine_calls = []
    build = guarded_build(repo_copy, "exempelkommun", TODAY, lambda config, **kw: engine_calls.append(config))
    build(SimpleNamespace(site_dir=str(site)))          # must not raise
    err = capsys.readouterr().err
    assert engine_calls == []
    assert "docs/om.md:" in err and "okänt block '/// reflektion'" in err
    for shown in (site / "index.html", site / "404.html", site / "om" / "index.html"):
        text = shown.read_text(encoding="utf-8")
        assert '<html lang="sv">' in text and "okänt block &#x27;/// reflektion&#x27;" in text
        assert "docs/om.md:" in text and "Åtgärd: Rätta stavningen." in text and "</body>" in text


def test_an_engine_error_never_escapes_the_preview(repo_copy, tmp_path, capsys):
    def failing(config, **kwargs):
        raise RuntimeError("motorn gick sönder")

    guarded_build(repo_copy, "exempelkommun", TODAY, failing)(SimpleNamespace(site_dir=str(tmp_path / "site")))
    assert "motorn gick sönder" in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "motorn gick sönder" in capsys.readouterr().err


def get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode("utf-8")


def wait_for(condition, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        try:
            last = condition()
            if last:
                return last
        except OSError as error:
            last = error
        time.sleep(0.2)  # polling a server that rebuilds; no event to wait on
    pytest.fail(f"timed out waiting for {what}: {last!r}")


def test_serve_shows_a_tenant_error_in_the_browser_and_recovers_when_it_is_fixed(repo_copy, tmp_path):
    tenant = repo_copy.tenants / "exempelkommun" / "tenant.yml"
    good = tenant.read_text(encoding="utf-8")
    tenant.write_text(re.sub(r"^primary_color: .*$", "primary_color: #7a1f3d", good, flags=re.M), encoding="utf-8")
    port = free_port()
    log = tmp_path / "serve.log"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONUNBUFFERED": "1"}
    with log.open("w") as out:
        server = subprocess.Popen([sys.executable, "-m", "stodmaterial", "--repo", str(repo_copy.root), "serve", "--port", str(port)],
                                  stdout=out, stderr=subprocess.STDOUT, env=env)
    try:
        base = f"http://127.0.0.1:{port}/"
        page = wait_for(lambda: "att rätta" in (text := get(base)) and text, 60, "the error page")
        assert "tenants/exempelkommun/tenant.yml:" in page and "kommentar" in page and "livereload" in page
        output = log.read_text()
        assert f"http://127.0.0.1:{port}/" in output and "Ctrl+C" in output
        assert "primary_color: värdet är tomt" in output and "Traceback" not in output
        tenant.write_text(good, encoding="utf-8")
        page = wait_for(lambda: "att rätta" not in (text := get(base)) and text, 120, "the site after the fix")
        assert "Exempelkommun" in page
        assert "Förhandsvisningen är uppdaterad" in log.read_text()
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_a_file_saved_during_the_first_build_is_built_next():
    """An editor who saves while the preview's first build runs sees that change, not the file as it was
    when the build began (the stamp used to be taken after the first build)."""
    from stodmaterial.serve import watch

    files = {"tenant.yml": 1}
    builds = []

    class Preview:
        def sources_stamp(self):
            return tuple(files.values())

        def rebuild(self):
            builds.append(dict(files))
            if len(builds) == 1:
                files["tenant.yml"] = 2  # saved while the first build runs

    waits = iter(range(3))

    def wait():
        if next(waits, None) is None:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        watch(Preview(), wait=wait)
    assert builds == [{"tenant.yml": 1}, {"tenant.yml": 2}]
