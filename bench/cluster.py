"""Dask ingest throughput: articles/s with 1 and 2 worker processes, against a single process.

    .venv/bin/python bench/cluster.py [--articles 2000] [--shards 8] [--pg postgresql://postgres@127.0.0.1:5432/test]

Articles are ACLED dev notes (``/work/shared/data/acled/dev.csv``, read in place) written as
JSONL shards to a temp directory (deleted afterwards). Each run gets a fresh PostgreSQL schema:
first the single-process ``ingest_paths`` (the plain ``eventlens ingest``), then ``ingest_dask``
on a LocalCluster of 1 and of 2 worker processes. Workers are started and their model loaded
before the clock starts (that start-up is printed separately); the timed part is partition,
read, clean, NLP, extraction, geocoding, transfer and the ordered store write. Every run's
articles, mentions and incident partition must equal the single-process run's. Two more figures
locate the bottleneck: extraction alone on the workers (results gathered, nothing stored) and the
store alone (one writer ingesting already-extracted results).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import logging
import os
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any


def make_shards(src: Path, d: Path, n: int, shards: int) -> int:
    with src.open(encoding="utf-8") as fh:
        rows = [r for _, r in zip(range(n), csv.DictReader(fh), strict=False)]
    for s in range(shards):
        with (d / f"shard-{s:02d}.jsonl").open("w", encoding="utf-8") as out:
            for r in rows[s::shards]:
                rec = {"id": r["event_id_cnty"], "text": r["notes"], "published": r["event_date"]}
                out.write(json.dumps(rec) + "\n")
    return len(rows)


def snapshot(url: str) -> tuple[Any, ...]:
    import sqlalchemy as sa

    from eventlens import store as store_mod
    from eventlens.store import schema as t

    with store_mod.open(url) as s, s.engine.connect() as conn:
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
        return arts, ments, {frozenset(g) for g in groups.values()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--shards", type=int, default=8)
    ap.add_argument("--chunk-bytes", type=int, default=16384, help="JSONL bytes per partition")
    ap.add_argument("--workers", default="1,2")
    ap.add_argument("--data", default="/work/shared/data/acled/dev.csv")
    ap.add_argument("--pg", default="postgresql://postgres@127.0.0.1:5432/test")
    args = ap.parse_args()
    logging.basicConfig(level=logging.WARNING)

    import psycopg
    from distributed import Client, LocalCluster
    from rich.console import Console

    from eventlens import store as store_mod
    from eventlens.jobs.cluster import extract_partition, ingest_dask, partitions, warm
    from eventlens.jobs.files import ingest_paths
    from eventlens.store import ingest

    schemas: list[str] = []

    def fresh() -> str:
        name = f"bench_cluster_{uuid.uuid4().hex[:8]}"
        with psycopg.connect(args.pg, autocommit=True) as conn:
            conn.execute(f'CREATE SCHEMA "{name}"')
        schemas.append(name)
        return f"{args.pg}?options=-csearch_path%3D{name}"

    try:
        with tempfile.TemporaryDirectory() as d:
            n = make_shards(Path(args.data), Path(d), args.articles, args.shards)
            avg = sum(p.stat().st_size for p in Path(d).iterdir()) / n
            print(f"{n} articles (ACLED notes, {avg:.0f} bytes each) in {args.shards} JSONL shards")
            # The figures are only comparable on an otherwise idle machine: say how busy it was.
            print(f"{os.cpu_count()} cores; load average at start {os.getloadavg()[0]:.1f}")
            url = fresh()
            t0 = time.perf_counter()
            code = ingest_paths(url, [d], console=Console(file=io.StringIO()))
            single = time.perf_counter() - t0
            assert code == 0, code
            want = snapshot(url)
            print(
                f"single process   {n / single:7.1f} articles/s  ({single:.1f} s incl. model load; "
                f"{len(want[1])} mentions, {len(want[2])} incidents)"
            )
            rates: dict[int, float] = {}
            extract_rates: dict[int, float] = {}
            for w in (int(x) for x in args.workers.split(",")):
                url = fresh()
                t0 = time.perf_counter()
                with (
                    LocalCluster(
                        n_workers=w, threads_per_worker=1, processes=True, dashboard_address=None
                    ) as cluster,
                    Client(cluster) as client,
                ):
                    client.run(warm)
                    startup = time.perf_counter() - t0
                    # Extraction alone (no store): what the workers can deliver.
                    parts = partitions([d], chunk_bytes=args.chunk_bytes)
                    te = time.perf_counter()
                    results = client.gather(client.map(extract_partition, parts, pure=False))
                    extract_rates[w] = n / (time.perf_counter() - te)
                    if w == min(int(x) for x in args.workers.split(",")):
                        # The store alone (one writer, extraction already done): what the writer can absorb.
                        flat = [r for part in results for r in part]
                        with store_mod.open(fresh()) as s:
                            tw = time.perf_counter()
                            ingest(s, flat)
                            write_rate = n / (time.perf_counter() - tw)
                        print(f"store writes alone (1 writer, PostgreSQL)  {write_rate:7.1f} articles/s")
                    print(f"extraction alone, {w} worker(s)            {extract_rates[w]:7.1f} articles/s")
                    t1 = time.perf_counter()
                    code = ingest_dask(url, [d], cluster.scheduler_address, chunk_bytes=args.chunk_bytes)
                    took = time.perf_counter() - t1
                assert code == 0, code
                got = snapshot(url)
                same = got == want
                if not same:  # say how far apart, to tell a bug from a model file edited mid-run
                    print(
                        f"  differs: articles {len(got[0] ^ want[0])}, mentions "
                        f"{len(set(got[1]) ^ set(want[1]))}, incident groups {len(got[2] ^ want[2])}"
                    )
                rates[w] = n / took
                print(
                    f"dask {w} worker(s) {rates[w]:7.1f} articles/s  ({took:.1f} s; cluster start + model "
                    f"load {startup:.1f} s; identical to single process: {same})"
                )
                assert same, "results differ from the single-process run"
            print(f"load average at end {os.getloadavg()[0]:.1f}")
            if 1 in rates and len(rates) > 1:
                for w, r in rates.items():
                    if w != 1:
                        print(
                            f"scaling {w} workers / 1 worker: end to end {r / rates[1]:.2f}x, "
                            f"extraction alone {extract_rates[w] / extract_rates[1]:.2f}x"
                        )
    finally:
        with psycopg.connect(args.pg, autocommit=True) as conn:
            for s in schemas:
                conn.execute(f'DROP SCHEMA IF EXISTS "{s}" CASCADE')


if __name__ == "__main__":
    main()
