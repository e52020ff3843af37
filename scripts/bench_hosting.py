"""The hosted service under load: how much does checking the password on every request cost?

Builds many synthetic tenants with the fleet build, runs real nginx on 127.0.0.1 with the configuration
`stodmaterial hosting` writes, and drives it with a bounded load of whole page views (each page with
all its assets, as page_view.py counts them), over TLS with keep-alive, in one run and in turns:

    public          the same configuration with every auth_basic line removed (the baseline)
    ssha            {SSHA}, the hash `stodmaterial login` writes
    sha512-crypt    SHA-512 crypt ($6$) with the fewest rounds glibc allows (1000)
    bcrypt-10       bcrypt at cost 10 ($2b$10$), the usual htpasswd -B default

Prints requests per second, page views per second, p95 latency and the ratio to `public` for each.
Figures, not a test: the machine is shared. Uses wrk when it is installed (scripts/bench-hosting
installs Debian's wrk when run as root), otherwise a Python client with threads. Loopback only;
every run is bounded in time and in requests. 127.0.0.1 is exempt from the rate limit here, since the
point is to measure the password check, not the limiter.
"""

from __future__ import annotations

import argparse
import base64
import http.client
import json
import os
import platform
import random
import re
import shutil
import socket
import ssl
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import warnings
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

MODES = ["public", "ssha", "sha512-crypt", "bcrypt-10"]
PAGES_PER_TENANT = 5
TEMP_KINDS = ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")


def crypt_hash(password: str, method: str) -> str:
    """SHA-512 crypt or bcrypt through the system's libcrypt, the same library nginx calls."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        import crypt
    if method == "sha512-crypt":
        salt = crypt.mksalt(crypt.METHOD_SHA512, rounds=1000)
    else:
        salt = crypt.mksalt(crypt.METHOD_BLOWFISH, rounds=1 << 10)
    hashed = crypt.crypt(password, salt)
    assert hashed and hashed.startswith(("$6$rounds=1000$", "$2b$10$")), hashed
    return hashed


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.machine()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def certificate(folder: Path) -> tuple[Path, Path]:
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out", str(cert),
                    "-days", "1", "-subj", "/CN=127.0.0.1"], check=True, capture_output=True, timeout=60)
    return cert, key


@dataclass
class Result:
    requests: int = 0
    seconds: float = 0.0
    bad: int = 0
    p95_ms: list[float] = field(default_factory=list)


class Server:
    """One nginx for one mode, started for a measurement and stopped after it."""

    def __init__(self, folder: Path, include: Path, port: int, workers: int):
        self.folder, self.port = folder, port
        for kind in TEMP_KINDS:
            (folder / "temp" / kind).mkdir(parents=True, exist_ok=True)
        user = "user root;\n" if os.geteuid() == 0 else ""
        temp = "".join(f"    {kind}_temp_path {folder}/temp/{kind};\n" for kind in TEMP_KINDS)
        (folder / "nginx.conf").write_text(
            f"{user}worker_processes {workers};\ndaemon off;\npid {folder}/nginx.pid;\nerror_log {folder}/error.log crit;\n"
            "events { worker_connections 1024; }\n"
            f"http {{\n    access_log off;\n    keepalive_requests 100000;\n{temp}    include {include};\n}}\n")
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        self.command = [nginx, "-p", str(folder), "-e", str(folder / "error.log"), "-c", str(folder / "nginx.conf")]
        checked = subprocess.run([*self.command, "-t"], capture_output=True, text=True, timeout=60)
        if checked.returncode != 0:
            raise SystemExit(f"nginx -t misslyckades:\n{checked.stderr}")
        self.process: subprocess.Popen | None = None

    def __enter__(self):
        self.process = subprocess.Popen(self.command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return self
            except OSError:
                time.sleep(0.05)
        raise SystemExit("nginx startade inte")

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait(timeout=30)


def wrk_script(views: list[tuple[str, list[str]]], target: Path) -> None:
    """A wrk Lua script that walks page view after page view, each with its tenant's Authorization."""
    lines = ["local views = {"]
    for auth, paths in views:
        quoted = ", ".join(json.dumps(p) for p in paths)
        lines.append(f"  {{auth = {json.dumps(auth)}, paths = {{{quoted}}}}},")
    lines.append("}")
    lines.append("""
local counter = 0
function setup(thread) counter = counter + 1; thread:set("start", counter * 7) end
local v, k = 1, 0
function init(args) v = ((tonumber(start) or 0) % #views) + 1 end
function request()
  k = k + 1
  if k > #views[v].paths then k = 1; v = (v % #views) + 1 end
  local headers = {}
  if views[v].auth ~= "" then headers["Authorization"] = views[v].auth end
  return wrk.format("GET", views[v].paths[k], headers)
end
function done(summary, latency, requests)
  io.write(string.format("RESULT %d %f %d %d\\n", summary.requests, summary.duration / 1e6,
    latency:percentile(95), summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
""")
    target.write_text("\n".join(lines))


