"""Ingest throughput: articles per second into SQLite and PostgreSQL, side by side.

    .venv/bin/python bench/ingest.py [--rows N] [--pg postgresql://postgres@127.0.0.1:5432/test]

First with extraction left out (events come from the ACLED rows' own fields, as in the dedupe
suite's ``gold`` mode) so the figure is the store's: hashing, near-duplicate lookup,
candidate search, incident merge and commit; then with extraction included (each row's notes
read by the real pipeline, as ``eventlens ingest`` does). Each backend gets a fresh database (a temp
file; a throw-away schema on PostgreSQL). A second pass over the same rows measures the
already-stored path (idempotent re-ingest).
"""

from __future__ import annotations

import argparse
import tempfile
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventlens import store as store_mod
from eventlens.eval.dedupe_measure import acled_rows
from eventlens.store.ingest import ingest


@dataclass(frozen=True)
class _Result:
    article: Any
    events: list[Any]
    error: Any = None


def run(url: str, rows: list[Any]) -> tuple[float, float, dict[str, int]]:
    s = store_mod.open(url)
    items = [_Result(r.article, [r.event]) for r in rows]
    t0 = time.perf_counter()
    first = ingest(s, items)
    t1 = time.perf_counter()
    again = ingest(s, items)
    t2 = time.perf_counter()
    assert again.articles_new == 0 and again.already_stored == len(rows)
    counts = s.counts()
    s.close()
    return first.articles_new / (t1 - t0), len(rows) / (t2 - t1), counts


def run_extracting(url: str, rows: list[Any], raw: list[dict[str, str]]) -> tuple[float, dict[str, int]]:
    """Ingest the notes as text: the real pipeline extracts, then the store ingests."""
    from datetime import date, datetime, timedelta
    from datetime import time as dtime

    from eventlens import default_pipeline

    pipe = default_pipeline()
    list(
        pipe.run(
            [{"id": "warm", "text": "Gunmen killed two farmers on Saturday.", "published": "2022-03-07"}]
        )
    )
    items = [
        {
            "id": r["event_id_cnty"],
            "text": r["notes"],
            "published": datetime.combine(date.fromisoformat(r["event_date"]) + timedelta(days=3), dtime(12)),
        }
        for r in raw
    ]
    s = store_mod.open(url)
    t0 = time.perf_counter()
    summary = ingest(s, list(pipe.run(items)))
    t1 = time.perf_counter()
    counts = s.counts()
    s.close()
    return summary.articles_new / (t1 - t0), counts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=None, help="ACLED dev rows to ingest (default: all)")
    ap.add_argument("--data", default="/work/shared/data/acled/dev.csv")
    ap.add_argument("--pg", default="postgresql://postgres@127.0.0.1:5432/test")
    args = ap.parse_args()
    rows = acled_rows(Path(args.data), args.rows)
    print(f"{len(rows)} articles, 1 event each, batches of 64")
    with tempfile.TemporaryDirectory() as d:
        rate, rerun, counts = run(str(Path(d) / "bench.db"), rows)
        print(f"SQLite      {rate:8.1f} articles/s   re-ingest {rerun:8.1f} articles/s   {counts}")
    try:
        import psycopg

        schema = f"bench_{uuid.uuid4().hex[:8]}"
        with psycopg.connect(args.pg, autocommit=True) as conn:
            conn.execute(f'CREATE SCHEMA "{schema}"')
        try:
            rate, rerun, counts = run(f"{args.pg}?options=-csearch_path%3D{schema}", rows)
            print(f"PostgreSQL  {rate:8.1f} articles/s   re-ingest {rerun:8.1f} articles/s   {counts}")
        finally:
            with psycopg.connect(args.pg, autocommit=True) as conn:
                conn.execute(f'DROP SCHEMA "{schema}" CASCADE')
    except psycopg.OperationalError as exc:
        print(f"PostgreSQL  skipped: {args.pg} unreachable ({exc})")
    import csv

    raw = list(csv.DictReader(open(args.data, encoding="utf-8")))[: len(rows)]
    print("with extraction (the real pipeline reads each note, geocoding included):")
    with tempfile.TemporaryDirectory() as d:
        rate, counts = run_extracting(str(Path(d) / "bench.db"), rows, raw)
        print(f"SQLite      {rate:8.1f} articles/s   {counts}")
    schema = f"bench_{uuid.uuid4().hex[:8]}"
    try:
        with psycopg.connect(args.pg, autocommit=True) as conn:
            conn.execute(f'CREATE SCHEMA "{schema}"')
        try:
            rate, counts = run_extracting(f"{args.pg}?options=-csearch_path%3D{schema}", rows, raw)
            print(f"PostgreSQL  {rate:8.1f} articles/s   {counts}")
        finally:
            with psycopg.connect(args.pg, autocommit=True) as conn:
                conn.execute(f'DROP SCHEMA "{schema}" CASCADE')
    except psycopg.OperationalError as exc:
        print(f"PostgreSQL  skipped: {args.pg} unreachable ({exc})")


if __name__ == "__main__":
    main()
