"""A JSON or JSONL record's own ``published`` is held to the rule of ``--published`` and the
API's ``published`` (issue 16): from 1900 to a day after the clock, and a date at all. A record
breaking it is one bad input - one line naming ``file:line`` (or ``file[i]``) and why, exit 1,
nothing stored for it - and the rest of the batch goes on. It was read as given (year 1503
dated every event of the article in 1503) or, unreadable, silently dropped."""

from __future__ import annotations

import json
import sys
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from typer.testing import CliRunner

from eventlens.cli import app
from eventlens.clock import utcnow
from eventlens.read import read_paths
from eventlens.store import schema as t

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "api"))

GOOD = {"id": "good", "text": "Rebels ambushed an army convoy near Kidal on Sunday, officials said."}
OTHER = {
    "id": "other",
    "text": "Police dispersed a march of teachers in Bamako on Monday.",
    "published": "2022-03-07",
}


def _in_three_days() -> str:
    return (utcnow() + timedelta(days=3)).strftime("%Y-%m-%dT%H:%M")


BAD = {
    "year-1503": ("1503-06-01", "before 1900"),
    "year-9999": ("9999-01-01T00:00:00Z", "in the future"),
    "three-days-ahead": (_in_three_days(), "in the future"),
    "not-a-date": ("the day after the storm", "not a date"),
    "a-number": (1503, "not a date"),
}


def _batch(d: Path, published: Any) -> Path:
    f = d / "batch.jsonl"
    lines = [GOOD, {"id": "bad", "text": GOOD["text"].replace("Kidal", "Gao"), "published": published}, OTHER]
    f.write_text("".join(json.dumps(r) + "\n" for r in lines))
    return f


def _one_error_line(stderr: str, where: str, why: str) -> None:
    lines = [ln for ln in stderr.splitlines() if where in ln]
    assert len(lines) == 1, stderr
    assert why in lines[0], stderr
    assert "Traceback" not in stderr


@pytest.mark.parametrize("case", sorted(BAD))
def test_the_reader_refuses_the_record(tmp_path: Path, case: str) -> None:
    value, why = BAD[case]
    out = list(read_paths([str(_batch(tmp_path, value))]))
    assert [getattr(a, "id", None) for a in out] == ["good", None, "other"]
    err = out[1]
    assert err.source.endswith("batch.jsonl:2") and why in err.reason  # type: ignore[union-attr]


def test_a_json_list_names_the_index(tmp_path: Path) -> None:
    f = tmp_path / "list.json"
    f.write_text(json.dumps([GOOD, {**OTHER, "published": "1503-06-01"}]))
    out = list(read_paths([str(f)]))
    assert out[0].id == "good"  # type: ignore[union-attr]
    assert out[1].source.endswith("list.json[1]") and "before 1900" in out[1].reason  # type: ignore[union-attr]


def test_good_records_keep_their_dates(tmp_path: Path) -> None:
    f = tmp_path / "ok.jsonl"
    f.write_text(
        json.dumps({**GOOD, "published": "31 Oct 2021 09:21 GMT"})  # free forms still read
        + "\n"
        + json.dumps({**OTHER, "published": ""})  # empty: no date, as before
        + "\n"
    )
    a, b = read_paths([str(f)])
    assert a.published is not None and a.published.year == 2021  # type: ignore[union-attr]
    assert b.published is None  # type: ignore[union-attr]


@pytest.mark.parametrize("case", sorted(BAD))
def test_extract_refuses_the_record_and_goes_on(tmp_path: Path, no_geocoder: None, case: str) -> None:
    value, why = BAD[case]
    res = CliRunner().invoke(app, ["extract", str(_batch(tmp_path, value)), "-f", "jsonl"])
    assert res.exit_code == 1, res.output
    _one_error_line(res.stderr, "batch.jsonl:2", why)
    ids = {json.loads(ln)["article_id"] for ln in res.stdout.splitlines() if ln.strip()}
    assert "bad" not in ids and ids <= {"good", "other"} and ids  # the others were extracted


@pytest.mark.parametrize("case", sorted(BAD))
def test_ingest_stores_nothing_for_the_record(tmp_path: Path, no_geocoder: None, case: str) -> None:
    value, why = BAD[case]
    db = tmp_path / "s.db"
    res = CliRunner().invoke(app, ["ingest", str(_batch(tmp_path, value)), "--db", str(db)])
    assert res.exit_code == 1, res.output
    _one_error_line(res.stderr, "batch.jsonl:2", why)
    eng = sa.create_engine(f"sqlite:///{db}")
    with eng.connect() as conn:
        ids = set(conn.execute(sa.select(t.articles.c.reader_id)).scalars())
    eng.dispose()
    assert ids == {"good", "other"}


@pytest.mark.parametrize("case", sorted(BAD))
def test_the_api_refuses_the_posted_published(store: Any, case: str) -> None:
    from api_data import fake_extract, make_client

    from eventlens.api.keys import create_key

    value, _ = BAD[case]
    secret = create_key(store, "t")[1]
    before = _articles(store)
    with make_client(store, extract=fake_extract) as c:
        resp = c.post(
            "/api/v1/articles", json={"text": GOOD["text"], "published": value}, headers={"X-API-Key": secret}
        )
    assert resp.status_code == 422, resp.text
    detail = resp.json()["detail"]
    assert detail[0]["loc"] == ["body", "published"] and len(resp.text) < 600
    assert _articles(store) == before


def _articles(store: Any) -> int:
    with store.engine.connect() as conn:
        return int(conn.execute(sa.select(sa.func.count()).select_from(t.articles)).scalar_one())
