"""`stodmaterial verify`: everything HOSTING.md checks by hand, in one command with one verdict.

A bundle (the zip, or the folder it was unpacked into) passes only when:
- every entry is a regular file (or, in a folder, a directory): no symbolic link, FIFO, device or socket;
- SHA256SUMS is well formed, every file it lists is there with that checksum, and no file is there
  that it does not list (SHA256SUMS.sig aside);
- the signature of SHA256SUMS verifies against the host's own allowed_signers, when one is given;
- manifest.json names the expected tenant, agrees with SHA256SUMS about the files and the signature,
  and the version is not a test build (`dirty`) and not older than the one the host asks for.
"""

from __future__ import annotations

import json
import os
import re
import stat
import subprocess
import tempfile
import zipfile
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from stodmaterial.bundle import sign as signing
from stodmaterial.bundle.checksums import SUMS, check_path, sha256_hex

SIGNATURE = SUMS + ".sig"
MANIFEST = "manifest.json"
UNSIGNED_NOTE = "OSIGNERAT.txt"
VERSION_TIME = re.compile(r"(\d{8}T\d{4}Z)$")
SUMS_LINE = re.compile(r"^([0-9a-f]{64})  ([^\n]+)$")
MAX_TOTAL_BYTES = 2 * 1024**3  # far above any real bundle; stops a zip bomb before it fills the disk


@dataclass
class Verdict:
    """What the check found: `errors` make the bundle unusable, `notes` are for the host to read."""

    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    passed: list[str] = field(default_factory=list)
    tenant: str | None = None
    version: str | None = None
    signature_checked: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors

    def report(self) -> str:
        lines = [f"OK:   {line}" for line in self.passed]
        lines += [f"OBS:  {line}" for line in self.notes]
        lines += [f"FEL:  {line}" for line in self.errors]
        if self.ok and self.signature_checked:
            lines.append(f"GODKÄNT: paketet för '{self.tenant}', version {self.version}, kommer från SKR och är helt.")
        elif self.ok:
            lines.append(f"GODKÄNT UTAN SIGNATURKONTROLL: paketet för '{self.tenant}', version {self.version}, är helt, "
                         "men det är inte visat att det kommer från SKR. Kör igen med --allowed-signers före drift.")
        else:
            lines.append(f"UNDERKÄNT: {len(self.errors)} fel. Använd inte paketet; kontakta SKR och skicka med den här texten.")
        return "\n".join(lines)


def version_time(version: str) -> datetime | None:
    """The build time at the end of a version such as 7d7acca-20261122T0915Z."""
    found = VERSION_TIME.search(version.strip())
    if not found:
        return None
    return datetime.strptime(found.group(1), "%Y%m%dT%H%MZ").replace(tzinfo=timezone.utc)


# --- reading the bundle's entries ---------------------------------------------------------------------

def _zip_entries(archive: Path, verdict: Verdict) -> dict[str, bytes] | None:
    """Every regular file of the zip; a special entry (link, FIFO, device) or an unsafe name is an error."""
    files: dict[str, bytes] = {}
    total = 0
    try:
        with zipfile.ZipFile(archive) as bundle:
            for info in bundle.infolist():
                mode = info.external_attr >> 16
                kind = stat.S_IFMT(mode) if info.create_system == 3 else 0
                name = info.filename
                if info.is_dir() and kind in (0, stat.S_IFDIR):
                    continue
                if kind not in (0, stat.S_IFREG):
                    verdict.errors.append(f"'{name}' är {_kind_word(kind)}, inte en vanlig fil. Ett äkta paket innehåller bara vanliga filer.")
                    continue
                try:
                    check_path(name)
                except ValueError:
                    verdict.errors.append(f"filnamnet {name!r} kan hamna utanför mappen när paketet packas upp.")
                    continue
                if name in files:
                    verdict.errors.append(f"'{name}' finns två gånger i zip-filen.")
                    continue
                total += info.file_size
                if total > MAX_TOTAL_BYTES:
                    verdict.errors.append("zip-filen packas upp till mer än 2 GB; ett äkta paket är mycket mindre.")
                    return None
                files[name] = bundle.read(info)
    except (zipfile.BadZipFile, OSError) as error:
        verdict.errors.append(f"zip-filen går inte att läsa ({error}).")
        return None
    return files


