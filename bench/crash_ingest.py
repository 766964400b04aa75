"""Crash safety at scale: SIGKILL an ingest at random points, re-run it, and check the store.

    .venv/bin/python bench/crash_ingest.py [--articles 2000] [--kills 10] [--seed 1]
        [--backend sqlite,postgresql] [--pg postgresql://postgres@127.0.0.1:5432/test]

For each backend: a fresh store (a temp file; a throw-away PostgreSQL schema). Then ``--kills``
times: start ``eventlens.store.ingest`` of the same ``--articles`` synthetic articles in a child
process and SIGKILL it at a random point - the first kill at a random time after start (it may
land in start-up or the schema migration), the others a random number of committed articles
into the run plus a random few milliseconds, so most land inside a transaction - then run
:func:`eventlens.store.check.check` on what the kill left. Finally one run to the end, and the
checks the issue asks for: every article exactly once, the expected number of mentions, no
orphan rows or empty incidents (``check``), the engine's integrity check, and the incident
partition equal to that of one uninterrupted ingest (so no incident was duplicated or lost).

Extraction is a cheap deterministic stand-in (events derived from the article number: 40 places,
60 days, two event families, some articles re-telling an earlier incident and some wire copies)
so the run takes minutes; the store does all its real work (hashing, MinHash/LSH, candidate
index, merges, refresh). ``tests/store/test_store_crash.py`` runs a small version (3 kills x 200).
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from eventlens.types import Actor, Article, DateRange, Event, Place

HERE = Path(__file__).resolve().parent
_PLACES = [
    Place(
        f"Town{i}",
        5.0 + (i % 8) * 1.3,
        10.0 + (i // 8) * 1.7,
        "city",
        country="Nigeria",
        iso3="NGA",
        admin1=f"State{i % 6}",
    )
    for i in range(40)
]
_TYPES = [
    ("Battles", "Armed clash", "Political violence"),
    ("Violence against civilians", "Attack", "Political violence"),
]


@dataclass(frozen=True)
class Result:
    """The shape of ``ExtractResult``: what the injected extractor returns per article."""

    article: Article
    events: list[Event] = field(default_factory=list)
    error: Any = None


def _incident(i: int) -> int:
    """Which incident article ``i`` tells: every 4th article re-tells one told 1-3 articles before."""
    return i - 1 - (i % 3) if i % 4 == 3 else i


def articles(n: int) -> list[Article]:
    """``n`` synthetic articles; every 10th is a wire copy (new headline line) of the one before."""
    out = []
    for i in range(n):
        k = _incident(i)
        if i % 10 == 9:
            src = out[i - 1]
            text = f"Updated {i}. " + src.text
        else:
            text = (
                f"Report {i} from correspondent {i * 7919 % 1000}: fighting linked to incident {k} in "
                f"{_PLACES[k % 40].name}; officials gave figures, witnesses described the scene ({i})."
            )
        day = date(2022, 1, 1) + timedelta(days=k % 60)
        out.append(
            Article(
                id=f"art{i}",
                text=text,
                url=f"https://outlet{i % 17}.example/{i}",
                published=datetime(day.year, day.month, day.day, 12),
                source=f"art{i}",
            )
        )
    return out


def _events(art: Article) -> list[Event]:
    i = int(art.id.removeprefix("art"))
    k = _incident(i - 1 if i % 10 == 9 else i)
    etype, sub, disorder = _TYPES[k % 2]
    day = date(2022, 1, 1) + timedelta(days=k % 60)
    ev = Event(
        article_id=art.id,
        role="reported",
        event_type=etype,
        sub_event_type=sub,
        disorder_type=disorder,
        date=DateRange.day(day),
        article_published=art.published,
        location=_PLACES[k % 40],
        fatalities=(k % 5) + (i % 2),
        actor1=Actor(f"Armed Group {k % 7}"),
        confidence=0.7,
    )
    return [ev] if i % 5 else [ev, _second(art, k)]


def _second(art: Article, k: int) -> Event:
    day = date(2022, 1, 1) + timedelta(days=(k + 30) % 60)
    return Event(
        article_id=art.id,
        role="background",
        event_type="Protests",
        sub_event_type="Peaceful protest",
        disorder_type="Demonstrations",
        date=DateRange.day(day),
        article_published=art.published,
        location=_PLACES[(k + 11) % 40],
        confidence=0.5,
    )


def cheap_extract(items: Iterable[Any], *, published: Any = None, batch_size: int = 64) -> Iterator[Result]:
    """The injected extractor: ``extract_many``'s shape, microseconds per article."""
    for art in items:
        yield Result(art, _events(art))


