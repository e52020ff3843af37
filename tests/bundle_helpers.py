"""Helpers for the bundle tests: throwaway signing keys, unpacking, the guide's verify command."""

from __future__ import annotations

import re
import subprocess
import zipfile
from pathlib import Path

from stodmaterial.bundle.sign import allowed_signers_line

ROOT = Path(__file__).resolve().parent.parent


def make_key(folder: Path, name: str = "key") -> Path:
    """A throwaway ed25519 key without passphrase, made for one test run (never a real key)."""
    folder.mkdir(parents=True, exist_ok=True)
    key = folder / name
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "test-only", "-f", str(key)], check=True)
    return key


def write_allowed_signers(key: Path, target: Path) -> Path:
    target.write_text(allowed_signers_line(key.with_suffix(".pub").read_text()))
    return target


def unpack(archive: Path, target: Path) -> Path:
    target.mkdir(parents=True)
    with zipfile.ZipFile(archive) as bundle:
        bundle.extractall(target)
    return target


def guide_verify_command() -> str:
    """The one-line Linux verify command exactly as the hosting guide prints it."""
    guide = (ROOT / "HOSTING.md").read_text(encoding="utf-8")
    found = re.search(r"^ssh-keygen -Y verify .*< SHA256SUMS$", guide, re.MULTILINE)
    assert found, "HOSTING.md must show the verify command"
    return found.group(0)


GUIDE_SIGNERS = "/etc/stodmaterial/allowed_signers"


def verify(folder: Path) -> subprocess.CompletedProcess:
    """Run the guide's verify command in an unpacked bundle, with allowed_signers beside the folder (the
    guide keeps it outside the folder, in /etc/stodmaterial/)."""
    command = guide_verify_command()
    assert GUIDE_SIGNERS in command
    command = command.replace(GUIDE_SIGNERS, str(folder.parent / "allowed_signers"))
    return subprocess.run(command, shell=True, cwd=folder, capture_output=True, text=True, timeout=60)


def sha256sum_check(folder: Path) -> subprocess.CompletedProcess:
    return subprocess.run(["sha256sum", "--strict", "-c", "SHA256SUMS"], cwd=folder, capture_output=True, text=True, timeout=60)
