"""A JSONL file with one bad line fails as a file: ingested again it is read again, the bad line
reported again and the run exits 1, as on the first run; the good lines stay stored once.
(It was marked processed on the first run, so the second run skipped it and exited 0.)"""

from __future__ import annotations

import json
from pathlib import Path

import sqlalchemy as sa
from typer.testing import CliRunner

from eventlens.cli import app
from eventlens.store import schema as t

GOOD = {"id": "ok", "text": "Rebels attacked an army post near Beni on Monday, killing four soldiers."}


def _articles(db: Path) -> int:
    eng = sa.create_engine(f"sqlite:///{db}")
    with eng.connect() as conn:
        n = conn.execute(sa.select(sa.func.count()).select_from(t.articles)).scalar_one()
    eng.dispose()
    return int(n)


def _ingest(*argv: str) -> tuple[int, str]:
    res = CliRunner().invoke(app, ["ingest", *argv])
    assert "Traceback" not in res.output
    return res.exit_code, res.stderr


def test_a_jsonl_file_with_a_bad_line_fails_again_when_ingested_again(
    tmp_path: Path, no_geocoder: None
) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps(GOOD) + "\n{not json\n" + json.dumps({"id": "empty", "text": " "}) + "\n")
    db = tmp_path / "s.db"
    for _ in range(2):
        code, err = _ingest(str(feed), "--db", str(db))
        assert code == 1, err
        assert "feed.jsonl:2" in err and "malformed JSON line" in err
        assert "feed.jsonl:3" in err and "empty text" in err
        assert _articles(db) == 1


def test_a_bad_file_beside_a_good_one_fails_on_every_run(tmp_path: Path, no_geocoder: None) -> None:
    (tmp_path / "good.jsonl").write_text(json.dumps(GOOD) + "\n")
    (tmp_path / "bad.jsonl").write_text("{not json\n")
    db = tmp_path / "s.db"
    assert _ingest(str(tmp_path), "--db", str(db))[0] == 1
    code, err = _ingest(str(tmp_path), "--db", str(db))
    assert code == 1 and "bad.jsonl:1" in err
    assert _articles(db) == 1
