"""The bundle's .htaccess in Debian's real Apache on 127.0.0.1: pages get the security headers, and a
symbolic link someone placed in the site is never followed."""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from datetime import datetime, timezone
from pathlib import Path

import pytest

from stodmaterial.bundle import make_bundle
from stodmaterial.bundle.hosting import APACHE_ALLOW_OVERRIDE
from stodmaterial.paths import Layout
from stodmaterial.tenant import load_tenant

from bundle_helpers import ROOT, unpack
from hosting_helpers import free_port

APACHE = "/usr/sbin/apache2"
MODULES = Path("/usr/lib/apache2/modules")


def apache_conf(folder: Path, site: Path, port: int) -> str:
    # As root, Apache's children switch to another user: www-data, which must be able to read the site.
    user = "User www-data\nGroup www-data\n" if os.geteuid() == 0 and _has_user("www-data") else ""
    modules = "".join(f"LoadModule {name}_module {MODULES}/mod_{name}.so\n"
                      for name in ("mpm_event", "authz_core", "mime", "headers", "dir"))
    return (
        f"ServerRoot {folder}\nServerName 127.0.0.1\nListen 127.0.0.1:{port}\nPidFile {folder}/apache.pid\n"
        f"ErrorLog {folder}/error.log\nLogLevel warn\n{user}{modules}TypesConfig /dev/null\n"
        "StartServers 1\nServerLimit 1\nThreadsPerChild 8\nMaxRequestWorkers 8\n"
        "<Directory />\n    Options FollowSymLinks\n    AllowOverride None\n    Require all denied\n</Directory>\n"
        f"DocumentRoot {site}\n"
        f"<Directory {site}>\n    {APACHE_ALLOW_OVERRIDE}\n    Require all granted\n</Directory>\n"
    )


def _has_user(name: str) -> bool:
    try:
        pwd.getpwnam(name)
        return True
    except KeyError:
        return False


@pytest.fixture(scope="module")
def apache(demo_site, tmp_path_factory):
    if not Path(APACHE).exists():
        pytest.fail("apache2 is missing: run scripts/test, which installs Debian's apache2")
    layout = Layout(ROOT)
    result = make_bundle(layout, load_tenant(layout.tenants, "exempelkommun"), demo_site,
                         tmp_path_factory.mktemp("dist"), built=datetime.now(timezone.utc).replace(microsecond=0))
    # Outside pytest's private temp folder, so that Apache's own user can read it.
    public = Path(tempfile.mkdtemp(prefix="stodmaterial-apache-"))
    os.chmod(public, 0o755)
    try:
        bundle = unpack(result.zip, public / "bundle")
        site = bundle / "site"
        shutil.copy(bundle / "hosting" / "apache" / ".htaccess", site / ".htaccess")
        for path in [public, *public.rglob("*")]:
            os.chmod(path, 0o755 if path.is_dir() else 0o644)
        secret = public / "hemlig.txt"
        secret.write_text("HEMLIGT-INNEHALL\n")
        os.chmod(secret, 0o644)
        (site / "lankad.txt").symlink_to(secret)
        (site / "lankad-mapp").symlink_to(public)
        folder = tmp_path_factory.mktemp("apache")
        port = free_port()
        (folder / "apache2.conf").write_text(apache_conf(folder, site, port))
        command = [APACHE, "-d", str(folder), "-f", str(folder / "apache2.conf")]
        checked = subprocess.run([*command, "-t"], capture_output=True, text=True, timeout=30)
        assert checked.returncode == 0, checked.stderr
        process = subprocess.Popen([*command, "-DFOREGROUND"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline and process.poll() is None:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.05)  # waiting for the port to open; there is no event to wait on
        if process.poll() is not None:
            pytest.fail(f"apache did not start: {process.stderr.read().decode()}")
        yield f"http://127.0.0.1:{port}/", folder
        process.terminate()
        process.wait(timeout=15)
    finally:
        shutil.rmtree(public, ignore_errors=True)


def fetch(url: str) -> tuple[int, dict[str, str], bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, dict(response.headers.items()), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers.items()), error.read()


def test_apache_serves_pages_with_the_security_headers(apache):
    base, folder = apache
    status, headers, body = fetch(base)
    assert status == 200, (folder / "error.log").read_text()
    assert b"Exempelkommun" in body
    assert "default-src 'self'" in headers["Content-Security-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"


def test_apache_never_follows_a_symlink_placed_in_the_site(apache):
    base, folder = apache
    for path in ("lankad.txt", "lankad-mapp/hemlig.txt"):
        status, _headers, body = fetch(base + path)
        assert status in (403, 404) and b"HEMLIGT" not in body, (path, status)
    assert "Symbolic link not allowed" in (folder / "error.log").read_text()