def _kind_word(kind: int) -> str:
    return {
        stat.S_IFLNK: "en symbolisk länk",
        stat.S_IFIFO: "en namngiven rörledning (FIFO)",
        stat.S_IFCHR: "en enhetsfil",
        stat.S_IFBLK: "en enhetsfil",
        stat.S_IFSOCK: "en socket",
        stat.S_IFDIR: "en mapp",
    }.get(kind, "en okänd sorts post")


def _folder_entries(folder: Path, verdict: Verdict) -> dict[str, bytes] | None:
    """Every regular file under the unpacked folder, never following a link."""
    files: dict[str, bytes] = {}
    total = 0
    for root, dirs, names in os.walk(folder, followlinks=False):
        for name in sorted(dirs + names):
            path = Path(root) / name
            rel = path.relative_to(folder).as_posix()
            mode = os.lstat(path).st_mode
            if stat.S_ISDIR(mode):
                continue
            if not stat.S_ISREG(mode):
                verdict.errors.append(f"'{rel}' är {_kind_word(stat.S_IFMT(mode))}, inte en vanlig fil. Ett äkta paket innehåller bara vanliga filer.")
                continue
            total += os.lstat(path).st_size
            if total > MAX_TOTAL_BYTES:
                verdict.errors.append("mappen innehåller mer än 2 GB; ett äkta paket är mycket mindre.")
                return None
            files[rel] = path.read_bytes()
    return files


# --- the checks ---------------------------------------------------------------------------------------

def _parse_sums(data: bytes, verdict: Verdict) -> dict[str, str] | None:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        verdict.errors.append(f"{SUMS} är inte läsbar text.")
        return None
    if not text.endswith("\n") or text == "\n":
        verdict.errors.append(f"{SUMS} är tom eller saknar radslut på sista raden.")
        return None
    listed: dict[str, str] = {}
    for number, line in enumerate(text[:-1].split("\n"), 1):
        found = SUMS_LINE.match(line)
        path = found.group(2) if found else ""
        try:
            check_path(path)
        except ValueError:
            found = None
        if not found or path in listed:
            verdict.errors.append(f"{SUMS} rad {number} har fel form: {line[:80]!r}.")
            return None
        listed[path] = found.group(1)
    return listed


def _check_signature(sums: bytes, signature: bytes, allowed_signers: Path, verdict: Verdict) -> None:
    with tempfile.TemporaryDirectory(prefix="stodmaterial-verify-") as work:
        sig = Path(work) / SIGNATURE
        sig.write_bytes(signature)
        done = subprocess.run(
            ["ssh-keygen", "-Y", "verify", "-f", str(allowed_signers), "-I", signing.PRINCIPAL,
             "-n", signing.NAMESPACE, "-s", str(sig)],
            input=sums, capture_output=True, timeout=60,
        )
    if done.returncode == 0:
        verdict.signature_checked = True
        verdict.passed.append(f"signaturen är gjord av SKR:s nyckel i {allowed_signers.name} ({signing.PRINCIPAL}).")
    else:
        why = (done.stderr or done.stdout).decode("utf-8", "replace").strip().splitlines()
        verdict.errors.append("signaturen stämmer inte med nyckeln i allowed_signers: paketet kommer inte från SKR "
                              f"eller har ändrats ({why[-1] if why else 'ssh-keygen svarade med fel'}).")


