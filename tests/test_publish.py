"""Safe output folders and publishing that readers never see half done."""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import subprocess
import threading
from pathlib import Path

import pytest

from stodmaterial.cli import main
from stodmaterial.publish import BUILDING, Release, releases_dir

from conftest import TODAY


def run(layout, *argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--repo", str(layout.root), "--today", TODAY.isoformat(), *argv])
    return code, out.getvalue(), err.getvalue()


def listing(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*"))


@pytest.mark.parametrize("target", [".", "..", "docs", "tenants", "themes", ".git"])
def test_out_refuses_the_repository_its_parents_and_its_sources(repo_copy, target):
    (repo_copy.root / ".git").mkdir()
    (repo_copy.root / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    before = listing(repo_copy.root)
    code, _, err = run(repo_copy, "build", "--tenant", "exempelkommun", "--out", str(repo_copy.root / target))
    assert code == 1
    assert "kan inte skriva webbplatsen hit" in err
    assert listing(repo_copy.root) == before


def test_out_refuses_a_folder_that_is_not_ours(repo_copy, tmp_path):
    foreign = tmp_path / "annat"
    foreign.mkdir()
    (foreign / "viktigt.txt").write_text("behåll mig")
    code, _, err = run(repo_copy, "build", "--tenant", "exempelkommun", "--out", str(foreign))
    assert code == 1 and "skrevs inte av stodmaterial" in err
    assert (foreign / "viktigt.txt").read_text() == "behåll mig"


def _site(folder: Path, text: str) -> None:
    (folder / "assets").mkdir(parents=True)
    (folder / "index.html").write_text(text)
    (folder / "assets" / "a.css").write_text(text)


def test_a_reader_never_finds_the_site_missing_while_it_is_republished(tmp_path):
    live = tmp_path / "site" / "kommun"
    misses, reads, done = [], [0], threading.Event()

    def reader():
        while not done.is_set():
            try:
                (live / "index.html").read_text()
                reads[0] += 1
            except FileNotFoundError:
                misses.append(1)

    with Release(live) as first:
        _site(first.path, "version 0")
        first.publish()
    thread = threading.Thread(target=reader)
    thread.start()
    try:
        for number in range(1, 40):
            with Release(live) as release:
                _site(release.path, f"version {number}")
                release.publish()
    finally:
        done.set()
        thread.join()
    assert reads[0] > 0
    assert misses == []
    assert (live / "index.html").read_text() == "version 39"
    kept = [p.name for p in releases_dir(live).iterdir() if not p.name.startswith(".")]
    assert len(kept) == 2, "the live release and the one before it are kept, older ones removed"


def test_a_killed_run_leaves_nothing_that_the_next_run_does_not_clean(tmp_path):
    live = tmp_path / "kommun"
    with Release(live) as release:
        _site(release.path, "ett")
        release.publish()
    stale = releases_dir(live) / f"{BUILDING}20260101T000000-dead00"
    _site(stale, "halvfärdig")  # what SIGKILL during a build leaves behind
    with Release(live) as release:
        _site(release.path, "två")
        release.publish()
    assert not stale.exists()
    assert (live / "index.html").read_text() == "två"


def test_a_failed_release_leaves_the_live_site_and_no_half_written_folder(tmp_path):
    live = tmp_path / "kommun"
    with Release(live) as release:
        _site(release.path, "bra")
        release.publish()
    with pytest.raises(RuntimeError):
        with Release(live) as release:
            _site(release.path, "trasig")
            raise RuntimeError("the build failed half way")
    assert (live / "index.html").read_text() == "bra"
    assert not [p for p in releases_dir(live).iterdir() if p.name.startswith(BUILDING)]


@pytest.fixture
def small_disk(tmp_path):
    mount = tmp_path / "disk"
    mount.mkdir()
    if os.geteuid() != 0:
        pytest.fail("the disk test mounts a small tmpfs and needs root (scripts/test runs as root in CI)")
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=48m", "tmpfs", str(mount)], check=True)
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=False)


def test_a_full_or_read_only_disk_gives_a_swedish_message_and_keeps_the_previous_site(repo_copy, demo_site, small_disk):
    live = small_disk / "exempelkommun"
    with Release(live) as release:  # the previous site, as a build left it
        shutil.copytree(demo_site, release.path, dirs_exist_ok=True)
        release.publish()
    before = listing(live)
    filler = small_disk / "fyllnad"
    with open(filler, "wb") as handle:
        while True:
            try:
                handle.write(b"\0" * (1 << 20))
                handle.flush()
            except OSError:
                break
    code, _, err = run(repo_copy, "build", "--tenant", "exempelkommun", "--out", str(live))
    assert code == 1 and "disken är full" in err and "Traceback" not in err
    assert listing(live) == before
    filler.unlink()
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    code, _, err = run(repo_copy, "build", "--tenant", "exempelkommun", "--out", str(live))
    assert code == 1 and "skrivskyddad" in err and "Traceback" not in err
    assert listing(live) == before


def test_a_foreign_folder_named_like_the_releases_is_never_cleaned(repo_copy, tmp_path):
    # Releases are removed from .<name>.releases beside the site: a folder of that name that this tool
    # did not write must stop the build, not be emptied.
    live = tmp_path / "kommun"
    foreign = releases_dir(live)
    (foreign / "20200101T000000-behall").mkdir(parents=True)
    (foreign / "20200101T000000-behall" / "viktigt.txt").write_text("behåll mig")
    (foreign / f"{BUILDING}annat").mkdir()
    before = listing(foreign)
    code, _, err = run(repo_copy, "build", "--tenant", "exempelkommun", "--out", str(live))
    assert code == 1 and "skrevs inte av stodmaterial" in err
    assert listing(foreign) == before and not live.exists()
