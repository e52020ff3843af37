"""Helpers for the hosted-service tests: a throwaway TLS certificate, an unprivileged nginx on 127.0.0.1
running the generated configuration, and a small HTTPS client that sends paths exactly as written."""

from __future__ import annotations

import base64
import contextlib
import http.client
import io
import os
import pwd
import re
import shutil
import socket
import ssl
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from stodmaterial.cli import main as cli_main

TEMP_KINDS = ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")


def nginx_binary() -> str:
    found = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
    if not found:
        raise RuntimeError("nginx is missing: run scripts/test, which installs Debian's nginx")
    return found


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def self_signed_certificate(folder: Path) -> tuple[Path, Path]:
    """A throwaway certificate for 127.0.0.1, made with Debian's openssl for this test run only."""
    folder.mkdir(parents=True, exist_ok=True)
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out", str(cert),
         "-days", "2", "-subj", "/CN=stodmaterial.test", "-addext", "subjectAltName=IP:127.0.0.1"],
        check=True, capture_output=True, timeout=60,
    )
    return cert, key


def cli(*args: str) -> tuple[int, str, str]:
    """Run the stodmaterial command line in-process; returns (exit code, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli_main(list(args))
    return code, out.getvalue(), err.getvalue()


def password_from(output: str) -> str:
    found = re.search(r"^\s*Lösenord:\s+(\S+)$", output, re.MULTILINE)
    assert found, output
    return found.group(1)


class Nginx:
    """nginx in `folder`, unprivileged on loopback, including the generated stodmaterial.conf."""

    def __init__(self, folder: Path, include: Path):
        self.folder = folder
        for kind in TEMP_KINDS:
            (folder / "temp" / kind).mkdir(parents=True, exist_ok=True)
        # As root, nginx's workers would run as nobody; the credential files are 0600 for this user.
        user = f"user {pwd.getpwuid(os.geteuid()).pw_name};\n" if os.geteuid() == 0 else ""
        temp = "".join(f"    {kind}_temp_path {folder}/temp/{kind};\n" for kind in TEMP_KINDS)
        (folder / "nginx.conf").write_text(
            f"{user}worker_processes 1;\ndaemon off;\npid {folder}/nginx.pid;\nerror_log {folder}/error.log;\n"
            "events { worker_connections 256; }\n"
            f"http {{\n    access_log off;\n{temp}    include {include};\n}}\n"
        )
        self.command = [nginx_binary(), "-p", str(folder), "-e", str(folder / "error.log"), "-c", str(folder / "nginx.conf")]
        self.process: subprocess.Popen | None = None

    def test(self) -> subprocess.CompletedProcess:
        return subprocess.run([*self.command, "-t"], capture_output=True, text=True, timeout=60)

    def start(self, port: int) -> None:
        self.process = subprocess.Popen(self.command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline and self.process.poll() is None:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError(f"nginx did not start: {self.process.stderr.read().decode() if self.process.poll() is not None else 'timeout'}")

    def workers(self) -> set[int]:
        """The master's child processes (its workers), read from /proc."""
        found = set()
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                with contextlib.suppress(OSError):
                    # Field 4 of /proc/<pid>/stat is the parent; the name in field 2 may hold spaces.
                    fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
                    if int(fields[1]) == self.process.pid and fields[0] != "Z":
                        found.add(int(entry))
        return found

    def reload(self) -> None:
        """`nginx -s reload`, then wait until the new configuration answers: nginx reads it, starts new
        workers and lets the old ones finish; once none of the old workers is left, only new ones answer."""
        old = self.workers()
        subprocess.run([*self.command, "-s", "reload"], check=True, capture_output=True, timeout=30)
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            current = self.workers()
            if current and not current & old:
                return
            time.sleep(0.02)  # polling /proc: there is no event for a process ending in another's tree
        raise RuntimeError(f"nginx kept its old workers after reload: {sorted(old & self.workers())}")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=15)


@dataclass
class Response:
    status: int
    headers: dict[str, str]
    body: bytes


def basic(user: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()


class Client:
    """HTTPS over one keep-alive connection to 127.0.0.1; sends the path exactly as given (no
    normalisation of dot segments or percent escapes), optionally from another loopback address."""

    def __init__(self, port: int, source: str = "127.0.0.1", tls: bool = True):
        self.port, self.source, self.tls = port, source, tls
        self.context = ssl.create_default_context()
        self.context.check_hostname = False
        self.context.verify_mode = ssl.CERT_NONE  # the throwaway self-signed certificate
        self.connection: http.client.HTTPConnection | None = None

    def _connect(self) -> http.client.HTTPConnection:
        if self.tls:
            return http.client.HTTPSConnection("127.0.0.1", self.port, context=self.context, timeout=30, source_address=(self.source, 0))
        return http.client.HTTPConnection("127.0.0.1", self.port, timeout=30, source_address=(self.source, 0))

    def get(self, path: str, auth: tuple[str, str] | None = None, method: str = "GET", headers: dict | None = None) -> Response:
        sent = {"Host": "stodmaterial.test", **(headers or {})}
        if auth:
            sent["Authorization"] = basic(*auth)
        for attempt in range(2):
            if self.connection is None:
                self.connection = self._connect()
            try:
                self.connection.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
                for name, value in sent.items():
                    self.connection.putheader(name, value)
                self.connection.endheaders()
                response = self.connection.getresponse()
                body = response.read()
                result = Response(response.status, {k.lower(): v for k, v in response.getheaders()}, body)
                if response.will_close:
                    self.close()
                return result
            except (http.client.HTTPException, OSError):
                self.close()
                if attempt:
                    raise
        raise AssertionError("unreachable")

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
            self.connection = None
