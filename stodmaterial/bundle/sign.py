"""SSH signature of SHA256SUMS, verifiable with OpenSSH on Linux and Windows:

    ssh-keygen -Y verify -f allowed_signers -I skr-stodmaterial -n file -s SHA256SUMS.sig < SHA256SUMS

The private key's path comes from configuration (--signing-key or STODMATERIAL_SIGNING_KEY), never
from the repository: a key inside the repository is refused. The path may also name a public key whose
private half is loaded in ssh-agent.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from pathlib import Path

from stodmaterial.problems import Problem, ProblemError

PRINCIPAL = "skr-stodmaterial"
NAMESPACE = "file"
KEY_ENV = "STODMATERIAL_SIGNING_KEY"


def configured_key(option: str | None, environ: dict[str, str] | None = None) -> Path | None:
    """The signing key's path from the command line or the environment, or None (unsigned bundle)."""
    value = option or (environ if environ is not None else os.environ).get(KEY_ENV, "")
    return Path(value).expanduser().resolve() if value.strip() else None


def check_key(key: Path, repo_root: Path) -> None:
    """Raise ProblemError when the key is missing or lives inside the repository."""
    if key.is_relative_to(repo_root.resolve()):
        raise ProblemError([Problem(
            key, "signeringsnyckeln ligger i repot. En privat nyckel får aldrig finnas i repot.",
            f"Flytta nyckeln utanför repot (t.ex. ~/.ssh/) och ange sökvägen med --signing-key eller {KEY_ENV}.",
        )])
    if not key.is_file():
        raise ProblemError([Problem(
            key, "signeringsnyckeln finns inte.", f"Kontrollera sökvägen i --signing-key eller {KEY_ENV}.",
        )])


def fingerprint(key: Path) -> str:
    """The key's SHA256 fingerprint as `ssh-keygen -l` prints it (SHA256:…)."""
    done = subprocess.run(["ssh-keygen", "-l", "-E", "sha256", "-f", str(key)], capture_output=True, text=True, timeout=30)
    if done.returncode != 0:
        raise ProblemError([Problem(key, f"ssh-keygen kan inte läsa nyckeln: {done.stderr.strip()}",
                                    "Ange en OpenSSH-nyckel, t.ex. skapad med ssh-keygen -t ed25519.")])
    return done.stdout.split()[1]


def sign(data: bytes, key: Path) -> bytes:
    """The SSH signature (namespace 'file') of `data`, made by `ssh-keygen -Y sign`."""
    with tempfile.TemporaryDirectory(prefix="stodmaterial-sign-") as work:
        target = Path(work) / "SHA256SUMS"
        target.write_bytes(data)
        done = subprocess.run(
            ["ssh-keygen", "-Y", "sign", "-n", NAMESPACE, "-f", str(key), str(target)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=300,
        )
        signature = target.with_name("SHA256SUMS.sig")
        if done.returncode != 0 or not signature.is_file():
            raise ProblemError([Problem(key, f"signeringen misslyckades: {done.stderr.strip()}",
                                        "Kontrollera nyckeln och dess lösenfras (eller ladda den i ssh-agent).")])
        return signature.read_bytes()


def allowed_signers_line(public_key: str) -> str:
    """The allowed_signers line for a public key ('ssh-ed25519 AAAA… [comment]')."""
    kind, blob = public_key.split()[:2]
    return f'{PRINCIPAL} namespaces="{NAMESPACE}" {kind} {blob}\n'
