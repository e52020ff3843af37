"""Fleet build vs. the naive way (one engine run per tenant), in one run on this machine.

Prints the fleet's wall time and peak memory, the mean time of direct builds of a sample, the naive
time extrapolated to every tenant, and their ratio. Figures, not a test: the machine is shared.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def child_peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def run(args: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL, env={**os.environ, "CI": "1"})
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--kommuner", type=int, default=290)
    parser.add_argument("--regioner", type=int, default=21)
    parser.add_argument("--sample", type=int, default=5, help="direct builds to time (at least 5)")
    args = parser.parse_args()

    from stodmaterial.fleet.synthetic import write_synthetic_tenants

    work = Path(tempfile.mkdtemp(prefix="bench-fleet-"))
    try:
        for name in ("docs", "themes", "tenants", "overrides"):
            shutil.copytree(ROOT / name, work / name)
        shutil.copy(ROOT / "mkdocs.yml", work / "mkdocs.yml")
        slugs = write_synthetic_tenants(work / "tenants", args.kommuner, args.regioner)
        count = len(slugs) + 1  # and the demo tenant
        cli = [sys.executable, "-m", "stodmaterial", "--repo", str(work)]

        fleet_seconds = run([*cli, "build", "--all", "--out", str(work / "fleet")])
        fleet_peak = child_peak_mib()
        # The floor: merely copying the same output folders (the live links followed).
        copy_seconds = run(["cp", "-rL", str(work / "fleet"), str(work / "copy")])
        shutil.rmtree(work / "copy", ignore_errors=True)

        step = max(1, len(slugs) // args.sample)
        sample = slugs[::step][: max(5, args.sample)]
        direct = [run([*cli, "build", "--tenant", slug, "--out", str(work / "direct" / slug)]) for slug in sample]
        mean = statistics.mean(direct)
        naive = mean * count

        print(f"tenants:                 {count} ({args.kommuner} kommuner, {args.regioner} regioner, + demo)")
        print(f"fleet build:             {fleet_seconds:8.1f} s   peak memory {fleet_peak:6.0f} MiB")
        print(f"direct build (n={len(direct)}):     {mean:8.2f} s each (min {min(direct):.2f}, max {max(direct):.2f})")
        print(f"naive, extrapolated:     {naive:8.1f} s")
        print(f"copy of the same output: {copy_seconds:8.1f} s   (the floor: fleet / copy = {fleet_seconds / copy_seconds:.1f})")
        print(f"ratio naive / fleet:     {naive / fleet_seconds:8.1f}   (target >= 20)")
        print(f"peak memory under 1 GiB: {'yes' if fleet_peak < 1024 else 'NO'}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
