"""Extraction throughput versus bare spaCy, side by side in one run.

    .venv/bin/python bench/throughput.py [--n 600] [--data ../shared/data] [--no-geo]

Runs, on the same articles and the same model, (1) bare ``nlp.pipe`` of the stock model and
(2) ``eventlens`` extraction (reading, cleaning, the domain components, detection, arguments,
dates, geocoding, merging), and prints articles/s, words/s, peak RSS, the ratio, the CPU
seconds of each side (and their ratio) and the share of time per stage. Machines here are noisy:
compare the ratios, not the seconds.

Articles: WikiEvents news documents (MIT) and ACLED notes (evaluation use) from ``--data``,
cycled up to ``--n``. Nothing is written.
"""

from __future__ import annotations

import argparse
import csv
import json
import resource
import sys
import time
from collections import defaultdict
from datetime import datetime, timedelta
from pathlib import Path


def load_articles(data: Path, n: int) -> list[dict]:
    docs: list[dict] = []
    wiki = data / "wikievents" / "dev.jsonl"
    if wiki.exists():
        for line in wiki.open(encoding="utf-8"):
            d = json.loads(line)
            docs.append({"id": d["doc_id"], "text": " ".join(d["tokens"])})
    acled = data / "acled" / "dev.csv"
    if acled.exists():
        for r in csv.DictReader(acled.open(encoding="utf-8")):
            pub = datetime.fromisoformat(r["event_date"]) + timedelta(days=3)
            docs.append({"id": r["event_id_cnty"], "text": r["notes"], "published": pub.isoformat()})
    if not docs:
        sys.exit(
            f"bench/throughput.py: no articles under {data} (need wikievents/dev.jsonl or acled/dev.csv)"
        )
    # interleave long news documents and short notes so both kinds are in any prefix
    long_docs = [d for d in docs if len(d["text"]) > 1500]
    short = [d for d in docs if len(d["text"]) <= 1500]
    out: list[dict] = []
    i = 0
    while len(out) < n:
        if long_docs:
            d = dict(long_docs[i % len(long_docs)])
            d["id"] = f"{d['id']}#{i}"
            out.append(d)
        for _ in range(3):
            if short and len(out) < n:
                out.append(short[(i * 3 + _) % len(short)])
        i += 1
    return out[:n]


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=600)
    ap.add_argument("--data", type=Path, default=Path("../shared/data"))
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--no-geo", action="store_true", help="leave geocoding out of the eventlens run")
    args = ap.parse_args()

    import spacy

    import eventlens.pipeline as pl
    import eventlens.stages.record as rec
    from eventlens.stages.nlp import DEFAULT_MODEL

    items = load_articles(args.data, args.n)
    words = sum(len(d["text"].split()) for d in items)
    print(f"{len(items)} articles, {words} words, model {DEFAULT_MODEL}, batch {args.batch_size}")

    # 1. bare spaCy, the stock model, same texts; timed before AND after eventlens and averaged,
    # so load drifting during the run hits both sides alike
    bare = spacy.load(DEFAULT_MODEL)
    list(bare.pipe(["warm-up text."]))

    cpu_bare = 0.0  # CPU seconds of this process: what other jobs on the machine do not inflate

    def run_bare() -> float:
        nonlocal cpu_bare
        t0, c0 = time.perf_counter(), time.process_time()
        for _ in bare.pipe((d["text"] for d in items), batch_size=args.batch_size):
            pass
        cpu_bare += time.process_time() - c0
        return time.perf_counter() - t0

    t_bare_1 = run_bare()
    rss_bare = peak_rss_mb()

    # 2. eventlens, with a timer around each stage
    pipe = pl.Pipeline(geocoder=False if args.no_geo else None, batch_size=args.batch_size)
    # warm-up: everything loaded on first use (the models, the gazetteer, and the statistical
    # language detector, which a text that is not plainly English needs), as in a running server
    warm = [
        {
            "id": "warm",
            "text": "Gunmen killed two farmers in Zamfara on Saturday.",
            "published": "2022-03-07",
        },
        {"id": "warm-lang", "text": "Des hommes armés ont tué deux agriculteurs à Zamfara samedi."},
    ]
    list(pipe.run(warm))
    stage = defaultdict(float)

    def timed(name, fn):
        def wrapper(*a, **k):
            t = time.perf_counter()
            try:
                return fn(*a, **k)
            finally:
                stage[name] += time.perf_counter() - t

        return wrapper

    # Stages are looked up by name in the module that calls them (the pipeline for clean and dates,
    # stages.record for arguments and the rule classifier), so each is wrapped there.
    pl.clean = timed("read+clean", pl.clean)
    pl.find_dates = timed("dates", pl.find_dates)
    rec.args_mod.fill = timed("arguments", rec.args_mod.fill)
    rec.classify = timed("classify", rec.classify)
    pipe._geocode = timed("geocode", pipe._geocode)
    nlp = pipe.nlp
    orig_pipe = nlp.pipe

    def pipe_timed(texts, **kw):
        it = orig_pipe(texts, **kw)
        while True:
            t = time.perf_counter()
            try:
                doc = next(it)
            except StopIteration:
                return
            finally:
                stage["spacy+domain components"] += time.perf_counter() - t
            yield doc

    nlp.pipe = pipe_timed  # type: ignore[method-assign]
    t0, c0 = time.perf_counter(), time.process_time()
    n_events = n_err = 0
    for res in pipe.run(items):
        n_events += len(res.events)
        n_err += res.error is not None
    t_el = time.perf_counter() - t0
    cpu_el = time.process_time() - c0
    rss = peak_rss_mb()
    t_bare = (t_bare_1 + run_bare()) / 2
    cpu_bare /= 2

    aps_bare, aps_el = len(items) / t_bare, len(items) / t_el
    print(
        f"bare spaCy nlp.pipe : {aps_bare:8.1f} articles/s {words / t_bare:10.0f} words/s  peak RSS {rss_bare:6.0f} MB"
    )
    print(
        f"eventlens extract   : {aps_el:8.1f} articles/s {words / t_el:10.0f} words/s  peak RSS {rss:6.0f} MB"
        f"  ({n_events} events, {n_err} input errors)"
    )
    print(
        f"ratio eventlens / bare spaCy: {aps_el / aps_bare:.2f}  (target >= 0.60; peak RSS target < 1500 MB)"
    )
    print(
        f"CPU seconds: bare spaCy {cpu_bare:.1f}, eventlens {cpu_el:.1f}; "
        f"CPU ratio {cpu_bare / cpu_el:.2f} (steadier than wall time on a shared machine)"
    )
    inner = sum(stage.values())
    print("time share by stage:")
    for name, secs in sorted(stage.items(), key=lambda kv: -kv[1]):
        print(f"  {name:26s} {secs:7.2f} s  {100 * secs / t_el:5.1f} %")
    print(f"  {'other (grouping, records)':26s} {t_el - inner:7.2f} s  {100 * (t_el - inner) / t_el:5.1f} %")
    return 0


if __name__ == "__main__":
    sys.exit(main())
