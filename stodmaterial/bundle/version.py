"""A bundle's version: the content version from git plus the build time in UTC.

    <content>-<YYYYMMDD>T<HHMM>Z      e.g. 7d7acca-20261122T0915Z, 7d7acca-dirty-20261122T0915Z

`content` is `git describe --always --dirty` of the repository (a tag when one exists, else the
abbreviated commit; `-dirty` when files differ from the commit). The build time honours
SOURCE_DATE_EPOCH, so the same inputs give a byte-identical zip.
"""

from __future__ import annotations

import os
import re
import subprocess
from datetime import datetime, timezone
from pathlib import Path

UNKNOWN = "okand"


def content_version(root: Path) -> str:
    """The repository's content version, or 'okand' outside git. Takes no locks in the repository."""
    for command in (["describe", "--always", "--dirty"], ["rev-parse", "--short", "HEAD"]):
        try:
            done = subprocess.run(
                ["git", "--no-optional-locks", "-C", str(root), *command],
                capture_output=True, text=True, timeout=30,
            )
        except (OSError, subprocess.TimeoutExpired):
            return UNKNOWN
        if done.returncode == 0 and done.stdout.strip():
            return done.stdout.strip()
    return UNKNOWN


def build_time() -> datetime:
    """Now in UTC to the second, or SOURCE_DATE_EPOCH when set (reproducible builds)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc)
    return datetime.now(timezone.utc).replace(microsecond=0)


def bundle_version(content: str, built: datetime) -> str:
    safe = re.sub(r"[^0-9A-Za-z._-]+", "-", content).strip("-.") or UNKNOWN
    return f"{safe}-{built.astimezone(timezone.utc):%Y%m%dT%H%MZ}"


def iso_utc(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