def run_wrk(port: int, script: Path, seconds: int, connections: int, threads: int) -> tuple[int, float, float, int]:
    done = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--timeout", "60s", "-s", str(script), f"https://127.0.0.1:{port}/"],
        capture_output=True, text=True, timeout=seconds + 120)
    found = re.search(r"^RESULT (\d+) ([\d.]+) (\d+) (\d+)$", done.stdout, re.MULTILINE)
    if not found:
        raise SystemExit(f"wrk gav inget resultat:\n{done.stdout}\n{done.stderr}")
    return int(found.group(1)), float(found.group(2)), int(found.group(3)) / 1000, int(found.group(4))


def run_python(port: int, views: list[tuple[str, list[str]]], seconds: int, connections: int, limit: int) -> tuple[int, float, float, int]:
    """Threads with one keep-alive TLS connection each, page view after page view, until time or count runs out."""
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE  # the benchmark's throwaway certificate
    latencies: list[float] = []
    bad = [0]
    lock = threading.Lock()
    deadline = time.monotonic() + seconds
    budget = [limit]

    def worker(offset: int) -> None:
        connection = http.client.HTTPSConnection("127.0.0.1", port, context=context, timeout=60)
        mine: list[float] = []
        errors = 0
        index = offset
        while time.monotonic() < deadline:
            auth, paths = views[index % len(views)]
            index += 1
            for path in paths:
                with lock:
                    if budget[0] <= 0:
                        break
                    budget[0] -= 1
                started = time.perf_counter()
                try:
                    connection.request("GET", path, headers={"Authorization": auth} if auth else {})
                    response = connection.getresponse()
                    response.read()
                    errors += response.status != 200
                except (http.client.HTTPException, OSError):
                    errors += 1
                    connection.close()
                    connection = http.client.HTTPSConnection("127.0.0.1", port, context=context, timeout=60)
                mine.append(time.perf_counter() - started)
            else:
                continue
            break
        connection.close()
        with lock:
            latencies.extend(mine)
            bad[0] += errors

    started = time.monotonic()
    threads = [threading.Thread(target=worker, args=(n * 7,)) for n in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    p95 = statistics.quantiles(latencies, n=20)[18] * 1000 if len(latencies) >= 20 else float("nan")
    return len(latencies), elapsed, p95, bad[0]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tenants", type=int, default=50, help="organisationer (demo + syntetiska), standard 50")
    parser.add_argument("--seconds", type=int, default=6, help="sekunder per mätning, standard 6")
    parser.add_argument("--rounds", type=int, default=4, help="varv där alla lägen mäts i tur och ordning, standard 4")
    parser.add_argument("--connections", type=int, default=16, help="samtidiga anslutningar, standard 16")
    parser.add_argument("--client", choices=["auto", "wrk", "python"], default="auto")
    parser.add_argument("--max-requests", type=int, default=200_000, help="tak per mätning för Python-klienten")
    args = parser.parse_args()
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

    from stodmaterial.fleet import build_fleet
    from stodmaterial.fleet.synthetic import write_synthetic_tenants
    from stodmaterial.hosting.config import HostingConfig
    from stodmaterial.hosting.generate import generate, output_files, write_output
    from stodmaterial.hosting.page_view import page_view, pages
    from stodmaterial.hosting.password import generate_password, hash_password
    from stodmaterial.paths import Layout

    load_before = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    client = args.client
    if client == "auto":
        client = "wrk" if shutil.which("wrk") else "python"
    workers = os.cpu_count() or 1
    work = Path(tempfile.mkdtemp(prefix="bench-hosting-"))
    try:
        repo = work / "repo"
        for name in ("docs", "themes", "tenants", "overrides"):
            shutil.copytree(ROOT / name, repo / name)
        shutil.copy(ROOT / "mkdocs.yml", repo / "mkdocs.yml")
        layout = Layout(repo)
        regioner = max(1, (args.tenants - 1) // 12)
        write_synthetic_tenants(layout.tenants, kommuner=args.tenants - 1 - regioner, regioner=regioner)
        started = time.perf_counter()
        fleet = build_fleet(layout, out_root=work / "sites", today=date.today())
        if fleet.failed:
            raise SystemExit(f"bygget misslyckades för {sorted(fleet.failed)}")
        slugs = sorted(fleet.built)
        print(f"Byggde {len(slugs)} organisationer med fleet-bygget på {time.perf_counter() - started:.0f} s.")

        passwords = {slug: generate_password() for slug in slugs}
        cert, key = certificate(work)
        rng = random.Random(1)
        views: list[tuple[str, list[str]]] = []
        for slug in slugs:
            site = fleet.built[slug]
            chosen = ["index.html", *rng.sample([p for p in pages(site) if p != "index.html"], PAGES_PER_TENANT - 1)]
            auth = "Basic " + base64.b64encode(f"{slug}:{passwords[slug]}".encode()).decode()
            for page in chosen:
                views.append((auth, [f"/{slug}/{p}" for p in page_view(site, page)]))
        rng.shuffle(views)
        per_view = statistics.mean(len(paths) for _, paths in views)

        # One plan (it reads every page once); one configuration per mode, differing only in the
        # credentials folder and the port.
        servers: dict[str, tuple[Path, int]] = {}
        plan = None
        for mode in MODES:
            credentials = work / f"inloggning-{mode}"
            credentials.mkdir(mode=0o700)
            for slug, password in passwords.items():
                hashed = hash_password(password) if mode in ("public", "ssha") else crypt_hash(password, mode)
                path = credentials / f"{slug}.htpasswd"
                path.write_text(f"{slug}:{hashed}\n")
                path.chmod(0o600)
            port = free_port()
            config = HostingConfig.model_validate({
                "server_name": "127.0.0.1", "listen": ["127.0.0.1"], "https_port": port, "http_port": None,
                "tls_certificate": str(cert), "tls_certificate_key": str(key), "site_root": str(work / "sites"),
                "credentials_dir": str(credentials), "credentials_group": None, "output_dir": str(work / f"nginx-{mode}"),
                "log_dir": str(work), "rate_limit": {"exempt": ["127.0.0.1/32"]},
            })
            if plan is None:
                started = time.perf_counter()
                plan = generate(layout, config, date.today()).plan
                assert len(plan.open) == len(slugs), plan.problems
                print(f"stodmaterial hosting för {len(slugs)} organisationer tog {time.perf_counter() - started:.1f} s.")
            else:
                write_output(config.output, output_files(config, plan, date.today()))
            main_conf = config.output / "stodmaterial.conf"
            if mode == "public":
                main_conf.write_text(re.sub(r"^\s*auth_basic.*\n", "", main_conf.read_text(), flags=re.MULTILINE))
            servers[mode] = (main_conf, port)

        scripts: dict[str, Path] = {}
        if client == "wrk":
            for mode in MODES:
                scripts[mode] = work / f"{mode}.lua"
                wrk_script([("" if mode == "public" else auth, paths) for auth, paths in views], scripts[mode])

        print(f"Klient: {client}, {args.connections} anslutningar, {workers} nginx-arbetsprocesser, "
              f"{len(views)} sidvisningar à i snitt {per_view:.1f} förfrågningar, {args.rounds} varv à {args.seconds} s per läge.")
        results = {mode: Result() for mode in MODES}
        ratios: dict[str, list[float]] = {mode: [] for mode in MODES}
        for round_number in range(1, args.rounds + 1):
            # Each round starts with another mode, so no mode always follows the same one.
            shift = (round_number - 1) % len(MODES)
            order = MODES[shift:] + MODES[:shift]
            rates: dict[str, float] = {}
            for mode in order:
                include, port = servers[mode]
                with Server(work / f"run-{mode}-{round_number}", include, port, workers):
                    if client == "wrk":
                        count, seconds, p95, bad = run_wrk(port, scripts[mode], args.seconds, args.connections, min(2, workers))
                    else:
                        mode_views = [("" if mode == "public" else auth, paths) for auth, paths in views]
                        count, seconds, p95, bad = run_python(port, mode_views, args.seconds, args.connections, args.max_requests)
                result = results[mode]
                result.requests += count
                result.seconds += seconds
                result.bad += bad
                result.p95_ms.append(p95)
                rates[mode] = count / seconds
                print(f"  varv {round_number} {mode:<13} {count / seconds:9.1f} förfr./s  p95 {p95:8.1f} ms  fel {bad}", flush=True)
            for mode in MODES:
                ratios[mode].append(rates[mode] / rates["public"])

        load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
        print()
        print(f"Resultat ({date.today()}, {platform.node()}, {workers} kärnor, {cpu_model()}, klient {client}, "
              f"belastning före {load_before}, efter {load}):")
        print(f"{'läge':<14}{'förfr./s':>10}{'sidvisn./s':>12}{'p95 ms':>10}{'kvot':>8}{'fel':>6}")
        for mode in MODES:
            result = results[mode]
            rate = result.requests / result.seconds
            p95 = statistics.median(result.p95_ms)
            print(f"{mode:<14}{rate:>10.1f}{rate / per_view:>12.1f}{p95:>10.1f}{statistics.median(ratios[mode]):>8.3f}{result.bad:>6}")
        ratio = statistics.median(ratios["ssha"])
        verdict = "uppfyllt" if ratio >= 0.5 else "INTE uppfyllt"
        print(f"\nMål: kvoten inloggad/oinloggad minst 0,5 med den valda hashen (ssha): {ratio:.2f}, {verdict}.")
        print("Förfr./s är snittet över alla varv; p95 är medianen av varvens p95; kvot är medianen av varvens")
        print("kvoter (lägets förfrågningar per sekund delat med 'public' i samma varv).")
        return 0 if all(r.bad == 0 for r in results.values()) else 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