def expected_mentions(n: int) -> int:
    return sum(len(_events(a)) for a in articles(n))


def child(url: str, n: int, batch: int) -> None:
    from eventlens import store as store_mod
    from eventlens.store import ingest

    s = store_mod.open(url)

    def tick(summary: Any) -> None:
        print("committed", summary.articles_seen, flush=True)

    ingest(s, articles(n), batch_size=batch, extract=cheap_extract, progress=tick)
    print("finished", flush=True)


def _spawn(url: str, n: int, batch: int) -> subprocess.Popen[str]:
    cmd = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--child",
        url,
        "--articles",
        str(n),
        "--batch",
        str(batch),
    ]
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(HERE.parent / "src"), os.environ.get("PYTHONPATH", "")]),
    }
    return subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True, env=env, cwd=tempfile.gettempdir())


def _kill_at(proc: subprocess.Popen[str], target: int | None, delay: float) -> tuple[bool, int]:
    """SIGKILL ``proc`` once it reports ``target`` articles seen (or at once) and ``delay`` s more.

    Returns (killed, articles the child had reported seen)."""
    assert proc.stdout is not None
    seen = 0
    finished = False
    if target is None:
        time.sleep(delay)
    else:
        for line in proc.stdout:
            if line.startswith("finished"):
                finished = True
                break
            if line.startswith("committed"):
                seen = int(line.split()[1])
                if seen >= target:
                    time.sleep(delay)
                    break
    killed = not finished and proc.poll() is None
    if killed:
        proc.send_signal(signal.SIGKILL)
    proc.stdout.close()
    proc.wait(timeout=120)
    return killed, seen


@dataclass
class Report:
    backend: str
    lines: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def say(self, msg: str) -> None:
        self.lines.append(msg)
        print(f"[{self.backend}] {msg}", flush=True)


def _stored(url: str) -> int:
    from eventlens import store as store_mod

    with store_mod.open(url) as s:
        return s.counts()["articles"]


