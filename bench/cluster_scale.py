"""Clustering scale: time to cluster 10,000 and 100,000 mentions, against n log n, and peak memory.

    .venv/bin/python bench/cluster_scale.py [--sizes 10000,100000] [--per-day 250] [--store 10000,100000]

Mentions are synthetic but shaped like a conflict database: 12 countries with a few hundred
hotspots each (Zipf-distributed, so a few cities take much of the violence), each incident
told by 1-6 articles (geometric) that disagree the way reports do - the date by a day, the
place given as the village, the city, the province or only the country, an actor sometimes
left unnamed. Time grows with the data at a constant ``--per-day`` mentions a day (a database
grows by adding days, not by packing more into the same days); ``--fixed-days`` keeps one span
for every size instead, the worst case for density.

Two figures per size, each in a fresh child process so peak RSS is its own:

* ``algorithm``: the store's rule - :func:`eventlens.dedupe.index_keys` candidates from the
  (week x geocell) index, :func:`eventlens.dedupe.compatible`, union-find - in memory.
* ``store`` (sizes in ``--store``): the same mentions ingested into a fresh SQLite store
  through :func:`eventlens.store.ingest` (one mention per article; extraction excluded),
  which does the same clustering with database lookups.

The ratio column is (t / (n log n)) relative to the smallest size: ~1 means n log n growth,
~10 at 100k vs 10k would mean quadratic.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from eventlens.dedupe import MentionKey, compatible, index_keys
from eventlens.types import Actor, Article, DateRange, Event, Place

_COUNTRIES = [  # iso3, centre lat, lon, half-extent in degrees
    ("NGA", 9.0, 8.0, 5.0),
    ("SDN", 14.0, 30.0, 6.0),
    ("UKR", 48.5, 33.0, 5.0),
    ("SYR", 35.0, 38.5, 2.5),
    ("YEM", 15.5, 47.0, 3.0),
    ("MMR", 20.0, 96.0, 5.0),
    ("COD", -2.0, 24.0, 7.0),
    ("IRQ", 33.0, 44.0, 3.5),
    ("AFG", 34.0, 66.0, 4.0),
    ("MEX", 22.0, -101.0, 7.0),
    ("SOM", 5.0, 46.0, 4.0),
    ("BFA", 12.3, -1.5, 3.0),
]
_FAMILIES = [
    ("Battles", "Armed clash", 0.3),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack", 0.25),
    ("Violence against civilians", "Attack", 0.2),
    ("Protests", "Peaceful protest", 0.2),
    ("Strategic developments", "Looting/property destruction", 0.05),
]
_PRECISION = [("point", 0.35), ("city", 0.35), ("admin1", 0.2), ("country", 0.1)]


def _pick(rng: random.Random, table: Sequence[tuple[Any, ...]]) -> tuple[Any, ...]:
    return rng.choices(table, weights=[row[-1] for row in table])[0]


def synthetic(n: int, per_day: int, fixed_days: int | None, seed: int = 1) -> list[tuple[int, Event]]:
    """``n`` (incident number, mention) pairs, shaped as the module docstring says."""
    rng = random.Random(seed)
    days = fixed_days or max(1, n // per_day)
    hotspots = []
    for iso, lat, lon, ext in _COUNTRIES:
        for h in range(300):
            hotspots.append(
                (iso, lat + rng.uniform(-ext, ext), lon + rng.uniform(-ext, ext), f"{iso}-A{h % 15}", h + 1)
            )
    weights = [1.0 / rank for *_, rank in hotspots]  # Zipf within each country
    out: list[tuple[int, Event]] = []
    incident = 0
    start = date(2020, 1, 1)
    while len(out) < n:
        iso, lat, lon, admin1, _ = rng.choices(hotspots, weights=weights)[0]
        etype, sub, _w = _pick(rng, _FAMILIES)
        day = start + timedelta(days=rng.randrange(days))
        actor = f"{iso} armed group {rng.randrange(12)}"
        reports = min(6, 1 + int(rng.expovariate(0.9)))
        for _ in range(reports):
            prec = _pick(rng, _PRECISION)[0]
            jlat, jlon = (
                (lat + rng.gauss(0, 0.01), lon + rng.gauss(0, 0.01)) if prec != "country" else (lat, lon)
            )
            place = Place(f"{admin1}-loc", jlat, jlon, prec, country=iso, iso3=iso, admin1=admin1)
            d = day + timedelta(days=rng.choice((0, 0, 0, 0, 1, -1)))
            art = f"m{len(out)}"
            out.append(
                (
                    incident,
                    Event(
                        article_id=art,
                        role="reported",
                        event_type=etype,
                        sub_event_type=sub,
                        disorder_type="Political violence",
                        date=DateRange.day(d),
                        article_published=datetime(d.year, d.month, d.day, 12),
                        location=place,
                        actor1=Actor(actor) if rng.random() < 0.7 else None,
                        confidence=0.7,
                    ),
                )
            )
            if len(out) >= n:
                break
        incident += 1
    return out


def bcubed_f1(truth: Sequence[int], pred: Sequence[int]) -> tuple[float, float, float]:
    """B-cubed (precision, recall, F1) of cluster labels ``pred`` against ``truth``."""
    from collections import Counter

    both = Counter(zip(truth, pred, strict=True))
    t_size, p_size = Counter(truth), Counter(pred)
    n = len(truth)
    p = sum(c * c / p_size[pl] for (_, pl), c in both.items()) / n
    r = sum(c * c / t_size[tl] for (tl, _), c in both.items()) / n
    return p, r, 2 * p * r / (p + r)


def cluster(keys: Sequence[MentionKey]) -> tuple[list[int], int]:
    """The store's clustering in memory; returns (cluster label per mention, compatibility tests made)."""
    parent = list(range(len(keys)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    index: dict[str, list[int]] = {}
    tests = 0
    for i, m in enumerate(keys):
        store, look = index_keys(m)
        cands: set[int] = set()
        for k in look:
            cands.update(index.get(k, ()))
        for j in cands:
            tests += 1
            if compatible(m, keys[j]):
                ri, rj = find(i), find(j)
                if ri != rj:
                    parent[max(ri, rj)] = min(ri, rj)
        for k in set(store):
            index.setdefault(k, []).append(i)
    return [find(i) for i in range(len(keys))], tests


def one(kind: str, n: int, per_day: int, fixed_days: int | None) -> dict[str, Any]:
    from eventlens.dedupe import mention_key

    data = synthetic(n, per_day, fixed_days)
    base_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    if kind == "algorithm":
        keys = [mention_key(ev, f"{ev.article_id}:0", ev.article_id) for _, ev in data]
        t0 = time.perf_counter()
        labels, tests = cluster(keys)
        secs = time.perf_counter() - t0
        p, r, f = bcubed_f1([inc for inc, _ in data], labels)
        extra = {
            "clusters": len(set(labels)),
            "tests_per_mention": round(tests / n, 1),
            "bcubed_p_r_f1": (round(p, 3), round(r, 3), round(f, 3)),
        }
    else:
        from eventlens import store as store_mod
        from eventlens.store import ingest

        class R:
            __slots__ = ("article", "events", "error")

            def __init__(self, a: Article, e: Event) -> None:
                self.article, self.events, self.error = a, [e], None

        items = [
            R(
                Article(
                    id=ev.article_id,
                    text=f"synthetic mention {ev.article_id}",
                    url=None,
                    source=ev.article_id,
                ),
                ev,
            )
            for _, ev in data
        ]
        with tempfile.TemporaryDirectory() as d, store_mod.open(Path(d) / "scale.db") as s:
            t0 = time.perf_counter()
            ingest(s, items, batch_size=500)
            secs = time.perf_counter() - t0
            extra = {"clusters": s.counts().get("incidents")}
    true_incidents = len({inc for inc, _ in data})
    return {
        "kind": kind,
        "n": n,
        "seconds": secs,
        "true_incidents": true_incidents,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "rss_before_mb": base_rss / 1024,
        **extra,
    }


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="10000,100000")
    ap.add_argument(
        "--store", default="10000", help="sizes to also time through the SQLite store ('' for none)"
    )
    ap.add_argument("--per-day", type=int, default=250, help="mentions per day (the span grows with n)")
    ap.add_argument("--fixed-days", type=int, default=None, help="one span for every size instead")
    ap.add_argument("--one", nargs=2, metavar=("KIND", "N"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.one:
        print(json.dumps(one(args.one[0], int(args.one[1]), args.per_day, args.fixed_days)))
        return 0
    runs = [("algorithm", int(n)) for n in args.sizes.split(",")]
    runs += [("store", int(n)) for n in args.store.split(",") if n]
    span = f"{args.fixed_days} days for every size" if args.fixed_days else f"{args.per_day} mentions/day"
    print(f"synthetic mentions, {span}; each size in its own process")
    print(
        f"{'kind':9} {'n':>7} {'seconds':>8} {'us/mention':>10} {'ratio vs nlogn':>14} {'clusters':>8} "
        f"{'true':>7} {'peak RSS MB':>11}  other"
    )
    first: dict[str, float] = {}
    for kind, n in runs:
        cmd = [
            sys.executable,
            str(Path(__file__).resolve()),
            "--one",
            kind,
            str(n),
            "--per-day",
            str(args.per_day),
        ]
        if args.fixed_days:
            cmd += ["--fixed-days", str(args.fixed_days)]
        r = json.loads(
            subprocess.run(cmd, check=True, capture_output=True, text=True).stdout.strip().splitlines()[-1]
        )
        norm = r["seconds"] / (n * math.log(n))
        ratio = norm / first.setdefault(kind, norm)
        other = {k: v for k, v in r.items() if k in ("tests_per_mention", "bcubed_p_r_f1")}
        print(
            f"{kind:9} {n:7d} {r['seconds']:8.2f} {1e6 * r['seconds'] / n:10.1f} {ratio:14.2f} "
            f"{r['clusters']:8d} {r['true_incidents']:7d} {r['peak_rss_mb']:11.0f}  {other}",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
