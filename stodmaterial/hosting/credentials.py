"""One login per tenant: `<credentials_dir>/<slug>.htpasswd`, in the format nginx's auth_basic reads.

The file holds the user name (the tenant's slug) and the hash of a generated password, never the
password itself. It lives outside every folder nginx serves and outside the repository. nginx's worker
processes read it on every request, so a change takes effect at once; no reload is needed.

    # comment lines (nginx skips them): when the login was created, rotated or revoked
    exempelkommun:{SSHA}…

A revoked login keeps its file with comments only: nginx then refuses every password (401), and
`stodmaterial hosting` leaves the tenant out, so it answers like a tenant that never existed.

Permissions: with `credentials_group` (www-data in Debian) the file is 0640, owned by the user who runs
`stodmaterial login` (root) and readable by nginx's workers, which cannot change it; the folder is
0750. Without a group the file is 0600 and the folder 0700 (nginx's workers must then run as the same
user, as in the tests).
"""

from __future__ import annotations

import enum
import grp
import os
import tempfile
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from stodmaterial.hosting.password import generate_password, hash_password
from stodmaterial.problems import Problem, ProblemError
from stodmaterial.tenant.model import SLUG

SUFFIX = ".htpasswd"


class State(enum.Enum):
    ACTIVE = "aktiv"
    REVOKED = "återkallad"
    MISSING = "saknas"


@dataclass(frozen=True)
class NewLogin:
    slug: str
    user: str
    password: str
    path: Path


def _now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")


@dataclass(frozen=True)
class CredentialStore:
    folder: Path
    group: str | None = None

    def path(self, slug: str) -> Path:
        if not SLUG.match(slug):
            raise ProblemError([Problem(self.folder / slug, f"'{slug}' är inget giltigt kortnamn.",
                                        "Skriv organisationens kortnamn, mappnamnet i tenants/, t.ex. exempelkommun.")])
        return self.folder / f"{slug}{SUFFIX}"

    def users(self, slug: str) -> list[tuple[str, str]]:
        """The (user, hash) lines of the tenant's file; [] when missing or revoked."""
        path = self.path(slug)
        if not path.is_file():
            return []
        entries = []
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            user, sep, hashed = line.partition(":")
            if not sep or not hashed:
                raise ProblemError([Problem(path, "raden är ingen inloggning (namn:hash).", "Skapa filen på nytt med stodmaterial login rotate.", number)])
            entries.append((user, hashed))
        return entries

    def state(self, slug: str) -> State:
        try:
            return self._state(slug)
        except PermissionError as error:
            raise ProblemError([Problem(self.path(slug), f"saknar behörighet att läsa inloggningen ({error.strerror}).",
                                        "Kör kommandot som root (sudo).")])

    def _state(self, slug: str) -> State:
        path = self.path(slug)
        if path.is_symlink():
            raise ProblemError([Problem(path, "inloggningsfilen är en symbolisk länk.", "Ta bort länken och kör stodmaterial login create.")])
        if not path.exists():
            return State.MISSING
        entries = self.users(slug)
        if not entries:
            return State.REVOKED
        if [user for user, _ in entries] != [slug]:
            raise ProblemError([Problem(path, f"filen ska bara ha användaren '{slug}'.",
                                        f"Kör stodmaterial login rotate {slug} för att skriva om den.")])
        return State.ACTIVE

    def create(self, slug: str) -> NewLogin:
        if self.state(slug) is State.ACTIVE:
            raise ProblemError([Problem(self.path(slug), f"'{slug}' har redan en inloggning.",
                                        f"Byt lösenord med stodmaterial login rotate {slug}.")])
        return self._new(slug, "skapad")

    def rotate(self, slug: str) -> NewLogin:
        if self.state(slug) is not State.ACTIVE:
            raise ProblemError([Problem(self.path(slug), f"'{slug}' har ingen aktiv inloggning att byta.",
                                        f"Skapa en med stodmaterial login create {slug}.")])
        return self._new(slug, "bytt lösenord")

    def revoke(self, slug: str) -> Path:
        state = self.state(slug)
        if state is State.MISSING:
            raise ProblemError([Problem(self.path(slug), f"'{slug}' har ingen inloggning.", "Kontrollera kortnamnet.")])
        self._write(slug, f"# Inloggningen för {slug} återkallades {_now()}. Ingen kan logga in.\n"
                          f"# Öppna igen med: stodmaterial login create {slug}\n")
        return self.path(slug)

    def _new(self, slug: str, what: str) -> NewLogin:
        password = generate_password()
        self._write(slug, f"# Inloggning för {slug}, {what} {_now()}. Bara lösenordets hash finns här.\n"
                          f"{slug}:{hash_password(password)}\n")
        return NewLogin(slug, slug, password, self.path(slug))

    def _gid(self) -> int | None:
        if self.group is None:
            return None
        try:
            return grp.getgrnam(self.group).gr_gid
        except KeyError:
            raise ProblemError([Problem(self.folder, f"gruppen '{self.group}' finns inte.",
                                        "Ange gruppen som nginx körs som (credentials_group), i Debian www-data.")])

    def _prepare_folder(self, gid: int | None) -> None:
        try:
            self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            if self.folder.is_symlink() or not self.folder.is_dir():
                raise ProblemError([Problem(self.folder, "inloggningsmappen är ingen vanlig mapp.", "Ange en riktig mapp i credentials_dir.")])
            if gid is not None:
                os.chown(self.folder, -1, gid)
            os.chmod(self.folder, 0o750 if gid is not None else 0o700)
        except PermissionError as error:
            raise ProblemError([Problem(self.folder, f"saknar behörighet ({error.strerror}).",
                                        "Kör kommandot som root (sudo) så att filen kan få rätt ägare och rättigheter.")])

    def _write(self, slug: str, text: str) -> None:
        """Replace the tenant's file in one step; it never exists with wider permissions."""
        gid = self._gid()
        self._prepare_folder(gid)
        target = self.path(slug)
        handle, temporary = tempfile.mkstemp(prefix=f".{slug}.", suffix=".tmp", dir=self.folder)
        try:
            if gid is not None:
                os.fchown(handle, -1, gid)
            os.fchmod(handle, 0o640 if gid is not None else 0o600)
            os.write(handle, text.encode("utf-8"))
            os.fsync(handle)
            os.close(handle)
            handle = -1
            os.replace(temporary, target)
        except PermissionError as error:
            raise ProblemError([Problem(target, f"saknar behörighet ({error.strerror}).", "Kör kommandot som root (sudo).")])
        finally:
            if handle != -1:
                os.close(handle)
            Path(temporary).unlink(missing_ok=True)
