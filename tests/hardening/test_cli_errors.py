"""Issue 16 items 6, 8 and 9: a bad output path, a closed stdin, a mistyped --db and a bad
--max-bytes each give one line and exit 1/2, never a traceback; failures are counted honestly and
ingest gives each failing file's reason."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from eventlens.cli import app

GOOD = "Gunmen killed two traders at a market in Gao on Sunday, residents said.\n"


def _one_line_error(res: Any, code: int) -> None:
    assert res.exit_code == code, res.output
    assert "Traceback" not in res.output
    assert res.exception is None or isinstance(res.exception, SystemExit), repr(res.exception)
    assert len(res.stderr.strip().splitlines()) == 1, res.stderr


@pytest.fixture
def good(tmp_path: Path) -> Path:
    p = tmp_path / "good.txt"
    p.write_text(GOOD)
    return p


@pytest.mark.parametrize(
    ("out", "message"),
    [
        pytest.param("missing-dir/sub/out.json", "no such directory", id="missing-dir"),
        pytest.param(".", "is a directory", id="a-directory"),
    ],
)
def test_extract_output_path_errors(good: Path, tmp_path: Path, out: str, message: str) -> None:
    res = CliRunner().invoke(app, ["extract", str(good), "-o", str(tmp_path / out)])
    _one_line_error(res, 2)
    assert message in res.stderr


@pytest.mark.parametrize("out", ["nowhere/x.csv", "."])
def test_export_output_path_errors(db: str, tmp_path: Path, out: str) -> None:
    res = CliRunner().invoke(app, ["export", "-f", "acled-csv", "--db", db, "-o", str(tmp_path / out)])
    _one_line_error(res, 2)
    assert not list(tmp_path.glob("**/*.part"))


def test_closed_stdin_is_one_line_not_a_traceback(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2] / "src")}
    proc = subprocess.run(
        [sys.executable, "-m", "eventlens.cli", "extract", "-"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env=env,
        preexec_fn=lambda: os.close(0),  # noqa: PLW1509 - the point: a child without stdin
        cwd=tmp_path,
        check=False,
    )
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr and "standard input is closed" in proc.stderr


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(["export", "-f", "jsonl"], id="export"),
        pytest.param(["edit", "KEN0000001", "--set", "fatalities=1", "--reason", "x"], id="edit"),
        pytest.param(["keys", "list"], id="keys-list"),
        pytest.param(["keys", "create", "--name", "x"], id="keys-create"),
        pytest.param(["serve"], id="serve"),
    ],
)
def test_read_commands_refuse_a_mistyped_db(tmp_path: Path, args: list[str]) -> None:
    typo = tmp_path / "evnetlens.db"
    res = CliRunner().invoke(app, [*args, "--db", str(typo)])
    _one_line_error(res, 2)
    assert "no such database" in res.stderr and not typo.exists()


def test_ingest_still_creates_the_database(tmp_path: Path, good: Path, no_geocoder: None) -> None:
    fresh = tmp_path / "new" / "fresh.db"
    res = CliRunner().invoke(app, ["ingest", str(good), "--db", str(fresh)])
    assert res.exit_code == 0, res.output
    assert fresh.is_file()


@pytest.mark.parametrize("command", ["extract", "ingest"])
@pytest.mark.parametrize("value", ["-5", "0"])
def test_max_bytes_must_be_positive(good: Path, tmp_path: Path, command: str, value: str) -> None:
    db = tmp_path / "x.db"
    extra = ["--db", str(db)] if command == "ingest" else []
    res = CliRunner().invoke(app, [command, str(good), "--max-bytes", value, *extra])
    _one_line_error(res, 2)
    assert "--max-bytes" in res.stderr and not db.exists()


def test_failure_summary_mentions_others_only_when_there_were_some(tmp_path: Path, no_geocoder: None) -> None:
    (tmp_path / "empty.txt").write_text("")
    alone = CliRunner().invoke(app, ["extract", str(tmp_path / "empty.txt")])
    assert alone.exit_code == 1 and "the others" not in alone.stderr
    (tmp_path / "good.txt").write_text(GOOD)
    both = CliRunner().invoke(app, ["extract", str(tmp_path), "--published", "2023-05-07"])
    assert both.exit_code == 1 and "1 of 2 inputs failed; the other was processed" in both.stderr
    (tmp_path / "good2.txt").write_text(GOOD)
    three = CliRunner().invoke(app, ["extract", str(tmp_path), "--published", "2023-05-07"])
    assert three.exit_code == 1 and "1 of 3 inputs failed; the other 2 were processed" in three.stderr
    (tmp_path / "good.txt").write_text("")
    (tmp_path / "good2.txt").write_text("")
    none = CliRunner().invoke(app, ["extract", str(tmp_path)])
    assert none.exit_code == 1 and "all 3 inputs failed; nothing was processed" in none.stderr


def test_ingest_gives_the_reason_for_each_failing_file(tmp_path: Path, no_geocoder: None) -> None:
    d = tmp_path / "in"
    d.mkdir()
    (d / "empty.txt").write_text("")
    (d / "blob.txt").write_bytes(b"\x00\x01\x02\x03" * 64)
    (d / "broken.json").write_text("{not json")
    res = CliRunner().invoke(app, ["ingest", str(d), "--db", str(tmp_path / "s.db")])
    assert res.exit_code == 1, res.output
    lines = {ln.strip().split(":", 1)[0]: ln for ln in res.stderr.splitlines() if str(d) in ln}
    assert "empty" in lines[str(d / "empty.txt")]
    assert "binary" in lines[str(d / "blob.txt")]
    assert "JSON" in lines[str(d / "broken.json")] or "json" in lines[str(d / "broken.json")]


def test_ingest_summary_counts_in_words_that_fit_the_number(tmp_path: Path, no_geocoder: None) -> None:
    (tmp_path / "empty.txt").write_text("")
    db = str(tmp_path / "s.db")
    first = CliRunner().invoke(app, ["ingest", str(tmp_path / "empty.txt"), "--db", db])
    assert first.exit_code == 1 and "1 input failed" in first.stderr and "1 inputs" not in first.stderr
    (tmp_path / "good.txt").write_text(GOOD)
    CliRunner().invoke(app, ["ingest", str(tmp_path / "good.txt"), "--db", db])
    again = CliRunner().invoke(app, ["ingest", str(tmp_path / "good.txt"), "--db", db])
    assert again.exit_code == 0
    assert "1 unchanged input file was already ingested" in " ".join(again.stderr.split())


def test_a_record_url_python_cannot_split_is_kept_not_a_traceback(tmp_path: Path, no_geocoder: None) -> None:
    # the store's canonical URL raised ValueError ("http://[x]" is not an IPv6 address), a traceback
    import json

    import sqlalchemy as sa

    from eventlens.store import schema as t

    f = tmp_path / "u.jsonl"
    recs = [
        {
            "id": "a",
            "text": "Rebels ambushed an army convoy near Kidal on Sunday.",
            "url": "http://[9BCFfbdA8]/x",
        },
        {
            "id": "b",
            "text": "Police dispersed a march in Bamako on Monday.",
            "url": "http://a.example:99999/",
        },
    ]
    f.write_text("".join(json.dumps(r) + "\n" for r in recs))
    db = tmp_path / "s.db"
    res = CliRunner().invoke(app, ["ingest", str(f), "--db", str(db)])
    assert res.exit_code == 0 and res.exception is None, res.output
    eng = sa.create_engine(f"sqlite:///{db}")
    with eng.connect() as conn:
        urls = sorted(conn.execute(sa.select(t.articles.c.url)).scalars())
    eng.dispose()
    assert urls == ["http://[9BCFfbdA8]/x", "http://a.example:99999/"]


def test_watch_refuses_a_feed_url_with_a_malformed_host(tmp_path: Path) -> None:
    res = CliRunner().invoke(app, ["watch", "http://[x]/feed", "--db", str(tmp_path / "w.db")])
    assert res.exit_code == 2, res.output
    assert res.exception is None or isinstance(res.exception, SystemExit), repr(res.exception)
    assert "Traceback" not in res.output and "give an http" in res.output
