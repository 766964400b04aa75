"""Dask ingest: partitioning covers every record once; a 2-worker LocalCluster run with a worker
killed mid-run stores exactly what a single-process run stores (PostgreSQL; skips if absent)."""

from __future__ import annotations

import csv
import json
import os
import signal
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from eventlens.errors import InputError
from eventlens.jobs.cluster import Partition, partitions, read_partition
from eventlens.types import Article

ACLED_DEV = Path("/work/shared/data/acled/dev.csv")
PG_BASE = os.environ.get("EVENTLENS_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")


def _write_jsonl(path: Path, n: int, *, start: int = 0, long_every: int = 3) -> list[str]:
    ids = []
    with path.open("w", encoding="utf-8") as fh:
        for i in range(start, start + n):
            text = f"Report {i}: clashes were reported in a town." + (
                " More detail." * 40 if i % long_every == 0 else ""
            )
            fh.write(json.dumps({"id": f"r{i}", "text": text}) + "\n")
            ids.append(f"r{i}")
    return ids


@pytest.mark.parametrize(
    "chunk",
    [
        pytest.param(1, id="one-byte-chunks"),
        pytest.param(37, id="chunk-shorter-than-a-line"),
        pytest.param(700, id="chunk-spanning-lines"),
        pytest.param(1 << 20, id="whole-file"),
    ],
)
def test_jsonl_byte_ranges_read_each_record_once(tmp_path: Path, chunk: int) -> None:
    ids = _write_jsonl(tmp_path / "a.jsonl", 25)
    parts = partitions([str(tmp_path)], chunk_bytes=chunk)
    assert all(p.kind == "jsonl" for p in parts)
    got = [a.id for p in parts for a in read_partition(p) if isinstance(a, Article)]
    assert got == ids


def test_directories_mix_shards_and_loose_files(tmp_path: Path) -> None:
    _write_jsonl(tmp_path / "s1.jsonl", 4)
    (tmp_path / "sub").mkdir()
    for i in range(5):
        (tmp_path / "sub" / f"n{i}.txt").write_text(
            f"Story {i}\n\nGunmen attacked a village.", encoding="utf-8"
        )
    (tmp_path / "ignored.bin").write_bytes(b"\x00")
    parts = partitions([str(tmp_path)], files_per_partition=2)
    kinds = [p.kind for p in parts]
    assert kinds == ["jsonl", "files", "files", "files"]
    arts = [a for p in parts for a in read_partition(p)]
    assert len(arts) == 9 and all(isinstance(a, Article) for a in arts)
    assert parts[1].name.endswith("n0.txt (+1 files)")


def test_bad_line_is_an_error_naming_file_and_byte(tmp_path: Path) -> None:
    shard = tmp_path / "b.jsonl"
    first = '{"id": "ok", "text": "Fine text here."}\n'
    shard.write_text(first + "{not json\n", encoding="utf-8")
    (part,) = partitions([str(shard)])
    ok, bad = read_partition(part)
    assert isinstance(ok, Article) and isinstance(bad, InputError)
    assert bad.source == f"{shard}@{len(first)}" and "malformed JSON line" in bad.reason


