"""Publishing a finished site so that readers always see a whole site, and never deleting what we did not write.

A site's live path (`site/<slug>`, or `--out`) is a symlink to a release folder beside it:

    site/exempelkommun -> .exempelkommun.releases/20261201T201500-3f2a
    site/.exempelkommun.releases/.stodmaterial-releases      (our marker)
    site/.exempelkommun.releases/.building-…                  (a release being written)

A release is written as `.building-…`, renamed when complete, and the live link is replaced in one
rename, so a reader finds the old site or the new one, never none. The previous release is kept for
readers still loading it; older ones and stale `.building-…` folders (a killed run) are removed on the
next run, and only inside a releases folder that carries our marker.
"""

from __future__ import annotations

import errno
import fcntl
import os
import secrets
import shutil
import time
from contextlib import contextmanager
from pathlib import Path

from stodmaterial.paths import Layout
from stodmaterial.problems import Problem, ProblemError

MARKER = ".stodmaterial-releases"
BUILDING = ".building-"
KEEP = 2  # the live release and the one before it


def releases_dir(live: Path) -> Path:
    return live.parent / f".{live.name}.releases"


def is_release_link(live: Path) -> bool:
    """Whether `live` is a live link this tool made."""
    if not live.is_symlink():
        return False
    target = (live.parent / os.readlink(live)).resolve()
    folder = releases_dir(live).resolve()
    return target.parent == folder and (folder / MARKER).is_file()


def _releases_ours_or_absent(folder: Path) -> bool:
    """The releases folder may be made or cleaned only when it is absent, empty or carries our marker:
    releases are removed from it, so a folder of that name that someone else wrote is never touched."""
    if folder.is_symlink():
        return False
    if not folder.exists():
        return True
    return folder.is_dir() and ((folder / MARKER).is_file() or not any(folder.iterdir()))


def refuse_unsafe_output(layout: Layout, live: Path) -> None:
    """Refuse an output path we may not write: the repository, a parent of it, one of its source
    folders, or a folder that is not empty and was not written by this tool."""
    live = Path(os.path.abspath(live))
    root = layout.root.resolve()
    resolved = live.resolve() if live.exists() and not live.is_symlink() else live
    sources = [layout.docs, layout.themes, layout.tenants, layout.overrides, layout.root / ".git", layout.root / "scripts", layout.root / "stodmaterial", layout.root / "tests"]
    why = None
    if resolved == root or root.is_relative_to(resolved):
        why = "det är repot självt eller en mapp ovanför det"
    elif any(resolved == s.resolve() or resolved.is_relative_to(s.resolve()) for s in sources):
        why = "det är en av repots källmappar"
    elif live.is_symlink() and not is_release_link(live):
        why = "det är en länk som inte skapades av stodmaterial"
    elif not _releases_ours_or_absent(releases_dir(live)):
        why = f"mappen {releases_dir(live).name} bredvid finns redan och skrevs inte av stodmaterial"
    elif live.exists() and not live.is_symlink():
        if not live.is_dir() or any(live.iterdir()):
            why = "mappen finns redan, är inte tom och skrevs inte av stodmaterial"
    if why:
        raise ProblemError([Problem(live, f"kan inte skriva webbplatsen hit: {why}.",
                                    "Välj en ny eller tom mapp med --out, eller utelämna --out (då blir det site/<kortnamn>/).")])


def disk_problem(path: Path, error: OSError) -> Problem:
    if error.errno == errno.ENOSPC:
        what = "disken är full"
    elif error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        what = "mappen är skrivskyddad eller saknar behörighet"
    else:
        what = error.strerror or str(error)
    return Problem(Path(error.filename) if error.filename else path, f"kunde inte skriva ({what}).",
                   "Frigör utrymme eller rätta behörigheterna och bygg igen. Den tidigare webbplatsen är orörd.")


@contextmanager
def _locked(folder: Path):
    with open(folder / MARKER, "a+") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _remove_stale(folder: Path, live_target: str | None) -> None:
    entries = sorted(p for p in folder.iterdir() if p.name != MARKER)
    for path in entries:
        if path.name.startswith(BUILDING):
            shutil.rmtree(path, ignore_errors=True)
    releases = sorted((p for p in folder.iterdir() if p.is_dir() and not p.name.startswith(".")), key=lambda p: p.name)
    keep = {p.name for p in releases[-KEEP:]}
    if live_target:
        keep.add(live_target)
    for path in releases:
        if path.name not in keep:
            shutil.rmtree(path, ignore_errors=True)


def probe(live: Path) -> None:
    """Fail now, before any rendering, if the release folder beside `live` cannot be written (a full or
    read-only disk, missing rights). Raises OSError."""
    folder = releases_dir(Path(os.path.abspath(live)))
    folder.mkdir(parents=True, exist_ok=True)
    (folder / MARKER).touch()
    test = folder / f"{BUILDING}probe-{secrets.token_hex(3)}"
    try:
        with open(test, "wb") as handle:
            handle.write(b"\0" * 65536)
            handle.flush()
            os.fsync(handle.fileno())
    finally:
        test.unlink(missing_ok=True)


class Release:
    """A release being written for `live`: write into `.path`, then `publish()`; on any failure the
    half-written folder is removed and the live site is untouched."""

    def __init__(self, live: Path):
        self.live = Path(os.path.abspath(live))
        self.folder = releases_dir(self.live)
        # Sorts by time, to the nanosecond, so "the newest two" is well defined within one second.
        self.name = f"{time.strftime('%Y%m%dT%H%M%S')}-{time.time_ns() % 10**9:09d}-{secrets.token_hex(2)}"
        self.path = self.folder / f"{BUILDING}{self.name}"

    def __enter__(self) -> "Release":
        self.folder.mkdir(parents=True, exist_ok=True)
        (self.folder / MARKER).touch()
        current = os.readlink(self.live) if self.live.is_symlink() else None
        with _locked(self.folder):
            _remove_stale(self.folder, Path(current).name if current else None)
        self.path.mkdir()
        return self

    def __exit__(self, kind, value, traceback) -> None:
        if self.path.exists():
            shutil.rmtree(self.path, ignore_errors=True)

    def publish(self) -> Path:
        """Make the finished release live in one rename; return the live path."""
        final = self.folder / self.name
        with _locked(self.folder):
            os.rename(self.path, final)
            link = self.live.parent / f".{self.live.name}.link-{self.name}"
            os.symlink(os.path.relpath(final, self.live.parent), link)
            if self.live.exists() and not self.live.is_symlink():
                # An empty folder given as --out (checked by refuse_unsafe_output): it gives way once.
                self.live.rmdir()
            os.replace(link, self.live)
            _remove_stale(self.folder, self.name)
        return self.live
