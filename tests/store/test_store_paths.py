"""``ingest_paths``: files in, a summary and an exit code out; unchanged files skipped on re-run."""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from typing import Any

from rich.console import Console
from store_helpers import Result, event

from eventlens.errors import InputError
from eventlens.jobs.files import ingest_paths
from eventlens.store import open as open_store
from eventlens.types import Article


def one_event_each(items: Iterable[Any], **_: Any) -> Iterator[Result]:
    """A small stand-in extraction stage: one Baghdad shelling per article, or an error for 'BROKEN'."""
    for a in items:
        assert isinstance(a, Article)
        if "BROKEN" in a.text:
            yield Result(None, [], InputError(a.source or a.id, "no sentence could be parsed", stage="nlp"))
        else:
            yield Result(a, [event(a)])


def _run(db: str, paths: list[str]) -> tuple[int, str]:
    buf = io.StringIO()
    code = ingest_paths(db, paths, console=Console(file=buf, width=200), extract=one_event_each)
    return code, buf.getvalue()


def test_directory_ingest_then_rerun(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for i in range(3):
        (src / f"s{i}.txt").write_text(
            f"Shelling report {i}\n\nShells fell on a market, police said. Item {i}."
        )
    (src / "bad.txt").write_text("BROKEN\n\nnothing here")
    db = str(tmp_path / "x.db")
    code, out = _run(db, [str(src)])
    assert code == 1
    assert "3 new" in out and "1 failure;" in out and "bad.txt" in out
    code, out = _run(db, [str(src)])
    assert code == 1  # the bad file is tried again, and fails again
    assert "3 unchanged input files were already ingested" in out
    s = open_store(db)
    assert s.counts()["articles"] == 3 and s.counts()["failures"] == 2
    s.close()


def test_all_good_exit_zero_and_missing_path_fails(tmp_path):
    f = tmp_path / "one.txt"
    f.write_text("Report\n\nRockets hit the airport on Sunday.")
    db = str(tmp_path / "y.db")
    assert _run(db, [str(f)])[0] == 0
    code, out = _run(db, [str(tmp_path / "nope.txt")])
    assert code == 1 and "nope.txt" in out


def test_unreachable_store_exits_2(tmp_path):
    code, out = _run("postgresql://nobody@127.0.0.1:1/none", [str(tmp_path)])
    assert code == 2 and "cannot open the database" in out