def test_parquet_row_groups(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow", reason="Parquet input needs pyarrow (optional)")
    import pyarrow.parquet as pq

    table = pa.table(
        {"id": [f"p{i}" for i in range(6)], "text": [f"Story {i} about a protest." for i in range(6)]}
    )
    pq.write_table(table, tmp_path / "a.parquet", row_group_size=4)
    parts = partitions([str(tmp_path)])
    assert [(p.kind, p.start) for p in parts] == [("parquet", 0), ("parquet", 1)]
    assert [a.id for p in parts for a in read_partition(p)] == [f"p{i}" for i in range(6)]


def test_fingerprint_changes_when_the_shard_changes(tmp_path: Path) -> None:
    shard = tmp_path / "c.jsonl"
    _write_jsonl(shard, 3)
    (before,) = partitions([str(shard)])
    _write_jsonl(shard, 4)
    (after,) = partitions([str(shard)])
    assert isinstance(before, Partition) and before.fingerprint != after.fingerprint


# ---------------------------------------------------------------------------------- on a cluster


def _pg_reason() -> str | None:
    try:
        import psycopg

        with psycopg.connect(PG_BASE, connect_timeout=3) as conn:
            conn.execute("select 1")
    except Exception as exc:  # noqa: BLE001 - any failure to connect means "skip", with the reason
        return f"PostgreSQL at {PG_BASE} unreachable ({type(exc).__name__}: {exc}); set EVENTLENS_TEST_PG"
    return None


@pytest.fixture
def pg_schemas() -> Iterator[list[str]]:
    reason = _pg_reason()
    if reason:
        pytest.skip(reason)
    import psycopg

    names = [f"evt_cl_{uuid.uuid4().hex[:10]}" for _ in range(2)]
    with psycopg.connect(PG_BASE, autocommit=True) as conn:
        for n in names:
            conn.execute(f'CREATE SCHEMA "{n}"')
    try:
        yield [f"{PG_BASE}?options=-csearch_path%3D{n}" for n in names]
    finally:
        with psycopg.connect(PG_BASE, autocommit=True) as conn:
            for n in names:
                conn.execute(f'DROP SCHEMA IF EXISTS "{n}" CASCADE')


def _acled_shards(d: Path, n: int, shards: int) -> list[dict[str, str]]:
    if not ACLED_DEV.exists():
        pytest.skip(f"{ACLED_DEV} absent: the cluster test makes its articles from ACLED notes")
    with ACLED_DEV.open(encoding="utf-8") as fh:
        rows = [r for _, r in zip(range(n), csv.DictReader(fh), strict=False)]
    recs = [{"id": r["event_id_cnty"], "text": r["notes"], "published": r["event_date"]} for r in rows]
    for s in range(shards):
        with (d / f"shard-{s:02d}.jsonl").open("w", encoding="utf-8") as fh:
            for rec in recs[s::shards]:
                fh.write(json.dumps(rec) + "\n")
    return recs


def _snapshot(url: str) -> tuple[set[str], list[tuple], set[frozenset[str]]]:
    import sqlalchemy as sa

    from eventlens import store as store_mod
    from eventlens.store import schema as t

    s = store_mod.open(url)
    try:
        with s.engine.connect() as conn:
            arts = set(conn.execute(sa.select(t.articles.c.id)).scalars())
            ments = sorted(
                tuple(r)
                for r in conn.execute(
                    sa.select(t.mentions.c.id, t.mentions.c.event_type, t.mentions.c.fatalities)
                )
            )
            groups: dict[int, set[str]] = {}
            for mid, seq in conn.execute(sa.select(t.mentions.c.id, t.mentions.c.incident_seq)):
                groups.setdefault(seq, set()).add(mid)
    finally:
        s.close()
    return arts, ments, {frozenset(g) for g in groups.values()}


@pytest.mark.postgres
def test_killed_worker_loses_and_duplicates_nothing(tmp_path: Path, pg_schemas: list[str]) -> None:
    from distributed import Client, LocalCluster

    import eventlens
    from eventlens import store as store_mod
    from eventlens.jobs.cluster import ingest_dask

    single_url, dask_url = pg_schemas
    recs = _acled_shards(tmp_path, 40, 2)
    with store_mod.open(single_url) as s:
        base = store_mod.ingest(s, list(eventlens.default_pipeline().run(recs)))
    assert base.articles_new + base.already_stored == 40

    killed: list[int] = []
    with (
        LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        Client(cluster) as client,
    ):

        def kill_one_worker(summary: object) -> None:
            if not killed:
                pid = sorted(client.run(os.getpid).values())[0]
                os.kill(pid, signal.SIGKILL)
                killed.append(pid)

        code = ingest_dask(
            dask_url,
            [str(tmp_path)],
            cluster.scheduler_address,
            chunk_bytes=1200,
            batch_size=4,
            progress=kill_one_worker,
        )
        assert killed, "the run ended before a worker could be killed"
        assert code == 0
        # Resumable: a second run finds every partition done and sends nothing to the cluster.
        assert ingest_dask(dask_url, [str(tmp_path)], cluster.scheduler_address, chunk_bytes=1200) == 0
    got, want = _snapshot(dask_url), _snapshot(single_url)
    assert len(want[0]) == base.articles_new and len(want[1]) >= 30  # ACLED notes: about one event each
    assert got == want


def test_a_partition_with_a_failed_item_is_not_marked_done(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Like a file in ``ingest``: a shard with a bad line is read again (and fails again) on the
    next run, instead of being skipped as done and the run exiting 0."""
    from eventlens.jobs import cluster
    from eventlens.store import finished

    shard = tmp_path / "s.jsonl"
    shard.write_text(json.dumps({"id": "a", "text": "Clashes were reported in a town."}) + "\n{broken\n")
    good = tmp_path / "g.jsonl"
    _write_jsonl(good, 2)
    parts = partitions([str(shard), str(good)], chunk_bytes=1 << 20)
    results = {i: read_partition(p) for i, p in enumerate(parts)}
    monkeypatch.setattr(cluster, "_ordered_results", lambda _c, todo, *_a: iter(results.items()))
    marked: list[str] = []
    monkeypatch.setattr(
        finished, "mark_finished", lambda _s, rows, _r: marked.extend(r["input"] for r in rows)
    )
    committed = cluster._Committed(store=None)
    broken: list[str] = []
    items = list(cluster._cluster_items(None, parts, "f", 4, committed, broken))
    assert any(isinstance(x, InputError) for x in items)
    committed.mark(len(items))
    assert marked == [p.name for p in parts if p.files[0] == str(good)]


def test_input_errors_cross_process_boundaries_whole() -> None:
    """Workers return InputErrors to the client; unpickling one raised TypeError (missing reason)."""
    import pickle

    from eventlens.errors import LanguageError

    for err in (
        InputError("s.jsonl:2", "malformed JSON line", stage="read", input="s.jsonl"),
        LanguageError("a.txt", "not English"),
    ):
        back = pickle.loads(pickle.dumps(err))
        assert type(back) is type(err) and str(back) == str(err)
        assert (back.source, back.reason, back.stage, back.input) == (
            err.source,
            err.reason,
            err.stage,
            err.input,
        )