def _check_manifest(data: bytes, listed: dict[str, str], tenant: str, not_older_than: str | None,
                    signed: bool, verdict: Verdict) -> None:
    try:
        manifest = json.loads(data.decode("utf-8"))
        slug = manifest["tenant"]["slug"]
        version = manifest["version"]
        built_at = manifest["built_at"]
        files = {entry["path"]: entry["sha256"] for entry in manifest["files"]}
        manifest_signed = bool(manifest["signature"]["signed"])
    except (UnicodeDecodeError, ValueError, KeyError, TypeError):
        verdict.errors.append(f"{MANIFEST} går inte att läsa eller saknar organisation, version eller fillista.")
        return
    verdict.tenant, verdict.version = slug, version
    if slug == tenant:
        verdict.passed.append(f"paketet är byggt för '{slug}'.")
    else:
        verdict.errors.append(f"paketet är byggt för '{slug}', inte för '{tenant}'. Använd bara er egen organisations paket.")
    expected = {path: digest for path, digest in listed.items() if path not in (MANIFEST, SIGNATURE)}
    if files != expected:
        verdict.errors.append(f"{MANIFEST} och {SUMS} räknar upp olika filer eller kontrollsummor.")
    if manifest_signed != signed:
        verdict.errors.append(f"{MANIFEST} säger att paketet {'är' if manifest_signed else 'inte är'} signerat, "
                              f"men {SIGNATURE} {'saknas' if manifest_signed else 'finns'}.")
    built = version_time(version)
    if built is None:
        verdict.errors.append(f"versionen '{version}' har fel form (ska sluta med byggtiden, t.ex. -20261122T0915Z).")
        return
    if "dirty" in version.split("-"):
        verdict.errors.append(f"versionen '{version}' är byggd för test (dirty) och ska inte användas i drift.")
    verdict.passed.append(f"version {version}, byggd {built_at}.")
    if not_older_than:
        floor = version_time(not_older_than)
        if floor is None:
            verdict.errors.append(f"--not-older-than '{not_older_than}' är ingen version (t.ex. 7d7acca-20261122T0915Z).")
        elif built < floor:
            verdict.errors.append(f"paketet är äldre ({version}) än den version ni redan har ({not_older_than}). "
                                  "Ett äldre paket kan vara ett gammalt, äkta paket som skickas igen för att ta bort rättelser.")
        else:
            verdict.passed.append(f"paketet är inte äldre än {not_older_than}.")


def verify_bundle(bundle: Path, tenant: str, not_older_than: str | None = None,
                  allowed_signers: Path | None = None) -> Verdict:
    """Check a bundle (zip file or unpacked folder) the way HOSTING.md describes."""
    verdict = Verdict()
    if bundle.is_symlink() or not (bundle.is_file() or bundle.is_dir()):
        verdict.errors.append(f"'{bundle}' är varken en zip-fil eller en mapp.")
        return verdict
    files = _folder_entries(bundle, verdict) if bundle.is_dir() else _zip_entries(bundle, verdict)
    if files is None:
        return verdict
    if SUMS not in files:
        verdict.errors.append(f"{SUMS} saknas: det här är inget paket från stodmaterial, eller så är det ofullständigt.")
        return verdict
    listed = _parse_sums(files[SUMS], verdict)
    if listed is None:
        return verdict
    bad = [path for path, digest in listed.items() if path in files and sha256_hex(files[path]) != digest]
    missing = [path for path in listed if path not in files]
    extra = [path for path in files if path not in listed and path not in (SUMS, SIGNATURE)]
    for path in bad:
        verdict.errors.append(f"'{path}' har ändrats (kontrollsumman stämmer inte).")
    for path in missing:
        verdict.errors.append(f"'{path}' saknas.")
    for path in extra:
        verdict.errors.append(f"'{path}' finns i paketet men inte i {SUMS}. Packa upp paketet i en ny, tom mapp "
                              "och lägg zip-filen och nycklarna utanför den.")
    if not (bad or missing or extra):
        verdict.passed.append(f"alla {len(listed)} filer finns, har rätt kontrollsumma och inga andra filer finns.")

    signed = SIGNATURE in files
    if allowed_signers is not None:
        if not allowed_signers.is_file():
            verdict.errors.append(f"allowed_signers-filen '{allowed_signers}' finns inte.")
        elif not signed:
            verdict.errors.append(f"paketet är inte signerat ({SIGNATURE} saknas). Be SKR om ett signerat paket.")
        else:
            _check_signature(files[SUMS], files[SIGNATURE], allowed_signers, verdict)
    elif signed:
        verdict.notes.append("signaturen är inte kontrollerad: ange er allowed_signers med --allowed-signers (se HOSTING.md avsnitt 2).")
    else:
        verdict.notes.append(f"paketet är inte signerat ({UNSIGNED_NOTE}): det kan inte visa att det kommer från SKR.")
    if MANIFEST in files and MANIFEST in listed:
        _check_manifest(files[MANIFEST], listed, tenant, not_older_than, signed, verdict)
    else:
        verdict.errors.append(f"{MANIFEST} saknas eller finns inte i {SUMS}.")
    return verdict
