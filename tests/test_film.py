"""The film on the start page is made from its manuscript: the committed captions match it."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT

SCRIPT = ROOT / "scripts" / "make-film"
FILM = ROOT / "docs" / "film"


def test_committed_captions_are_generated_from_the_manuscript(tmp_path):
    result = subprocess.run([sys.executable, str(SCRIPT), "--captions-only", "--out", str(tmp_path)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    for code in ("sv", "en"):
        generated = (tmp_path / f"film.{code}.vtt").read_text(encoding="utf-8")
        assert generated.startswith("WEBVTT")
        assert generated == (FILM / f"film.{code}.vtt").read_text(encoding="utf-8"), f"run scripts/make-film: film.{code}.vtt is out of date"


def test_the_film_is_short_and_small():
    assert (FILM / "film.mp4").stat().st_size < 5_000_000
    last = (FILM / "film.sv.vtt").read_text(encoding="utf-8").strip().split("\n\n")[-1]
    end = last.split("\n")[1].split(" --> ")[1]
    hours, minutes, seconds = end.split(":")
    assert int(hours) * 3600 + int(minutes) * 60 + float(seconds) <= 90


def test_a_manuscript_error_names_the_line(tmp_path):
    manuscript = tmp_path / "manus.txt"
    manuscript.write_text("== 0:00 0:05 | Rubrik | Title\n0:00 0:04\nsv: Text\nen: Text\nfel rad\n", encoding="utf-8")
    result = subprocess.run([sys.executable, str(SCRIPT), "--captions-only", "--manuscript", str(manuscript), "--out", str(tmp_path)], capture_output=True, text=True, timeout=60)
    assert result.returncode != 0
    assert "manus.txt:5" in result.stderr and "fel rad" in result.stderr