def run(url: str, backend: str, n: int, kills: int, seed: int, batch: int = 64) -> Report:
    """Kill-and-resume ``kills`` times, finish, and check; ``Report.problems`` is empty on success."""
    import sqlalchemy as sa

    from eventlens import store as store_mod
    from eventlens.store import ingest
    from eventlens.store import schema as t
    from eventlens.store.check import check, partition

    rng = random.Random(seed)
    rep = Report(backend)
    t0 = time.perf_counter()
    for k in range(kills):
        before = _stored(url) if k else 0
        if k == 0:
            target, delay = None, rng.uniform(0.3, 2.5)  # may land in start-up or migration
        else:
            remaining = n - before
            target = before + rng.randint(0, max(1, 2 * remaining // (kills - k + 1)))
            delay = rng.uniform(0.0, 0.05)
        proc = _spawn(url, n, batch)
        killed, seen = _kill_at(proc, target, delay)
        after = _stored(url)
        with store_mod.open(url) as s:
            probs = check(s)
        rep.problems += [f"after kill {k + 1}: {p}" for p in probs]
        where = (
            f"{delay:.2f} s after start" if target is None else f"at seen>={target} +{delay * 1000:.0f} ms"
        )
        rep.say(
            f"kill {k + 1:2d}: {'SIGKILL ' + where if killed else 'run ended before the kill'}; "
            f"stored {before} -> {after}; consistency {'OK' if not probs else probs}"
        )
    proc = _spawn(url, n, batch)
    _kill_at(proc, n + 1, 0.0)  # a target never reached: the run goes to the end
    if proc.returncode != 0:
        rep.problems.append(f"final run exited with {proc.returncode}")
    elapsed = time.perf_counter() - t0

    exp_ids = {a.id for a in articles(n)}
    with store_mod.open(url) as s, s.engine.connect() as conn:
        rows = list(conn.execute(sa.select(t.articles.c.reader_id)).scalars())
        n_mentions = conn.execute(sa.select(sa.func.count()).select_from(t.mentions)).scalar_one()
        active = conn.execute(
            sa.select(sa.func.count()).select_from(t.incidents).where(t.incidents.c.status == "active")
        ).scalar_one()
        runs = dict(
            conn.execute(
                sa.select(t.ingest_runs.c.status, sa.func.count()).group_by(t.ingest_runs.c.status)
            ).all()
        )
        probs = check(s)
        part = partition(s)
    with tempfile.TemporaryDirectory() as d, store_mod.open(Path(d) / "clean.db") as clean:
        ingest(clean, articles(n), batch_size=batch, extract=cheap_extract)
        clean_part = partition(clean)
    once = len(rows) == len(set(rows)) == n and set(rows) == exp_ids
    rep.say(f"final run to the end: {elapsed:.1f} s in all ({kills} kills + 1 full run)")
    rep.say(
        f"articles stored {len(rows)} (distinct {len(set(rows))}, expected {n}): {'OK' if once else 'FAIL'}"
    )
    exp_m = expected_mentions(n)
    rep.say(f"mentions {n_mentions} (expected {exp_m}): {'OK' if n_mentions == exp_m else 'FAIL'}")
    rep.say(
        f"consistency (integrity check, orphans, empty/duplicate incidents): {'OK' if not probs else probs}"
    )
    same = part == clean_part
    rep.say(
        f"incidents {active} active; partition equal to one uninterrupted ingest "
        f"({len(clean_part)} incidents): {'OK' if same else 'FAIL'}"
    )
    rep.say(f"ingest runs by status: {runs} (killed runs stay 'running')")
    if not once:
        rep.problems.append("articles not stored exactly once")
    if n_mentions != exp_m:
        rep.problems.append(f"{n_mentions} mentions, expected {exp_m}")
    rep.problems += probs
    if not same:
        only_here, only_clean = sorted(map(sorted, part - clean_part)), sorted(map(sorted, clean_part - part))
        rep.problems.append(
            f"incident partition differs from an uninterrupted ingest: {len(only_here)} groups only here "
            f"(e.g. {only_here[:2]}), {len(only_clean)} only in the clean run (e.g. {only_clean[:2]})"
        )
    return rep


def _pg_schema(base: str) -> tuple[str, str]:
    schema = f"crash_{uuid.uuid4().hex[:10]}"
    import psycopg

    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    return schema, f"{base}?options=-csearch_path%3D{schema}"


def _drop(base: str, schema: str) -> None:
    import psycopg

    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--kills", type=int, default=10)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--backend", default="sqlite,postgresql")
    ap.add_argument("--pg", default="postgresql://postgres@127.0.0.1:5432/test")
    ap.add_argument("--child", metavar="URL", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        child(args.child, args.articles, args.batch)
        return 0
    failed = False
    for backend in args.backend.split(","):
        if backend == "sqlite":
            with tempfile.TemporaryDirectory() as d:
                rep = run(
                    str(Path(d) / "crash.db"), backend, args.articles, args.kills, args.seed, args.batch
                )
        else:
            schema, url = _pg_schema(args.pg)
            try:
                rep = run(url, backend, args.articles, args.kills, args.seed, args.batch)
            finally:
                _drop(args.pg, schema)
        print(f"[{backend}] {'PASS' if not rep.problems else 'FAIL: ' + '; '.join(rep.problems)}", flush=True)
        failed |= bool(rep.problems)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
