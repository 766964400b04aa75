"""Issue 16 item 7: a FIFO inside a directory is skipped with one line (never opened: that would
hang); a file without an extension is read when it is text, and refused saying why when not."""

from __future__ import annotations

import os
from pathlib import Path

from typer.testing import CliRunner

from eventlens.cli import app
from eventlens.errors import InputError
from eventlens.read import read_paths
from eventlens.types import Article

TEXT = "Villagers protested against a new toll gate near Tamale on Friday, local radio said.\n"


def test_fifo_in_a_directory_is_skipped_not_read(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "ok.txt").write_text(TEXT)
    out = list(read_paths([str(tmp_path)]))
    errors = [o for o in out if isinstance(o, InputError)]
    assert [a.id for a in out if isinstance(a, Article)] == ["ok.txt"]
    assert len(errors) == 1 and "FIFO" in errors[0].reason and "skipped" in errors[0].reason


def test_extensionless_files_are_read_as_text_or_refused_saying_why(tmp_path: Path) -> None:
    (tmp_path / "REPORT").write_text(TEXT)
    (tmp_path / "core").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4 binary")  # a known other kind: not ours, left out
    out = list(read_paths([str(tmp_path)]))
    assert [a.id for a in out if isinstance(a, Article)] == ["REPORT"]
    (err,) = [o for o in out if isinstance(o, InputError)]
    assert err.source.endswith("core") and "no file extension" in err.reason and "not text" in err.reason


def test_extract_dir_with_a_fifo_finishes(tmp_path: Path, no_geocoder: None) -> None:
    os.mkfifo(tmp_path / "pipe.html")
    (tmp_path / "ok.txt").write_text(TEXT)
    res = CliRunner().invoke(app, ["extract", str(tmp_path), "-f", "jsonl", "--published", "2024-01-05"])
    assert res.exit_code == 1
    assert sum("pipe.html" in ln for ln in res.stderr.splitlines()) == 1
